/*
 * Check 6 — authentication: one live Admin API call with the stored access token, never refreshed (a
 * diagnosis that refreshed would rotate the token under every other process). Tells apart what the old
 * toolkit read as "expired": expired, rejected while the file says valid (revoked, or rotated by another
 * process), forbidden, rate-limited, Cafe24 trouble, no network. Finding codes and messages:
 * src/i18n/doctor/checks/authentication.ts.
 */
import { type AppRemoval, appRemovalOf } from "../../cafe24/app-removal.js";
import type { TokenSet } from "../../cafe24/token-set.js";
import { ERROR_CODES } from "../../errors/doctor-error.js";
import { authenticationCatalogue } from "../../i18n/doctor/checks/authentication.js";
import type { CheckDefinition, DoctorContext } from "../context.js";
import type { ApiAnswer } from "../doctor-api.js";
import { type CheckFacts, facts, factsOf } from "../facts.js";
import type { CheckOutcome, CheckStatus, EvidenceValue, Finding, FindingCodeOf } from "../types.js";
import { type CredentialsVerdict, verifyClientCredentials } from "../verify-client-credentials.js";
import { findingBuilder } from "./finding-of.js";
import { safeText } from "./safe-text.js";
import { versionRefusal } from "./version-refusal.js";

/** Cheap reads that prove a token, best first; the first one the token's scopes allow is used. */
const PROBES: readonly { scope: string; path: string }[] = [
  { scope: "mall.read_application", path: "/apps" },
  { scope: "mall.read_store", path: "/store" },
  { scope: "mall.read_product", path: "/products/count" },
  { scope: "mall.read_category", path: "/categories/count" },
  { scope: "mall.read_community", path: "/boards" },
];

/** Answers Cafe24 gives only after accepting the token: the endpoint quibbled, the token is fine. */
const ACCEPTED_ERRORS = new Set([400, 404, 409, 422]);

const REFRESH = "cafe24-doctor token refresh";
const LOGIN = "cafe24-doctor token login";

type Failure = CheckFacts["authentication"]["failure"];
type Source = CheckFacts["token-store"]["source"];

const finding = findingBuilder(authenticationCatalogue);
type Code = FindingCodeOf<"authentication">;

export const authenticationCheck: CheckDefinition<"authentication"> = {
  id: "authentication",
  dependsOn: ["token-store", "network"],
  async run(ctx, deps): Promise<CheckOutcome<Code>> {
    const stored = factsOf(deps, "token-store");
    if (!ctx.api) return skipped("check.authentication.summary.noApi", "other");
    if (factsOf(deps, "network")?.reachable === false)
      return skipped("check.authentication.summary.unreachable", "network");
    // The app's credentials are proven whether or not there is a token: without them no login can succeed.
    const credentials = probeCredentials(ctx);
    // A token that is there but unusable (a corrupt file, say) is the token store's finding, not "no token".
    if (!stored?.token && deps["token-store"]?.status === "fail")
      return withCredentials(
        skipped("check.authentication.summary.tokenUnusable", "token-unusable"),
        await credentials,
        ctx.config.mallId,
      );
    if (!stored?.token)
      return withCredentials(
        skipped("check.authentication.summary.noToken", "no-token"),
        await credentials,
        ctx.config.mallId,
      );

    const token = stored.token;
    const probe = PROBES.find((p) => token.scopes.includes(p.scope)) ?? {
      scope: "mall.read_store",
      path: "/store",
    };
    const [answer, verdictOfCredentials] = await Promise.all([
      ctx.api.get(probe.path, { signal: ctx.signal }),
      credentials,
    ]);
    const now = ctx.now();
    const evidence: Record<string, EvidenceValue> = {
      path: probe.path,
      status: answer.status ?? null,
      ms: answer.ms,
      source: stored.source,
      ...(answer.cafe24Message ? { cafe24Message: safeText(answer.cafe24Message) } : {}),
      localAccessRemainingSeconds: Number.isFinite(token.accessTokenExpiresAt)
        ? Math.round((token.accessTokenExpiresAt - now) / 1000)
        : null,
    };
    const verdict = judge(answer, token, stored.source, probe, now, ctx.config.mallId);
    return withCredentials(
      {
        status: verdict.status,
        summary: {
          key: verdict.summary,
          params: {
            path: probe.path,
            status: answer.status ?? "—",
            version: verdict.version ?? "–",
            mall: ctx.config.mallId ?? "–",
          },
        },
        evidence,
        findings: verdict.finding ? [verdict.finding] : [],
        facts: facts("authentication", {
          authenticated: verdict.failure === undefined,
          failure: verdict.failure,
        }),
      },
      verdictOfCredentials,
      ctx.config.mallId,
    );
  },
};

