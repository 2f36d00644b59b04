import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import {
  isRedisStore,
  REDIS_SLOW_MS,
  redisCheck,
  redisLatencyFindings,
  redisVersionFindings,
} from "../../../src/doctor/checks/redis.js";
import type { DoctorContext } from "../../../src/doctor/context.js";
import { runDoctor } from "../../../src/doctor/run-doctor.js";
import type { CheckOutcome } from "../../../src/doctor/types.js";
import { openRedis } from "../../../src/redis/redis-connection.js";
import { RedisTokenStore } from "../../../src/redis/redis-token-store.js";
import { FileTokenStore } from "../../../src/store/file-token-store.js";
import { cafe24TokenJson } from "../../../src/store/token-file-format.js";
import { type RedisServer, redisUnavailable, startRedisServer } from "../../helpers/redis-server.js";
import { sampleToken, tempDir } from "../../helpers/token-files.js";
import { findingOf, offlineContext, testConfig } from "./context-helper.js";

const CLIENT = "RedisCheckApp";
const PASSWORD = "Sup3rSecretRedisPw";

/** One redis-server per describe block, started with `args`. */
function useServer(args: string[]) {
  let server: RedisServer | undefined;
  beforeAll(async () => {
    server = await startRedisServer({ args });
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error("redis-server did not start");
    return server;
  };
}

interface Setup {
  ctx: DoctorContext;
  store: RedisTokenStore;
  redis: Redis;
}

/** A doctor context over a RedisTokenStore with a key prefix of this test's own. */
async function setup(url: string): Promise<Setup> {
  const prefix = `t-${randomBytes(4).toString("hex")}:`;
  const store = new RedisTokenStore({ url, clientId: CLIENT, prefix });
  onTestFinished(() => store.close());
  const config = testConfig({
    cwd: await tempDir(),
    clientId: CLIENT,
    redis: { url, prefix },
    sources: { redisUrl: "env" },
  });
  const ctx = { ...offlineContext(config), store };
  const redis = await openRedis({ url });
  onTestFinished(() => {
    redis.disconnect();
  });
  return { ctx, store, redis };
}

async function check(s: Setup): Promise<CheckOutcome> {
  const outcome = await redisCheck.run(s.ctx, {});
  expect(JSON.stringify(outcome)).not.toContain(PASSWORD);
  return outcome;
}

const codes = (outcome: CheckOutcome) => outcome.findings.map((f) => f.code).sort();

describe.skipIf(redisUnavailable("the doctor's Redis checks"))("the Redis check", () => {
  describe("a durable Redis (appendonly yes, noeviction)", () => {
    const server = useServer(["--appendonly", "yes"]);

    it("is healthy: reachable, version, policy and persistence read, records agree with the index", async () => {
      const s = await setup(server().url);
      await s.store.compareAndSet("shopa", undefined, sampleToken(1, "shopa"));
      await s.store.compareAndSet("shopb", undefined, sampleToken(2, "shopb"));
      const outcome = await check(s);
      expect(outcome.findings).toEqual([]);
      expect(outcome.status).toBe("ok");
      expect(outcome.summary).toMatchObject({ key: "check.redis.summary.ok", params: { malls: 2 } });
      expect(outcome.evidence).toMatchObject({
        store: s.store.location,
        evictionPolicy: "noeviction",
        aof: true,
        records: 2,
        indexed: 2,
        locks: 0,
        scanComplete: true,
      });
      expect(String(outcome.evidence.version)).toMatch(/^\d+\.\d+/);
      expect(typeof outcome.evidence.latencyMs).toBe("number");
    });

    it("reports a lock without a TTL (it blocks the mall forever) with the command that deletes it", async () => {
      const s = await setup(server().url);
      const lock = s.store.keys.lock("shopa");
      await s.redis.set(lock, "someone");
      const outcome = await check(s);
      const finding = findingOf(outcome, "REDIS_LOCK_NO_TTL");
      expect(finding.urgency).toBe("high");
      expect(finding.command).toBe(`redis-cli -u "$CAFE24_REDIS_URL" DEL '${lock}'`);
      expect(finding.evidence).toEqual({ malls: ["shopa"] });
      expect(outcome.status).toBe("fail");
    });

    it("reports a lock held far longer than the store's lease", async () => {
      const s = await setup(server().url);
      await s.redis.set(s.store.keys.lock("shopb"), "someone", "PX", 600_000);
      // A lock as cafe24-doctor takes it (within its lease) is no finding.
      await s.redis.set(s.store.keys.lock("shopc"), "owner", "PX", 15_000);
      const outcome = await check(s);
      expect(codes(outcome)).toEqual(["REDIS_LOCK_LONG_LEASE"]);
      expect(findingOf(outcome, "REDIS_LOCK_LONG_LEASE").evidence).toEqual({ malls: ["shopb"] });
      expect(outcome.evidence.locks).toBe(2);
    });

    it("reports records the index misses, index entries without records, unreadable records and a record of another mall", async () => {
      const s = await setup(server().url);
      const { keys } = s.store;
      await s.store.compareAndSet("indexed", undefined, sampleToken(1, "indexed"));
      await s.store.compareAndSet("unlisted", undefined, sampleToken(2, "unlisted"));
      await s.redis.srem(keys.index(), "unlisted");
      await s.redis.sadd(keys.index(), "ghost");
      await s.redis.hset(keys.token("broken"), "token", "{not json", "revision", "1");
      await s.redis.sadd(keys.index(), "broken");
      const foreign = JSON.stringify(cafe24TokenJson(sampleToken(3, "othershop")));
      await s.redis.hset(keys.token("copied"), "token", foreign, "revision", "1");
      await s.redis.sadd(keys.index(), "copied");
      await s.redis.hset(keys.token("norev"), "token", foreign);
      await s.redis.sadd(keys.index(), "norev");

      const outcome = await check(s);
      expect(codes(outcome)).toEqual([
        "REDIS_INDEX_STALE",
        "REDIS_RECORD_INVALID",
        "REDIS_RECORD_INVALID",
        "REDIS_RECORD_NOT_INDEXED",
        "REDIS_RECORD_WRONG_MALL",
      ]);
      const byCode = (code: string) => outcome.findings.filter((f) => f.code === code);
      expect(byCode("REDIS_RECORD_NOT_INDEXED")[0]).toMatchObject({
        urgency: "medium",
        evidence: { malls: ["unlisted"] },
        command: `redis-cli -u "$CAFE24_REDIS_URL" SADD '${keys.index()}' 'unlisted'`,
      });
      expect(byCode("REDIS_INDEX_STALE")[0]).toMatchObject({
        urgency: "low",
        evidence: { malls: ["ghost"] },
      });
      expect(
        byCode("REDIS_RECORD_INVALID")
          .map((f) => f.cause.params?.mallId)
          .sort(),
      ).toEqual(["broken", "norev"]);
      expect(byCode("REDIS_RECORD_INVALID")[0]?.command).toMatch(/^cafe24-doctor token login --mall /);
      expect(byCode("REDIS_RECORD_WRONG_MALL")[0]).toMatchObject({
        urgency: "high",
        cause: { params: { mallId: "copied", recordMall: "othershop" } },
      });
      // Never a token value in what a report shows.
      expect(JSON.stringify(outcome)).not.toContain(sampleToken(3, "othershop").refreshToken);
    });

    it("says what it could not read for an ACL user refused INFO, CONFIG and SCAN, instead of calling Redis down", async () => {
      const admin = await openRedis({ url: server().url });
      onTestFinished(() => {
        admin.disconnect();
      });
      const user = `limited-${randomBytes(3).toString("hex")}`;
      await admin.call(
        "ACL",
        "SETUSER",
        user,
        "on",
        `>${PASSWORD}`,
        "~*",
        "&*",
        "+@all",
        "-info",
        "-config",
        "-scan",
      );
      onTestFinished(() => admin.call("ACL", "DELUSER", user).then(() => undefined));
      const url = server().url.replace("redis://", `redis://${user}:${PASSWORD}@`);
      const s = await setup(url);
      await s.store.compareAndSet("shopa", undefined, sampleToken(1, "shopa"));
      const outcome = await check(s);
      expect(codes(outcome)).toEqual(["REDIS_EVICTION_UNKNOWN", "REDIS_PERSISTENCE_UNKNOWN"]);
      expect(outcome.evidence).toMatchObject({
        version: "unknown",
        infoRefused: expect.stringMatching(/NOPERM/),
        locksRefused: expect.stringMatching(/NOPERM/),
        recordsRefused: expect.stringMatching(/NOPERM/),
      });
    });

    it("is not run for a token file: runDoctor leaves it out of the report", async () => {
      const dir = await tempDir();
      const run = await runDoctor({
        config: testConfig({ cwd: dir }),
        kind: "check",
        store: new FileTokenStore({ path: `${dir}/oauth_token.json` }),
        lookup: async () => ({ address: "127.0.0.1", family: 4 }),
        isTrackedByGit: async () => false,
      });
      expect(run.results.map((r) => r.id)).not.toContain("redis");
      expect(isRedisStore(new FileTokenStore({ path: `${dir}/x.json` }))).toBe(false);
      const outcome = await redisCheck.run(offlineContext(testConfig({ cwd: dir })), {});
      expect(outcome).toMatchObject({ status: "skipped", findings: [] });
    });
  });

  describe("a Redis without persistence (the default of the test server)", () => {
    const server = useServer([]);

    it("warns that a restart loses every token, with the command that turns AOF on", async () => {
      const outcome = await check(await setup(server().url));
      const finding = findingOf(outcome, "REDIS_NO_PERSISTENCE");
      expect(finding.urgency).toBe("high");
      expect(finding.command).toBe('redis-cli -u "$CAFE24_REDIS_URL" CONFIG SET appendonly yes');
      expect(outcome.evidence).toMatchObject({ aof: false, save: "" });
    });
  });

  describe("a Redis with snapshots only", () => {
    const server = useServer(["--save", "3600 1"]);

    it("says a crash restores refresh tokens rotated since the last snapshot", async () => {
      const outcome = await check(await setup(server().url));
      expect(codes(outcome)).toEqual(["REDIS_SNAPSHOTS_ONLY"]);
      expect(outcome.findings[0]?.urgency).toBe("low");
      expect(outcome.status).toBe("warn");
    });
  });

  describe("a Redis that evicts any key (allkeys-lru)", () => {
    const server = useServer(["--appendonly", "yes", "--maxmemory-policy", "allkeys-lru"]);

    it("reports the policy; medium while no memory limit is set, high with one", async () => {
      const s = await setup(server().url);
      const unlimited = findingOf(await check(s), "REDIS_EVICTION_POLICY");
      expect(unlimited).toMatchObject({
        urgency: "medium",
        cause: { params: { policy: "allkeys-lru", maxmemory: "0" } },
        command: 'redis-cli -u "$CAFE24_REDIS_URL" CONFIG SET maxmemory-policy noeviction',
      });
      await s.redis.config("SET", "maxmemory", "512mb");
      onTestFinished(() => s.redis.config("SET", "maxmemory", "0").then(() => undefined));
      const limited = findingOf(await check(s), "REDIS_EVICTION_POLICY");
      expect(limited.urgency).toBe("high");
    });
  });

  describe("a managed-style Redis that refuses CONFIG", () => {
    const server = useServer(["--rename-command", "CONFIG", ""]);

    it("reads the eviction policy from INFO instead, and says when persistence cannot be told", async () => {
      const outcome = await check(await setup(server().url));
      expect(codes(outcome)).toEqual(["REDIS_PERSISTENCE_UNKNOWN"]);
      expect(outcome.evidence).toMatchObject({ evictionPolicy: "noeviction", aof: false, save: null });
      expect(String(outcome.findings[0]?.cause.params?.reason)).toMatch(/unknown command/i);
    });
  });

  describe("an unreachable Redis", () => {
    const server = useServer([]);

    it("is REDIS_UNAVAILABLE naming the server without its password, with the ping command", async () => {
      // A port nobody listens on: the test server's own port, once it is stopped, is not guaranteed free.
      const url = `redis://:${PASSWORD}@127.0.0.1:${server().port}/0`;
      const s = await setup(server().url);
      const store = new RedisTokenStore({ url, clientId: CLIENT });
      onTestFinished(() => store.close());
      await server().stop();
      const ctx = { ...s.ctx, store, config: { ...s.ctx.config, redis: { url, prefix: "cafe24-doctor:" } } };
      const outcome = await redisCheck.run(ctx, {});
      expect(JSON.stringify(outcome)).not.toContain(PASSWORD);
      expect(outcome.status).toBe("fail");
      const finding = findingOf(outcome, "REDIS_UNAVAILABLE");
      expect(finding).toMatchObject({
        urgency: "critical",
        cause: { params: { url: `redis://:***@127.0.0.1:${server().port}/0`, reason: "ECONNREFUSED" } },
        command: 'redis-cli -u "$CAFE24_REDIS_URL" ping',
      });
    });
  });
});

describe("what the Redis check asks of a version and of latency", () => {
  it.each([
    ["4.0.14", ["REDIS_VERSION_UNSUPPORTED"], "critical"],
    ["5.0.7", ["REDIS_VERSION_OLD"], "low"],
    ["6.0.20", [], undefined],
    ["6.2.14", [], undefined],
    ["7.2.4", [], undefined],
    ["unknown", [], undefined],
  ])("Redis %s: %j", (version, expected, urgency) => {
    const findings = redisVersionFindings(version);
    expect(findings.map((f) => f.code)).toEqual(expected);
    if (urgency) expect(findings[0]?.urgency).toBe(urgency);
  });

  it("calls a median PING over the threshold slow, and one at it fine", () => {
    const slow = redisLatencyFindings({ medianMs: REDIS_SLOW_MS + 1, maxMs: 300, evidence: {} });
    expect(slow).toEqual([expect.objectContaining({ code: "REDIS_SLOW", urgency: "low" })]);
    expect(redisLatencyFindings({ medianMs: REDIS_SLOW_MS, maxMs: 300, evidence: {} })).toEqual([]);
  });
});
