import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import type { TokenSet } from "../cafe24/token-set.js";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import { KeyedMutex } from "../store/keyed-mutex.js";
import { cafe24TokenJson, parseTokenFile } from "../store/token-file-format.js";
import {
  assertSameMall,
  type CompareAndSetResult,
  type StoredToken,
  type TokenStore,
} from "../store/token-store.js";
import { type Logger, type Sleep, silentLogger, unrefSleep } from "../util/runtime.js";
import { openRedis, redactRedisUrl, redisUnavailable } from "./redis-connection.js";
import { RedisKeys } from "./redis-keys.js";
import {
  ACQUIRE_LOCK,
  COMPARE_AND_SET,
  type LuaScript,
  RELEASE_LOCK,
  RENEW_LOCK,
} from "./token-store-scripts.js";

export const REDIS_TOKEN_STORE_DEFAULTS = {
  /** A lock outlives its holder by at most this long (a crashed holder, a paused process). */
  leaseMs: 15_000,
  /** withLock gives up with TOKEN_LOCK_TIMEOUT after this long: longer than one refresh (60 s) plus a lease. */
  lockWaitMs: 90_000,
  /** A cached token is read again after this long even without a notification (pub/sub is at-most-once). */
  cacheMaxAgeMs: 60_000,
} as const;

export interface RedisTokenStoreOptions {
  /** Where Redis is; password and TLS (`rediss://`) go in the URL, which is never printed whole. */
  url: string;
  /** The app's client id: one record per (client id, mall id), so two apps on one Redis never mix tokens. */
  clientId: string;
  /** @default "cafe24-doctor:" */
  prefix?: string;
  /** @default 15000 */
  leaseMs?: number;
  /** @default 90000 */
  lockWaitMs?: number;
  /** @default 60000 */
  cacheMaxAgeMs?: number;
  /** Names this process's connections in `CLIENT LIST`. */
  connectionName?: string;
  logger?: Logger;
  sleep?: Sleep;
}

/** What the current async chain holds: the mall's lock, its owner string and the fencing number. */
interface LockHold {
  mallId: string;
  owner: string;
  fence: number;
  /** Set when a renewal found the lock gone or taken: writes still go out, and the fence decides them. */
  lost: boolean;
}

interface CachedToken {
  stored: StoredToken;
  at: number;
  /** The subscription generation it was read in: only one read in the current one is known current. */
  generation: number;
}

type Connections = { command: Redis; subscriber: Redis };

/**
 * Tokens in Redis, shared by every process and machine of an app. Hand-written rather than a lock library
 * (redlock and friends): the lock must issue a fencing number that the compare-and-set script checks in the same
 * atomic step, which no lock library offers, and the store must read Cafe24's token shape.
 *
 * - One hash per (client id, mall id): Cafe24's token JSON, a revision, receivedAt and the highest fence accepted.
 * - compareAndSet is one Lua script: revision check, fence check, write, notification.
 * - withLock: `SET NX PX` with a random owner plus a fencing number, renewed while the holder works, released only
 *   by its owner. A holder that stalled past its lease (GC pause, SIGSTOP) finds its write refused when a later
 *   holder has saved since; when nobody has, its rotated token is still saved — losing it would be worse.
 * - get() serves from a local cache kept current by pub/sub, so a fresh access token costs no round trip; under
 *   the mall's lock it always reads Redis.
 * - Redis restarted without persistence (or keys evicted): a mall this process had seen is reported as lost,
 *   with the re-authorization it needs, never silently as "no token".
 */
export class RedisTokenStore implements TokenStore {
  readonly location: string;
  readonly keys: RedisKeys;
  private readonly o: RedisTokenStoreOptions;
  private readonly leaseMs: number;
  private readonly lockWaitMs: number;
  private readonly cacheMaxAgeMs: number;
  private readonly logger: Logger;
  private readonly sleep: Sleep;
  private readonly local = new KeyedMutex();
  private readonly holds = new AsyncLocalStorage<ReadonlyMap<string, LockHold>>();
  private readonly cache = new Map<string, CachedToken>();
  /** Bumped by every notification for a mall (and for all on reconnect): a read started before may not cache. */
  private readonly generations = new Map<string, number>();
  private globalGeneration = 0;
  private subscribed = false;
  /** Malls this process has seen a token for, and the store epoch it saw them in. */
  private readonly seen = new Set<string>();
  private epoch: string | undefined;
  private connecting: Promise<Connections> | undefined;
  private warnedUnavailable = false;
  private closed = false;

