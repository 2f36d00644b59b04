import type { OAuthClientConfig } from "./oauth-client-config.js";
import { postOAuthForm } from "./oauth-request.js";

export interface RevokeTokenOptions {
  /** Cafe24's `token_hint` (not RFC 7009's `token_type_hint`, §2.6). */
  tokenHint: "access_token" | "refresh_token";
  signal?: AbortSignal;
}

/** Revokes a token; Cafe24 revokes its partner too, so either one ends the grant (§2.6). */
export async function revokeToken(
  config: OAuthClientConfig,
  token: string,
  options: RevokeTokenOptions,
): Promise<void> {
  await postOAuthForm(config, {
    operation: "revoke",
    form: { token, token_hint: options.tokenHint },
    secrets: [token],
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
