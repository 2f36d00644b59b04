import type { Now } from "../../util/runtime.js";

export interface ReplayGuardOptions {
  /** How long a delivery id is remembered: past the signature's ±5 min window, a replay is stale anyway. */
  ttlMs?: number;
  /** At most this many ids are kept (the oldest go first), so a flood cannot grow the memory. */
  maxEntries?: number;
}

export const REPLAY_GUARD_DEFAULTS = { ttlMs: 10 * 60_000, maxEntries: 10_000 } as const;

/**
 * Remembers the `X-Trace-Id` of every verified webhook for a while, so a delivery sent again (a replay, or the
 * sender retrying one we already acted on) is recognised. Bounded in size and age; ids are kept in arrival
 * order, so the oldest are at the front and pruning stops at the first young one.
 */
export class WebhookReplayGuard {
  private readonly seen = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(
    private readonly now: Now,
    options: ReplayGuardOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? REPLAY_GUARD_DEFAULTS.ttlMs;
    this.maxEntries = options.maxEntries ?? REPLAY_GUARD_DEFAULTS.maxEntries;
  }

  /** True the first time an id is offered (it is remembered from then on), false while it is remembered. */
  firstTime(id: string): boolean {
    const now = this.now();
    this.prune(now);
    if (this.seen.has(id)) return false;
    this.seen.set(id, now);
    while (this.seen.size > this.maxEntries) {
      const oldest = this.seen.keys().next().value;
      if (oldest === undefined) break;
      this.seen.delete(oldest);
    }
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private prune(now: number): void {
    for (const [id, at] of this.seen) {
      // A clock set back leaves `at` in the future: kept until the clock passes it again plus the ttl.
      if (now - at < this.ttlMs) break;
      this.seen.delete(id);
    }
  }
}
