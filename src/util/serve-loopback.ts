import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";

export interface ListeningServer {
  /** Origin, e.g. http://127.0.0.1:54321 (IPv6 hosts in brackets). */
  url: string;
  close(): Promise<void>;
}

type FetchHandler = Parameters<typeof createAdaptorServer>[0]["fetch"];

/**
 * Serves a fetch handler on host:port (0 = a free port) and resolves once listening, with a close() that does
 * not wait for idle keep-alive sockets (pages that poll and tests that open many would hold it open).
 */
export async function serveFetch(fetch: FetchHandler, host: string, port: number): Promise<ListeningServer> {
  const server = createAdaptorServer({ fetch }) as Server;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
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
