/**
 * Seed data of one mall, shaped as the Admin API returns it (cafe24-api.md §6): T/F flags as "T"/"F",
 * prices as decimal strings, dates as ISO 8601 with +09:00. Records are plain JSON objects.
 */
export interface Product {
  shop_no: number;
  product_no: number;
  product_code: string;
  custom_product_code: string;
  product_name: string;
  eng_product_name: string;
  price: string;
  retail_price: string;
  supply_price: string;
  display: "T" | "F";
  selling: "T" | "F";
  sold_out: "T" | "F";
  brand_code: string;
  category: { category_no: number; recommend: "T" | "F"; new: "T" | "F" }[];
  created_date: string;
  updated_date: string;
  /** epoch ms of created_date/updated_date, for filtering without re-parsing. */
  _created: number;
  _updated: number;
  [field: string]: unknown;
}

export interface OrderItem {
  order_item_code: string;
  product_no: number;
  product_code: string;
  product_name: string;
  quantity: number;
  product_price: string;
  [field: string]: unknown;
}

export interface Order {
  shop_no: number;
  order_id: string;
  member_id: string;
  currency: "KRW";
  order_date: string;
  payment_date: string | null;
  paid: "T" | "F";
  canceled: "T" | "F";
  order_status: string;
  payment_amount: string;
  _ordered: number;
  items: OrderItem[];
  /** Personal data: only returned through embed=receivers/buyer, never in list fields. */
  receivers: Record<string, unknown>[];
  buyer: Record<string, unknown>;
  [field: string]: unknown;
}

export interface Category {
  shop_no: number;
  category_no: number;
  category_depth: number;
  parent_category_no: number;
  category_name: string;
  [field: string]: unknown;
}

/** Non-personal member fields (GET /customers) and the personal ones (GET /customersprivacy). */
export interface Customer {
  shop_no: number;
  member_id: string;
  cellphone: string;
  _created: number;
  public: Record<string, unknown>;
  privacy: Record<string, unknown>;
}

export interface Board {
  shop_no: number;
  board_no: number;
  board_type: number;
  board_name: string;
  [field: string]: unknown;
}

export interface MallData {
  store: Record<string, unknown>;
  shops: Record<string, unknown>[];
  products: Product[];
  /** Ordered by product_no; index by number for detail lookups. */
  productsByNo: Map<number, Product>;
  orders: Order[];
  ordersById: Map<string, Order>;
  categories: Category[];
  customers: Customer[];
  boards: Board[];
  nextProductNo: number;
}
