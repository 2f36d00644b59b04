import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";
import { toTokenSet } from "../../src/cafe24/token-response.js";
import { tokenId } from "../../src/emulator/state/tokens.js";
import { RedisTokenStore } from "../../src/redis/redis-token-store.js";
import { launch, secretOf } from "../helpers/emulator.js";
import { redisUnavailable, useRedisServer } from "../helpers/redis-server.js";

const WORKER = fileURLToPath(new URL("../fixtures/token-worker.mjs", import.meta.url));

describe.skipIf(redisUnavailable("the Redis multi-process refresh test"))(
  "processes on separate connections (machines) sharing one RedisTokenStore",
  () => {
    const server = useRedisServer();

    it("6 processes forcing refreshes of one mall: every refresh Cafe24 granted is saved, no invalid_grant, the store ends on the live token", async () => {
      const emu = await launch({ clock: { frozen: false }, rateLimit: { enabled: false } });
      const mall = emu.malls[0];
      if (!mall) throw new Error("no mall");
      const store = new RedisTokenStore({ url: server.url, prefix: "procs:", clientId: mall.clientId });
      onTestFinished(() => store.close());
      await store.compareAndSet(
        mall.mallId,
        undefined,
        toTokenSet(emu.control.issueTokens(mall.mallId), mall.mallId),
      );
      const env = {
        ...process.env,
        MODE: "refresh",
        REDIS_URL: server.url,
        PREFIX: "procs:",
        MALL: mall.mallId,
        CLIENT_ID: mall.clientId,
        CLIENT_SECRET: secretOf(mall),
        BASE_URL: emu.baseUrlTemplate,
      };
      const writes: string[][] = [];
      const children: ChildProcess[] = Array.from({ length: 6 }, (_, i) => {
        const child = spawn(process.execPath, [WORKER], { env, stdio: ["ignore", "pipe", "inherit"] });
        writes[i] = [];
        child.stdout?.on("data", (chunk: Buffer) => {
          for (const line of chunk.toString().split("\n")) if (line.startsWith("W ")) writes[i]?.push(line);
        });
        onTestFinished(() => {
          child.kill("SIGKILL");
        });
        return child;
      });
      const total = () => writes.reduce((sum, w) => sum + w.length, 0);
      // Bounded by count, not time: stop once 120 refreshes were written (or fail after 60 s).
      const until = Date.now() + 60_000;
      while (total() < 120) {
        if (Date.now() > until) throw new Error(`only ${total()} refreshes in 60 s`);
        await new Promise((r) => setTimeout(r, 20));
      }
      for (const child of children) child.kill("SIGTERM");
      const codes = await Promise.all(
        children.map((c) => new Promise((r) => c.once("exit", (code) => r(code)))),
      );
      expect(codes).toEqual(Array(6).fill(0));
      const stats = emu.control.stats(mall.mallId);
      expect(stats.invalidGrant).toBe(0);
      // Each process prints the token it ended each refresh with: one refresh per grant, none lost.
      const distinct = new Set(writes.flat().map((line) => line.split(" ")[2]));
      expect(distinct.size).toBe(stats.grants.refresh_token);
      const stored = await store.get(mall.mallId);
      expect(tokenId(stored?.token.refreshToken ?? "")).toBe(stats.currentRefreshTokenId);
    }, 90_000);
  },
);
