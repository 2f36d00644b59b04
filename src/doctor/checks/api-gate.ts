import type { DoctorContext } from "../context.js";
import type { DoctorApi } from "../doctor-api.js";
import { type CheckFacts, factsOf } from "../facts.js";
import type { CheckId, CheckOutcome, CheckResult } from "../types.js";

/** Why an API-probing check does not call Cafe24 at all. */
export type ApiSkipReason = "noApi" | "unreachable" | "notAuthenticated";

export type ApiGate =
  | { open: true; api: DoctorApi }
  | { open: false; reason: ApiSkipReason; failure: string };

type AuthFailure = NonNullable<CheckFacts["authentication"]["failure"]>;

/**
 * Failures after which more calls can only repeat the same answer (and, for 429, make it worse). A 403,
 * a 5xx or an "other" answer (e.g. a 400 for an expired API version) still leaves the checks after
 * authentication something to find out, so they go ahead.
 */
const DEAD_ENDS: ReadonlySet<AuthFailure> = new Set([
  "no-token",
  "token-unusable",
  "expired",
  "invalid",
  "app-deleted",
  "app-expired",
  "network",
  "rate-limited",
]);

/**
 * Whether the checks after authentication may spend API calls, from the network and authentication facts.
 * Missing facts (the producing check did not run) do not block: the call budget still bounds the cost.
 */
export function apiGate(ctx: DoctorContext, deps: Partial<Record<CheckId, CheckResult>>): ApiGate {
  if (!ctx.api) return { open: false, reason: "noApi", failure: "" };
  if (factsOf(deps, "network")?.reachable === false)
    return { open: false, reason: "unreachable", failure: "" };
  const auth = factsOf(deps, "authentication");
  if (auth && !auth.authenticated && auth.failure && DEAD_ENDS.has(auth.failure)) {
    return { open: false, reason: "notAuthenticated", failure: auth.failure };
  }
  return { open: true, api: ctx.api };
}

type ClosedGate = Extract<ApiGate, { open: false }>;

/** The outcome of a check that could not call Cafe24, saying why in its summary. */
export function skippedByGate(
  id: "scope-coverage" | "data-apis" | "api-version",
  gate: ClosedGate,
): CheckOutcome<never> {
  return {
    status: "skipped",
    summary: { key: `check.${id}.skipped.${gate.reason}` as const, params: { failure: gate.failure } },
    evidence: { skipped: gate.reason, ...(gate.failure ? { authFailure: gate.failure } : {}) },
    findings: [],
  };
}
