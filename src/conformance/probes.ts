/**
 * The fixed probe set. Every probe only reads: Admin probes are GETs, token probes are grants that cannot
 * succeed (a secret, code or refresh token that does not exist), so no token rotates and nothing changes in
 * the mall. Query values may name a day relative to the run (`{today-6d}`), resolved on the KST calendar.
 */
export interface Probe {
  id: string;
  /** "admin": GET under /api/v2/admin; "token": POST to /api/v2/oauth/token. */
  kind: "admin" | "token";
  path: string;
  query?: Record<string, string>;
  /** Admin: which Authorization to send. */
  auth?: "token" | "made-up" | "none";
  /** Admin: the X-Cafe24-Api-Version to send instead of the configured one. */
  version?: "unknown" | "old";
  /** Token: the form (the client's own redirect URI is `{redirect_uri}`) and which secret goes in Basic. */
  form?: Record<string, string>;
  secret?: "right" | "wrong";
}

/** Made-up values the probes send: none can exist at Cafe24, and each is scrubbed from echoed messages. */
export const MADE_UP = {
  accessToken: "conformanceProbeNotARealAccessToken00",
  refreshToken: "conformanceProbeNotARealRefreshToken0",
  secret: "conformanceProbeWrongClientSecret0000",
  code: "conformanceProbeNoSuchCode000",
  malformed: "%%not-a-token%%",
  field: "no_such_field_conformance",
  param: "no_such_param_conformance",
  member: "no-such-member-conformance",
  /** Far in the future: no Cafe24 version has this date. */
  unknownVersion: "2099-01-01",
} as const;

export const PROBES: readonly Probe[] = [
  {
    id: "token.wrong-secret",
    kind: "token",
    path: "/oauth/token",
    form: { grant_type: "refresh_token", refresh_token: MADE_UP.refreshToken },
    secret: "wrong",
  },
  {
    id: "token.unknown-refresh-token",
    kind: "token",
    path: "/oauth/token",
    form: { grant_type: "refresh_token", refresh_token: MADE_UP.refreshToken },
    secret: "right",
  },
  {
    id: "token.malformed-refresh-token",
    kind: "token",
    path: "/oauth/token",
    form: { grant_type: "refresh_token", refresh_token: MADE_UP.malformed },
    secret: "right",
  },
  {
    id: "token.unknown-code",
    kind: "token",
    path: "/oauth/token",
    form: { grant_type: "authorization_code", code: MADE_UP.code, redirect_uri: "{redirect_uri}" },
    secret: "right",
  },
  {
    id: "token.malformed-code",
    kind: "token",
    path: "/oauth/token",
    form: { grant_type: "authorization_code", code: MADE_UP.malformed, redirect_uri: "{redirect_uri}" },
    secret: "right",
  },
  {
    id: "token.unsupported-grant",
    kind: "token",
    path: "/oauth/token",
    form: { grant_type: "password" },
    secret: "right",
  },
  { id: "store", kind: "admin", path: "/store" },
  { id: "shops", kind: "admin", path: "/shops" },
  { id: "apps", kind: "admin", path: "/apps" },
  { id: "products.limit-1", kind: "admin", path: "/products", query: { limit: "1" } },
  { id: "products.limit-max", kind: "admin", path: "/products", query: { limit: "100" } },
  { id: "products.limit-over-max", kind: "admin", path: "/products", query: { limit: "101" } },
  { id: "products.limit-zero", kind: "admin", path: "/products", query: { limit: "0" } },
  { id: "products.offset-max", kind: "admin", path: "/products", query: { limit: "1", offset: "5000" } },
  { id: "products.offset-over-max", kind: "admin", path: "/products", query: { limit: "1", offset: "5001" } },
  {
    id: "products.unknown-field",
    kind: "admin",
    path: "/products",
    query: { limit: "1", fields: `product_no,${MADE_UP.field}` },
  },
  {
    id: "products.unknown-param",
    kind: "admin",
    path: "/products",
    query: { limit: "1", [MADE_UP.param]: "1" },
  },
  { id: "products.count", kind: "admin", path: "/products/count" },
  {
    id: "orders.week",
    kind: "admin",
    path: "/orders",
    query: { start_date: "{today-6d}", end_date: "{today}", limit: "1" },
  },
  { id: "orders.no-window", kind: "admin", path: "/orders", query: { limit: "1" } },
  {
    id: "orders.window-inverted",
    kind: "admin",
    path: "/orders",
    query: { start_date: "{today}", end_date: "{today-6d}", limit: "1" },
  },
  {
    id: "orders.window-over-max",
    kind: "admin",
    path: "/orders",
    query: { start_date: "{today-120d}", end_date: "{today}", limit: "1" },
  },
  {
    id: "orders.limit-over-max",
    kind: "admin",
    path: "/orders",
    query: { start_date: "{today-6d}", end_date: "{today}", limit: "1001" },
  },
  {
    id: "orders.offset-over-max",
    kind: "admin",
    path: "/orders",
    query: { start_date: "{today-6d}", end_date: "{today}", limit: "1", offset: "15001" },
  },
  {
    id: "orders.bad-date",
    kind: "admin",
    path: "/orders",
    query: { start_date: "yesterday", end_date: "{today}", limit: "1" },
  },
  { id: "categories.limit-1", kind: "admin", path: "/categories", query: { limit: "1" } },
  { id: "categories.limit-max", kind: "admin", path: "/categories", query: { limit: "100" } },
  { id: "categories.limit-over-max", kind: "admin", path: "/categories", query: { limit: "101" } },
  {
    id: "categories.offset-over-max",
    kind: "admin",
    path: "/categories",
    query: { limit: "1", offset: "8001" },
  },
  { id: "customers.no-keys", kind: "admin", path: "/customers" },
  { id: "customers.unknown-member", kind: "admin", path: "/customers", query: { member_id: MADE_UP.member } },
  { id: "version.unknown", kind: "admin", path: "/shops", version: "unknown" },
  { id: "version.old", kind: "admin", path: "/shops", version: "old" },
  { id: "path.unknown", kind: "admin", path: "/no-such-resource" },
  { id: "auth.made-up-token", kind: "admin", path: "/store", auth: "made-up" },
  { id: "auth.none", kind: "admin", path: "/store", auth: "none" },
];

const DAY_MS = 86_400_000;

/** `{today}`, `{today-6d}`: a KST calendar day relative to `now`, through `formatDay`. */
export function resolveTemplate(text: string, now: number, formatDay: (epochMs: number) => string): string {
  return text.replace(/\{today(?:-(\d+)d)?\}/g, (_, days: string | undefined) =>
    formatDay(now - Number(days ?? 0) * DAY_MS),
  );
}

/** How a probe's request reads in the recording: templates kept, no mall, no credential. */
export function describeProbe(probe: Probe): string {
  const method = probe.kind === "token" ? "POST" : "GET";
  const base = probe.kind === "token" ? "/api/v2" : "/api/v2/admin";
  const query = probe.query
    ? `?${Object.entries(probe.query)
        .map(([k, v]) => `${k}=${v}`)
        .join("&")}`
    : "";
  const notes = [
    probe.form && `grant_type=${probe.form.grant_type}`,
    probe.secret && `${probe.secret} secret`,
    probe.auth && probe.auth !== "token" && `auth: ${probe.auth}`,
    probe.version && `version: ${probe.version}`,
  ].filter((n): n is string => typeof n === "string");
  return `${method} ${base}${probe.path}${query}${notes.length > 0 ? ` (${notes.join(", ")})` : ""}`;
}
