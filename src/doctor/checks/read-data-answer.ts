import { ERROR_CODES } from "../../errors/doctor-error.js";
import { Cafe24HttpError } from "../../http/cafe24-http-error.js";
import type { ApiAnswer } from "../doctor-api.js";
import { safeText } from "./safe-text.js";
import { versionRefusal } from "./version-refusal.js";

/**
 * What one data read means. The old toolkit read 422 as "no data"; it means Cafe24 rejected a request
 * parameter, while "no data" is a 200 with an empty list or a zero count.
 */
export type DataReading =
  | { kind: "answered"; data: unknown }
  /** 422: a request parameter is wrong; Cafe24's message says which (and never holds personal data). */
  | { kind: "badRequest"; status: number; message: string }
  /** 403: the token lacks the scope (named from the endpoint→scope map when known). */
  | { kind: "forbidden"; scope: string | undefined }
  | { kind: "serverError"; status: number }
  | { kind: "rateLimited" }
  /** Held back by the doctor: its call budget is spent, or the mall's limits would make it wait too long. */
  | { kind: "notSent" }
  /** 400 refusing the API version: check 10's finding, not a data problem of its own. */
  | { kind: "versionRefused"; version: string }
  /** Anything else: 400, 401, 404, network, timeout, a body that is not JSON. */
  | { kind: "failed"; status: number | string; message: string };

export function readDataAnswer(answer: ApiAnswer): DataReading {
  if (answer.ok) return { kind: "answered", data: answer.data };
  const { status, error } = answer;
  const message = safeText(answer.cafe24Message ?? "");
  if (status === undefined) {
    // The call never left (the doctor's budget is spent, or the pacer would have waited too long for the
    // mall's bucket): it says nothing about the data.
    if (error?.code === ERROR_CODES.budgetSpent || error?.code === ERROR_CODES.rateLimited)
      return { kind: "notSent" };
    return { kind: "failed", status: error?.code ?? "error", message: safeText(error?.message ?? "") };
  }
  if (status === 422) return { kind: "badRequest", status, message };
  const refusal = versionRefusal(answer);
  if (refusal) return { kind: "versionRefused", version: refusal.version };
  if (status === 403) {
    return { kind: "forbidden", scope: error instanceof Cafe24HttpError ? error.requiredScope : undefined };
  }
  if (status === 429) return { kind: "rateLimited" };
  if (status >= 500) return { kind: "serverError", status };
  return { kind: "failed", status, message };
}

/** `{"count": N}` → N; anything else → undefined (an answer without the documented shape). */
export function countOf(data: unknown): number | undefined {
  const count = (data as { count?: unknown } | undefined)?.count;
  return typeof count === "number" && Number.isFinite(count) ? count : undefined;
}
