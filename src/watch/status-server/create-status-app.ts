import { randomBytes } from "node:crypto";
import { Hono } from "hono";
import { isLang, type Lang } from "../../i18n/translate.js";
import type { WatchStatusSource } from "../watch-status.js";
import { bearerAuth } from "./bearer-auth.js";
import { renderStatusPage } from "./render-status-page.js";
import { createStatusMetrics } from "./status-metrics.js";
import { needsPerson, statusJson, toStatusView } from "./status-view.js";

export interface StatusAppOptions {
  source: WatchStatusSource;
  lang: Lang;
  bearerToken?: string | undefined;
  now: () => number;
}

/** Orchestrators and load balancers probe /healthz without credentials; it says no more than mall ids. */
const OPEN_PATHS = ["/healthz"];

/** The routes of the status server, as a Hono app (fetch handler), independent of any socket. */
export function createStatusApp({ source, lang, bearerToken, now }: StatusAppOptions): Hono {
  const app = new Hono();
  const metrics = createStatusMetrics();

  app.use(async (c, next) => {
    await next();
    // Live state: never from a cache, never framed, no referrer to whatever a reader clicks next.
    c.header("Cache-Control", "no-store");
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
  });
  if (bearerToken !== undefined) app.use(bearerAuth(bearerToken, OPEN_PATHS, lang));

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
