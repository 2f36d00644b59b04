import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ALL_CHECKS, QUICK_CHECKS } from "../../../src/doctor/checks/all-checks.js";
import { codeScanCheck, codeScanFindings } from "../../../src/doctor/checks/code-scan.js";
import { rankProblems } from "../../../src/doctor/rank-problems.js";
import { findRootCause } from "../../../src/doctor/root-cause.js";
import type { ProjectScan } from "../../../src/doctor/scan/scan-project.js";
import { createTranslator } from "../../../src/i18n/translate.js";
import { offlineContext, testConfig } from "./context-helper.js";

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/scan/${name}`, import.meta.url));

async function runOn(cwd: string) {
  const outcome = await codeScanCheck.run(offlineContext(testConfig({ cwd })), {});
  const result = { ...outcome, id: "code-scan" as const, startedAt: 0, durationMs: 0 };
  return { outcome, rootCause: findRootCause([result], rankProblems([result])) };
}

describe("check 15: the project's code", () => {
  it("runs last in `check` and not in the quick diagnosis", () => {
    expect(ALL_CHECKS.at(-1)?.id).toBe("code-scan");
    expect(QUICK_CHECKS.map((c) => c.id)).not.toContain("code-scan");
  });

  it("names the race of the Flask app's refresher thread and `watch` as the root cause, with the fix", async () => {
    const { outcome, rootCause } = await runOn(fixture("flask-app"));
    expect(outcome.status).toBe("fail");
    expect(outcome.findings.map((f) => [f.code, f.urgency])).toEqual([
      ["REFRESHERS_RACE", "high"],
      ["NAIVE_EXPIRY_PARSE", "medium"],
      ["LITERAL_SECRET", "high"],
      ["NON_ATOMIC_TOKEN_WRITE", "medium"],
    ]);
    expect(outcome.findings[0]?.cause.params).toEqual({
      count: 2,
      places: "app.py:38, cafe24-doctor watch (Procfile:2)",
    });
    expect(rootCause).toMatchObject({
      code: "REFRESHERS_RACE",
      title: { key: "rootcause.refreshersRace.title", params: { count: 2 } },
      command: "cafe24-doctor watch --token-endpoint",
    });
    const t = createTranslator("en");
    expect(t(rootCause?.title.key ?? "scan.fix", rootCause?.title.params)).toBe(
      "2 independent refreshers race for one rotating refresh token",
    );
    expect(t(rootCause?.explanation.key ?? "scan.fix", rootCause?.explanation.params)).toContain(
      "GET /v1/malls/<mall_id>/access-token",
    );
    expect(JSON.stringify(outcome)).not.toContain("Qm7Zt2Xk9pLbR4vWc8NdEa");
  });

  it("warns about a lone cron refresher without calling it a race", async () => {
    const { outcome, rootCause } = await runOn(fixture("cron-refresh"));
    expect(outcome.status).toBe("warn");
    expect(outcome.findings.map((f) => f.code)).toEqual(["LONE_REFRESHER", "NAIVE_EXPIRY_PARSE"]);
    expect(outcome.findings[0]?.cause.params).toEqual({ places: "scripts/refresh_token.py:23" });
    expect(rootCause?.code).toBe("LONE_REFRESHER");
  });

  it("is OK for a project that reads its tokens from watch and TokenManager", async () => {
    const { outcome, rootCause } = await runOn(fixture("clean-token-manager"));
    expect(outcome).toMatchObject({ status: "ok", findings: [] });
    expect(outcome.evidence).toMatchObject({ refreshers: 1, watch: ["package.json:7"] });
    expect(rootCause).toBeUndefined();
  });

  it("reports an incomplete scan as a low finding that names the bound", () => {
    const scan: ProjectScan = {
      findings: [],
      watchEvidence: [],
      filesScanned: 20_000,
      bytesScanned: 1,
      skipped: { tests: 0, binary: 0, minified: 0, large: 0 },
      limitsHit: ["files"],
      elapsedMs: 1,
    };
    expect(codeScanFindings(scan)).toEqual([
      expect.objectContaining({
        code: "SCAN_INCOMPLETE",
        urgency: "low",
        cause: { key: "check.code-scan.incomplete.cause", params: { limits: "files", files: 20_000 } },
      }),
    ]);
  });
});
