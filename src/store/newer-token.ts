import type { TokenSet } from "../cafe24/token-set.js";

/**
 * Whether `candidate` was issued after `than` for the same mall and app: the rule for adopting a token found
 * outside the store (a crashed writer's temp file, a rescue copy). Cafe24 stamps `issued_at`; files without it
 * fall back to the access token's expiry, which moves forward with every issue.
 */
export function isNewerToken(candidate: TokenSet, than: TokenSet | undefined): boolean {
  if (!than) return true;
  if (candidate.mallId !== than.mallId) return false;
  if (candidate.clientId && than.clientId && candidate.clientId !== than.clientId) return false;
  if (candidate.issuedAt !== null && than.issuedAt !== null && candidate.issuedAt !== than.issuedAt)
    return candidate.issuedAt > than.issuedAt;
  return candidate.accessTokenExpiresAt > than.accessTokenExpiresAt;
}
