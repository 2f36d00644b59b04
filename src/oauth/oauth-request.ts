import { mallBaseUrl } from "../cafe24/mall-base-url.js";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import { type CappedBody, formatBytes, readBodyCapped } from "../util/read-body-capped.js";
import { abortError } from "../util/runtime.js";
import { scrubSecrets } from "../util/scrub-secrets.js";
import { clientCredentialSecrets } from "./client-credential-secrets.js";
import type { OAuthClientConfig } from "./oauth-client-config.js";
import { type OAuthOperation, OAuthRequestError, oauthErrorFor } from "./oauth-error.js";

/** openid-client's figure: long enough for a slow Cafe24, short enough that a hung socket is noticed. */
export const DEFAULT_OAUTH_TIMEOUT_MS = 30_000;

/** A token answer is under 1 KiB (§2.4); 64 KiB leaves room for any error page worth reading. */
export const DEFAULT_OAUTH_MAX_RESPONSE_BYTES = 64 * 1024;

export interface OAuthFormRequest {
  operation: Exclude<OAuthOperation, "authorize">;
  form: Record<string, string>;
  /** Form values that are secrets (code, tokens): masked out of any server text we keep. */
  secrets: readonly string[];
  signal?: AbortSignal;
}

/**
 * POSTs a form to the mall's token or revoke endpoint with HTTP Basic client authentication (§2.3) and
 * returns the parsed JSON of a 2xx answer (undefined for an empty body). Every failure is a typed error.
 */
export async function postOAuthForm(config: OAuthClientConfig, request: OAuthFormRequest): Promise<unknown> {
  const url = endpointUrl(config, request.operation);
  const maxResponseBytes = responseLimit(config);
  const timeoutMs = config.timeoutMs ?? DEFAULT_OAUTH_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  const credentials = Buffer.from(`${config.clientId}:${config.clientSecret}`).toString("base64");
  let status: number;
  let contentType: string;
  let body: CappedBody;
  try {
    const response = await (config.fetch ?? fetch)(url, {
      method: "POST",
      headers: {
        authorization: `Basic ${credentials}`,
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
      },
      body: new URLSearchParams(request.form).toString(),
      // A redirect would resend the Basic header somewhere we did not choose.
      redirect: "manual",
      signal,
    });
    status = response.status;
    contentType = response.headers.get("content-type") ?? "no content type";
    body = await readBodyCapped(response, maxResponseBytes);
  } catch (error) {
    if (request.signal?.aborted) throw abortError(request.signal);
    if (timeout.aborted) {
      throw new OAuthRequestError(
        ERROR_CODES.timeout,
        `Cafe24's OAuth ${request.operation} call got no answer within ${timeoutMs} ms. Check the network, or raise timeoutMs.`,
      );
    }
    throw new OAuthRequestError(
      ERROR_CODES.network,
      `Could not reach ${new URL(url).origin} for the OAuth ${request.operation} call (${networkReason(error)}). Check the network and the base URL.`,
      { cause: error },
    );
  }
  if (!body.ok) {
    throw new OAuthRequestError(
      ERROR_CODES.badResponse,
      `Cafe24's answer to the OAuth ${request.operation} call (HTTP ${status}) was larger than ${formatBytes(body.limitBytes)} (maxResponseBytes) and was not read. Check the base URL; raise maxResponseBytes only if the answer is known to be that big.`,
      { status },
    );
  }
  return interpret(request, {
    status,
    contentType,
    text: body.text,
    secrets: [...clientCredentialSecrets(config.clientId, config.clientSecret), ...request.secrets],
  });
}

function endpointUrl(config: OAuthClientConfig, operation: OAuthFormRequest["operation"]): string {
  if (!config.clientId || !config.clientSecret) {
    throw new DoctorError(ERROR_CODES.invalidOptions, "OAuth needs both clientId and clientSecret.");
  }
  const base = mallBaseUrl(config.mallId, config);
  return `${base}/api/v2/oauth/${operation === "revoke" ? "revoke" : "token"}`;
}

function responseLimit(config: OAuthClientConfig): number {
  const limit = config.maxResponseBytes ?? DEFAULT_OAUTH_MAX_RESPONSE_BYTES;
  if (!Number.isFinite(limit) || limit <= 0) {
    throw new DoctorError(
      ERROR_CODES.invalidOptions,
      `maxResponseBytes must be a positive number (got ${limit}).`,
    );
  }
  return limit;
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
  secrets: readonly string[];
}

function interpret(request: OAuthFormRequest, answer: Answer): unknown {
  const { status } = answer;
  const json = parseJson(answer.text);
  if (status >= 200 && status < 300) {
    if (answer.text.trim() === "") return undefined;
    if (json.ok) return json.value;
    throw badResponse(request, answer, "a body that is not JSON");
  }
  if (status >= 300 && status < 400) throw badResponse(request, answer, "a redirect; check the base URL");
  if (!json.ok) throw badResponse(request, answer, "a body that is not JSON, usually a proxy or outage page");
  const body = json.value as { error?: unknown; error_description?: unknown } | null;
  if (typeof body?.error === "string") {
    throw oauthErrorFor(request.operation, {
      status,
      error: body.error,
      ...(typeof body.error_description === "string" ? { description: body.error_description } : {}),
      secrets: answer.secrets,
    });
  }
  if (status === 429) {
    throw new OAuthRequestError(
      ERROR_CODES.rateLimited,
      `Cafe24 rate-limited the OAuth ${request.operation} call (HTTP 429). Wait a little and try again.`,
      { status },
    );
  }
  if (status >= 500) {
    throw new OAuthRequestError(
      ERROR_CODES.serverError,
      `Cafe24 failed the OAuth ${request.operation} call (HTTP ${status}). Try again later.`,
      { status },
    );
  }
  throw new OAuthRequestError(
    ERROR_CODES.oauthFailed,
    `Cafe24's OAuth ${request.operation} call failed with HTTP ${status} and no OAuth error code.`,
    { status },
  );
}

function badResponse(request: OAuthFormRequest, answer: Answer, what: string): OAuthRequestError {
  return new OAuthRequestError(
    ERROR_CODES.badResponse,
    `Cafe24's OAuth ${request.operation} call answered HTTP ${answer.status} (${scrubSecrets(answer.contentType, answer.secrets, { maxLength: 60 })}) with ${what}. Try again later; if it persists, check the base URL.`,
    { status: answer.status },
  );
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  if (typeof cause?.code === "string") return cause.code;
  return error instanceof Error ? error.message.slice(0, 80) : "unknown error";
}
