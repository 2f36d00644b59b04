import { HEADER } from "../cafe24/headers.js";

/** `X-Api-Call-Limit: used/capacity` — the mall's leaky bucket as Cafe24 saw it when it answered (§4). */
export interface CallLimit {
  used: number;
  capacity: number;
}

/**
 * Bounds past which a rate header is not believed (issue 8: one `X-Cafe24-Call-Remain: 1e308` blocked a client
 * for good). The one place these rules live: the client's pacer and the doctor's rate-limit check both read
 * through this file.
 */
export const RATE_HEADER_BOUNDS = {
  /**
   * Largest believable bucket. Every Admin endpoint lists 40 (§4); bigger plans exist, but a bucket of a
   * thousand calls is already 8 minutes of draining at 2/s.
   */
  maxCapacity: 1000,
  /**
   * `used` may exceed the capacity a little (calls counted on arrival, a 429 counted too); twice the capacity
   * is a broken header, not a full bucket.
   */
  maxUsedPerCapacity: 2,
  /**
   * Longest believed usage block. The quota is counted per window of about 10 minutes (§10: ~3,000 calls per
   * 10 minutes); a longer Remain is lowered to one window, after which one call asks again and gets a fresh
   * Remain if the mall is still blocked.
   */
  maxRemainSec: 600,
  /** A wait beyond a day is no quota Cafe24 has: the header is broken and ignored, never obeyed. */
  absurdSec: 86_400,
  /**
   * Longest `Retry-After` obeyed, in ms. Cafe24 does not document the header (§4), so it comes from a proxy or
   * an undocumented path; two minutes is the pacer's default `maxWaitMs`, the longest a call waits anyway.
   */
  maxRetryAfterMs: 120_000,
  /** Usage percentages go past 100 while a mall is blocked (§4: 120.04); past ten times the quota is noise. */
  maxUsagePercent: 1000,
} as const;

/** A rate header that was present but not believable: ignored, or used only up to its bound. */
export interface DoubtfulHeader {
  name: string;
  /** As received, cut to 40 characters. */
  value: string;
  action: "ignored" | "capped";
}

/** What one answer's headers say about the mall's limits, each value within its bounds. */
export interface RateHeaders {
  callLimit?: CallLimit;
  /** Seconds the mall is blocked by a spent usage quota. */
  remainSec?: number;
  /** Milliseconds a 429 or 503 asked us to wait (`Retry-After`, seconds or an HTTP date). */
  retryAfterMs?: number;
  doubtful: DoubtfulHeader[];
}

interface Reading<T> {
  value?: T;
  doubtful: DoubtfulHeader[];
}

/** Every rate header of one answer. `now` dates a `Retry-After` date when the answer has no `Date`. */
export function readRateHeaders(headers: Headers, status: number, now: number): RateHeaders {
  const callLimit = callLimitReading(headers);
  const remain = remainReading(headers);
  const retryAfter: Reading<number> =
    status === 429 || status === 503 ? retryAfterReading(headers, now) : { doubtful: [] };
  return {
    ...(callLimit.value ? { callLimit: callLimit.value } : {}),
    ...(remain.value === undefined ? {} : { remainSec: remain.value }),
    ...(retryAfter.value === undefined ? {} : { retryAfterMs: retryAfter.value }),
    doubtful: [...callLimit.doubtful, ...remain.doubtful, ...retryAfter.doubtful],
  };
}

/** `X-Api-Call-Limit`, when present and believable. */
export function readCallLimit(headers: Headers): CallLimit | undefined {
  return callLimitReading(headers).value;
}

/**
 * Seconds until the mall may be called again, from `X-Cafe24-Call-Remain` / `X-Cafe24-Time-Remain`. They appear
 * only once a usage quota reached 100% (§4); the longer of the two wins, since either one blocks the mall.
 */
export function readRemainSeconds(headers: Headers): number | undefined {
  return remainReading(headers).value;
}

/** `X-Cafe24-Call-Usage` / `X-Cafe24-Time-Usage` in percent, when present and believable. */
export function readUsagePercent(headers: Headers, name: string): number | undefined {
  const value = decimal(headers.get(name));
  return value !== undefined && value <= RATE_HEADER_BOUNDS.maxUsagePercent ? value : undefined;
}

