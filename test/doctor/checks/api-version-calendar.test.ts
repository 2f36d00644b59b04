import { describe, expect, it } from "vitest";
import { apiVersionCheck } from "../../../src/doctor/checks/api-version.js";
import { offlineContext, scenario, testConfig } from "./context-helper.js";

// The emulator clock stands at 2026-11-27 20:41 KST; the newest version is 2026-09-01. By the calendar,
// 2025-06-01 stopped being served on 2026-09-01 (one year after 2025-09-01's release), so Cafe24 now answers
// it as 2025-09-01, the oldest version still served, which itself ends on 2026-12-01 00:00 KST.
const EXPIRED = "2025-06-01";
const OLDEST_LIVE = "2025-09-01";
const LATEST = "2026-09-01";

describe("check 10 knows Cafe24's version calendar: a pinned version", () => {
  it("reports a pinned version past its end as silently served by another version", async () => {
    const h = await scenario({ config: { apiVersion: EXPIRED } });
    const outcome = await apiVersionCheck.run(h.ctx, h.deps);
    expect(outcome.status).toBe("expired");
    expect(outcome.findings[0]).toMatchObject({
      code: "API_VERSION_EXPIRED",
      urgency: "critical",
      cause: {
        key: "check.api-version.API_VERSION_EXPIRED.cause.pinnedSilent",
        params: { version: EXPIRED, date: "2026-09-01T00:00:00+09:00", served: OLDEST_LIVE },
      },
      remedy: { key: "check.api-version.remedy.pinnedSilent", params: { version: EXPIRED, latest: LATEST } },
      command: `CAFE24_API_VERSION=${LATEST} cafe24-doctor check`,
      evidence: { version: EXPIRED, pinned: true, servedAs: OLDEST_LIVE },
    });
    expect(outcome.summary.key).toBe("check.api-version.API_VERSION_EXPIRED.cause.pinnedSilent");
  });

  it("names an expired pinned version without a call, even when no mall can be reached", async () => {
    const ctx = offlineContext(testConfig({ apiVersion: EXPIRED }));
    ctx.now = () => Date.parse("2026-11-27T11:41:00Z");
    const outcome = await apiVersionCheck.run(ctx, {});
    expect(outcome.status).toBe("expired");
    expect(outcome.findings.map((f) => [f.code, f.evidence?.servedAs])).toEqual([
      ["API_VERSION_EXPIRED", OLDEST_LIVE],
    ]);
  });

  it("reports it in the quick diagnosis too, spending no call", async () => {
    const h = await scenario({ config: { apiVersion: EXPIRED } });
    h.ctx.mode = "quick";
    const outcome = await apiVersionCheck.run(h.ctx, h.deps);
    expect(outcome.findings.map((f) => f.code)).toEqual(["API_VERSION_EXPIRED"]);
    expect(h.gets()).toBe(0);
  });

  it("warns with the KST date and the fix when the pinned version ends within 30 days", async () => {
    const h = await scenario({ config: { apiVersion: OLDEST_LIVE } });
    const outcome = await apiVersionCheck.run(h.ctx, h.deps);
    expect(outcome.status).toBe("warn");
    expect(outcome.findings).toEqual([
      expect.objectContaining({
        code: "API_VERSION_EXPIRING",
        urgency: "medium",
        cause: {
          key: "check.api-version.expiring.pinned.cause",
          params: { version: OLDEST_LIVE, date: "2026-12-01T00:00:00+09:00", days: 3 },
        },
        remedy: {
          key: "check.api-version.remedy.pinnedSilent",
          params: { version: OLDEST_LIVE, latest: LATEST },
        },
        command: `CAFE24_API_VERSION=${LATEST} cafe24-doctor check`,
      }),
    ]);
  });

  it("switches at midnight KST: a day before the end it warns, at 00:00 KST it is expired", async () => {
    const end = Date.parse("2026-11-30T15:00:00Z"); // 2026-12-01 00:00 KST
    const ctx = offlineContext(testConfig({ apiVersion: OLDEST_LIVE }));
    ctx.now = () => end - 1;
    const before = await apiVersionCheck.run(ctx, {});
    ctx.now = () => end;
    const after = await apiVersionCheck.run(ctx, {});
    expect(before.findings.map((f) => [f.code, f.evidence?.daysLeft])).toEqual([["API_VERSION_EXPIRING", 0]]);
    expect(after.findings.map((f) => [f.code, f.evidence?.servedAs])).toEqual([
      ["API_VERSION_EXPIRED", "2025-12-01"],
    ]);
  });

  it("says nothing of a pinned version with more than 90 days left", async () => {
    const h = await scenario({ config: { apiVersion: "2026-03-01" } });
    const outcome = await apiVersionCheck.run(h.ctx, h.deps);
    expect(outcome).toMatchObject({ status: "ok", findings: [] });
  });

  it("keeps today's answer for a version the calendar does not know: Cafe24's refusal", async () => {
    const h = await scenario({ config: { apiVersion: "2024-03-01" } });
    const outcome = await apiVersionCheck.run(h.ctx, h.deps);
    expect(outcome.findings.map((f) => [f.code, f.evidence?.version])).toEqual([
      ["API_VERSION_INVALID", "2024-03-01"],
    ]);
  });

  it("takes corrected dates from the config file's apiVersions", async () => {
    const plain = await scenario({ config: { apiVersion: "2026-03-01" } });
    expect((await apiVersionCheck.run(plain.ctx, plain.deps)).findings).toEqual([]);

    const h = await scenario({
      config: {
        apiVersion: "2026-03-01",
        apiVersions: [{ version: "2026-03-01", releasedAt: "2026-03-01", endOfSupport: "2026-12-15" }],
      },
    });
    const outcome = await apiVersionCheck.run(h.ctx, h.deps);
    expect(outcome.findings).toEqual([
      expect.objectContaining({
        code: "API_VERSION_EXPIRING",
        evidence: expect.objectContaining({ expiresAt: "2026-12-15T00:00:00+09:00", daysLeft: 17 }),
      }),
    ]);
  });

  it("learns a version released after this release from apiVersions, and what it makes expire", async () => {
    // A version released 2025-11-27 moves 2025-09-01's end to 2026-11-27 00:00 KST: already past.
    const ctx = offlineContext(
      testConfig({
        apiVersion: OLDEST_LIVE,
        apiVersions: [{ version: "2025-11-27", releasedAt: "2025-11-27" }],
      }),
    );
    ctx.now = () => Date.parse("2026-11-27T11:41:00Z");
    const outcome = await apiVersionCheck.run(ctx, {});
    expect(outcome.findings.map((f) => [f.code, f.evidence?.servedAs])).toEqual([
      ["API_VERSION_EXPIRED", "2025-11-27"],
    ]);
  });
});

