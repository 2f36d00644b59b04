import { DoctorError, ERROR_CODES, type ErrorCode } from "../errors/doctor-error.js";
import { Cafe24HttpError } from "../http/cafe24-http-error.js";
import type { Translate } from "../i18n/translate.js";
import { OAuthRequestError } from "../oauth/oauth-error.js";

/** Cafe24 (or the authorization's own checks) refused: a person must act, which is exit 2, not "could not run". */
const REFUSED: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  ERROR_CODES.reauthRequired,
  ERROR_CODES.invalidClient,
  ERROR_CODES.appRemoved,
  ERROR_CODES.codeInvalid,
  ERROR_CODES.redirectUriMismatch,
  ERROR_CODES.scopeNotEnabled,
  ERROR_CODES.stateMismatch,
  ERROR_CODES.oauthFailed,
  ERROR_CODES.unauthorized,
  ERROR_CODES.forbidden,
  ERROR_CODES.tokenNotFound,
  ERROR_CODES.tokenFileInvalid,
]);

/** Exit code of a failed token or api command: 2 when Cafe24 answered no, 3 when the command could not run. */
export function failureExitCode(error: unknown): 2 | 3 {
  if (error instanceof Cafe24HttpError && error.status !== undefined && error.status >= 400) return 2;
  if (error instanceof DoctorError && REFUSED.has(error.code)) return 2;
  return 3;
}

/**
 * Lines that say what exactly Cafe24 answered, beyond the code's generic text: its own description, the call
 * that failed, and for a 403 the scope the endpoint needs. Library messages already mask anything we sent.
 */
export function failureNotes(error: unknown, t: Translate): string[] {
  if (error instanceof OAuthRequestError && error.oauthError) {
    return [t("token.cafe24Said", { error: error.oauthError, description: error.description ?? "" })];
  }
  if (error instanceof Cafe24HttpError && error.status !== undefined) {
    const lines = [
      // The api command's attempt line already said the status; this adds Cafe24's own words.
      t("api.failedCall", {
        status: error.status,
        method: error.method,
        path: error.path,
        message: error.cafe24?.message ?? "—",
      }),
    ];
    // A removed app's 403 is no scope problem: the code's own text says what to do.
    if (error.status === 403 && !error.removal) {
      lines.push(
        error.requiredScope
          ? t("api.forbidden.scope", { scope: error.requiredScope })
          : t("api.forbidden.unknownScope"),
      );
    }
    return lines;
  }
  return [];
}
