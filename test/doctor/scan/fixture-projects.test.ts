import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { refresherVerdict } from "../../../src/doctor/scan/refresher-verdict.js";
import { scanProject } from "../../../src/doctor/scan/scan-project.js";
import type { ScanFinding } from "../../../src/doctor/scan/scan-types.js";

const CORPUS = fileURLToPath(new URL("../../fixtures/scan", import.meta.url));

interface Expected {
  findings: Pick<ScanFinding, "rule" | "file" | "line">[];
  watch: boolean;
  refreshers: number;
  verdict: "none" | "lone" | "race";
}

const byPlace = (a: Pick<ScanFinding, "file" | "line" | "rule">, b: typeof a) =>
  a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule);

const projects = readdirSync(CORPUS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe("the fixture corpus (test/fixtures/scan/<project>/expected.json)", () => {
  it("holds the refreshers of every language and the clean projects", () => {
    expect(projects).toEqual([
      "clean-docs-only",
      "clean-token-manager",
      "cron-refresh",
      "django-celery",
      "flask-app",
      "go-refresher",
      "jvm-refreshers",
      "node-service",
      "php-curl",
      "ruby-refresher",
    ]);
  });

  for (const project of projects) {
    it(`finds exactly the expected places in ${project}`, async () => {
      const root = join(CORPUS, project);
      const expected = JSON.parse(readFileSync(join(root, "expected.json"), "utf8")) as Expected;
      const scan = await scanProject(root);
      const found = scan.findings.map(({ rule, file, line }) => ({ rule, file, line })).sort(byPlace);
      expect(found).toEqual([...expected.findings].sort(byPlace));
      const verdict = refresherVerdict(scan);
      expect({ watch: verdict.watch, refreshers: verdict.count, verdict: verdict.kind }).toEqual({
        watch: expected.watch,
        refreshers: expected.refreshers,
        verdict: expected.verdict,
      });
      expect(scan.limitsHit).toEqual([]);
    });
  }

  it("finds a refresher in each language's project: Python, PHP, JavaScript, Java, Kotlin, Ruby, Go", async () => {
    const refreshers: string[] = [];
    for (const project of projects) {
      const scan = await scanProject(join(CORPUS, project));
      for (const f of scan.findings)
        if (f.rule === "REFRESHER") refreshers.push(f.file.split(".").pop() ?? "");
    }
    expect(new Set(refreshers)).toEqual(new Set(["py", "php", "js", "java", "kt", "rb", "go"]));
  });

  it("reports no finding in the clean projects: TokenManager and watch's endpoint, docs-only", async () => {
    for (const project of ["clean-token-manager", "clean-docs-only"]) {
      expect((await scanProject(join(CORPUS, project))).findings, project).toEqual([]);
    }
  });

  it("never shows a literal credential in full in an excerpt", async () => {
    const secrets = ["Qm7Zt2Xk9pLbR4vWc8NdEa", "hV3kQ9zLm2XpT7rBw4YcNa"];
    for (const project of ["flask-app", "node-service"]) {
      const scan = await scanProject(join(CORPUS, project));
      const literal = scan.findings.filter((f) => f.rule === "LITERAL_SECRET");
      expect(literal).toHaveLength(1);
      const shown = JSON.stringify(scan.findings);
      for (const secret of secrets) expect(shown).not.toContain(secret.slice(2, -2));
    }
  });
});
