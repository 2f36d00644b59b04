import type { Context } from "hono";
import type { EmulatorContext } from "../context.js";
import { OAuthError } from "../http/cafe24-error.js";
import type { EmulatorEnv } from "../http/env.js";
import { errorResponse } from "../http/respond.js";
import { authenticateClient } from "./client-auth.js";
import { readForm } from "./token-endpoint.js";

const HINTS = new Set(["access_token", "refresh_token", "id_token"]);

/**
 * POST /api/v2/oauth/revoke (§2.6): `token` plus Cafe24's `token_hint`. Revoking either token kills the pair.
 * An unknown token still answers 200, as RFC 7009 asks, so revocation is safe to repeat.
 */
export function revokeEndpoint(ctx: EmulatorContext) {
  return (c: Context<EmulatorEnv>): Response => {
    const mall = c.get("mall");
    try {
      const form = readForm(c);
      authenticateClient(c.req.header("authorization"), form, mall.app, ctx.options.oauth);
      const token = form.get("token");
      if (!token) throw new OAuthError(400, "invalid_request", "The token parameter is required.");
      const hint = form.get("token_hint");
      if (hint !== null && !HINTS.has(hint)) {
        throw new OAuthError(
          400,
          "invalid_request",
          "token_hint must be access_token, refresh_token or id_token.",
        );
      }
      if (mall.tokens.revokeToken(token)) mall.stats.revocations += 1;
      return new Response(null, { status: 200 });
    } catch (error) {
      if (error instanceof OAuthError) mall.stats.countOauthError(error.error);
      return errorResponse(error);
    }
  };
}
