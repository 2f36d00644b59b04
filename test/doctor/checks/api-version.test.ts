import { describe, expect, it } from "vitest";
import { apiVersionCheck } from "../../../src/doctor/checks/api-version.js";
import { DOCTOR_SCOPES } from "../../../src/doctor/checks/scope-coverage.js";
import { scenario } from "./context-helper.js";

// The emulator clock stands at 2026-11-27 20:41 KST. A version lives until one year after its successor's
// release: 2025-06-01 expired on 2026-09-01; 2025-09-01 expires 2026-12-01 00:00 KST (in 3 days);
// 2025-12-01 expires 2027-03-01; 2026-09-01 is the newest and has no expiry.
const EXPIRED = "2025-06-01";
const EXPIRING = "2025-09-01";
/** The emulator answering an expired version with a 400 instead of Cafe24's silent fallback. */
const STRICT = { emulator: { versions: { expired: "error" as const } } };

describe("check 10: API version", () => {
  it("passes for the newest version, which has no expiry, with one call", async () => {
    const h = await scenario();
    const outcome = await apiVersionCheck.run(h.ctx, h.deps);
    expect(outcome).toMatchObject({
      status: "ok",
      summary: { key: "check.api-version.summary.noExpiry", params: { version: "2026-09-01" } },
      findings: [],
    });
    expect(h.gets()).toBe(1);
  });

  it("warns before it happens: a version expiring within 30 days is medium, with the KST date", async () => {
    const h = await scenario();
    h.emu.control.setAppVersion(h.mallId, EXPIRING);
    const outcome = await apiVersionCheck.run(h.ctx, h.deps);
    expect(outcome.status).toBe("warn");
    expect(outcome.findings).toEqual([
      expect.objectContaining({ code: "API_VERSION_EXPIRING", urgency: "medium" }),
    ]);
    expect(outcome.evidence).toMatchObject({
      appVersion: EXPIRING,
      expiresAt: "2026-12-01T00:00:00+09:00",
      daysLeft: 3,
    });
  });

  it("gives a low notice within 90 days", async () => {
    const h = await scenario({ emulator: { clock: { start: "2027-01-15T00:00:00.000Z" } } });
    h.emu.control.setAppVersion(h.mallId, "2025-12-01");
    const outcome = await apiVersionCheck.run(h.ctx, h.deps);
    expect(outcome.status).toBe("warn");
    expect(outcome.findings.map((f) => [f.code, f.urgency])).toEqual([["API_VERSION_EXPIRY_NOTICE", "low"]]);
  });

  it("passes a version with more than 90 days left", async () => {
    const h = await scenario();
    h.emu.control.setAppVersion(h.mallId, "2026-03-01");
    const outcome = await apiVersionCheck.run(h.ctx, h.deps);
    expect(outcome).toMatchObject({
      status: "ok",
      summary: { key: "check.api-version.summary.ok" },
      findings: [],
    });
  });

  it("is critical when a strict server refuses the app's expired version", async () => {
    const h = await scenario(STRICT);
    h.emu.control.setAppVersion(h.mallId, EXPIRED);
    const outcome = await apiVersionCheck.run(h.ctx, h.deps);
    expect(outcome.status).toBe("expired");
    expect(outcome.findings).toEqual([
      expect.objectContaining({
        code: "API_VERSION_EXPIRED",
        urgency: "critical",
        remedy: { key: "check.api-version.remedy.app", params: { version: EXPIRED } },
        command: "CAFE24_API_VERSION=<live version> cafe24-doctor check",
        evidence: { version: EXPIRED, pinned: false, status: 400 },
      }),
    ]);
  });

  it("is critical when Cafe24 silently falls back from an expired version (by its expiry date)", async () => {
    const h = await scenario();
    h.emu.control.setAppVersion(h.mallId, EXPIRED);
    const outcome = await apiVersionCheck.run(h.ctx, h.deps);
    expect(outcome.status).toBe("expired");
    expect(outcome.findings.map((f) => [f.code, f.urgency])).toEqual([["API_VERSION_EXPIRED", "critical"]]);
    expect(outcome.evidence.expiresAt).toBe("2026-09-01T00:00:00+09:00");
  });

  it("names CAFE24_API_VERSION when a strict server refuses the pinned expired version", async () => {
    const h = await scenario({ ...STRICT, config: { apiVersion: EXPIRED } });
    const outcome = await apiVersionCheck.run(h.ctx, h.deps);
    expect(outcome.findings[0]).toMatchObject({
      code: "API_VERSION_EXPIRED",
      remedy: { key: "check.api-version.remedy.pinned", params: { version: EXPIRED } },
      evidence: { pinned: true },
    });
  });

  it("reports a pinned version Cafe24 does not know", async () => {
    const h = await scenario({ config: { apiVersion: "2099-01-01" } });
    const outcome = await apiVersionCheck.run(h.ctx, h.deps);
    expect(outcome.status).toBe("fail");
    expect(outcome.findings.map((f) => [f.code, f.urgency])).toEqual([["API_VERSION_INVALID", "critical"]]);
  });

  it("needs no call when an earlier answer was already refused for its version", async () => {
    const h = await scenario(STRICT);
    h.emu.control.setAppVersion(h.mallId, EXPIRED);
    await h.ctx.api?.get("/products/count");
    const outcome = await apiVersionCheck.run(h.ctx, h.deps);
    expect(outcome.findings.map((f) => f.code)).toEqual(["API_VERSION_EXPIRED"]);
    expect(h.gets()).toBe(1);
  });

  it("is skipped, naming the scope, when the token cannot read /apps", async () => {
    const h = await scenario({
      token: { scopes: DOCTOR_SCOPES.filter((s) => s !== "mall.read_application") },
    });
    const outcome = await apiVersionCheck.run(h.ctx, h.deps);
    expect(outcome).toMatchObject({
      status: "skipped",
      summary: { key: "check.api-version.skipped.noScope", params: { scope: "mall.read_application" } },
    });
    expect(h.gets()).toBe(0);
  });
});

describe("check 10 in the quick diagnosis: no call of its own", () => {
  it("reads the /apps answer authentication already got", async () => {
    const h = await scenario();
    h.emu.control.setAppVersion(h.mallId, EXPIRING);
    h.ctx.mode = "quick";
    await h.ctx.api?.get("/apps");
    const spent = h.gets();
    const outcome = await apiVersionCheck.run(h.ctx, h.deps);
    expect(outcome.findings).toEqual([expect.objectContaining({ code: "API_VERSION_EXPIRING" })]);
    expect(h.gets()).toBe(spent);
  });

  it("names a version refused earlier, and otherwise says the full check reads it", async () => {
    const refused = await scenario({ config: { apiVersion: "2019-01-01" } });
    refused.ctx.mode = "quick";
    await refused.ctx.api?.get("/products/count");
    const named = await apiVersionCheck.run(refused.ctx, refused.deps);
    expect(named.findings).toEqual([expect.objectContaining({ code: "API_VERSION_INVALID" })]);

    const h = await scenario();
    h.ctx.mode = "quick";
    const outcome = await apiVersionCheck.run(h.ctx, h.deps);
    expect(outcome).toMatchObject({ status: "skipped", summary: { key: "check.api-version.skipped.quick" } });
    expect(h.gets()).toBe(0);
  });
});
