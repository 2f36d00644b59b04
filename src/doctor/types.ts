import type { CodeOf, Urgency } from "../i18n/doctor/checks/check-catalogue.js";
import type { CHECK_CATALOGUES } from "../i18n/doctor/checks/check-catalogues.js";
import type { MessageKey } from "../i18n/en.js";

export type { Urgency };

/** A translatable sentence: the key and its parameters (rendered in ko or en at the edge). */
export interface Message {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** The status tags users know from the old guide: [정상] [만료] [실패] [누락] [경고], plus skipped. */
export type CheckStatus = "ok" | "expired" | "fail" | "missing" | "warn" | "skipped";

export const URGENCY_RANK: Record<Urgency, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** Evidence values are masked, short and free of personal data. */
export type EvidenceValue = string | number | boolean | null | readonly string[];

/** A problem a check found: what is wrong, why, and the exact next command. */
export interface Finding<C extends FindingCode = FindingCode> {
  /** Stable identifier, e.g. "ACCESS_TOKEN_EXPIRED"; tests and the root-cause analysis match on it. */
  code: C;
  urgency: Urgency;
  cause: Message;
  remedy: Message;
  /** The one command that fixes it, e.g. "cafe24-doctor token refresh". */
  command?: string;
  evidence?: Record<string, EvidenceValue>;
}

export type CheckId =
  | "configuration"
  | "token-store"
  | "token-lifetimes"
  | "clock"
  | "network"
  | "authentication"
  | "scope-coverage"
  | "data-apis"
  | "rate-limit"
  | "api-version"
  | "app-modules"
  | "services"
  | "redis"
  | "project-files"
  | "code-scan";

/** The codes check `I` may report: the keys of the table in its catalogue (src/i18n/doctor/checks/). */
export type FindingCodeOf<I extends CheckId> = I extends CheckId
  ? CodeOf<(typeof CHECK_CATALOGUES)[I]>
  : never;

/** What the runner reports for a check that threw (a bug in it) or was cut off at the global deadline. */
export type RunnerFindingCode = "CHECK_CRASHED" | "DEADLINE_EXCEEDED";

/** Every finding code: one in no check's table (a typo in a root-cause rule, say) does not compile. */
export type FindingCode = FindingCodeOf<CheckId> | RunnerFindingCode;

/**
 * The checks in report order: the old guide's 12 steps, then Redis (13), which runs only when the tokens live
 * in Redis, then the project's files (14: a tracked `.env`, the old toolkit's scripts). Appended rather than
 * placed beside the token store so that the steps keep their numbers. Last, the project's code (15: refreshers
 * behind cafe24-doctor's back, naive expiry parsing, literal secrets, in-place token writes).
 */
export const CHECK_ORDER: readonly CheckId[] = [
  "configuration",
  "token-store",
  "token-lifetimes",
  "clock",
  "network",
  "authentication",
  "scope-coverage",
  "data-apis",
  "rate-limit",
  "api-version",
  "app-modules",
  "services",
  "redis",
  "project-files",
  "code-scan",
];

/** What a check returns; the runner adds id, timing and the deadline outcome. `never`: no findings at all. */
export interface CheckOutcome<C extends FindingCode = FindingCode> {
  status: CheckStatus;
  /** One line for the status list, e.g. "access token valid for 1 h 32 min". */
  summary: Message;
  evidence: Record<string, EvidenceValue>;
  findings: Finding<C>[];
  /**
   * Facts later checks build on (never reported): e.g. the token set, the last API answer's headers.
   * Keyed by name; see each check's exported fact types.
   */
  facts?: Record<string, unknown>;
}

export interface CheckResult extends CheckOutcome {
  id: CheckId;
  startedAt: number;
  durationMs: number;
}
