/**
 * Check 12 — services: the user's deployed services and local servers, probed concurrently, each with its own
 * timeout under the global deadline. Healthy means the expected status AND a body whose JSON assertions hold:
 * the old toolkit called a deployment healthy on HTTP 200 while its body said the token was invalid. For https
 * URLs the certificate's expiry is read too.
 *
 * Finding codes (evidence: service, url without query, status, ms; never a body value that could be a secret):
 *   SERVICE_TOKEN_INVALID     critical (deployed) / high (local)  200, but a `…token…` assertion fails: the
 *                             service's own token is dead → `cafe24-doctor token login`, then give it the new token
 *   SERVICE_ASSERTION_FAILED  high    another body assertion fails
 *   SERVICE_BAD_STATUS        high    status differs from expectStatus
 *   SERVICE_NOT_JSON          high    assertions are configured but the body is not JSON
 *   LOCAL_SERVER_DOWN         high    connection refused on a local server: start the server
 *   SERVICE_UNREACHABLE       high    refused, DNS or TLS failure on a deployed service
 *   SERVICE_TIMEOUT           high    no answer within the probe's timeout
 *   SERVICE_CERT_EXPIRED      high    the https certificate has expired
 *   SERVICE_CERT_EXPIRING     medium  it expires within 14 days
 * Every command is `cafe24-doctor check` (re-check after the fix) unless said otherwise.
 */

import { formatKstIso } from "../../cafe24/kst.js";
import type { CheckDefinition } from "../context.js";
import type { CheckOutcome, EvidenceValue, Finding } from "../types.js";
import { probeService } from "./probe-service.js";
import { daysLeft, findingsOf, type Probed } from "./service-findings.js";

export const servicesCheck: CheckDefinition = {
  id: "services",
  dependsOn: [],
  async run(ctx) {
    const targets = [
      ...ctx.config.services.map((probe) => ({ probe, kind: "deployed" as const })),
      ...ctx.config.localServers.map((probe) => ({ probe, kind: "local" as const })),
    ];
    if (targets.length === 0) {
      return {
        status: "skipped",
        summary: { key: "check.services.skipped.none" },
        evidence: {},
        findings: [],
      };
    }
    const probed = await Promise.all(
      targets.map(
        async (t): Promise<Probed> => ({ ...t, result: await probeService(t.probe, ctx.fetch, ctx.signal) }),
      ),
    );
    const now = ctx.now();
    const evidence: Record<string, EvidenceValue> = {};
    const findings: Finding[] = [];
    for (const p of probed) {
      Object.assign(evidence, evidenceOf(p, now));
      findings.push(...findingsOf(p, now));
    }
    return outcome(probed.length, findings, evidence);
  },
};

function evidenceOf({ probe, kind, result }: Probed, now: number): Record<string, EvidenceValue> {
  const key = `${kind}.${probe.name}`;
  const cert = result.certificate;
  return {
    [`${key}.status`]: result.status ?? null,
    [`${key}.ms`]: result.ms,
    [`${key}.result`]: result.problem?.kind ?? "ok",
    ...(cert === undefined
      ? {}
      : {
          [`${key}.certificate`]:
            "validTo" in cert
              ? `${formatKstIso(cert.validTo)} (${daysLeft(cert.validTo, now)} d)`
              : cert.error,
        }),
  };
}

function outcome(count: number, findings: Finding[], evidence: Record<string, EvidenceValue>): CheckOutcome {
  const troubled = [...new Set(findings.map((f) => String(f.evidence?.service)))];
  if (findings.length === 0) {
    return {
      status: "ok",
      summary: { key: "check.services.summary.ok", params: { count } },
      evidence,
      findings,
    };
  }
  const severe = findings.some((f) => f.urgency === "critical" || f.urgency === "high");
  return {
    status: severe ? "fail" : "warn",
    summary: {
      key: "check.services.summary.problems",
      params: { count, failed: troubled.length, names: troubled.join(", ") },
    },
    evidence,
    findings,
  };
}
