import type { Lang } from "../../i18n/translate.js";
import type { HttpLogEntry } from "../http-log.js";
import type { RootCauseCode } from "../root-cause.js";
import type { CheckId, CheckResult, Finding, Message } from "../types.js";

/** One finding in the order the user should deal with it (1 = first). */
export interface RankedProblem {
  rank: number;
  checkId: CheckId;
  finding: Finding;
}

/** The root-cause analysis' conclusion: what is really wrong, whom to suspect, and the one command. */
export interface RootCause {
  /** Stable identifier, e.g. "TOKEN_REVOKED_OR_ROTATED_ELSEWHERE". */
  code: RootCauseCode;
  title: Message;
  explanation: Message;
  suspects: Message[];
  command?: string;
}

/** Everything a run produced; the report model, log and renderers are built from it and nothing else. */
export interface ReportInput {
  kind: "check" | "diagnose";
  /** Epoch ms, same clock as CheckResult.startedAt and HttpLogEntry.at. */
  startedAt: number;
  finishedAt: number;
  lang: Lang;
  mallId: string | undefined;
  results: CheckResult[];
  problems: RankedProblem[];
  rootCause: RootCause | undefined;
  http: HttpLogEntry[];
  apiCalls: { spent: number; budget: number };
  deadline: { ms: number; hit: boolean };
  toolVersion: string;
}
