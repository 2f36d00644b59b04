import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import { interpretResponse } from "../../src/http/interpret-response.js";
import { readCallLimit, readRemainSeconds } from "../../src/http/rate-headers.js";
import { requestTarget } from "../../src/http/request-target.js";

const call = { method: "GET", path: "/api/v2/admin/products" };
const json = new Headers({ "content-type": "application/json" });

describe("interpretResponse", () => {
  it("returns the data and the call limit of a success", () => {
    const headers = new Headers({ "x-api-call-limit": "3/40" });
    const result = interpretResponse(call, 200, headers, '{"products":[]}');
    expect(result).toMatchObject({
      ok: true,
      response: { data: { products: [] }, callLimit: { used: 3, capacity: 40 } },
    });
  });

  it("reads Cafe24's error envelope", () => {
    const result = interpretResponse(
      call,
      422,
      json,
      '{"error":{"code":422,"message":"bad limit","more_info":{"a":1}}}',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(ERROR_CODES.invalidRequest);
    expect(result.error.cafe24).toEqual({ code: 422, message: "bad limit", moreInfo: { a: 1 } });
  });

  it("turns a 200 that is not JSON into CAFE24_BAD_RESPONSE", () => {
    const result = interpretResponse(call, 200, new Headers({ "content-type": "text/html" }), "<html>");
    expect(result.ok ? undefined : result.error.code).toBe(ERROR_CODES.badResponse);
  });
});

describe("rate headers", () => {
  it("parses X-Api-Call-Limit and takes the longer Remain", () => {
    expect(readCallLimit(new Headers({ "x-api-call-limit": " 12 / 40 " }))).toEqual({
      used: 12,
      capacity: 40,
    });
    expect(readCallLimit(new Headers({ "x-api-call-limit": "n/a" }))).toBeUndefined();
    const usage = new Headers({ "x-cafe24-call-remain": "32", "x-cafe24-time-remain": "7" });
    expect(readRemainSeconds(usage)).toBe(32);
    expect(readRemainSeconds(new Headers())).toBeUndefined();
  });
});

describe("requestTarget", () => {
  it("puts shop_no in the query of a GET and in the body of a PUT", () => {
    const get = requestTarget("https://m.cafe24api.com", "GET", "products?embed=options", { shopNo: 2 });
    expect(get.url).toBe("https://m.cafe24api.com/api/v2/admin/products?embed=options&shop_no=2");
    expect(get.path).toBe("/api/v2/admin/products");
    const put = requestTarget("https://m.cafe24api.com", "PUT", "/apps", {
      body: { request: {} },
      shopNo: 2,
    });
    expect(JSON.parse(put.body ?? "")).toEqual({ request: {}, shop_no: 2 });
  });
});
