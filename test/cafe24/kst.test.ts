import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  formatKstDate,
  formatKstIso,
  formatKstNaive,
  formatKstStamp,
  parseCafe24Time,
  startOfKstDay,
} from "../../src/cafe24/kst.js";

const instant = Date.UTC(2026, 10, 27, 11, 41, 0, 123); // 2026-11-27 20:41:00.123 in Seoul

describe("KST time", () => {
  it("formats an instant the way the token endpoint writes it: Seoul wall clock, no offset", () => {
    expect(formatKstNaive(instant)).toBe("2026-11-27T20:41:00.123");
  });

  it("formats resource dates with +09:00, date-only and report stamps in Seoul", () => {
    expect(formatKstIso(instant)).toBe("2026-11-27T20:41:00+09:00");
    expect(formatKstDate(Date.UTC(2026, 10, 27, 15, 30))).toBe("2026-11-28");
    expect(formatKstStamp(instant)).toBe("20261127_204100");
  });

  it("reads offset-less Cafe24 timestamps as Seoul time", () => {
    expect(parseCafe24Time("2026-11-27T20:41:00.123")).toBe(instant);
    expect(parseCafe24Time("2026-11-27T20:41:00")).toBe(instant - 123);
  });

  it("honours explicit offsets and Z", () => {
    expect(parseCafe24Time("2026-11-27T20:41:00+09:00")).toBe(instant - 123);
    expect(parseCafe24Time("2026-11-27T11:41:00Z")).toBe(instant - 123);
    expect(parseCafe24Time("2026-11-27T03:41:00-08:00")).toBe(instant - 123);
  });

  it("reads the old toolkit's microseconds-plus-fake-.000 format", () => {
    expect(parseCafe24Time("2025-08-05T16:37:10.197740.000")).toBe(Date.UTC(2025, 7, 5, 7, 37, 10, 197));
  });

  it("treats a date alone as midnight in Seoul", () => {
    expect(parseCafe24Time("2026-11-27")).toBe(Date.UTC(2026, 10, 26, 15, 0, 0));
  });

  it.each(["", "tomorrow", "2026-13-01", "2026-02-30T00:00:00", "2026-11-27T25:00:00", "1700000000"])(
    "rejects %j instead of guessing",
    (value) => {
      expect(parseCafe24Time(value)).toBeUndefined();
    },
  );

  it("finds the start of the Seoul day, also just after midnight KST", () => {
    expect(startOfKstDay(instant)).toBe(Date.UTC(2026, 10, 26, 15, 0, 0));
    expect(startOfKstDay(Date.UTC(2026, 10, 26, 15, 0, 1))).toBe(Date.UTC(2026, 10, 26, 15, 0, 0));
  });

  it("gives identical results whatever the host time zone", () => {
    const module = fileURLToPath(new URL("../../dist/cafe24/kst.js", import.meta.url));
    const script = `import(${JSON.stringify(module)}).then((k) => console.log(JSON.stringify([
      k.formatKstNaive(${instant}), k.formatKstIso(${instant}), k.formatKstDate(${instant}), k.startOfKstDay(${instant}),
      k.parseCafe24Time("2026-11-27T20:41:00.000"), k.parseCafe24Time("2025-08-05T16:37:10.197740.000"),
      k.parseCafe24Time("2026-03-08T02:30:00")])))`;
    const outputs = ["UTC", "Asia/Seoul", "America/Los_Angeles"].map((tz) =>
      execFileSync(process.execPath, ["--input-type=module", "-e", script], {
        env: { ...process.env, TZ: tz },
      }).toString(),
    );
    expect(new Set(outputs).size).toBe(1);
    expect(JSON.parse(outputs[0] ?? "[]")[4]).toBe(Date.UTC(2026, 10, 27, 11, 41));
  });
});
