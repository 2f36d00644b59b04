import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { BucketModel, Reservation } from "../../src/http/pacer-state.js";
import { openRedis } from "../../src/redis/redis-connection.js";
import { RedisKeys } from "../../src/redis/redis-keys.js";
import { RedisPacerState, type RedisPacerStateOptions } from "../../src/redis/redis-pacer-state.js";
import type { Logger } from "../../src/util/runtime.js";
import { type RedisServer, redisUnavailable, startRedisServer } from "../helpers/redis-server.js";

const keys = new RedisKeys("pace-test:");
/** A bucket that does not drain within a test and spacing too short to matter: only the model decides. */
const STILL: BucketModel = { capacity: 10, drainPerSec: 0.001, headroom: 0 };
const CAFE24: BucketModel = { capacity: 40, drainPerSec: 2, headroom: 2 };

let mallCount = 0;
/** Every test paces a mall of its own, so no test sees another's state. */
const newMall = () => `mall-${++mallCount}`;

function pacerOn(redis: Redis, mallId: string, options: Partial<RedisPacerStateOptions> = {}) {
  return new RedisPacerState({ redis, keys, mallId, model: STILL, maxPerSec: 1e6, ...options });
}

const ticketOf = (reservation: Reservation): number => {
  if (!reservation.granted) throw new Error(`refused for ${reservation.waitMs} ms`);
  return reservation.ticket;
};
const waitOf = (reservation: Reservation): number => {
  if (reservation.granted) throw new Error(`granted ticket ${reservation.ticket}`);
  return reservation.waitMs;
};

/** Asks until granted, waiting what it is told (the turn and bucket rules are in real Redis time). */
async function reserveWhenAllowed(state: RedisPacerState): Promise<number> {
  for (;;) {
    const reservation = await state.tryReserve(Date.now());
    if (reservation.granted) return reservation.ticket;
    await new Promise((resolve) => setTimeout(resolve, reservation.waitMs));
  }
}

interface LogLine {
  level: "warn" | "info";
  message: string;
}
function recordingLogger(lines: LogLine[]): Logger {
  return {
    debug() {},
    info: (_fields, message) => lines.push({ level: "info", message }),
    warn: (_fields, message) => lines.push({ level: "warn", message }),
    error() {},
  };
}

