import { DEFAULT_REDIS_PREFIX } from "./redis-connection.js";

/**
 * Every key cafe24-doctor keeps in Redis, in one place. A key that a script touches together with others carries
 * the mall as a `{hash tag}`, so all of one mall's keys live in one Redis Cluster slot (and one Valkey shard) and
 * every script declares them in KEYS. Keys spanning malls are touched alone (the index), or share one hash tag of
 * their own (the `watch` cluster's).
 */
export class RedisKeys {
  constructor(
    readonly prefix: string = DEFAULT_REDIS_PREFIX,
    /** The app's client id: tokens are kept per (client_id, mall_id); the rate limit is the mall's. */
    readonly clientId: string = "",
  ) {}

  private mall(kind: string, mallId: string): string {
    return `${this.prefix}${kind}:${this.clientId}:{${mallId}}`;
  }

  /** Hash: the token record (token JSON, revision, receivedAt, highest accepted fence). */
  token(mallId: string): string {
    return this.mall("token", mallId);
  }

  /** String: the lock's owner, with a lease (PX). */
  lock(mallId: string): string {
    return this.mall("lock", mallId);
  }

  /** Counter: the fencing number issued with each lock. */
  fence(mallId: string): string {
    return this.mall("fence", mallId);
  }

  /** Set of mall ids with a token for this client id (list()); kept beside the records, checked against them. */
  index(): string {
    return `${this.prefix}malls:${this.clientId}`;
  }

  /** A random id written once: gone or different after Redis lost its data (restart without persistence). */
  epoch(): string {
    return `${this.prefix}epoch:${this.clientId}`;
  }

  /** Pub/sub channel announcing a changed token: message `mallId revision`. */
  changes(): string {
    return `${this.prefix}changed:${this.clientId}`;
  }

  /** The mall's shared pacing model: Cafe24's bucket is per mall, whichever app instance calls. */
  pace(mallId: string): string {
    return `${this.prefix}pace:{${mallId}}`;
  }

  /** Pacing tickets in flight (sent, not yet answered), by grant time. */
  paceInFlight(mallId: string): string {
    return `${this.prefix}pace-inflight:{${mallId}}`;
  }

  /** Instances waiting for the mall, oldest first: grants go in turn so that no instance starves. */
  paceWaiters(mallId: string): string {
    return `${this.prefix}pace-waiters:{${mallId}}`;
  }

  /**
   * Keys (and the channel) of the `watch` cluster of this client id: schedule, leases, holders, records, replicas.
   * They span malls and its scripts touch several at once, so they share the hash tag `{watch:<client id>}`: one
   * Redis Cluster slot, every key declared in KEYS.
   */
  watch(part: string): string {
    return `${this.prefix}{watch:${this.clientId}}:${part}`;
  }
}
