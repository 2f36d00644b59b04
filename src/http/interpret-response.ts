import { ERROR_CODES } from "../errors/doctor-error.js";
import { type Cafe24ErrorBody, Cafe24HttpError } from "./cafe24-http-error.js";
import { type CallLimit, readCallLimit } from "./rate-headers.js";

/** A successful Cafe24 answer. */
export interface Cafe24Response<T> {
  status: number;
  /** The parsed JSON body; undefined for an empty body (204). */
  data: T;
  headers: Headers;
  /** `X-Api-Call-Limit` of this answer, when present. */
  callLimit: CallLimit | undefined;
}

export type Interpretation<T> =
  | { ok: true; response: Cafe24Response<T> }
  | { ok: false; error: Cafe24HttpError };

/**
 * Turns status, headers and body text into data or a typed error. Never throws: a body that is not the JSON
 * Cafe24 documents (an HTML error page from a proxy, a truncated answer) becomes an error with a note.
 * `secrets` are the values the request carried (the access token), masked out of any error should the
 * server echo them.
 */
export function interpretResponse<T>(
  call: { method: string; path: string },
  status: number,
  headers: Headers,
  bodyText: string,
  secrets: readonly string[] = [],
): Interpretation<T> {
  const parsed = parseJson(bodyText);
  const note = parsed.ok ? undefined : describeUnparsable(headers);
  if (status >= 200 && status < 300) {
    if (parsed.ok) {
      return {
        ok: true,
        response: { status, data: parsed.value as T, headers, callLimit: readCallLimit(headers) },
      };
    }
    return {
      ok: false,
      error: new Cafe24HttpError({
        ...call,
        status,
        code: ERROR_CODES.badResponse,
        note,
        responseHeaders: headers,
        secrets,
      }),
    };
  }
  const cafe24 = parsed.ok ? errorBody(parsed.value) : undefined;
  // Below 400 (a redirect, which Cafe24's API does not use) is not an answer we understand either.
  const code = status < 400 ? ERROR_CODES.badResponse : undefined;
  return {
    ok: false,
    error: new Cafe24HttpError({
      ...call,
      status,
      responseHeaders: headers,
      secrets,
      ...(cafe24 ? { cafe24 } : {}),
      ...(note ? { note } : {}),
      ...(code ? { code } : {}),
    }),
  };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function describeUnparsable(headers: Headers): string {
  const type = headers.get("content-type")?.split(";")[0]?.trim();
  return `the answer's ${type ? `${type} ` : ""}body is not JSON`;
}

/** Cafe24's `{"error":{code,message,more_info}}`, or the OAuth endpoints' flat `{error, error_description}`. */
function errorBody(value: unknown): Cafe24ErrorBody | undefined {
  if (!isRecord(value)) return undefined;
  const { error } = value;
  if (isRecord(error)) {
    const code = typeof error.code === "number" || typeof error.code === "string" ? error.code : undefined;
    return {
      code,
      message: typeof error.message === "string" ? error.message : undefined,
      moreInfo: isRecord(error.more_info) ? error.more_info : undefined,
    };
  }
  if (typeof error === "string") {
    const description = value.error_description;
    return {
      code: error,
      message: typeof description === "string" ? description : error,
      moreInfo: undefined,
    };
  }
  return undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
