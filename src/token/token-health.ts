import type { TokenStatus } from "../tokens/token-manager.js";
import type { Verification } from "./verify-access-token.js";

/** Below this much refresh-token life, a person should look: the 14-day chain ends if nothing refreshes. */
export const REFRESH_WARNING_MS = 3 * 24 * 60 * 60 * 1000;

export const TOKEN_COMMAND = {
  login: "cafe24-doctor token login",
  refresh: "cafe24-doctor token refresh",
  exchange: "cafe24-doctor token exchange",
  status: "cafe24-doctor token status",
} as const;

export type TokenHealth =
  | "healthy"
  | "warning"
  | "access-expired"
  | "rejected"
  | "reauth-required"
  | "unverified";

export interface HealthVerdict {
  health: TokenHealth;
  /** 0 healthy, 1 warning, 2 expired or re-authorization needed, 3 asked to verify and could not. */
  exitCode: 0 | 1 | 2 | 3;
  /** The command that fixes it, when one does. */
  next: string | undefined;
}

/** The token's state as one verdict, worst first: a dead refresh token outranks everything a refresh can fix. */
export function judgeHealth(status: TokenStatus, verification?: Verification): HealthVerdict {
  if (status.refreshToken.expired)
    return { health: "reauth-required", exitCode: 2, next: TOKEN_COMMAND.login };
  if (verification?.outcome === "rejected")
    return { health: "rejected", exitCode: 2, next: TOKEN_COMMAND.refresh };
  if (status.accessToken.expired || verification?.outcome === "expired") {
    return { health: "access-expired", exitCode: 2, next: TOKEN_COMMAND.refresh };
  }
  // Asked to verify and Cafe24 gave no verdict (unreachable, 5xx, rate-limited): not "healthy", and not a
  // token problem either — the check could not run (exit 3, the README's table).
  if (verification?.outcome === "unavailable") return { health: "unverified", exitCode: 3, next: undefined };
  const refreshLeft = status.refreshToken.remainingMs;
  if (refreshLeft !== null && refreshLeft < REFRESH_WARNING_MS) {
    return { health: "warning", exitCode: 1, next: TOKEN_COMMAND.refresh };
  }
  return { health: "healthy", exitCode: 0, next: undefined };
}
