import { formatKstIso } from "../../cafe24/kst.js";
import type { Translate } from "../../i18n/translate.js";
import type { HttpLogEntry } from "../http-log.js";
import {
  CHECK_ORDER,
  type CheckResult,
  type EvidenceValue,
  type Finding,
  type Message,
  URGENCY_RANK,
  type Urgency,
} from "../types.js";
import type { ReportInput, RootCause } from "./report-input.js";
import type { DoctorReport, ReportCheck } from "./report-model.js";
import { scrubUrl } from "./scrub-url.js";
import { verdictOf } from "./verdict.js";

/** Renders every message once, in the run's language, so JSON, HTML and terminal all say the same words. */
export function buildReport(input: ReportInput, t: Translate): DoctorReport {
  const say = (message: Message) => ({ key: message.key, text: t(message.key, message.params) });
  const ordered = [...input.results].sort((a, b) => CHECK_ORDER.indexOf(a.id) - CHECK_ORDER.indexOf(b.id));
  return {
    schemaVersion: 1,
    tool: { name: "cafe24-doctor", version: input.toolVersion },
    kind: input.kind,
    generatedAt: formatKstIso(input.finishedAt),
    lang: input.lang,
    mallId: input.mallId ?? null,
    durationMs: ms(input.finishedAt - input.startedAt),
    apiCalls: { ...input.apiCalls },
    deadline: { ...input.deadline },
    verdict: verdictOf(input.results),
    checks: ordered.map((result) => reportCheck(result, input.startedAt, t, say)),
    problems: input.problems.map(({ rank, checkId, finding }) => ({
      rank,
      check: checkId,
      code: finding.code,
      urgency: finding.urgency,
      urgencyLabel: t(`report.urgency.${finding.urgency}`),
      cause: say(finding.cause),
      remedy: say(finding.remedy),
      command: finding.command ?? null,
      evidence: copyEvidence(finding.evidence),
    })),
    rootCause: input.rootCause ? reportRootCause(input.rootCause, say) : null,
    http: input.http.map(reportExchange),
  };
}

type Say = (message: Message) => { key: string; text: string };

function reportCheck(result: CheckResult, runStart: number, t: Translate, say: Say): ReportCheck {
  return {
    id: result.id,
    order: CHECK_ORDER.indexOf(result.id) + 1,
    title: t(`report.check.${result.id}`),
    status: result.status,
    tag: t(`report.tag.${result.status}`),
    urgency: highestUrgency(result.findings),
    startedAtMs: ms(result.startedAt - runStart),
    durationMs: ms(result.durationMs),
    summary: say(result.summary),
    evidence: copyEvidence(result.evidence),
    findings: result.findings.map((f) => ({
      code: f.code,
      urgency: f.urgency,
      cause: say(f.cause),
      remedy: say(f.remedy),
      command: f.command ?? null,
      evidence: copyEvidence(f.evidence),
    })),
  };
}

function highestUrgency(findings: readonly Finding[]): Urgency | null {
  return findings.reduce<Urgency | null>(
    (top, f) => (top === null || URGENCY_RANK[f.urgency] < URGENCY_RANK[top] ? f.urgency : top),
    null,
  );
}

function reportRootCause(cause: RootCause, say: Say): NonNullable<DoctorReport["rootCause"]> {
  return {
    code: cause.code,
    title: say(cause.title),
    explanation: say(cause.explanation),
    suspects: cause.suspects.map(say),
    command: cause.command ?? null,
  };
}

function reportExchange(entry: HttpLogEntry): DoctorReport["http"][number] {
  return {
    at: formatKstIso(entry.at),
    method: entry.method,
    url: scrubUrl(entry.url),
    status: entry.status,
    ms: ms(entry.ms),
    callLimit: entry.callLimit ?? null,
    error: entry.error ?? null,
  };
}

/** A copy, so the report is a snapshot that later mutation of a check's evidence cannot change. */
function copyEvidence(evidence: Record<string, EvidenceValue> = {}): ReportCheck["evidence"] {
  return Object.fromEntries(
    Object.entries(evidence).map(([name, value]) => [
      name,
      typeof value === "object" && value ? [...value] : value,
    ]),
  );
}

/** Whole non-negative milliseconds: clocks can step back a little, and the schema wants integers. */
function ms(value: number): number {
  return Math.max(0, Math.round(value));
}
