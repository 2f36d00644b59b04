import { createHash } from "node:crypto";
import { formatKstIso } from "../../cafe24/kst.js";
import type { IssueOutcome } from "../access-token-issuer.js";

/** One line of the token endpoint's audit log: who got which token (by fingerprint), never the token itself. */
export interface TokenIssueRecord {
  /** When, in KST with its offset. */
  at: string;
  /** The mall asked for; null when the path named none that could be one. */
  mallId: string | null;
  /** The remote address of the connection (a proxy's X-Forwarded-For is not believed). */
  caller: string;
  outcome: IssueOutcome | "refused";
  /** For "refused": the error the caller got (unauthorized, rate_limited, unknown_mall, …). */
  reason: string | null;
  /** Milliseconds left on the token handed out. */
  remainingMs: number | null;
  /** First 8 hex digits of the token's SHA-256: enough to match a line with the token an app holds. */
  fingerprint: string | null;
}

export function tokenFingerprint(accessToken: string): string {
  return createHash("sha256").update(accessToken).digest("hex").slice(0, 8);
}

export function issuedRecord(
  now: number,
  caller: string,
  issued: { mallId: string; accessToken: string; expiresAt: number; outcome: IssueOutcome },
): TokenIssueRecord {
  return {
    at: formatKstIso(now),
    mallId: issued.mallId,
    caller,
    outcome: issued.outcome,
    reason: null,
    remainingMs: issued.expiresAt - now,
    fingerprint: tokenFingerprint(issued.accessToken),
  };
}

export function refusedRecord(
  now: number,
  caller: string,
  mallId: string | null,
  reason: string,
): TokenIssueRecord {
  return {
    at: formatKstIso(now),
    mallId,
    caller,
    outcome: "refused",
    reason,
    remainingMs: null,
    fingerprint: null,
  };
}
