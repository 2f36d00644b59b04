import { type AppRemoval, appRemovalOf } from "../cafe24/app-removal.js";
import { DoctorError, ERROR_CODES, type ErrorCode } from "../errors/doctor-error.js";
import { scrubSecrets } from "../util/scrub-secrets.js";

/** Which OAuth step failed: the same `invalid_grant` means different things at each. */
export type OAuthOperation = "authorize" | "exchange" | "refresh" | "revoke";

/**
 * A failed OAuth step with a stable `code`, the HTTP status (undefined when no answer arrived) and Cafe24's
 * `error` / `error_description`, with anything we sent and anything shaped like a credential masked out.
 */
export class OAuthRequestError extends DoctorError {
  readonly status: number | undefined;
  readonly oauthError: string | undefined;
  readonly description: string | undefined;
  /** For CAFE24_APP_REMOVED: whether the merchant deleted the app or let it expire. */
  readonly removal: AppRemoval | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    fields: { status?: number; oauthError?: string; description?: string; cause?: unknown } = {},
  ) {
    super(
      code,
      scrubSecrets(message, [], { maxLength: 2000 }),
      fields.cause === undefined ? {} : { cause: fields.cause },
    );
    this.name = "OAuthRequestError";
    this.status = fields.status;
    this.oauthError =
      fields.oauthError === undefined ? undefined : scrubSecrets(fields.oauthError, [], { maxLength: 60 });
    this.description =
      fields.description === undefined ? undefined : scrubSecrets(fields.description, [], { maxLength: 300 });
    this.removal = code === ERROR_CODES.appRemoved ? appRemovalOf(this.description) : undefined;
  }
}

export interface OAuthErrorAnswer {
  status?: number;
  error: string;
  description?: string;
  /**
   * Values we sent (client secret and its Basic encodings, code, tokens) that must not survive into the error
   * if the server echoes them.
   */
  secrets?: readonly string[];
}

const LOGIN_AGAIN = "authorize the app again with `cafe24-doctor token login` (or `token exchange`)";

/** Maps Cafe24's `{error, error_description}` (token endpoint or `error=` redirect) to a typed error (§2.7). */
export function oauthErrorFor(operation: OAuthOperation, answer: OAuthErrorAnswer): OAuthRequestError {
  const secrets = answer.secrets ?? [];
  const rawDescription = answer.description ?? "";
  const description = scrubSecrets(rawDescription, secrets, { maxLength: 300 });
  const error = scrubSecrets(answer.error, secrets, { maxLength: 60 });
  const said = `${error}${description ? `: ${description}` : ""}`;
  const [code, message] = classify(operation, answer.error, rawDescription, said);
  return new OAuthRequestError(code, message, {
    ...(answer.status === undefined ? {} : { status: answer.status }),
    oauthError: error,
    ...(description ? { description } : {}),
  });
}

function classify(
  operation: OAuthOperation,
  error: string,
  description: string,
  said: string,
): [ErrorCode, string] {
  // A removed app is refused as invalid_client too, but a new secret cannot help: only the merchant can.
  const removal = appRemovalOf(description);
  if (removal && operation !== "revoke") {
    const what = removal === "deleted" ? "deleted the app from the mall" : "let the app's term expire";
    return [
      ERROR_CODES.appRemoved,
      `Cafe24 refused the ${operation} because the merchant ${what} (${said}). It is not the client secret, a scope or an expired token: ask the merchant to install the app again, then run \`cafe24-doctor token login --mall <mall_id>\`.`,
    ];
  }
  // Cafe24 reports an expired refresh token as invalid_client in some reports (§2.7); the description decides.
  if (
    operation === "refresh" &&
    /refresh.?token/i.test(description) &&
    /^invalid_(grant|client)$/.test(error)
  ) {
    return [
      ERROR_CODES.reauthRequired,
      `Cafe24 refused the refresh token (${said}). It expired (14 days), was already rotated by another refresh, or was revoked: ${LOGIN_AGAIN}.`,
    ];
  }
  // A wrong secret comes back as invalid_grant "Invalid client_secret" too (§2.7 observed variant).
  if (error === "invalid_client" || /client_(secret|id)/i.test(description)) {
    return [
      ERROR_CODES.invalidClient,
      `Cafe24 rejected the app's client credentials (${said}). Check the client id and client secret in Developer Center (Apps > Auth Info), including stray whitespace.`,
    ];
  }
  if (error === "invalid_grant" && operation === "refresh") {
    return [
      ERROR_CODES.reauthRequired,
      `Cafe24 refused the refresh token (${said}). It expired (14 days), was already rotated by another refresh, or was revoked: ${LOGIN_AGAIN}.`,
    ];
  }
  if (error === "invalid_grant" && operation === "exchange") {
    return [
      ERROR_CODES.codeInvalid,
      `Cafe24 refused the authorization code (${said}). A code is valid for 1 minute and only once: authorize again and exchange the new code right away.`,
    ];
  }
  if (error === "invalid_request" && /redirect_uri/i.test(description)) {
    return [
      ERROR_CODES.redirectUriMismatch,
      `Cafe24 rejected the redirect URI (${said}). It must equal the Redirect URI registered in Developer Center exactly: scheme, host, port, path and trailing slash.`,
    ];
  }
  if (error === "invalid_scope") {
    return [
      ERROR_CODES.scopeNotEnabled,
      `Cafe24 refused the requested scopes (${said}). Enable every requested scope on the app in Developer Center, or request fewer, then authorize again.`,
    ];
  }
  return [ERROR_CODES.oauthFailed, `Cafe24's OAuth ${operation} step failed (${said}).`];
}
