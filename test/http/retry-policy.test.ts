import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import { Cafe24HttpError } from "../../src/http/cafe24-http-error.js";
import { backoffDelay, DEFAULT_RETRY, decideRetry } from "../../src/http/retry-policy.js";

const fresh = { refreshed: false, retries: 0, rateLimitWaits: 0 };
const answered = (status: number) => ({
  error: new Cafe24HttpError({ status, method: "GET", path: "/x" }),
  sent: true,
});
const dropped = (sent: boolean) => ({
  error: new Cafe24HttpError({ method: "POST", path: "/x", code: ERROR_CODES.network }),
  sent,
});
const decide = (method: string, failure: ReturnType<typeof answered>, history = fresh) =>
  decideRetry(method, failure, history, DEFAULT_RETRY, () => 0.5).action;

describe("decideRetry", () => {
  it.each([400, 403, 404, 409, 422])("never retries %i", (status) => {
    expect(decide("GET", answered(status))).toBe("fail");
  });

  it.each([500, 502, 503, 504, 408])("backs off after %i for GET, PUT and DELETE but not POST", (status) => {
    for (const method of ["GET", "PUT", "DELETE"]) expect(decide(method, answered(status))).toBe("backoff");
    expect(decide("POST", answered(status))).toBe("fail");
  });

  it("refreshes after the first 401 only", () => {
    expect(decide("POST", answered(401))).toBe("refresh");
    expect(decide("POST", answered(401), { ...fresh, refreshed: true })).toBe("fail");
  });

  it("paces 429s for every method without spending retries, up to maxRateLimitWaits", () => {
    expect(decide("POST", answered(429), { ...fresh, retries: 3 })).toBe("pace");
    expect(decide("GET", answered(429), { ...fresh, rateLimitWaits: 10 })).toBe("fail");
  });

  it("re-sends a POST only when the connection failed before anything was sent", () => {
    expect(decide("POST", dropped(false))).toBe("backoff");
    expect(decide("POST", dropped(true))).toBe("fail");
  });

  it("stops after maxRetries", () => {
    expect(decide("GET", answered(503), { ...fresh, retries: 3 })).toBe("fail");
  });

  it("never retries an answer it could not read (CAFE24_BAD_RESPONSE), whatever its status", () => {
    for (const status of [200, 429, 503]) {
      const failure = {
        error: new Cafe24HttpError({ status, method: "GET", path: "/x", code: ERROR_CODES.badResponse }),
        sent: true,
      };
      expect(decide("GET", failure)).toBe("fail");
    }
  });

  it("waits at least a 503's Retry-After instead of the jitter, and the jitter when it is longer", () => {
    const withRetryAfter = (retryAfterMs: number) => ({ ...answered(503), retryAfterMs });
    expect(decideRetry("GET", withRetryAfter(2000), fresh, DEFAULT_RETRY, () => 0)).toEqual({
      action: "backoff",
      delayMs: 2000,
    });
    expect(decideRetry("GET", withRetryAfter(10), fresh, DEFAULT_RETRY, () => 0.5)).toEqual({
      action: "backoff",
      delayMs: 250,
    });
    expect(decide("POST", withRetryAfter(2000))).toBe("fail");
  });

  it("draws full-jitter delays below a doubling ceiling capped at maxDelayMs", () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([0, 1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 0.999))).toEqual([
      99, 199, 399, 799, 999,
    ]);
    expect(backoffDelay(2, policy, () => 0)).toBe(0);
  });
});
