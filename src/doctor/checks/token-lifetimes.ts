/*
 * Check 3 — token lifetimes: how long the access and refresh tokens have left, from the token's absolute
 * instants (parsed as KST at the boundary) against ctx.now() — never from naive local times, the old
 * toolkit's 9-hour trap on a UTC server. Finding codes and messages: src/i18n/doctor/checks/token-lifetimes.ts.
 */

import { formatKstIso, KST_OFFSET_MS } from "../../cafe24/kst.js";
import type { TokenSet } from "../../cafe24/token-set.js";
import { tokenLifetimesCatalogue } from "../../i18n/doctor/checks/token-lifetimes.js";
import type { LegacyTrait } from "../../store/token-file-format.js";
import type { CheckDefinition } from "../context.js";
import { factsOf } from "../facts.js";
import type { CheckOutcome, EvidenceValue, Finding, FindingCodeOf, Message } from "../types.js";
import { findingBuilder } from "./finding-of.js";
import { formatOffset, hostTimeZone, zoneOffsetMs } from "./time-zone.js";

const DAY_MS = 86_400_000;
const REFRESH = "cafe24-doctor token refresh";
const LOGIN = "cafe24-doctor token login";

const finding = findingBuilder(tokenLifetimesCatalogue);
type Code = FindingCodeOf<"token-lifetimes">;

/** Traits only the old toolkit produced: timestamps it made itself with Python's naive datetime.now(). */
const OLD_TOOLKIT_TIMES: readonly LegacyTrait[] = ["microsecond-timestamps", "token-date"];

export interface TokenLifetimesOptions {
  /** The host's IANA zone. @default the runtime's (TZ, then the system setting) */
  timeZone?: () => string;
}

export function createTokenLifetimesCheck(
  options: TokenLifetimesOptions = {},
): CheckDefinition<"token-lifetimes"> {
  const timeZone = options.timeZone ?? hostTimeZone;
  return {
    id: "token-lifetimes",
    dependsOn: ["token-store"],
    async run(ctx, deps): Promise<CheckOutcome<Code>> {
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
            finding("TOKEN_LIFETIME_UNKNOWN", {
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

function lifetimeFindings(token: TokenSet, now: number): Finding<Code>[] {
  const accessLeft = token.accessTokenExpiresAt - now;
  const refreshAt = token.refreshTokenExpiresAt;
  // The refresh token outlives its access token by design: once it is dead, it is the one cause to name.
  if (refreshAt !== null && refreshAt <= now) {
    return [
      finding("REFRESH_TOKEN_EXPIRED", {
        text: "check.token-lifetimes.refreshExpired",
        params: { refreshMs: Math.abs(refreshAt - now), expiresAt: formatKstIso(refreshAt) },
        command: LOGIN,
      }),
    ];
  }
  const findings: Finding<Code>[] = [];
  if (accessLeft <= 0) {
    findings.push(
      finding("ACCESS_TOKEN_EXPIRED", {
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
      finding("REFRESH_TOKEN_EXPIRY_UNKNOWN", {
        text: "check.token-lifetimes.refreshUnknown",
        command: REFRESH,
      }),
    );
  } else if (refreshAt - now < 7 * DAY_MS) {
    findings.push(
      finding("REFRESH_TOKEN_EXPIRING", {
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
function legacyTimeFinding(
  legacy: readonly LegacyTrait[],
  zone: string,
  now: number,
): Finding<Code> | undefined {
  if (!legacy.some((trait) => OLD_TOOLKIT_TIMES.includes(trait))) return undefined;
  const offset = zoneOffsetMs(zone, now);
  if (offset === undefined || offset === KST_OFFSET_MS) return undefined;
  return finding("LEGACY_LOCAL_TIME_EXPIRY", {
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
