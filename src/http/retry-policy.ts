import { ERROR_CODES } from "../errors/doctor-error.js";
import type { RandomSource } from "../util/runtime.js";
import type { Cafe24HttpError } from "./cafe24-http-error.js";

export interface RetryOptions {
  /** Retries after 5xx, 408, timeouts and network errors, for calls safe to repeat. @default 3 */
  maxRetries?: number;
  /** First backoff ceiling; each retry doubles it (full jitter: the wait is uniform in [0, ceiling)). @default 500 */
  baseDelayMs?: number;
  /** Largest backoff ceiling. @default 10000 */
  maxDelayMs?: number;
  /** 429 answers waited out per call. They do not use up `maxRetries`, but are bounded too. @default 10 */
  maxRateLimitWaits?: number;
  /** Refresh and retry once after a 401. Off for read-only callers (diagnosis must not rotate tokens). @default true */
  refreshOn401?: boolean;
}

export type RetryPolicy = Required<RetryOptions>;

export const DEFAULT_RETRY: RetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  maxRateLimitWaits: 10,
  refreshOn401: true,
};

/**
 * Methods whose repetition cannot do more than the first attempt did. PUT counts: Cafe24's PUTs set fields
 * to given values (an update applied twice leaves the same state; the second may answer 409 "identical
 * content", which is not retried). POST creates, so a POST that may have reached Cafe24 is never re-sent.
 */
const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

/** What went wrong in one attempt. `sent` is false only when the request provably never left. */
export interface FailedAttempt {
  error: Cafe24HttpError;
  sent: boolean;
  /** The answer's `Retry-After` (429 or 503), in ms, already bounded. */
  retryAfterMs?: number;
}

export interface RetryHistory {
  refreshed: boolean;
  retries: number;
  rateLimitWaits: number;
}

export type RetryDecision =
  /** Give up and throw the error. */
  | { action: "fail" }
  /** 401 with the token the call used: get a fresh one and try once more. */
  | { action: "refresh" }
  /** 429: the pacer now knows the bucket is full or the mall blocked, and waits the time that implies. */
  | { action: "pace" }
  /** Transient failure: wait, then try again. */
  | { action: "backoff"; delayMs: number };

/**
 * The whole retry rule in one place. 401 and 429 are answered before Cafe24 runs the request, so repeating
 * them is safe for every method; 400/403/404/409/422 cannot succeed on repetition and are never retried, nor
 * is an answer we could not read (CAFE24_BAD_RESPONSE: not JSON, or over maxResponseBytes), which would be
 * the same again. A transient failure that came with `Retry-After` waits at least that long.
 */
export function decideRetry(
  method: string,
  failure: FailedAttempt,
  history: RetryHistory,
  policy: RetryPolicy,
  random: RandomSource,
): RetryDecision {
  const { status, code } = failure.error;
  if (code === ERROR_CODES.badResponse) return { action: "fail" };
  if (status === 401)
    return history.refreshed || !policy.refreshOn401 ? { action: "fail" } : { action: "refresh" };
  if (status === 429)
    return history.rateLimitWaits < policy.maxRateLimitWaits ? { action: "pace" } : { action: "fail" };
  const transient =
    (status !== undefined && (status >= 500 || status === 408)) ||
    code === ERROR_CODES.network ||
    code === ERROR_CODES.timeout;
  const repeatable = IDEMPOTENT.has(method) || !failure.sent;
  if (!transient || !repeatable || history.retries >= policy.maxRetries) return { action: "fail" };
  const jitter = backoffDelay(history.retries, policy, random);
  return { action: "backoff", delayMs: Math.max(jitter, failure.retryAfterMs ?? 0) };
}

/** Full jitter (AWS architecture blog, "Exponential Backoff and Jitter"): spreads retries of many clients. */
export function backoffDelay(retry: number, policy: RetryPolicy, random: RandomSource): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}
