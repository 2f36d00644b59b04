import { describe, expect, it } from "vitest";
import { formatKstDate } from "../../../src/cafe24/kst.js";
import { allKeys, call, expect422, type Json, makeMall, NOW } from "./helpers.js";

const TODAY = formatKstDate(NOW);
const WINDOW = "start_date=2026-09-01&end_date=2026-11-27";
const PERSONAL = [
  "receivers",
  "buyer",
  "member_email",
  "billing_name",
  "name",
  "email",
  "cellphone",
  "address1",
];

describe("GET /orders", () => {
  const m = makeMall();
  const inWindow = m.data.orders.filter(
    (o) => o.order_date >= "2026-09-01" && o.order_date.slice(0, 10) <= TODAY,
  );

  it("lists the window's orders in order_date order, 10 by default", () => {
    const r = call(m, "GET", `/orders?${WINDOW}`);
    expect(r.status).toBe(200);
    expect(r.body.orders.map((o: Json) => o.order_id)).toEqual(inWindow.slice(0, 10).map((o) => o.order_id));
  });

  it("includes today's orders when the window ends today", () => {
    const r = call(m, "GET", `/orders?start_date=${TODAY}&end_date=${TODAY}&limit=1000`);
    expect(r.body.orders.length).toBeGreaterThanOrEqual(5);
    expect(r.body.orders.every((o: Json) => o.order_date.startsWith(TODAY))).toBe(true);
  });

  it("refuses an order window longer than three months with 422", () => {
    const r = call(m, "GET", "/orders?start_date=2026-08-01&end_date=2026-11-01");
    expect(r.status).toBe(422);
    expect(r.body.error.message).toMatch(/cannot exceed 3 months/);
    expect(call(m, "GET", "/orders?start_date=2026-08-01&end_date=2026-10-31").status).toBe(200);
  });

  it("refuses a call without start_date, and end_date without start_date", () => {
    expect422(call(m, "GET", "/orders"), "start_date");
    expect422(call(m, "GET", "/orders?end_date=2026-11-01"), "start_date");
  });

  it("runs a start_date without end_date up to now, within the three-month cap", () => {
    expect(call(m, "GET", "/orders?start_date=2026-10-01").status).toBe(200);
    expect(call(m, "GET", "/orders?start_date=2026-08-01").status).toBe(422);
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=1001", "limit"],
    ["offset=15001", "offset"],
    ["offset=x", "offset"],
    ["date_type=ship_date", "date_type"],
    ["order_status=N4", "order_status"],
    ["order_id=2026-1", "order_id"],
    ["embed=payments", "embed"],
    ["shop_no=3", "shop_no"],
  ])("refuses %s with 422 naming %s", (query, parameter) => {
    expect422(call(m, "GET", `/orders?${WINDOW}&${query}`), parameter);
  });

  it("refuses a malformed date with 422 naming it", () => {
    expect422(call(m, "GET", "/orders?start_date=27-11-2026&end_date=2026-11-27"), "start_date");
    expect422(call(m, "GET", "/orders?start_date=2026-11-01&end_date=2026-11-27T10:00:00"), "end_date");
  });

  it("accepts limit 1000 and offset 15000", () => {
    expect(call(m, "GET", `/orders?${WINDOW}&limit=1000`).body.orders).toHaveLength(
      Math.min(1000, inWindow.length),
    );
    expect(call(m, "GET", `/orders?${WINDOW}&offset=15000`).body.orders).toEqual([]);
  });

  it("links to the next page while more orders remain, and not after the last", () => {
    const first = call(m, "GET", `/orders?${WINDOW}&limit=10`);
    // As the reference's example: only limit and offset, never the call's filters (§6.0, §10).
    expect(first.body.links).toEqual([
      { rel: "next", href: "https://demomall.cafe24api.com/api/v2/admin/orders?limit=10&offset=10" },
    ]);
    const middle = call(m, "GET", `/orders?${WINDOW}&limit=10&offset=20`);
    expect(middle.body.links).toEqual([
      { rel: "previous", href: "https://demomall.cafe24api.com/api/v2/admin/orders?limit=10&offset=10" },
      { rel: "next", href: "https://demomall.cafe24api.com/api/v2/admin/orders?limit=10&offset=30" },
    ]);
    const last = call(m, "GET", `/orders?${WINDOW}&limit=10&offset=${inWindow.length - 5}`);
    expect(last.body.orders).toHaveLength(5);
    expect(last.body.links.some((l: Json) => l.rel === "next")).toBe(false);
  });

  it("filters by order_id, order_status and member_id lists", () => {
    const [a, b] = inWindow;
    const byId = call(m, "GET", `/orders?order_id=${b?.order_id},${a?.order_id}`).body.orders;
    expect(byId.map((o: Json) => o.order_id)).toEqual([a?.order_id, b?.order_id]);
    const delivered = call(m, "GET", `/orders?${WINDOW}&order_status=N40,N50&limit=1000`).body.orders;
    expect(delivered.length).toBe(inWindow.filter((o) => ["N40", "N50"].includes(o.order_status)).length);
    const member = inWindow.find((o) => o.member_id !== "")?.member_id ?? "";
    const mine = call(m, "GET", `/orders?${WINDOW}&member_id=${member}&limit=1000`).body.orders;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((o: Json) => o.member_id === member)).toBe(true);
  });

  it("searches by pay_date when date_type says so", () => {
    const r = call(m, "GET", `/orders?start_date=${TODAY}&end_date=${TODAY}&date_type=pay_date&limit=1000`);
    expect(r.body.orders.every((o: Json) => o.payment_date?.startsWith(TODAY))).toBe(true);
    expect(r.body.orders.length).toBe(m.data.orders.filter((o) => o.payment_date?.startsWith(TODAY)).length);
  });

  it("leaves items and personal data out unless embedded", () => {
    const plain = call(m, "GET", `/orders?${WINDOW}&limit=50&fields=order_id,receivers,buyer,items`);
    const keys = allKeys(call(m, "GET", `/orders?${WINDOW}&limit=50`).body);
    for (const key of [...PERSONAL, "items"]) expect(keys.has(key)).toBe(false);
    expect(Object.keys(plain.body.orders[0])).toEqual(["order_id"]);
  });

  it("inlines items, receivers and buyer when embedded", () => {
    const r = call(m, "GET", `/orders?${WINDOW}&limit=3&embed=items,receivers,buyer`);
    const order = r.body.orders[0];
    expect(order.items.length).toBeGreaterThan(0);
    expect(order.receivers[0]).toHaveProperty("address1");
    expect(order.buyer).toHaveProperty("name");
  });

  it("never shows internal _ fields", () => {
    const body = call(m, "GET", `/orders?${WINDOW}&limit=100&embed=items,receivers,buyer`).body;
    expect([...allKeys(body)].filter((k) => k.startsWith("_"))).toEqual([]);
  });
});

describe("GET /orders/count and /orders/{order_id}", () => {
  const m = makeMall();

  it("counts the window's orders and applies the same window rules", () => {
    const expected = m.data.orders.filter((o) => o.order_date.slice(0, 10) >= "2026-10-01").length;
    expect(call(m, "GET", `/orders/count?start_date=2026-10-01&end_date=${TODAY}`).body).toEqual({
      count: expected,
    });
    expect422(call(m, "GET", "/orders/count"), "start_date");
    expect(call(m, "GET", "/orders/count?start_date=2026-01-01&end_date=2026-11-01").status).toBe(422);
  });

  it("returns one order, with embeds on request", () => {
    const id = m.data.orders[5]?.order_id;
    const r = call(m, "GET", `/orders/${id}?embed=items`);
    expect(r.body.order.order_id).toBe(id);
    expect(r.body.order.items.length).toBeGreaterThan(0);
    expect(r.body.order).not.toHaveProperty("buyer");
  });

  it("answers 404 for an unknown order and 422 for a malformed id", () => {
    expect(call(m, "GET", "/orders/20200101-0000001").status).toBe(404);
    expect422(call(m, "GET", "/orders/abc"), "order_id");
  });
});
