import { DoctorError, ERROR_CODES } from "../../errors/doctor-error.js";
import { createTranslator, type Lang } from "../../i18n/translate.js";
import { isLoopbackHost } from "../../util/is-loopback-host.js";
import { type ListeningServer, serveFetch } from "../../util/serve-loopback.js";
import { isAccessTokenIssuer } from "../access-token-issuer.js";
import type { WatchStatusSource } from "../watch-status.js";
import { createStatusApp } from "./create-status-app.js";
import { MIN_ENDPOINT_SECRET_LENGTH, type TokenEndpointOptions } from "./token-endpoint-routes.js";
import type { WebhookReceiverOptions } from "./webhook-receiver-route.js";

export interface StartStatusServerOptions {
  /** What the page, /status, /healthz and /metrics describe: the watch manager. */
  source: WatchStatusSource;
  /** Address to bind. Anything but loopback needs `bearerToken`. @default "127.0.0.1" */
  host?: string;
  /** @default 0 (any free port) */
  port?: number;
  /** Language of the page; `?lang=ko|en` overrides it per request. */
  lang: Lang;
  /** When set, every route but /healthz requires `Authorization: Bearer <bearerToken>`. */
  bearerToken?: string;
  /**
   * Host names the server answers to besides its own addresses (e.g. the name of a reverse proxy in front).
   * Requests under any other Host get 421, which keeps DNS-rebinding pages away from /status.
   * @default []
   */
  allowedHosts?: readonly string[];
  /**
   * Serves live access tokens to the user's apps under /v1 (GET /v1/malls/{mall_id}/access-token, POST
   * …/access-token/rejected), behind its own secret — required on loopback too, and never the status page's.
   * Off when omitted.
   */
  tokenEndpoint?: TokenEndpointOptions;
  /**
   * Receives Cafe24's app-deleted (90077) and app-expired (90078) webhooks at POST /v1/webhooks/cafe24,
   * authenticated by their signature (not the bearer token), and tells `onAppRemoved` (wire it to
   * `WatchManager.appRemoved`). Off when omitted.
   */
  webhooks?: WebhookReceiverOptions;
  /** @default Date.now */
  now?: () => number;
}

export type RunningStatusServer = ListeningServer;

/** Starts the watch manager's status server on a real socket. */
export async function startStatusServer(options: StartStatusServerOptions): Promise<RunningStatusServer> {
  const { source, host = "127.0.0.1", port = 0, lang, bearerToken, allowedHosts, now = Date.now } = options;
  const t = createTranslator(lang);
  if (bearerToken !== undefined && bearerToken.trim() === "")
    throw new DoctorError(ERROR_CODES.invalidOptions, t("status.refused.emptyToken"));
  // Token expiry, mall ids and re-authorization commands are nobody else's business, and the server offers
  // no TLS: reachable from other machines, it must at least ask for a secret.
  if (!isLoopbackHost(host) && bearerToken === undefined)
    throw new DoctorError(ERROR_CODES.invalidOptions, t("status.refused.noToken", { host }));
  const endpoint = options.tokenEndpoint;
  let tokenEndpoint: Parameters<typeof createStatusApp>[0]["tokenEndpoint"];
  if (endpoint) {
    if (endpoint.bearerToken.trim().length < MIN_ENDPOINT_SECRET_LENGTH)
      throw new DoctorError(
        ERROR_CODES.invalidOptions,
        t("status.refused.endpointSecretShort", { min: MIN_ENDPOINT_SECRET_LENGTH }),
      );
    if (endpoint.bearerToken === bearerToken)
      throw new DoctorError(ERROR_CODES.invalidOptions, t("status.refused.endpointSecretSame"));
    const issuer = endpoint.issuer ?? (isAccessTokenIssuer(source) ? source : undefined);
    if (!issuer) throw new DoctorError(ERROR_CODES.invalidOptions, t("status.refused.endpointNoIssuer"));
    if (endpoint.minLifeMs !== undefined && !(endpoint.minLifeMs >= 0))
      throw new DoctorError(ERROR_CODES.invalidOptions, "tokenEndpoint.minLifeMs must be a number ≥ 0.");
    tokenEndpoint = { ...endpoint, issuer };
  }
  const webhooks = options.webhooks;
  if (webhooks && (webhooks.secret.trim() === "" || webhooks.clientId.trim() === ""))
    throw new DoctorError(ERROR_CODES.invalidOptions, t("status.refused.webhookSecretEmpty"));
  const app = createStatusApp({ source, lang, bearerToken, now, tokenEndpoint, webhooks });
  return serveFetch(app.fetch, {
    host,
    port,
    allowedHosts,
    allowHint: "`cafe24-doctor watch --status-allow-host <name>` (option allowedHosts)",
  });
}
