/** Cafe24 OAuth scopes (cafe24-api.md §5). Read/write pairs plus the read-only analytics scope. */
const PAIRS = [
  "store",
  "product",
  "category",
  "collection",
  "supply",
  "personal",
  "order",
  "community",
  "customer",
  "notification",
  "promotion",
  "design",
  "application",
  "salesreport",
  "privacy",
  "mileage",
  "shipping",
  "translation",
] as const;

export const CAFE24_SCOPES: readonly string[] = [
  ...PAIRS.flatMap((p) => [`mall.read_${p}`, `mall.write_${p}`]),
  "mall.read_analytics",
  "mall.read_customer_Identifier",
];

export function isKnownScope(scope: string): boolean {
  return CAFE24_SCOPES.includes(scope);
}

/**
 * Splits a scope parameter the way Cafe24 accepts it in the wild: commas and/or whitespace (§2.1).
 * Empty entries are dropped; order is kept; duplicates removed.
 */
export function splitScopes(value: string): string[] {
  return [...new Set(value.split(/[\s,]+/).filter((s) => s.length > 0))];
}

/** Admin resource (first path segment after /admin) → the scope pair guarding it (§5, §6). */
const RESOURCE_SCOPE: Record<string, string> = {
  store: "store",
  shops: "store",
  users: "store",
  activitylogs: "store",
  apps: "application",
  scripttags: "application",
  webhooks: "application",
  products: "product",
  variants: "product",
  inventories: "product",
  categories: "category",
  mains: "category",
  brands: "collection",
  classifications: "collection",
  manufacturers: "collection",
  trends: "collection",
  suppliers: "supply",
  orders: "order",
  boards: "community",
  customers: "customer",
  customergroups: "customer",
  customersprivacy: "privacy",
  coupons: "promotion",
  benefits: "promotion",
  themes: "design",
  reports: "salesreport",
  financials: "salesreport",
  points: "mileage",
  credits: "mileage",
  carriers: "shipping",
  shipping: "shipping",
  translations: "translation",
};

/**
 * The scope an Admin API call needs, from its path (with or without the `/api/v2/admin` prefix) and method.
 * Returns undefined for paths outside the known map.
 */
export function scopeForAdminPath(path: string, method: string): string | undefined {
  const rest = path.replace(/^.*?\/admin\//, "").replace(/^\//, "");
  const resource = rest.split(/[/?]/)[0] ?? "";
  const pair = RESOURCE_SCOPE[resource];
  if (!pair) return undefined;
  const write = !["GET", "HEAD"].includes(method.toUpperCase());
  return `mall.${write ? "write" : "read"}_${pair}`;
}
