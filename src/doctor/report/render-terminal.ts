import { createTranslator, type Translate } from "../../i18n/translate.js";
import { URGENCY_RANK, type Urgency } from "../types.js";
import { evidenceValueText, secondsText } from "./format-values.js";
import type { DoctorReport } from "./report-model.js";
import { type Colors, paintStatus, paintUrgency, terminalColors } from "./terminal-colors.js";

export interface TerminalOptions {
  /** Default: picocolors' detection (off for NO_COLOR and when stdout is not a terminal). */
  color?: boolean;
}

/** One line per check, as the old guide printed them: `[정상] 토큰 상태: …` / `[OK] Token lifetimes: …`. */
export function renderStatusLines(report: DoctorReport, options: TerminalOptions = {}): string {
  const c = terminalColors(options.color);
  return report.checks
    .map(
      (check) =>
        `${paintStatus(c, check.status, check.tag)} ${c.bold(check.title)}: ${inert(check.summary.text)}`,
    )
    .join("\n");
}

const EVIDENCE_WIDTH = 100;

/**
 * Summaries and evidence can quote the outside world (a service's body, a server's error): escape sequences in
 * them must not recolor, move the cursor or retitle the user's terminal, and a line break must not fake a line.
 */
function inert(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => (ch === "\n" || ch === "\t" ? " " : "\ufffd"));
}

/**
 * The ranked problems grouped under 긴급/높음/보통/낮음, each with cause, short evidence, remedy and the exact
 * command; then the root cause; then the verdict and where the files went (`files`, when any were written).
 */
export function renderProblems(
  report: DoctorReport,
  options: TerminalOptions & { files?: readonly string[] } = {},
): string {
  const c = terminalColors(options.color);
  const t = createTranslator(report.lang);
  const lines: string[] = [];
  const run = (command: string | null, indent: string) => {
    if (command) lines.push(`${indent}${t("report.problem.command")}: ${c.bold(c.cyan(inert(command)))}`);
  };

  if (report.problems.length === 0) lines.push(c.green(t("report.problems.none")));
  else lines.push(c.bold(t("report.problems.title")));
  for (const urgency of Object.keys(URGENCY_RANK) as Urgency[]) {
    const group = report.problems.filter((p) => p.urgency === urgency);
    if (group.length === 0) continue;
    lines.push(paintUrgency(c, urgency, t(`report.urgency.${urgency}`)));
    for (const p of group) {
      const title = report.checks.find((check) => check.id === p.check)?.title ?? p.check;
      lines.push(`  ${p.rank}. ${inert(p.cause.text)} ${c.dim(`(${title} · ${inert(p.code)})`)}`);
      const evidence = shortEvidence(p.evidence);
      if (evidence) lines.push(`     ${t("report.problem.evidence")}: ${c.dim(evidence)}`);
      lines.push(`     ${t("report.problem.remedy")}: ${inert(p.remedy.text)}`);
      run(p.command, "     ");
    }
  }

  const cause = report.rootCause;
  if (cause) {
    lines.push(
      "",
      `${c.bold(t("report.rootCause.title"))}: ${inert(cause.title.text)}`,
      `  ${inert(cause.explanation.text)}`,
    );
    for (const suspect of cause.suspects)
      lines.push(`  ${t("report.rootCause.suspects")}: ${inert(suspect.text)}`);
    run(cause.command, "  ");
  }

  lines.push("", verdictLine(report, t, c));
  if (report.deadline.hit) {
    lines.push(c.yellow(t("report.deadline.hit", { deadline: secondsText(report.deadline.ms, t) })));
  }
  if (options.files?.length) lines.push(c.dim(t("report.files", { paths: options.files.join(", ") })));
  return lines.join("\n");
}

function verdictLine(report: DoctorReport, t: Translate, c: Colors): string {
  const { status, exitCode } = report.verdict;
  const text = t("report.verdict.line", {
    verdict: t(`report.verdict.${status}`),
    exitCode: t("report.exitCode", { code: exitCode }),
    checks: report.checks.length,
    duration: secondsText(report.durationMs, t),
    spent: report.apiCalls.spent,
    budget: report.apiCalls.budget,
  });
  if (status === "healthy") return c.bold(c.green(text));
  return status === "warnings" ? c.bold(c.yellow(text)) : c.bold(c.red(text));
}

/** `name=value, …` cut to one line: the full evidence is in the JSON and HTML reports. */
function shortEvidence(evidence: DoctorReport["problems"][number]["evidence"]): string {
  const text = Object.entries(evidence)
    .map(([name, value]) => inert(`${name}=${evidenceValueText(value)}`))
    .join(" · ");
  return text.length > EVIDENCE_WIDTH ? `${text.slice(0, EVIDENCE_WIDTH - 1)}…` : text;
}
