import { scopeForAdminPath } from "../cafe24/scopes.js";
import { DoctorError, ERROR_CODES, type ErrorCode } from "../errors/doctor-error.js";

/** The `error` object of Cafe24's resource-API envelope (§3). `code` is usually the numeric HTTP status. */
export interface Cafe24ErrorBody {
  code: string | number | undefined;
  message: string | undefined;
  moreInfo: Record<string, unknown> | undefined;
}

export interface Cafe24HttpErrorInit {
  /** HTTP status; undefined when no answer arrived (network failure, timeout). */
  status?: number;
  method: string;
  /** Request path without the query string, which may carry personal data (member_id, cellphone). */
  path: string;
  cafe24?: Cafe24ErrorBody;
  /** Why the answer could not be read, e.g. "the body is HTML, not JSON". */
  note?: string;
  cause?: unknown;
  /** Overrides the code derived from the status (network, timeout, bad response). */
  code?: ErrorCode;
  /** The answer's headers (Date, X-Api-Call-Limit, usage): evidence for diagnosis, never request headers. */
  responseHeaders?: Headers;
}

/**
 * A Cafe24 call that failed: Cafe24 said no, or no usable answer came back. Carries what a person needs to act
 * (status, method, path, Cafe24's own code and message, and for 403 the scope the endpoint needs) and never a
 * token: the request headers are not kept.
 */
export class Cafe24HttpError extends DoctorError {
  readonly status: number | undefined;
  readonly method: string;
  readonly path: string;
  readonly cafe24: Cafe24ErrorBody | undefined;
  /** For 403: the scope this endpoint needs (from the endpoint→scope map), when known. */
  readonly requiredScope: string | undefined;
  /** The answer's headers, when an answer came; not enumerable, to keep logged errors short. */
  declare readonly responseHeaders: Headers | undefined;

  constructor(init: Cafe24HttpErrorInit) {
    const code = init.code ?? codeForStatus(init.status);
    const requiredScope = init.status === 403 ? scopeForAdminPath(init.path, init.method) : undefined;
    super(code, describe(init, requiredScope), init.cause === undefined ? {} : { cause: init.cause });
    this.name = "Cafe24HttpError";
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.cafe24 = init.cafe24;
    this.requiredScope = requiredScope;
    Object.defineProperty(this, "responseHeaders", { value: init.responseHeaders, enumerable: false });
  }
}

export function codeForStatus(status: number | undefined): ErrorCode {
  if (status === undefined) return ERROR_CODES.network;
  if (status === 401) return ERROR_CODES.unauthorized;
  if (status === 403) return ERROR_CODES.forbidden;
  if (status === 404) return ERROR_CODES.notFound;
  if (status === 408) return ERROR_CODES.timeout;
  if (status === 429) return ERROR_CODES.rateLimited;
  if (status >= 500) return ERROR_CODES.serverError;
  if (status >= 400) return ERROR_CODES.invalidRequest;
  return ERROR_CODES.badResponse;
}

function describe(init: Cafe24HttpErrorInit, requiredScope: string | undefined): string {
  const call = `${init.method} ${init.path}`;
  const head = init.status === undefined ? call : `${init.status} for ${call}`;
  const said = init.cafe24?.message ? `: ${init.cafe24.message}` : "";
  const note = init.note ? ` (${init.note})` : "";
  if (init.status === 403) {
    // A missing scope looks like "the API is broken"; name the scope and the way out.
    const scope = requiredScope
      ? `The access token lacks ${requiredScope}. Enable ${requiredScope} on the app in Cafe24 Developers, then have the merchant authorize the app again (new scopes need fresh consent); if the scope is already granted, the app may have been uninstalled from the mall.`
      : "The token lacks the scope this endpoint needs, or the app is no longer installed on the mall; check the app's scopes and have the merchant authorize again.";
    return `Cafe24 refused ${head}${said}${note}. ${scope}`;
  }
  return `Cafe24 call failed: ${head}${said}${note}`;
}
