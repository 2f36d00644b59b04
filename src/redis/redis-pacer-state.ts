import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Cluster, Redis } from "ioredis";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import { DEFAULT_PACING, type PacingOptions } from "../http/client-options.js";
import {
  type BucketModel,
  MemoryPacerState,
  type PacerObservation,
  type PacerState,
  type Reservation,
} from "../http/pacer-state.js";
import { type Logger, silentLogger } from "../util/runtime.js";
import { RedisKeys } from "./redis-keys.js";

export interface RedisPacerStateOptions {
  /** An ioredis connection (e.g. from `openRedis`, whose command timeout bounds a hung Redis). */
  redis: Redis | Cluster;
  keys: RedisKeys;
  mallId: string;
  /** The mall's bucket until `X-Api-Call-Limit` says otherwise (the same numbers as `pacing`). */
  model: BucketModel;
  /** Sends per second to the mall from all instances together (Cafe24 flags ≥10/s per mall). */
  maxPerSec: number;
  /** Names this process among the mall's waiters. @default `${hostname}:${pid}:${random}` */
  instanceId?: string;
  /** One warning when Redis is lost, one line when shared pacing resumes. @default silent */
  logger?: Logger;
  /**
   * Redis unreachable: "local" paces this process alone with an in-memory model until Redis answers again;
   * "fail" refuses the call with REDIS_UNAVAILABLE, so nothing is sent outside the shared limit. @default "local"
   */
  onUnavailable?: "local" | "fail";
  /**
   * How long past its expected return a waiter keeps its turn. A process that died (or gave up) while waiting
   * holds the mall's queue at most this long. @default 1000
   */
  waiterGraceMs?: number;
}

/** Keys outlive their last use by this much (plus any block), then an idle mall leaves nothing in Redis. */
const IDLE_TTL_MS = 300_000;
/** An in-flight ticket never settled (its process died mid-call) stops counting as "sent later" after this. */
const STALE_TICKET_MS = 120_000;
/** While pacing locally, Redis is asked again at most this often, off the call's path. */
const PROBE_EVERY_MS = 1000;

/**
 * Shared by both scripts: Redis's own clock (never a client's, which may be skewed between machines), the
 * mall's state drained to now, and the keys' idle expiry. Needs Redis ≥ 5 (scripts replicated by effects, so
 * TIME may precede writes). ARGV[1..3]: default capacity, drain per second, idle TTL in ms.
 */
const PRELUDE = `
local clock = redis.call('TIME')
local now_us = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local now = now_us / 1000
local state = redis.call('HMGET', KEYS[1], 'level', 'at', 'capacity', 'blocked', 'last_grant', 'last_ticket', 'newest')
local capacity = tonumber(state[3]) or tonumber(ARGV[1])
local drain = tonumber(ARGV[2])
local at = tonumber(state[2]) or now
local level = math.max(0, (tonumber(state[1]) or 0) - math.max(0, now - at) / 1000 * drain)
at = math.max(at, now)
local blocked = tonumber(state[4]) or 0
local function keep()
  local ms = math.ceil(tonumber(ARGV[3]) + math.max(0, blocked - now))
  for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], ms) end
end
`;

/**
 * Take-or-wait for one call, atomically. ARGV[4..7]: instance id, headroom, spacing ms, waiter grace ms.
 * Waiters are served in turn (oldest refusal first): an instance may take a unit only when the block, the
 * spacing and the bucket allow one grant for every live waiter ahead of it and one for itself, so under
 * contention only the head goes, and with room to spare nobody waits on a slow head. A refused instance gets
 * the time its own turn should come, and keeps its place until then plus the grace.
 * Tickets are Redis microseconds at the grant, kept strictly increasing: unique across instances, and their
 * order is the grant order the settle script counts "sent later" by.
 */
const RESERVE = `${PRELUDE}
local instance, headroom, interval, grace = ARGV[4], tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
local ahead, queued = 0, false
for _, waiter in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do
  local due = tonumber(redis.call('HGET', KEYS[1], 'w:' .. waiter))
  if due == nil or due < now then
    redis.call('ZREM', KEYS[3], waiter)
    redis.call('HDEL', KEYS[1], 'w:' .. waiter)
  elseif waiter == instance then
    queued = true
  elseif not queued then
    ahead = ahead + 1
  end
end
local slots = ahead + 1
local last_grant = tonumber(state[5])
local wait = math.max(0, blocked - now)
local over = level + slots - math.max(1, capacity - headroom)
if over > 1e-9 then wait = math.max(wait, over / drain * 1000) end
if last_grant then wait = math.max(wait, last_grant + slots * interval - now) end
if wait <= 0 then
  -- As in Pacer: a grant less than one interval behind its slot keeps the slot, so timer lateness does not
  -- lower the rate; after an idle spell the schedule restarts from now.
  if last_grant and now - last_grant < 2 * interval then last_grant = last_grant + interval else last_grant = now end
  local ticket = math.max(now_us, (tonumber(state[6]) or 0) + 1)
  redis.call('HSET', KEYS[1], 'level', level + 1, 'at', at, 'last_grant', last_grant, 'last_ticket', ticket)
  redis.call('HDEL', KEYS[1], 'w:' .. instance)
  redis.call('ZREM', KEYS[3], instance)
  redis.call('ZADD', KEYS[2], ticket, ticket)
  keep()
  return {1, ticket}
end
redis.call('ZADD', KEYS[3], 'NX', now_us, instance)
redis.call('HSET', KEYS[1], 'w:' .. instance, now + wait + grace)
keep()
return {0, math.max(1, math.ceil(wait))}
`;

