import { Cafe24HttpError } from "../../http/cafe24-http-error.js";
import type { ApiAnswer } from "../doctor-api.js";

export interface VersionRefusal {
  version: string;
  reason: "expired" | "unknown";
}

/**
 * A 400 that refuses the API version: Cafe24's "2024-03-01 version you requested is not available" (an unknown
 * version), or a strict server's "The API version '2025-06-01' has expired." (Cafe24 documents a silent
 * fallback for expired versions; the emulator can be strict). The version is named in `more_info` when
 * present, else in the message.
 */
export function versionRefusal(answer: ApiAnswer): VersionRefusal | undefined {
  if (answer.status !== 400) return undefined;
  const info = answer.error instanceof Cafe24HttpError ? answer.error.cafe24?.moreInfo : undefined;
  if (typeof info?.version === "string" && (info.reason === "expired" || info.reason === "unknown")) {
    return { version: info.version, reason: info.reason };
  }
  const message = answer.cafe24Message ?? "";
  // Cafe24's own wording for a version it does not serve (docs/cafe24-facts.md §10).
  const unavailable = /(\d{4}-\d{2}-\d{2}) version you requested is not available/i.exec(message);
  if (unavailable?.[1]) return { version: unavailable[1], reason: "unknown" };
  const named = /\bversion\s*'([^']{1,40})'/i.exec(message);
  if (!named?.[1]) return undefined;
  return { version: named[1], reason: /expired/i.test(message) ? "expired" : "unknown" };
}
