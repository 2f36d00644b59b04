import { randomBytes } from "node:crypto";
import type { HttpBindings } from "@hono/node-server";
import { Hono } from "hono";
import { isLang, type Lang } from "../../i18n/translate.js";
import type { AccessTokenIssuer } from "../access-token-issuer.js";
import type { WatchStatusSource } from "../watch-status.js";
import { bearerAuth } from "./bearer-auth.js";
import { renderStatusPage } from "./render-status-page.js";
import { createStatusMetrics } from "./status-metrics.js";
import { needsPerson, statusJson, toStatusView } from "./status-view.js";
import { type TokenEndpointOptions, tokenEndpointRoutes } from "./token-endpoint-routes.js";
import {
  WEBHOOK_PATH,
  type WebhookReceiverOptions,
  webhookReceiverRoutes,
} from "./webhook-receiver-route.js";

export interface StatusAppOptions {
  source: WatchStatusSource;
  lang: Lang;
  bearerToken?: string | undefined;
  now: () => number;
  /** The token endpoint under /v1 (off when omitted: /v1/… answers 404). */
  tokenEndpoint?: (TokenEndpointOptions & { issuer: AccessTokenIssuer }) | undefined;
  /** Cafe24's app-deleted/expired webhooks at POST /v1/webhooks/cafe24, checked by signature (off when omitted). */
  webhooks?: WebhookReceiverOptions | undefined;
}

/** Orchestrators and load balancers probe /healthz without credentials; it says no more than mall ids. */
const OPEN_PATHS = ["/healthz"];
/** The token endpoint checks its own secret: the status page's token must not open it. */
const ENDPOINT_PREFIX = "/v1/";

/** The routes of the status server, as a Hono app (fetch handler), independent of any socket. */
export function createStatusApp({
  source,
  lang,
  bearerToken,
  now,
  tokenEndpoint,
  webhooks,
}: StatusAppOptions): Hono<{ Bindings: Partial<HttpBindings> }> {
  const app = new Hono<{ Bindings: Partial<HttpBindings> }>();
  const metrics = createStatusMetrics();

  app.use(async (c, next) => {
    await next();
    // Live state: never from a cache, never framed, no referrer to whatever a reader clicks next.
    c.header("Cache-Control", "no-store");
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
  });
  if (bearerToken !== undefined) {
    // Cafe24 cannot send the bearer token: the webhook route is authenticated by its signature instead.
    const statusAuth = bearerAuth(bearerToken, webhooks ? [...OPEN_PATHS, WEBHOOK_PATH] : OPEN_PATHS, lang);
    app.use((c, next) => (c.req.path.startsWith(ENDPOINT_PREFIX) ? next() : statusAuth(c, next)));
  }
  if (tokenEndpoint) app.route("/v1", tokenEndpointRoutes(tokenEndpoint, lang, now));
  if (webhooks) app.route("/", webhookReceiverRoutes(webhooks, now));

  app.get("/", async (c) => {
    const requested = c.req.query("lang");
    const nonce = randomBytes(16).toString("base64");
    c.header(
      "Content-Security-Policy",
      `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    await source.refresh?.();
    const view = toStatusView(source.snapshot(), now());
    return c.html(renderStatusPage(view, requested && isLang(requested) ? requested : lang, nonce));
  });

  app.get("/status", async (c) => {
    await source.refresh?.();
    return c.json(statusJson(toStatusView(source.snapshot(), now())));
  });

  app.get("/healthz", async (c) => {
    await source.refresh?.();
    const snapshot = source.snapshot();
    const malls = snapshot.malls
      .filter(needsPerson)
      .map((m) => ({ mallId: m.mallId, state: m.state, reauthCommand: m.reauthCommand }));
    // With replicas, a mall another replica found needing a person counts too (from the cluster's own count).
    const cluster = snapshot.cluster ? { cluster: { needsPerson: snapshot.cluster.needsPerson } } : {};
    return malls.length || (snapshot.cluster?.needsPerson ?? 0) > 0
      ? c.json({ status: "reauth-required", malls, ...cluster }, 503)
      : c.json({ status: "ok", ...cluster });
  });

  app.get("/metrics", async (c) => {
    await source.refresh?.();
    const text = await metrics.render(source.snapshot(), now());
    return c.body(text, 200, { "Content-Type": metrics.contentType });
  });

  return app;
}
