import { describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/server.js";
import type { Cafe24Client } from "../../src/http/cafe24-client.js";
import { clientFor, MALL, startMall, tokensFor, virtualTime } from "./client-fixtures.js";

const CAPACITY = 40;

/** Sends `total` GETs, `concurrency` at a time; returns the statuses and the highest bucket level answered. */
async function run(client: Cafe24Client, total: number, concurrency: number) {
  let next = 0;
  let maxUsed = 0;
  const statuses: number[] = [];
  const worker = async () => {
    while (next < total) {
      next += 1;
      const response = await client.get("/products", { query: { limit: 1 } });
      statuses.push(response.status);
      maxUsed = Math.max(maxUsed, response.callLimit?.used ?? 0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { statuses, maxUsed };
}

function expectNo429(running: RunningEmulator, total: number) {
  const { responses } = running.control.stats(MALL);
  expect(responses["429"] ?? 0).toBe(0);
  expect(responses["200"]).toBe(total);
}

/** Lower bound for `total` calls starting with an empty bucket: full spacing until the bucket is full, then the drain. */
function theoreticalMinMs(total: number, capacity: number, drainPerSec: number, maxPerSec: number): number {
  const fillSec = capacity / (maxPerSec - drainPerSec);
  const burst = Math.min(total, fillSec * maxPerSec);
  return (burst / maxPerSec + (total - burst) / drainPerSec) * 1000;
}

describe("pacing at Cafe24's real rates, on the emulator's clock (bucket 40, drain 2/s, 8/s spacing)", () => {
  /**
   * One call at a time: a call's flight takes no time on this clock only when no other caller advances it
   * meanwhile. Concurrency is covered in real time below.
   */
  async function virtualRun(total: number) {
    const running = await startMall({ clock: { frozen: true } });
    const time = virtualTime(running);
    const client = clientFor(running, tokensFor(running), { now: time.now, sleep: time.sleep });
    const started = time.now();
    const result = await run(client, total, 1);
    return { running, result, elapsedMs: time.now() - started };
  }

  it("sends 500 GETs without a single 429, within 5% of the theoretical minimum", async () => {
    const { running, result, elapsedMs } = await virtualRun(500);
    expectNo429(running, 500);
    expect(result.maxUsed).toBeLessThanOrEqual(CAPACITY - 2);
    const floor = theoreticalMinMs(500, CAPACITY, 2, 8);
    const issueFormula = (40 / 8 + 460 / 2) * 1000;
    console.log(
      `virtual 500 GETs: ${(elapsedMs / 1000).toFixed(2)} s; floor ${(floor / 1000).toFixed(2)} s; ` +
        `"first 40 at 8/s, rest at 2/s" ${(issueFormula / 1000).toFixed(2)} s`,
    );
    expect(elapsedMs).toBeLessThanOrEqual(floor * 1.05);
  });

  it("finishes a 40-call burst at the spacing limit, not at the drain rate", async () => {
    const { running, elapsedMs } = await virtualRun(40);
    expectNo429(running, 40);
    // 39 gaps of 125 ms; the drain rate alone would need 20 s.
    expect(elapsedMs).toBeLessThanOrEqual(39 * 125 + 1);
  });
});

describe("pacing in real time against bucket 40 draining 20/s, the client configured to match", () => {
  async function realRun(total: number, concurrency: number) {
    const running = await startMall();
    running.control.setRateLimit(MALL, { capacity: CAPACITY, drainPerSec: 20 });
    const client = clientFor(running, tokensFor(running), { pacing: { drainPerSec: 20, maxPerSec: 80 } });
    const started = performance.now();
    const result = await run(client, total, concurrency);
    const seconds = (performance.now() - started) / 1000;
    const floor = theoreticalMinMs(total, CAPACITY, 20, 80) / 1000;
    console.log(
      `real time, ${total} GETs, ${concurrency} at a time: ${seconds.toFixed(2)} s (floor ${floor.toFixed(2)} s, ` +
        `ratio ${(seconds / floor).toFixed(3)}), highest bucket level answered ${result.maxUsed}/${CAPACITY}`,
    );
    expectNo429(running, total);
    // The model is never below the server's level, so the bucket never filled past the headroom.
    expect(result.maxUsed).toBeLessThanOrEqual(CAPACITY - 2);
    expect(result.statuses.every((s) => s === 200)).toBe(true);
  }

  it("500 GETs issued at once: 0 × 429", { timeout: 60_000 }, () => realRun(500, 500));

  it("200 GETs one after another: 0 × 429", { timeout: 30_000 }, () => realRun(200, 1));

  it("200 GETs, 20 at a time: 0 × 429", { timeout: 30_000 }, () => realRun(200, 20));
});
