import { describe, expect, it } from "vitest";
import { formatKstDate } from "../../../src/cafe24/kst.js";
import { generateMallData, type MallDataInput } from "../../../src/emulator/data/generate-mall-data.js";
import type { MallData } from "../../../src/emulator/data/types.js";

const NOW = Date.parse("2026-11-27T11:41:00.000Z"); // 20:41 KST
const SMALL = { products: 200, orders: 400, orderDays: 60, customers: 30, categories: 20, boards: 8 };
const input = (over: Partial<MallDataInput> = {}): MallDataInput => ({
  seed: 24,
  sizes: SMALL,
  anchorMs: NOW,
  mallId: "demomall",
  shopName: "데모 쇼핑몰",
  ...over,
});

/** Everything a client could observe (Maps serialise as {}, so they are compared through the arrays). */
const snapshot = (d: MallData) =>
  JSON.stringify([
    d.store,
    d.shops,
    d.products,
    d.orders,
    d.categories,
    d.customers,
    d.boards,
    d.nextProductNo,
  ]);

describe("generateMallData", () => {
  it("produces identical data for the same seed, sizes and anchor", () => {
    expect(snapshot(generateMallData(input()))).toBe(snapshot(generateMallData(input())));
  });

  it("produces different data for a different seed", () => {
    expect(snapshot(generateMallData(input({ seed: 25 })))).not.toBe(snapshot(generateMallData(input())));
  });

  it("does not depend on the host time zone", () => {
    const original = process.env.TZ;
    try {
      process.env.TZ = "UTC";
      const utc = snapshot(generateMallData(input()));
      process.env.TZ = "Pacific/Kiritimati";
      const plus14 = snapshot(generateMallData(input()));
      process.env.TZ = "America/Los_Angeles";
      const la = snapshot(generateMallData(input()));
      expect(plus14).toBe(utc);
      expect(la).toBe(utc);
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });

  it("keeps everything but today's order times when the anchor moves within its KST day", () => {
    const morning = generateMallData(input({ anchorMs: Date.parse("2026-11-27T00:30:00+09:00") }));
    const evening = generateMallData(input({ anchorMs: Date.parse("2026-11-27T23:10:00+09:00") }));
    expect(JSON.stringify(evening.products)).toBe(JSON.stringify(morning.products));
    expect(evening.orders.map((o) => o.order_id)).toEqual(morning.orders.map((o) => o.order_id));
    const past = (d: MallData) =>
      JSON.stringify(d.orders.filter((o) => !o.order_date.startsWith("2026-11-27")));
    expect(past(evening)).toBe(past(morning));
  });

  it("leaves products unchanged when only the order count changes", () => {
    const a = generateMallData(input());
    const b = generateMallData(input({ sizes: { ...SMALL, orders: 50 } }));
    expect(JSON.stringify(b.products)).toBe(JSON.stringify(a.products));
  });
});

describe("generated products", () => {
  const data = generateMallData(input());

  it("numbers products ascending from 1 and indexes them by product_no", () => {
    expect(data.products.map((p) => p.product_no)).toEqual(data.products.map((_, i) => i + 1));
    expect(data.productsByNo.get(10)).toBe(data.products[9]);
    expect(data.nextProductNo).toBe(data.products.length + 1);
  });

  it("uses 8-character product codes, decimal-string prices and T/F flags", () => {
    expect(data.productsByNo.get(10)?.product_code).toBe("P000000A");
    for (const p of data.products) {
      expect(p.product_code).toMatch(/^P[0-9A-Z]{7}$/);
      expect(p.price).toMatch(/^\d+\.00$/);
      expect(p.retail_price).toMatch(/^\d+\.00$/);
      expect(p.supply_price).toMatch(/^\d+\.00$/);
      expect(["T", "F"]).toContain(p.display);
      expect(["T", "F"]).toContain(p.selling);
      expect(["T", "F"]).toContain(p.sold_out);
      expect(p.product_name).toMatch(/^\S+ \S+ .+$/);
    }
  });

  it("dates products within two years before the anchor, created before updated, in +09:00", () => {
    for (const p of data.products) {
      expect(p.created_date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
      expect(p._created).toBeLessThanOrEqual(p._updated);
      expect(p._updated).toBeLessThan(NOW);
      expect(p._created).toBeGreaterThan(NOW - 731 * 86_400_000);
      expect(Date.parse(p.created_date)).toBe(p._created);
    }
  });

  it("assigns products to existing categories", () => {
    const known = new Set(data.categories.map((c) => c.category_no));
    expect(
      data.products.every((p) => p.category.length > 0 && p.category.every((c) => known.has(c.category_no))),
    ).toBe(true);
  });
});

describe("generated orders", () => {
  const data = generateMallData(input());
  const today = formatKstDate(NOW);

  it("spans orderDays KST days ending with the anchor's day, in order_date order", () => {
    const first = data.orders[0]?._ordered ?? 0;
    expect(first).toBeGreaterThanOrEqual(Date.parse(`${today}T00:00:00+09:00`) - 59 * 86_400_000);
    const times = data.orders.map((o) => o._ordered);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("includes several orders on the anchor's KST day, all before the anchor", () => {
    const todays = data.orders.filter((o) => formatKstDate(o._ordered) === today);
    expect(todays.length).toBeGreaterThanOrEqual(5);
    expect(
      todays.every(
        (o) => o._ordered <= NOW && (o.payment_date === null || Date.parse(o.payment_date) <= NOW),
      ),
    ).toBe(true);
  });

  it("numbers orders YYYYMMDD-NNNNNNN by their KST order date, uniquely", () => {
    for (const o of data.orders) {
      expect(o.order_id).toMatch(/^\d{8}-\d{7}$/);
      expect(o.order_id.slice(0, 8)).toBe(formatKstDate(o._ordered).replaceAll("-", ""));
    }
    expect(data.ordersById.size).toBe(data.orders.length);
  });

  it("references existing members and products and uses §6.5 status codes", () => {
    const members = new Set(data.customers.map((c) => c.member_id));
    for (const o of data.orders) {
      if (o.member_id !== "") expect(members.has(o.member_id)).toBe(true);
      expect(o.order_status).toMatch(/^[NCRE]\d{2}$/);
      expect(o.payment_amount).toMatch(/^\d+\.00$/);
      expect(o.items.length).toBeGreaterThan(0);
      for (const item of o.items)
        expect(data.productsByNo.get(item.product_no)?.product_code).toBe(item.product_code);
    }
    expect(data.orders.some((o) => o.member_id === "")).toBe(true);
  });

  it("marks unpaid orders unpaid and canceled orders canceled", () => {
    for (const o of data.orders) {
      expect(o.paid).toBe(o.order_status === "N00" || o.order_status === "C47" ? "F" : "T");
      expect(o.canceled).toBe(o.order_status.startsWith("C") ? "T" : "F");
    }
  });
});

describe("generated categories, customers, boards and store", () => {
  const data = generateMallData(input());

  it("builds a tree of depth 1 to 4 whose parents exist (1 = top level)", () => {
    const byNo = new Map(data.categories.map((c) => [c.category_no, c]));
    expect(new Set(data.categories.map((c) => c.category_depth))).toEqual(new Set([1, 2, 3, 4]));
    for (const c of data.categories) {
      if (c.category_depth === 1) expect(c.parent_category_no).toBe(1);
      else expect(byNo.get(c.parent_category_no)?.category_depth).toBe(c.category_depth - 1);
      const names = c.full_category_name as Record<string, string | null>;
      expect(Object.keys(names)).toEqual(["1", "2", "3", "4"]);
      expect(names[String(c.category_depth)]).toBe(c.category_name);
      expect((c.full_category_no as Record<string, string | null>)[String(c.category_depth)]).toBe(
        String(c.category_no),
      );
    }
  });

  it("gives members unique ids and 010-XXXX-XXXX cellphones, with personal data kept apart", () => {
    expect(new Set(data.customers.map((c) => c.member_id)).size).toBe(data.customers.length);
    expect(new Set(data.customers.map((c) => c.cellphone)).size).toBe(data.customers.length);
    for (const c of data.customers) {
      expect(c.cellphone).toMatch(/^010-\d{4}-\d{4}$/);
      expect(c.public).not.toHaveProperty("name");
      expect(c.public).not.toHaveProperty("email");
      expect(c.privacy.email).toMatch(/@example\.(com|net|org)$/);
    }
  });

  it("names the stock boards and one Seoul-time shop", () => {
    expect(data.boards.map((b) => b.board_name)).toContain("공지사항");
    expect(data.shops).toHaveLength(1);
    expect(data.shops[0]).toMatchObject({
      shop_no: 1,
      timezone: "Asia/Seoul",
      currency_code: "KRW",
      default: "T",
    });
    expect(data.store).toMatchObject({ shop_no: 1, mall_id: "demomall", shop_name: "데모 쇼핑몰" });
  });
});
