import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { toTokenSet } from "../../src/cafe24/token-response.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { tokenId } from "../../src/emulator/state/tokens.js";
import { RedisTokenStore } from "../../src/redis/redis-token-store.js";
import { launch, secretOf } from "../helpers/emulator.js";
import { redisUnavailable, useRedisServer } from "../helpers/redis-server.js";
import { spawnFixture, tempDir } from "../helpers/token-files.js";

const LEASE_MS = 400;

function lines(child: ChildProcess): () => Promise<string> {
  const queue: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let buffer = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let end = buffer.indexOf("\n"); end >= 0; end = buffer.indexOf("\n")) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
      const next = waiting.shift();
      if (next) next(line);
      else queue.push(line);
    }
  });
  return () => {
    const line = queue.shift();
    if (line !== undefined) return Promise.resolve(line);
    return new Promise((resolve) => waiting.push(resolve));
  };
}

/**
 * A TokenManager process that stalls (SIGSTOP) after Cafe24 rotated its refresh token and before it saved,
 * for longer than its lock's lease, while the test plays the other lock holder.
 */
describe.skipIf(redisUnavailable("the Redis fencing tests"))(
  "a refresh stalled past its lock's lease",
  () => {
    const server = useRedisServer();

    async function setUp() {
      const emu: RunningEmulator = await launch({ clock: { frozen: false }, rateLimit: { enabled: false } });
      const mall = emu.malls[0];
      if (!mall) throw new Error("no mall");
      const prefix = `f${randomBytes(4).toString("hex")}:`;
      const store = new RedisTokenStore({ url: server.url, prefix, clientId: mall.clientId });
      onTestFinished(() => store.close());
      const seeded = toTokenSet(emu.control.issueTokens(mall.mallId), mall.mallId);
      await store.compareAndSet(mall.mallId, undefined, seeded);
      const stateHome = await tempDir();
      const worker = spawnFixture("redis-stalled-refresh.mjs", [], {
        REDIS_URL: server.url,
        PREFIX: prefix,
        LEASE_MS: String(LEASE_MS),
        MALL: mall.mallId,
        CLIENT_ID: mall.clientId,
        CLIENT_SECRET: secretOf(mall),
        BASE_URL: emu.baseUrlTemplate,
        XDG_STATE_HOME: stateHome,
      });
      return { emu, mall, store, worker, next: lines(worker), stateHome };
    }

    it("saves its rotation when nobody has saved since: the token Cafe24 now honours is the stored one", async () => {
      const { emu, mall, store, worker, next } = await setUp();
      const rotated = (await next()).replace("rotated ", "");
      worker.kill("SIGSTOP");
      // Another holder takes the lock once the lease has run out, finds nothing to do, and leaves.
      await store.withLock(mall.mallId, async () => {});
      worker.kill("SIGCONT");
      worker.stdin?.write("go\n");
      expect(JSON.parse(await next())).toEqual({ refreshTokenId: rotated });
      const stored = await store.get(mall.mallId);
      expect(tokenId(stored?.token.refreshToken ?? "")).toBe(rotated);
      expect(emu.control.stats(mall.mallId)).toMatchObject({
        currentRefreshTokenId: rotated,
        invalidGrant: 0,
      });
    });

    it("cannot overwrite a newer token saved meanwhile (a re-authorization): it keeps that one and sets its own aside", async () => {
      const { emu, mall, store, worker, next, stateHome } = await setUp();
      await next();
      worker.kill("SIGSTOP");
      const reauthorized = toTokenSet(emu.control.issueTokens(mall.mallId), mall.mallId);
      await store.withLock(mall.mallId, async () => {
        const current = await store.get(mall.mallId);
        expect((await store.compareAndSet(mall.mallId, current?.revision, reauthorized)).ok).toBe(true);
      });
      worker.kill("SIGCONT");
      worker.stdin?.write("go\n");
      expect(JSON.parse(await next())).toEqual({ refreshTokenId: tokenId(reauthorized.refreshToken) });
      const stored = await store.get(mall.mallId);
      expect(stored?.token.refreshToken).toBe(reauthorized.refreshToken);
      const rescued = await readdir(join(stateHome, "cafe24-doctor", "rescue"));
      expect(rescued).toHaveLength(1);
      expect(rescued[0]).toMatch(new RegExp(`^cafe24-doctor-rescue-${mall.mallId}-`));
    });
  },
);
