import type { TokenSet } from "../cafe24/token-set.js";
import type { LegacyTrait } from "../store/token-file-format.js";
import type { CheckId, CheckResult } from "./types.js";

/**
 * Facts checks publish for later checks (CheckOutcome.facts), typed here so producer and consumer agree.
 * Facts are never reported: they may hold the token itself.
 */
export interface CheckFacts {
  /**
   * From "token-store": the token as stored (or from the legacy env var), if any could be read: from a token
   * "file", from another kind of "store", or from the "env". With source "env" only `accessToken` is known:
   * the expiries are NaN, `scopes` is empty and `refreshToken` is "". `legacy` lists the file's traits from
   * other tools (the old toolkit wrote naive local times).
   */
  "token-store": {
    token: TokenSet | undefined;
    source: "file" | "store" | "env" | "none";
    legacy?: readonly LegacyTrait[];
  };
  /** From "authentication": how the live call went. */
  authentication: {
    authenticated: boolean;
    /** Why not, when not. */
    failure:
      | "no-token"
      | "token-unusable"
      | "expired"
      | "invalid"
      | "forbidden"
      /** The merchant removed the app from the mall, or its Cafe24 Store term ran out: every call is refused. */
      | "app-deleted"
      | "app-expired"
      | "rate-limited"
      | "server"
      | "network"
      | "other"
      | undefined;
  };
  /**
   * From "network": whether the mall's API host answered at all, and the answer's `Date` header with the
   * local clock's reading when it arrived (for the clock check, at no API-budget cost).
   */
  network: { reachable: boolean; serverClock?: { serverMs: number; localMs: number } | undefined };
}

export function factsOf<K extends keyof CheckFacts>(
  deps: Partial<Record<CheckId, CheckResult>>,
  id: K,
): CheckFacts[K] | undefined {
  return deps[id]?.facts as CheckFacts[K] | undefined;
}

/** Builds the facts record for a check's outcome with the right shape. */
export function facts<K extends keyof CheckFacts>(_id: K, value: CheckFacts[K]): Record<string, unknown> {
  return value as unknown as Record<string, unknown>;
}
