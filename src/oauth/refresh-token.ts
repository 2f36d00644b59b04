import { toTokenSet } from "../cafe24/token-response.js";
import type { TokenSet } from "../cafe24/token-set.js";
import type { OAuthClientConfig } from "./oauth-client-config.js";
import { postOAuthForm } from "./oauth-request.js";

/**
 * refresh_token grant (§2.5). Cafe24 rotates: the answer holds a NEW refresh token and the one sent is dead
 * from that moment, so the caller must store the result before anything else can fail.
 */
export async function refreshToken(
  config: OAuthClientConfig,
  refreshToken: string,
  options: { signal?: AbortSignal } = {},
): Promise<TokenSet> {
  const json = await postOAuthForm(config, {
    operation: "refresh",
    form: { grant_type: "refresh_token", refresh_token: refreshToken },
    secrets: [refreshToken],
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return toTokenSet(json, config.mallId);
}
