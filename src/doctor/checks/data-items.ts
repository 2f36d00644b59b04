import type { Query } from "../../http/request-target.js";
import type { EvidenceValue } from "../types.js";
import { countOf } from "./read-data-answer.js";
import { safeText } from "./safe-text.js";

export type ItemName = "store" | "products" | "productSample" | "ordersToday" | "categories";

/** What a read keeps: non-personal evidence, and whether the answer was an empty list or a zero count. */
export interface ItemReading {
  evidence: Record<string, EvidenceValue>;
  zero: boolean;
}

export interface DataItem {
  name: ItemName;
  scope: string;
  request(today: string): { path: string; query?: Query };
  /** The reading, or undefined when the answer lacks the documented shape. */
  read(data: unknown, today: string): ItemReading | undefined;
}

const counted =
  (key: string) =>
  (data: unknown): ItemReading | undefined => {
    const count = countOf(data);
    return count === undefined ? undefined : { evidence: { [key]: count }, zero: count === 0 };
  };

/** The reads of check 8, each with the scope it needs and the non-personal evidence it keeps. */
export const DATA_ITEMS: readonly DataItem[] = [
  {
    name: "store",
    scope: "mall.read_store",
    // Only the shop's name: the store record also holds the owner's name, phone and address.
    request: () => ({ path: "/store", query: { fields: "shop_no,shop_name" } }),
    read(data) {
      const name = (data as { store?: { shop_name?: unknown } } | undefined)?.store?.shop_name;
      return typeof name === "string"
        ? { evidence: { shopName: safeText(name, 60) }, zero: false }
        : undefined;
    },
  },
  {
    name: "products",
    scope: "mall.read_product",
    request: () => ({ path: "/products/count" }),
    read: counted("products"),
  },
  {
    name: "productSample",
    scope: "mall.read_product",
    request: () => ({ path: "/products", query: { limit: 1, fields: "product_no" } }),
    read(data) {
      const list = (data as { products?: unknown } | undefined)?.products;
      if (!Array.isArray(list)) return undefined;
      const productNo = (list[0] as { product_no?: unknown } | undefined)?.product_no;
      return {
        evidence: { sampleProductNo: typeof productNo === "number" ? productNo : null },
        zero: list.length === 0,
      };
    },
  },
  {
    name: "ordersToday",
    scope: "mall.read_order",
    // One KST calendar day: Cafe24's dates are Seoul dates, whatever the host's time zone.
    request: (today) => ({ path: "/orders/count", query: { start_date: today, end_date: today } }),
    read(data, today) {
      const count = countOf(data);
      return count === undefined
        ? undefined
        : { evidence: { ordersToday: count, ordersDate: today }, zero: count === 0 };
    },
  },
  {
    name: "categories",
    scope: "mall.read_category",
    request: () => ({ path: "/categories/count" }),
    read: counted("categories"),
  },
];
