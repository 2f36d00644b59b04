/*
 * Check 15 — the project's code: places that handle Cafe24 tokens behind cafe24-doctor's back (src/doctor/scan):
 * code that refreshes on its own (and, with `watch` running too, the race of refreshers that kills rotating
 * refresh tokens), expiries read as naive or UTC time, credentials written into the source, token files
 * rewritten in place. Only in `check` (it reads the whole project); bounded in files, bytes and time. Finding
 * codes and messages: src/i18n/doctor/checks/code-scan.ts; `cafe24-doctor scan` shows every place.
 */
import { codeScanCatalogue } from "../../i18n/doctor/checks/code-scan.js";
import type { CheckDefinition } from "../context.js";
import { refresherVerdict } from "../scan/refresher-verdict.js";
import { type ProjectScan, scanProject } from "../scan/scan-project.js";
import type { ScanRuleId } from "../scan/scan-types.js";
import type { CheckOutcome, EvidenceValue, Finding, FindingCodeOf } from "../types.js";
import { findingBuilder } from "./finding-of.js";

const finding = findingBuilder(codeScanCatalogue);
type Code = FindingCodeOf<"code-scan">;

/** Places named in a message; the rest are counted ("+3 more") and all are in `cafe24-doctor scan`. */
const PLACES_SHOWN = 5;
/** Places kept in the evidence. */
const EVIDENCE_PLACES = 50;

export const codeScanCheck: CheckDefinition<"code-scan"> = {
  id: "code-scan",
  dependsOn: [],
  async run(ctx): Promise<CheckOutcome<Code>> {
    // The scan's bound is elapsed time, not the injected wall clock that expiries are judged by.
    const scan = await scanProject(ctx.config.cwd, { signal: ctx.signal });
    const findings = codeScanFindings(scan);
    const evidence: Record<string, EvidenceValue> = {
      filesScanned: scan.filesScanned,
      refreshers: refresherVerdict(scan).count,
      watch: scan.watchEvidence,
      places: scan.findings.slice(0, EVIDENCE_PLACES).map((f) => `${f.rule} ${f.file}:${f.line}`),
      limitsHit: scan.limitsHit,
      elapsedMs: scan.elapsedMs,
    };
    const counted = findings.filter((f) => f.code !== "SCAN_INCOMPLETE");
    if (counted.length === 0)
      return { status: "ok", summary: { key: "check.code-scan.summary.ok" }, evidence, findings };
    return {
      status: findings.some((f) => f.code === "REFRESHERS_RACE") ? "fail" : "warn",
      summary: { key: "check.code-scan.summary.found", params: { count: scan.findings.length } },
      evidence,
      findings,
    };
  },
};

/** The check's findings from a scan: one per concern, naming its places (file:line). */
export function codeScanFindings(scan: ProjectScan): Finding<Code>[] {
  const findings: Finding<Code>[] = [];
  const at = (rule: ScanRuleId) =>
    scan.findings.filter((f) => f.rule === rule).map((f) => `${f.file}:${f.line}`);
  const verdict = refresherVerdict(scan);
  const refreshers = [
    ...at("REFRESHER"),
    ...scan.watchEvidence.slice(0, 1).map((p) => `cafe24-doctor watch (${p})`),
  ];
  if (verdict.kind === "race")
    findings.push(
      finding("REFRESHERS_RACE", {
        text: "check.code-scan.race",
        params: { count: verdict.count, places: listed(refreshers) },
        command: "cafe24-doctor watch --token-endpoint",
        evidence: { count: verdict.count, places: refreshers },
      }),
    );
  if (verdict.kind === "lone")
    findings.push(
      finding("LONE_REFRESHER", {
        text: "check.code-scan.lone",
        params: { places: listed(refreshers) },
        command: "cafe24-doctor watch --token-endpoint",
        evidence: { places: refreshers },
      }),
    );
  const perPlace = [
    ["NAIVE_EXPIRY_PARSE", "check.code-scan.naive"],
    ["LITERAL_SECRET", "check.code-scan.literal"],
    ["NON_ATOMIC_TOKEN_WRITE", "check.code-scan.write"],
  ] as const;
  for (const [code, text] of perPlace) {
    const places = at(code);
    if (places.length === 0) continue;
    findings.push(
      finding(code, {
        text,
        params: { count: places.length, places: listed(places) },
        evidence: { places: places.slice(0, EVIDENCE_PLACES) },
      }),
    );
  }
  if (scan.limitsHit.length > 0)
    findings.push(
      finding("SCAN_INCOMPLETE", {
        text: "check.code-scan.incomplete",
        params: { limits: scan.limitsHit.join(", "), files: scan.filesScanned },
        command: "cafe24-doctor scan",
        evidence: { limitsHit: scan.limitsHit },
      }),
    );
  return findings;
}

/** "a.py:3, b.py:9 (+2 more)". */
function listed(places: readonly string[]): string {
  const shown = places.slice(0, PLACES_SHOWN).join(", ");
  return places.length > PLACES_SHOWN ? `${shown} (+${places.length - PLACES_SHOWN})` : shown;
}
