import type { Context } from "hono";
import { assertAppInstalledForGrant } from "../app-state/app-install-state.js";
import type { EmulatorContext } from "../context.js";
import { OAuthError } from "../http/cafe24-error.js";
import type { EmulatorEnv } from "../http/env.js";
import { errorResponse, jsonResponse } from "../http/respond.js";
import type { EmulatorOptions } from "../options.js";
import type { MallState } from "../state/mall.js";
import { authenticateClient } from "./client-auth.js";
import { grantTimes, tokenResponseBody } from "./token-response.js";

const REDIRECT_INVALID = "The redirect_uri added by Cafe24 Developers is invalid.";

/** POST /api/v2/oauth/token — authorization_code and refresh_token grants (§2.3–§2.5). */
export function tokenEndpoint(ctx: EmulatorContext) {
  return (c: Context<EmulatorEnv>): Response => {
    const mall = c.get("mall");
    try {
      const form = readForm(c);
      authenticateClient(c.req.header("authorization"), form, mall.app, ctx.options.oauth);
      assertAppInstalledForGrant(mall.appState);
      const grantType = form.get("grant_type");
      const body =
        grantType === "authorization_code"
          ? exchangeCode(ctx, mall, form)
          : grantType === "refresh_token"
            ? refresh(ctx, mall, form)
            : unsupported(grantType);
      mall.stats.grants[grantType as "authorization_code" | "refresh_token"] += 1;
      return jsonResponse(200, body, { "cache-control": "no-store", pragma: "no-cache" });
    } catch (error) {
      if (error instanceof OAuthError) mall.stats.countOauthError(error.error);
      return errorResponse(error);
    }
  };
}

/** The token endpoint takes a form body (§2.3); anything else is refused before credentials are looked at. */
export function readForm(c: Context<EmulatorEnv>): URLSearchParams {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) {
    throw new OAuthError(400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded.");
  }
  return new URLSearchParams(c.get("bodyText"));
}

function exchangeCode(ctx: EmulatorContext, mall: MallState, form: URLSearchParams): Record<string, unknown> {
  const now = ctx.clock.now();
  const value = form.get("code");
  if (!value) throw new OAuthError(400, "invalid_request", "The code parameter is required.");
  const code = mall.tokens.findCode(value);
  if (!code || code.clientId !== mall.app.clientId)
    throw new OAuthError(400, "invalid_grant", "Invalid authorization code");
  if (code.used) throw new OAuthError(400, "invalid_grant", "Authorization code has already been used");
  if (now >= code.expiresAt) throw new OAuthError(400, "invalid_grant", "Code time expired");
  const redirectUri = form.get("redirect_uri");
  if (redirectUri !== code.redirectUri || redirectUri !== mall.app.redirectUri) {
    throw new OAuthError(400, "invalid_request", REDIRECT_INVALID);
  }
  code.used = true;
  const grant = mall.tokens.createGrant({
    clientId: code.clientId,
    userId: code.userId,
    shopNo: code.shopNo,
    scopes: code.scopes,
    ...grantTimes(now, ctx.options),
  });
  mall.tokens.sweep(now);
  return tokenResponseBody(mall, grant, ctx.options);
}

function refresh(ctx: EmulatorContext, mall: MallState, form: URLSearchParams): Record<string, unknown> {
  const now = ctx.clock.now();
  const value = form.get("refresh_token");
  if (!value) throw new OAuthError(400, "invalid_request", "The refresh_token parameter is required.");
  const check = mall.tokens.checkRefresh(value, now);
  if (!check.ok) throw refusedRefresh(ctx.options.oauth, check.reason === "expired");
  const grant = mall.tokens.rotate(check.grant, grantTimes(now, ctx.options));
  return tokenResponseBody(mall, grant, ctx.options);
}

/**
 * An expired or already-rotated refresh token. Observed live as 401 "Invalid refresh_token" (§10); the
 * "legacy" shape is the emulator's first guess (400, with its own wording for an expired one).
 */
function refusedRefresh(options: EmulatorOptions["oauth"], expired: boolean): OAuthError {
  const error = expired ? options.expiredRefreshError : "invalid_grant";
  if (options.refreshErrorShape === "observed") return new OAuthError(401, error, "Invalid refresh_token");
  if (!expired) return new OAuthError(400, "invalid_grant", "Invalid refresh_token");
  return new OAuthError(error === "invalid_client" ? 401 : 400, error, "refresh_token time expired");
}

function unsupported(grantType: string | null): never {
  if (!grantType) throw new OAuthError(400, "invalid_request", "The grant_type parameter is required.");
  throw new OAuthError(400, "unsupported_grant_type", `Unsupported grant_type: ${grantType.slice(0, 40)}`);
}
