import { formatKstIso } from "../../../cafe24/kst.js";
import { money, productCode } from "../../data/generate-mall-data.js";
import type { MallData, Product } from "../../data/types.js";
import {
  countOf,
  dateRangeParams,
  embedParam,
  enumParam,
  enumValue,
  fieldsParam,
  flagParam,
  idParam,
  intListParam,
  intParam,
  invalid,
  isRecord,
  listParam,
  notFound,
  pagingParams,
  pagingRule,
  publicView,
  requestObject,
  shopNoParam,
} from "../query.js";
import type { AdminRoute } from "../route.js";
import { PRODUCT_EMBEDS, type ProductEmbed, productEmbed } from "./product-embeds.js";

const RULE = pagingRule("products");
const SORTS = ["created_date", "updated_date", "product_name"] as const;
/** Dates sort on their epoch twins; names by Korean collation. */
const SORT_FIELD = {
  created_date: "_created",
  updated_date: "_updated",
  product_name: "product_name",
} as const;
const SINCE_EXCLUSIVE = ["product_no", "sort", "order", "offset"] as const;

// ---------------------------------------------------------------------------------------------------------
// Serialisation. The plain list (no fields/embed) is the hot path: each product's JSON is built once and
// reused; a changed updated_date (any edit must bump it) invalidates the entry.

const jsonCache = new WeakMap<Product, { stamp: string; json: string }>();

function productJson(p: Product): string {
  const cached = jsonCache.get(p);
  if (cached && cached.stamp === p.updated_date) return cached.json;
  const json = JSON.stringify(publicView(p));
  jsonCache.set(p, { stamp: p.updated_date, json });
  return json;
}

/** Detail responses show more than list items (§6.0); these are derived rather than stored. */
function detailFields(p: Product): Record<string, unknown> {
  return {
    description: `<p>${p.product_name}</p>`,
    mobile_description: `<p>${p.product_name}</p>`,
    separated_mobile_description: "F",
    payment_info: "",
    shipping_info: "",
    exchange_info: "",
    service_info: "",
  };
}

function productView(
  p: Product,
  fields: string[] | undefined,
  embeds: ReadonlySet<ProductEmbed>,
  detail: boolean,
): Record<string, unknown> {
  const view = publicView(detail ? { ...p, ...detailFields(p) } : p, fields);
  for (const embed of embeds) view[embed] = productEmbed(p, embed);
  return view;
}

// ---------------------------------------------------------------------------------------------------------
// Filters (§6.4), shared by the list and the count.

interface ProductFilter {
  /** Products to consider, in product_no order: all of them, or the ones named by product_no. */
  candidates: readonly Product[];
  match: ((p: Product) => boolean) | undefined;
}

function productFilter(query: URLSearchParams, data: MallData): ProductFilter {
  shopNoParam(query);
  const numbers = intListParam(query, "product_no", { min: 1 });
  const codes = listParam(query, "product_code");
  const brands = listParam(query, "brand_code");
  // Product names contain spaces, so this list is split on commas only; matched ignoring case (§10).
  const names = query
    .get("product_name")
    ?.split(",")
    .map((n) => n.toLowerCase());
  const display = flagParam(query, "display");
  const selling = flagParam(query, "selling");
  const category = intParam(query, "category", { min: 1 });
  const created = dateRangeParams(query, "created_start_date", "created_end_date");
  const updated = dateRangeParams(query, "updated_start_date", "updated_end_date");

  const tests: ((p: Product) => boolean)[] = [];
  // Cafe24 matches product_code as a substring, so "P0000" finds every P0000xxx product (§10).
  if (codes) tests.push((p) => codes.some((c) => p.product_code.includes(c)));
  if (brands) tests.push((p) => brands.includes(p.brand_code));
  if (names) tests.push((p) => names.some((n) => p.product_name.toLowerCase().includes(n)));
  if (display) tests.push((p) => p.display === display);
  if (selling) tests.push((p) => p.selling === selling);
  if (category !== undefined) tests.push((p) => p.category.some((c) => c.category_no === category));
  if (created) tests.push((p) => p._created >= created.start && p._created < created.end);
  if (updated) tests.push((p) => p._updated >= updated.start && p._updated < updated.end);

  // product_no lookups go through the index instead of scanning every product.
  const candidates = numbers
    ? [...new Set(numbers)]
        .sort((a, b) => a - b)
        .map((n) => data.productsByNo.get(n))
        .filter((p): p is Product => p !== undefined)
    : data.products;
  return { candidates, match: tests.length ? (p) => tests.every((t) => t(p)) : undefined };
}

