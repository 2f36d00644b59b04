import { randomBytes } from "node:crypto";
import type { Context } from "hono";
import { isKnownScope, splitScopes } from "../../cafe24/scopes.js";
import type { EmulatorContext } from "../context.js";
import type { EmulatorEnv } from "../http/env.js";
import { jsonResponse } from "../http/respond.js";
import type { EmulatorOptions } from "../options.js";
import type { MallState } from "../state/mall.js";
import { renderConsentPage } from "./consent-page.js";

interface PendingConsent {
  mall: MallState;
  redirectUri: string;
  state: string;
  scopes: string[];
  expiresAt: number;
}

const CONSENT_TTL_MS = 10 * 60 * 1000;
const MAX_PENDING = 1000;

/**
 * GET/POST /api/v2/oauth/authorize (§2.1): validates the request like Cafe24 (an unknown client or redirect URI
 * is shown, never redirected to; other errors go back to the app), then shows the Korean consent page — or,
 * with auto-approve, redirects with a code at once. The page posts the merchant's decision back here.
 */
export function authorizeEndpoints(ctx: EmulatorContext) {
  const pending = new Map<string, PendingConsent>();

  const issueCodeRedirect = (
    c: Context<EmulatorEnv>,
    consent: Omit<PendingConsent, "expiresAt">,
  ): Response => {
    const now = ctx.clock.now();
    const code = consent.mall.tokens.issueCode({
      clientId: consent.mall.app.clientId,
      redirectUri: consent.redirectUri,
      scopes: consent.scopes,
      userId: consent.mall.userId,
      shopNo: "1",
      issuedAt: now,
      expiresAt: now + ctx.options.ttl.codeSec * 1000,
    });
    const params: Record<string, string> = { code: code.code };
    if (consent.state) params.state = consent.state;
    return c.redirect(withParams(consent.redirectUri, params), 302);
  };

  const get = (c: Context<EmulatorEnv>): Response => {
    const mall = c.get("mall");
    const q = new URL(c.req.url).searchParams;
    const clientId = q.get("client_id");
    const redirectUri = q.get("redirect_uri");
    if (!clientId || clientId !== mall.app.clientId) {
      return jsonResponse(400, { error: "invalid_request", error_description: "The client_id is invalid." });
    }
    if (!redirectUri || redirectUri !== mall.app.redirectUri) {
      return jsonResponse(400, {
        error: "invalid_request",
        error_description: "The redirect_uri added by Cafe24 Developers is invalid.",
      });
    }
    const state = q.get("state") ?? "";
    const back = (error: string, description: string) =>
      c.redirect(errorRedirect(redirectUri, error, description, state, ctx.options.oauth), 302);
    if (q.get("response_type") !== "code")
      return back("unsupported_response_type", "response_type must be code.");
    // Live Cafe24 accepts an authorize URL without state (§10); the strict reading of the guide is an option.
    if (!state && ctx.options.oauth.requireState)
      return back("invalid_request", "The state parameter is required.");
    const scopes = splitScopes(q.get("scope") ?? "");
    if (scopes.length === 0 || !scopes.every((s) => isKnownScope(s) && mall.app.scopes.includes(s))) {
      return back("invalid_scope", "The scope added by Cafe24 Developers is invalid. Please try again.");
    }
    if (ctx.options.autoApprove) return issueCodeRedirect(c, { mall, redirectUri, state, scopes });

    const now = ctx.clock.now();
    for (const [key, entry] of pending)
      if (entry.expiresAt <= now || pending.size >= MAX_PENDING) pending.delete(key);
    const ticket = randomBytes(16).toString("hex");
    pending.set(ticket, { mall, redirectUri, state, scopes, expiresAt: now + CONSENT_TTL_MS });
    const html = renderConsentPage({
      appName: mall.app.name,
      mallId: mall.mallId,
      shopName: mall.shopName,
      userId: mall.userId,
      scopes,
      ticket,
      action: c.req.path,
    });
    return c.html(html, 200, { "cache-control": "no-store" });
  };

  const post = (c: Context<EmulatorEnv>): Response => {
    const form = new URLSearchParams(c.get("bodyText"));
    const ticket = form.get("ticket") ?? "";
    const consent = pending.get(ticket);
    pending.delete(ticket);
    if (!consent || consent.mall !== c.get("mall") || consent.expiresAt <= ctx.clock.now()) {
      return jsonResponse(400, {
        error: "invalid_request",
        error_description: "The consent request expired. Start again.",
      });
    }
    if (form.get("decision") !== "approve") {
      return c.redirect(
        errorRedirect(
          consent.redirectUri,
          "access_denied",
          "The merchant denied the request.",
          consent.state,
          ctx.options.oauth,
        ),
        302,
      );
    }
    return issueCodeRedirect(c, consent);
  };

  return { get, post };
}

/**
 * An error redirect back to the app. Cafe24 was observed to percent-encode an already form-encoded
 * `error_description` (`The%2Bscope%2Badded…`, §10), so by default the description is encoded twice.
 */
function errorRedirect(
  redirectUri: string,
  error: string,
  description: string,
  state: string,
  options: EmulatorOptions["oauth"],
): string {
  const encoded =
    options.redirectErrorEncoding === "double"
      ? new URLSearchParams({ d: description }).toString().slice(2)
      : description;
  return withParams(redirectUri, { error, error_description: encoded, ...(state ? { state } : {}) });
}

function withParams(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}
