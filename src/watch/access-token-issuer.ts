import { DoctorError, type ErrorCode } from "../errors/doctor-error.js";

/** How an access token was obtained for a caller: what the token endpoint's audit line records. */
export type IssueOutcome =
  /** The stored token had at least the minimum life left. */
  | "served"
  /** It had less: refreshed first (by this caller or one it waited for). */
  | "refreshed"
  /** The caller's token was refused by Cafe24 and was still the current one: replaced by a refresh. */
  | "replaced-rejected"
  /** The caller's refused token was an older one: the current one instead, no refresh. */
  | "current-after-rejected";

/** An access token handed to an app: never with its refresh token, which only `watch` holds. */
export interface IssuedAccessToken {
  mallId: string;
  accessToken: string;
  /** Epoch ms. */
  expiresAt: number;
  scopes: string[];
  outcome: IssueOutcome;
}

export interface IssueOptions {
  /** The token handed out has at least this long left (capped at half its lifetime), refreshed first if not. */
  minLifeMs: number;
  /** Ends only this caller's wait; a refresh already under way always finishes. */
  signal?: AbortSignal;
}

/** What the token endpoint needs: WatchManager provides it for the malls it keeps. */
export interface AccessTokenIssuer {
  /** Whether this mall is kept (the store is looked at again when it may have a new one). */
  watches(mallId: string): Promise<boolean>;
  accessTokenFor(mallId: string, options: IssueOptions): Promise<IssuedAccessToken>;
  replaceRejectedToken(
    mallId: string,
    rejectedAccessToken: string,
    options: IssueOptions,
  ): Promise<IssuedAccessToken>;
}

/**
 * No token can be handed out for the mall right now. `reauthCommand` is set when only a person can fix it (the
 * refresh token is dead, or none is stored); otherwise it is transient and `retryAt` says when to ask again.
 */
export class AccessTokenUnavailable extends DoctorError {
  readonly mallId: string;
  readonly retryAt: number | null;
  readonly reauthCommand: string | null;

  constructor(
    code: ErrorCode,
    message: string,
    details: { mallId: string; retryAt?: number | null; reauthCommand?: string | null; cause?: unknown },
  ) {
    super(code, message, details.cause === undefined ? {} : { cause: details.cause });
    this.name = "AccessTokenUnavailable";
    this.mallId = details.mallId;
    this.retryAt = details.retryAt ?? null;
    this.reauthCommand = details.reauthCommand ?? null;
  }
}

export function isAccessTokenIssuer(value: unknown): value is AccessTokenIssuer {
  const v = value as Partial<AccessTokenIssuer> | null;
  return (
    typeof v?.accessTokenFor === "function" &&
    typeof v.replaceRejectedToken === "function" &&
    typeof v.watches === "function"
  );
}
