import { toTokenSet } from "../cafe24/token-response.js";
import type { TokenSet } from "../cafe24/token-set.js";
import type { OAuthClientConfig } from "./oauth-client-config.js";
import { postOAuthForm } from "./oauth-request.js";

export interface ExchangeCodeOptions {
  /** The same redirect URI the authorize URL used. */
  redirectUri: string;
  signal?: AbortSignal;
}

/** authorization_code grant (§2.3): trades a code (valid 1 minute, single use) for the first token pair. */
export async function exchangeCode(
  config: OAuthClientConfig,
  code: string,
  options: ExchangeCodeOptions,
): Promise<TokenSet> {
  const json = await postOAuthForm(config, {
    operation: "exchange",
    form: { grant_type: "authorization_code", code, redirect_uri: options.redirectUri },
    secrets: [code],
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return toTokenSet(json, config.mallId);
}
