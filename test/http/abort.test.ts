import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import { clientFor, MALL, startMall, tokensFor } from "./client-fixtures.js";

/** A signal that fires shortly after the call started waiting. */
function abortSoon(ms = 30): AbortSignal {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), ms);
  return controller.signal;
}

describe("cancellation", () => {
  it("cancels a pacing wait, and the calls queued behind it still go out", async () => {
    const running = await startMall();
    // One send per 20 s: the second call would wait that long for its slot.
    const client = clientFor(running, tokensFor(running), { pacing: { maxPerSec: 0.05 } });
    await client.get("/products");
    const waiting = client.get("/products", { signal: abortSoon() });
    await expect(waiting).rejects.toMatchObject({ code: ERROR_CODES.aborted });
    expect(running.control.stats(MALL).requests.GET).toBe(1);
  });

  it("cancels a caller still queued behind another caller's wait", async () => {
    const running = await startMall();
    const client = clientFor(running, tokensFor(running), { pacing: { maxPerSec: 0.05 } });
    await client.get("/products");
    const head = new AbortController();
    const first = client.get("/products", { signal: head.signal });
    const queued = client.get("/products", { signal: abortSoon() });
    await expect(queued).rejects.toMatchObject({ code: ERROR_CODES.aborted });
    head.abort();
    await expect(first).rejects.toMatchObject({ code: ERROR_CODES.aborted });
    expect(running.control.stats(MALL).requests.GET).toBe(1);
  });

  it("cancels a backoff wait between retries", async () => {
    const running = await startMall();
    running.control.setFaults([{ kind: "status", status: 503 }]);
    // A backoff of about 59 s after the first 503.
    const client = clientFor(running, tokensFor(running), {
      random: () => 0.99,
      retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 },
    });
    await expect(client.get("/products", { signal: abortSoon() })).rejects.toMatchObject({
      code: ERROR_CODES.aborted,
    });
    expect(running.control.stats(MALL).requests.GET).toBe(1);
  });

  it("stops an attempt that outlives timeoutMs with CAFE24_TIMEOUT, retrying GETs", async () => {
    const running = await startMall();
    running.control.setFaults([{ kind: "latency", latencyMs: [2_000, 2_000] }]);
    const client = clientFor(running, tokensFor(running), {
      timeoutMs: 50,
      retry: { maxRetries: 1, baseDelayMs: 1 },
    });
    await expect(client.get("/products")).rejects.toMatchObject({ code: ERROR_CODES.timeout });
    expect(running.control.stats(MALL).requests.GET).toBe(2);
  });
});
