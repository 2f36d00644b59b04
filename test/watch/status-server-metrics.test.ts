import { register } from "prom-client";
import { afterEach, describe, expect, it } from "vitest";
import {
  type RunningStatusServer,
  startStatusServer,
} from "../../src/watch/status-server/start-status-server.js";
import { fakeSource, healthyMall, NOW, reauthMall, snapshotOf } from "./fake-watch-source.js";

let servers: RunningStatusServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

interface Scrape {
  types: Map<string, string>;
  /** `name{mall="x"}` → value */
  samples: Map<string, number>;
}

/** Just enough of the Prometheus text format to check names, types, labels and values. */
function parse(text: string): Scrape {
  const types = new Map<string, string>();
  const samples = new Map<string, number>();
  for (const line of text.split("\n")) {
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type?.[1] && type[2]) types.set(type[1], type[2]);
    const sample = /^([a-zA-Z_:][\w:]*(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (sample?.[1] && sample[2]) samples.set(sample[1], Number(sample[2]));
  }
  return { types, samples };
}

async function scrape(malls = [healthyMall(), reauthMall()]) {
  const server = await startStatusServer({
    source: fakeSource(snapshotOf(malls)),
    lang: "en",
    now: () => NOW,
  });
  servers.push(server);
  const res = await fetch(`${server.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return parse(await res.text());
}

describe("/metrics", () => {
  it("exposes the manager's counts as counters and the per-mall states as gauges", async () => {
    const { types } = await scrape();
    expect(Object.fromEntries(types)).toEqual({
      cafe24_doctor_refreshes_total: "counter",
      cafe24_doctor_refresh_failures_total: "counter",
      cafe24_doctor_api_calls_total: "counter",
      cafe24_doctor_rate_limited_total: "counter",
      cafe24_doctor_access_token_expires_in_seconds: "gauge",
      cafe24_doctor_refresh_token_expires_in_seconds: "gauge",
      cafe24_doctor_mall_needs_reauth: "gauge",
      cafe24_doctor_mall_app_removed: "gauge",
    });
  });

  it("labels every value by mall, with 0 for a mall the manager has not counted yet", async () => {
    const { samples } = await scrape();
    expect(Object.fromEntries(samples)).toEqual({
      'cafe24_doctor_refreshes_total{mall="shop1"}': 12,
      'cafe24_doctor_refreshes_total{mall="shop2"}': 3,
      'cafe24_doctor_refresh_failures_total{mall="shop1"}': 0,
      'cafe24_doctor_refresh_failures_total{mall="shop2"}': 1,
      'cafe24_doctor_api_calls_total{mall="shop1"}': 340,
      'cafe24_doctor_api_calls_total{mall="shop2"}': 20,
      'cafe24_doctor_rate_limited_total{mall="shop1"}': 2,
      'cafe24_doctor_rate_limited_total{mall="shop2"}': 0,
      'cafe24_doctor_access_token_expires_in_seconds{mall="shop1"}': 3600 + 32 * 60 + 5,
      'cafe24_doctor_access_token_expires_in_seconds{mall="shop2"}': -600,
      'cafe24_doctor_refresh_token_expires_in_seconds{mall="shop1"}': 13 * 86_400 + 4 * 3600 + 5 * 60 + 9,
      'cafe24_doctor_refresh_token_expires_in_seconds{mall="shop2"}': -3600,
      'cafe24_doctor_mall_needs_reauth{mall="shop1"}': 0,
      'cafe24_doctor_mall_needs_reauth{mall="shop2"}': 1,
    });
  });

  it("computes the gauges at scrape time and drops a mall that left the snapshot", async () => {
    const source = fakeSource(snapshotOf([healthyMall(), reauthMall()]));
    let now = NOW;
    const server = await startStatusServer({ source, lang: "en", now: () => now });
    servers.push(server);
    await fetch(`${server.url}/metrics`);
    now += 65_000;
    const counters = { refreshes: { shop1: 13 }, refreshFailures: {}, apiCalls: {}, rateLimited: {} };
    source.set({ ...snapshotOf([healthyMall()]), counters });
    const { samples } = parse(await (await fetch(`${server.url}/metrics`)).text());
    expect(samples.get('cafe24_doctor_access_token_expires_in_seconds{mall="shop1"}')).toBe(
      3600 + 32 * 60 + 5 - 65,
    );
    expect(samples.get('cafe24_doctor_refreshes_total{mall="shop1"}')).toBe(13);
    expect([...samples.keys()].filter((k) => k.includes("shop2"))).toEqual([]);
  });

  it("leaves the expiry gauges out for a mall with no token instead of inventing a number", async () => {
    const noToken = { ...healthyMall("shop4"), state: "no-token" as const };
    const { samples } = await scrape([
      { ...noToken, accessTokenExpiresAt: null, refreshTokenExpiresAt: null },
    ]);
    expect(samples.has('cafe24_doctor_access_token_expires_in_seconds{mall="shop4"}')).toBe(false);
    expect(samples.get('cafe24_doctor_mall_needs_reauth{mall="shop4"}')).toBe(1);
  });

  it("keeps a registry per server: two servers coexist and prom-client's global registry stays empty", async () => {
    await scrape();
    await scrape();
    expect(register.getMetricsAsArray()).toEqual([]);
  });
});