/**
 * One answer applied to the shared model, as MemoryPacerState.settle does in memory. ARGV[4..10]: ticket,
 * X-Api-Call-Limit used and capacity (or ""), "1" for a 429, Remain seconds (or ""), Retry-After ms (or ""),
 * stale-ticket age in ms.
 */
const SETTLE = `${PRELUDE}
local ticket = tonumber(ARGV[4])
redis.call('ZREM', KEYS[2], ticket)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now_us - tonumber(ARGV[10]) * 1000)
local later = redis.call('ZCOUNT', KEYS[2], ticket + 1, '+inf')
local remain = tonumber(ARGV[8])
blocked = math.max(blocked, now + math.max((remain or 0) * 1000, tonumber(ARGV[9]) or 0))
local reported
local used = tonumber(ARGV[5])
if used then
  capacity = tonumber(ARGV[6])
  reported = used + later
end
if ARGV[7] == '1' and remain == nil then reported = math.max(reported or 0, capacity + later) end
local newest = tonumber(state[7]) or 0
if reported then
  if ticket > newest then
    level, newest = reported, ticket
  else
    level = math.max(level, reported)
  end
end
redis.call('HSET', KEYS[1], 'level', level, 'at', at, 'capacity', capacity, 'blocked', blocked, 'newest', newest)
keep()
return 1
`;

type Arg = string | number;
/** What `defineCommand` adds to the connection (EVALSHA, and EVAL when Redis answers NOSCRIPT). */
interface PaceCommands {
  cafe24DoctorPaceReserve(...args: Arg[]): Promise<[number, number]>;
  cafe24DoctorPaceSettle(...args: Arg[]): Promise<unknown>;
}

/**
 * One mall's bucket model in Redis, so that every process calling the mall paces as one client: Cafe24's
 * bucket (and its ≥10/s flag) is per mall, and N instances that each pace perfectly still overrun it together.
 * Same model as MemoryPacerState, plus spacing between grants across instances and turns among waiting ones;
 * an answer seen by any instance (a 429, a Remain block) moves the model for all.
 *
 * Hand-written Lua rather than a rate-limit library: none reads Cafe24's headers, and the distributed limiters
 * reject instead of saying how long to wait, or decide with each client's clock. Tickets from Redis are
 * positive; a ticket issued by the local fallback is negative, so its answer settles where it was granted.
 */
export class RedisPacerState implements PacerState {
  private readonly commands: PaceCommands;
  private readonly keys: [string, string, string];
  private readonly model: BucketModel;
  private readonly intervalMs: number;
  private readonly instanceId: string;
  private readonly logger: Logger;
  private readonly onUnavailable: "local" | "fail";
  private readonly waiterGraceMs: number;
  private local: MemoryPacerState | undefined;
  /** Pacing locally since Redis failed; cleared when a probe gets an answer. */
  private detached = false;
  private probeAt = 0;
  private probing = false;

  constructor(private readonly options: RedisPacerStateOptions) {
    const { redis, keys, mallId, model, maxPerSec } = options;
    for (const [name, value] of Object.entries({ maxPerSec, ...model })) {
      if (!Number.isFinite(value) || value < 0 || (value === 0 && name !== "headroom")) {
        throw new DoctorError(
          ERROR_CODES.invalidOptions,
          `${name} must be a positive number (got ${value}).`,
        );
      }
    }
    redis.defineCommand("cafe24DoctorPaceReserve", { numberOfKeys: 3, lua: RESERVE });
    redis.defineCommand("cafe24DoctorPaceSettle", { numberOfKeys: 3, lua: SETTLE });
    this.commands = redis as unknown as PaceCommands;
    this.keys = [keys.pace(mallId), keys.paceInFlight(mallId), keys.paceWaiters(mallId)];
    this.model = model;
    this.intervalMs = 1000 / maxPerSec;
    this.instanceId = options.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
    this.logger = options.logger ?? silentLogger;
    this.onUnavailable = options.onUnavailable ?? "local";
    this.waiterGraceMs = options.waiterGraceMs ?? 1000;
  }

