import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, onTestFinished } from "vitest";
import { openRedis } from "../../src/redis/redis-connection.js";
import { RedisTokenStore, type RedisTokenStoreOptions } from "../../src/redis/redis-token-store.js";
import { FileTokenStore, type FileTokenStoreOptions } from "../../src/store/file-token-store.js";
import { MemoryTokenStore } from "../../src/store/memory-token-store.js";
import type { TokenStore } from "../../src/store/token-store.js";
import {
  type RedisServer,
  type RedisServerOptions,
  redisUnavailable,
  startRedisServer,
} from "./redis-server.js";

/**
 * Store-agnostic tests run once per kind of token store:
 *
 *   for (const { kind, unavailable } of storeKinds(["file", "redis"], "the X tests over Redis")) {
 *     describe.skipIf(unavailable)(`X over a ${kind} store`, () => {
 *       const stores = useStores(kind);
 *       it("…", async () => {
 *         const store = stores.open();
 *       });
 *     });
 *   }
 *
 * A Redis variant gets one redis-server per test file (started in beforeAll) and a fresh key prefix per test,
 * so tests never see each other's keys. Without redis-server it fails in CI and is skipped elsewhere, saying why.
 */
export type StoreKind = "memory" | "file" | "redis";

export interface StoreKindCase<K extends StoreKind = StoreKind> {
  kind: K;
  /** True when this kind cannot run here (Redis without redis-server outside CI): skip it. */
  unavailable: boolean;
}

/** The kinds to run over; `what` names the Redis variant in the skip (or CI failure) message. */
export function storeKinds<K extends StoreKind>(kinds: readonly K[], what: string): StoreKindCase<K>[] {
  return kinds.map((kind) => ({ kind, unavailable: kind === "redis" ? redisUnavailable(what) : false }));
}

/** What every opener accepts; each kind ignores what it has no use for. */
export interface OpenOptions {
  /** Redis keys are per (client id, mall id). @default "test-app" */
  clientId?: string;
  /** File: where, relative to this test's directory unless absolute. @default "{mall_id}.json" */
  path?: string;
  /** Memory and file: the clock stamping receivedAt. */
  now?: () => number;
  /** Redis: any other RedisTokenStore option (lease, cache age, logger). */
  redis?: Partial<Omit<RedisTokenStoreOptions, "url" | "clientId" | "prefix">>;
  /** File: any other FileTokenStore option. */
  file?: Omit<FileTokenStoreOptions, "path" | "now">;
}

export interface Stores<K extends StoreKind = StoreKind> {
  kind: K;
  /**
   * A store over this test's tokens. Every call within one test opens another handle on the same tokens: another
   * process (file: same directory) or another machine (Redis: another connection, same prefix); memory has only
   * the one. Closed when the test finishes.
   */
  open(options?: OpenOptions): TokenStore;
}

export interface RedisStores extends Stores<"redis"> {
  open(options?: OpenOptions): RedisTokenStore;
  /** This file's redis-server (started in beforeAll). */
  readonly server: RedisServer;
  /** This test's key prefix. */
  readonly prefix: string;
  /** A plain connection to this file's redis-server for looking around the store; closed when the test finishes. */
  connect(): Promise<Redis>;
}

let prefixes = 0;

/** How this file's redis-server runs: without persistence unless told (a doctor wants AOF on). */
export interface UseStoresOptions {
  redisServer?: RedisServerOptions;
}

/** Registers the hooks a kind needs in the current describe block and returns its opener. */
export function useStores(kind: "redis", options?: UseStoresOptions): RedisStores;
export function useStores<K extends StoreKind>(kind: K, options?: UseStoresOptions): Stores<K>;
export function useStores(kind: StoreKind, options: UseStoresOptions = {}): Stores {
  if (kind === "redis") return useRedisStores(options.redisServer);
  if (kind === "memory") return useMemoryStores();
  return useFileStores();
}

function useMemoryStores(): Stores<"memory"> {
  let store: MemoryTokenStore | undefined;
  beforeEach(() => {
    store = undefined;
  });
  return {
    kind: "memory",
    open(options = {}) {
      store ??= new MemoryTokenStore(options.now ? { now: options.now } : {});
      return store;
    },
  };
}

function useFileStores(): Stores<"file"> {
  let dir: string | undefined;
  beforeEach(() => {
    dir = undefined;
  });
  return {
    kind: "file",
    open(options = {}) {
      // Made on first use, inside the test, and removed when the test finishes.
      if (dir === undefined) {
        const made = mkdtempSync(join(tmpdir(), "cafe24-doctor-store-"));
        onTestFinished(() => rm(made, { recursive: true, force: true }));
        dir = made;
      }
      const path = options.path ?? "{mall_id}.json";
      return new FileTokenStore({
        ...options.file,
        path: isAbsolute(path) ? path : join(dir, path),
        ...(options.now ? { now: options.now } : {}),
      });
    },
  };
}

function useRedisStores(serverOptions: RedisServerOptions = {}): RedisStores {
  let server: RedisServer | undefined;
  let prefix = "";
  beforeAll(async () => {
    server = await startRedisServer(serverOptions);
  });
  afterAll(async () => {
    await server?.stop();
  });
  beforeEach(() => {
    prefix = `t${++prefixes}-${randomBytes(4).toString("hex")}:`;
  });
  const running = (): RedisServer => {
    if (!server)
      throw new Error("the redis-server of this file has not started (useStores in a describe block)");
    return server;
  };
  return {
    kind: "redis",
    get server() {
      return running();
    },
    get prefix() {
      return prefix;
    },
    open(options = {}) {
      const store = new RedisTokenStore({
        ...options.redis,
        url: running().url,
        clientId: options.clientId ?? "test-app",
        prefix,
      });
      onTestFinished(() => store.close());
      return store;
    },
    async connect() {
      const redis = await openRedis({ url: running().url });
      onTestFinished(() => {
        redis.disconnect();
      });
      return redis;
    },
  };
}

/**
 * Waits until `handle` serves the revision `truth` holds: at once for a file; for Redis, until the handle's
 * change notification has arrived (pub/sub is asynchronous). Polls, bounded by a number of polls, never a sleep
 * standing in for a clock. `truth` must read the store itself: a Redis handle of its own, opened with
 * `cacheMaxAgeMs: 0`, or the writer's handle (whose own writes drop its cache).
 */
export async function untilCurrent(
  handle: TokenStore,
  truth: TokenStore,
  mallId: string,
  maxPolls = 5_000,
): Promise<void> {
  for (let i = 0; i < maxPolls; i++) {
    const [seen, stored] = await Promise.all([handle.get(mallId), truth.get(mallId)]);
    if (seen?.revision === stored?.revision) return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error(`${handle.location} did not catch up with mall ${mallId}'s stored token`);
}

/**
 * A redis-server as a production one runs: appending every write to its log (AOF), so a restart keeps the tokens.
 * The doctor reports a Redis without persistence (REDIS_NO_PERSISTENCE); tests of a healthy setup use this.
 */
export const DURABLE_REDIS: UseStoresOptions = { redisServer: { args: ["--appendonly", "yes"] } };
