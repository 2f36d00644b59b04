/**
 * Check 12 — services: the user's deployed services and local servers, probed concurrently, each with its own
 * timeout under the global deadline. Healthy means the expected status AND a body whose JSON assertions hold:
 * the old toolkit called a deployment healthy on HTTP 200 while its body said the token was invalid. For https
 * URLs the certificate's expiry is read too. Evidence: service, url without query, status, ms; never a body
 * value that could be a secret. Every command is `cafe24-doctor check` (re-check after the fix) unless said
 * otherwise. Finding codes and messages: src/i18n/doctor/checks/services.ts.
 */

import { formatKstIso } from "../../cafe24/kst.js";
import type { CheckDefinition } from "../context.js";
import type { CheckOutcome, EvidenceValue, Finding, FindingCodeOf } from "../types.js";
import { probeService } from "./probe-service.js";
import { daysLeft, findingsOf, type Probed } from "./service-findings.js";

export const servicesCheck: CheckDefinition<"services"> = {
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
    const findings: Finding<Code>[] = [];
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

type Code = FindingCodeOf<"services">;

function outcome(
  count: number,
  findings: Finding<Code>[],
  evidence: Record<string, EvidenceValue>,
): CheckOutcome<Code> {
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
