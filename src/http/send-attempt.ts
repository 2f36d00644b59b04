import { HEADER } from "../cafe24/headers.js";
import { ERROR_CODES } from "../errors/doctor-error.js";
import { abortError, type FetchLike } from "../util/runtime.js";
import { Cafe24HttpError } from "./cafe24-http-error.js";
import { type Cafe24Response, interpretResponse } from "./interpret-response.js";
import type { PacerObservation } from "./pacer-state.js";
import { readCallLimit, readRemainSeconds } from "./rate-headers.js";
import type { RequestTarget } from "./request-target.js";
import type { FailedAttempt } from "./retry-policy.js";

export interface AttemptInput {
  fetch: FetchLike;
  method: string;
  target: RequestTarget;
  accessToken: string;
  apiVersion: string | undefined;
  timeoutMs: number;
  signal: AbortSignal | undefined;
}

export interface AttemptOutcome<T> {
  result: { ok: true; response: Cafe24Response<T> } | { ok: false; failure: FailedAttempt };
  /** What the pacer learns from this attempt. */
  observation: PacerObservation;
  /** Undefined when no answer arrived. */
  status: number | undefined;
}

/** Errors undici raises before a single byte left: the request cannot have reached Cafe24. */
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"]);

/**
 * One HTTP exchange under its own timeout (combined with the caller's signal), body included. Throws only
 * CAFE24_ABORTED, when the caller cancelled; every other failure is returned for the retry policy to judge.
 */
export async function sendAttempt<T>(input: AttemptInput): Promise<AttemptOutcome<T>> {
  const { method, target } = input;
  const call = { method, path: target.path };
  const timeout = AbortSignal.timeout(input.timeoutMs);
  const signal = input.signal ? AbortSignal.any([input.signal, timeout]) : timeout;
  const headers: Record<string, string> = {
    authorization: `Bearer ${input.accessToken}`,
    "content-type": "application/json",
    accept: "application/json",
  };
  if (input.apiVersion) headers[HEADER.apiVersion] = input.apiVersion;

  let status: number | undefined;
  try {
    const response = await input.fetch(target.url, {
      method,
      headers,
      ...(target.body === undefined ? {} : { body: target.body }),
      redirect: "manual",
      signal,
    });
    status = response.status;
    const bodyText = await response.text();
    const observation: PacerObservation = { rateLimited: status === 429 };
    const callLimit = readCallLimit(response.headers);
    const remainSec = readRemainSeconds(response.headers);
    if (callLimit) observation.callLimit = callLimit;
    if (remainSec !== undefined) observation.remainSec = remainSec;
    const interpreted = interpretResponse<T>(call, status, response.headers, bodyText);
    return {
      result: interpreted.ok
        ? { ok: true, response: interpreted.response }
        : { ok: false, failure: { error: interpreted.error, sent: true } },
      observation,
      status,
    };
  } catch (error) {
    if (input.signal?.aborted) throw abortError(input.signal);
    const timedOut = timeout.aborted;
    const failure: FailedAttempt = {
      error: new Cafe24HttpError({
        ...call,
        code: timedOut ? ERROR_CODES.timeout : ERROR_CODES.network,
        note: timedOut
          ? `no complete answer within ${input.timeoutMs} ms${status === undefined ? "" : ` (status ${status} arrived, the body did not)`}`
          : networkNote(error),
        cause: error,
      }),
      sent: timedOut || !NOT_SENT.has(causeCode(error) ?? ""),
    };
    return { result: { ok: false, failure }, observation: {}, status: undefined };
  }
}

function causeCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? error.cause : undefined;
  const code = typeof cause === "object" && cause !== null ? (cause as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
}

function networkNote(error: unknown): string {
  const code = causeCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${message}: ${code}` : message;
}
