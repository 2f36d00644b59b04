import { describe, expect, it } from "vitest";
import { adminGet, envelope, httpTarget, issueAccess, launch, SMALL_DATA } from "../../helpers/emulator.js";

/**
 * Facts of docs/cafe24-facts.md that no other test pinned: the Admin API's conventions, as the emulator
 * answers them over 127.0.0.1.
 */
async function mall(scopes?: string[]) {
  const running = await launch({ data: SMALL_DATA });
  const target = httpTarget(running);
  const token = issueAccess(running, target.mall.mallId, scopes);
  return { running, target, get: (path: string) => adminGet(target, path, token) };
}

describe("Admin API conventions (docs/cafe24-facts.md §6)", () => {
  it("writes resource dates as ISO 8601 with the +09:00 offset", async () => {
    const { get } = await mall();
    const { products } = (await (await get("/products?limit=3")).json()) as {
      products: { created_date: string; updated_date: string }[];
    };
    expect(products.length).toBeGreaterThan(0);
    for (const p of products) {
      expect(p.created_date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
      expect(p.updated_date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
    }
  });

  it("writes flags as the strings T and F, and prices as decimal strings", async () => {
    const { get } = await mall();
    const { products } = (await (await get("/products?limit=5")).json()) as {
      products: { display: unknown; selling: unknown; price: unknown }[];
    };
    for (const p of products) {
      expect(["T", "F"]).toContain(p.display);
      expect(["T", "F"]).toContain(p.selling);
      expect(p.price).toMatch(/^\d+\.\d{2}$/);
    }
  });

  it("wraps one item in the singular key and a list in the plural key", async () => {
    const { get } = await mall();
    const list = (await (await get("/products?limit=1")).json()) as { products: { product_no: number }[] };
    const no = list.products[0]?.product_no;
    expect(Object.keys(list)).toContain("products");
    const one = (await (await get(`/products/${no}`)).json()) as Record<string, unknown>;
    expect(Object.keys(one)).toEqual(["product"]);
  });

  it("answers /count with {count: N} alone", async () => {
    const { get } = await mall();
    const body = (await (await get("/categories/count")).json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(["count"]);
    expect(body.count).toEqual(expect.any(Number));
  });

  it("reads /apps with mall.read_application alone, where /store needs mall.read_store", async () => {
    const { get } = await mall(["mall.read_application"]);
    const apps = await get("/apps");
    expect(apps.status).toBe(200);
    const store = await get("/store");
    expect(store.status).toBe(403);
    await envelope(store);
  });

  it("answers a filter that matches nothing with 200 and an empty list, never 422", async () => {
    const { get } = await mall();
    const response = await get("/products?product_name=no-such-product-anywhere");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ products: [] });
  });

  it("puts X-Api-Call-Limit on a 200 and a 404 answer alike", async () => {
    const { get } = await mall();
    const ok = await get("/products?limit=1");
    const missing = await get("/products/999999999");
    expect(ok.headers.get("x-api-call-limit")).toMatch(/^\d+\/40$/);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("x-api-call-limit")).toMatch(/^\d+\/40$/);
  });
});
