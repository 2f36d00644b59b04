import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Redis } from "ioredis";
import { DoctorError, ERROR_CODES } from "../../errors/doctor-error.js";
import type { RedisKeys } from "../../redis/redis-keys.js";
import type { RedisTokenStore } from "../../redis/redis-token-store.js";
import { type Logger, type Now, silentLogger } from "../../util/runtime.js";
import type {
  ClaimedMall,
  ClusterView,
  MallCoordinator,
  MallDue,
  MallRelease,
  RemovalMark,
  ReplicaInfo,
} from "./mall-coordinator.js";
import { decodeMallRecord, encodeMallRecord, type MallRecord } from "./mall-record.js";
import { decodeRemovalMark, encodeRemovalMark } from "./removal-mark.js";
import {
  CLAIM,
  CLEAR_REMOVED,
  type ClusterScript,
  HEARTBEAT,
  MARK_REMOVED,
  REGISTER,
  RELEASE,
  VIEW,
} from "./watch-cluster-scripts.js";

export const WATCH_CLUSTER_DEFAULTS = {
  /**
   * A replica that stops renewing (killed, cut off) loses the malls it was working on after this long; the
   * others take them over then. Renewed every third of it.
   */
  leaseMs: 15_000,
  /** A replica not heard from for this many leases leaves the registry (the status page shows it until then). */
  forgetAfterLeases: 4,
  /** "Due soon" on the status page and in the metrics. */
  soonMs: 5 * 60 * 1000,
} as const;

/** Malls per script call when registering or releasing many at once (Lua's unpack has a stack limit). */
const BATCH = 500;

export interface RedisWatchClusterOptions {
  /** The command connection (usually the token store's: `() => store.redis()`). Not closed by the cluster. */
  redis: () => Promise<Redis>;
  /** Where the keys live: the token store's `keys` (prefix and client id). */
  keys: Pick<RedisKeys, "watch" | "changes">;
  /** The Redis server for messages, without its password (the token store's `location`). */
  location: string;
  /** @default "<hostname>:<pid>:<random>" */
  replicaId?: string;
  /** @default 15000 */
  leaseMs?: number;
  /** The watchers' clock (due times); the same `now` as the WatchManager's. @default Date.now */
  now?: Now;
  logger?: Logger;
}

/**
 * `watch` replicas sharing malls through Redis (see MallCoordinator). Every operation is one Lua script over the
 * keys of one hash tag: a claim of many malls, a release of many, a heartbeat renewing every lease held, a
 * view made of counts. Who works on what and each mall's last record also reach every replica through one
 * pub/sub channel, so a status page shows every mall without reading it from Redis.
 */
export class RedisWatchCluster implements MallCoordinator {
  readonly replicaId: string;
  readonly leaseMs: number;
  private readonly o: RedisWatchClusterOptions;
  private readonly now: Now;
  private readonly logger: Logger;
  private readonly host = hostname();
  private readonly startedAt = Date.now();
  private epoch: string | undefined;
  private malls: ((lost: boolean) => MallDue[]) | undefined;
  private discovered: ((mallId: string) => void) | undefined;
  /** Malls this replica holds a lease on in Redis (claimed, not yet released). */
  private readonly leases = new Set<string>();
  private pending: MallRelease[] = [];
  private flushing: Promise<void> | undefined;
  private readonly records = new Map<string, MallRecord>();
  private readonly holders = new Map<string, string>();
  private readonly removals = new Map<string, RemovalMark>();
  private timer: NodeJS.Timeout | undefined;
  private beating: Promise<void> | undefined;
  private subscriber: Redis | undefined;
  private cached: { view: ClusterView; readAt: number } | undefined;
  private viewing: Promise<ClusterView> | undefined;

  constructor(options: RedisWatchClusterOptions) {
    this.o = options;
    this.replicaId = options.replicaId ?? `${hostname()}:${process.pid}:${randomBytes(2).toString("hex")}`;
    this.leaseMs = options.leaseMs ?? WATCH_CLUSTER_DEFAULTS.leaseMs;
    this.now = options.now ?? Date.now;
    this.logger = options.logger ?? silentLogger;
    if (/\s/.test(this.replicaId))
      throw new DoctorError(ERROR_CODES.invalidOptions, "A watch replica id must not contain spaces.");
  }

  /** The cluster of the malls a Redis token store holds, on the store's own command connection. */
  static forStore(
    store: RedisTokenStore,
    options: Omit<RedisWatchClusterOptions, "redis" | "keys" | "location"> = {},
  ): RedisWatchCluster {
    return new RedisWatchCluster({
      ...options,
      redis: () => store.redis(),
      keys: store.keys,
      location: store.location,
    });
  }

