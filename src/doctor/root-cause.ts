import type { RankedProblem, RootCause } from "./report/report-input.js";
import type { CheckId, CheckResult, Finding, FindingCode, Message } from "./types.js";

/** Looks findings up by code across all checks; only codes some check's table defines compile. */
class Findings {
  constructor(private readonly problems: readonly RankedProblem[]) {}

  has(...codes: FindingCode[]): boolean {
    return this.problems.some((p) => codes.includes(p.finding.code));
  }

  get(...codes: FindingCode[]): Finding | undefined {
    return this.problems.find((p) => codes.includes(p.finding.code))?.finding;
  }
}

interface Rule<Code extends string = string> {
  code: Code;
  applies(f: Findings, results: ReadonlyMap<CheckId, CheckResult>): boolean;
  explain(f: Findings, results: ReadonlyMap<CheckId, CheckResult>): Omit<RootCause, "code">;
}

type RuleCode = (typeof RULES)[number]["code"];

/** A root cause's stable code: a rule's, or — when no rule applies — the most urgent finding's own. */
export type RootCauseCode = RuleCode | FindingCode;

const msg = (key: Message["key"], params?: Message["params"]): Message =>
  params ? { key, params } : { key };

/**
 * Correlates findings into the one cause a person should act on first. Order matters: a cause that explains
 * others comes first (a 9-hour clock error makes valid tokens look expired; an unreachable host fails
 * everything after it). Codes are the checks' stable finding codes.
 */
