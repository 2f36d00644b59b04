/**
 * A resource-API failure rendered in Cafe24's envelope {"error":{"code","message"}} (§3). The reference shows a
 * `more_info` object too, but every live error body seen (401, 404, 422) had none (§10), so it is sent only
 * when a caller supplies one.
 */
export class Cafe24ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly moreInfo?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "Cafe24ApiError";
  }

  toBody(): { error: { code: number; message: string; more_info?: Record<string, unknown> } } {
    return {
      error: {
        code: this.status,
        message: this.message,
        ...(this.moreInfo === undefined ? {} : { more_info: this.moreInfo }),
      },
    };
  }
}

/** Messages follow Cafe24's observed/legacy wording (§3, §7) where it is known. */
export const MESSAGES = {
  noToken: "Authority to access is not valid. (invalid_token)",
  expiredToken: "access_token time expired. (invalid_token)",
  invalidToken: "Invalid access_token",
  noScope: "No authority to access",
  /** A path no API answers, as observed live (§10). */
  noApi: "No API found.",
  /** A well-formed id that names nothing (legacy wording, §3). */
  notFound: "Cannot locate API.",
  /** §10, observed live on GET /customers without either key. */
  customerKeys: "Please enter the cellphone or member_id parameter.",
  contentType: "Content-type is not an application/json in the header.",
  tooMany: "Too Many Requests. The API call limit was exceeded.",
  usageExceeded: "Too Many Requests. The API usage limit was exceeded.",
  bodyTooLarge: "Request body is too large. The maximum is 1MB.",
  malformedJson: "The request body is not valid JSON.",
  serverError: "An internal error occurred. Please try again later.",
  unavailable: "Service Unavailable.",
  timeout: "Gateway Timeout.",
} as const;

/** The flat RFC 6749 shape the token endpoint uses (§2.7). */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
    this.name = "OAuthError";
  }

  toBody(): { error: string; error_description: string } {
    return { error: this.error, error_description: this.description };
  }
}
