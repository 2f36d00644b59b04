import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer, type HttpBindings } from "@hono/node-server";
import { Hono } from "hono";
import { hostGuard, hostPolicy } from "./host-guard.js";

export interface ListeningServer {
  /** Origin, e.g. http://127.0.0.1:54321 (IPv6 hosts in brackets). */
  url: string;
  close(): Promise<void>;
}

type FetchHandler = (request: Request, env: HttpBindings) => Response | Promise<Response>;

export interface ServeOptions {
  host: string;
  /** 0 = a free port. */
  port: number;
  /** Names the server answers to besides its own addresses (see hostPolicy). */
  allowedHosts?: readonly string[] | undefined;
  /** How an operator allows another Host, for the 421 answer, e.g. "--allow-host <name>". */
  allowHint: string;
}

/**
 * Serves a fetch handler on host:port and resolves once listening, with a close() that does not wait for idle
 * keep-alive sockets (pages that poll and tests that open many would hold it open). Requests whose Host is not
 * one the server answers to get 421 before the handler sees them: only here is the bound address known, and
 * the in-process handlers (tests, `createEmulator().fetch`) have no socket to protect.
 */
export async function serveFetch(fetch: FetchHandler, options: ServeOptions): Promise<ListeningServer> {
  const { host, port, allowedHosts, allowHint } = options;
  const policy = hostPolicy(allowedHosts);
  // Refuses everything until the bound port is known.
  let accepts: (host: string | undefined) => boolean = () => false;
  const guarded = new Hono<{ Bindings: HttpBindings }>();
  guarded.use(hostGuard((value) => accepts(value), allowHint));
  guarded.all("*", (c) => fetch(c.req.raw, c.env));
  const server = createAdaptorServer({ fetch: guarded.fetch }) as Server;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const { address, port: boundPort } = server.address() as AddressInfo;
      accepts = policy({ requested: host, address, port: boundPort });
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostPart = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostPart}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
