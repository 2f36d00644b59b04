import type { ProjectScan } from "./scan-project.js";

/**
 * How many refreshers the project has: each place in its code that posts a refresh grant, plus `watch` when
 * the project runs it. Cafe24 rotates the refresh token on every refresh, so two or more without one lock race:
 * the loser holds a dead token. One alone is safe only if it stays the only one and holds a lock.
 */
export type RefresherVerdict =
  | { kind: "none"; count: number; watch: boolean }
  | { kind: "lone"; count: 1; watch: false }
  | { kind: "race"; count: number; watch: boolean };

export function refresherVerdict(scan: Pick<ProjectScan, "findings" | "watchEvidence">): RefresherVerdict {
  const watch = scan.watchEvidence.length > 0;
  const inCode = scan.findings.filter((f) => f.rule === "REFRESHER").length;
  const count = inCode + (watch ? 1 : 0);
  if (count >= 2) return { kind: "race", count, watch };
  if (inCode === 1) return { kind: "lone", count: 1, watch: false };
  return { kind: "none", count, watch };
}
