/**
 * Check 10 — API version: the version calls run as (CAFE24_API_VERSION, else the app's version set in
 * Developer Center) and when it expires, from `GET /apps` (needs mall.read_application; one call) and Cafe24's
 * version calendar (src/cafe24/api-version-calendar.ts, extended by the config file's `apiVersions`). A version
 * expires a year after its successor's release; then Cafe24 silently runs the call as the oldest live version
 * (its versioning guide), so nothing fails loudly: the calendar is how the doctor sees it, for a pinned version
 * without spending a call. Dates are shown in KST (+09:00), as Cafe24 gives them. Finding codes and messages:
 * src/i18n/doctor/checks/api-version.ts.
 */
import { ApiVersionCalendar, CAFE24_API_VERSIONS } from "../../cafe24/api-version-calendar.js";
import { formatKstIso, parseCafe24Time } from "../../cafe24/kst.js";
import { apiVersionCatalogue } from "../../i18n/doctor/checks/api-version.js";
import type { CheckDefinition, DoctorContext } from "../context.js";
import type { ApiAnswer } from "../doctor-api.js";
import { factsOf } from "../facts.js";
import type { CheckOutcome, CheckStatus, EvidenceValue, Finding, FindingCodeOf } from "../types.js";
import { apiGate, skippedByGate } from "./api-gate.js";
import { findingBuilder } from "./finding-of.js";
import { type VersionRefusal, versionRefusal } from "./version-refusal.js";

const DAY_MS = 86_400_000;
const EXPIRING_DAYS = 30;
const NOTICE_DAYS = 90;
const SCOPE = "mall.read_application";
const TRY_LIVE_VERSION = "CAFE24_API_VERSION=<live version> cafe24-doctor check";

const finding = findingBuilder(apiVersionCatalogue);
type Code = FindingCodeOf<"api-version">;
type Outcome = CheckOutcome<Code>;

interface AppRecord {
  version?: unknown;
  version_expiration_date?: unknown;
}

export const apiVersionCheck: CheckDefinition<"api-version"> = {
  id: "api-version",
  dependsOn: ["token-store", "network", "authentication"],
  async run(ctx, deps) {
    const calendar = new ApiVersionCalendar(CAFE24_API_VERSIONS, ctx.config.apiVersions ?? []);
    const outcome = await appVersionOutcome(ctx, deps, calendar);
    return withPinned(outcome, pinnedFinding(ctx, calendar, outcome));
  },
};

/** The app's version as GET /apps (or an earlier refusal) tells it. */
async function appVersionOutcome(
  ctx: DoctorContext,
  deps: Parameters<CheckDefinition<"api-version">["run"]>[1],
  calendar: ApiVersionCalendar,
): Promise<Outcome> {
  const configured = ctx.config.apiVersion;
  // An earlier answer may already have been refused for its version: no call needed to know that.
  const earlier = ctx.api?.answers.map(versionRefusal).find((r) => r !== undefined);
  if (earlier) return refused(earlier, configured);
  const gate = apiGate(ctx, deps);
  if (!gate.open) return skippedByGate("api-version", gate);
  const granted = factsOf(deps, "token-store")?.token?.scopes ?? [];
  if (granted.length > 0 && !granted.includes(SCOPE)) return noScope(configured);

  // The quick diagnosis spends no call here: it reads the /apps answer authentication got, if any.
  const seen = gate.api.answers.find((a) => a.path === "/apps" && a.ok) as
    | ApiAnswer<{ app?: AppRecord }>
    | undefined;
  if (ctx.mode === "quick" && !seen) {
    return {
      status: "skipped",
      summary: { key: "check.api-version.skipped.quick" },
      evidence: { configuredVersion: configured ?? null },
      findings: [],
    };
  }
  const answer = seen ?? (await gate.api.get<{ app?: AppRecord }>("/apps", { signal: ctx.signal }));
  const refusal = versionRefusal(answer);
  if (refusal) return refused(refusal, configured);
  if (answer.status === 403) return noScope(configured);
  const app = answer.data?.app;
  if (!answer.ok || typeof app?.version !== "string") {
    return {
      status: "skipped",
      summary: {
        key: "check.api-version.skipped.unreadable",
        params: { status: answer.status ?? answer.error?.code ?? "–" },
      },
      evidence: { configuredVersion: configured ?? null },
      findings: [],
    };
  }
  return judgeExpiry(ctx, calendar, app.version, app.version_expiration_date, configured);
}

function judgeExpiry(
  ctx: DoctorContext,
  calendar: ApiVersionCalendar,
  version: string,
  expiration: unknown,
  configured: string | undefined,
): Outcome {
  // Cafe24's own date wins; the calendar fills in when /apps gives none.
  const told = typeof expiration === "string" ? parseCafe24Time(expiration) : undefined;
  const expiresAt = told ?? calendar.endOfSupport(version) ?? undefined;
  const evidence: Record<string, EvidenceValue> = {
    configuredVersion: configured ?? null,
    appVersion: version,
    expiresAt: expiresAt === undefined ? null : formatKstIso(expiresAt),
  };
  if (expiresAt !== undefined) evidence.expirySource = told === undefined ? "calendar" : "cafe24";
  if (expiresAt === undefined) {
    return {
      status: "ok",
      summary: { key: "check.api-version.summary.noExpiry", params: { version } },
      evidence,
      findings: [],
    };
  }
  const leftMs = expiresAt - ctx.now();
  const days = Math.floor(leftMs / DAY_MS);
  evidence.daysLeft = days;
  const params = { version, date: formatKstIso(expiresAt), days };
  if (leftMs <= 0) {
    const served = calendar.oldestLive(ctx.now());
    const silent = served !== undefined && served !== version;
    if (silent) evidence.servedAs = served;
    const expired = finding("API_VERSION_EXPIRED", {
      cause: {
        key: silent
          ? "check.api-version.API_VERSION_EXPIRED.cause.silent"
          : "check.api-version.API_VERSION_EXPIRED.cause.date",
        params: { ...params, served: served ?? version },
      },
      remedy: { key: "check.api-version.remedy.app", params: { version } },
      command: calendar.latest
        ? `CAFE24_API_VERSION=${calendar.latest} cafe24-doctor check`
        : TRY_LIVE_VERSION,
      evidence,
    });
    return { status: "expired", summary: expired.cause, evidence, findings: [expired] };
  }
  const soon = leftMs <= EXPIRING_DAYS * DAY_MS;
  if (leftMs > NOTICE_DAYS * DAY_MS) {
    return { status: "ok", summary: { key: "check.api-version.summary.ok", params }, evidence, findings: [] };
  }
  const expiring = finding(soon ? "API_VERSION_EXPIRING" : "API_VERSION_EXPIRY_NOTICE", {
    cause: { key: "check.api-version.expiring.cause", params },
    remedy: { key: "check.api-version.remedy.app", params: { version } },
    command: TRY_LIVE_VERSION,
    evidence,
  });
  return { status: "warn", summary: expiring.cause, evidence, findings: [expiring] };
}

