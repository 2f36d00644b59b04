import { formatKstIso } from "../../cafe24/kst.js";
import type { ServiceProbe } from "../../config/doctor-config.js";
import type { EvidenceValue, Finding, Urgency } from "../types.js";
import type { ProbeProblem, ProbeResult } from "./probe-service.js";
import { safeText } from "./safe-text.js";

/** A certificate expiring sooner than this is worth renewing now. */
const CERT_WARN_DAYS = 14;
const DAY_MS = 86_400_000;
const RECHECK = "cafe24-doctor check";

type ProblemCode =
  | "SERVICE_TOKEN_INVALID"
  | "SERVICE_ASSERTION_FAILED"
  | "SERVICE_BAD_STATUS"
  | "SERVICE_NOT_JSON"
  | "LOCAL_SERVER_DOWN"
  | "SERVICE_UNREACHABLE"
  | "SERVICE_TIMEOUT";

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

/** What is wrong with one probed service (codes listed in services.ts). */
export function findingsOf(p: Probed, now: number): Finding[] {
  const findings: Finding[] = [];
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
    findings.push({
      code: certExpired ? "SERVICE_CERT_EXPIRED" : "SERVICE_CERT_EXPIRING",
      urgency: certExpired ? "high" : "medium",
      cause: {
        key: certExpired
          ? "check.services.SERVICE_CERT_EXPIRED.cause"
          : "check.services.SERVICE_CERT_EXPIRING.cause",
        params,
      },
      remedy: { key: "check.services.certificate.remedy", params },
      command: RECHECK,
      evidence: { ...base, certificateExpires: params.date },
    });
  }
  return findings;
}

function problemFinding(p: Probed, problem: ProbeProblem, base: Record<string, EvidenceValue>): Finding {
  const params = {
    service: p.probe.name,
    url: String(base.url),
    ms: p.result.ms,
    timeout: p.probe.timeoutMs,
  };
  const finding = (
    code: ProblemCode,
    urgency: Urgency,
    extra: Record<string, string | number> = {},
    command = RECHECK,
  ): Finding => ({
    code,
    urgency,
    cause: { key: `check.services.${code}.cause` as const, params: { ...params, ...extra } },
    remedy: { key: `check.services.${code}.remedy` as const, params: { ...params, ...extra } },
    command,
    evidence: { ...base, ...extra },
  });
  switch (problem.kind) {
    case "refused":
      return p.kind === "local"
        ? finding("LOCAL_SERVER_DOWN", "high")
        : finding("SERVICE_UNREACHABLE", "high", { code: "ECONNREFUSED" });
    case "unreachable":
      return finding("SERVICE_UNREACHABLE", "high", { code: problem.code });
    case "timeout":
      return finding("SERVICE_TIMEOUT", "high");
    case "status":
      return finding("SERVICE_BAD_STATUS", "high", {
        expected: p.probe.expectStatus,
        actual: problem.actual,
      });
    case "notJson":
      return finding("SERVICE_NOT_JSON", "high", { contentType: safeText(problem.contentType, 60) });
    case "assertion": {
      const { path, expected, actualType, actual } = problem.failed;
      const extra = { path, expected: String(expected), actualType, actual: String(actual) };
      return /token/i.test(path)
        ? finding(
            "SERVICE_TOKEN_INVALID",
            p.kind === "deployed" ? "critical" : "high",
            extra,
            "cafe24-doctor token login",
          )
        : finding("SERVICE_ASSERTION_FAILED", "high", extra);
    }
  }
}