  constructor(options: RedisTokenStoreOptions) {
    this.o = options;
    this.keys = new RedisKeys(options.prefix, options.clientId);
    this.location = `${redactRedisUrl(options.url)} (${this.keys.prefix}…)`;
    this.leaseMs = options.leaseMs ?? REDIS_TOKEN_STORE_DEFAULTS.leaseMs;
    this.lockWaitMs = options.lockWaitMs ?? REDIS_TOKEN_STORE_DEFAULTS.lockWaitMs;
    this.cacheMaxAgeMs = options.cacheMaxAgeMs ?? REDIS_TOKEN_STORE_DEFAULTS.cacheMaxAgeMs;
    this.logger = options.logger ?? silentLogger;
    this.sleep = options.sleep ?? unrefSleep;
  }

  /** The command connection (opened on first use), for checks and tools that read around the store. */
  async redis(): Promise<Redis> {
    return (await this.connect()).command;
  }

  async get(mallId: string): Promise<StoredToken | undefined> {
    const locked = this.holding(mallId) !== undefined;
    const cached = this.cache.get(mallId);
    const current =
      this.subscribed &&
      cached?.generation === this.globalGeneration &&
      Date.now() - cached.at < this.cacheMaxAgeMs;
    if (!locked && cached && current) return structuredClone(cached.stored);
    let stored: StoredToken | undefined;
    try {
      stored = await this.read(mallId);
    } catch (error) {
      // Redis is away: an access token still valid keeps the app working (nobody can save a refresh meanwhile,
      // so it is still the newest); a refresh, under the lock, must fail instead.
      if (!locked && cached && cached.stored.token.accessTokenExpiresAt > Date.now()) {
        this.warnServingCached(mallId, error);
        return structuredClone(cached.stored);
      }
      throw error;
    }
    if (!stored) await this.assertNotLost(mallId);
    return stored;
  }

  private warnServingCached(mallId: string, error: unknown): void {
    if (this.warnedUnavailable) return;
    this.warnedUnavailable = true;
    this.logger.warn(
      { mallId, location: this.location, reason: error instanceof Error ? error.message : String(error) },
      "Redis is unreachable: serving access tokens known to be valid until it is back",
    );
  }

  /** One round trip; caches what it read unless a notification for the mall arrived meanwhile. */
  private async read(mallId: string): Promise<StoredToken | undefined> {
    const { command } = await this.connect();
    const generation = this.generationOf(mallId);
    const [json, revision, receivedAt] = await this.run(() =>
      command.hmget(this.keys.token(mallId), "token", "revision", "receivedAt"),
    );
    if (json === null && revision === null) {
      this.cache.delete(mallId);
      return undefined;
    }
    // A record with an empty or missing part is damaged, not absent: it fails as invalid, naming the key.
    const stored = this.parse(mallId, json ?? "", revision ?? "", receivedAt ?? null);
    this.seen.add(mallId);
    this.warnedUnavailable = false;
    if (this.subscribed && generation === this.generationOf(mallId)) {
      this.cache.set(mallId, {
        stored: structuredClone(stored),
        at: Date.now(),
        generation: this.globalGeneration,
      });
    }
    return stored;
  }

  async compareAndSet(
    mallId: string,
    expectedRevision: string | undefined,
    next: TokenSet,
  ): Promise<CompareAndSetResult> {
    assertSameMall(mallId, next);
    const { command } = await this.connect();
    const hold = this.holding(mallId);
    const [ok, detail] = (await this.run(() =>
      this.evalScript(
        command,
        COMPARE_AND_SET,
        [this.keys.token(mallId), this.keys.fence(mallId)],
        [
          expectedRevision ?? "",
          JSON.stringify(cafe24TokenJson(next)),
          String(hold?.fence ?? 0),
          this.keys.changes(),
          mallId,
        ],
      ),
    )) as [number, string];
    this.invalidate(mallId);
    if (ok === 1) {
      this.seen.add(mallId);
      // The index is a convenience for list(): outside the script because it spans malls (Cluster slots).
      await this.run(() => command.sadd(this.keys.index(), mallId));
      return { ok: true, revision: detail };
    }
    const current = await this.read(mallId);
    if (detail === "fence") {
      this.logger.warn(
        { mallId, fence: hold?.fence ?? 0, location: this.location },
        "refused a write from a lock holder whose lease ran out: a later holder saved a newer token",
      );
      return { ok: false, current, fenced: true };
    }
    return { ok: false, current };
  }

