import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import { formatZodIssues } from "../util/format-zod-issues.js";
import { createEmulatorApp } from "./app.js";
import { EmulatorClock } from "./clock.js";
import type { EmulatorContext, RequestLogEntry } from "./context.js";
import { EmulatorControl } from "./control/emulator-control.js";
import { generateMallData } from "./data/generate-mall-data.js";
import type { MallData } from "./data/types.js";
import { FaultInjector } from "./faults.js";
import type { EmulatorEnv } from "./http/env.js";
import { RESET_MARKER } from "./http/mall-pipeline.js";
import { connectionResetError } from "./http/respond.js";
import { type EmulatorOptions, type EmulatorOptionsInput, emulatorOptionsSchema } from "./options.js";
import { seededRandom } from "./prng.js";
import { createMall, type MallState } from "./state/mall.js";
import { DEFAULT_API_VERSIONS, VersionTable } from "./versions.js";
import { WebhookSender } from "./webhooks/webhook-sender.js";

/** What a user of the emulator needs to know about one mall and its installed app. */
export interface EmulatorMall {
  mallId: string;
  shopName: string;
  clientId: string;
  /** Present only for credentials the emulator generated itself; configured secrets are not echoed. */
  clientSecret?: string;
  redirectUri: string;
  scopes: string[];
  apiVersion: string;
}

export interface EmulatorRuntime {
  /** Called once per request, after the answer is known. */
  onRequest?: (entry: RequestLogEntry) => void;
  /** Injected for latency faults. */
  sleep?: (ms: number) => Promise<void>;
  /** Real-time source behind the emulator clock. */
  now?: () => number;
  /** Sends webhooks (default: the global fetch). */
  fetch?: typeof fetch;
}

export interface Emulator {
  /** A fetch-compatible handler: the whole emulator in-process, no socket. */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  control: EmulatorControl;
  malls: EmulatorMall[];
  options: EmulatorOptions;
  /** The Hono app's own fetch, used by the HTTP server (passes the Node request for socket-level faults). */
  handle(request: Request, env?: EmulatorEnv["Bindings"]): Promise<Response>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Builds an emulator from options (validated: EMULATOR_CONFIG_INVALID with one detail per bad option). */
export function createEmulator(input: EmulatorOptionsInput = {}, runtime: EmulatorRuntime = {}): Emulator {
  const parsed = emulatorOptionsSchema.safeParse(input);
  if (!parsed.success) {
    throw new DoctorError(ERROR_CODES.emulatorConfigInvalid, "Invalid emulator options.", {
      details: formatZodIssues(parsed.error),
    });
  }
  const options = parsed.data;
  const initialAutoApprove = options.autoApprove;
  const realNow = runtime.now ?? Date.now;
  const versions = new VersionTable(options.versions.list ?? DEFAULT_API_VERSIONS);
  const startMs = parseStart(options.clock.start);
  const clock = new EmulatorClock(realNow, {
    frozen: options.clock.frozen,
    ...(startMs === undefined ? {} : { startMs }),
  });
  const mallConfigs = options.malls ?? [{ mallId: "demomall" }];
  const data = new WeakMap<MallState, MallData>();

  const ctx: EmulatorContext = {
    options,
    clock,
    versions,
    faults: new FaultInjector(options.faults, seededRandom(options.seed)),
    malls: new Map(),
    defaultMallId: mallConfigs[0]?.mallId ?? "demomall",
    dataOf(mall) {
      const cached = data.get(mall);
      if (cached) return cached;
      const fresh: MallData = generateMallData({
        seed: options.seed,
        sizes: options.data,
        anchorMs: clock.now(),
        mallId: mall.mallId,
        shopName: mall.shopName,
      });
      data.set(mall, fresh);
      return fresh;
    },
    ...(runtime.onRequest ? { onRequest: runtime.onRequest } : {}),
    webhooks: new WebhookSender(options.webhooks, {
      fetch: runtime.fetch ?? ((input, init) => fetch(input, init)),
      sleep: runtime.sleep ?? defaultSleep,
      now: () => clock.now(),
    }),
  };

  const build = () => {
    ctx.malls.clear();
    for (const config of mallConfigs) {
      if (ctx.malls.has(config.mallId)) throw new Error(`mall ${config.mallId} is configured twice`);
      ctx.malls.set(config.mallId, createMall(config, options, versions.latest, clock.now()));
    }
  };
  build();

  const control = new EmulatorControl(ctx, () => {
    clock.resume();
    if (options.clock.frozen) clock.freeze();
    clock.set(startMs ?? realNow());
    options.autoApprove = initialAutoApprove;
    ctx.faults = new FaultInjector(options.faults, seededRandom(options.seed));
    ctx.webhooks.reset();
    build();
  });
  const app = createEmulatorApp(ctx, control, runtime.sleep ?? defaultSleep);

  return {
    control,
    options,
    get malls() {
      return [...ctx.malls.values()].map(describeMall);
    },
    handle: async (request, env) => app.fetch(request, env),
    async fetch(input, init) {
      const request = input instanceof Request && init === undefined ? input : new Request(input, init);
      request.signal.throwIfAborted();
      const response = await app.fetch(request);
      if (response.headers.has(RESET_MARKER)) throw connectionResetError();
      return response;
    },
  };
}

function describeMall(mall: MallState): EmulatorMall {
  return {
    mallId: mall.mallId,
    shopName: mall.shopName,
    clientId: mall.app.clientId,
    ...(mall.app.generated ? { clientSecret: mall.app.clientSecret } : {}),
    redirectUri: mall.app.redirectUri,
    scopes: [...mall.app.scopes],
    apiVersion: mall.app.version,
  };
}

function parseStart(start: number | string | undefined): number | undefined {
  if (start === undefined) return undefined;
  const ms = typeof start === "number" ? start : Date.parse(start);
  if (!Number.isFinite(ms)) throw new RangeError(`clock.start is not a valid instant: ${String(start)}`);
  return ms;
}