  /** `now` matters only to the local fallback: the shared model runs on Redis's clock. */
  async tryReserve(now: number): Promise<Reservation> {
    if (this.detached) {
      this.probe(now);
      return this.reserveLocally(now);
    }
    try {
      const [granted, value] = await this.commands.cafe24DoctorPaceReserve(
        ...this.keys,
        ...this.common(),
        this.instanceId,
        this.model.headroom,
        this.intervalMs,
        this.waiterGraceMs,
      );
      return granted === 1 ? { granted: true, ticket: value } : { granted: false, waitMs: value };
    } catch (error) {
      this.unavailable(error, now);
      return this.reserveLocally(now);
    }
  }

  async settle(ticket: number, observation: PacerObservation, now: number): Promise<void> {
    if (ticket < 0) {
      this.localModel(now).settle(-ticket, observation, now);
      return;
    }
    if (this.detached) {
      this.settleUnknown(observation, now);
      return;
    }
    const { callLimit, rateLimited, remainSec, retryAfterMs } = observation;
    try {
      await this.commands.cafe24DoctorPaceSettle(
        ...this.keys,
        ...this.common(),
        ticket,
        callLimit?.used ?? "",
        callLimit?.capacity ?? "",
        rateLimited ? "1" : "0",
        remainSec ?? "",
        retryAfterMs ?? "",
        STALE_TICKET_MS,
      );
    } catch (error) {
      // Never thrown, even with "fail": the call already went out, and failing it now would lose its answer
      // (and invite a repeat). The next reservation fails instead.
      if (this.onUnavailable === "fail") {
        this.logger.warn(
          { mallId: this.options.mallId, error: reason(error) },
          "cafe24 shared pacing lost an answer",
        );
        return;
      }
      this.unavailable(error, now);
      this.settleUnknown(observation, now);
    }
  }

  /** A shared ticket's answer while pacing locally: unknown to the local model, so it may only raise its level. */
  private settleUnknown(observation: PacerObservation, now: number): void {
    this.localModel(now).settle(0, observation, now);
  }

  private common(): Arg[] {
    return [this.model.capacity, this.model.drainPerSec, IDLE_TTL_MS];
  }

  private unavailable(error: unknown, now: number): void {
    if (this.onUnavailable === "fail") {
      throw new DoctorError(
        ERROR_CODES.redisUnavailable,
        `Shared pacing of mall ${this.options.mallId}: Redis did not answer (${reason(error)}).`,
        { cause: error },
      );
    }
    this.probeAt = now + PROBE_EVERY_MS;
    if (this.detached) return;
    this.detached = true;
    this.logger.warn(
      { mallId: this.options.mallId, error: reason(error) },
      "cafe24 shared pacing unavailable: pacing this process alone until Redis answers",
    );
  }

  private reserveLocally(now: number): Reservation {
    const reservation = this.localModel(now).tryReserve(now);
    return reservation.granted ? { granted: true, ticket: -reservation.ticket } : reservation;
  }

  private localModel(now: number): MemoryPacerState {
    this.local ??= new MemoryPacerState(this.model, now);
    return this.local;
  }

  /** Off the call's path: a hung Redis must not stall calls that the local model can pace meanwhile. */
  private probe(now: number): void {
    if (this.probing || now < this.probeAt) return;
    this.probing = true;
    this.options.redis.ping().then(
      () => {
        this.probing = false;
        if (!this.detached) return;
        this.detached = false;
        this.logger.info({ mallId: this.options.mallId }, "cafe24 shared pacing resumed");
      },
      () => {
        this.probing = false;
        this.probeAt = now + PROBE_EVERY_MS;
      },
    );
  }
}

export interface RedisPacingOptions
  extends Omit<PacingOptions, "state">,
    Omit<RedisPacerStateOptions, "keys" | "model" | "maxPerSec"> {
  /** @default new RedisKeys() */
  keys?: RedisKeys;
}

/**
 * `pacing` for a Cafe24Client whose mall is paced in Redis together with every other instance:
 * `new Cafe24Client({ mallId, tokens, pacing: redisPacing({ redis, mallId }) })`. The bucket numbers given here
 * go to both the client and the shared model, so the two cannot disagree.
 */
export function redisPacing(options: RedisPacingOptions): PacingOptions {
  const { redis, keys, mallId, instanceId, logger, onUnavailable, waiterGraceMs, ...numbers } = options;
  const model: BucketModel = {
    capacity: numbers.capacity ?? DEFAULT_PACING.capacity,
    drainPerSec: numbers.drainPerSec ?? DEFAULT_PACING.drainPerSec,
    headroom: numbers.headroom ?? DEFAULT_PACING.headroom,
  };
  const state = new RedisPacerState({
    redis,
    keys: keys ?? new RedisKeys(),
    mallId,
    model,
    maxPerSec: numbers.maxPerSec ?? DEFAULT_PACING.maxPerSec,
    ...(instanceId === undefined ? {} : { instanceId }),
    ...(logger === undefined ? {} : { logger }),
    ...(onUnavailable === undefined ? {} : { onUnavailable }),
    ...(waiterGraceMs === undefined ? {} : { waiterGraceMs }),
  });
  return { ...numbers, state };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
