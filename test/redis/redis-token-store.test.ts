import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { RedisTokenStore } from "../../src/redis/redis-token-store.js";
import { type RedisServer, redisUnavailable, startRedisServer } from "../helpers/redis-server.js";
import { sampleToken, spawnFixture } from "../helpers/token-files.js";

/** Polls `check` every 20 ms until it holds; fails after `limitMs` (a bound, not a timing assertion). */
async function eventually(check: () => Promise<boolean> | boolean, limitMs = 10_000): Promise<void> {
  const until = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

function nextLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const end = buffer.indexOf("\n");
      if (end >= 0) {
        child.stdout?.off("data", onData);
        resolve(buffer.slice(0, end));
      }
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`holder exited (${code})`)));
  });
}

describe.skipIf(redisUnavailable("the Redis token store tests"))("RedisTokenStore", () => {
  let server: RedisServer;
  let raw: Redis;
  beforeAll(async () => {
    server = await startRedisServer();
    raw = new Redis(server.url);
  });
  afterAll(async () => {
    raw.disconnect();
    await server.stop();
  });

  /** A store on its own connection (another "machine") under a prefix no other test uses. */
  function storeOn(prefix: string, leaseMs = 15_000): RedisTokenStore {
    const store = new RedisTokenStore({ url: server.url, prefix, clientId: "app", leaseMs });
    onTestFinished(() => store.close());
    return store;
  }
  const freshPrefix = () => `t${randomBytes(4).toString("hex")}:`;

  describe("compare-and-set", () => {
    it("writes only over the revision it read, and answers the current token otherwise", async () => {
      const store = storeOn(freshPrefix());
      const first = await store.compareAndSet("myshop", undefined, sampleToken(1));
      expect(first.ok).toBe(true);
      const stale = await store.compareAndSet("myshop", undefined, sampleToken(2));
      expect(stale).toMatchObject({
        ok: false,
        current: { token: { refreshToken: sampleToken(1).refreshToken } },
      });
      const revision = first.ok ? first.revision : "";
      const second = await store.compareAndSet("myshop", revision, sampleToken(3));
      expect(second.ok).toBe(true);
      expect((await store.get("myshop"))?.token).toEqual(sampleToken(3));
      expect(await store.list()).toEqual(["myshop"]);
    });

    it("never reuses a revision after a delete, so a stale writer cannot match a re-created record", async () => {
      const store = storeOn(freshPrefix());
      const first = await store.compareAndSet("myshop", undefined, sampleToken(1));
      await store.delete("myshop");
      expect(await store.get("myshop")).toBeUndefined();
      expect(await store.list()).toEqual([]);
      const again = await store.compareAndSet("myshop", undefined, sampleToken(2));
      expect(first.ok && again.ok && first.revision !== again.revision).toBe(true);
      const late = await store.compareAndSet("myshop", first.ok ? first.revision : "", sampleToken(9));
      expect(late.ok).toBe(false);
    });

    it("keeps Cafe24's token shape in Redis, with offset-less KST times, and no client secret", async () => {
      const prefix = freshPrefix();
      const store = storeOn(prefix);
      await store.compareAndSet("myshop", undefined, sampleToken(1));
      const json = JSON.parse((await raw.hget(`${prefix}token:app:{myshop}`, "token")) ?? "{}");
      expect(json).toMatchObject({ mall_id: "myshop", expires_at: "2026-11-27T22:41:00.001" });
      expect(Object.keys(json)).not.toContain("client_secret");
    });

    it("puts every key of one mall in one Cluster slot (the {mall} hash tag)", async () => {
      const prefix = freshPrefix();
      const store = storeOn(prefix);
      await store.withLock("myshop", () => store.compareAndSet("myshop", undefined, sampleToken(1)));
      const keys = await raw.keys(`${prefix}*`);
      const perMall = keys.filter((key) => key.includes("{"));
      expect(perMall.length).toBeGreaterThanOrEqual(2);
      for (const key of perMall) expect(key).toMatch(/\{myshop\}$/);
    });
  });

  describe("the lock", () => {
    it("excludes a second store (another machine) until released, and issues a higher fence each time", async () => {
      const prefix = freshPrefix();
      const a = storeOn(prefix);
      const b = storeOn(prefix);
      const order: string[] = [];
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let fenceA = 0;
      const first = a.withLock("myshop", async () => {
        fenceA = a.heldFence("myshop") ?? 0;
        order.push("a in");
        await held;
        order.push("a out");
      });
      await eventually(() => order.includes("a in"));
      let fenceB = 0;
      const second = b.withLock("myshop", async () => {
        fenceB = b.heldFence("myshop") ?? 0;
        order.push("b in");
      });
      // b is polling the lock now; it cannot get in while a holds it.
      await new Promise((r) => setTimeout(r, 100));
      expect(order).toEqual(["a in"]);
      release();
      await Promise.all([first, second]);
      expect(order).toEqual(["a in", "a out", "b in"]);
      expect(fenceB).toBeGreaterThan(fenceA);
    });

    it("is re-entrant along one async chain, and releases only its own owner's lock", async () => {
      const prefix = freshPrefix();
      const store = storeOn(prefix);
      const inner = await store.withLock("myshop", () => store.withLock("myshop", async () => "nested"));
      expect(inner).toBe("nested");
      expect(await raw.exists(`${prefix}lock:app:{myshop}`)).toBe(0);
    });

    it("renews its lease while the holder works, so a slow refresh keeps the lock", async () => {
      const prefix = freshPrefix();
      const store = storeOn(prefix, 1500);
      const other = storeOn(prefix, 1500);
      let otherIn = false;
      await store.withLock("myshop", async () => {
        const contender = other.withLock("myshop", async () => {
          otherIn = true;
        });
        // Several leases long: only renewal keeps the lock held.
        await eventually(async () => (await raw.pttl(`${prefix}lock:app:{myshop}`)) > 0);
        for (let i = 0; i < 10; i++) {
          await new Promise((r) => setTimeout(r, 400));
          expect(otherIn).toBe(false);
        }
        void contender;
      });
      await eventually(() => otherIn);
    });

    it("gives up with TOKEN_LOCK_TIMEOUT when another holder never lets go", async () => {
      const prefix = freshPrefix();
      await raw.set(`${prefix}lock:app:{myshop}`, "someone-else", "PX", 60_000);
      const store = new RedisTokenStore({ url: server.url, prefix, clientId: "app", lockWaitMs: 200 });
      onTestFinished(() => store.close());
      await expect(store.withLock("myshop", async () => {})).rejects.toMatchObject({
        code: "TOKEN_LOCK_TIMEOUT",
      });
    });
  });

  describe("fencing: a holder paused past its lease (SIGSTOP)", () => {
    it("cannot overwrite the token a later holder saved", async () => {
      const prefix = freshPrefix();
      const later = storeOn(prefix);
      await later.compareAndSet("myshop", undefined, sampleToken(1));
      const holder = spawnFixture("redis-lock-holder.mjs", [server.url, prefix, "myshop", "400"]);
      expect(await nextLine(holder)).toMatch(/^locked \d+$/);
      holder.kill("SIGSTOP");
      // The lease runs out while the holder is stopped; the next holder gets a higher fence and saves.
      await later.withLock("myshop", async () => {
        const current = await later.get("myshop");
        const saved = await later.compareAndSet("myshop", current?.revision, sampleToken(2));
        expect(saved.ok).toBe(true);
      });
      holder.kill("SIGCONT");
      const answer = nextLine(holder);
      holder.stdin?.write("write 7\n");
      // It re-read the current revision, so only the fence can refuse it.
      expect(JSON.parse(await answer)).toEqual({ ok: false, fenced: true });
      expect((await later.get("myshop"))?.token.refreshToken).toBe(sampleToken(2).refreshToken);
    });

    it("still saves its rotation when nobody has saved since", async () => {
      const prefix = freshPrefix();
      const other = storeOn(prefix);
      await other.compareAndSet("myshop", undefined, sampleToken(1));
      const holder = spawnFixture("redis-lock-holder.mjs", [server.url, prefix, "myshop", "400"]);
      expect(await nextLine(holder)).toMatch(/^locked \d+$/);
      holder.kill("SIGSTOP");
      // Another holder comes and goes after the lease ran out, writing nothing.
      await other.withLock("myshop", async () => {});
      holder.kill("SIGCONT");
      const answer = nextLine(holder);
      holder.stdin?.write("write 7\n");
      expect(JSON.parse(await answer)).toEqual({ ok: true, fenced: false });
      expect((await other.get("myshop"))?.token.accessToken).toBe("HolderAccess0000000007");
    });
  });

  describe("the local cache", () => {
    it("serves a known token without a round trip and adopts another instance's write at once", async () => {
      const prefix = freshPrefix();
      const reader = storeOn(prefix);
      const writer = storeOn(prefix);
      const first = await writer.compareAndSet("myshop", undefined, sampleToken(1));
      await reader.get("myshop");
      const before = await commandCount("hmget");
      for (let i = 0; i < 50; i++) await reader.get("myshop");
      expect(await commandCount("hmget")).toBe(before);
      await writer.compareAndSet("myshop", first.ok ? first.revision : "", sampleToken(2));
      await eventually(
        async () => (await reader.get("myshop"))?.token.refreshToken === sampleToken(2).refreshToken,
      );
    });

    it("reads Redis, not the cache, under the mall's lock", async () => {
      const prefix = freshPrefix();
      const store = storeOn(prefix);
      await store.compareAndSet("myshop", undefined, sampleToken(1));
      await store.get("myshop");
      const before = await commandCount("hmget");
      await store.withLock("myshop", () => store.get("myshop"));
      expect(await commandCount("hmget")).toBe(before + 1);
    });
  });

  describe("Redis losing its data", () => {
    it("says precisely that a known mall's token is lost and how to re-authorize, after a restart without persistence", async () => {
      const own = await startRedisServer();
      onTestFinished(() => own.stop());
      const store = new RedisTokenStore({ url: own.url, clientId: "app" });
      onTestFinished(() => store.close());
      await store.compareAndSet("myshop", undefined, sampleToken(1));
      expect((await store.get("myshop"))?.token.refreshToken).toBe(sampleToken(1).refreshToken);
      await own.restart();
      await eventually(async () => {
        const outcome = await store.get("myshop").then(
          () => "read",
          (error: { code?: string; message: string }) =>
            error.code === "TOKEN_NOT_FOUND" ? error.message : "other",
        );
        if (outcome === "read" || outcome === "other") return false;
        expect(outcome).toContain("restarted without persistence");
        expect(outcome).toContain("cafe24-doctor token login --mall myshop");
        return true;
      });
      // A mall it never knew is simply absent.
      expect(await store.get("othershop")).toBeUndefined();
    });

    it("keeps serving a still-valid access token while Redis is down, but refuses to refresh without it", async () => {
      const own = await startRedisServer();
      onTestFinished(() => own.stop());
      const warnings: string[] = [];
      const logger = {
        debug() {},
        info() {},
        error() {},
        warn: (_: unknown, message: string) => warnings.push(message),
      };
      const store = new RedisTokenStore({ url: own.url, clientId: "app", logger });
      onTestFinished(() => store.close());
      const valid = { ...sampleToken(1), accessTokenExpiresAt: Date.now() + 3_600_000 };
      await store.compareAndSet("myshop", undefined, valid);
      await store.get("myshop");
      await own.stop();
      for (let i = 0; i < 3; i++)
        expect((await store.get("myshop"))?.token.accessToken).toBe(valid.accessToken);
      expect(warnings.filter((w) => w.includes("unreachable"))).toHaveLength(1);
      await expect(store.withLock("myshop", () => store.get("myshop"))).rejects.toMatchObject({
        code: "REDIS_UNAVAILABLE",
      });
    });

    it("reports an unreachable Redis as REDIS_UNAVAILABLE without the password", async () => {
      const own = await startRedisServer({ args: ["--requirepass", "Pa55wordForRedis"] });
      onTestFinished(() => own.stop());
      const url = `redis://:Pa55wordForRedis@127.0.0.1:${own.port}`;
      const store = new RedisTokenStore({ url, clientId: "app" });
      onTestFinished(() => store.close());
      await store.compareAndSet("myshop", undefined, sampleToken(1));
      expect(store.location).not.toContain("Pa55word");
      await own.stop();
      const error = (await store.list().catch((e: unknown) => e)) as Error & { code: string };
      expect(error.code).toBe("REDIS_UNAVAILABLE");
      expect(`${error.message} ${JSON.stringify(error)}`).not.toContain("Pa55word");
    });
  });

  async function commandCount(name: string): Promise<number> {
    const info = await raw.info("commandstats");
    const match = new RegExp(`cmdstat_${name}:calls=(\\d+)`).exec(info);
    return Number(match?.[1] ?? 0);
  }
});
