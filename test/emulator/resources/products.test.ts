import { describe, expect, it } from "vitest";
import { allKeys, call, expect422, makeMall } from "./helpers.js";

describe("GET /products", () => {
  const m = makeMall();

  it("returns the first 10 products in product_no order by default", () => {
    const r = call(m, "GET", "/products");
    expect(r.status).toBe(200);
    expect(r.body.products.map((p: { product_no: number }) => p.product_no)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
  });

  it("pages with limit and offset up to the documented caps (limit 100, offset 5000)", () => {
    const r = call(m, "GET", "/products?limit=100&offset=150");
    expect(r.body.products).toHaveLength(100);
    expect(r.body.products[0].product_no).toBe(151);
    expect(call(m, "GET", "/products?offset=5000").body.products).toEqual([]);
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=abc", "limit"],
    ["limit=1.5", "limit"],
    ["offset=-1", "offset"],
    ["offset=5001", "offset"],
    ["display=Y", "display"],
    ["sort=price", "sort"],
    ["order=up", "order"],
    ["product_no=1,%202", "product_no"],
    ["shop_no=0", "shop_no"],
    ["shop_no=2", "shop_no"],
    ["embed=reviews", "embed"],
    ["created_start_date=2026-01-01", "created_end_date"],
    ["updated_end_date=2026-01-01", "updated_start_date"],
    ["created_start_date=2026-13-01&created_end_date=2026-12-01", "created_start_date"],
    ["since_product_no=-1", "since_product_no"],
    ["since_product_no=2147483648", "since_product_no"],
  ])("refuses %s with 422 naming %s", (query, parameter) => {
    expect422(call(m, "GET", `/products?${query}`), parameter);
  });

  it("refuses more than 100 comma-separated product numbers", () => {
    const list = Array.from({ length: 101 }, (_, i) => i + 1).join(",");
    expect422(call(m, "GET", `/products?product_no=${list}`), "product_no");
  });

  it.each(["product_no=5", "sort=created_date", "order=asc", "offset=0"])(
    "refuses since_product_no combined with %s",
    (other) => {
      expect422(call(m, "GET", `/products?since_product_no=3&${other}`), "since_product_no");
    },
  );

  it("walks past a cursor with since_product_no", () => {
    const r = call(m, "GET", "/products?since_product_no=250&limit=100");
    expect(r.body.products.map((p: { product_no: number }) => p.product_no)).toEqual(
      Array.from({ length: 50 }, (_, i) => 251 + i),
    );
  });

  it("looks up a product_no list, ignoring unknown numbers", () => {
    const r = call(m, "GET", "/products?product_no=12,3,99999");
    expect(r.body.products.map((p: { product_no: number }) => p.product_no)).toEqual([3, 12]);
  });

  it("filters by code, name substring, flags, category and created dates", () => {
    expect(call(m, "GET", "/products?product_code=P000000A").body.products[0].product_no).toBe(10);
    const name = m.data.products[4]?.product_name.split(" ")[2] ?? "";
    const byName = call(m, "GET", `/products?limit=100&product_name=${encodeURIComponent(name)}`).body
      .products;
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((p: { product_name: string }) => p.product_name.includes(name))).toBe(true);
    const hidden = call(m, "GET", "/products?display=F&limit=100").body.products;
    expect(hidden.length).toBe(m.data.products.filter((p) => p.display === "F").length);
    const category = m.data.products[0]?.category[0]?.category_no;
    const inCategory = call(m, "GET", `/products?category=${category}&limit=100`).body.products;
    expect(
      inCategory.every((p: { category: { category_no: number }[] }) =>
        p.category.some((c) => c.category_no === category),
      ),
    ).toBe(true);
  });

  it("treats a date-only created_end_date as the whole KST day", () => {
    const p = m.data.products[20];
    const day = p?.created_date.slice(0, 10);
    const r = call(m, "GET", `/products?created_start_date=${day}&created_end_date=${day}&limit=100`);
    expect(r.body.products.map((x: { product_no: number }) => x.product_no)).toContain(p?.product_no);
    expect(r.body.products.every((x: { created_date: string }) => x.created_date.startsWith(day ?? ""))).toBe(
      true,
    );
  });

  it("sorts by product_name descending", () => {
    const names = call(m, "GET", "/products?sort=product_name&order=desc&limit=100").body.products.map(
      (p: { product_name: string }) => p.product_name,
    );
    expect(names).toEqual([...names].sort((a, b) => new Intl.Collator("ko").compare(b, a)));
  });

  it("projects fields and adds requested embeds", () => {
    const r = call(m, "GET", "/products?fields=product_no,price,_created&embed=variants,hits&limit=2");
    expect(Object.keys(r.body.products[0]).sort()).toEqual(["hits", "price", "product_no", "variants"]);
    expect(r.body.products[0].variants.length).toBeGreaterThan(0);
    expect(r.body.products[0].variants.length).toBeLessThanOrEqual(100);
  });

  it("never shows internal _ fields, with or without embeds", () => {
    for (const url of [
      "/products?limit=100",
      "/products?embed=options,discountprice&limit=5",
      "/products/7",
    ]) {
      expect([...allKeys(call(m, "GET", url).body)].filter((k) => k.startsWith("_"))).toEqual([]);
    }
  });

  it("serves the plain list as pre-serialised JSON equal to the projected view", () => {
    const fast = call(m, "GET", "/products?limit=3");
    const slow = call(m, "GET", "/products?limit=3&embed=hits");
    expect(
      fast.body.products.map((p: Record<string, unknown>) => ({ ...p, hits: slow.body.products[0].hits }))[0],
    ).toEqual(slow.body.products[0]);
  });

  it("refreshes a cached product once its updated_date changes", () => {
    const own = makeMall();
    call(own, "GET", "/products?limit=1");
    const p = own.data.products[0];
    if (!p) throw new Error("no product");
    p.product_name = "변경된 상품";
    p.updated_date = "2026-11-27T20:00:00+09:00";
    expect(call(own, "GET", "/products?limit=1").body.products[0].product_name).toBe("변경된 상품");
  });
});

