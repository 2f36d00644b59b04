/*
 * Check 3 — token lifetimes: how long the access and refresh tokens have left, from the token's absolute
 * instants (parsed as KST at the boundary) against ctx.now() — never from naive local times, the old
 * toolkit's 9-hour trap on a UTC server.
 *
 * Finding codes (stable):
 *   ACCESS_TOKEN_EXPIRED          high      cafe24-doctor token refresh
 *   REFRESH_TOKEN_EXPIRED         critical  cafe24-doctor token login
 *   REFRESH_TOKEN_EXPIRING        high under 3 days, medium under 7   cafe24-doctor token refresh
 *   REFRESH_TOKEN_EXPIRY_UNKNOWN  low       cafe24-doctor token refresh  (older answers did not say)
 *   TOKEN_LIFETIME_UNKNOWN        medium    cafe24-doctor token login    (only CAFE24_ACCESS_TOKEN is known)
 *   LEGACY_LOCAL_TIME_EXPIRY      medium    cafe24-doctor token refresh  (old toolkit's file, host not at +09:00)
 */

import { formatKstIso, KST_OFFSET_MS } from "../../cafe24/kst.js";
import type { TokenSet } from "../../cafe24/token-set.js";
import type { LegacyTrait } from "../../store/token-file-format.js";
import type { CheckDefinition } from "../context.js";
import { factsOf } from "../facts.js";
import type { CheckOutcome, EvidenceValue, Finding, Message } from "../types.js";
import { findingOf } from "./finding-of.js";
import { formatOffset, hostTimeZone, zoneOffsetMs } from "./time-zone.js";

const DAY_MS = 86_400_000;
const REFRESH = "cafe24-doctor token refresh";
const LOGIN = "cafe24-doctor token login";

/** Traits only the old toolkit produced: timestamps it made itself with Python's naive datetime.now(). */
const OLD_TOOLKIT_TIMES: readonly LegacyTrait[] = ["microsecond-timestamps", "token-date"];

export interface TokenLifetimesOptions {
  /** The host's IANA zone. @default the runtime's (TZ, then the system setting) */
  timeZone?: () => string;
}

export function createTokenLifetimesCheck(options: TokenLifetimesOptions = {}): CheckDefinition {
  const timeZone = options.timeZone ?? hostTimeZone;
  return {
    id: "token-lifetimes",
    dependsOn: ["token-store"],
    async run(ctx, deps): Promise<CheckOutcome> {
      const stored = factsOf(deps, "token-store");
      if (!stored?.token) {
        return {
          status: "skipped",
          summary: { key: "check.token-lifetimes.summary.noToken" },
          evidence: {},
          findings: [],
        };
      }
      if (stored.source === "env") {
        return {
          status: "warn",
          summary: { key: "check.token-lifetimes.summary.envToken" },
          evidence: { source: "env" },
          findings: [
            findingOf({
              code: "TOKEN_LIFETIME_UNKNOWN",
              urgency: "medium",
              text: "check.token-lifetimes.envToken",
              command: LOGIN,
            }),
          ],
        };
      }
      const now = ctx.now();
      const zone = timeZone();
      const lifetimes = lifetimeFindings(stored.token, now);
      const legacy = legacyTimeFinding(stored.legacy ?? [], zone, now);
      const findings = legacy ? [...lifetimes, legacy] : lifetimes;
      const expired = findings.some(
        (f) => f.code === "ACCESS_TOKEN_EXPIRED" || f.code === "REFRESH_TOKEN_EXPIRED",
      );
      return {
        status: expired ? "expired" : findings.length > 0 ? "warn" : "ok",
        summary: summaryOf(stored.token, now),
        evidence: evidenceOf(stored.token, now, zone),
        findings,
      };
    },
  };
}

export const tokenLifetimesCheck = createTokenLifetimesCheck();

