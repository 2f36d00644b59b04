/*
 * Check 5 — network: does the mall's API host resolve, accept a connection (and TLS), and answer quickly?
 * One plain request to the mall's API root through ctx.fetch: no token, no Admin API call, no budget spent.
 * Any HTTP status proves the host reachable; only the absence of an answer is a failure.
 *
 * Finding codes (stable):
 *   HOST_UNRESOLVABLE   critical  nslookup <host>  (check CAFE24_MALL_ID / CAFE24_BASE_URL)
 *   DNS_FAILED          high      nslookup <host>  (the resolver did not answer)
 *   CONNECTION_REFUSED  critical  —
 *   NETWORK_TIMEOUT     critical  —  (no answer within 3 s)
 *   TLS_FAILED          critical  —
 *   HOST_UNREACHABLE    critical  —  (reset, no route, …)
 *   NETWORK_SLOW        low       —  (answer took over 2 s)
 */
import { mallBaseUrl } from "../../cafe24/mall-base-url.js";
import { untilAborted } from "../../util/until-aborted.js";
import type { CheckDefinition, DoctorContext } from "../context.js";
import { facts } from "../facts.js";
import type { CheckOutcome, EvidenceValue, Finding } from "../types.js";
import { findingOf } from "./finding-of.js";
import { classifyNetworkError, type NetworkFailure } from "./network-failure.js";

/** Long enough for a TLS handshake across the world, short enough to leave the deadline to other checks. */
export const PROBE_TIMEOUT_MS = 3_000;
const SLOW_MS = 2_000;
const UNRESOLVABLE_CODES = new Set(["ENOTFOUND", "ENODATA", "EAI_NONAME"]);

const unreachable = facts("network", { reachable: false, serverClock: undefined });

export const networkCheck: CheckDefinition = {
  id: "network",
  dependsOn: [],
  async run(ctx): Promise<CheckOutcome> {
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
      if (ctx.signal.aborted) throw error;
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
): Promise<CheckOutcome> {
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
            findingOf({
              code: "NETWORK_SLOW",
              urgency: "low",
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
    const { kind, code } = classifyNetworkError(error);
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

function dnsFailure(host: string, error: unknown, evidence: Record<string, EvidenceValue>): CheckOutcome {
  const code = String((error as { code?: unknown } | undefined)?.code ?? "error");
  const unresolvable = UNRESOLVABLE_CODES.has(code);
  return {
    status: "fail",
    summary: {
      key: unresolvable ? "check.network.summary.unresolvable" : "check.network.summary.dnsFailed",
      params: { host },
    },
    evidence: { ...evidence, error: code },
    findings: [
      findingOf({
        code: unresolvable ? "HOST_UNRESOLVABLE" : "DNS_FAILED",
        urgency: unresolvable ? "critical" : "high",
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

function connectFinding(kind: NetworkFailure, host: string, error: string): Finding {
  const { code, text } = CONNECT_FAILURES[kind];
  return findingOf({
    code,
    urgency: "critical",
    text,
    params: { host, error, seconds: PROBE_TIMEOUT_MS / 1000 },
  });
}
