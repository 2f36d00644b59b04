import { createHash, timingSafeEqual } from "node:crypto";
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { callbackPage } from "./callback-page.js";
import type { LocalRedirect } from "./local-redirect.js";

export interface CallbackListener {
  /** The full redirected URL, or undefined when the timeout passed first. */
  redirected: Promise<string | undefined>;
  close(): Promise<void>;
}

export interface ListenOptions {
  /**
   * The `state` of the authorize URL. Only a redirect carrying it ends the listener: any web page can send the
   * browser to this loopback address, with `?error=…` or someone else's code, to end or hijack the login.
   */
  expectedState: string;
  timeoutMs: number;
  tls?: { key: string; cert: string };
  /** Told about each request to the path that was not this login's redirect (it got the "not yours" page). */
  onForeign?: () => void;
}

/**
 * A one-shot listener on the redirect URI's host, port and path. The first request there whose `state` is the
 * expected one (carrying `code`, or `error` when the person declined) is answered with a short page and ends
 * it; any other request to the path gets 400 and a page saying it is not this login's, and the listener keeps
 * waiting until its timeout; anything else (favicon, a stray probe) gets 404.
 */
export async function listenForCallback(
  target: LocalRedirect,
  options: ListenOptions,
): Promise<CallbackListener> {
  let settle: (url: string | undefined) => void = () => {};
  const redirected = new Promise<string | undefined>((resolve) => {
    settle = resolve;
  });
  const expected = digest(options.expectedState);
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const origin = `${target.protocol}//${target.hostname}${portSuffix(target)}`;
    const url = new URL(req.url ?? "/", origin);
    const params = url.searchParams;
    if (req.method !== "GET" || url.pathname !== target.path) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    const headers = {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      connection: "close",
    };
    const state = params.get("state");
    const ours =
      state !== null &&
      timingSafeEqual(digest(state), expected) &&
      (params.has("code") || params.has("error"));
    if (!ours) {
      res.writeHead(400, headers).end(callbackPage("foreign"));
      options.onForeign?.();
      return;
    }
    res.writeHead(200, headers);
    res.end(callbackPage(params.has("code") && !params.has("error") ? "authorized" : "failed"), () =>
      settle(`${origin}${url.pathname}${url.search}`),
    );
  };
  const servers: Server[] = [];
  const errors: Error[] = [];
  for (const host of target.hosts) {
    const server = options.tls ? createHttpsServer(options.tls, handler) : createHttpServer(handler);
    try {
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(target.port, host, () => resolve());
      });
      servers.push(server);
    } catch (error) {
      errors.push(error as Error);
    }
  }
  // `localhost` needs only one family to be bindable; nothing bound at all is the caller's to report.
  if (servers.length === 0) throw errors[0] ?? new Error("could not listen");
  const timer = setTimeout(() => settle(undefined), options.timeoutMs);
  const close = async () => {
    clearTimeout(timer);
    settle(undefined);
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      ),
    );
  };
  return { redirected, close };
}

/** Hashed before the constant-time compare, so neither the state nor its length leaks through timing. */
const digest = (value: string) => createHash("sha256").update(value).digest();

function portSuffix(target: LocalRedirect): string {
  const standard = target.protocol === "https:" ? 443 : 80;
  return target.port === standard ? "" : `:${target.port}`;
}
