import type { TokenSet } from "../cafe24/token-set.js";
import { accessRefreshDueAt } from "../tokens/refresh-due-at.js";

/** Cafe24's refresh-token lifetime, assumed when a token does not say when it was issued. */
const REFRESH_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

/** When a mall's stored token needs attention; instants only, so the manager keeps no secret in memory. */
export interface RefreshSchedule {
  accessTokenExpiresAt: number;
  refreshTokenExpiresAt: number | null;
  /** Refresh the access token from here on. */
  accessDueAt: number;
  /** Keep-alive refresh from here on; null when the refresh token's expiry is unknown. */
  keepAliveDueAt: number | null;
  /** Alert from here on if the refresh token has not been renewed; null when its expiry is unknown. */
  alertDueAt: number | null;
}

export function refreshSchedule(
  token: TokenSet,
  windows: { refreshBeforeMs: number; keepAliveWithinMs: number; alertWithinMs: number },
): RefreshSchedule {
  return {
    accessTokenExpiresAt: token.accessTokenExpiresAt,
    refreshTokenExpiresAt: token.refreshTokenExpiresAt,
    // The same rule TokenManager applies, so when the manager calls it "due" the manager really refreshes.
    accessDueAt: accessRefreshDueAt(token, windows.refreshBeforeMs),
    keepAliveDueAt: refreshTokenDueAt(token, windows.keepAliveWithinMs),
    alertDueAt: refreshTokenDueAt(token, windows.alertWithinMs),
  };
}

/** Like the access token's margin, a window of days is capped at half a short-lived test token's life. */
function refreshTokenDueAt(token: TokenSet, withinMs: number): number | null {
  const expiresAt = token.refreshTokenExpiresAt;
  if (expiresAt === null) return null;
  const issued = token.issuedAt ?? expiresAt - REFRESH_LIFETIME_MS;
  return expiresAt - Math.min(withinMs, Math.max(0, expiresAt - issued) / 2);
}

/** The window to hand TokenManager.keepAlive so that it agrees with `keepAliveDueAt`. */
export function keepAliveWindow(schedule: RefreshSchedule): number {
  if (schedule.keepAliveDueAt === null || schedule.refreshTokenExpiresAt === null) return 0;
  return schedule.refreshTokenExpiresAt - schedule.keepAliveDueAt;
}