/** The probe grant, when the mall and the app's credentials are configured (else configuration reports them). */
async function probeCredentials(ctx: DoctorContext): Promise<CredentialsVerdict | undefined> {
  const { mallId, clientId, clientSecret, baseUrl, allowInsecureLoopback } = ctx.config;
  if (!mallId || !clientId || !clientSecret) return undefined;
  return verifyClientCredentials(
    { mallId, clientId, clientSecret, baseUrl, allowInsecureLoopback },
    { fetch: ctx.fetch, signal: ctx.signal },
  );
}

/**
 * Adds what the probe grant said: a refused secret (or id) fails the check whatever the token did, since
 * the next refresh and every login will fail; an accepted or inconclusive probe only adds evidence.
 */
function withCredentials(
  outcome: CheckOutcome<Code>,
  credentials: CredentialsVerdict | undefined,
  mallId: string | undefined,
): CheckOutcome<Code> {
  if (!credentials) return outcome;
  const evidence: Record<string, EvidenceValue> = {
    ...outcome.evidence,
    clientCredentials: credentials.verdict,
    ...(credentials.error ? { clientCredentialsError: safeText(credentials.error) } : {}),
  };
  // The token endpoint naming a removed app is news even without a token to try (a fresh deployment, say).
  const removal = credentials.verdict === "inconclusive" ? appRemovalOf(credentials.description) : undefined;
  if (removal) {
    if (outcome.findings.some((f) => f.code === "APP_DELETED" || f.code === "APP_EXPIRED"))
      return { ...outcome, evidence };
    const verdict = appRemoved(removal, credentials.description ?? "", mallId);
    return {
      ...outcome,
      status: "fail",
      summary: { key: verdict.summary, params: { mall: mallId ?? "–" } },
      evidence,
      findings: [...(verdict.finding ? [verdict.finding] : []), ...outcome.findings],
      facts: facts("authentication", { authenticated: false, failure: verdict.failure }),
    };
  }
  if (credentials.verdict !== "rejected") return { ...outcome, evidence };
  const said = `${credentials.error ?? credentials.status ?? "?"}${credentials.description ? `: ${credentials.description}` : ""}`;
  const rejected = finding(credentials.which === "secret" ? "CLIENT_SECRET_REJECTED" : "CLIENT_ID_REJECTED", {
    text:
      credentials.which === "secret"
        ? "check.authentication.CLIENT_SECRET_REJECTED"
        : "check.authentication.CLIENT_ID_REJECTED",
    params: { said: safeText(said) },
    evidence: { status: credentials.status ?? null, error: credentials.error ?? null },
  });
  // The token's own verdict stays when it is worse news than a passing call; otherwise the secret is the news.
  const tokenFailed = outcome.status === "fail" || outcome.status === "expired";
  return {
    ...outcome,
    status: tokenFailed ? outcome.status : "fail",
    summary: tokenFailed
      ? outcome.summary
      : {
          key: "check.authentication.summary.credentialsRejected",
          params: { which: credentials.which, status: credentials.status ?? "—" },
        },
    evidence,
    findings: [rejected, ...outcome.findings],
  };
}

function skipped(summary: SummaryKey, failure: Failure): CheckOutcome<never> {
  return {
    status: "skipped",
    summary: { key: summary },
    evidence: {},
    findings: [],
    facts: facts("authentication", { authenticated: false, failure }),
  };
}

type SummaryKey = `check.authentication.summary.${
  | "noApi"
  | "noToken"
  | "tokenUnusable"
  | "unreachable"
  | "ok"
  | "accepted"
  | "expired"
  | "rejected"
  | "forbidden"
  | "rateLimited"
  | "server"
  | "network"
  | "unexpected"
  | "credentialsRejected"
  | "versionRefused"
  | "appDeleted"
  | "appExpired"}`;

interface Verdict {
  status: CheckStatus;
  summary: SummaryKey;
  failure: Failure;
  finding?: Finding<Code>;
  version?: string;
}

