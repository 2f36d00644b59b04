import { describe, expect, it } from "vitest";
import { toTokenSet } from "../../src/cafe24/token-response.js";
import { PROBES } from "../../src/conformance/probes.js";
import { recordingSchema } from "../../src/conformance/recording.js";
import { MIN_PACE_MS, runConformance } from "../../src/conformance/run-conformance.js";
import { MemoryTokenStore } from "../../src/store/memory-token-store.js";
import {
  adminGet,
  HOUR,
  httpTarget,
  launch,
  obtainTokens,
  refreshGrant,
  secretOf,
} from "../helpers/emulator.js";
import { OBSERVED, recordEmulator, SENTINEL_MALL, seedDataOf, stringsIn } from "./conformance-kit.js";

describe("conformance run against the emulator", () => {
  it("records one answer per probe, schema-valid, with statuses, header formats and body shapes", async () => {
    const { recording } = await recordEmulator(OBSERVED);
    expect(recordingSchema.parse(recording)).toEqual(recording);
    expect(recording.complete).toBe(true);
    expect(recording.target).toEqual({ kind: "emulator", host: "http://127.0.0.1:{port}/malls/{mall_id}" });
    expect(recording.recordedAt).toBe("2026-11-27T20:41:00+09:00");
    expect(recording.probes.map((p) => p.id)).toEqual(PROBES.map((p) => p.id));
    const byId = new Map(recording.probes.map((p) => [p.id, p]));
    const store = byId.get("store");
    expect(store?.status).toBe(200);
    expect(store?.headers).toMatchObject({
      "x-api-call-limit": "n/n",
      date: "http-date",
      "content-type": "media:application/json",
      "x-cafe24-call-usage": "decimal",
    });
    const products = byId.get("products.limit-1")?.body;
    expect(products?.type).toBe("object");
    const list = products?.type === "object" ? products.keys.products : undefined;
    const item = list?.type === "array" ? list.items : null;
    expect(item?.type === "object" && item.keys.created_date).toEqual({
      type: "string",
      format: "YYYY-MM-DDTHH:mm:ss+09:00",
    });
    expect(item?.type === "object" && item.keys.product_no).toEqual({ type: "integer" });
    expect(byId.get("path.unknown")).toMatchObject({
      status: 404,
      error: { code: 404, message: "No API found." },
    });
    expect(byId.get("token.wrong-secret")).toMatchObject({
      status: 401,
      error: { code: "invalid_grant", message: "Invalid client_secret" },
    });
  });

  it("holds no value of the mall: no seed string, token, secret, mall id or shop name appears in the file", async () => {
    const { recording, running, token, secret } = await recordEmulator(OBSERVED);
    const seed = seedDataOf(running);
    // The regenerated seed is the one the emulator serves (same shop, same first product).
    const target = httpTarget(running);
    const served = (await (await adminGet(target, "/products?limit=1", token.access_token)).json()) as {
      products: { product_name: string }[];
    };
    expect((seed as { products: { product_name: string }[] }).products[0]?.product_name).toBe(
      served.products[0]?.product_name,
    );
    const text = JSON.stringify(recording);
    const sentinels = [
      ...stringsIn(seed),
      token.access_token,
      token.refresh_token,
      secret,
      target.mall.clientId,
      SENTINEL_MALL.mallId,
      SENTINEL_MALL.shopName,
      SENTINEL_MALL.userId,
      SENTINEL_MALL.app.redirectUri,
    ].filter((value) => value.length >= 4 && !/^[\d.\-:T+ ]+$/.test(value) && !FORMAT_WORDS.has(value));
    expect(sentinels.length).toBeGreaterThan(100);
    expect(sentinels.filter((value) => text.includes(value))).toEqual([]);
  });

  it("only reads: GETs under /admin, failing grants at /oauth/token, fewer than 60 calls, 600 ms apart", async () => {
    const running = await launch({ autoApprove: true, ...OBSERVED });
    const target = httpTarget(running);
    const token = await obtainTokens(target);
    const store = new MemoryTokenStore({ now: () => running.control.now() });
    await store.compareAndSet(target.mall.mallId, undefined, toTokenSet(token, target.mall.mallId));
    const calls: string[] = [];
    const pauses: number[] = [];
    const outcome = await runConformance({
      target: {
        mallId: target.mall.mallId,
        clientId: target.mall.clientId,
        clientSecret: secretOf(target.mall),
        baseUrl: running.baseUrlTemplate,
        allowInsecureLoopback: true,
      },
      store,
      now: () => running.control.now(),
      fetch: async (input, init) => {
        calls.push(`${init?.method ?? "GET"} ${new URL(String(input)).pathname}`);
        return fetch(input, init);
      },
      sleep: async (ms) => {
        pauses.push(ms);
      },
    });
    expect(outcome.kind).toBe("recorded");
    expect(calls.length).toBe(PROBES.length);
    expect(calls.length).toBeLessThan(60);
    for (const call of calls)
      expect(call).toMatch(/^(GET \/malls\/\w+\/api\/v2\/admin\/|POST \/malls\/\w+\/api\/v2\/oauth\/token$)/);
    expect(pauses).toEqual(Array(PROBES.length - 1).fill(MIN_PACE_MS));
    // Nothing rotated: the stored token is untouched and its refresh token still works.
    expect((await store.get(target.mall.mallId))?.token.accessToken).toBe(token.access_token);
    expect((await refreshGrant(target, token.refresh_token)).status).toBe(200);
  });

  it("refuses an expired access token without a single call, and never refreshes it", async () => {
    const running = await launch({ autoApprove: true, ...OBSERVED });
    const target = httpTarget(running);
    const token = await obtainTokens(target);
    const store = new MemoryTokenStore({ now: () => running.control.now() });
    await store.compareAndSet(target.mall.mallId, undefined, toTokenSet(token, target.mall.mallId));
    running.control.advanceClock(2 * HOUR);
    let calls = 0;
    const outcome = await runConformance({
      target: {
        mallId: target.mall.mallId,
        clientId: target.mall.clientId,
        clientSecret: secretOf(target.mall),
        baseUrl: running.baseUrlTemplate,
        allowInsecureLoopback: true,
      },
      store,
      now: () => running.control.now(),
      fetch: async () => {
        calls += 1;
        throw new Error("no call expected");
      },
      sleep: async () => {},
    });
    expect(outcome.kind).toBe("token-expired");
    expect(calls).toBe(0);
    expect((await store.get(target.mall.mallId))?.token.refreshToken).toBe(token.refresh_token);
  });

  it("says there is no token when the store holds none", async () => {
    const running = await launch({ autoApprove: true, ...OBSERVED });
    const mall = httpTarget(running).mall;
    const outcome = await runConformance({
      target: {
        mallId: mall.mallId,
        clientId: mall.clientId,
        clientSecret: secretOf(mall),
        baseUrl: running.baseUrlTemplate,
        allowInsecureLoopback: true,
      },
      store: new MemoryTokenStore(),
      sleep: async () => {},
    });
    expect(outcome).toEqual({ kind: "no-token" });
  });

  it("stops at the first 429 and marks the recording incomplete", async () => {
    // A bucket of 12 on a frozen clock never drains: the 13th Admin call is refused.
    const { recording } = await recordEmulator({
      ...OBSERVED,
      rateLimit: { enabled: true, capacity: 12, drainPerSec: 2 },
    });
    expect(recording.complete).toBe(false);
    expect(recording.probes.at(-1)?.status).toBe(429);
    expect(recording.probes.filter((p) => p.status === 429)).toHaveLength(1);
    expect(recording.probes.length).toBeLessThan(PROBES.length);
  });

  it("keeps at least 600 ms between calls to Cafe24 whatever pace is asked", async () => {
    const store = new MemoryTokenStore({ now: () => 0 });
    await store.compareAndSet("somemall", undefined, {
      mallId: "somemall",
      accessToken: "at-not-real-000000000000",
      accessTokenExpiresAt: 10 * HOUR,
      refreshToken: "rt-not-real-000000000000",
      refreshTokenExpiresAt: null,
      scopes: [],
      issuedAt: null,
    });
    const pauses: number[] = [];
    const outcome = await runConformance({
      target: { mallId: "somemall", clientId: "client-not-real", clientSecret: "secret-not-real" },
      store,
      now: () => 0,
      paceMs: 0,
      fetch: async () =>
        new Response(JSON.stringify({ error: { code: 401, message: "Invalid access_token" } }), {
          status: 401,
        }),
      sleep: async (ms) => {
        pauses.push(ms);
      },
    });
    expect(outcome.kind === "recorded" && outcome.recording.target).toEqual({
      kind: "cafe24",
      host: "https://{mall_id}.cafe24api.com",
    });
    expect(Math.min(...pauses)).toBe(MIN_PACE_MS);
  });
});

/**
 * Seed strings that are also words of the recording's own vocabulary: the store's date-format setting spells
 * the date pattern the recording uses for formats, and every X-Cafe24-* header name holds the vendor's name.
 */
const FORMAT_WORDS = new Set<string>(["YYYY-MM-DD", "cafe24"]);