describe.skipIf(redisUnavailable("the shared pacer tests"))("RedisPacerState", () => {
  let server: RedisServer;
  let redis: Redis;
  beforeAll(async () => {
    server = await startRedisServer();
    redis = await openRedis({ url: server.url, commandTimeoutMs: 2000 });
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.stop();
  });

  it("shares one bucket: units taken by instance A are missing for instance B", async () => {
    const mallId = newMall();
    const a = pacerOn(redis, mallId, { instanceId: "a" });
    const b = pacerOn(redis, mallId, { instanceId: "b" });
    for (let i = 0; i < 6; i++) ticketOf(await a.tryReserve(0));
    for (let i = 0; i < 4; i++) ticketOf(await b.tryReserve(0));
    // Ten units of a bucket of ten: whoever asks next waits for the drain (1000 s at 0.001/s).
    expect(waitOf(await b.tryReserve(0))).toBeGreaterThan(900_000);
    expect(waitOf(await a.tryReserve(0))).toBeGreaterThan(900_000);
  });

  it("ignores the caller's clock: a far-future `now` drains nothing", async () => {
    const a = pacerOn(redis, newMall());
    for (let i = 0; i < 10; i++) ticketOf(await a.tryReserve(0));
    expect(waitOf(await a.tryReserve(Date.now() + 10_000_000))).toBeGreaterThan(900_000);
  });

  it("raises B's wait when A's answer says X-Api-Call-Limit 40/40", async () => {
    const mallId = newMall();
    const a = pacerOn(redis, mallId, { instanceId: "a", model: CAFE24 });
    const b = pacerOn(redis, mallId, { instanceId: "b", model: CAFE24 });
    const ticket = ticketOf(await a.tryReserve(0));
    await a.settle(ticket, { callLimit: { used: 40, capacity: 40 } }, 0);
    // Level 40 against a ceiling of 38 at 2/s: three units, 1.5 s (less what drained since).
    const wait = waitOf(await b.tryReserve(0));
    expect(wait).toBeGreaterThan(500);
    expect(wait).toBeLessThanOrEqual(1500);
  });

  it("counts calls granted after the reading and still unanswered on top of it", async () => {
    const mallId = newMall();
    const a = pacerOn(redis, mallId, { instanceId: "a", model: { ...STILL, capacity: 40 } });
    const b = pacerOn(redis, mallId, { instanceId: "b", model: { ...STILL, capacity: 40 } });
    const first = ticketOf(await a.tryReserve(0));
    for (let i = 0; i < 5; i++) ticketOf(await b.tryReserve(0));
    // The reading of A's call (35) does not include B's five later calls, still in flight: 40 in all.
    await a.settle(first, { callLimit: { used: 35, capacity: 40 } }, 0);
    expect(waitOf(await b.tryReserve(0))).toBeGreaterThan(900_000);
  });

  it("lets an older answer only raise the shared level", async () => {
    const mallId = newMall();
    const a = pacerOn(redis, mallId, { model: { ...STILL, capacity: 40 } });
    const older = ticketOf(await a.tryReserve(0));
    const newer = ticketOf(await a.tryReserve(0));
    await a.settle(newer, { callLimit: { used: 39, capacity: 40 } }, 0);
    await a.settle(older, { callLimit: { used: 1, capacity: 40 } }, 0);
    ticketOf(await a.tryReserve(0));
    expect(waitOf(await a.tryReserve(0))).toBeGreaterThan(900_000);
  });

  it("slows B when A gets a 429 without a usage header: the bucket is full", async () => {
    const mallId = newMall();
    const a = pacerOn(redis, mallId, { instanceId: "a", model: CAFE24 });
    const b = pacerOn(redis, mallId, { instanceId: "b", model: CAFE24 });
    const ticket = ticketOf(await a.tryReserve(0));
    await a.settle(ticket, { rateLimited: true }, 0);
    expect(waitOf(await b.tryReserve(0))).toBeGreaterThan(500);
  });

  it("blocks every instance for a usage Remain or a Retry-After seen by one", async () => {
    const mallId = newMall();
    const a = pacerOn(redis, mallId, { instanceId: "a", model: CAFE24 });
    const b = pacerOn(redis, mallId, { instanceId: "b", model: CAFE24 });
    await a.settle(ticketOf(await a.tryReserve(0)), { rateLimited: true, remainSec: 30 }, 0);
    expect(waitOf(await b.tryReserve(0))).toBeGreaterThan(29_000);
    expect(waitOf(await a.tryReserve(0))).toBeGreaterThan(29_000);

    const other = newMall();
    const c = pacerOn(redis, other, { model: CAFE24 });
    const d = pacerOn(redis, other, { model: CAFE24 });
    await c.settle(ticketOf(await c.tryReserve(0)), { retryAfterMs: 20_000 }, 0);
    expect(waitOf(await d.tryReserve(0))).toBeGreaterThan(19_000);
  });

  it("spaces grants across instances by 1/maxPerSec", async () => {
    const mallId = newMall();
    const a = pacerOn(redis, mallId, { instanceId: "a", model: CAFE24, maxPerSec: 1 });
    const b = pacerOn(redis, mallId, { instanceId: "b", model: CAFE24, maxPerSec: 1 });
    ticketOf(await a.tryReserve(0));
    const wait = waitOf(await b.tryReserve(0));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(1000);
  });

  it("issues tickets unique across instances asking at once", async () => {
    const mallId = newMall();
    const model = { ...STILL, capacity: 1000 };
    const instances = Array.from({ length: 4 }, (_, i) =>
      pacerOn(redis, mallId, { instanceId: `i${i}`, model }),
    );
    const tickets = (
      await Promise.all(
        instances.map(async (state) => {
          const mine: number[] = [];
          for (let i = 0; i < 50; i++) mine.push(await reserveWhenAllowed(state));
          return mine;
        }),
      )
    ).flat();
    expect(tickets).toHaveLength(200);
    expect(new Set(tickets).size).toBe(200);
    expect(tickets.every((ticket) => Number.isSafeInteger(ticket) && ticket > 0)).toBe(true);
  });

  it("serves waiting instances in turn: one asking every millisecond does not starve a slower one", async () => {
    const mallId = newMall();
    // 50 units/s through a bucket of 2: contended from the third grant on, a second of real time in all.
    const model = { capacity: 2, drainPerSec: 50, headroom: 0 };
    const greedy = pacerOn(redis, mallId, { instanceId: "greedy", model, maxPerSec: 1000 });
    const slow = pacerOn(redis, mallId, { instanceId: "slow", model, maxPerSec: 1000 });
    const order: string[] = [];
    const run = async (name: string, state: RedisPacerState, pause: (waitMs: number) => number) => {
      while (order.length < 50) {
        const reservation = await state.tryReserve(Date.now());
        if (reservation.granted) {
          order.push(name);
          await state.settle(reservation.ticket, {}, Date.now());
        } else {
          await new Promise((resolve) => setTimeout(resolve, pause(reservation.waitMs)));
        }
      }
    };
    // The slow one comes back 5 ms after its time (a farther or busier process); without turns the greedy
    // one, there within a millisecond of every drained unit, would take nearly all of them.
    await Promise.all([run("greedy", greedy, () => 1), run("slow", slow, (waitMs) => waitMs + 5)]);
    const slowShare = order.filter((name) => name === "slow").length / order.length;
    expect(slowShare).toBeGreaterThanOrEqual(0.4);
  });

  it("drops a waiter that stopped asking once its return time and grace have passed", async () => {
    const mallId = newMall();
    const model = { capacity: 1, drainPerSec: 10, headroom: 0 };
    const gone = pacerOn(redis, mallId, { instanceId: "gone", model, maxPerSec: 1000, waiterGraceMs: 200 });
    const alive = pacerOn(redis, mallId, { instanceId: "alive", model, maxPerSec: 1000 });
    ticketOf(await gone.tryReserve(0));
    waitOf(await gone.tryReserve(0)); // queued first, then never asks again
    waitOf(await alive.tryReserve(0));
    expect(await redis.zrange(keys.paceWaiters(mallId), 0, -1)).toEqual(["gone", "alive"]);
    // The unit drains in 100 ms, but it is "gone"'s turn until 100 ms + 200 ms of grace.
    await reserveWhenAllowed(alive);
    expect(await redis.zrange(keys.paceWaiters(mallId), 0, -1)).toEqual([]);
  });

  it("keeps the mall's keys in one hash slot and lets them expire after the last use", async () => {
    const mallId = newMall();
    const a = pacerOn(redis, mallId, { instanceId: "a", model: { ...STILL, capacity: 2 } });
    const b = pacerOn(redis, mallId, { instanceId: "b", model: { ...STILL, capacity: 2 } });
    ticketOf(await a.tryReserve(0)); // stays in flight
    await a.settle(ticketOf(await a.tryReserve(0)), { callLimit: { used: 2, capacity: 2 } }, 0);
    waitOf(await b.tryReserve(0)); // b waits
    const written = (await redis.keys(`${keys.prefix}*`)).filter((key) => key.endsWith(`{${mallId}}`));
    expect(written.sort()).toEqual(
      [keys.pace(mallId), keys.paceInFlight(mallId), keys.paceWaiters(mallId)].sort(),
    );
    for (const key of written) {
      const ttl = await redis.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(300_000);
    }
  });

  it("keeps a long block in Redis for as long as it lasts", async () => {
    const mallId = newMall();
    const a = pacerOn(redis, mallId, { model: CAFE24 });
    await a.settle(ticketOf(await a.tryReserve(0)), { remainSec: 600 }, 0);
    expect(await redis.pttl(keys.pace(mallId))).toBeGreaterThan(600_000);
  });
});

