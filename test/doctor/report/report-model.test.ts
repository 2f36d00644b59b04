import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/doctor/report/build-report.js";
import { verdictOf } from "../../../src/doctor/report/verdict.js";
import { CHECK_ORDER } from "../../../src/doctor/types.js";
import { createTranslator } from "../../../src/i18n/translate.js";
import { finding, fullInput, result, TOKEN_IN_PATH } from "./fixtures.js";

const schemaPath = fileURLToPath(
  new URL("../../../schema/comprehensive-test-report.schema.json", import.meta.url),
);
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(
  JSON.parse(readFileSync(schemaPath, "utf8")),
);

describe("the JSON report", () => {
  it.each(["ko", "en"] as const)("validates against the committed JSON Schema (%s)", (lang) => {
    const report = buildReport(fullInput(lang), createTranslator(lang));
    expect(validate(report), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // Through JSON and back, as a reader of the file would see it.
    expect(validate(JSON.parse(JSON.stringify(report)))).toBe(true);
  });

  it("is rejected by the schema when a field is wrong, so the validation test can fail", () => {
    const report = buildReport(fullInput("en"), createTranslator("en"));
    expect(validate({ ...report, generatedAt: "2026-11-27T15:30:06Z" })).toBe(false);
    expect(validate({ ...report, verdict: { status: "fine", exitCode: 0 } })).toBe(false);
    expect(validate({ ...report, extra: true })).toBe(false);
  });

  it("lists checks in the fixed order with offsets from the run start and the highest urgency", () => {
    const report = buildReport(fullInput("en"), createTranslator("en"));
    // The fixture is a token file's run of the guide's 12 steps: no Redis (13), which only a Redis store gets,
    // and no project files (14) or code (15). Each check keeps its step number whatever is left out.
    const fileChecks = CHECK_ORDER.filter(
      (id) => id !== "redis" && id !== "project-files" && id !== "code-scan",
    );
    expect(report.checks.map((c) => c.id)).toEqual(fileChecks);
    expect(report.checks.map((c) => c.order)).toEqual(fileChecks.map((id) => CHECK_ORDER.indexOf(id) + 1));
    const input = fullInput("en");
    const [first, ...rest] = input.results;
    if (!first) throw new Error("the fixture has no results");
    const withProjectFiles = buildReport(
      { ...input, results: [{ ...first, id: "project-files" }, first, ...rest] },
      createTranslator("en"),
    );
    expect(withProjectFiles.checks.at(-1)).toMatchObject({
      id: "project-files",
      order: 14,
      title: "Project files",
    });
    const withCode = buildReport(
      {
        ...input,
        results: [{ ...first, id: "code-scan" }, { ...first, id: "project-files" }, first, ...rest],
      },
      createTranslator("en"),
    );
    expect(withCode.checks.slice(-2).map((c) => [c.id, c.order, c.title])).toEqual([
      ["project-files", 14, "Project files"],
      ["code-scan", 15, "Project code"],
    ]);
    const auth = report.checks.find((c) => c.id === "authentication");
    expect(auth).toMatchObject({ startedAtMs: 90, durationMs: 110, urgency: "critical", tag: "[EXPIRED]" });
    expect(report.checks.find((c) => c.id === "clock")?.urgency).toBeNull();
    expect(report.durationMs).toBe(1_234);
    expect(report.generatedAt).toBe("2026-11-28T00:30:06+09:00");
  });

  it("renders messages, tags and urgency labels in the run's language, keeping the keys", () => {
    const report = buildReport(fullInput("ko"), createTranslator("ko"));
    const lifetimes = report.checks.find((c) => c.id === "token-lifetimes");
    expect(lifetimes).toMatchObject({
      title: "토큰 상태",
      tag: "[정상]",
      summary: { key: "time.in", text: "1시간 32분 남음" },
    });
    expect(report.problems.map((p) => p.urgencyLabel)).toEqual(["긴급", "높음", "높음", "보통", "낮음"]);
    expect(report.problems[0]).toMatchObject({
      rank: 1,
      check: "authentication",
      command: "cafe24-doctor token refresh",
    });
    expect(report.problems[3]?.command).toBeNull();
    expect(report.rootCause?.suspects[0]?.text).toBe("the auto-refresher is not running");
  });

  it("keeps HTTP exchanges in KST with token-like path segments masked", () => {
    const report = buildReport(fullInput("en"), createTranslator("en"));
    expect(report.http[0]).toEqual({
      at: "2026-11-28T00:30:05+09:00",
      method: "GET",
      url: "https://myshop.cafe24api.com/api/v2/admin/store",
      status: 401,
      ms: 104,
      callLimit: "1/40",
      error: null,
    });
    expect(JSON.stringify(report)).not.toContain(TOKEN_IN_PATH);
    expect(report.http[1]?.url).toBe("https://svc.example.com/hook/Ab…89/status");
  });
});

describe("the verdict and exit code", () => {
  it.each([
    ["all ok", [result("clock", "ok")], "healthy", 0],
    ["skipped is neutral", [result("clock", "ok"), result("services", "skipped")], "healthy", 0],
    ["a warn status", [result("rate-limit", "warn")], "warnings", 1],
    ["a low finding on an ok check", [result("clock", "ok", [finding("CLOCK_SKEW", "low")])], "warnings", 1],
    [
      "a medium finding on a warn check",
      [result("clock", "warn", [finding("CLOCK_SKEW", "medium")])],
      "problems",
      2,
    ],
    [
      "a critical finding",
      [result("authentication", "ok", [finding("ACCESS_TOKEN_REJECTED", "critical")])],
      "problems",
      2,
    ],
    ["fail without findings", [result("network", "fail")], "problems", 2],
    ["expired", [result("token-lifetimes", "expired")], "problems", 2],
    ["missing", [result("app-modules", "missing")], "problems", 2],
  ] as const)("%s → %s (%i)", (_, results, status, exitCode) => {
    expect(verdictOf(results)).toEqual({ status, exitCode });
    const report = buildReport(
      { ...fullInput("en"), results: [...results], problems: [] },
      createTranslator("en"),
    );
    expect(report.verdict).toEqual({ status, exitCode });
  });
});