function judge(
  answer: ApiAnswer,
  token: TokenSet,
  source: Source,
  probe: { scope: string; path: string },
  now: number,
  mallId: string | undefined,
): Verdict {
  const { status } = answer;
  if (answer.ok) return { status: "ok", summary: "check.authentication.summary.ok", failure: undefined };
  // A refused API version says nothing of the token: the API version check names it (a finding there).
  const refusal = versionRefusal(answer);
  if (refusal) {
    return {
      status: "skipped",
      summary: "check.authentication.summary.versionRefused",
      failure: "other",
      version: refusal.version,
    };
  }
  if (status !== undefined && ACCEPTED_ERRORS.has(status)) {
    return { status: "ok", summary: "check.authentication.summary.accepted", failure: undefined };
  }
  // Refreshing needs a refresh token we still have and believe alive; the env copy has none.
  const refreshable =
    (source === "file" || source === "store") &&
    (token.refreshTokenExpiresAt === null || token.refreshTokenExpiresAt > now);
  const command = refreshable ? REFRESH : LOGIN;
  if (status === 401) {
    if (/time expired/i.test(answer.cafe24Message ?? "")) {
      return {
        status: "expired",
        summary: "check.authentication.summary.expired",
        failure: "expired",
        finding: finding("ACCESS_TOKEN_EXPIRED", {
          text: "check.authentication.expired",
          params: { command },
          command,
        }),
      };
    }
    // Refused while the store says it is valid: revoked or replaced by another refresh, and the refresh token
    // went with it (revoking revokes both; a refresh rotates both), so only a new authorization helps.
    const live = source !== "env" && token.accessTokenExpiresAt > now;
    const text =
      source === "env"
        ? "check.authentication.rejectedEnv"
        : live
          ? "check.authentication.rejected"
          : "check.authentication.rejectedStale";
    const rejectedCommand = live ? LOGIN : command;
    return {
      status: "fail",
      summary: "check.authentication.summary.rejected",
      failure: "invalid",
      finding: finding("ACCESS_TOKEN_REJECTED", {
        text,
        params: { command: rejectedCommand },
        command: rejectedCommand,
      }),
    };
  }
  if (status === 403) {
    // Cafe24 words a removed app's 403 apart from a missing scope's; telling them apart spares a useless re-consent.
    const removal = appRemovalOf(answer.cafe24Message);
    if (removal) return appRemoved(removal, answer.cafe24Message ?? "", mallId);
    return {
      status: "fail",
      summary: "check.authentication.summary.forbidden",
      failure: "forbidden",
      finding: finding("ACCESS_FORBIDDEN", {
        text: "check.authentication.forbidden",
        params: { path: probe.path, scope: probe.scope },
        command: LOGIN,
        evidence: { scope: probe.scope, granted: token.scopes.includes(probe.scope) },
      }),
    };
  }
  if (status === 429) {
    return {
      status: "warn",
      summary: "check.authentication.summary.rateLimited",
      failure: "rate-limited",
      finding: finding("RATE_LIMITED", {
        text: "check.authentication.rateLimited",
      }),
    };
  }
  if (status !== undefined && status >= 500) {
    return {
      status: "fail",
      summary: "check.authentication.summary.server",
      failure: "server",
      finding: finding("CAFE24_SERVER_ERROR", {
        text: "check.authentication.server",
        params: { status },
        command: "cafe24-doctor check",
      }),
    };
  }
  const code = answer.error?.code;
  if (status === undefined && (code === ERROR_CODES.network || code === ERROR_CODES.timeout)) {
    return {
      status: "fail",
      summary: "check.authentication.summary.network",
      failure: "network",
      finding: finding("AUTH_NETWORK_ERROR", {
        text: "check.authentication.network",
      }),
    };
  }
  return {
    status: "fail",
    summary: "check.authentication.summary.unexpected",
    failure: "other",
    finding: finding("AUTH_UNEXPECTED_ANSWER", {
      text: "check.authentication.unexpected",
      params: { error: code ?? String(status) },
      command: "cafe24-doctor check --debug",
    }),
  };
}

/** The merchant removed the app, or its term ran out: only the merchant can fix it, then a new consent. */
function appRemoved(removal: AppRemoval, said: string, mallId: string | undefined): Verdict {
  const command = mallId ? `${LOGIN} --mall ${mallId}` : LOGIN;
  const params = { said: safeText(said), mall: mallId ?? "–", command };
  return removal === "deleted"
    ? {
        status: "fail",
        summary: "check.authentication.summary.appDeleted",
        failure: "app-deleted",
        finding: finding("APP_DELETED", { text: "check.authentication.APP_DELETED", params, command }),
      }
    : {
        status: "fail",
        summary: "check.authentication.summary.appExpired",
        failure: "app-expired",
        finding: finding("APP_EXPIRED", { text: "check.authentication.APP_EXPIRED", params, command }),
      };
}
