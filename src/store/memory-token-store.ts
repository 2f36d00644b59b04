// Hand-written: a Map plus a per-mall promise queue is all it takes; no library would make it smaller.
import type { TokenSet } from "../cafe24/token-set.js";
import type { Now } from "../util/runtime.js";
import { KeyedMutex } from "./keyed-mutex.js";
import {
  assertSameMall,
  type CompareAndSetResult,
  type StoredToken,
  type TokenStore,
} from "./token-store.js";

export interface MemoryTokenStoreOptions {
  /** Stamps `receivedAt`. @default Date.now */
  now?: Now;
}

/**
 * Tokens in this process only: for tests, short-lived scripts, and apps that keep tokens elsewhere. Locks
 * exclude callers within the process. Values are copied in and out so callers cannot mutate what is stored.
 */
export class MemoryTokenStore implements TokenStore {
  readonly location = "memory";
  private readonly entries = new Map<string, StoredToken>();
  private readonly locks = new KeyedMutex();
  private readonly now: Now;
  private writes = 0;

  constructor(options: MemoryTokenStoreOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  async get(mallId: string): Promise<StoredToken | undefined> {
    const entry = this.entries.get(mallId);
    return entry && structuredClone(entry);
  }

  /** Check and write happen in one synchronous step, so no lock is needed for atomicity. */
  async compareAndSet(
    mallId: string,
    expectedRevision: string | undefined,
    next: TokenSet,
  ): Promise<CompareAndSetResult> {
    assertSameMall(mallId, next);
    const current = this.entries.get(mallId);
    if (current?.revision !== expectedRevision)
      return { ok: false, current: current && structuredClone(current) };
    this.writes += 1;
    const revision = String(this.writes);
    this.entries.set(mallId, { token: structuredClone(next), revision, receivedAt: this.now() });
    return { ok: true, revision };
  }

  withLock<T>(mallId: string, fn: () => Promise<T>): Promise<T> {
    return this.locks.run(mallId, fn);
  }

  async list(): Promise<string[]> {
    return [...this.entries.keys()].sort();
  }

  async delete(mallId: string): Promise<void> {
    this.entries.delete(mallId);
  }
}
