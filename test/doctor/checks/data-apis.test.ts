import { describe, expect, it } from "vitest";
import { dataApisCheck, MAX_DATA_CALLS } from "../../../src/doctor/checks/data-apis.js";
import { readDataAnswer } from "../../../src/doctor/checks/read-data-answer.js";
import { SMALL_DATA } from "../../helpers/emulator.js";
import { type Deps, depResult, scenario } from "./context-helper.js";

/** The emulator clock's calendar day in Seoul (START_ISO is 2026-11-27 20:41 KST). */
const TODAY_KST = "2026-11-27";

describe("check 8: data APIs", () => {
  it("reads store, products, today's orders (KST) and categories, showing counts and no personal data", async () => {
    const h = await scenario();
    const outcome = await dataApisCheck.run(h.ctx, h.deps);
    expect(outcome.status).toBe("ok");
    expect(outcome.findings).toEqual([]);
    expect(outcome.summary.key).toBe("check.data-apis.summary.ok");
    expect(outcome.evidence).toEqual({
      shopName: expect.any(String),
      products: SMALL_DATA.products,
      sampleProductNo: expect.any(Number),
      ordersToday: expect.any(Number),
      ordersDate: TODAY_KST,
      categories: SMALL_DATA.categories,
    });
    expect(h.gets()).toBeLessThanOrEqual(MAX_DATA_CALLS);
    // The store record holds the owner's name, e-mail and phone: none of it may reach the report.
    const text = JSON.stringify(outcome);
    expect(text).not.toMatch(/@|admin_name|phone|address/);
  });

  it("reports an empty mall as zero items, not as an error", async () => {
    const h = await scenario({ emulator: { data: { ...SMALL_DATA, products: 0, orders: 0 } } });
    const outcome = await dataApisCheck.run(h.ctx, h.deps);
    expect(outcome.status).toBe("ok");
    expect(outcome.findings).toEqual([]);
    expect(outcome.summary.key).toBe("check.data-apis.summary.zero");
    expect(outcome.evidence).toMatchObject({ products: 0, sampleProductNo: null, ordersToday: 0 });
    expect(outcome.evidence.zeroItems).toEqual(["products", "productSample", "ordersToday"]);
  });

  it("reads a 422 as a bad request parameter with Cafe24's message, never as 'no data'", async () => {
    // The doctor always sends an order window; this request loses it on the way, so Cafe24 answers 422.
    const h = await scenario({ rewrite: (url) => url.searchParams.delete("start_date") });
    const outcome = await dataApisCheck.run(h.ctx, h.deps);
    expect(outcome.status).toBe("fail");
    expect(outcome.findings).toEqual([
      expect.objectContaining({
        code: "DATA_BAD_REQUEST",
        urgency: "medium",
        evidence: { path: "/orders/count", status: 422, message: expect.stringMatching(/start_date/) },
      }),
    ]);
    expect(outcome.evidence["ordersToday.status"]).toBe(422);
  });

  it("interprets each kind of answer for one read", async () => {
    const h = await scenario();
    const api = h.ctx.api;
    if (!api) throw new Error("no api");
    expect(readDataAnswer(await api.get("/orders/count"))).toEqual({
      kind: "badRequest",
      status: 422,
      message: expect.stringMatching(/start_date/),
    });
    expect(readDataAnswer(await api.get("/products/count"))).toEqual({
      kind: "answered",
      data: { count: SMALL_DATA.products },
    });
    expect(readDataAnswer(await api.get("/no-such-resource"))).toMatchObject({ kind: "failed", status: 404 });
  });

  it("fails on Cafe24 5xx with CAFE24_SERVER_ERROR", async () => {
    const h = await scenario();
    h.emu.control.setFaults([{ route: "/api/v2/admin/products", kind: "status", status: 503 }]);
    const outcome = await dataApisCheck.run(h.ctx, h.deps);
    expect(outcome.status).toBe("fail");
    expect(outcome.findings).toEqual([
      expect.objectContaining({
        code: "CAFE24_SERVER_ERROR",
        urgency: "high",
        evidence: { paths: ["/products/count", "/products"], statuses: ["503", "503"] },
      }),
    ]);
    expect(outcome.evidence.categories).toBe(SMALL_DATA.categories);
  });

  it("names the scope of a 403 the token should not get (DATA_FORBIDDEN)", async () => {
    const h = await scenario();
    h.emu.control.setAppScopes(h.mallId, ["mall.read_store", "mall.read_product", "mall.read_order"]);
    const outcome = await dataApisCheck.run(h.ctx, h.deps);
    expect(outcome.status).toBe("fail");
    expect(outcome.findings).toEqual([
      expect.objectContaining({
        code: "DATA_FORBIDDEN",
        urgency: "high",
        command: "cafe24-doctor token login",
        evidence: { missing: ["mall.read_category"], paths: ["/categories/count"], status: 403 },
      }),
    ]);
  });

  it("leaves an API version refusal to the API version check, skipped rather than failing without a finding", async () => {
    // A strict server refuses the expired version; Cafe24 itself falls back silently (the emulator's default).
    const h = await scenario({ emulator: { versions: { expired: "error" } } });
    h.emu.control.setAppVersion(h.mallId, "2025-06-01");
    const outcome = await dataApisCheck.run(h.ctx, h.deps);
    expect(outcome.status).toBe("skipped");
    expect(outcome.summary).toEqual({
      key: "check.data-apis.skipped.versionRefused",
      params: { version: "2025-06-01" },
    });
    expect(outcome.findings).toEqual([]);
    expect(outcome.evidence["products.status"]).toBe(400);
  });

  it("reports an answer every read gets once, not once per read", async () => {
    const h = await scenario();
    h.emu.control.revokeAll(h.mallId);
    const outcome = await dataApisCheck.run(h.ctx, h.deps);
    expect(outcome.findings).toEqual([
      expect.objectContaining({
        code: "DATA_READ_FAILED",
        evidence: expect.objectContaining({
          status: 401,
          paths: expect.arrayContaining(["/store", "/categories/count"]),
        }),
      }),
    ]);
  });

  it("leaves a scope that scope coverage found unusable to it, without calling", async () => {
    const h = await scenario();
    const deps: Deps = {
      ...h.deps,
      "scope-coverage": {
        ...depResult("network", { reachable: true }),
        id: "scope-coverage",
        facts: { unavailable: ["mall.read_order"] },
      },
    };
    const outcome = await dataApisCheck.run(h.ctx, deps);
    // Incomplete, not failed: a failing check without a finding of its own would say nothing (issue 11).
    expect(outcome.status).toBe("warn");
    expect(outcome.summary.key).toBe("check.data-apis.summary.incomplete");
    expect(outcome.findings).toEqual([]);
    expect(outcome.evidence["ordersToday.status"]).toBe("deferred");
    expect(outcome.summary.params?.items).toBe("ordersToday (mall.read_order)");
    expect(h.emu.control.stats(h.mallId).routes["GET /api/v2/admin/orders/count"] ?? 0).toBe(0);
    expect(h.gets()).toBe(MAX_DATA_CALLS - 1);
  });

  it("does not read what the token was never granted and the app does not need", async () => {
    const h = await scenario({ token: { scopes: ["mall.read_product"] } });
    const outcome = await dataApisCheck.run(h.ctx, h.deps);
    expect(outcome.status).toBe("ok");
    expect(outcome.evidence).toMatchObject({
      "store.status": "notGranted",
      "ordersToday.status": "notGranted",
    });
    expect(h.gets()).toBe(2);
  });

  it("is skipped without a call when authentication failed", async () => {
    const h = await scenario();
    const deps = {
      ...h.deps,
      authentication: depResult("authentication", { authenticated: false, failure: "invalid" }, "fail"),
    };
    const outcome = await dataApisCheck.run(h.ctx, deps);
    expect(outcome).toMatchObject({
      status: "skipped",
      summary: { key: "check.data-apis.skipped.notAuthenticated", params: { failure: "invalid" } },
    });
    expect(h.gets()).toBe(0);
  });

  it("leaves 429s to the rate-limit check: incomplete, not failed", async () => {
    // Calls the pacer then holds back count as not sent, not as failures.
    const h = await scenario({ pacing: { maxWaitMs: 100 } });
    h.emu.control.fillBucket(h.mallId, 40);
    const outcome = await dataApisCheck.run(h.ctx, h.deps);
    expect(outcome.status).toBe("warn");
    expect(outcome.findings).toEqual([]);
    expect(outcome.summary.key).toBe("check.data-apis.summary.incomplete");
  });
});
