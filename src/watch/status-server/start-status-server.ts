import { DoctorError, ERROR_CODES } from "../../errors/doctor-error.js";
import { createTranslator, type Lang } from "../../i18n/translate.js";
import { isLoopbackHost } from "../../util/is-loopback-host.js";
import { type ListeningServer, serveFetch } from "../../util/serve-loopback.js";
import type { WatchStatusSource } from "../watch-status.js";
import { createStatusApp } from "./create-status-app.js";

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
  const app = createStatusApp({ source, lang, bearerToken, now });
  return serveFetch(app.fetch, {
    host,
    port,
    allowedHosts,
    allowHint: "`cafe24-doctor watch --status-allow-host <name>` (option allowedHosts)",
  });
}