  async start(malls: (lost: boolean) => MallDue[], discovered?: (mallId: string) => void): Promise<void> {
    this.malls = malls;
    this.discovered = discovered;
    await this.heartbeat();
    await this.register(malls(false));
    await this.subscribe();
    this.timer = setInterval(() => void this.heartbeat().catch(() => {}), Math.max(10, this.leaseMs / 3));
    this.timer.unref();
    this.logger.info({ replicaId: this.replicaId, leaseMs: this.leaseMs }, "joined the watch cluster");
  }

  async register(malls: readonly MallDue[]): Promise<void> {
    for (let i = 0; i < malls.length; i += BATCH) {
      const args = malls.slice(i, i + BATCH).flatMap((m) => [m.mallId, String(m.dueAt)]);
      await this.script(REGISTER, [this.key("due"), this.key("leases")], args);
    }
  }

  async claim(now: number, limit: number): Promise<ClaimedMall[]> {
    if (limit <= 0) return [];
    const [epoch, malls, records, marks] = (await this.script(
      CLAIM,
      [
        this.key("due"),
        this.key("leases"),
        this.key("holders"),
        this.key("records"),
        this.key("meta"),
        this.key("heartbeats"),
        this.key("removed"),
      ],
      [
        this.replicaId,
        String(now),
        String(limit),
        String(this.leaseMs),
        // Fresh each time: the same value written again after Redis lost its data would hide the loss.
        newEpoch(),
        this.key("events"),
        // Alive: heard from within two leases (heartbeats come every third of one).
        String(2 * this.leaseMs),
      ],
    )) as [string, string[], (string | null)[], (string | null)[]];
    this.noteEpoch(epoch);
    return malls.map((mallId, i) => {
      // Read with the claim, atomically: a mark written before it is never missed, whatever pub/sub delivered.
      const removal = decodeRemovalMark(marks[i]);
      if (removal) this.removals.set(mallId, removal);
      else this.removals.delete(mallId);
      this.leases.add(mallId);
      this.holders.set(mallId, this.replicaId);
      // Worked on again before its last release went out: that release is superseded.
      this.pending = this.pending.filter((p) => p.mallId !== mallId);
      const record = decodeMallRecord(records[i]);
      if (record) this.remember(record);
      return { mallId, record, removal };
    });
  }

  async markRemoved(mark: RemovalMark): Promise<void> {
    await this.script(
      MARK_REMOVED,
      [this.key("removed")],
      [this.key("events"), mark.mallId, encodeRemovalMark(mark)],
    );
    this.removals.set(mark.mallId, mark);
  }

  async clearRemoved(mallId: string, revision: string | null): Promise<void> {
    const ended = await this.script(
      CLEAR_REMOVED,
      [this.key("removed")],
      [this.key("events"), mallId, revision ?? ""],
    );
    if (ended === 1 && this.removals.get(mallId)?.revision === revision) this.removals.delete(mallId);
  }

  removalOf(mallId: string): RemovalMark | undefined {
    return this.removals.get(mallId);
  }

  release(release: MallRelease): void {
    this.pending.push(release);
    this.remember(release.record);
    void this.flush();
  }

