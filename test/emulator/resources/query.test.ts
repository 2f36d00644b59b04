import { describe, expect, it } from "vitest";
import {
  addKstMonths,
  dateParam,
  dateRangeParams,
  intParam,
  listParam,
  pagingParams,
} from "../../../src/emulator/admin/query.js";
import { Cafe24ApiError } from "../../../src/emulator/http/cafe24-error.js";

const q = (s: string) => new URLSearchParams(s);
const failure = (fn: () => unknown): Cafe24ApiError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof Cafe24ApiError) return error;
    throw error;
  }
  throw new Error("expected a Cafe24ApiError");
};

describe("query parameter rules", () => {
  it("names the parameter and its allowed range in 422 messages", () => {
    const error = failure(() => intParam(q("limit=500"), "limit", { min: 1, max: 100 }));
    expect(error.status).toBe(422);
    expect(error.message).toBe("limit must be between 1 and 100 (got 500).");
  });

  it.each(["1e2", "+5", " 5", "5.0", "", "0x10"])("refuses the non-integer %j", (value) => {
    expect(failure(() => intParam(q(`n=${encodeURIComponent(value)}`), "n", { min: 0 })).status).toBe(422);
  });

  it("uses the rule's defaults when limit and offset are absent", () => {
    expect(pagingParams(q(""), { defaultLimit: 30, maxLimit: 1000, maxOffset: 8000 })).toEqual({
      limit: 30,
      offset: 0,
    });
  });

  it("reads date-only values as KST midnight and a date-only end as the whole day", () => {
    expect(dateParam(q("d=2026-11-27"), "d", "start")).toBe(Date.parse("2026-11-27T00:00:00+09:00"));
    expect(dateParam(q("d=2026-11-27"), "d", "end")).toBe(Date.parse("2026-11-28T00:00:00+09:00"));
    expect(dateParam(q("d=2026-11-27T10:00:00%2B09:00"), "d", "start")).toBe(
      Date.parse("2026-11-27T01:00:00Z"),
    );
  });

  it.each(["2026-11-27T10:00:00", "2026/11/27", "2026-02-30", "yesterday"])(
    "refuses the date %j",
    (value) => {
      expect(failure(() => dateParam(q(`d=${encodeURIComponent(value)}`), "d", "start")).message).toMatch(
        /^d must be a date/,
      );
    },
  );

  it("refuses a range whose end precedes its start", () => {
    const error = failure(() => dateRangeParams(q("s=2026-11-27&e=2026-11-26"), "s", "e"));
    expect(error.message).toMatch(/e must not be earlier than s/);
  });

  it("refuses list values with spaces or empty items", () => {
    expect(failure(() => listParam(q("a=1,,2"), "a")).status).toBe(422);
    expect(failure(() => listParam(q("a=1,%202"), "a")).status).toBe(422);
    expect(listParam(q("a=1,2"), "a")).toEqual(["1", "2"]);
  });

  it("adds calendar months on the KST calendar, clamping to month ends", () => {
    const at = (iso: string) => Date.parse(iso);
    expect(addKstMonths(at("2026-01-31T00:00:00+09:00"), 1)).toBe(at("2026-02-28T00:00:00+09:00"));
    expect(addKstMonths(at("2026-11-01T00:00:00+09:00"), 3)).toBe(at("2027-02-01T00:00:00+09:00"));
  });
});
