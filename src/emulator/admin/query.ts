import { KST_OFFSET_MS, parseCafe24Time } from "../../cafe24/kst.js";
import { PAGING, type PagingRule } from "../../cafe24/paging.js";
import { Cafe24ApiError, MESSAGES } from "../http/cafe24-error.js";

/**
 * Strict readers for Admin API query parameters. Cafe24 answers a parameter outside its documented spec with
 * 422 (§3); every message names the parameter and what it accepts, so a client log alone explains the fix.
 */

const DAY_MS = 86_400_000;
const INT_MAX = 2_147_483_647;
/** §6.0: comma means OR within one parameter, at most 100 values. */
const MAX_LIST = 100;

export const invalid = (message: string): Cafe24ApiError => new Cafe24ApiError(422, message);

export function intParam(
  query: URLSearchParams,
  name: string,
  range: { min: number; max?: number },
): number | undefined {
  const raw = query.get(name);
  return raw === null ? undefined : parseIntValue(name, raw, range);
}

function parseIntValue(name: string, raw: string, range: { min: number; max?: number }): number {
  const max = range.max ?? INT_MAX;
  const rangeText = `between ${range.min} and ${max}`;
  if (!/^-?\d+$/.test(raw)) throw invalid(`${name} must be an integer ${rangeText} (got "${raw}").`);
  const value = Number(raw);
  if (value < range.min || value > max) throw invalid(`${name} must be ${rangeText} (got ${raw}).`);
  return value;
}

/** The documented paging caps of a resource (read once at module load, so a missing entry fails fast). */
export function pagingRule(resource: string): PagingRule {
  const rule = PAGING[resource];
  if (!rule) throw new Error(`no paging rule for ${resource}`);
  return rule;
}

/** `limit`/`offset` against the endpoint's documented caps. */
export function pagingParams(query: URLSearchParams, rule: PagingRule): { limit: number; offset: number } {
  return {
    limit: intParam(query, "limit", { min: 1, max: rule.maxLimit }) ?? rule.defaultLimit,
    offset: intParam(query, "offset", { min: 0, max: rule.maxOffset }) ?? 0,
  };
}

export function enumParam<T extends string>(
  query: URLSearchParams,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const raw = query.get(name);
  return raw === null ? undefined : enumValue(name, raw, allowed);
}

/** One of `allowed`, from a query string or a JSON body; `undefined` counts as missing. */
export function enumValue<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  const got = value === undefined ? "it is missing" : `got ${JSON.stringify(value)}`;
  throw invalid(`${name} must be one of ${allowed.join(", ")} (${got}).`);
}

export const flagParam = (query: URLSearchParams, name: string): "T" | "F" | undefined =>
  enumParam(query, name, ["T", "F"] as const);

/** A comma list: no empty items, no spaces, at most 100 values. */
export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const values = raw.split(",");
  if (values.some((v) => v === "" || /\s/.test(v))) {
    throw invalid(`${name} must be a comma-separated list without spaces or empty values (got "${raw}").`);
  }
  if (values.length > MAX_LIST) {
    throw invalid(`${name} accepts at most ${MAX_LIST} comma-separated values (got ${values.length}).`);
  }
  return values;
}

export function intListParam(
  query: URLSearchParams,
  name: string,
  range: { min: number; max?: number },
): number[] | undefined {
  return listParam(query, name)?.map((v) => parseIntValue(name, v, range));
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)$/;

/**
 * Parses one bound of a date filter. A date-only start is 00:00 KST; a date-only end covers that whole KST
 * day. Returned bounds are half-open: start inclusive, end exclusive.
 */
export function dateParam(query: URLSearchParams, name: string, edge: "start" | "end"): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const wellFormed = DATE_ONLY.test(raw) || ISO_WITH_OFFSET.test(raw);
  const ms = wellFormed ? parseCafe24Time(raw) : undefined;
  if (ms === undefined) {
    throw invalid(
      `${name} must be a date (YYYY-MM-DD) or ISO 8601 with offset (YYYY-MM-DDTHH:MM:SS+09:00) (got "${raw}").`,
    );
  }
  if (edge === "start") return ms;
  return DATE_ONLY.test(raw) ? ms + DAY_MS : ms + 1;
}

/** A start/end pair that must be given together (§6.4: created_/updated_ date pairs). */
export function dateRangeParams(
  query: URLSearchParams,
  startName: string,
  endName: string,
): { start: number; end: number } | undefined {
  const start = dateParam(query, startName, "start");
  const end = dateParam(query, endName, "end");
  if (start === undefined && end === undefined) return undefined;
  if (start === undefined) throw invalid(`${endName} must be used together with ${startName}.`);
  if (end === undefined) throw invalid(`${startName} must be used together with ${endName}.`);
  if (end <= start) throw invalid(`${endName} must not be earlier than ${startName}.`);
  return { start, end };
}

