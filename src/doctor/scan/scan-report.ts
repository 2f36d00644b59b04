import type { Translate } from "../../i18n/translate.js";
import { refresherVerdict } from "./refresher-verdict.js";
import type { ProjectScan, ScanLimit } from "./scan-project.js";
import { SCAN_RULE_IDS, type ScanFinding, type ScanRuleId } from "./scan-types.js";

/** `cafe24-doctor scan --json`: version 1 of its shape. */
export interface ScanReport {
  schemaVersion: 1;
  root: string;
  findings: ScanFinding[];
  counts: Record<ScanRuleId, number>;
  refreshers: { count: number; inCode: number; watch: string[] };
  rootCause: { code: "REFRESHERS_RACE" | "LONE_REFRESHER"; title: string; fix: string } | null;
  limitsHit: ScanLimit[];
  filesScanned: number;
  bytesScanned: number;
  skipped: ProjectScan["skipped"];
  elapsedMs: number;
}

/** Where each rule's fix is worded (the code-scan check's remedies, so the check and the command agree). */
export const RULE_FIX = {
  REFRESHER: "check.code-scan.race.remedy",
  NAIVE_EXPIRY_PARSE: "check.code-scan.naive.remedy",
  LITERAL_SECRET: "check.code-scan.literal.remedy",
  NON_ATOMIC_TOKEN_WRITE: "check.code-scan.write.remedy",
} as const satisfies Record<ScanRuleId, string>;

/** The scan as the command reports it: findings, counts, the refreshers and what they add up to. */
export function scanReport(root: string, scan: ProjectScan, t: Translate): ScanReport {
  const counts = Object.fromEntries(
    SCAN_RULE_IDS.map((rule) => [rule, scan.findings.filter((f) => f.rule === rule).length]),
  ) as Record<ScanRuleId, number>;
  const verdict = refresherVerdict(scan);
  const places = [
    ...scan.findings.filter((f) => f.rule === "REFRESHER").map((f) => `${f.file}:${f.line}`),
    ...scan.watchEvidence.slice(0, 1).map((p) => `cafe24-doctor watch (${p})`),
  ].join(", ");
  const rootCause =
    verdict.kind === "race"
      ? {
          code: "REFRESHERS_RACE" as const,
          title: t("rootcause.refreshersRace.title", { count: verdict.count }),
          fix: t("check.code-scan.race.remedy"),
        }
      : verdict.kind === "lone"
        ? {
            code: "LONE_REFRESHER" as const,
            title: t("check.code-scan.lone.cause", { places }),
            fix: t("check.code-scan.lone.remedy"),
          }
        : null;
  return {
    schemaVersion: 1,
    root,
    findings: scan.findings,
    counts,
    refreshers: { count: verdict.count, inCode: counts.REFRESHER, watch: scan.watchEvidence },
    rootCause,
    limitsHit: scan.limitsHit,
    filesScanned: scan.filesScanned,
    bytesScanned: scan.bytesScanned,
    skipped: scan.skipped,
    elapsedMs: scan.elapsedMs,
  };
}

/** The report for a person: grouped by rule, each place as file:line with its excerpt, then the fix. */
export function renderScanReport(report: ScanReport, t: Translate): string {
  const { root, filesScanned: files, elapsedMs: ms } = report;
  const lines: string[] = [];
  if (report.findings.length === 0) lines.push(t("scan.clean", { files, root, ms }));
  else lines.push(t("scan.found", { count: report.findings.length, files, root, ms }));
  for (const rule of SCAN_RULE_IDS) {
    const found = report.findings.filter((f) => f.rule === rule);
    if (found.length === 0) continue;
    lines.push("", `${rule} — ${t(`scan.rule.${rule}`)} (${found.length})`);
    for (const f of found) lines.push(`  ${f.file}:${f.line}  ${f.excerpt}`);
    // A lone refresher's advice differs from a race's; the root cause below says which.
    if (rule !== "REFRESHER") lines.push(`  ${t("scan.fix")}: ${t(RULE_FIX[rule])}`);
  }
  if (report.refreshers.watch.length > 0)
    lines.push("", t("scan.watchRuns", { places: report.refreshers.watch.join(", ") }));
  if (report.rootCause) {
    lines.push("", `${t("scan.rootCause")}: ${report.rootCause.title}`);
    lines.push(`  ${t("scan.fix")}: ${report.rootCause.fix}`);
  }
  if (report.limitsHit.length > 0)
    lines.push("", t("scan.incomplete", { limits: report.limitsHit.join(", ") }));
  return lines.join("\n");
}
