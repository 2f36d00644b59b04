import { PAGING } from "../cafe24/paging.js";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import type { Cafe24Response } from "./interpret-response.js";
import type { Query } from "./request-target.js";

export interface PaginateOptions {
  /** Filters. `limit`, `offset` and the endpoint's cursor parameter are managed by the iterator. */
  query?: Query;
  /** Items per call; capped at the endpoint's maximum. @default the endpoint's maximum (10 if unknown) */
  pageSize?: number;
  shopNo?: number;
  signal?: AbortSignal;
}

export type GetPage = (
  path: string,
  options: { query: Query; shopNo?: number; signal?: AbortSignal },
) => Promise<Cafe24Response<unknown>>;

/** Parameters Cafe24 refuses next to a `since_*` cursor (§6.4), besides `offset` and the cursor's own field. */
const CURSOR_CONFLICTS = ["sort", "order"];

/**
 * Every item of a list endpoint, page by page. Where the endpoint has a cursor (products: `since_product_no`)
 * and the filters allow it, the whole walk uses the cursor: one ordering from first to last item and no offset
 * cap, where walking offsets first and switching at the cap would rely on both orders agreeing. Otherwise it
 * walks `limit`/`offset` up to the endpoint's offset cap and then fails loudly rather than silently stopping
 * short of the remaining items.
 */
export async function* paginate<T>(
  get: GetPage,
  path: string,
  options: PaginateOptions = {},
): AsyncGenerator<T> {
  const listPath = path.split("?")[0]?.replace(/\/+$/, "") ?? "";
  const resource = listPath.slice(listPath.lastIndexOf("/") + 1);
  const rule = PAGING[resource];
  const limit = Math.max(
    1,
    Math.min(options.pageSize ?? rule?.maxLimit ?? 10, rule?.maxLimit ?? Number.POSITIVE_INFINITY),
  );
  const { limit: _limit, offset: _offset, ...filters } = options.query ?? {};
  const call = (query: Query) =>
    get(listPath, {
      query,
      ...(options.shopNo === undefined ? {} : { shopNo: options.shopNo }),
      ...(options.signal ? { signal: options.signal } : {}),
    });

  const cursor = rule?.cursor;
  if (cursor && ![...CURSOR_CONFLICTS, cursor.field].some((name) => filters[name] !== undefined)) {
    let since = Number(filters[cursor.param] ?? 0);
    for (;;) {
      const items = itemsOf(await call({ ...filters, [cursor.param]: since, limit }), resource, listPath);
      yield* items as T[];
      if (items.length < limit) return;
      since = cursorValue(items[items.length - 1], cursor.field, listPath);
    }
  }

  for (let offset = 0; ; offset += limit) {
    if (rule && offset > rule.maxOffset) {
      const hint = cursor
        ? `drop ${CURSOR_CONFLICTS.join("/")}/${cursor.field} so the walk can use ${cursor.param}`
        : "narrow the filters (e.g. shorter date windows) and list each part";
      throw new DoctorError(
        ERROR_CODES.invalidRequest,
        `${listPath} has more items than offset ${rule.maxOffset} reaches; ${hint}.`,
      );
    }
    const items = itemsOf(await call({ ...filters, limit, offset }), resource, listPath);
    yield* items as T[];
    if (items.length < limit) return;
  }
}

/** `GET {path}/count` → `{"count": N}`. */
export async function countItems(
  get: GetPage,
  path: string,
  options: Omit<PaginateOptions, "pageSize"> = {},
) {
  const listPath = path.split("?")[0]?.replace(/\/+$/, "") ?? "";
  const response = await get(`${listPath}/count`, {
    query: options.query ?? {},
    ...(options.shopNo === undefined ? {} : { shopNo: options.shopNo }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const count = isRecord(response.data) ? response.data.count : undefined;
  if (typeof count !== "number" || !Number.isInteger(count) || count < 0) {
    throw badResponse(`${listPath}/count answered without a numeric "count".`);
  }
  return count;
}

/** The list in `{"<resource>": [...]}`; other arrays (e.g. orders' `links`) are not items. */
function itemsOf(response: Cafe24Response<unknown>, resource: string, path: string): unknown[] {
  const { data } = response;
  if (isRecord(data)) {
    const named = data[resource];
    if (Array.isArray(named)) return named;
    const other = Object.entries(data).find(([key, value]) => key !== "links" && Array.isArray(value));
    if (other) return other[1] as unknown[];
  }
  throw badResponse(`${path} answered without a list of ${resource}.`);
}

function cursorValue(item: unknown, field: string, path: string): number {
  const value = isRecord(item) ? item[field] : undefined;
  if (typeof value !== "number") throw badResponse(`${path} returned an item without a numeric ${field}.`);
  return value;
}

const badResponse = (message: string) => new DoctorError(ERROR_CODES.badResponse, message);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
