import { formatKstIso } from "../../cafe24/kst.js";
import type { ServiceProbe } from "../../config/doctor-config.js";
import { servicesCatalogue } from "../../i18n/doctor/checks/services.js";
import type { EvidenceValue, Finding, FindingCodeOf, Urgency } from "../types.js";
import { findingBuilder } from "./finding-of.js";
import type { ProbeProblem, ProbeResult } from "./probe-service.js";
import { safeText } from "./safe-text.js";

/** A certificate expiring sooner than this is worth renewing now. */
const CERT_WARN_DAYS = 14;
const DAY_MS = 86_400_000;
const RECHECK = "cafe24-doctor check";

const finding = findingBuilder(servicesCatalogue);
type Code = FindingCodeOf<"services">;
/** The codes whose messages are `check.services.<CODE>.cause` and `.remedy`. */
type ProblemCode = Exclude<Code, "SERVICE_CERT_EXPIRED" | "SERVICE_CERT_EXPIRING">;

export interface Probed {
  probe: ServiceProbe;
  kind: "deployed" | "local";
  result: ProbeResult;
}

/** Origin and path only: a query string can carry an API key. */
function shownUrl(url: string): string {
  const u = new URL(url);
  return safeText(`${u.origin}${u.pathname}`, 120);
}

export const daysLeft = (validTo: number, now: number) => Math.floor((validTo - now) / DAY_MS);

/** What is wrong with one probed service. */
export function findingsOf(p: Probed, now: number): Finding<Code>[] {
  const findings: Finding<Code>[] = [];
  const base = {
    service: p.probe.name,
    kind: p.kind,
    url: shownUrl(p.probe.url),
    status: p.result.status ?? null,
    ms: p.result.ms,
  };
  const cert = p.result.certificate;
  const certExpired = cert !== undefined && "validTo" in cert && cert.validTo <= now;
  // An expired certificate also fails the request itself; the certificate finding says it better.
  if (p.result.problem && !(certExpired && p.result.problem.kind === "unreachable")) {
    findings.push(problemFinding(p, p.result.problem, base));
  }
  if (cert && "validTo" in cert && cert.validTo - now < CERT_WARN_DAYS * DAY_MS) {
    const params = {
      service: p.probe.name,
      date: formatKstIso(cert.validTo),
      days: daysLeft(cert.validTo, now),
    };
    findings.push(
      finding(certExpired ? "SERVICE_CERT_EXPIRED" : "SERVICE_CERT_EXPIRING", {
        cause: {
          key: certExpired
            ? "check.services.SERVICE_CERT_EXPIRED.cause"
            : "check.services.SERVICE_CERT_EXPIRING.cause",
          params,
        },
        remedy: { key: "check.services.certificate.remedy", params },
        command: RECHECK,
        evidence: { ...base, certificateExpires: params.date },
      }),
    );
  }
  return findings;
}

function problemFinding(
  p: Probed,
  problem: ProbeProblem,
  base: Record<string, EvidenceValue>,
): Finding<Code> {
  const params = {
    service: p.probe.name,
    url: String(base.url),
    ms: p.result.ms,
    timeout: p.probe.timeoutMs,
  };
  const problemOf = (
    code: ProblemCode,
    extra: Record<string, string | number> = {},
    options: { urgency?: Urgency; command?: string } = {},
  ): Finding<Code> =>
    finding(code, {
      text: `check.services.${code}`,
      params: { ...params, ...extra },
      command: options.command ?? RECHECK,
      evidence: { ...base, ...extra },
      ...(options.urgency ? { urgency: options.urgency } : {}),
    });
  switch (problem.kind) {
    case "refused":
      return p.kind === "local"
        ? problemOf("LOCAL_SERVER_DOWN")
        : problemOf("SERVICE_UNREACHABLE", { code: "ECONNREFUSED" });
    case "unreachable":
      return problemOf("SERVICE_UNREACHABLE", { code: problem.code });
    case "timeout":
      return problemOf("SERVICE_TIMEOUT");
    case "status":
      return problemOf("SERVICE_BAD_STATUS", { expected: p.probe.expectStatus, actual: problem.actual });
    case "notJson":
      return problemOf("SERVICE_NOT_JSON", { contentType: safeText(problem.contentType, 60) });
    case "assertion": {
      const { path, expected, actualType, actual } = problem.failed;
      const extra = { path, expected: String(expected), actualType, actual: String(actual) };
      // A local server's dead token hurts only the developer running it, a deployment's every user.
      return /token/i.test(path)
        ? problemOf("SERVICE_TOKEN_INVALID", extra, {
            command: "cafe24-doctor token login",
            ...(p.kind === "local" ? { urgency: "high" } : {}),
          })
        : problemOf("SERVICE_ASSERTION_FAILED", extra);
    }
  }
}