describe.skipIf(redisUnavailable("the shared pacer fallback tests"))("RedisPacerState without Redis", () => {
  let server: RedisServer;
  let redis: Redis;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterEach(() => {
    server.resume();
    redis?.disconnect();
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** Until the background probe has logged its verdict; the probe is a Redis round trip, so real time. */
  async function until(condition: () => boolean): Promise<void> {
    for (let i = 0; i < 1000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(condition()).toBe(true);
  }

  it("paces locally with one warning while Redis hangs, and returns to the shared model when it answers", async () => {
    redis = await openRedis({ url: server.url, commandTimeoutMs: 300 });
    const lines: LogLine[] = [];
    const mallId = newMall();
    const state = pacerOn(redis, mallId, {
      model: { ...STILL, capacity: 3 },
      logger: recordingLogger(lines),
    });
    expect(ticketOf(await state.tryReserve(0))).toBeGreaterThan(0);

    server.pause();
    const local = [ticketOf(await state.tryReserve(0)), ticketOf(await state.tryReserve(0))];
    expect(local.every((ticket) => ticket < 0)).toBe(true);
    await state.settle(local[0] ?? 0, { callLimit: { used: 3, capacity: 3 } }, 0);
    // The local model now holds the answer: full.
    expect(waitOf(await state.tryReserve(0))).toBeGreaterThan(900_000);
    expect(lines).toEqual([{ level: "warn", message: expect.stringContaining("unavailable") }]);

    server.resume();
    // The next ask a second later (by the caller's clock) probes Redis in the background.
    await state.tryReserve(1001);
    await until(() => lines.length === 2);
    expect(lines[1]).toEqual({ level: "info", message: "cafe24 shared pacing resumed" });
    expect(ticketOf(await state.tryReserve(1002))).toBeGreaterThan(0);
    // The local tickets' answers still go to the local model.
    await state.settle(local[1] ?? 0, {}, 1003);
  });

  it("paces locally when Redis is gone, and shares again once it is back", async () => {
    redis = await openRedis({ url: server.url, commandTimeoutMs: 1000 });
    const lines: LogLine[] = [];
    const state = pacerOn(redis, newMall(), { logger: recordingLogger(lines) });
    process.kill(server.pid, "SIGKILL");
    for (let i = 0; i < 3; i++) expect(ticketOf(await state.tryReserve(i))).toBeLessThan(0);
    expect(lines.map((line) => line.level)).toEqual(["warn"]);

    await server.restart();
    await until(() => {
      void state.tryReserve(Date.now() + 10_000);
      return lines.length === 2;
    });
    expect(ticketOf(await state.tryReserve(0))).toBeGreaterThan(0);
  });

  it('fails with REDIS_UNAVAILABLE under onUnavailable: "fail", without failing the settle of a sent call', async () => {
    redis = await openRedis({ url: server.url, commandTimeoutMs: 300 });
    const state = pacerOn(redis, newMall(), { onUnavailable: "fail" });
    const ticket = ticketOf(await state.tryReserve(0));
    server.pause();
    await expect(state.tryReserve(0)).rejects.toMatchObject({ code: "REDIS_UNAVAILABLE" });
    await expect(state.settle(ticket, {}, 0)).resolves.toBeUndefined();
    await expect(state.tryReserve(0)).rejects.toMatchObject({ code: "REDIS_UNAVAILABLE" });
  });
});
