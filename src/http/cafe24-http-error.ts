import { type AppRemoval, appRemovalOf } from "../cafe24/app-removal.js";
import { scopeForAdminPath } from "../cafe24/scopes.js";
import { DoctorError, ERROR_CODES, type ErrorCode } from "../errors/doctor-error.js";
import { scrubSecrets } from "../util/scrub-secrets.js";
import { scrubSecretsDeep } from "../util/scrub-secrets-deep.js";

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
  /**
   * What the request carried (the access token): masked out of Cafe24's text and the note should the server
   * echo it. Used by the constructor only, never kept.
   */
  secrets?: readonly string[];
}

/**
 * A Cafe24 call that failed: Cafe24 said no, or no usable answer came back. Carries what a person needs to act
 * (status, method, path, Cafe24's own code and message, and for 403 the scope the endpoint needs) and never a
 * token: the request headers are not kept, and server text (Cafe24's message and `more_info`, the note) is
 * scrubbed of the values we sent and of anything shaped like a credential before it is stored.
 */
export class Cafe24HttpError extends DoctorError {
  readonly status: number | undefined;
  readonly method: string;
  readonly path: string;
  readonly cafe24: Cafe24ErrorBody | undefined;
  /** For 403: the scope this endpoint needs (from the endpoint→scope map), when known. */
  readonly requiredScope: string | undefined;
  /** For CAFE24_APP_REMOVED: whether the merchant deleted the app or let it expire. */
  readonly removal: AppRemoval | undefined;
  /** The answer's headers, when an answer came; not enumerable, to keep logged errors short. */
  declare readonly responseHeaders: Headers | undefined;

  constructor(raw: Cafe24HttpErrorInit) {
    const init = scrubbed(raw);
    const removal = init.status === 403 ? appRemovalOf(init.cafe24?.message) : undefined;
    const code = init.code ?? (removal ? ERROR_CODES.appRemoved : codeForStatus(init.status));
    const requiredScope =
      init.status === 403 && !removal ? scopeForAdminPath(init.path, init.method) : undefined;
    super(
      code,
      describe(init, requiredScope, removal),
      init.cause === undefined ? {} : { cause: init.cause },
    );
    this.name = "Cafe24HttpError";
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.cafe24 = init.cafe24;
    this.requiredScope = requiredScope;
    this.removal = removal;
    Object.defineProperty(this, "responseHeaders", { value: init.responseHeaders, enumerable: false });
  }
}

/** Server text as it may be kept: the values we sent and anything shaped like a credential masked. */
function scrubbed(init: Cafe24HttpErrorInit): Cafe24HttpErrorInit {
  const { secrets = [], cafe24, note, ...rest } = init;
  const clean = (text: string, maxLength: number) => scrubSecrets(text, secrets, { maxLength });
  const body: Cafe24ErrorBody | undefined = cafe24 && {
    code: typeof cafe24.code === "string" ? clean(cafe24.code, 60) : cafe24.code,
    message: cafe24.message === undefined ? undefined : clean(cafe24.message, 500),
    // A plain object in is a plain object out.
    moreInfo:
      cafe24.moreInfo &&
      (scrubSecretsDeep(cafe24.moreInfo, secrets, { maxLength: 300 }) as Record<string, unknown>),
  };
  return {
    ...rest,
    ...(note === undefined ? {} : { note: clean(note, 300) }),
    ...(body ? { cafe24: body } : {}),
  };
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

function describe(
  init: Cafe24HttpErrorInit,
  requiredScope: string | undefined,
  removal: AppRemoval | undefined,
): string {
  const call = `${init.method} ${init.path}`;
  const head = init.status === undefined ? call : `${init.status} for ${call}`;
  const said = init.cafe24?.message ? `: ${init.cafe24.message}` : "";
  const note = init.note ? ` (${init.note})` : "";
  if (removal) {
    // Cafe24 answers every call of a removed app this way: no scope or token can fix it, only the merchant.
    const what = removal === "deleted" ? "deleted the app from the mall" : "let the app's term expire";
    return `Cafe24 refused ${head}${said}${note}. The merchant ${what}; it is not the client secret, a scope or an expired token: ask the merchant to install the app again, then run \`cafe24-doctor token login --mall <mall_id>\`.`;
  }
  if (init.status === 403) {
    // A missing scope looks like "the API is broken"; name the scope and the way out.
    const scope = requiredScope
      ? `The access token lacks ${requiredScope}. Enable ${requiredScope} on the app in Cafe24 Developers, then have the merchant authorize the app again (new scopes need fresh consent); if the scope is already granted, the app may have been uninstalled from the mall.`
      : "The token lacks the scope this endpoint needs, or the app is no longer installed on the mall; check the app's scopes and have the merchant authorize again.";
    return `Cafe24 refused ${head}${said}${note}. ${scope}`;
  }
  return `Cafe24 call failed: ${head}${said}${note}`;
}
