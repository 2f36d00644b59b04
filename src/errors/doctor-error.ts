import { scrubSecretsDeep } from "../util/scrub-secrets-deep.js";

/**
 * Base of every error cafe24-doctor throws on purpose: a stable `code` the CLI maps to Korean or English text
 * and an exit code, plus the underlying `cause`. Library messages are English and never contain secrets.
 */
export class DoctorError extends Error {
  /** One line per problem, e.g. each invalid key of a config file. */
  readonly details: readonly string[];

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: { cause?: unknown; details?: readonly string[] } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "DoctorError";
    this.details = options.details ?? [];
  }

  /**
   * What `JSON.stringify(error)` shows: the message and every field, with anything shaped like a credential
   * masked. Subclasses already scrub server text when it enters; this is the net for the rest.
   */
  toJSON(): unknown {
    return scrubSecretsDeep({ ...this, message: this.message }, [], { maxLength: 2000 });
  }
}

/** Stable error codes: part of the public API; the CLI and users' code branch on them. */
export const ERROR_CODES = {
  emulatorConfigInvalid: "EMULATOR_CONFIG_INVALID",
  emulatorConfigUnreadable: "EMULATOR_CONFIG_UNREADABLE",
  emulatorListenFailed: "EMULATOR_LISTEN_FAILED",
  /** `watch` could not serve its status page (port in use, address refused): it exits 3 without starting. */
  statusListenFailed: "STATUS_LISTEN_FAILED",
  /** The refresh token is expired, rotated away or revoked (`invalid_grant`): a person must authorize again. */
  reauthRequired: "CAFE24_REAUTH_REQUIRED",
  /** Client id or secret rejected (`invalid_client`). */
  invalidClient: "CAFE24_INVALID_CLIENT",
  /**
   * The merchant deleted the app or let its term expire: Admin calls answer 403 and the token endpoint
   * invalid_client. Not the secret, a scope or a token; the error's `removal` says "deleted" or "expired".
   */
  appRemoved: "CAFE24_APP_REMOVED",
  /** Authorization code expired (60 s), already used, or unknown. */
  codeInvalid: "CAFE24_CODE_INVALID",
  /** redirect_uri differs from the one registered in Developer Center. */
  redirectUriMismatch: "CAFE24_REDIRECT_URI_MISMATCH",
  /** A requested scope is not enabled on the app (`invalid_scope`). */
  scopeNotEnabled: "CAFE24_SCOPE_NOT_ENABLED",
  /** `state` on the redirect is not the one we sent. */
  stateMismatch: "CAFE24_STATE_MISMATCH",
  /** Any other OAuth error answer. */
  oauthFailed: "CAFE24_OAUTH_FAILED",
  /** A Cafe24 answer that does not have the documented shape. */
  badResponse: "CAFE24_BAD_RESPONSE",
  unauthorized: "CAFE24_UNAUTHORIZED",
  /** 403: the token lacks the scope an endpoint needs (or the app is not installed). */
  forbidden: "CAFE24_FORBIDDEN",
  notFound: "CAFE24_NOT_FOUND",
  /** 400/409/422: the request itself is wrong; retrying cannot help. */
  invalidRequest: "CAFE24_INVALID_REQUEST",
  rateLimited: "CAFE24_RATE_LIMITED",
  /** Not sent by the doctor: a diagnosis spends at most its budget of Admin API calls (20, half a bucket). */
  budgetSpent: "DIAGNOSIS_BUDGET_SPENT",
  serverError: "CAFE24_SERVER_ERROR",
  network: "CAFE24_NETWORK",
  timeout: "CAFE24_TIMEOUT",
  aborted: "CAFE24_ABORTED",
  /** http: URL for a non-loopback host, or loopback http without the explicit opt-in. */
  insecureUrl: "CAFE24_INSECURE_URL",
  tokenNotFound: "TOKEN_NOT_FOUND",
  tokenFileInvalid: "TOKEN_FILE_INVALID",
  tokenStoreIo: "TOKEN_STORE_IO",
  /** The token path is a symbolic link (writing through it would hand the token to whoever placed it). */
  tokenStoreUnsafe: "TOKEN_STORE_UNSAFE",
  /** A refreshed token the store refused to take; it is in memory and in a rescue file (details name both). */
  tokenNotSaved: "TOKEN_NOT_SAVED",
  tokenLockTimeout: "TOKEN_LOCK_TIMEOUT",
  /** Redis (token store, shared pacer or watch cluster) could not be reached or refused the command. */
  redisUnavailable: "REDIS_UNAVAILABLE",
  invalidOptions: "INVALID_OPTIONS",
  /** cafe24-doctor.config.json or a CAFE24_* variable has invalid values: one detail line per problem. */
  configInvalid: "CONFIG_INVALID",
  /** The config file (or .env) cannot be read, or is not JSON. */
  configUnreadable: "CONFIG_UNREADABLE",
  /** `init` found a config file and was not told to replace it (--force). */
  configExists: "CONFIG_EXISTS",
  /** `init` could not write the config file. */
  configWriteFailed: "CONFIG_WRITE_FAILED",
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];
