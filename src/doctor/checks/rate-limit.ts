/**
 * Check 9 — rate-limit headroom, read from the headers of the answers the checks before it got: it makes no
 * call of its own. Cafe24 keeps a bucket of 40 calls per mall draining 2 per second (`X-Api-Call-Limit:
 * used/40`) and, since 2025-12-01, usage quotas (`X-Cafe24-Call-Usage` / `-Time-Usage` in %, with
 * `-Remain` seconds once a quota is spent). The doctor itself spends at most 20 calls (half a bucket), so a
 * fuller bucket means someone else is calling the mall. Finding codes and messages:
 * src/i18n/doctor/checks/rate-limit.ts.
 */
import { HEADER } from "../../cafe24/headers.js";
import { readCallLimit, readRemainSeconds, readUsagePercent } from "../../http/rate-headers.js";
import { rateLimitCatalogue } from "../../i18n/doctor/checks/rate-limit.js";
import type { CheckDefinition } from "../context.js";
import type { ApiAnswer } from "../doctor-api.js";
import type { CheckOutcome, EvidenceValue, Finding, FindingCodeOf } from "../types.js";
import { findingBuilder } from "./finding-of.js";

/** From this share of the bucket or of a usage quota on, the mall is one burst away from 429s. */
const HEADROOM_WARN_PERCENT = 80;

const RECHECK = "cafe24-doctor check";

const finding = findingBuilder(rateLimitCatalogue);
type Code = FindingCodeOf<"rate-limit">;

interface Usage {
  call: number | undefined;
  time: number | undefined;
  remainSec: number | undefined;
}

export const rateLimitCheck: CheckDefinition<"rate-limit"> = {
  id: "rate-limit",
  // Every check that may call the Admin API, so this one reads their answers' headers after them.
  dependsOn: ["clock", "network", "authentication", "scope-coverage", "data-apis", "api-version"],
  async run(ctx) {
    const answers = ctx.api?.answers ?? [];
    if (answers.length === 0) {
      return {
        status: "skipped",
        summary: { key: "check.rate-limit.skipped.noAnswers" },
        evidence: {},
        findings: [],
      };
    }
    const latest = [...answers].reverse();
    const limit = latest.map((a) => a.headers && readCallLimit(a.headers)).find((l) => l !== undefined);
    const usage = latestUsage(latest);
    const rejected = answers.filter((a) => a.status === 429);
    const percent = limit ? Math.round((limit.used / limit.capacity) * 100) : undefined;

    const evidence: Record<string, EvidenceValue> = {
      answersRead: answers.length,
      doctorCalls: ctx.api?.callsSpent ?? 0,
      callLimit: limit ? `${limit.used}/${limit.capacity}` : null,
      bucketPercent: percent ?? null,
      rejected429: rejected.length,
      callUsage: usage.call ?? null,
      timeUsage: usage.time ?? null,
      ...(usage.remainSec === undefined ? {} : { remainSeconds: usage.remainSec }),
    };
    const findings = [
      ...exhaustedOrRejected(usage, rejected),
      ...(rejected.length > 0 ? [] : nearlyFull(limit, percent, evidence)),
      ...usageHigh(usage),
    ];
    return {
      status: statusOf(findings),
      summary: summaryOf(findings, evidence),
      evidence,
      findings,
    };
  },
};

function latestUsage(newestFirst: readonly ApiAnswer[]): Usage {
  const withUsage = newestFirst.find(
    (a) => a.headers?.has(HEADER.callUsage) || a.headers?.has(HEADER.timeUsage),
  );
  const headers = withUsage?.headers;
  if (!headers) return { call: undefined, time: undefined, remainSec: undefined };
  return {
    call: readUsagePercent(headers, HEADER.callUsage),
    time: readUsagePercent(headers, HEADER.timeUsage),
    remainSec: readRemainSeconds(headers),
  };
}

const usageMax = (usage: Usage) => Math.max(usage.call ?? 0, usage.time ?? 0);

/** A spent usage quota explains its 429s; a 429 without one is the bucket. */
function exhaustedOrRejected(usage: Usage, rejected: readonly ApiAnswer[]): Finding<Code>[] {
  const blocked = rejected.find((a) => a.headers && readRemainSeconds(a.headers) !== undefined);
  const remainSec = usage.remainSec ?? (blocked?.headers && readRemainSeconds(blocked.headers));
  if (usageMax(usage) >= 100 || remainSec !== undefined) {
    const seconds = remainSec ?? "?";
    return [
      finding("USAGE_EXHAUSTED", {
        cause: { key: "check.rate-limit.USAGE_EXHAUSTED.cause", params: { seconds, usage: usageMax(usage) } },
        remedy: { key: "check.rate-limit.USAGE_EXHAUSTED.remedy", params: { seconds } },
        command: RECHECK,
        evidence: {
          callUsage: usage.call ?? null,
          timeUsage: usage.time ?? null,
          remainSeconds: remainSec ?? null,
        },
      }),
    ];
  }
  if (rejected.length === 0) return [];
  return [
    finding("RATE_LIMITED", {
      cause: { key: "check.rate-limit.RATE_LIMITED.cause", params: { count: rejected.length } },
      remedy: { key: "check.rate-limit.RATE_LIMITED.remedy" },
      command: RECHECK,
      evidence: { rejected429: rejected.length, paths: [...new Set(rejected.map((a) => a.path))] },
    }),
  ];
}

function nearlyFull(
  limit: { used: number; capacity: number } | undefined,
  percent: number | undefined,
  evidence: Record<string, EvidenceValue>,
): Finding<Code>[] {
  if (!limit || percent === undefined || percent < HEADROOM_WARN_PERCENT) return [];
  return [
    finding("BUCKET_NEARLY_FULL", {
      cause: {
        key: "check.rate-limit.BUCKET_NEARLY_FULL.cause",
        params: { used: limit.used, capacity: limit.capacity, percent, calls: Number(evidence.doctorCalls) },
      },
      remedy: { key: "check.rate-limit.BUCKET_NEARLY_FULL.remedy" },
      command: RECHECK,
      evidence: { callLimit: `${limit.used}/${limit.capacity}`, bucketPercent: percent },
    }),
  ];
}

function usageHigh(usage: Usage): Finding<Code>[] {
  const highest = usageMax(usage);
  if (highest < HEADROOM_WARN_PERCENT || highest >= 100) return [];
  return [
    finding("USAGE_HIGH", {
      cause: { key: "check.rate-limit.USAGE_HIGH.cause", params: { usage: highest } },
      remedy: { key: "check.rate-limit.USAGE_HIGH.remedy" },
      command: RECHECK,
      evidence: { callUsage: usage.call ?? null, timeUsage: usage.time ?? null },
    }),
  ];
}

function statusOf(findings: readonly Finding<Code>[]): CheckOutcome["status"] {
  if (findings.some((f) => f.urgency === "high")) return "fail";
  return findings.length > 0 ? "warn" : "ok";
}

/** The most pressing finding's cause, or the headroom that is left. */
function summaryOf(
  findings: readonly Finding<Code>[],
  evidence: Record<string, EvidenceValue>,
): CheckOutcome["summary"] {
  const first = findings[0];
  if (first) return first.cause;
  const usage =
    evidence.callUsage === null && evidence.timeUsage === null
      ? "–"
      : `${evidence.callUsage ?? "–"}% / ${evidence.timeUsage ?? "–"}%`;
  return {
    key: "check.rate-limit.summary.ok",
    params: {
      callLimit: String(evidence.callLimit ?? "–"),
      percent: String(evidence.bucketPercent ?? "–"),
      usage,
    },
  };
}
