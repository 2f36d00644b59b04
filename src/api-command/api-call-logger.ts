import type { Translate } from "../i18n/translate.js";
import type { Logger } from "../util/runtime.js";

/**
 * Turns the client's and manager's structured lines into what a person watching `api` wants on stderr: each
 * attempt's status, time and bucket, each retry and each refresh. Token values are never in these fields.
 */
export function apiCallLogger(err: (line: string) => void, t: Translate): Logger {
  const line = (fields: Record<string, unknown>, message: string) => {
    if (message === "cafe24 call") {
      const limit = fields.callLimit as { used: number; capacity: number } | undefined;
      err(
        t("api.attempt", {
          method: String(fields.method),
          path: String(fields.path),
          status: String(fields.status ?? "—"),
          ms: Number(fields.ms),
          limit: limit ? `${limit.used}/${limit.capacity}` : "—",
        }),
      );
    } else if (message === "cafe24 retry") {
      err(t("api.retry", { code: String(fields.code), action: String(fields.action) }));
    } else if (message === "refreshed the access token") {
      err(t("api.refreshed"));
    } else if (message === "cafe24 pacing wait") {
      err(t("api.pacing", { ms: Number(fields.waitMs ?? 0) }));
    }
  };
  return { debug: line, info: line, warn: line, error: line };
}
