import type { RandomSource } from "../util/runtime.js";

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/**
 * Delay before retry number `failures` (1 = after the first failure): the ceiling doubles per failure up to
 * `maxMs`, and the delay is drawn uniformly between `baseMs` and that ceiling — AWS's "full jitter", floored
 * at the base so a failing mall never retries faster than every `baseMs`. Several instances watching the
 * same malls thus spread their retries instead of hitting Cafe24 in lockstep.
 */
export function backoffDelay(failures: number, policy: BackoffPolicy, random: RandomSource): number {
  const exponent = Math.min(Math.max(0, failures - 1), 30);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return policy.baseMs + random() * Math.max(0, ceiling - policy.baseMs);
}