function lifetimeFindings(token: TokenSet, now: number): Finding[] {
  const accessLeft = token.accessTokenExpiresAt - now;
  const refreshAt = token.refreshTokenExpiresAt;
  // The refresh token outlives its access token by design: once it is dead, it is the one cause to name.
  if (refreshAt !== null && refreshAt <= now) {
    return [
      findingOf({
        code: "REFRESH_TOKEN_EXPIRED",
        urgency: "critical",
        text: "check.token-lifetimes.refreshExpired",
        params: { refreshMs: Math.abs(refreshAt - now), expiresAt: formatKstIso(refreshAt) },
        command: LOGIN,
      }),
    ];
  }
  const findings: Finding[] = [];
  if (accessLeft <= 0) {
    findings.push(
      findingOf({
        code: "ACCESS_TOKEN_EXPIRED",
        urgency: "high",
        text: "check.token-lifetimes.accessExpired",
        params: {
          accessMs: Math.abs(accessLeft),
          expiresAt: formatKstIso(token.accessTokenExpiresAt),
        },
        command: REFRESH,
      }),
    );
  }
  if (refreshAt === null) {
    findings.push(
      findingOf({
        code: "REFRESH_TOKEN_EXPIRY_UNKNOWN",
        urgency: "low",
        text: "check.token-lifetimes.refreshUnknown",
        command: REFRESH,
      }),
    );
  } else if (refreshAt - now < 7 * DAY_MS) {
    findings.push(
      findingOf({
        code: "REFRESH_TOKEN_EXPIRING",
        urgency: refreshAt - now < 3 * DAY_MS ? "high" : "medium",
        text: "check.token-lifetimes.refreshExpiring",
        params: { refreshMs: Math.abs(refreshAt - now), expiresAt: formatKstIso(refreshAt) },
        command: REFRESH,
      }),
    );
  }
  return findings;
}

/**
 * The old toolkit stamped `token_date` (and computed expiries) with the host's naive local time. We read
 * offset-less times as KST, which is right for Cafe24's own times, but off by the host's distance from +09:00
 * for those stamps if the old toolkit ran on this host.
 */
function legacyTimeFinding(legacy: readonly LegacyTrait[], zone: string, now: number): Finding | undefined {
  if (!legacy.some((trait) => OLD_TOOLKIT_TIMES.includes(trait))) return undefined;
  const offset = zoneOffsetMs(zone, now);
  if (offset === undefined || offset === KST_OFFSET_MS) return undefined;
  return findingOf({
    code: "LEGACY_LOCAL_TIME_EXPIRY",
    urgency: "medium",
    text: "check.token-lifetimes.legacyLocalTime",
    params: { zone, offset: formatOffset(offset), hours: Math.abs(KST_OFFSET_MS - offset) / 3_600_000 },
    command: REFRESH,
    evidence: { hostTimeZone: zone, hostUtcOffset: formatOffset(offset) },
  });
}

function summaryOf(token: TokenSet, now: number): Message {
  const accessLeft = token.accessTokenExpiresAt - now;
  const access = { accessMs: Math.abs(accessLeft) };
  if (token.refreshTokenExpiresAt === null) {
    return accessLeft > 0
      ? { key: "check.token-lifetimes.summary.validRefreshUnknown", params: access }
      : { key: "check.token-lifetimes.summary.accessExpiredRefreshUnknown", params: access };
  }
  const refreshLeft = token.refreshTokenExpiresAt - now;
  const refresh = { refreshMs: Math.abs(refreshLeft) };
  if (refreshLeft <= 0) return { key: "check.token-lifetimes.summary.refreshExpired", params: refresh };
  return {
    key:
      accessLeft > 0 ? "check.token-lifetimes.summary.valid" : "check.token-lifetimes.summary.accessExpired",
    params: { ...access, ...refresh },
  };
}

function evidenceOf(token: TokenSet, now: number, zone: string): Record<string, EvidenceValue> {
  const refreshAt = token.refreshTokenExpiresAt;
  return {
    accessExpiresAt: formatKstIso(token.accessTokenExpiresAt),
    accessRemainingSeconds: Math.round((token.accessTokenExpiresAt - now) / 1000),
    refreshExpiresAt: refreshAt === null ? null : formatKstIso(refreshAt),
    refreshRemainingSeconds: refreshAt === null ? null : Math.round((refreshAt - now) / 1000),
    issuedAt: token.issuedAt === null ? null : formatKstIso(token.issuedAt),
    hostTimeZone: zone,
  };
}
