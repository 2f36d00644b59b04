/*
 * Check 5 — network: does the mall's API host resolve, accept a connection (and TLS), and answer quickly?
 * One plain request to the mall's API root through ctx.fetch: no token, no Admin API call, no budget spent.
 * Any HTTP status proves the host reachable; only the absence of an answer is a failure. Finding codes and
 * messages: src/i18n/doctor/checks/network.ts.
 */
import { mallBaseUrl } from "../../cafe24/mall-base-url.js";
import { networkCatalogue } from "../../i18n/doctor/checks/network.js";
import { untilAborted } from "../../util/until-aborted.js";
import type { CheckDefinition, DoctorContext } from "../context.js";
import { facts } from "../facts.js";
import type { CheckOutcome, EvidenceValue, Finding, FindingCodeOf } from "../types.js";
import { findingBuilder } from "./finding-of.js";
import { classifyNetworkError, type NetworkFailure } from "./network-failure.js";

/** Long enough for a TLS handshake across the world, short enough to leave the deadline to other checks. */
export const PROBE_TIMEOUT_MS = 3_000;
const SLOW_MS = 2_000;
const UNRESOLVABLE_CODES = new Set(["ENOTFOUND", "ENODATA", "EAI_NONAME"]);

const finding = findingBuilder(networkCatalogue);
type Code = FindingCodeOf<"network">;
type Outcome = CheckOutcome<Code>;

const unreachable = facts("network", { reachable: false, serverClock: undefined });

export const networkCheck: CheckDefinition<"network"> = {
  id: "network",
  dependsOn: [],
  async run(ctx): Promise<Outcome> {
    const root = apiRoot(ctx);
    if (root === undefined) {
      return {
        status: "skipped",
        summary: { key: "check.network.summary.noTarget" },
        evidence: {},
        findings: [],
        facts: unreachable,
      };
    }
    const host = new URL(root).hostname.replace(/^\[|\]$/g, "");
    const evidence: Record<string, EvidenceValue> = { host };

    const dnsStarted = performance.now();
    try {
      const { address } = await untilAborted(ctx.lookup(host), ctx.signal);
      evidence.address = address;
      evidence.dnsMs = Math.round(performance.now() - dnsStarted);
    } catch (error) {
      // A resolver's failure always has a code (ENOTFOUND, EAI_AGAIN, …); anything else is a bug here.
      if (ctx.signal.aborted || typeof (error as { code?: unknown } | undefined)?.code !== "string")
        throw error;
      return dnsFailure(host, error, evidence);
    }
    return probe(ctx, `${root}/api/v2/`, host, evidence);
  },
};

/**
 * GET the API root without a token: any answer (a 404 here) proves DNS, connect and TLS, and its Date header
 * gives the clock check Cafe24's time. Only the deadline's abort propagates; everything else is a finding.
 */
async function probe(
  ctx: DoctorContext,
  url: string,
  host: string,
  evidence: Record<string, EvidenceValue>,
): Promise<Outcome> {
  const started = performance.now();
  try {
    const response = await ctx.fetch(url, {
      redirect: "manual",
      signal: AbortSignal.any([ctx.signal, AbortSignal.timeout(PROBE_TIMEOUT_MS)]),
    });
    const localMs = ctx.now();
    const ms = Math.round(performance.now() - started);
    await response.body?.cancel();
    const serverMs = Date.parse(response.headers.get("date") ?? "");
    const slow = ms > SLOW_MS;
    return {
      status: slow ? "warn" : "ok",
      summary: { key: "check.network.summary.ok", params: { host, ms, status: response.status } },
      evidence: { ...evidence, status: response.status, responseMs: ms },
      findings: slow
        ? [
            finding("NETWORK_SLOW", {
              text: "check.network.slow",
              params: { host, ms },
            }),
          ]
        : [],
      facts: facts("network", {
        reachable: true,
        serverClock: Number.isNaN(serverMs) ? undefined : { serverMs, localMs },
      }),
    };
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    const failure = classifyNetworkError(error);
    // Not a network failure but a bug on this side: the runner reports the check as crashed, not the host.
    if (!failure) throw error;
    const { kind, code } = failure;
    return {
      status: "fail",
      summary: { key: CONNECT_FAILURES[kind].summary, params: { host } },
      evidence: { ...evidence, error: code, afterMs: Math.round(performance.now() - started) },
      findings: [connectFinding(kind, host, code)],
      facts: unreachable,
    };
  }
}

/** The mall's API root as the client builds it; undefined when the configuration cannot name one. */
function apiRoot(ctx: DoctorContext): string | undefined {
  const { mallId, baseUrl, allowInsecureLoopback } = ctx.config;
  if (!mallId) return undefined;
  try {
    return mallBaseUrl(mallId, { ...(baseUrl ? { baseUrl } : {}), allowInsecureLoopback });
  } catch {
    return undefined;
  }
}

function dnsFailure(host: string, error: unknown, evidence: Record<string, EvidenceValue>): Outcome {
  const code = String((error as { code: string }).code);
  const unresolvable = UNRESOLVABLE_CODES.has(code);
  return {
    status: "fail",
    summary: {
      key: unresolvable ? "check.network.summary.unresolvable" : "check.network.summary.dnsFailed",
      params: { host },
    },
    evidence: { ...evidence, error: code },
    findings: [
      finding(unresolvable ? "HOST_UNRESOLVABLE" : "DNS_FAILED", {
        text: unresolvable ? "check.network.unresolvable" : "check.network.dnsFailed",
        params: { host, error: code },
        command: `nslookup ${host}`,
      }),
    ],
    facts: unreachable,
  };
}

const CONNECT_FAILURES = {
  refused: {
    code: "CONNECTION_REFUSED",
    text: "check.network.refused",
    summary: "check.network.summary.refused",
  },
  timeout: {
    code: "NETWORK_TIMEOUT",
    text: "check.network.timeout",
    summary: "check.network.summary.timeout",
  },
  tls: { code: "TLS_FAILED", text: "check.network.tls", summary: "check.network.summary.tls" },
  unreachable: {
    code: "HOST_UNREACHABLE",
    text: "check.network.unreachable",
    summary: "check.network.summary.unreachable",
  },
} as const satisfies Record<NetworkFailure, unknown>;

function connectFinding(kind: NetworkFailure, host: string, error: string): Finding<Code> {
  const { code, text } = CONNECT_FAILURES[kind];
  return finding(code, { text, params: { host, error, seconds: PROBE_TIMEOUT_MS / 1000 } });
}