  async settled(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  recordOf(mallId: string): MallRecord | undefined {
    return this.records.get(mallId);
  }

  holderOf(mallId: string): string | undefined {
    return this.holders.get(mallId);
  }

  view(now: number, maxAgeMs = 1000): Promise<ClusterView> {
    const cached = this.cached;
    if (cached && Date.now() - cached.readAt < maxAgeMs) return Promise.resolve(cached.view);
    this.viewing ??= this.readView(now).finally(() => {
      this.viewing = undefined;
    });
    return this.viewing;
  }

  lastView(): ClusterView | undefined {
    return this.cached?.view;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.beating;
    await this.flush();
    await this.settled();
    try {
      const redis = await this.o.redis();
      await redis
        .multi()
        .hdel(this.key("replicas"), this.replicaId)
        .zrem(this.key("heartbeats"), this.replicaId)
        .exec();
    } catch (error) {
      // Forgotten by the others after a few leases anyway.
      this.logger.warn(
        { replicaId: this.replicaId, reason: String(error) },
        "could not leave the watch cluster",
      );
    }
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    if (subscriber) await subscriber.quit().catch(() => subscriber.disconnect());
    this.logger.info({ replicaId: this.replicaId }, "left the watch cluster");
  }

  /** Registry entry, lease renewals, and the epoch that tells whether Redis lost the cluster's data. */
  private heartbeat(): Promise<void> {
    this.beating ??= (async () => {
      const held = [...this.leases];
      const info = JSON.stringify({
        host: this.host,
        pid: process.pid,
        startedAt: this.startedAt,
        leaseMs: this.leaseMs,
      });
      const [epoch, lost] = (await this.script(
        HEARTBEAT,
        [
          this.key("leases"),
          this.key("holders"),
          this.key("meta"),
          this.key("replicas"),
          this.key("heartbeats"),
        ],
        [
          this.replicaId,
          info,
          String(this.leaseMs),
          newEpoch(),
          String(this.leaseMs * WATCH_CLUSTER_DEFAULTS.forgetAfterLeases),
          ...held,
        ],
      )) as [string, string[]];
      for (const mallId of lost) {
        // Taken over after this replica's lease ran out (or Redis lost it): its release is decided by the script.
        this.logger.warn(
          { mallId, replicaId: this.replicaId },
          "lost the watch lease of a mall being worked on",
        );
        this.leases.delete(mallId);
      }
      this.noteEpoch(epoch);
      if (this.pending.length > 0) void this.flush();
    })().finally(() => {
      this.beating = undefined;
    });
    return this.beating;
  }

  /** A new epoch means Redis lost the cluster's data (restart without persistence): schedule every mall again. */
  private noteEpoch(epoch: string): void {
    if (this.epoch === undefined || this.epoch === epoch) {
      this.epoch = epoch;
      return;
    }
    this.epoch = epoch;
    this.records.clear();
    this.holders.clear();
    this.removals.clear();
    const malls = this.malls?.(true) ?? [];
    this.logger.warn(
      { replicaId: this.replicaId, malls: malls.length, location: this.o.location },
      "the watch cluster's data is gone from Redis (restarted without persistence?): every mall is scheduled again",
    );
    void this.register(malls).catch((error: unknown) =>
      this.logger.warn({ reason: String(error) }, "could not schedule the malls again"),
    );
  }

  /** One script call at a time; releases that arrive meanwhile go out together in the next. */
  private flush(): Promise<void> {
    this.flushing ??= (async () => {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, BATCH);
        try {
          await this.script(
            RELEASE,
            [
              this.key("due"),
              this.key("leases"),
              this.key("holders"),
              this.key("records"),
              this.key("attention"),
            ],
            [
              this.replicaId,
              this.key("events"),
              ...batch.flatMap((r) => [
                r.mallId,
                String(r.dueAt),
                encodeMallRecord(r.record),
                r.needsPerson ? "1" : "0",
                String(r.record.at),
              ]),
            ],
          );
          for (const r of batch) this.leases.delete(r.mallId);
        } catch (error) {
          // Kept (and the leases renewed) until Redis answers again: the next heartbeat tries again.
          this.pending.unshift(...batch.filter((r) => !this.pending.some((p) => p.mallId === r.mallId)));
          this.logger.warn({ malls: batch.length, reason: String(error) }, "could not release malls yet");
          return;
        }
      }
    })().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private remember(record: MallRecord): void {
    const known = this.records.get(record.mallId);
    if (!known || known.at <= record.at) this.records.set(record.mallId, record);
  }

  private async readView(now: number): Promise<ClusterView> {
    const [malls, inFlight, overdue, dueSoon, needsPerson, entries] = (await this.script(
      VIEW,
      [
        this.key("due"),
        this.key("leases"),
        this.key("holders"),
        this.key("attention"),
        this.key("replicas"),
        this.key("heartbeats"),
      ],
      [String(now), String(WATCH_CLUSTER_DEFAULTS.soonMs)],
    )) as [number, number, number, number, number, [string, string, number, number][]];
    const replicas = entries.map(([id, json, lastSeenMsAgo, held]) =>
      replicaInfo(id, json, lastSeenMsAgo, held),
    );
    replicas.sort((a, b) => a.id.localeCompare(b.id));
    const view: ClusterView = {
      replicaId: this.replicaId,
      at: now,
      replicas,
      malls,
      inFlight,
      owned: replicas.find((r) => r.id === this.replicaId)?.held ?? 0,
      overdue,
      dueSoon,
      needsPerson,
    };
    this.cached = { view, readAt: Date.now() };
    return view;
  }