function refused(refusal: VersionRefusal, configured: string | undefined): Outcome {
  const pinned = refusal.version === configured;
  const expired = refusal.reason === "expired";
  const refusedVersion = finding(expired ? "API_VERSION_EXPIRED" : "API_VERSION_INVALID", {
    cause: {
      key: expired
        ? "check.api-version.API_VERSION_EXPIRED.cause.refused"
        : "check.api-version.API_VERSION_INVALID.cause",
      params: { version: refusal.version },
    },
    remedy: {
      key: pinned ? "check.api-version.remedy.pinned" : "check.api-version.remedy.app",
      params: { version: refusal.version },
    },
    command: TRY_LIVE_VERSION,
    evidence: { version: refusal.version, pinned, status: 400 },
  });
  return {
    status: expired ? "expired" : "fail",
    summary: refusedVersion.cause,
    evidence: {
      configuredVersion: configured ?? null,
      refusedVersion: refusal.version,
      reason: refusal.reason,
    },
    findings: [refusedVersion],
  };
}

function noScope(configured: string | undefined): CheckOutcome<never> {
  return {
    status: "skipped",
    summary: { key: "check.api-version.skipped.noScope", params: { scope: SCOPE } },
    evidence: { configuredVersion: configured ?? null },
    findings: [],
  };
}

/**
 * The pinned version (CAFE24_API_VERSION / apiVersion) against the calendar: expired means Cafe24 silently
 * answers every call as another version; near its end, a warning with the date. Unknown to the calendar, or
 * already refused by Cafe24 (a stronger proof), it adds nothing.
 */
function pinnedFinding(
  ctx: DoctorContext,
  calendar: ApiVersionCalendar,
  outcome: Outcome,
): Finding<Code> | undefined {
  const pinned = ctx.config.apiVersion;
  if (pinned === undefined || outcome.evidence.refusedVersion === pinned) return undefined;
  const now = ctx.now();
  const standing = calendar.standing(pinned, now);
  const latest = calendar.latest ?? pinned;
  const command = `CAFE24_API_VERSION=${latest} cafe24-doctor check`;
  if (standing.kind === "expired") {
    const date = formatKstIso(standing.endedAt);
    return finding("API_VERSION_EXPIRED", {
      cause: {
        key: "check.api-version.API_VERSION_EXPIRED.cause.pinnedSilent",
        params: { version: pinned, date, served: standing.servedAs },
      },
      remedy: { key: "check.api-version.remedy.pinnedSilent", params: { version: pinned, latest } },
      command,
      evidence: { version: pinned, pinned: true, expiresAt: date, servedAs: standing.servedAs },
    });
  }
  if (standing.kind !== "live" || standing.endsAt === null) return undefined;
  const leftMs = standing.endsAt - now;
  if (leftMs > NOTICE_DAYS * DAY_MS) return undefined;
  const params = { version: pinned, date: formatKstIso(standing.endsAt), days: Math.floor(leftMs / DAY_MS) };
  return finding(leftMs <= EXPIRING_DAYS * DAY_MS ? "API_VERSION_EXPIRING" : "API_VERSION_EXPIRY_NOTICE", {
    cause: { key: "check.api-version.expiring.pinned.cause", params },
    remedy: { key: "check.api-version.remedy.pinnedSilent", params: { version: pinned, latest } },
    command,
    evidence: { version: pinned, pinned: true, expiresAt: params.date, daysLeft: params.days },
  });
}

const STATUS_OF: Record<Code, CheckStatus> = {
  API_VERSION_EXPIRED: "expired",
  API_VERSION_INVALID: "fail",
  API_VERSION_EXPIRING: "warn",
  API_VERSION_EXPIRY_NOTICE: "warn",
};
const SEVERITY: readonly CheckStatus[] = ["expired", "fail", "warn"];

/** The app's outcome with the pinned version's finding first: it decides every call the app makes. */
function withPinned(outcome: Outcome, pinned: Finding<Code> | undefined): Outcome {
  if (!pinned) return outcome;
  const own = STATUS_OF[pinned.code];
  const worse =
    SEVERITY.includes(outcome.status) && SEVERITY.indexOf(outcome.status) <= SEVERITY.indexOf(own);
  return {
    status: worse ? outcome.status : own,
    summary: worse ? outcome.summary : pinned.cause,
    evidence: { ...outcome.evidence, pinnedVersion: pinned.evidence?.version ?? null },
    findings: [pinned, ...outcome.findings],
  };
}
