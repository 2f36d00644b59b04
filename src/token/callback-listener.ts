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
  /** Whether the redirect completes the authorization (code present, state matches): picks the page shown. */
  accepts: (url: string) => boolean;
  timeoutMs: number;
  tls?: { key: string; cert: string };
}

/**
 * A one-shot listener on the redirect URI's host, port and path: the first request there carrying `code` or
 * `error` is answered with a short page and ends it; anything else (favicon, a stray probe) gets 404.
 */
export async function listenForCallback(
  target: LocalRedirect,
  options: ListenOptions,
): Promise<CallbackListener> {
  let settle: (url: string | undefined) => void = () => {};
  const redirected = new Promise<string | undefined>((resolve) => {
    settle = resolve;
  });
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", `${target.protocol}//${req.headers.host ?? target.hostname}`);
    const params = url.searchParams;
    if (
      req.method !== "GET" ||
      url.pathname !== target.path ||
      !(params.has("code") || params.has("error"))
    ) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    const full = `${target.protocol}//${target.hostname}${portSuffix(target)}${url.pathname}${url.search}`;
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      connection: "close",
    });
    res.end(callbackPage(options.accepts(full)), () => settle(full));
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

function portSuffix(target: LocalRedirect): string {
  const standard = target.protocol === "https:" ? 443 : 80;
  return target.port === standard ? "" : `:${target.port}`;
}
