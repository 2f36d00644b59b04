import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import type { EmulatorControl } from "./control/emulator-control.js";
import { createEmulator, type Emulator, type EmulatorMall, type EmulatorRuntime } from "./emulator.js";
import type { EmulatorEnv } from "./http/env.js";
import type { EmulatorOptionsInput } from "./options.js";

export interface StartEmulatorOptions extends EmulatorOptionsInput {
  /** 0 (default) picks a free port. */
  port?: number;
  /** 127.0.0.1 unless told otherwise. */
  host?: string;
}

export interface RunningEmulator {
  /** Origin, e.g. http://127.0.0.1:54321 — the first mall's API is at `${url}/api/v2`. */
  url: string;
  /** Base-URL template for clients: `${url}/malls/{mall_id}`. */
  baseUrlTemplate: string;
  malls: EmulatorMall[];
  control: EmulatorControl;
  emulator: Emulator;
  close(): Promise<void>;
}

/** Starts the emulator on a real loopback socket. */
export async function startEmulator(
  options: StartEmulatorOptions = {},
  runtime: EmulatorRuntime = {},
): Promise<RunningEmulator> {
  const { port = 0, host = "127.0.0.1", ...emulatorOptions } = options;
  const emulator = createEmulator(emulatorOptions, runtime);
  const server = createAdaptorServer({
    fetch: (request, env) => emulator.handle(request, env as EmulatorEnv["Bindings"]),
  }) as Server;
  // Keep-alive sockets would keep close() waiting; benchmarks and tests open many.
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
  const url = `http://${hostPart}:${address.port}`;
  return {
    url,
    baseUrlTemplate: `${url}/malls/{mall_id}`,
    get malls() {
      return emulator.malls;
    },
    control: emulator.control,
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
