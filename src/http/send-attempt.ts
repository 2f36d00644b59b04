import { HEADER } from "../cafe24/headers.js";
import { ERROR_CODES } from "../errors/doctor-error.js";
import { formatBytes, readBodyCapped } from "../util/read-body-capped.js";
import { abortError, type FetchLike, type Now } from "../util/runtime.js";
import { Cafe24HttpError } from "./cafe24-http-error.js";
import { type Cafe24Response, type Interpretation, interpretResponse } from "./interpret-response.js";
import type { PacerObservation } from "./pacer-state.js";
import { type DoubtfulHeader, readRateHeaders } from "./rate-headers.js";
import type { RequestTarget } from "./request-target.js";
import type { FailedAttempt } from "./retry-policy.js";

export interface AttemptInput {
  fetch: FetchLike;
  method: string;
  target: RequestTarget;
  accessToken: string;
  apiVersion: string | undefined;
  timeoutMs: number;
  /** Largest body read; a bigger one is a CAFE24_BAD_RESPONSE. */
  maxResponseBytes: number;
  /** Dates a `Retry-After` given as an HTTP date when the answer has no `Date` header. */
  now: Now;
  signal: AbortSignal | undefined;
}

export interface AttemptOutcome<T> {
  result: { ok: true; response: Cafe24Response<T> } | { ok: false; failure: FailedAttempt };
  /** What the pacer learns from this attempt. */
  observation: PacerObservation;
  /** Undefined when no answer arrived. */
  status: number | undefined;
  /** Rate headers of the answer that were not believed (for the client to warn about once). */
  doubtfulHeaders: DoubtfulHeader[];
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

  // Only the exchange itself is inside the try: a failure there is the network's (or a timeout); a bug in
  // reading the answer afterwards is ours and must not pass for CAFE24_NETWORK.
  let status: number | undefined;
  let response: Response;
  let body: Awaited<ReturnType<typeof readBodyCapped>>;
  try {
    response = await input.fetch(target.url, {
      method,
      headers,
      ...(target.body === undefined ? {} : { body: target.body }),
      redirect: "manual",
      signal,
    });
    status = response.status;
    body = await readBodyCapped(response, input.maxResponseBytes);
  } catch (error) {
    if (input.signal?.aborted) throw abortError(input.signal);
    const timedOut = timeout.aborted;
    // The network fails with a system code (undici puts it on the cause); anything else is a bug of ours.
    if (!timedOut && causeCode(error) === undefined && systemCode(error) === undefined) throw error;
    const failure: FailedAttempt = {
      error: new Cafe24HttpError({
        ...call,
        code: timedOut ? ERROR_CODES.timeout : ERROR_CODES.network,
        note: timedOut
          ? `no complete answer within ${input.timeoutMs} ms${status === undefined ? "" : ` (status ${status} arrived, the body did not)`}`
          : networkNote(error),
        cause: error,
        secrets: [input.accessToken],
      }),
      sent: timedOut || !NOT_SENT.has(causeCode(error) ?? ""),
    };
    return { result: { ok: false, failure }, observation: {}, status: undefined, doubtfulHeaders: [] };
  }
  const answered = response.status;
  const { doubtful, ...limits } = readRateHeaders(response.headers, answered, input.now());
  const observation: PacerObservation = { rateLimited: answered === 429, ...limits };
  const interpreted: Interpretation<T> = body.ok
    ? interpretResponse<T>(call, answered, response.headers, body.text, [input.accessToken])
    : { ok: false, error: tooLarge(call, answered, response.headers, body.limitBytes) };
  const { retryAfterMs } = limits;
  return {
    result: interpreted.ok
      ? { ok: true, response: interpreted.response }
      : {
          ok: false,
          failure: {
            error: interpreted.error,
            sent: true,
            ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
          },
        },
    observation,
    status: answered,
    doubtfulHeaders: doubtful,
  };
}

/** An answer bigger than the client reads: cancelled unread, so no status-specific meaning is taken from it. */
function tooLarge(
  call: { method: string; path: string },
  status: number,
  headers: Headers,
  limitBytes: number,
): Cafe24HttpError {
  return new Cafe24HttpError({
    ...call,
    status,
    code: ERROR_CODES.badResponse,
    note: `the answer is over the ${formatBytes(limitBytes)} maxResponseBytes allows; ask for fewer items or fields, or raise maxResponseBytes`,
    responseHeaders: headers,
  });
}

function causeCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? error.cause : undefined;
  const code = typeof cause === "object" && cause !== null ? (cause as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
}

function systemCode(error: unknown): string | undefined {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
}

function networkNote(error: unknown): string {
  const code = causeCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${message}: ${code}` : message;
}