/** First index whose product_no exceeds `since` (products are ascending by product_no). */
function indexAfter(products: readonly Product[], since: number): number {
  let lo = 0;
  let hi = products.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((products[mid]?.product_no ?? 0) <= since) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The page of products a list call asks for, in the requested order. */
function listProducts(query: URLSearchParams, data: MallData): Product[] {
  const { candidates, match } = productFilter(query, data);
  const since = intParam(query, "since_product_no", { min: 0 });
  if (since !== undefined) {
    const clash = SINCE_EXCLUSIVE.filter((name) => query.has(name));
    if (clash.length) throw invalid(`since_product_no cannot be combined with ${clash.join(", ")}.`);
  }
  const sort = enumParam(query, "sort", SORTS);
  const order = enumParam(query, "order", ["asc", "desc"] as const);
  const { limit, offset } = pagingParams(query, RULE);

  if (sort === undefined && order !== "desc") {
    // Natural product_no order: walk from the start index and stop once the page is full.
    const page: Product[] = [];
    let skip = offset;
    for (let i = since === undefined ? 0 : indexAfter(candidates, since); i < candidates.length; i++) {
      const p = candidates[i] as Product;
      if (match && !match(p)) continue;
      if (skip > 0) skip--;
      else if (page.push(p) === limit) break;
    }
    return page;
  }
  const all = match ? candidates.filter(match) : [...candidates];
  const key = sort ? SORT_FIELD[sort] : "product_no";
  const sign = order === "desc" ? -1 : 1;
  all.sort((a, b) => sign * (compare(a[key], b[key]) || a.product_no - b.product_no));
  return all.slice(offset, offset + limit);
}

const collator = new Intl.Collator("ko");
const compare = (a: unknown, b: unknown): number =>
  typeof a === "number" && typeof b === "number" ? a - b : collator.compare(String(a), String(b));

// ---------------------------------------------------------------------------------------------------------
// POST /products: the minimum Cafe24 requires, validated the way a 422 would explain it.

const MONEY = /^\d{1,10}(\.\d{1,2})?$/;

function moneyField(request: Record<string, unknown>, name: string, fallback?: string): string {
  const value = request[name];
  if (value === undefined && fallback !== undefined) return fallback;
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string" || !MONEY.test(text)) {
    const got = value === undefined ? "it is missing" : `got ${JSON.stringify(value)}`;
    throw invalid(`${name} must be a non-negative number with at most two decimals (${got}).`);
  }
  return money(Number(text));
}

function createProduct(body: unknown, data: MallData, now: number): Product {
  const request = requestObject(body);
  const name = request.product_name;
  if (typeof name !== "string" || name.trim() === "" || name.length > 250) {
    throw invalid("product_name is required: a non-empty string of at most 250 characters.");
  }
  const price = moneyField(request, "price");
  const categories = request.category ?? [];
  if (
    !Array.isArray(categories) ||
    !categories.every((c) => isRecord(c) && typeof c.category_no === "number")
  ) {
    throw invalid('category must be a list of objects like {"category_no": 24}.');
  }
  for (const c of categories) {
    if (!data.categories.some((known) => known.category_no === c.category_no)) {
      throw invalid(`category_no ${c.category_no} does not exist.`);
    }
  }
  const flag = (field: string) => enumValue(field, request[field] ?? "F", ["T", "F"] as const);
  const customCode = request.custom_product_code ?? "";
  if (typeof customCode !== "string" || customCode.length > 40) {
    throw invalid("custom_product_code must be a string of at most 40 characters.");
  }
  const display = flag("display");
  const selling = flag("selling");
  const retailPrice = moneyField(request, "retail_price", price);
  const supplyPrice = moneyField(request, "supply_price", price);
  // Numbered only once everything validated, so a rejected request leaves no gap.
  const productNo = data.nextProductNo++;
  const stamp = formatKstIso(now);
  return {
    shop_no: 1,
    product_no: productNo,
    product_code: productCode(productNo),
    custom_product_code: customCode,
    product_name: name,
    eng_product_name: "",
    price_excluding_tax: money(Number(price) / 1.1),
    price,
    retail_price: retailPrice,
    supply_price: supplyPrice,
    display,
    selling,
    product_condition: "N",
    tax_type: "A",
    tax_rate: 10,
    detail_image: null,
    list_image: null,
    tiny_image: null,
    small_image: null,
    has_option: "F",
    option_type: null,
    brand_code: "B0000000",
    supplier_code: "S0000000",
    sold_out: "F",
    category: categories.map((c) => ({ category_no: c.category_no as number, recommend: "F", new: "T" })),
    created_date: stamp,
    updated_date: stamp,
    _created: now,
    _updated: now,
  };
}

// ---------------------------------------------------------------------------------------------------------

export const productsRoutes: AdminRoute[] = [
  {
    method: "GET",
    path: "/products",
    handle({ query, data }) {
      const fields = fieldsParam(query);
      const embeds = embedParam(query, PRODUCT_EMBEDS);
      const page = listProducts(query, data);
      if (!fields && embeds.size === 0) {
        let json = '{"products":[';
        for (let i = 0; i < page.length; i++) json += (i ? "," : "") + productJson(page[i] as Product);
        return { json: `${json}]}` };
      }
      return { body: { products: page.map((p) => productView(p, fields, embeds, false)) } };
    },
  },
  {
    method: "GET",
    path: "/products/count",
    handle({ query, data }) {
      const { candidates, match } = productFilter(query, data);
      return { body: { count: match ? countOf(candidates, match) : candidates.length } };
    },
  },
  {
    method: "GET",
    path: "/products/:product_no",
    handle({ params, query, data }) {
      shopNoParam(query);
      const productNo = idParam(params, "product_no");
      const fields = fieldsParam(query);
      const embeds = embedParam(query, PRODUCT_EMBEDS);
      const product = data.productsByNo.get(productNo);
      if (!product) throw notFound();
      return { body: { product: productView(product, fields, embeds, true) } };
    },
  },
  {
    method: "POST",
    path: "/products",
    handle({ body, data, now }) {
      const product = createProduct(body, data, now);
      data.products.push(product);
      data.productsByNo.set(product.product_no, product);
      return { status: 201, body: { product: productView(product, undefined, new Set(), true) } };
    },
  },
];
