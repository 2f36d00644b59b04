import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import type { Query } from "../http/request-target.js";

export const API_METHODS = ["GET", "POST", "PUT", "DELETE"] as const;
export type ApiMethod = (typeof API_METHODS)[number];

/** A manual call, validated: anything wrong here is a usage error (exit 3) before a single request is sent. */
export interface ApiRequest {
  method: ApiMethod;
  path: string;
  query: Query;
  body: unknown;
  shopNo: number | undefined;
  paginate: boolean;
  /** With --paginate, `-q limit=N`: the page size (the walk still covers every page). */
  pageSize?: number;
}

export interface ApiArguments {
  method: string;
  path: string;
  /** `-q key=value`, repeatable; a key given twice becomes Cafe24's comma list (OR within a field). */
  query: string[];
  /** `-d '{"request":{…}}'` or `-d @file.json`. */
  data?: string;
  shopNo?: string;
  paginate?: boolean;
}

export async function parseApiRequest(args: ApiArguments, cwd: string): Promise<ApiRequest> {
  const method = args.method.toUpperCase();
  if (!isMethod(method))
    throw usage(`METHOD must be one of ${API_METHODS.join(", ")} (got "${args.method.slice(0, 20)}").`);
  if (!args.path.startsWith("/"))
    throw usage(`PATH must start with "/", e.g. /products (got "${args.path.slice(0, 60)}").`);
  if (args.paginate && method !== "GET") throw usage("--paginate works with GET list endpoints only.");
  if (args.data !== undefined && (method === "GET" || method === "DELETE")) {
    throw usage(`${method} takes no body; pass filters with -q key=value.`);
  }
  const query = parseQuery(args.query);
  // --paginate manages limit and offset itself: limit is honoured as the page size, never dropped silently;
  // an offset cannot be honoured by a walk over every page, so it is refused.
  let pageSize: number | undefined;
  if (args.paginate) {
    const { limit, offset, ...filters } = query;
    if (offset !== undefined)
      throw usage("--paginate walks the pages itself: drop -q offset=…, or call without --paginate.");
    if (limit !== undefined) {
      pageSize = Number(limit);
      if (typeof limit !== "string" || !/^\d+$/.test(limit) || pageSize < 1)
        throw usage(`-q limit takes a page size ≥ 1 (got "${String(limit).slice(0, 20)}").`);
    }
    return {
      method,
      path: args.path,
      query: filters,
      body: undefined,
      shopNo: parseShopNo(args.shopNo),
      paginate: true,
      ...(pageSize === undefined ? {} : { pageSize }),
    };
  }
  return {
    method,
    path: args.path,
    query,
    body: args.data === undefined ? undefined : await parseBody(args.data, cwd),
    shopNo: parseShopNo(args.shopNo),
    paginate: args.paginate ?? false,
  };
}

function parseQuery(pairs: string[]): Query {
  const query: Record<string, string[]> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw usage(`-q takes key=value (got "${pair.slice(0, 60)}").`);
    const key = pair.slice(0, eq);
    query[key] = [...(query[key] ?? []), pair.slice(eq + 1)];
  }
  return Object.fromEntries(Object.entries(query).map(([k, v]) => [k, v.length === 1 ? (v[0] ?? "") : v]));
}

async function parseBody(data: string, cwd: string): Promise<unknown> {
  let text = data;
  let source = "-d";
  if (data.startsWith("@")) {
    source = data.slice(1);
    try {
      text = await readFile(resolve(cwd, source), "utf8");
    } catch (error) {
      throw usage(`Cannot read ${source} (${(error as NodeJS.ErrnoException).code ?? "error"}).`);
    }
  }
  try {
    return JSON.parse(text);
  } catch {
    throw usage(`${source} is not valid JSON; Cafe24 expects a body like {"request": {…}}.`);
  }
}

function parseShopNo(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw usage(`--shop-no takes a shop number ≥ 1 (got "${value.slice(0, 20)}").`);
  }
  return n;
}

const isMethod = (value: string): value is ApiMethod => (API_METHODS as readonly string[]).includes(value);

const usage = (message: string) => new DoctorError(ERROR_CODES.invalidOptions, message);