describe("GET /products/count and /products/{product_no}", () => {
  const m = makeMall();

  it("counts with the list's filters and ignores paging", () => {
    expect(call(m, "GET", "/products/count").body).toEqual({ count: 300 });
    const visible = m.data.products.filter((p) => p.display === "T").length;
    expect(call(m, "GET", "/products/count?display=T&limit=1").body).toEqual({ count: visible });
    expect(call(m, "GET", "/products/count?product_no=1,2,999").body).toEqual({ count: 2 });
  });

  it("returns one product with detail-only fields and embeds", () => {
    const r = call(m, "GET", "/products/10?embed=options");
    expect(r.body.product).toMatchObject({ product_no: 10, product_code: "P000000A" });
    expect(r.body.product).toHaveProperty("description");
    expect(r.body.product).toHaveProperty("options");
  });

  it("answers 404 for a product that does not exist and 422 for a malformed number", () => {
    const missing = call(m, "GET", "/products/99999");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe(404);
    expect422(call(m, "GET", "/products/abc"), "product_no");
  });
});

describe("POST /products", () => {
  it("creates a product with the next number and answers 201", () => {
    const m = makeMall();
    const r = call(m, "POST", "/products", {
      shop_no: 1,
      request: { product_name: "새 상품", price: "12900", display: "T" },
    });
    expect(r.status).toBe(201);
    expect(r.body.product).toMatchObject({
      product_no: 301,
      product_name: "새 상품",
      price: "12900.00",
      display: "T",
    });
    expect(r.body.product.product_code).toMatch(/^P[0-9A-Z]{7}$/);
    expect(call(m, "GET", "/products/301").body.product.product_name).toBe("새 상품");
    expect(call(m, "GET", "/products/count").body.count).toBe(301);
    expect([...allKeys(r.body)].filter((k) => k.startsWith("_"))).toEqual([]);
  });

  it.each([
    [{ shop_no: 1, request: { price: 1000 } }, "product_name"],
    [{ shop_no: 1, request: { product_name: " ", price: 1000 } }, "product_name"],
    [{ shop_no: 1, request: { product_name: "x" } }, "price"],
    [{ shop_no: 1, request: { product_name: "x", price: "12,900" } }, "price"],
    [{ shop_no: 1, request: { product_name: "x", price: -1 } }, "price"],
    [{ shop_no: 1, request: { product_name: "x", price: 1, display: "Y" } }, "display"],
    [{ shop_no: 1, request: { product_name: "x", price: 1, category: [{ category_no: 1 }] } }, "category_no"],
    [{ shop_no: 2, request: { product_name: "x", price: 1 } }, "shop_no"],
    [{ product_name: "x", price: 1 }, "request"],
  ])("refuses %j with 422 naming %s, without using up a number", (body, parameter) => {
    const m = makeMall();
    expect422(call(m, "POST", "/products", body), parameter);
    expect(m.data.nextProductNo).toBe(301);
  });
});
