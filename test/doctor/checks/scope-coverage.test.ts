import { describe, expect, it } from "vitest";
import {
  DOCTOR_SCOPES,
  MAX_SCOPE_PROBES,
  scopeCoverageCheck,
} from "../../../src/doctor/checks/scope-coverage.js";
import { createTranslator } from "../../../src/i18n/translate.js";
import { depResult, scenario } from "./context-helper.js";

const ALL_READS = [...DOCTOR_SCOPES, "mall.read_community"];

describe("check 7: scope coverage", () => {
  it("passes when every scope the doctor needs is granted and Cafe24 honours each", async () => {
    const h = await scenario();
    const outcome = await scopeCoverageCheck.run(h.ctx, h.deps);
    expect(outcome.status).toBe("ok");
    expect(outcome.findings).toEqual([]);
    expect(outcome.evidence.required).toEqual(DOCTOR_SCOPES);
    expect(outcome.evidence.confirmed).toHaveLength(DOCTOR_SCOPES.length);
    expect(outcome.facts).toEqual({ unavailable: [] });
  });

  it("names a scope the token lists but Cafe24 now refuses (app scopes reduced): SCOPE_REVOKED", async () => {
    const h = await scenario();
    // The token file still lists mall.read_order; the live grant lost it.
    h.emu.control.setAppScopes(h.mallId, h.emu.malls[0]?.scopes.filter((s) => s !== "mall.read_order") ?? []);
    const outcome = await scopeCoverageCheck.run(h.ctx, h.deps);
    expect(outcome.status).toBe("fail");
    expect(outcome.findings).toHaveLength(1);
    const [finding] = outcome.findings;
    expect(finding).toMatchObject({
      code: "SCOPE_REVOKED",
      urgency: "high",
      command: "cafe24-doctor token login",
      evidence: { missing: ["mall.read_order"], refusedPaths: ["/orders/count"], status: 403 },
    });
    expect(outcome.facts).toEqual({ unavailable: ["mall.read_order"] });
    const ko = createTranslator("ko");
    expect(ko(finding?.cause.key ?? "cli.error.prefix", finding?.cause.params)).toContain("mall.read_order");
  });

  it("reports a required scope the token was never granted, without probing it: SCOPE_MISSING", async () => {
    const h = await scenario({ token: { scopes: DOCTOR_SCOPES.filter((s) => s !== "mall.read_order") } });
    const outcome = await scopeCoverageCheck.run(h.ctx, h.deps);
    expect(outcome.status).toBe("fail");
    expect(outcome.findings.map((f) => f.code)).toEqual(["SCOPE_MISSING"]);
    const [finding] = outcome.findings;
    expect(finding?.evidence).toEqual({ missing: ["mall.read_order"] });
    // Not in CAFE24_SCOPES either: the remedy says to add it there too.
    expect(finding?.remedy.key).toBe("check.scope-coverage.SCOPE_MISSING.remedy.request");
    const en = createTranslator("en");
    expect(en(finding?.remedy.key ?? "cli.error.prefix", finding?.remedy.params)).toMatch(/권한/);
    expect(h.emu.control.stats(h.mallId).routes["GET /api/v2/admin/orders/count"] ?? 0).toBe(0);
  });

  it("compares against config.requiredScopes first, probing read scopes only", async () => {
    const h = await scenario({
      config: { requiredScopes: ["mall.read_product", "mall.write_product"], scopes: ["mall.read_store"] },
    });
    const outcome = await scopeCoverageCheck.run(h.ctx, h.deps);
    expect(outcome.status).toBe("ok");
    expect(outcome.evidence.confirmed).toEqual(["mall.read_product"]);
    expect(h.gets()).toBe(1);
  });

  it("falls back to CAFE24_SCOPES when no required scopes are configured", async () => {
    const h = await scenario({ config: { scopes: ["mall.read_product", "mall.read_mileage"] } });
    const outcome = await scopeCoverageCheck.run(h.ctx, h.deps);
    expect(outcome.findings.map((f) => f.code)).toEqual(["SCOPE_MISSING"]);
    expect(outcome.findings[0]?.evidence?.missing).toEqual(["mall.read_mileage"]);
    expect(outcome.findings[0]?.remedy.key).toBe("check.scope-coverage.SCOPE_MISSING.remedy");
  });

  it(`spends at most ${MAX_SCOPE_PROBES} calls however many scopes are required`, async () => {
    const h = await scenario({ config: { requiredScopes: ALL_READS } });
    await scopeCoverageCheck.run(h.ctx, h.deps);
    expect(h.gets()).toBe(MAX_SCOPE_PROBES);
  });

  it("compares offline, without a call, when authentication failed", async () => {
    const h = await scenario({ token: { scopes: ["mall.read_product"] } });
    const deps = {
      ...h.deps,
      authentication: depResult("authentication", { authenticated: false, failure: "expired" }, "expired"),
    };
    const outcome = await scopeCoverageCheck.run(h.ctx, deps);
    expect(outcome.findings.map((f) => f.code)).toEqual(["SCOPE_MISSING"]);
    expect(outcome.evidence.probesSkipped).toBe("expired");
    expect(h.gets()).toBe(0);
  });

  it("is skipped, saying why, when the token lists no scopes and authentication failed", async () => {
    const h = await scenario();
    const deps = {
      "token-store": depResult("token-store", { token: undefined, source: "none" }),
      authentication: depResult("authentication", { authenticated: false, failure: "no-token" }, "missing"),
    };
    const outcome = await scopeCoverageCheck.run(h.ctx, deps);
    expect(outcome.status).toBe("skipped");
    expect(outcome.summary).toEqual({
      key: "check.scope-coverage.skipped.notAuthenticated",
      params: { failure: "no-token" },
    });
    expect(h.gets()).toBe(0);
  });
});
