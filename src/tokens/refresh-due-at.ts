import type { TokenSet } from "../cafe24/token-set.js";

/** Cafe24's access-token lifetime, assumed when a token does not say when it was issued. */
const ACCESS_LIFETIME_MS = 2 * 60 * 60 * 1000;

/**
 * The instant the access token should be refreshed with `marginMs` of margin. Short-lived test tokens
 * (seconds) must not look "expiring" from birth, so the margin is capped at half the token's lifetime.
 * Shared by TokenManager and the watch manager, so both agree on when a refresh is due.
 */
export function accessRefreshDueAt(token: TokenSet, marginMs: number): number {
  const issued = token.issuedAt ?? token.accessTokenExpiresAt - ACCESS_LIFETIME_MS;
  const margin = Math.min(marginMs, Math.max(0, token.accessTokenExpiresAt - issued) / 2);
  return token.accessTokenExpiresAt - margin;
}
