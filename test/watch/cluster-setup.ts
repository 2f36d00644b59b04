import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { onTestFinished } from "vitest";
import { toTokenSet } from "../../src/cafe24/token-response.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { tokenId } from "../../src/emulator/state/tokens.js";
import { openRedis } from "../../src/redis/redis-connection.js";
import { RedisKeys } from "../../src/redis/redis-keys.js";
import { RedisTokenStore, type RedisTokenStoreOptions } from "../../src/redis/redis-token-store.js";
import { RedisWatchCluster } from "../../src/watch/cluster/redis-watch-cluster.js";
import type { RefreshedInfo } from "../../src/watch/mall-watcher.js";
import type { WatchManager } from "../../src/watch/watch-manager.js";
import type { WatchManagerOptions } from "../../src/watch/watch-options.js";
import { type ManualTicks, manualWatch, oauthOf } from "./watch-setup.js";

export const CLIENT_ID = "cluster-app";

/** The malls of a cluster test: tiny seed data, no rate limit (the tests are about tokens). */
export function clusterEmulatorOptions(count: number, ttl: { accessSec: number; refreshSec?: number }) {
  return {
    malls: Array.from({ length: count }, (_, i) => ({ mallId: `m${String(i).padStart(4, "0")}` })),
    ttl: { refreshSec: 3600, ...ttl },
    rateLimit: { enabled: false },
    data: { products: 1, orders: 1, customers: 1, categories: 4, boards: 0 },
  };
}

/** A fresh key prefix per test, so tests on one redis-server never see each other's keys. */
export const freshPrefix = (): string => `c${randomBytes(4).toString("hex")}:`;

export interface Replica {
  id: string;
  store: RedisTokenStore;
  cluster: RedisWatchCluster;
  manager: WatchManager;
  ticks: ManualTicks;
  refreshed: RefreshedInfo[];
}

export interface ReplicaOptions {
  url: string;
  prefix: string;
  running: RunningEmulator;
  id: string;
  leaseMs: number;
  store?: Partial<RedisTokenStoreOptions>;
  watch?: Partial<Omit<WatchManagerOptions, "store" | "cluster" | "sleep" | "tickMs">>;
  /** What "the tick's work has finished" means (default: everything the manager does). */
  settle?: (manager: WatchManager) => Promise<void>;
}

/**
 * One `watch` replica as another machine would run it: its own RedisTokenStore (own connections), its own
 * cluster membership, the emulator's clock as `now`, ticks driven by the test. Stopped and closed when the test
 * finishes (unless the test did it).
 */
export function replica(o: ReplicaOptions): Replica {
  const store = new RedisTokenStore({
    url: o.url,
    clientId: CLIENT_ID,
    prefix: o.prefix,
    connectionName: o.id,
    ...o.store,
  });
  const now = () => o.running.control.now();
  const cluster = RedisWatchCluster.forStore(store, { replicaId: o.id, leaseMs: o.leaseMs, now });
  const { manager, ticks } = manualWatch(
    {
      store,
      oauth: oauthOf(o.running),
      cluster,
      now,
      stopTimeoutMs: 2_000,
      ...o.watch,
    },
    o.settle,
  );
  const refreshed: RefreshedInfo[] = [];
  manager.on("refreshed", (info) => refreshed.push(info));
  onTestFinished(async () => {
    await manager.stop();
    await store.close();
  });
  return { id: o.id, store, cluster, manager, ticks, refreshed };
}

/** Issues each mall's tokens at the emulator (control API) and stores them, as `token login` would; 100 at a time. */
export async function authorizeAll(
  running: RunningEmulator,
  store: RedisTokenStore,
  mallIds: readonly string[],
): Promise<void> {
  for (let i = 0; i < mallIds.length; i += 100) {
    await Promise.all(
      mallIds.slice(i, i + 100).map(async (mallId) => {
        const token = toTokenSet(running.control.issueTokens(mallId), mallId);
        const current = await store.get(mallId).catch(() => undefined);
        const written = await store.compareAndSet(mallId, current?.revision, token);
        if (!written.ok) throw new Error(`could not store ${mallId}'s token`);
      }),
    );
  }
}

/** A plain connection for looking at the cluster's keys; closed when the test finishes. */
export async function inspector(url: string, prefix: string): Promise<{ redis: Redis; keys: RedisKeys }> {
  const redis = await openRedis({ url });
  onTestFinished(() => {
    redis.disconnect();
  });
  return { redis, keys: new RedisKeys(prefix, CLIENT_ID) };
}

/**
 * Lets every replica tick at once, round after round, until nothing is due at `now` and nothing is in flight
 * cluster-wide. Bounded by rounds; between rounds a short real pause lets what runs on real timers (heartbeats,
 * reconnects) happen — never an assertion on time.
 */
export async function untilQuiet(
  replicas: readonly Replica[],
  look: { redis: Redis; keys: RedisKeys },
  now: () => number,
  what: string,
  maxRounds = 400,
): Promise<void> {
  for (let round = 0; round < maxRounds; round++) {
    await Promise.all(replicas.map((r) => r.ticks.pass()));
    const [overdue, inFlight] = await Promise.all([
      look.redis.zcount(look.keys.watch("due"), "-inf", now()),
      look.redis.zcard(look.keys.watch("leases")),
    ]);
    if (overdue === 0 && inFlight === 0) return;
    if (round > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`the cluster did not settle (${what}) after ${maxRounds} rounds`);
}

/** Ticks every replica until `condition` holds; bounded like untilQuiet. */
export async function untilCluster(
  replicas: readonly Pick<Replica, "ticks">[],
  condition: () => boolean | Promise<boolean>,
  what: string,
  maxRounds = 400,
): Promise<void> {
  for (let round = 0; round < maxRounds; round++) {
    if (await condition()) return;
    await Promise.all(replicas.map((r) => r.ticks.pass()));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  if (!(await condition())) throw new Error(`gave up waiting for ${what} after ${maxRounds} rounds`);
}

/** Malls whose stored refresh token is not the emulator's current one (must be none). */
export async function notLive(
  running: RunningEmulator,
  store: RedisTokenStore,
  mallIds: readonly string[],
): Promise<string[]> {
  const dead: string[] = [];
  for (const mallId of mallIds) {
    const stored = await store.get(mallId).catch(() => undefined);
    if (tokenId(stored?.token.refreshToken ?? "") !== running.control.stats(mallId).currentRefreshTokenId)
      dead.push(mallId);
  }
  return dead;
}