/**
 * `Retry-After` (RFC 9110 §10.2.3) in ms from `reference`: delay-seconds or an HTTP date (IMF-fixdate, RFC 850
 * or asctime, all GMT); a date in the past is 0. Undefined when it is neither. Not bounded here.
 */
export function parseRetryAfter(value: string, reference: number): number | undefined {
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = HTTP_DATE.some((form) => form.test(text))
    ? Date.parse(text.endsWith("GMT") ? text : `${text} GMT`)
    : Number.NaN;
  return Number.isFinite(at) ? Math.max(0, at - reference) : undefined;
}

const DAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
const TIME = "\\d{2}:\\d{2}:\\d{2}";
const HTTP_DATE = [
  new RegExp(`^${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT$`),
  new RegExp(`^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \\d{2}-${MONTH}-\\d{2} ${TIME} GMT$`),
  new RegExp(`^${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4}$`),
];

function callLimitReading(headers: Headers): Reading<CallLimit> {
  const raw = headers.get(HEADER.callLimit);
  if (raw === null) return { doubtful: [] };
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  const used = Number(match?.[1]);
  const capacity = Number(match?.[2]);
  const sane =
    capacity >= 1 &&
    capacity <= RATE_HEADER_BOUNDS.maxCapacity &&
    used <= capacity * RATE_HEADER_BOUNDS.maxUsedPerCapacity;
  return sane
    ? { value: { used, capacity }, doubtful: [] }
    : { doubtful: [doubt(HEADER.callLimit, raw, "ignored")] };
}

function remainReading(headers: Headers): Reading<number> {
  const readings = [HEADER.callRemain, HEADER.timeRemain].map((name) => secondsReading(headers, name));
  const values = readings.flatMap((r) => (r.value === undefined ? [] : [r.value]));
  return {
    ...(values.length > 0 ? { value: Math.max(...values) } : {}),
    doubtful: readings.flatMap((r) => r.doubtful),
  };
}

/** A `*-Remain` header: decimal seconds, lowered to one usage window, ignored past a day. */
function secondsReading(headers: Headers, name: string): Reading<number> {
  const raw = headers.get(name);
  if (raw === null) return { doubtful: [] };
  const seconds = decimal(raw);
  if (seconds === undefined || seconds > RATE_HEADER_BOUNDS.absurdSec) {
    return { doubtful: [doubt(name, raw, "ignored")] };
  }
  if (seconds > RATE_HEADER_BOUNDS.maxRemainSec) {
    return { value: RATE_HEADER_BOUNDS.maxRemainSec, doubtful: [doubt(name, raw, "capped")] };
  }
  return { value: seconds, doubtful: [] };
}

/** `Retry-After`, measured from the answer's own `Date` when it has one, so a skewed local clock cannot matter. */
function retryAfterReading(headers: Headers, now: number): Reading<number> {
  const raw = headers.get("retry-after");
  if (raw === null) return { doubtful: [] };
  const serverNow = Date.parse(headers.get("date") ?? "");
  const ms = parseRetryAfter(raw, Number.isFinite(serverNow) ? serverNow : now);
  if (ms === undefined || ms > RATE_HEADER_BOUNDS.absurdSec * 1000) {
    return { doubtful: [doubt("retry-after", raw, "ignored")] };
  }
  if (ms > RATE_HEADER_BOUNDS.maxRetryAfterMs) {
    return { value: RATE_HEADER_BOUNDS.maxRetryAfterMs, doubtful: [doubt("retry-after", raw, "capped")] };
  }
  return { value: ms, doubtful: [] };
}

/** A plain non-negative decimal: no exponent, no sign, no hex, no trailing text. */
function decimal(raw: string | null): number | undefined {
  const text = raw?.trim() ?? "";
  return /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : undefined;
}

function doubt(name: string, raw: string, action: DoubtfulHeader["action"]): DoubtfulHeader {
  return { name, value: raw.length > 40 ? `${raw.slice(0, 39)}…` : raw, action };
}
