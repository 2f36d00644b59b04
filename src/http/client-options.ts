import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import type { AccessTokenProvider } from "../tokens/access-token-provider.js";
import type { FetchLike, Logger, Now, RandomSource, Sleep } from "../util/runtime.js";
import type { PacerState } from "./pacer-state.js";
import { DEFAULT_RETRY, type RetryOptions, type RetryPolicy } from "./retry-policy.js";

export interface PacingOptions {
  /** Bucket size until `X-Api-Call-Limit` says otherwise. @default 40 */
  capacity?: number;
  /** Units the mall's bucket drains per second. @default 2 */
  drainPerSec?: number;
  /** Sends per second this client never exceeds (Cafe24 flags ≥10/s from one IP). @default 8 */
  maxPerSec?: number;
  /** Bucket units left free for other clients of the mall. @default 2 */
  headroom?: number;
  /** Longest single pacing wait; a longer one (e.g. a long usage block) fails with CAFE24_RATE_LIMITED. @default 120000 */
  maxWaitMs?: number;
  /** The bucket model, e.g. one shared by several clients of the same mall. @default an in-memory model */
  state?: PacerState;
}

export interface Cafe24ClientOptions {
  mallId: string;
  /** Where access tokens come from (a TokenManager, or anything with the same two methods). */
  tokens: AccessTokenProvider;
  /** Base-URL template with `{mall_id}`. @default "https://{mall_id}.cafe24api.com" */
  baseUrl?: string;
  /** Allow plain http to a loopback host (the local emulator). @default false */
  allowInsecureLoopback?: boolean;
  /** Sent as `X-Cafe24-Api-Version`; omitted, Cafe24 uses the version set on the app. */
  apiVersion?: string;
  /** @default globalThis.fetch */
  fetch?: FetchLike;
  /** Epoch milliseconds. @default Date.now */
  now?: Now;
  /** @default a setTimeout-based sleep */
  sleep?: Sleep;
  /** Uniform in [0, 1), for backoff jitter. @default Math.random */
  random?: RandomSource;
  /** Receives one structured line per attempt; never tokens. @default silent */
  logger?: Logger;
  /** Per attempt, body included; pacing and backoff waits are not counted. @default 30000 */
  timeoutMs?: number;
  /**
   * Largest answer body read, in bytes; a bigger one is cancelled unread and fails with CAFE24_BAD_RESPONSE
   * (not retried: it would be as big again). Generous on purpose: a list page of 100 products or orders with
   * `embed` runs to a few MB, so 16 MiB leaves room, yet a body without end stops long before memory does.
   * @default 16777216 (16 MiB)
   */
  maxResponseBytes?: number;
  retry?: RetryOptions;
  pacing?: PacingOptions;
}

export interface ResolvedPacing {
  capacity: number;
  drainPerSec: number;
  maxPerSec: number;
  headroom: number;
  maxWaitMs: number;
}

export const DEFAULT_PACING: ResolvedPacing = {
  capacity: 40,
  drainPerSec: 2,
  maxPerSec: 8,
  headroom: 2,
  maxWaitMs: 120_000,
};

export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** Defaults filled in and every number checked, so a wrong option fails here, naming itself. */
export function resolveNumbers(options: Cafe24ClientOptions): {
  timeoutMs: number;
  maxResponseBytes: number;
  retry: RetryPolicy;
  pacing: ResolvedPacing;
} {
  const { state: _state, ...pacingNumbers } = options.pacing ?? {};
  const pacing = { ...DEFAULT_PACING, ...stripUndefined(pacingNumbers) };
  const retry = { ...DEFAULT_RETRY, ...stripUndefined(options.retry ?? {}) };
  const timeoutMs = options.timeoutMs ?? 30_000;
  positive("timeoutMs", timeoutMs);
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  positive("maxResponseBytes", maxResponseBytes);
  for (const [name, value] of Object.entries(pacing)) {
    if (name === "headroom") atLeastZero(`pacing.${name}`, value);
    else positive(`pacing.${name}`, value);
  }
  if (pacing.headroom >= pacing.capacity) {
    throw new DoctorError(
      ERROR_CODES.invalidOptions,
      "pacing.headroom must be smaller than pacing.capacity.",
    );
  }
  for (const [name, value] of Object.entries(retry)) {
    if (typeof value === "number") atLeastZero(`retry.${name}`, value);
  }
  return { timeoutMs, maxResponseBytes, retry, pacing };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function positive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new DoctorError(ERROR_CODES.invalidOptions, `${name} must be a positive number (got ${value}).`);
  }
}

function atLeastZero(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new DoctorError(ERROR_CODES.invalidOptions, `${name} must be zero or more (got ${value}).`);
  }
}