  withLock<T>(mallId: string, fn: () => Promise<T>): Promise<T> {
    if (this.holding(mallId)) return fn();
    return this.local.run(mallId, async () => {
      const { command } = await this.connect();
      const hold = await this.acquire(command, mallId);
      const renewal = this.renewWhileHeld(command, hold);
      try {
        return await this.holds.run(new Map([...(this.holds.getStore() ?? []), [mallId, hold]]), fn);
      } finally {
        renewal.stop();
        await this.release(command, hold);
      }
    });
  }

  async list(): Promise<string[]> {
    const { command } = await this.connect();
    const malls = await this.run(() => command.smembers(this.keys.index()));
    if (malls.length === 0) return [];
    const pipeline = command.pipeline();
    for (const mallId of malls) pipeline.exists(this.keys.token(mallId));
    const answers = (await this.run(() => pipeline.exec())) ?? [];
    return malls.filter((_, i) => answers[i]?.[1] === 1).sort();
  }

  async delete(mallId: string): Promise<void> {
    const { command } = await this.connect();
    await this.run(() =>
      command.multi().del(this.keys.token(mallId)).publish(this.keys.changes(), `${mallId} deleted`).exec(),
    );
    await this.run(() => command.srem(this.keys.index(), mallId));
    this.seen.delete(mallId);
    this.invalidate(mallId);
  }

  async close(): Promise<void> {
    this.closed = true;
    const connections = await this.connecting?.catch(() => undefined);
    this.connecting = undefined;
    this.subscribed = false;
    this.cache.clear();
    if (!connections) return;
    await Promise.allSettled([connections.command.quit(), connections.subscriber.quit()]);
  }

  /** Whether the current async chain holds the mall's lock, and its fence (for tests and diagnostics). */
  heldFence(mallId: string): number | undefined {
    return this.holding(mallId)?.fence;
  }

  private holding(mallId: string): LockHold | undefined {
    return this.holds.getStore()?.get(mallId);
  }

