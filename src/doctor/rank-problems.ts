import type { RankedProblem } from "./report/report-input.js";
import { CHECK_ORDER, type CheckResult, URGENCY_RANK } from "./types.js";

/** Every finding, most urgent first; ties keep the twelve-step order so the list reads like the check. */
export function rankProblems(results: readonly CheckResult[]): RankedProblem[] {
  const all = results.flatMap((result) =>
    result.findings.map((finding) => ({ checkId: result.id, finding })),
  );
  all.sort(
    (a, b) =>
      URGENCY_RANK[a.finding.urgency] - URGENCY_RANK[b.finding.urgency] ||
      CHECK_ORDER.indexOf(a.checkId) - CHECK_ORDER.indexOf(b.checkId),
  );
  return all.map((entry, index) => ({ rank: index + 1, ...entry }));
}
