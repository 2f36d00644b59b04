/** Per-endpoint paging rules from the Admin API reference (cafe24-api.md §6). */
export interface PagingRule {
  /** Page size when `limit` is omitted. */
  defaultLimit: number;
  maxLimit: number;
  /** Largest accepted `offset`; walking further needs a `since_*` cursor or narrower filters. */
  maxOffset: number;
  /** Cursor parameter that walks past `maxOffset`, when the endpoint has one. */
  cursor?: { param: string; field: string };
}

export const PAGING: Record<string, PagingRule> = {
  products: {
    defaultLimit: 10,
    maxLimit: 100,
    maxOffset: 5000,
    cursor: { param: "since_product_no", field: "product_no" },
  },
  orders: { defaultLimit: 10, maxLimit: 1000, maxOffset: 15000 },
  customersprivacy: { defaultLimit: 30, maxLimit: 1000, maxOffset: 8000 },
  categories: { defaultLimit: 10, maxLimit: 100, maxOffset: 8000 },
  boards: { defaultLimit: 10, maxLimit: 100, maxOffset: 8000 },
  customers: { defaultLimit: 30, maxLimit: 1000, maxOffset: 8000 },
};