/** Calendar months later on the KST calendar (Jan 31 + 1 month clamps to Feb 28/29). */
export function addKstMonths(epochMs: number, months: number): number {
  const wall = new Date(epochMs + KST_OFFSET_MS);
  const day = wall.getUTCDate();
  wall.setUTCDate(1);
  wall.setUTCMonth(wall.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth() + 1, 0)).getUTCDate();
  wall.setUTCDate(Math.min(day, lastDay));
  return wall.getTime() - KST_OFFSET_MS;
}

/**
 * `shop_no` (min 1, default 1). The emulated mall has a single shop; any other number is rejected with 422
 * rather than answered with an empty list, because an empty 200 would hide a misconfigured shop_no — exactly
 * what a health check should surface.
 */
export function shopNoParam(query: URLSearchParams): 1 {
  const shopNo = intParam(query, "shop_no", { min: 1 });
  if (shopNo !== undefined && shopNo !== 1) {
    throw invalid(`shop_no ${shopNo} does not exist in this mall; the only shop is shop_no 1.`);
  }
  return 1;
}

/** The same rule for `shop_no` inside a write body. */
export function bodyShopNo(body: Record<string, unknown>): void {
  const shopNo = body.shop_no;
  if (shopNo === undefined || shopNo === 1 || shopNo === "1") return;
  throw invalid(`shop_no must be 1, the only shop of this mall (got ${JSON.stringify(shopNo)}).`);
}

/** `embed=a,b`: each value must be one the endpoint supports. */
export function embedParam<T extends string>(query: URLSearchParams, allowed: readonly T[]): Set<T> {
  const values = listParam(query, "embed") ?? [];
  for (const value of values) {
    if (!(allowed as readonly string[]).includes(value)) {
      throw invalid(`embed must be one or more of ${allowed.join(", ")} (got "${value}").`);
    }
  }
  return new Set(values as T[]);
}

/**
 * `fields=a,b` projection. Unknown names are left out silently (there is nothing to show for them); names of
 * internal bookkeeping fields are never exposed.
 */
export function fieldsParam(query: URLSearchParams): string[] | undefined {
  return listParam(query, "fields")?.filter((f) => !f.startsWith("_"));
}

/** A record as the API shows it: internal `_` fields dropped, optionally projected to `fields`. */
export function publicView(
  record: Record<string, unknown>,
  fields?: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (fields) {
    for (const f of fields) if (Object.hasOwn(record, f)) out[f] = record[f];
    return out;
  }
  for (const key in record) if (!key.startsWith("_")) out[key] = record[key];
  return out;
}

/** The `request` object of a write body `{"shop_no":1,"request":{...}}` (§6.0). */
export function requestObject(body: unknown): Record<string, unknown> {
  if (!isRecord(body) || !isRecord(body.request)) {
    throw invalid('The body must be a JSON object of the form {"shop_no":1,"request":{...}}.');
  }
  bodyShopNo(body);
  return body.request;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * 404 for a well-formed id that names nothing, in Cafe24's legacy wording. No `more_info`: live error bodies
 * carry none (§10), and a client must not come to depend on one.
 */
export const notFound = (): Cafe24ApiError => new Cafe24ApiError(404, MESSAGES.notFound);

/** A path segment that must be a positive integer id (malformed → 422, well-formed but absent → 404). */
export function idParam(params: Record<string, string>, name: string): number {
  return parseIntValue(name, params[name] ?? "", { min: 1 });
}

/**
 * Walks `items` in order, skipping `offset` matches and collecting up to `limit`. Stops at the first match
 * past the page, so `more` (another page exists) costs one extra match, not a full scan.
 */
export function pageOf<T>(
  items: Iterable<T>,
  match: (item: T) => boolean,
  offset: number,
  limit: number,
): { page: T[]; more: boolean } {
  const page: T[] = [];
  let skipped = 0;
  for (const item of items) {
    if (!match(item)) continue;
    if (skipped < offset) {
      skipped++;
      continue;
    }
    if (page.length === limit) return { page, more: true };
    page.push(item);
  }
  return { page, more: false };
}

export function countOf<T>(items: Iterable<T>, match: (item: T) => boolean): number {
  let n = 0;
  for (const item of items) if (match(item)) n++;
  return n;
}
