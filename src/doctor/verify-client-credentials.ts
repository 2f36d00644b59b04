/*
 * Proves the app's client id and secret without side effects: a refresh_token grant with a refresh token that
 * cannot exist. Cafe24 authenticates the client first, so a wrong secret is answered "Invalid client_secret"
 * (observed as `invalid_client`, and as `invalid_grant` in one guide: docs/cafe24-facts.md §2.7), a right one
 * "Invalid refresh_token" (`invalid_grant`). Error and description are read together: `invalid_client` alone
 * has also been reported for a dead refresh token, so only a description naming the client convicts it.
 */
import { appRemovalOf } from "../cafe24/app-removal.js";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import type { MessageKey } from "../i18n/en.js";
import type { Translate } from "../i18n/translate.js";
import { OAuthRequestError } from "../oauth/oauth-error.js";
import { refreshToken } from "../oauth/refresh-token.js";
import type { FetchLike } from "../util/runtime.js";

/** The refresh token sent: no real one looks like it, so the grant can never succeed or rotate anything. */
export const PROBE_REFRESH_TOKEN = "cafe24-doctor-credentials-probe-not-a-token";

export type CredentialsVerdict =
  /** Cafe24 authenticated the client and refused only the probe's refresh token. */
  | {
      verdict: "accepted";
      status: number | undefined;
      error: string | undefined;
      description: string | undefined;
    }
  /** Cafe24 refused the client: the secret (or the id) is not the app's current one. */
  | {
      verdict: "rejected";
      which: "secret" | "id";
      status: number | undefined;
      error: string | undefined;
      description: string | undefined;
    }
  /** No answer that says either (network, 5xx, an answer naming neither the client nor the refresh token). */
  | {
      verdict: "inconclusive";
      status: number | undefined;
      error: string | undefined;
      description: string | undefined;
      code: string;
    };

export interface CredentialsConfig {
  mallId: string;
  clientId: string;
  clientSecret: string;
  baseUrl?: string | undefined;
  allowInsecureLoopback?: boolean;
}

/** Sends the probe grant and reads Cafe24's answer; never throws for an answer, only for an abort. */
export async function verifyClientCredentials(
  config: CredentialsConfig,
  options: { fetch?: FetchLike; signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<CredentialsVerdict> {
  try {
    await refreshToken(
      {
        mallId: config.mallId,
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
        allowInsecureLoopback: config.allowInsecureLoopback ?? false,
        timeoutMs: options.timeoutMs ?? 5_000,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      },
      PROBE_REFRESH_TOKEN,
      options.signal ? { signal: options.signal } : {},
    );
    // A token for a refresh token that cannot exist: the server is not Cafe24's; the client was not refused.
    return {
      verdict: "inconclusive",
      status: 200,
      error: undefined,
      description: undefined,
      code: "ACCEPTED_PROBE",
    };
  } catch (error) {
    if (error instanceof DoctorError && error.code === ERROR_CODES.aborted) throw error;
    if (!(error instanceof OAuthRequestError)) {
      const code = error instanceof DoctorError ? error.code : "ERROR";
      return { verdict: "inconclusive", status: undefined, error: undefined, description: undefined, code };
    }
    return judgeProbeAnswer(error);
  }
}

/** Reads the probe grant's refusal: error and description together. */
export function judgeProbeAnswer(
  answer: Pick<OAuthRequestError, "status" | "oauthError" | "description" | "code">,
): CredentialsVerdict {
  const fields = { status: answer.status, error: answer.oauthError, description: answer.description };
  const error = answer.oauthError ?? "";
  const description = answer.description ?? "";
  // invalid_client "This app is deleted." refuses the app's installation, not its secret: the authentication
  // check names the removal; calling it a wrong secret would send the user to Developer Center for nothing.
  const removal = appRemovalOf(description);
  if (removal) return { verdict: "inconclusive", ...fields, code: `APP_${removal.toUpperCase()}` };
  if (/client[\s_-]?secret/i.test(description)) return { verdict: "rejected", which: "secret", ...fields };
  if (/client[\s_-]?id/i.test(description)) return { verdict: "rejected", which: "id", ...fields };
  if (/refresh[\s_-]?token/i.test(description) && /^invalid_(grant|client)$/.test(error))
    return { verdict: "accepted", ...fields };
  // A bare invalid_grant: the client passed, the grant did not.
  if (error === "invalid_grant" && !/client/i.test(description)) return { verdict: "accepted", ...fields };
  return { verdict: "inconclusive", ...fields, code: answer.code };
}

/** The cause and the fix of a rejected secret (or id), in the user's language: for `watch` and the CLI. */
export function credentialsRejectedMessages(which: "secret" | "id"): {
  cause: MessageKey;
  remedy: MessageKey;
} {
  return which === "secret"
    ? {
        cause: "check.authentication.CLIENT_SECRET_REJECTED.cause",
        remedy: "check.authentication.CLIENT_SECRET_REJECTED.remedy",
      }
    : {
        cause: "check.authentication.CLIENT_ID_REJECTED.cause",
        remedy: "check.authentication.CLIENT_ID_REJECTED.remedy",
      };
}

/**
 * For commands that must not start with credentials Cafe24 refuses (`watch`): throws CAFE24_INVALID_CLIENT
 * with the doctor's cause and fix when the probe is refused; an inconclusive probe lets the command go on.
 */
export async function assertClientCredentials(
  config: Partial<CredentialsConfig>,
  t: Translate,
  options: { fetch?: FetchLike; signal?: AbortSignal } = {},
): Promise<void> {
  const { mallId, clientId, clientSecret } = config;
  if (!mallId || !clientId || !clientSecret) return;
  const result = await verifyClientCredentials({ ...config, mallId, clientId, clientSecret }, options);
  if (result.verdict !== "rejected") return;
  const texts = credentialsRejectedMessages(result.which);
  const said = `${result.error ?? "?"}${result.description ? `: ${result.description}` : ""}`;
  throw new DoctorError(
    ERROR_CODES.invalidClient,
    `Cafe24 rejected the app's client ${result.which} (${said}).`,
    {
      details: [t(texts.cause, { said }), t(texts.remedy)],
    },
  );
}