describe("check 10 knows Cafe24's version calendar: the app's version", () => {
  it("says Cafe24 silently serves another version when the app's version has expired", async () => {
    const h = await scenario();
    h.emu.control.setAppVersion(h.mallId, EXPIRED);
    const outcome = await apiVersionCheck.run(h.ctx, h.deps);
    expect(outcome.findings).toEqual([
      expect.objectContaining({
        code: "API_VERSION_EXPIRED",
        cause: {
          key: "check.api-version.API_VERSION_EXPIRED.cause.silent",
          params: { version: EXPIRED, date: "2026-09-01T00:00:00+09:00", days: -88, served: OLDEST_LIVE },
        },
        remedy: { key: "check.api-version.remedy.app", params: { version: EXPIRED } },
        command: `CAFE24_API_VERSION=${LATEST} cafe24-doctor check`,
      }),
    ]);
    expect(outcome.evidence).toMatchObject({ expirySource: "cafe24", servedAs: OLDEST_LIVE });
  });

  it("fills in the end date from the calendar when GET /apps gives none", async () => {
    // An emulator whose newest version is 2025-09-01 gives it no expiration date; the calendar knows better.
    const list = [EXPIRED, OLDEST_LIVE].map((version) => ({ version, releasedAt: version }));
    const h = await scenario({ emulator: { versions: { list } } });
    h.emu.control.setAppVersion(h.mallId, OLDEST_LIVE);
    const outcome = await apiVersionCheck.run(h.ctx, h.deps);
    expect(outcome.findings.map((f) => f.code)).toEqual(["API_VERSION_EXPIRING"]);
    expect(outcome.evidence).toMatchObject({
      appVersion: OLDEST_LIVE,
      expiresAt: "2026-12-01T00:00:00+09:00",
      expirySource: "calendar",
      daysLeft: 3,
    });
  });

  it("reports the pinned version first when both it and the app's version are in trouble", async () => {
    const h = await scenario({ config: { apiVersion: EXPIRED } });
    h.emu.control.setAppVersion(h.mallId, OLDEST_LIVE);
    const outcome = await apiVersionCheck.run(h.ctx, h.deps);
    expect(outcome.status).toBe("expired");
    expect(outcome.findings.map((f) => [f.code, f.evidence?.pinned ?? false])).toEqual([
      ["API_VERSION_EXPIRED", true],
      ["API_VERSION_EXPIRING", false],
    ]);
  });
});
