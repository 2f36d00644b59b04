import { dataApisCatalogue } from "../../i18n/doctor/checks/data-apis.js";
import type { EvidenceValue, Finding, FindingCodeOf } from "../types.js";
import type { DataItem } from "./data-items.js";
import { findingBuilder } from "./finding-of.js";
import type { DataReading } from "./read-data-answer.js";

export type ItemResult =
  | { item: DataItem; state: "read"; evidence: Record<string, EvidenceValue>; zero: boolean }
  /** Check 7 already found the scope unusable: its finding covers this read. */
  | { item: DataItem; state: "deferred" }
  /** The token never held the scope and the app does not require it: nothing to read. */
  | { item: DataItem; state: "notGranted" }
  | { item: DataItem; state: "error"; path: string; reading: Exclude<DataReading, { kind: "answered" }> };

const finding = findingBuilder(dataApisCatalogue);
type Code = FindingCodeOf<"data-apis">;

export type ErrorResult = Extract<ItemResult, { state: "error" }>;

/** The status shown for a read that did not answer with data. */
export function statusOf(reading: ErrorResult["reading"]): string | number {
  switch (reading.kind) {
    case "badRequest":
    case "serverError":
    case "failed":
      return reading.status;
    case "forbidden":
      return 403;
    case "versionRefused":
      return 400;
    case "rateLimited":
      return 429;
    case "notSent":
      return "not sent";
  }
}

/**
 * Findings for the reads that failed. 429s (check 9), version refusals (check 10) and calls held back get
 * none here: another check owns them, or they say nothing about the data.
 */
export function findingsFor(errors: ErrorResult[]): Finding<Code>[] {
  const of = <K extends ErrorResult["reading"]["kind"]>(kind: K) =>
    errors.filter(
      (r): r is ErrorResult & { reading: Extract<ErrorResult["reading"], { kind: K }> } =>
        r.reading.kind === kind,
    );
  const findings: Finding<Code>[] = [];
  const server = of("serverError");
  if (server.length > 0) {
    const paths = server.map((r) => r.path).join(", ");
    const statuses = [...new Set(server.map((r) => r.reading.status))].join(", ");
    findings.push(
      finding("CAFE24_SERVER_ERROR", {
        cause: { key: "check.data-apis.CAFE24_SERVER_ERROR.cause", params: { statuses, paths } },
        remedy: { key: "check.data-apis.CAFE24_SERVER_ERROR.remedy" },
        command: "cafe24-doctor check",
        evidence: { paths: server.map((r) => r.path), statuses: server.map((r) => String(r.reading.status)) },
      }),
    );
  }
  const forbidden = of("forbidden");
  if (forbidden.length > 0) {
    const scopes = [...new Set(forbidden.map((r) => r.reading.scope ?? r.item.scope))];
    findings.push(
      finding("DATA_FORBIDDEN", {
        cause: {
          key: "check.data-apis.DATA_FORBIDDEN.cause",
          params: { paths: forbidden.map((r) => r.path).join(", "), scopes: scopes.join(", ") },
        },
        remedy: { key: "check.data-apis.DATA_FORBIDDEN.remedy", params: { scopes: scopes.join(", ") } },
        command: "cafe24-doctor token login",
        evidence: { missing: scopes, paths: forbidden.map((r) => r.path), status: 403 },
      }),
    );
  }
  for (const r of of("badRequest")) {
    findings.push(
      finding("DATA_BAD_REQUEST", {
        cause: {
          key: "check.data-apis.DATA_BAD_REQUEST.cause",
          params: { path: r.path, message: r.reading.message },
        },
        remedy: { key: "check.data-apis.DATA_BAD_REQUEST.remedy" },
        evidence: { path: r.path, status: r.reading.status, message: r.reading.message },
      }),
    );
  }
  // One finding per status: an answer every call gets (e.g. 401) is one problem, not five.
  const failed = of("failed");
  for (const status of new Set(failed.map((r) => r.reading.status))) {
    const group = failed.filter((r) => r.reading.status === status);
    const paths = group.map((r) => r.path);
    const message = group[0]?.reading.message ?? "";
    findings.push(
      finding("DATA_READ_FAILED", {
        cause: {
          key: "check.data-apis.DATA_READ_FAILED.cause",
          params: { paths: paths.join(", "), status, message: message || "–" },
        },
        remedy: { key: "check.data-apis.DATA_READ_FAILED.remedy" },
        command: "cafe24-doctor check",
        evidence: { paths, status, message },
      }),
    );
  }
  return findings;
}
