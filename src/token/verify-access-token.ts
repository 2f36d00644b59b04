import type { TokenSet } from "../cafe24/token-set.js";
import { ERROR_CODES } from "../errors/doctor-error.js";
import { Cafe24Client } from "../http/cafe24-client.js";
import { Cafe24HttpError } from "../http/cafe24-http-error.js";
import type { Now } from "../util/runtime.js";
import type { TokenSetup } from "./token-setup.js";

/**
 * What one live call said about an access token. `forbidden` still means Cafe24 accepted the token (it lacks
 * the probe's scope); `unavailable` means no verdict (network, 5xx, rate limit).
 */
export type VerifyOutcome = "accepted" | "expired" | "rejected" | "forbidden" | "unavailable";

export interface Verification {
  outcome: VerifyOutcome;
  path: string;
  status: number | undefined;
  ms: number;
}

/** Cheap reads that prove a token, best first; the first the token's scopes allow is used. */
const PROBES: readonly { scope: string; path: string }[] = [
  { scope: "mall.read_application", path: "/apps" },
  { scope: "mall.read_store", path: "/store" },
  { scope: "mall.read_product", path: "/products/count" },
];

/** Answers Cafe24 gives only after accepting the token: the endpoint quibbled, the token is fine. */
const ACCEPTED_ERRORS = new Set([400, 404, 409, 422]);

/**
 * One Admin API call with exactly this access token, never refreshing: a verification that refreshed would
 * rotate the refresh token and hide the very problem it is asked about.
 */
export async function verifyAccessToken(
  setup: TokenSetup,
  token: TokenSet,
  now: Now = Date.now,
): Promise<Verification> {
  const path = (PROBES.find((p) => token.scopes.includes(p.scope)) ?? { path: "/store" }).path;
  const client = new Cafe24Client({
    mallId: setup.mallId,
    tokens: {
      getAccessToken: async () => token.accessToken,
      // Unreachable with refreshOn401 off; required by the provider interface.
      handleUnauthorized: async () => {
        throw new Cafe24HttpError({ status: 401, method: "GET", path });
      },
    },
    allowInsecureLoopback: setup.oauth.allowInsecureLoopback ?? false,
    ...(setup.oauth.baseUrl ? { baseUrl: setup.oauth.baseUrl } : {}),
    ...(setup.config.apiVersion ? { apiVersion: setup.config.apiVersion } : {}),
    ...(setup.oauth.fetch ? { fetch: setup.oauth.fetch } : {}),
    retry: { maxRetries: 1, refreshOn401: false },
    timeoutMs: 15_000,
  });
  const started = now();
  try {
    const response = await client.get(path);
    return { outcome: "accepted", path, status: response.status, ms: now() - started };
  } catch (error) {
    const status = error instanceof Cafe24HttpError ? error.status : undefined;
    return { outcome: outcomeOf(error, status, token, now()), path, status, ms: now() - started };
  }
}

function outcomeOf(error: unknown, status: number | undefined, token: TokenSet, at: number): VerifyOutcome {
  if (status !== undefined && ACCEPTED_ERRORS.has(status)) return "accepted";
  if (error instanceof Cafe24HttpError && error.code === ERROR_CODES.unauthorized) {
    return token.accessTokenExpiresAt <= at ? "expired" : "rejected";
  }
  if (status === 403) return "forbidden";
  return "unavailable";
}
