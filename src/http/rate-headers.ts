import { HEADER } from "../cafe24/headers.js";

/** `X-Api-Call-Limit: used/capacity` — the mall's leaky bucket as Cafe24 saw it when it answered (§4). */
export interface CallLimit {
  used: number;
  capacity: number;
}

export function readCallLimit(headers: Headers): CallLimit | undefined {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(headers.get(HEADER.callLimit) ?? "");
  if (!match) return undefined;
  const used = Number(match[1]);
  const capacity = Number(match[2]);
  return capacity > 0 ? { used, capacity } : undefined;
}

/**
 * Seconds until the mall may be called again, from `X-Cafe24-Call-Remain` / `X-Cafe24-Time-Remain`. They appear
 * only once a usage quota reached 100% (§4); the longer of the two wins, since either one blocks the mall.
 */
export function readRemainSeconds(headers: Headers): number | undefined {
  const values = [HEADER.callRemain, HEADER.timeRemain]
    .map((name) => Number.parseFloat(headers.get(name) ?? ""))
    .filter((n) => Number.isFinite(n) && n >= 0);
  return values.length > 0 ? Math.max(...values) : undefined;
}
