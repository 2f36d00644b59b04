import type { CheckResult, CheckStatus } from "../types.js";
import { URGENCY_RANK } from "../types.js";
import type { Verdict } from "./report-model.js";

const BROKEN: readonly CheckStatus[] = ["fail", "expired", "missing"];

/**
 * The one rule behind the exit code, shared by the report and the CLI: a broken check or any finding of
 * medium urgency or worse is a problem (2); only warnings or low findings is a warning (1); else healthy (0).
 * Skipped checks are neutral: the check that made them skip carries its own status.
 */
export function verdictOf(results: readonly Pick<CheckResult, "status" | "findings">[]): Verdict {
  const findings = results.flatMap((r) => r.findings);
  if (
    results.some((r) => BROKEN.includes(r.status)) ||
    findings.some((f) => URGENCY_RANK[f.urgency] <= URGENCY_RANK.medium)
  ) {
    return { status: "problems", exitCode: 2 };
  }
  if (results.some((r) => r.status === "warn") || findings.length > 0)
    return { status: "warnings", exitCode: 1 };
  return { status: "healthy", exitCode: 0 };
}
