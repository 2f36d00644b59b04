import { Cafe24HttpError } from "../../http/cafe24-http-error.js";
import type { ApiAnswer } from "../doctor-api.js";

export interface VersionRefusal {
  version: string;
  reason: "expired" | "unknown";
}

/**
 * A 400 that refuses the API version, e.g. "The API version '2025-06-01' has expired." Cafe24 documents a
 * silent fallback instead, but an error is what a strict server (and our emulator) answers; both name the
 * version, in `more_info` when present, else in the message.
 */
export function versionRefusal(answer: ApiAnswer): VersionRefusal | undefined {
  if (answer.status !== 400) return undefined;
  const info = answer.error instanceof Cafe24HttpError ? answer.error.cafe24?.moreInfo : undefined;
  if (typeof info?.version === "string" && (info.reason === "expired" || info.reason === "unknown")) {
    return { version: info.version, reason: info.reason };
  }
  const message = answer.cafe24Message ?? "";
  const named = /\bversion\s*'([^']{1,40})'/i.exec(message);
  if (!named?.[1]) return undefined;
  return { version: named[1], reason: /expired/i.test(message) ? "expired" : "unknown" };
}
