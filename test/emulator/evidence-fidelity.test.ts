import { describe, expect, it } from "vitest";
import {
  adminGet,
  envelope,
  inProcess,
  issueAccess,
  LOCAL,
  localTarget,
  SECOND,
} from "../helpers/emulator.js";
import { call, makeMall } from "./resources/helpers.js";

/**
 * Where live Cafe24 was observed to differ from the emulator's first choices (docs/cafe24-facts.md, "New
 * evidence"), the emulator now follows the evidence by default. Version fallback is specified in
 * versions.test.ts, OAuth shapes in oauth-flow.test.ts, links in resources/orders.test.ts.
 */

function setup(options: Parameters<typeof inProcess>[0] = {}) {
  const emulator = inProcess(options);
  const target = localTarget(emulator);
  const token = issueAccess(emulator, target.mall.mallId);
  return { emulator, target, token };
}

describe("Admin error bodies as seen live", () => {
  it.each(["/nosuchthing", "/products/1/nosuchthing", "/store/store"])(
    "answers the unknown path %s with exactly {code: 404, message: 'No API found.'}",
    async (path) => {
      const { target, token } = setup();
      const response = await adminGet(target, path, token);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: 404, message: "No API found." } });
    },
  );

  it("answers a well-formed id that names nothing with 404 and no more_info", async () => {
    const { target, token } = setup();
    const response = await adminGet(target, "/products/999999", token);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 404, message: "Cannot locate API." } });
  });

  it("sends no more_info in 401, 404 or 422 bodies", async () => {
    const { target, token } = setup();
    const answers = [
      await adminGet(target, "/products", undefined),
      await adminGet(target, "/products", "not-a-token"),
      await adminGet(target, "/nosuchthing", token),
      await adminGet(target, "/products?limit=101", token),
      await adminGet(target, "/products", token, { "x-cafe24-api-version": "2099-01-01" }),
    ];
    expect(answers.map((r) => r.status)).toEqual([401, 401, 404, 422, 400]);
    for (const answer of answers) {
      const text = await answer.clone().text();
      expect(text).not.toContain("more_info");
      await envelope(answer);
    }
  });

  it("refuses /customers without member_id or cellphone with the observed 422 wording", async () => {
    const { target, token } = setup();
    const response = await adminGet(target, "/customers?limit=10", token);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: { code: 422, message: "Please enter the cellphone or member_id parameter." },
    });
  });
});

describe("the usage quota, on by default: about 3,000 calls and 600 s of processing per 10 minutes, per mall", () => {
  const usage = (r: Response) => ({
    status: r.status,
    callUsage: r.headers.get("x-cafe24-call-usage"),
    callRemain: r.headers.get("x-cafe24-call-remain"),
    timeRemain: r.headers.get("x-cafe24-time-remain"),
  });

  it("lets the 3,000th call of a window through, blocks the next with 429, and leaves the other mall alone", async () => {
    const { emulator, target, token } = setup({ malls: [{ mallId: "demomall" }, { mallId: "othermall" }] });
    // 2,970 calls already in this window: 30 more reach the quota exactly.
    emulator.control.setUsage("demomall", 99, 0);
    const answers: Response[] = [];
    for (let i = 0; i < 31; i++) answers.push(await adminGet(target, "/products?limit=1", token));
    expect(answers.slice(0, 29).every((r) => r.status === 200 && usage(r).callRemain === null)).toBe(true);
    expect(usage(answers[29] as Response)).toMatchObject({ status: 200, callUsage: "100.00" });
    const blocked = answers[30] as Response;
    expect(usage(blocked).status).toBe(429);
    expect(Number(usage(blocked).callRemain)).toBeGreaterThan(0);
    expect(Number(usage(blocked).callRemain)).toBeLessThanOrEqual(600);
    expect((await envelope(blocked)).error.code).toBe(429);

    const other = { ...localTarget(emulator, 1), base: `${LOCAL}/malls/othermall` };
    const otherAnswer = await adminGet(other, "/products?limit=1", issueAccess(emulator, "othermall"));
    expect(usage(otherAnswer)).toEqual({
      status: 200,
      callUsage: "0.03",
      callRemain: null,
      timeRemain: null,
    });
  });

  it("blocks on spent processing time with X-Cafe24-Time-Remain alone", async () => {
    const { emulator, target, token } = setup();
    emulator.control.setUsage("demomall", 0, 100);
    const blocked = await adminGet(target, "/products?limit=1", token);
    expect(usage(blocked).status).toBe(429);
    expect(usage(blocked).callRemain).toBeNull();
    expect(Number(usage(blocked).timeRemain)).toBeGreaterThan(0);
  });

  it("recovers within the 10-minute window", async () => {
    const { emulator, target, token } = setup();
    emulator.control.setUsage("demomall", 100, 0);
    expect((await adminGet(target, "/products?limit=1", token)).status).toBe(429);
    emulator.control.advanceClock(600 * SECOND);
    const after = await adminGet(target, "/products?limit=1", token);
    expect(usage(after)).toMatchObject({ status: 200, callRemain: null, timeRemain: null });
    expect(emulator.control.stats("demomall").usage.callUsage).toBeLessThan(1);
  });
});

describe("filters real Cafe24 matches loosely", () => {
  const m = makeMall();
  const codes = (url: string) =>
    call(m, "GET", url).body.products.map((p: { product_code: string }) => p.product_code);

  it("matches product_code as a substring, in lists too; the count agrees", () => {
    const partial = codes("/products?product_code=P00000&limit=100");
    expect(partial.length).toBeGreaterThan(1);
    expect(partial.every((c: string) => c.includes("P00000"))).toBe(true);
    expect(partial).toEqual(
      m.data.products
        .map((p) => p.product_code)
        .filter((c) => c.includes("P00000"))
        .slice(0, 100),
    );
    expect(call(m, "GET", "/products/count?product_code=P00000").body.count).toBe(
      m.data.products.filter((p) => p.product_code.includes("P00000")).length,
    );
    expect(codes("/products?product_code=P000000A")).toEqual(["P000000A"]);
    expect(codes("/products?product_code=000000A,000000B")).toEqual(["P000000A", "P000000B"]);
    expect(codes("/products?product_code=ZZZ")).toEqual([]);
  });

  it("matches product_name ignoring case", () => {
    const own = makeMall();
    const product = own.data.products[4];
    if (!product) throw new Error("no product #5");
    product.product_name = "Linen Shirt 린넨 셔츠";
    for (const query of ["linen shirt", "LINEN", "Linen Shirt", "린넨"]) {
      const found = call(own, "GET", `/products?limit=100&product_name=${encodeURIComponent(query)}`).body
        .products;
      expect(found.map((p: { product_no: number }) => p.product_no)).toContain(product.product_no);
    }
    expect(
      call(own, "GET", `/products?limit=100&product_name=${encodeURIComponent("wool")}`).body.products,
    ).toEqual([]);
  });
});
