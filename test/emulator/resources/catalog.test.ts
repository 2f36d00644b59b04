import { describe, expect, it } from "vitest";
import { call, expect422, type Json, makeMall } from "./helpers.js";

describe("GET /categories", () => {
  const m = makeMall();

  it("lists categories 10 at a time, up to 100, offset at most 8000", () => {
    expect(call(m, "GET", "/categories").body.categories).toHaveLength(10);
    expect(call(m, "GET", "/categories?limit=100").body.categories).toHaveLength(30);
    expect422(call(m, "GET", "/categories?limit=101"), "limit");
    expect422(call(m, "GET", "/categories?offset=8001"), "offset");
    expect422(call(m, "GET", "/categories?category_depth=5"), "category_depth");
    expect422(call(m, "GET", "/categories?category_depth=0"), "category_depth");
  });

  it("filters by depth, parent and name", () => {
    const tops = call(m, "GET", "/categories?category_depth=1&limit=100").body.categories;
    expect(tops.length).toBeGreaterThan(0);
    expect(tops.every((c: Json) => c.parent_category_no === 1)).toBe(true);
    const parent = m.data.categories.find((c) => c.category_depth === 3);
    const children = call(m, "GET", `/categories?parent_category_no=${parent?.category_no}&limit=100`).body
      .categories;
    expect(children.every((c: Json) => c.category_depth === 4)).toBe(true);
    const named = call(m, "GET", `/categories?category_name=${encodeURIComponent("아우터")}`).body.categories;
    expect(named[0].category_name).toBe("아우터");
  });

  it("counts, and returns one category with its full path", () => {
    expect(call(m, "GET", "/categories/count?category_depth=1").body.count).toBe(
      m.data.categories.filter((c) => c.category_depth === 1).length,
    );
    const deep = m.data.categories.find((c) => c.category_depth === 4);
    const r = call(m, "GET", `/categories/${deep?.category_no}`);
    expect(r.body.category.full_category_no["4"]).toBe(String(deep?.category_no));
    expect(call(m, "GET", "/categories/999999").status).toBe(404);
  });
});

describe("GET /boards, /store, /shops", () => {
  const m = makeMall();

  it("lists boards and returns one by number", () => {
    expect(call(m, "GET", "/boards").body.boards).toHaveLength(8);
    expect(call(m, "GET", "/boards/1").body.board.board_name).toBe("공지사항");
    expect(call(m, "GET", "/boards/99").status).toBe(404);
  });

  it("returns the store for shop 1 and refuses other shops", () => {
    expect(call(m, "GET", "/store").body.store).toMatchObject({ shop_no: 1, mall_id: "demomall" });
    expect(call(m, "GET", "/store?fields=mall_id").body).toEqual({ store: { mall_id: "demomall" } });
    expect422(call(m, "GET", "/store?shop_no=2"), "shop_no");
  });

  it("lists the one Seoul shop and 404s other shop numbers", () => {
    expect(call(m, "GET", "/shops").body.shops).toEqual([
      expect.objectContaining({ shop_no: 1, timezone: "Asia/Seoul" }),
    ]);
    expect(call(m, "GET", "/shops/1").body.shop.language_code).toBe("ko_KR");
    expect(call(m, "GET", "/shops/2").status).toBe(404);
    expect422(call(m, "GET", "/shops/x"), "shop_no");
  });
});

describe("/apps", () => {
  it("reports the app version, its expiry in KST and the previous version", () => {
    const m = makeMall();
    m.mall.app.version = "2025-12-01";
    const app = call(m, "GET", "/apps").body.app;
    expect(app).toMatchObject({
      version: "2025-12-01",
      previous_version: "2025-09-01",
      extension_type: "section",
    });
    expect(app.version_expiration_date).toBe("2027-03-01T00:00:00+09:00");
  });

  it("shows no expiry for the newest version", () => {
    const m = makeMall();
    expect(call(m, "GET", "/apps").body.app.version_expiration_date).toBeNull();
  });

  it("changes the version with PUT and refuses unknown versions", () => {
    const m = makeMall();
    const r = call(m, "PUT", "/apps", { request: { version: "2026-03-01" } });
    expect(r.body.app.version).toBe("2026-03-01");
    expect(m.mall.app.version).toBe("2026-03-01");
    expect422(call(m, "PUT", "/apps", { request: { version: "2019-01-01" } }), "version");
    expect422(call(m, "PUT", "/apps", { version: "2026-03-01" }), "request");
    expect(m.mall.app.version).toBe("2026-03-01");
  });
});

describe("/webhooks/setting", () => {
  it("shows the app's scopes and toggles reception_status", () => {
    const m = makeMall();
    expect(call(m, "GET", "/webhooks/setting").body.webhook).toEqual({
      scopes: m.mall.app.scopes,
      reception_status: "T",
    });
    const r = call(m, "PUT", "/webhooks/setting", { shop_no: 1, request: { reception_status: "F" } });
    expect(r.body.webhook.reception_status).toBe("F");
    expect(m.mall.webhook.receptionStatus).toBe("F");
    expect422(
      call(m, "PUT", "/webhooks/setting", { request: { reception_status: "X" } }),
      "reception_status",
    );
    expect422(call(m, "PUT", "/webhooks/setting", { request: {} }), "reception_status");
  });
});