  /**
   * Who works on what, and every record written, as the other replicas announce it; plus the token store's
   * change notices, so a mall waiting for a person is looked at as soon as someone authorizes it again.
   */
  private async subscribe(): Promise<void> {
    const command = await this.o.redis();
    const subscriber = command.duplicate();
    subscriber.on("error", () => {});
    subscriber.on("message", (channel: string, message: string) => this.heard(channel, message));
    let first = true;
    subscriber.on("ready", () => {
      // A gap in the subscription may have lost announcements: read the records again.
      if (!first) void this.resync().catch(() => {});
      first = false;
    });
    try {
      if (subscriber.status === "wait") await subscriber.connect();
      await subscriber.subscribe(this.key("events"), this.o.keys.changes());
    } catch (error) {
      subscriber.disconnect();
      throw this.unavailable(error);
    }
    this.subscriber = subscriber;
    await this.resync();
  }

  private heard(channel: string, message: string): void {
    if (channel === this.key("events")) {
      if (message.startsWith("C ")) {
        const [, replica = "", ...malls] = message.split(" ");
        for (const mallId of malls) this.holders.set(mallId, replica);
      } else if (message.startsWith("R\n")) {
        for (const line of message.slice(2).split("\n")) {
          const record = decodeMallRecord(line);
          if (!record) continue;
          if (this.holders.get(record.mallId) === record.by) this.holders.delete(record.mallId);
          this.remember(record);
        }
      } else if (message.startsWith("X\n")) {
        const mark = decodeRemovalMark(message.slice(2));
        if (mark) this.removals.set(mark.mallId, mark);
      } else if (message.startsWith("x ")) {
        this.removals.delete(message.slice(2));
      }
      return;
    }
    // The token store's notice: "<mall> <revision>" after every write ("<mall> deleted" after a delete).
    const [mallId = "", revision] = message.split(" ");
    if (revision === "deleted") return;
    this.discovered?.(mallId);
    const state = this.records.get(mallId)?.state;
    const waiting =
      state === "reauth-required" ||
      state === "no-token" ||
      state === "app-deleted" ||
      state === "app-expired" ||
      this.removals.has(mallId);
    if (!waiting) return;
    void this.o
      .redis()
      .then((redis) => redis.zadd(this.key("due"), "XX", "LT", this.now(), mallId))
      .catch(() => {});
  }

  /** Every record and current holder, read in pages (at start, and after the subscription had a gap). */
  private async resync(): Promise<void> {
    const redis = await this.o.redis();
    let cursor = "0";
    do {
      const [next, entries] = await this.run(() => redis.hscan(this.key("records"), cursor, "COUNT", 1000));
      cursor = next;
      for (let i = 1; i < entries.length; i += 2) {
        const record = decodeMallRecord(entries[i]);
        if (record) this.remember(record);
      }
    } while (cursor !== "0");
    const marks = await this.run(() => redis.hgetall(this.key("removed")));
    this.removals.clear();
    for (const text of Object.values(marks)) {
      const mark = decodeRemovalMark(text);
      if (mark) this.removals.set(mark.mallId, mark);
    }
    const holders = await this.run(() => redis.hgetall(this.key("holders")));
    this.holders.clear();
    for (const [mallId, replica] of Object.entries(holders)) this.holders.set(mallId, replica);
  }

  private key(part: string): string {
    return this.o.keys.watch(part);
  }

  private async script(script: ClusterScript, keys: string[], args: string[]): Promise<unknown> {
    const redis = await this.o.redis();
    return this.run(() =>
      redis.evalsha(script.sha, keys.length, ...keys, ...args).catch((error: unknown) => {
        // After a Redis restart the script cache is empty: run the source once (which loads it again).
        if (!String(error).includes("NOSCRIPT")) throw error;
        return redis.eval(script.source, keys.length, ...keys, ...args);
      }),
    );
  }

  private async run<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof DoctorError) throw error;
      throw this.unavailable(error);
    }
  }

  private unavailable(cause: unknown): DoctorError {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new DoctorError(ERROR_CODES.redisUnavailable, `Redis at ${this.o.location}: ${reason}`, { cause });
  }
}

const newEpoch = (): string => randomBytes(8).toString("hex");

function replicaInfo(id: string, json: string, lastSeenMsAgo: number, held: number): ReplicaInfo {
  let info: { host?: unknown; pid?: unknown; startedAt?: unknown } = {};
  try {
    info = JSON.parse(json) as typeof info;
  } catch {
    // A damaged entry still shows the replica, with what is known.
  }
  return {
    id,
    host: typeof info.host === "string" ? info.host : "?",
    pid: typeof info.pid === "number" ? info.pid : 0,
    startedAt: typeof info.startedAt === "number" ? info.startedAt : 0,
    lastSeenMsAgo: Number(lastSeenMsAgo),
    held: Number(held),
  };
}
