import { Cafe24ApiError, OAuthError } from "./cafe24-error.js";

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return rawJsonResponse(status, JSON.stringify(body), headers);
}

export function rawJsonResponse(
  status: number,
  json: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(status === 204 ? null : json, {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

/** Renders any error a route throws; an unexpected one is a 500 in Cafe24's envelope, never a stack trace. */
export function errorResponse(error: unknown): Response {
  if (error instanceof Cafe24ApiError) return jsonResponse(error.status, error.toBody());
  if (error instanceof OAuthError) return jsonResponse(error.status, error.toBody());
  return jsonResponse(
    500,
    new Cafe24ApiError(500, "An internal error occurred. Please try again later.").toBody(),
  );
}

/** What undici's fetch throws when the peer resets the connection; used for in-process reset faults. */
export function connectionResetError(): TypeError {
  const cause = Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" });
  return new TypeError("fetch failed", { cause });
}
