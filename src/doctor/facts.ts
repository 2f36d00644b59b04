import type { TokenSet } from "../auth/token-set.js";
import type { CheckId, CheckResult } from "./types.js";

/**
 * Facts checks publish for later checks (CheckOutcome.facts), typed here so producer and consumer agree.
 * Facts are never reported: they may hold the token itself.
 */
export interface CheckFacts {
  /** From "token-store": the token as stored (or from the legacy env var), if any could be read. */
  "token-store": { token: TokenSet | undefined; source: "file" | "env" | "none" };
  /** From "authentication": how the live call went. */
  authentication: {
    authenticated: boolean;
    /** Why not, when not. */
    failure: "no-token" | "expired" | "invalid" | "forbidden" | "rate-limited" | "server" | "network" | "other" | undefined;
  };
  /** From "network": whether the mall's API host answered at all. */
  network: { reachable: boolean };
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
