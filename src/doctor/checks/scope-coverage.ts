/**
 * Check 7 — scope coverage: the scopes the token was granted against the scopes the app needs, then one cheap
 * read per needed scope (at most five) to prove Cafe24 still honours it. A missing scope answers 403, which
 * users read as "the API is broken"; this check names the scope and the re-consent step instead. Finding codes
 * and messages: src/i18n/doctor/checks/scope-coverage.ts.
 */
import { formatKstDate } from "../../cafe24/kst.js";
import { Cafe24HttpError } from "../../http/cafe24-http-error.js";
import type { Query } from "../../http/request-target.js";
import { scopeCoverageCatalogue } from "../../i18n/doctor/checks/scope-coverage.js";
import type { CheckDefinition, DoctorContext } from "../context.js";
import type { DoctorApi } from "../doctor-api.js";
import { factsOf } from "../facts.js";
import type { CheckOutcome, EvidenceValue, Finding, FindingCodeOf } from "../types.js";
import { apiGate, skippedByGate } from "./api-gate.js";
import { findingBuilder } from "./finding-of.js";

/** The scopes the doctor's own checks read with, used when the configuration names none. */
export const DOCTOR_SCOPES: readonly string[] = [
  "mall.read_store",
  "mall.read_product",
  "mall.read_order",
  "mall.read_category",
  "mall.read_application",
];

/** Facts for later checks: scopes known to be unusable, so they do not spend calls on certain 403s. */
export interface ScopeCoverageFacts {
  unavailable: string[];
}

/** The cheapest read guarded by each scope, in probing order (the doctor's own scopes first). */
const PROBES: Readonly<Record<string, (now: number) => { path: string; query?: Query }>> = {
  "mall.read_store": () => ({ path: "/shops" }),
  "mall.read_product": () => ({ path: "/products/count" }),
  "mall.read_order": (now) => ({
    path: "/orders/count",
    query: { start_date: formatKstDate(now), end_date: formatKstDate(now) },
  }),
  "mall.read_category": () => ({ path: "/categories/count" }),
  "mall.read_application": () => ({ path: "/apps" }),
  "mall.read_community": () => ({ path: "/boards" }),
};

export const MAX_SCOPE_PROBES = 5;

const LOGIN = "cafe24-doctor token login";

const finding = findingBuilder(scopeCoverageCatalogue);
type Code = FindingCodeOf<"scope-coverage">;

export const scopeCoverageCheck: CheckDefinition<"scope-coverage"> = {
  id: "scope-coverage",
  dependsOn: ["token-store", "network", "authentication"],
  async run(ctx, deps): Promise<CheckOutcome<Code>> {
    const required = requiredScopes(ctx);
    const token = factsOf(deps, "token-store")?.token;
    // A legacy CAFE24_ACCESS_TOKEN comes without its scopes: then only the probes can tell.
    const granted = token && token.scopes.length > 0 ? token.scopes : undefined;
    const missing = granted ? required.filter((s) => !granted.includes(s)) : [];
    // The quick diagnosis compares scopes offline; only the full check spends calls on probes.
    const candidates =
      ctx.mode === "quick"
        ? []
        : required.filter((s) => s in PROBES && !missing.includes(s)).slice(0, MAX_SCOPE_PROBES);

    const gate = apiGate(ctx, deps);
    if (!granted && !gate.open) return skippedByGate("scope-coverage", gate);
    const probes = gate.open ? await probeAll(gate.api, candidates, ctx) : [];
    const revoked = probes.filter((p) => p.outcome === "refused");

    const findings: Finding<Code>[] = [];
    if (missing.length > 0) findings.push(missingFinding(missing, ctx));
    if (revoked.length > 0) findings.push(revokedFinding(revoked));
    const unavailable = [...missing, ...revoked.map((p) => p.scope)];
    const evidence: Record<string, EvidenceValue> = {
      required,
      granted: granted ?? null,
      confirmed: probes.filter((p) => p.outcome === "confirmed").map((p) => p.scope),
      unverified: probes.filter((p) => p.outcome === "unverified").map((p) => `${p.scope} (${p.status})`),
      ...(gate.open ? {} : { probesSkipped: gate.failure || gate.reason }),
    };
    const facts: ScopeCoverageFacts = { unavailable };
    if (unavailable.length > 0) {
      return {
        status: "fail",
        summary: { key: "check.scope-coverage.summary.unusable", params: { scopes: unavailable.join(", ") } },
        evidence,
        findings,
        facts: { ...facts },
      };
    }
    return {
      status: "ok",
      summary: {
        key: "check.scope-coverage.summary.ok",
        params: { count: required.length, confirmed: probes.filter((p) => p.outcome === "confirmed").length },
      },
      evidence,
      findings,
      facts: { ...facts },
    };
  },
};

/** config.requiredScopes, else the scopes the app requests, else what the doctor itself reads with. */
function requiredScopes(ctx: DoctorContext): string[] {
  const { requiredScopes, scopes } = ctx.config;
  if (requiredScopes.length > 0) return [...requiredScopes];
  if (scopes.length > 0) return [...scopes];
  return [...DOCTOR_SCOPES];
}

interface Probe {
  scope: string;
  path: string;
  outcome: "confirmed" | "refused" | "unverified";
  status: number | string;
}

async function probeAll(api: DoctorApi, scopes: readonly string[], ctx: DoctorContext): Promise<Probe[]> {
  return Promise.all(
    scopes.map(async (scope): Promise<Probe> => {
      const probe = (PROBES[scope] as NonNullable<(typeof PROBES)[string]>)(ctx.now());
      const answer = await api.get(probe.path, {
        signal: ctx.signal,
        ...(probe.query ? { query: probe.query } : {}),
      });
      const status = answer.status ?? answer.error?.code ?? "error";
      if (answer.ok) return { scope, path: probe.path, outcome: "confirmed", status };
      if (answer.status === 403) {
        // The endpoint→scope map names what Cafe24 wanted; it is the probed scope unless the map knows better.
        const named = answer.error instanceof Cafe24HttpError ? answer.error.requiredScope : undefined;
        return { scope: named ?? scope, path: probe.path, outcome: "refused", status };
      }
      return { scope, path: probe.path, outcome: "unverified", status };
    }),
  );
}

function missingFinding(missing: string[], ctx: DoctorContext): Finding<Code> {
  const unrequested = missing.filter((s) => !ctx.config.scopes.includes(s));
  return finding("SCOPE_MISSING", {
    cause: { key: "check.scope-coverage.SCOPE_MISSING.cause", params: { scopes: missing.join(", ") } },
    remedy: {
      key:
        unrequested.length > 0
          ? "check.scope-coverage.SCOPE_MISSING.remedy.request"
          : "check.scope-coverage.SCOPE_MISSING.remedy",
      params: { scopes: missing.join(", "), unrequested: unrequested.join(",") },
    },
    command: LOGIN,
    evidence: { missing },
  });
}

function revokedFinding(revoked: Probe[]): Finding<Code> {
  const scopes = revoked.map((p) => p.scope);
  return finding("SCOPE_REVOKED", {
    cause: {
      key: "check.scope-coverage.SCOPE_REVOKED.cause",
      params: { scopes: scopes.join(", "), paths: revoked.map((p) => p.path).join(", ") },
    },
    remedy: { key: "check.scope-coverage.SCOPE_REVOKED.remedy", params: { scopes: scopes.join(", ") } },
    command: LOGIN,
    evidence: { missing: scopes, refusedPaths: revoked.map((p) => p.path), status: 403 },
  });
}
