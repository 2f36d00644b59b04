import { describe, expect, it } from "vitest";
import type { Emulator } from "../../src/emulator/emulator.js";
import { Cafe24Client } from "../../src/http/cafe24-client.js";
import type { Cafe24ClientOptions } from "../../src/http/client-options.js";
import { abortError, type Sleep } from "../../src/util/runtime.js";
import { inProcess, LOCAL, localTarget, type TokenJson } from "../helpers/emulator.js";
import { EmulatorTokens } from "./client-fixtures.js";

/**
 * A long sync against the emulator as it starts by default — bucket 40 draining 2/s AND the usage quota of
 * about 3,000 calls and 600 s of processing per 10 minutes, per mall — through Cafe24Client. The client's
 * clock is the emulator's: every pacing wait advances the emulator instead of passing real time.
 */

const MALL = "demomall";
/** The emulator's default seed data (1,000 products, 5,000 orders over 180 days), not the small test set. */
const DEFAULT_DATA = {};

function virtualClient(emulator: Emulator, options: Partial<Cafe24ClientOptions> = {}) {
  const counted = { calls: 0, withUsage: 0, statuses: new Map<number, number>() };
  const sleep: Sleep = async (ms, signal) => {
    if (signal?.aborted) throw abortError(signal);
    emulator.control.advanceClock(Math.max(0, ms));
  };
  const fetchVia = async (input: string | URL | Request, init?: RequestInit) => {
    const response = await emulator.fetch(String(input), init);
    counted.calls += 1;
    counted.statuses.set(response.status, (counted.statuses.get(response.status) ?? 0) + 1);
    if (response.headers.has("x-cafe24-call-usage") && response.headers.has("x-cafe24-time-usage"))
      counted.withUsage += 1;
    return response;
  };
  const tokens = new EmulatorTokens(
    { ...localTarget(emulator), base: `${LOCAL}/malls/${MALL}` },
    () => emulator.control.issueTokens(MALL) as unknown as TokenJson,
  );
  const client = new Cafe24Client({
    mallId: MALL,
    tokens,
    baseUrl: "http://127.0.0.1/malls/{mall_id}",
    allowInsecureLoopback: true,
    fetch: fetchVia as Cafe24ClientOptions["fetch"],
    now: () => emulator.control.now(),
    sleep,
    ...options,
  });
  return { client, counted };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe("a long sync against the default emulator (rate limit and usage quota both on)", () => {
  it("pages through every product and three months of orders in many hundreds of calls: 0 × 429", {
    timeout: 120_000,
  }, async () => {
    const emulator = inProcess({ data: DEFAULT_DATA, clock: { frozen: true } });
    expect(emulator.options.usage).toMatchObject({ enabled: true, callQuota: 3000, windowSec: 600 });
    const { client, counted } = virtualClient(emulator);
    const started = emulator.control.now();

    const products = await collect(client.paginate<{ product_no: number }>("/products", { pageSize: 2 }));
    expect(products).toHaveLength(1000);
    expect(new Set(products.map((p) => p.product_no)).size).toBe(1000);

    const window = { start_date: "2026-08-28", end_date: "2026-11-27" };
    const expected = await client.count("/orders", window);
    const orders = await collect(
      client.paginate<{ order_id: string }>("/orders", { query: window, pageSize: 10 }),
    );
    expect(orders).toHaveLength(expected);
    expect(new Set(orders.map((o) => o.order_id)).size).toBe(expected);

    const calls = counted.calls;
    const seconds = (emulator.control.now() - started) / 1000;
    const stats = emulator.control.stats(MALL);
    console.log(
      `long sync: ${calls} calls in ${seconds.toFixed(1)} virtual s; usage now ${stats.usage.callUsage} % calls, ` +
        `${stats.usage.timeUsage} % time`,
    );
    expect(calls).toBeGreaterThan(700);
    expect(counted.statuses.get(429) ?? 0).toBe(0);
    expect(stats.responses["429"] ?? 0).toBe(0);
    expect(counted.withUsage).toBe(calls);
    expect(stats.usage.callUsage).toBeGreaterThan(0);
  });

  it("stays under the usage quota when the bucket is no longer the limit: waits out -Remain on a 200, 0 × 429", {
    timeout: 120_000,
  }, async () => {
    // The bucket drains 20/s (the client is told so), so only the 3,000-call quota can stop the sync: it is
    // reached after about 4,000 calls, then the mall allows about 5 calls a second.
    const emulator = inProcess({
      data: DEFAULT_DATA,
      clock: { frozen: true },
      rateLimit: { capacity: 40, drainPerSec: 20 },
    });
    const { client, counted } = virtualClient(emulator, { pacing: { drainPerSec: 20, maxPerSec: 80 } });
    const started = emulator.control.now();
    let items = 0;
    for (let round = 0; round < 5; round++) {
      items += (await collect(client.paginate("/products", { pageSize: 1 }))).length;
    }
    const seconds = (emulator.control.now() - started) / 1000;
    const stats = emulator.control.stats(MALL);
    console.log(
      `usage-bound sync: ${counted.calls} calls in ${seconds.toFixed(1)} virtual s; ` +
        `usage now ${stats.usage.callUsage} %`,
    );
    expect(items).toBe(5000);
    expect(counted.calls).toBeGreaterThan(4500);
    expect(counted.statuses.get(429) ?? 0).toBe(0);
    // The quota, not the bucket, set the pace: well over the 5000 / 20 = 250 s the bucket alone needs.
    expect(seconds).toBeGreaterThan(300);
  });
});
