import { serveFetch } from "../util/serve-loopback.js";
import type { EmulatorControl } from "./control/emulator-control.js";
import { createEmulator, type Emulator, type EmulatorMall, type EmulatorRuntime } from "./emulator.js";
import type { EmulatorEnv } from "./http/env.js";
import type { EmulatorOptionsInput } from "./options.js";

export interface StartEmulatorOptions extends EmulatorOptionsInput {
  /** 0 (default) picks a free port. */
  port?: number;
  /** 127.0.0.1 unless told otherwise. */
  host?: string;
  /**
   * Host names the server answers to besides its own addresses. Requests under any other Host get 421, so a
   * DNS-rebinding page cannot mint tokens or drive the control API.
   * @default []
   */
  allowedHosts?: readonly string[];
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

/** Starts the emulator on a real loopback socket, answering only to its own Host names (see hostPolicy). */
export async function startEmulator(
  options: StartEmulatorOptions = {},
  runtime: EmulatorRuntime = {},
): Promise<RunningEmulator> {
  const { port = 0, host = "127.0.0.1", allowedHosts, ...emulatorOptions } = options;
  const emulator = createEmulator(emulatorOptions, runtime);
  const { url, close } = await serveFetch(
    (request, env) => emulator.handle(request, env as EmulatorEnv["Bindings"]),
    {
      host,
      port,
      allowedHosts,
      allowHint: "`cafe24-doctor emulator --allow-host <name>` (option allowedHosts)",
    },
  );
  return {
    url,
    baseUrlTemplate: `${url}/malls/{mall_id}`,
    get malls() {
      return emulator.malls;
    },
    control: emulator.control,
    emulator,
    close,
  };
}
