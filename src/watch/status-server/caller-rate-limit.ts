import { DoctorError, ERROR_CODES } from "../../errors/doctor-error.js";
import type { Now } from "../../util/runtime.js";

export interface CallerRateLimitOptions {
  /** Tokens added to each caller's bucket per second. @default 20 */
  perSecond?: number;
  /** Bucket size: how many requests a caller may make at once after a quiet spell. @default 40 */
  burst?: number;
}

export const CALLER_RATE_LIMIT_DEFAULTS = { perSecond: 20, burst: 40 } as const;

/** Buckets kept at most; beyond it, those refilled to the brim (callers gone quiet) are forgotten. */
const MAX_CALLERS = 10_000;

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * A token bucket per caller (the remote address), on the injected clock. Hand-written: the libraries for Hono
 * count fixed windows per key and keep no notion of a burst, and this is twenty lines.
 */
export class CallerRateLimit {
  private readonly perSecond: number;
  private readonly burst: number;
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    options: CallerRateLimitOptions,
    private readonly now: Now,
  ) {
    this.perSecond = options.perSecond ?? CALLER_RATE_LIMIT_DEFAULTS.perSecond;
    this.burst = options.burst ?? CALLER_RATE_LIMIT_DEFAULTS.burst;
    if (!(this.perSecond > 0) || !(this.burst >= 1))
      throw new DoctorError(
        ERROR_CODES.invalidOptions,
        "tokenEndpoint.rateLimit needs perSecond > 0 and burst ≥ 1.",
      );
  }

  take(caller: string): RateDecision {
    const now = this.now();
    const bucket = this.buckets.get(caller) ?? { tokens: this.burst, at: now };
    // A clock that went back adds nothing (and takes nothing away).
    const elapsed = Math.max(0, now - bucket.at) / 1000;
    bucket.tokens = Math.min(this.burst, bucket.tokens + elapsed * this.perSecond);
    bucket.at = now;
    if (!this.buckets.has(caller)) {
      if (this.buckets.size >= MAX_CALLERS) this.forgetQuiet(now);
      this.buckets.set(caller, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond)),
    };
  }

  private forgetQuiet(now: number): void {
    for (const [caller, bucket] of this.buckets) {
      if (bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * this.perSecond >= this.burst)
        this.buckets.delete(caller);
    }
  }
}
