import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import { Cafe24HttpError } from "../../src/http/cafe24-http-error.js";
import type { Logger } from "../../src/util/runtime.js";
import { clientFor, MALL, startMall, tokensFor } from "./client-fixtures.js";

function recordingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const log = (fields: Record<string, unknown>, message: string) =>
    lines.push(`${message} ${JSON.stringify(fields)}`);
  return { lines, logger: { debug: log, info: log, warn: log, error: log } };
}

describe("401", () => {
  it("refreshes once and retries once when the access token expired", async () => {
    const running = await startMall();
    const tokens = tokensFor(running);
    const client = clientFor(running, tokens);
    running.control.expireTokens(MALL, "access");
    const response = await client.get("/products");
    expect(response.status).toBe(200);
    const stats = running.control.stats(MALL);
    expect(tokens.refreshes).toBe(1);
    expect(stats.grants.refresh_token).toBe(1);
    expect(stats.routes["GET /api/v2/admin/products"]).toBe(2);
    // The other 200 is the token endpoint's answer to the refresh.
    expect(stats.responses).toEqual({ 200: 2, 401: 1 });
  });

  it("gives up with CAFE24_UNAUTHORIZED after exactly one refresh when Cafe24 keeps refusing", async () => {
    // A token of another mall: refreshing works (at that mall) and the new token is refused again.
    const running = await startMall({ malls: [{ mallId: MALL }, { mallId: "othermall" }] });
    const tokens = tokensFor(running, "othermall");
    const { logger, lines } = recordingLogger();
    const client = clientFor(running, tokens, { logger });
    const firstToken = tokens.accessToken;
    const error = await client.get("/products").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Cafe24HttpError);
    expect((error as Cafe24HttpError).code).toBe(ERROR_CODES.unauthorized);
    expect(tokens.refreshes).toBe(1);
    expect(running.control.stats("othermall").grants.refresh_token).toBe(1);
    expect(running.control.stats(MALL).responses).toEqual({ 401: 2 });

    const exposed = [
      (error as Error).message,
      JSON.stringify(error),
      JSON.stringify(Object.values(error as object)),
      ...lines,
    ].join("\n");
    for (const secret of [firstToken, tokens.accessToken]) expect(exposed).not.toContain(secret);
    expect(lines.length).toBeGreaterThan(0);
  });
});

describe("403", () => {
  it("names the missing scope and the re-consent step, without retrying", async () => {
    const running = await startMall();
    const client = clientFor(running, tokensFor(running, MALL, ["mall.read_product"]));
    const error = await client
      .get("/orders", { query: { start_date: "2026-11-01", end_date: "2026-11-27" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Cafe24HttpError);
    const forbidden = error as Cafe24HttpError;
    expect(forbidden.code).toBe(ERROR_CODES.forbidden);
    expect(forbidden.status).toBe(403);
    expect(forbidden.requiredScope).toBe("mall.read_order");
    expect(forbidden.message).toContain("mall.read_order");
    expect(forbidden.message).toMatch(/authorize the app again/);
    expect(forbidden.cafe24?.message).toBe("No authority to access");
    expect(running.control.stats(MALL).routes["GET /api/v2/admin/orders"]).toBe(1);
  });
});

describe("what every call sends", () => {
  it("sends the Bearer token, JSON content type, the pinned API version and shop_no", async () => {
    const running = await startMall();
    const seen: { url: string; headers: Headers; body: unknown }[] = [];
    const tokens = tokensFor(running);
    const client = clientFor(running, tokens, {
      apiVersion: "2025-12-01",
      fetch: (input, init) => {
        seen.push({ url: String(input), headers: new Headers(init?.headers), body: init?.body });
        return fetch(input, init);
      },
    });
    await client.get("/api/v2/admin/products", { query: { product_no: [1, 2] }, shopNo: 1 });
    await client.post("/products", { body: { request: { product_name: "이름", price: "10" } }, shopNo: 1 });
    const [get, post] = seen;
    expect(get?.url).toMatch(/\/malls\/demomall\/api\/v2\/admin\/products\?product_no=1%2C2&shop_no=1$/);
    expect(get?.headers.get("authorization")).toBe(`Bearer ${tokens.accessToken}`);
    expect(get?.headers.get("content-type")).toBe("application/json");
    expect(get?.headers.get("x-cafe24-api-version")).toBe("2025-12-01");
    expect(post?.url).toMatch(/\/api\/v2\/admin\/products$/);
    expect(JSON.parse(String(post?.body))).toEqual({
      shop_no: 1,
      request: { product_name: "이름", price: "10" },
    });
    expect(running.control.stats(MALL).responses).toEqual({ 200: 1, 201: 1 });
  });

  it("refuses plain http to the emulator unless allowed, before any call", () => {
    expect(() =>
      clientFor({ baseUrlTemplate: "http://127.0.0.1:9/malls/{mall_id}" } as never, tokensStub, {
        allowInsecureLoopback: false,
      }),
    ).toThrow(expect.objectContaining({ code: ERROR_CODES.insecureUrl }));
  });
});

const tokensStub = {
  getAccessToken: async () => "unused",
  handleUnauthorized: async () => "unused",
};
