import { describe, expect, it } from "vitest";
import { parseRetryAfter, readRateHeaders, readUsagePercent } from "../../src/http/rate-headers.js";

const REFERENCE = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
const NOW = Date.UTC(2026, 11, 1);

describe("parseRetryAfter", () => {
  it.each([
    ["0", 0],
    ["3", 3000],
    [" 120 ", 120_000],
    ["99999999", 99_999_999_000],
    ["Wed, 21 Oct 2015 07:28:05 GMT", 5000],
    ["Wednesday, 21-Oct-15 07:28:05 GMT", 5000],
    ["Wed Oct 21 07:28:05 2015", 5000],
    ["Wed Oct  1 07:28:00 2015", 0],
    ["Wed, 21 Oct 2015 07:27:00 GMT", 0],
  ])("reads %j as %i ms", (value, ms) => {
    expect(parseRetryAfter(value, REFERENCE)).toBe(ms);
  });

  it.each([
    "",
    "-1",
    "1.5",
    "1e3",
    "0x10",
    "3 seconds",
    "soon",
    "2015-10-21T07:28:05Z",
    "Wed, 21 Oct 2015 07:28:05 +0900",
    "Wed, 32 Foo 2015 07:28:05 GMT",
  ])("refuses %j", (value) => {
    expect(parseRetryAfter(value, REFERENCE)).toBeUndefined();
  });
});

describe("readRateHeaders: what is believed, capped or ignored", () => {
  const read = (headers: Record<string, string>, status = 200) =>
    readRateHeaders(new Headers(headers), status, NOW);

  it.each([
    ["7/40", { used: 7, capacity: 40 }],
    [" 0 / 40 ", { used: 0, capacity: 40 }],
    ["80/40", { used: 80, capacity: 40 }],
    ["1/1000", { used: 1, capacity: 1000 }],
  ])("believes X-Api-Call-Limit: %s", (value, callLimit) => {
    expect(read({ "x-api-call-limit": value })).toEqual({ callLimit, doubtful: [] });
  });

  it.each(["81/40", "1/0", "1/1001", "99999999999/40", "n/a", "-1/40", "1.5/40"])(
    "ignores X-Api-Call-Limit: %s",
    (value) => {
      expect(read({ "x-api-call-limit": value })).toEqual({
        doubtful: [{ name: "x-api-call-limit", value, action: "ignored" }],
      });
    },
  );

  it.each([
    ["32", 32],
    ["7.5", 7.5],
    ["600", 600],
  ])("believes X-Cafe24-Call-Remain: %s", (value, remainSec) => {
    expect(read({ "x-cafe24-call-remain": value })).toEqual({ remainSec, doubtful: [] });
  });

  it.each(["601", "86400"])("lowers X-Cafe24-Time-Remain: %s to one usage window (600 s)", (value) => {
    expect(read({ "x-cafe24-time-remain": value })).toEqual({
      remainSec: 600,
      doubtful: [{ name: "x-cafe24-time-remain", value, action: "capped" }],
    });
  });

  it.each(["86401", "1e308", "-5", "NaN", "Infinity", "", "32s"])(
    "ignores X-Cafe24-Call-Remain: %j",
    (value) => {
      expect(read({ "x-cafe24-call-remain": value })).toEqual({
        doubtful: [{ name: "x-cafe24-call-remain", value, action: "ignored" }],
      });
    },
  );

  it("takes the longer of two believable Remain headers and still reports a broken one", () => {
    expect(read({ "x-cafe24-call-remain": "32", "x-cafe24-time-remain": "1e308" })).toEqual({
      remainSec: 32,
      doubtful: [{ name: "x-cafe24-time-remain", value: "1e308", action: "ignored" }],
    });
  });

  it.each([
    [429, "3", { retryAfterMs: 3000, doubtful: [] }],
    [503, "3", { retryAfterMs: 3000, doubtful: [] }],
    [429, "120", { retryAfterMs: 120_000, doubtful: [] }],
    [
      429,
      "600",
      { retryAfterMs: 120_000, doubtful: [{ name: "retry-after", value: "600", action: "capped" }] },
    ],
    [429, "99999999", { doubtful: [{ name: "retry-after", value: "99999999", action: "ignored" }] }],
    [429, "soon", { doubtful: [{ name: "retry-after", value: "soon", action: "ignored" }] }],
    [200, "3", { doubtful: [] }],
    [500, "3", { doubtful: [] }],
  ])("on a %i reads Retry-After: %s as %j", (status, value, expected) => {
    expect(read({ "retry-after": value }, status)).toEqual(expected);
  });

  it("dates an HTTP-date Retry-After by the local clock when the answer has no Date", () => {
    const inTenSeconds = new Date(NOW + 10_000).toUTCString();
    expect(read({ "retry-after": inTenSeconds }, 429).retryAfterMs).toBe(10_000);
  });

  it("cuts a doubtful value to 40 characters", () => {
    const [doubt] = read({ "x-api-call-limit": `${"9".repeat(100)}/40` }).doubtful;
    expect(doubt?.value).toBe(`${"9".repeat(39)}…`);
  });
});

describe("readUsagePercent", () => {
  it.each([
    ["120.04", 120.04],
    ["0", 0],
    ["1000", 1000],
    ["1001", undefined],
    ["1e308", undefined],
    ["-3", undefined],
    ["80%", undefined],
  ])("reads X-Cafe24-Call-Usage: %s as %s", (value, percent) => {
    expect(readUsagePercent(new Headers({ "x-cafe24-call-usage": value }), "x-cafe24-call-usage")).toBe(
      percent,
    );
  });
});
