import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Cafe24Client } from "../../src/http/cafe24-client.js";
import type { Cafe24ClientOptions } from "../../src/http/client-options.js";
import type { Logger, Sleep } from "../../src/util/runtime.js";
import { abortError } from "../../src/util/runtime.js";

/** Answers request number `index` (0-based) however the test needs: odd headers, endless bodies. */
export type Script = (req: IncomingMessage, res: ServerResponse, index: number) => void;

export interface ScriptedServer {
  /** Base-URL template for clients: `http://127.0.0.1:{port}/malls/{mall_id}`. */
  baseUrlTemplate: string;
  /** Every request received, in order. */
  requests: { method: string; path: string }[];
  close(): Promise<void>;
}

/** A plain node:http server on 127.0.0.1 that plays `script`: the far side of a misbehaving Cafe24 or proxy. */
export async function scriptedServer(script: Script): Promise<ScriptedServer> {
  const requests: ScriptedServer["requests"] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? "", path: new URL(req.url ?? "/", "http://x").pathname });
    script(req, res, requests.length - 1);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrlTemplate: `http://127.0.0.1:${port}/malls/{mall_id}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Answers with a JSON-looking body that never ends, in chunks of about 64 KiB, as fast as the client takes
 * them, until the connection closes; `closed` resolves with the bytes written by then. A safety ceiling far
 * above any limit under test stops the writing (not the answer), so a client without a cap waits for its
 * timeout instead of filling the machine's memory.
 */
export function endlessBody(options: { status?: number; ceilingBytes?: number } = {}): {
  script: Script;
  closed: Promise<number>;
} {
  const ceilingBytes = options.ceilingBytes ?? 64 * 1024 * 1024;
  let markClosed: (bytes: number) => void = () => {};
  const closed = new Promise<number>((resolve) => {
    markClosed = resolve;
  });
  // 2,520 items of 26 bytes: about 64 KiB, Korean included, as a real list page would be.
  const chunk = Buffer.from(`{"products":[${'{"product_name":"상품"},'.repeat(2520)}`);
  const script: Script = (_req, res) => {
    let written = 0;
    res.writeHead(options.status ?? 200, { "content-type": "application/json" });
    res.on("close", () => markClosed(written));
    const pump = () => {
      while (!res.destroyed && written < ceilingBytes) {
        written += chunk.byteLength;
        if (!res.write(chunk)) {
          res.once("drain", pump);
          return;
        }
      }
    };
    pump();
  };
  return { script, closed };
}

/** A clock that only moves when slept on: waits are recorded, none is real. */
export function manualClock(start = Date.UTC(2026, 11, 1)): {
  now: () => number;
  sleep: Sleep;
  slept: number[];
} {
  let time = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => time,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw abortError(signal);
      slept.push(ms);
      time += Math.max(0, ms);
    },
  };
}

/** A logger that keeps its warnings for the test to read. */
export function recordingLogger(): Logger & {
  warnings: { fields: Record<string, unknown>; message: string }[];
} {
  const warnings: { fields: Record<string, unknown>; message: string }[] = [];
  return {
    warnings,
    debug() {},
    info() {},
    warn(fields, message) {
      warnings.push({ fields, message });
    },
    error() {},
  };
}

/**
 * A Cafe24Client for mall "demomall" of a scripted server: a fixed access token (the scripts never answer 401),
 * the manual clock, no jitter, and whatever else the test sets.
 */
export function scriptedClient(
  server: ScriptedServer,
  options: Partial<Cafe24ClientOptions> & { clock?: ReturnType<typeof manualClock> } = {},
): Cafe24Client {
  const { clock = manualClock(), ...rest } = options;
  return new Cafe24Client({
    mallId: "demomall",
    tokens: {
      getAccessToken: async () => "AccessTokenForTheScriptedServer",
      handleUnauthorized: async () => {
        throw new Error("no 401 in these scripts");
      },
    },
    baseUrl: server.baseUrlTemplate,
    allowInsecureLoopback: true,
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0,
    ...rest,
  });
}
