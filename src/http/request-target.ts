/** A query parameter value; arrays become Cafe24's comma lists (`product_no=11,12,13`, OR within a field). */
export type QueryValue = string | number | boolean | readonly (string | number)[] | null | undefined;
export type Query = Readonly<Record<string, QueryValue>>;

export interface RequestTarget {
  /** Full URL with the query string. */
  url: string;
  /** Path only (`/api/v2/admin/products`): what errors and logs show, since queries may hold personal data. */
  path: string;
  /** JSON body, when the call has one. */
  body: string | undefined;
}

const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);

/**
 * Where a call goes and what it carries. `/products` means the Admin API (`/api/v2/admin/products`); a path
 * already starting with `/api/` is kept as given (Front API, OAuth). `shopNo` becomes Cafe24's `shop_no`: a
 * body field for writes with an object body, a query parameter otherwise.
 */
export function requestTarget(
  root: string,
  method: string,
  path: string,
  options: { query?: Query; body?: unknown; shopNo?: number },
): RequestTarget {
  const [rawPath = "", inlineQuery = ""] = path.split("?", 2);
  const relative = rawPath.startsWith("/") ? rawPath : `/${rawPath}`;
  const fullPath = relative.startsWith("/api/") ? relative : `/api/v2/admin${relative}`;
  const params = new URLSearchParams(inlineQuery);
  for (const [name, value] of Object.entries(options.query ?? {})) {
    if (value === undefined || value === null) continue;
    params.set(name, Array.isArray(value) ? value.join(",") : String(value));
  }

  let body = options.body;
  if (options.shopNo !== undefined) {
    const writes = BODY_METHODS.has(method);
    if (writes && (body === undefined || isPlainObject(body))) body = { shop_no: options.shopNo, ...body };
    else params.set("shop_no", String(options.shopNo));
  }
  const search = params.toString();
  return {
    url: `${root}${fullPath}${search ? `?${search}` : ""}`,
    path: fullPath,
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
