import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import {
  ApiVersionCalendar,
  CAFE24_API_VERSIONS,
  kstDayStart,
} from "../../src/cafe24/api-version-calendar.js";
import { formatKstDate, formatKstIso } from "../../src/cafe24/kst.js";
import { DEFAULT_API_VERSIONS, VersionTable } from "../../src/emulator/versions.js";

const calendar = new ApiVersionCalendar();
const at = (iso: string) => Date.parse(iso);

describe("Cafe24's API version calendar", () => {
  it("names every version by its release day, oldest first, 2026-09-01 the newest", () => {
    expect(CAFE24_API_VERSIONS.every((v) => v.version === v.releasedAt)).toBe(true);
    expect(calendar.latest).toBe("2026-09-01");
  });

  it("ends a version one year after the next version's release, at 00:00 KST", () => {
    const end = calendar.endOfSupport("2025-06-01");
    expect(end === null || end === undefined ? end : formatKstIso(end)).toBe("2026-09-01T00:00:00+09:00");
    expect(calendar.endOfSupport("2026-09-01")).toBeNull();
    expect(calendar.endOfSupport("2024-03-01")).toBeUndefined();
  });

  it("says an expired version is served as the oldest version still live", () => {
    expect(calendar.standing("2025-06-01", at("2026-11-27T11:41:00Z"))).toEqual({
      kind: "expired",
      version: "2025-06-01",
      endedAt: at("2026-08-31T15:00:00Z"),
      servedAs: "2025-09-01",
    });
    expect(calendar.standing("2026-09-01", at("2026-11-27T11:41:00Z"))).toEqual({
      kind: "live",
      version: "2026-09-01",
      endsAt: null,
    });
    expect(calendar.standing("2099-01-01", 0)).toEqual({ kind: "unknown", version: "2099-01-01" });
  });

  it("expires at the KST midnight, not the UTC one", () => {
    const kstMidnight = at("2026-08-31T15:00:00Z");
    expect(calendar.standing("2025-06-01", kstMidnight - 1).kind).toBe("live");
    expect(calendar.standing("2025-06-01", kstMidnight).kind).toBe("expired");
  });

  it("lets updates correct a date or add a version, and an explicit end of support wins", () => {
    const updated = new ApiVersionCalendar(CAFE24_API_VERSIONS, [
      { version: "2026-12-01", releasedAt: "2026-12-01" },
      { version: "2026-03-01", releasedAt: "2026-03-01", endOfSupport: "2026-12-15" },
    ]);
    expect(updated.latest).toBe("2026-12-01");
    expect(updated.endOfSupport("2026-09-01")).toBe(kstDayStart("2027-12-01"));
    expect(updated.endOfSupport("2026-03-01")).toBe(kstDayStart("2026-12-15"));
  });

  it("does not serve a version before its release as the fallback", () => {
    const early = new ApiVersionCalendar(CAFE24_API_VERSIONS, [
      { version: "2027-01-01", releasedAt: "2027-01-01" },
    ]);
    expect(early.oldestLive(at("2026-11-27T11:41:00Z"))).toBe("2025-09-01");
  });
});

describe("the calendar as docs/cafe24-facts.md §1.1 lists it", () => {
  it("matches the facts document's version rows, release and end of support alike", () => {
    const doc = readFileSync(new URL("../../docs/cafe24-facts.md", import.meta.url), "utf8");
    const rows = [...doc.matchAll(/^\| Version (\S+) \| released (\S+); end of support (\S+)/gm)].map(
      (m) => ({
        version: m[1],
        releasedAt: m[2],
        end: m[3],
      }),
    );
    const fromCalendar = CAFE24_API_VERSIONS.map(({ version, releasedAt }) => {
      const end = calendar.endOfSupport(version);
      return { version, releasedAt, end: typeof end === "number" ? formatKstDate(end) : "none" };
    });
    expect(rows).toEqual(fromCalendar);
  });
});

describe("the doctor's calendar and the emulator's own table", () => {
  it("list the same versions and end each on the same instant", () => {
    // Kept apart on purpose (the emulator shares only src/cafe24 with the client), so they must not drift.
    const table = new VersionTable(DEFAULT_API_VERSIONS);
    expect(DEFAULT_API_VERSIONS.map((v) => v.version)).toEqual(CAFE24_API_VERSIONS.map((v) => v.version));
    for (const { version } of CAFE24_API_VERSIONS) {
      expect(calendar.endOfSupport(version), version).toBe(table.expiresAt(version));
    }
    expect(calendar.oldestLive(at("2026-11-27T11:41:00Z"))).toBe(
      table.oldestLive(at("2026-11-27T11:41:00Z")),
    );
  });
});

describe("the calendar whatever the host's time zone", () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  for (const zone of ["UTC", "America/Los_Angeles", "Asia/Seoul"]) {
    it(`gives the same instants with TZ=${zone}`, () => {
      process.env.TZ = zone;
      const here = new ApiVersionCalendar();
      expect(here.endOfSupport("2025-09-01")).toBe(at("2026-11-30T15:00:00Z"));
      expect(kstDayStart("2026-03-01")).toBe(at("2026-02-28T15:00:00Z"));
      expect(here.standing("2025-09-01", at("2026-11-30T14:59:59Z")).kind).toBe("live");
    });
  }
});
