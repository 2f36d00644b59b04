import { describe, expect, it } from "vitest";
import { mallBaseUrl } from "../../src/cafe24/mall-base-url.js";

describe("mallBaseUrl", () => {
  it("puts the mall on Cafe24's own host by default", () => {
    expect(mallBaseUrl("myshop")).toBe("https://myshop.cafe24api.com");
  });

  it("fills a {mall_id} template, such as the emulator's loopback paths", () => {
    expect(
      mallBaseUrl("shop2", {
        baseUrl: "http://127.0.0.1:8724/malls/{mall_id}/",
        allowInsecureLoopback: true,
      }),
    ).toBe("http://127.0.0.1:8724/malls/shop2");
  });

  it("refuses plain http to loopback unless the caller opts in", () => {
    expect(() => mallBaseUrl("shop", { baseUrl: "http://127.0.0.1:8724" })).toThrow(
      expect.objectContaining({ code: "CAFE24_INSECURE_URL" }),
    );
  });

  it("refuses plain http to any other host even with the opt-in", () => {
    expect(() =>
      mallBaseUrl("shop", { baseUrl: "http://{mall_id}.cafe24api.com", allowInsecureLoopback: true }),
    ).toThrow(expect.objectContaining({ code: "CAFE24_INSECURE_URL" }));
  });

  it("rejects mall ids that could change the URL", () => {
    for (const bad of ["", "a/b", "shop.evil.com", "x?y", "한글몰"]) {
      expect(() => mallBaseUrl(bad)).toThrow(expect.objectContaining({ code: "INVALID_OPTIONS" }));
    }
  });
});
