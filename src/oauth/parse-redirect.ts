import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import { oauthErrorFor } from "./oauth-error.js";

export interface ParsedRedirect {
  code: string;
  /** The state the redirect carried; undefined for a bare code. */
  state: string | undefined;
}

/**
 * Reads what a person pastes after approving: a bare code, the whole redirected URL, or its query string.
 * Checks `state` when `expectedState` is given and the input carries a query (a bare code has none), and
 * turns an `error=` redirect into the matching typed error (invalid_scope → CAFE24_SCOPE_NOT_ENABLED …).
 */
export function parseRedirect(input: string, options: { expectedState?: string } = {}): ParsedRedirect {
  const text = input.trim();
  if (/^[A-Za-z0-9._~-]+$/.test(text)) return { code: text, state: undefined };
  const params = queryOf(text);
  const state = params.get("state") ?? undefined;
  if (options.expectedState !== undefined && state !== options.expectedState) {
    throw new DoctorError(
      ERROR_CODES.stateMismatch,
      state === undefined
        ? "The redirect carries no state, so it cannot be matched to this authorization. Paste the whole address the browser was sent to."
        : "The redirect's state does not match the one this authorization sent: it belongs to another attempt, or was forged. Start the authorization again.",
    );
  }
  const error = params.get("error");
  if (error) {
    const description = secondLayer(params.get("error_description"));
    throw oauthErrorFor("authorize", { error, ...(description ? { description } : {}) });
  }
  const code = params.get("code");
  if (!code) {
    throw new DoctorError(
      ERROR_CODES.invalidOptions,
      "No authorization code found. Paste the code, or the whole address the browser was redirected to (…?code=…&state=…).",
    );
  }
  return { code, state };
}

/**
 * Cafe24 was observed to percent-encode an already form-encoded `error_description` (`The%2Bscope%2Badded…`,
 * §10), so after one decoding it still reads "The+scope+added…". A description without spaces that still
 * holds `+` or `%XX` is decoded once more; a singly encoded one (it has spaces) is left as it is.
 */
function secondLayer(description: string | null): string | null {
  if (description === null || /\s/.test(description) || !/\+|%[0-9A-Fa-f]{2}/.test(description))
    return description;
  try {
    return decodeURIComponent(description.replace(/\+/g, " "));
  } catch {
    return description;
  }
}

function queryOf(text: string): URLSearchParams {
  if (URL.canParse(text)) return new URL(text).searchParams;
  const query = text.includes("?") ? text.slice(text.indexOf("?") + 1) : text;
  return new URLSearchParams(query.split("#")[0]);
}