const RULES = [
  {
    code: "NOT_CONFIGURED",
    applies: (f) => f.has("MALL_ID_MISSING", "CLIENT_ID_MISSING", "CLIENT_SECRET_MISSING"),
    explain: () => ({
      title: msg("rootcause.notConfigured.title"),
      explanation: msg("rootcause.notConfigured.explanation"),
      suspects: [],
      command: "cafe24-doctor init",
    }),
  },
  {
    // Before everything that needs a token: with the store unreachable no token can be read or saved.
    code: "REDIS_UNAVAILABLE",
    applies: (f) => f.has("REDIS_UNAVAILABLE"),
    explain: (f) => ({
      title: msg("rootcause.redisUnavailable.title"),
      explanation: msg("rootcause.redisUnavailable.explanation", {
        url: String(f.get("REDIS_UNAVAILABLE")?.evidence?.url ?? "Redis"),
      }),
      suspects: [
        msg("rootcause.suspect.redisDown"),
        msg("rootcause.suspect.redisUrl"),
        msg("rootcause.suspect.redisTls"),
      ],
      command: f.get("REDIS_UNAVAILABLE")?.command ?? "cafe24-doctor check",
    }),
  },
  {
    code: "HOST_UNREACHABLE",
    applies: (f) =>
      f.has(
        "HOST_UNRESOLVABLE",
        "DNS_FAILED",
        "HOST_UNREACHABLE",
        "CONNECTION_REFUSED",
        "NETWORK_TIMEOUT",
        "TLS_FAILED",
      ),
    explain: (f) => ({
      title: msg("rootcause.hostUnreachable.title"),
      explanation: msg("rootcause.hostUnreachable.explanation"),
      suspects: [
        msg("rootcause.suspect.mallIdTypo"),
        msg("rootcause.suspect.baseUrl"),
        msg("rootcause.suspect.firewall"),
      ],
      command:
        f.get("HOST_UNRESOLVABLE", "HOST_UNREACHABLE", "CONNECTION_REFUSED", "NETWORK_TIMEOUT")?.command ??
        "cafe24-doctor check",
    }),
  },
  {
    // Before every credential, token and scope cause: a removed app makes Cafe24 refuse all of them, and only
    // the merchant can undo it.
    code: "APP_DELETED_BY_MERCHANT",
    applies: (f) => f.has("APP_DELETED"),
    explain: (f) => appRemovedCause(f.get("APP_DELETED"), "rootcause.appDeleted"),
  },
  {
    code: "APP_EXPIRED",
    applies: (f) => f.has("APP_EXPIRED"),
    explain: (f) => appRemovedCause(f.get("APP_EXPIRED"), "rootcause.appExpired"),
  },
  {
    // Before every token cause: with credentials Cafe24 refuses, neither a refresh nor a login can succeed.
    // No command: the fix is copying the current secret from Developer Center into .env and redeploying.
    code: "CLIENT_CREDENTIALS_REJECTED",
    applies: (f) => f.has("CLIENT_SECRET_REJECTED", "CLIENT_ID_REJECTED"),
    explain: (f) =>
      f.has("CLIENT_SECRET_REJECTED")
        ? {
            title: msg("rootcause.clientSecret.title"),
            explanation: msg("rootcause.clientSecret.explanation"),
            suspects: [msg("rootcause.suspect.secretReissued"), msg("rootcause.suspect.secretTypo")],
          }
        : {
            title: msg("rootcause.clientId.title"),
            explanation: msg("rootcause.clientId.explanation"),
            suspects: [],
          },
  },
  {
    code: "CLOCK_TIMEZONE_TRAP",
    applies: (f) => f.has("CLOCK_NINE_HOUR_SKEW", "CLOCK_SKEW"),
    explain: (f, results) => ({
      title: msg("rootcause.clock.title"),
      explanation: msg("rootcause.clock.explanation", {
        hours: (Math.abs(Number(results.get("clock")?.evidence.skewSeconds ?? 0)) / 3600).toFixed(1),
      }),
      suspects: [msg("rootcause.suspect.hwclockLocal"), msg("rootcause.suspect.noNtp")],
      command: f.get("CLOCK_NINE_HOUR_SKEW", "CLOCK_SKEW")?.command ?? "timedatectl set-ntp true",
    }),
  },
  {
    // Before the dead-token causes: refreshers racing for one rotating refresh token are what kills it (and
    // keeps killing the next one after a login). The fix is in the code, then one refresher serves them all.
    code: "REFRESHERS_RACE",
    applies: (f) => f.has("REFRESHERS_RACE"),
    explain: (f) => {
      const race = f.get("REFRESHERS_RACE")?.evidence;
      const places = Array.isArray(race?.places) ? race.places : [];
      return {
        title: msg("rootcause.refreshersRace.title", { count: Number(race?.count ?? places.length) }),
        explanation: msg("rootcause.refreshersRace.explanation", {
          count: Number(race?.count ?? places.length),
          places: places.join(", "),
        }),
        suspects: [msg("rootcause.suspect.refreshInApp"), msg("rootcause.suspect.refreshCron")],
        command: "cafe24-doctor watch --token-endpoint",
      };
    },
  },
  {
    code: "REAUTHORIZATION_REQUIRED",
    applies: (f) =>
      f.has(
        "REFRESH_TOKEN_EXPIRED",
        "TOKEN_FILE_MISSING",
        "TOKEN_FILE_INVALID",
        "TOKEN_MISSING",
        "TOKEN_INVALID",
      ),
    explain: (f) => ({
      title: msg(
        f.has("REFRESH_TOKEN_EXPIRED") ? "rootcause.refreshExpired.title" : "rootcause.noToken.title",
      ),
      explanation: msg(
        f.has("REFRESH_TOKEN_EXPIRED")
          ? "rootcause.refreshExpired.explanation"
          : "rootcause.noToken.explanation",
      ),
      suspects: f.has("REFRESH_TOKEN_EXPIRED") ? [msg("rootcause.suspect.idleTwoWeeks")] : [],
      command: "cafe24-doctor token login",
    }),
  },
  {
    code: "TOKEN_REVOKED_OR_ROTATED_ELSEWHERE",
    applies: (f) => f.has("ACCESS_TOKEN_REJECTED"),
    explain: (f) => ({
      title: msg("rootcause.rotatedElsewhere.title"),
      explanation: msg("rootcause.rotatedElsewhere.explanation"),
      suspects: [
        msg("rootcause.suspect.secondInstance"),
        msg("rootcause.suspect.oldAutoRefresher"),
        msg("rootcause.suspect.envCopy"),
        msg("rootcause.suspect.redeployOldFile"),
        msg("rootcause.suspect.revokedInAdmin"),
      ],
      command: f.get("ACCESS_TOKEN_REJECTED")?.command ?? "cafe24-doctor token login",
    }),
  },
  {
    code: "ACCESS_TOKEN_NOT_REFRESHED",
    applies: (f) => f.has("ACCESS_TOKEN_EXPIRED"),
    explain: () => ({
      title: msg("rootcause.accessExpired.title"),
      explanation: msg("rootcause.accessExpired.explanation"),
      suspects: [msg("rootcause.suspect.noRefresher"), msg("rootcause.suspect.utcParsing")],
      command: "cafe24-doctor token refresh",
    }),
  },
  {
    code: "SCOPE_MISSING",
    applies: (f) => f.has("SCOPE_MISSING", "SCOPE_REVOKED"),
    explain: (f) => ({
      title: msg("rootcause.scope.title"),
      explanation: msg("rootcause.scope.explanation", {
        scopes: String(f.get("SCOPE_MISSING", "SCOPE_REVOKED")?.evidence?.missing ?? ""),
      }),
      suspects: [msg("rootcause.suspect.scopeAddedLater")],
      command: "cafe24-doctor token login",
    }),
  },
  {
    code: "API_VERSION_EXPIRED",
    applies: (f) => f.has("API_VERSION_EXPIRED", "API_VERSION_INVALID"),
    explain: (f) => ({
      title: msg(f.has("API_VERSION_EXPIRED") ? "rootcause.version.title" : "rootcause.versionUnknown.title"),
      explanation: msg(
        f.has("API_VERSION_EXPIRED")
          ? "rootcause.version.explanation"
          : "rootcause.versionUnknown.explanation",
      ),
      suspects: [],
      command: f.get("API_VERSION_EXPIRED", "API_VERSION_INVALID")?.command ?? "cafe24-doctor check",
    }),
  },
  {
    code: "DEPLOYMENT_TOKEN_DEAD",
    applies: (f) => f.has("SERVICE_TOKEN_INVALID"),
    explain: () => ({
      title: msg("rootcause.deployment.title"),
      explanation: msg("rootcause.deployment.explanation"),
      suspects: [msg("rootcause.suspect.deploymentOwnCopy"), msg("rootcause.suspect.envCopy")],
      command: "cafe24-doctor token status --verify",
    }),
  },
  {
    code: "RATE_LIMITED",
    applies: (f) => f.has("RATE_LIMITED", "USAGE_EXHAUSTED"),
    explain: () => ({
      title: msg("rootcause.rateLimited.title"),
      explanation: msg("rootcause.rateLimited.explanation"),
      suspects: [msg("rootcause.suspect.unpacedJob")],
      command: "cafe24-doctor check",
    }),
  },
  {
    code: "CAFE24_SERVER_TROUBLE",
    applies: (f) => f.has("CAFE24_SERVER_ERROR"),
    explain: () => ({
      title: msg("rootcause.server.title"),
      explanation: msg("rootcause.server.explanation"),
      suspects: [],
      command: "cafe24-doctor check",
    }),
  },
] as const satisfies readonly Rule[];

function appRemovedCause(
  finding: Finding | undefined,
  prefix: "rootcause.appDeleted" | "rootcause.appExpired",
): Omit<RootCause, "code"> {
  const command = finding?.command ?? "cafe24-doctor token login";
  const mall = String(finding?.cause.params?.mall ?? "–");
  return {
    title: msg(`${prefix}.title`),
    explanation: msg(`${prefix}.explanation`, { mall, command }),
    suspects: [],
    command,
  };
}

/** The first rule that applies, or — when none does — the most urgent problem itself. */
export function findRootCause(
  results: readonly CheckResult[],
  problems: readonly RankedProblem[],
): RootCause | undefined {
  const findings = new Findings(problems);
  const byId = new Map(results.map((r) => [r.id, r]));
  const rules: readonly Rule<RuleCode>[] = RULES;
  const rule = rules.find((r) => r.applies(findings, byId));
  if (rule) return { code: rule.code, ...rule.explain(findings, byId) };
  const top = problems[0];
  if (!top || top.finding.urgency === "low") return undefined;
  return {
    code: top.finding.code,
    title: top.finding.cause,
    explanation: top.finding.remedy,
    suspects: [],
    ...(top.finding.command ? { command: top.finding.command } : {}),
  };
}