  private connect(): Promise<Connections> {
    if (this.closed) {
      return Promise.reject(
        new DoctorError(ERROR_CODES.invalidOptions, `The Redis token store ${this.location} is closed.`),
      );
    }
    this.connecting ??= this.open().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  private async open(): Promise<Connections> {
    const name = this.o.connectionName;
    const command = await openRedis({ url: this.o.url, ...(name ? { name } : {}) });
    let subscriber: Redis;
    try {
      subscriber = await openRedis({ url: this.o.url, ...(name ? { name: `${name}:sub` } : {}) });
    } catch (error) {
      command.disconnect();
      throw error;
    }
    await Promise.all(
      [ACQUIRE_LOCK, RENEW_LOCK, RELEASE_LOCK, COMPARE_AND_SET].map((script) =>
        this.run(() => command.script("LOAD", script.source)),
      ),
    );
    await this.rememberEpoch(command);
    subscriber.on("message", (_channel: string, message: string) => {
      const [mallId = "", what] = message.split(" ");
      this.invalidate(mallId);
      if (what === "deleted") this.seen.delete(mallId);
    });
    // Any gap in the subscription may have lost notifications: forget everything cached until subscribed again.
    subscriber.on("close", () => this.dropCache());
    subscriber.on("ready", () => {
      this.dropCache();
      void this.subscribe(subscriber);
    });
    await this.subscribe(subscriber);
    return { command, subscriber };
  }

  private async subscribe(subscriber: Redis): Promise<void> {
    try {
      await subscriber.subscribe(this.keys.changes());
      this.subscribed = true;
    } catch (error) {
      this.subscribed = false;
      this.logger.warn(
        { location: this.location },
        `token change notifications unavailable: ${String(error)}`,
      );
    }
  }

  /** Cached tokens stay only as a fallback while Redis is away; none is served as current until read again. */
  private dropCache(): void {
    this.subscribed = false;
    this.globalGeneration += 1;
  }

  private invalidate(mallId: string): void {
    this.cache.delete(mallId);
    this.generations.set(mallId, (this.generations.get(mallId) ?? 0) + 1);
  }

  private generationOf(mallId: string): string {
    return `${this.globalGeneration}:${this.generations.get(mallId) ?? 0}`;
  }

  private parse(mallId: string, json: string, revision: string, receivedAt: string | null): StoredToken {
    const contents = parseTokenFile(Buffer.from(json), {
      path: `${this.location} ${this.keys.token(mallId)}`,
      mallId,
    });
    return { token: contents.token, revision, receivedAt: receivedAt ? Number(receivedAt) : null };
  }

  /**
   * A mall this process has seen a token for, now missing without a delete notice: Redis restarted without
   * persistence, evicted the key, or the notice was missed. The epoch (written once per Redis dataset) tells a
   * restart or eviction from a deletion elsewhere; either way a person must authorize the mall again.
   */
  private async assertNotLost(mallId: string): Promise<void> {
    if (!this.seen.has(mallId)) return;
    const { command } = await this.connect();
    const epoch = await this.run(() => command.get(this.keys.epoch()));
    const why =
      epoch === this.epoch
        ? "it was deleted by another process"
        : "Redis restarted without persistence or evicted keys, so the last refresh token is gone";
    throw new DoctorError(
      ERROR_CODES.tokenNotFound,
      `Redis (${this.location}) no longer holds mall ${mallId}'s token: ${why}. Authorize mall ${mallId} again: cafe24-doctor token login --mall ${mallId}.`,
      { details: [`mall ${mallId}: token lost from Redis`] },
    );
  }

  /** Remembers (creating it when absent) the dataset's epoch, against which a lost token is recognised. */
  private async rememberEpoch(command: Redis): Promise<void> {
    const candidate = randomBytes(8).toString("hex");
    await this.run(() => command.set(this.keys.epoch(), candidate, "NX"));
    this.epoch = (await this.run(() => command.get(this.keys.epoch()))) ?? candidate;
  }

  private async acquire(command: Redis, mallId: string): Promise<LockHold> {
    const owner = randomBytes(12).toString("hex");
    const started = Date.now();
    let pause = 20;
    for (let attempt = 0; ; attempt++) {
      const fence = (await this.run(() =>
        this.evalScript(
          command,
          ACQUIRE_LOCK,
          [this.keys.lock(mallId), this.keys.fence(mallId)],
          [owner, String(this.leaseMs)],
        ),
      )) as number;
      if (fence > 0) return { mallId, owner, fence, lost: false };
      const waited = Date.now() - started;
      if (waited >= this.lockWaitMs || attempt > 100_000) {
        throw new DoctorError(
          ERROR_CODES.tokenLockTimeout,
          `Waited ${Math.round(waited / 1000)} s for mall ${mallId}'s lock in ${this.location}; another process holds it.`,
        );
      }
      // -fence is the lock's remaining lease: never wait past it, and back off while it is long.
      await this.sleep(Math.min(pause, Math.max(5, -fence)) + Math.random() * 10);
      pause = Math.min(250, pause * 2);
    }
  }

  private renewWhileHeld(command: Redis, hold: LockHold): { stop(): void } {
    const timer = setInterval(
      () => {
        void this.evalScript(
          command,
          RENEW_LOCK,
          [this.keys.lock(hold.mallId)],
          [hold.owner, String(this.leaseMs)],
        )
          .then((renewed) => {
            if (renewed !== 1 && !hold.lost) {
              hold.lost = true;
              this.logger.warn(
                { mallId: hold.mallId, fence: hold.fence },
                "lost the token lock (lease ran out): a later write by another holder wins",
              );
            }
          })
          .catch(() => {});
      },
      Math.max(10, Math.floor(this.leaseMs / 3)),
    );
    timer.unref();
    return { stop: () => clearInterval(timer) };
  }

  private async release(command: Redis, hold: LockHold): Promise<void> {
    try {
      await this.evalScript(command, RELEASE_LOCK, [this.keys.lock(hold.mallId)], [hold.owner]);
    } catch (error) {
      // The lease frees it anyway; a failed release only delays the next holder by up to one lease.
      this.logger.warn({ mallId: hold.mallId }, `could not release the token lock: ${String(error)}`);
    }
  }

  private evalScript(command: Redis, script: LuaScript, keys: string[], args: string[]): Promise<unknown> {
    return command.evalsha(script.sha, keys.length, ...keys, ...args).catch((error: unknown) => {
      // After a Redis restart the script cache is empty: run the source once (which loads it again).
      if (!String(error).includes("NOSCRIPT")) throw error;
      return command.eval(script.source, keys.length, ...keys, ...args);
    });
  }

  /** Every Redis failure leaves as REDIS_UNAVAILABLE naming the server (never its password). */
  private async run<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof DoctorError) throw error;
      throw redisUnavailable(this.o.url, error);
    }
  }
}
