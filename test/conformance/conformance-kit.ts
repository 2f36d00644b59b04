import { toTokenSet } from "../../src/cafe24/token-response.js";
import type { Recording } from "../../src/conformance/recording.js";
import { runConformance } from "../../src/conformance/run-conformance.js";
import { generateMallData } from "../../src/emulator/data/generate-mall-data.js";
import type { EmulatorOptionsInput } from "../../src/emulator/options.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { MemoryTokenStore } from "../../src/store/memory-token-store.js";
import {
  httpTarget,
  launch,
  obtainTokens,
  SMALL_DATA,
  secretOf,
  type TokenJson,
} from "../helpers/emulator.js";

/** A mall whose every identifying value is a sentinel: any of them in a recording is a leak. */
export const SENTINEL_MALL = {
  mallId: "sentinelmall7q",
  shopName: "SentinelShopName7Q",
  userId: "sentinel-operator-7q",
  app: { redirectUri: "https://sentinel-app-7q.example/callback" },
};

/**
 * The behaviours `fidelity` may change by default: named explicitly, so a recording of "the emulator as it is
 * today" does not move with the defaults and every divergence below is one this test chose.
 */
export const OBSERVED: EmulatorOptionsInput = {
  versions: { expired: "fallback" },
  oauth: {
    wrongSecretError: "invalid_grant",
    expiredRefreshError: "invalid_grant",
    refreshErrorShape: "observed",
    legacyTokenShape: false,
  },
  usage: { enabled: true },
  rateLimit: { enabled: true },
};

export interface EmulatorRecording {
  recording: Recording;
  running: RunningEmulator;
  token: TokenJson;
  secret: string;
  /** Pauses the kit asked for, in order. */
  pauses: number[];
}

/**
 * Launches an emulator on 127.0.0.1 with the sentinel mall, authorizes the usual way (authorize → code →
 * token), stores the token and runs the kit against it, on the emulator's frozen clock.
 */
export async function recordEmulator(options: EmulatorOptionsInput = OBSERVED): Promise<EmulatorRecording> {
  const running = await launch({ autoApprove: true, seed: 24, malls: [SENTINEL_MALL], ...options });
  const target = httpTarget(running);
  const token = await obtainTokens(target);
  const store = new MemoryTokenStore({ now: () => running.control.now() });
  await store.compareAndSet(target.mall.mallId, undefined, toTokenSet(token, target.mall.mallId));
  const pauses: number[] = [];
  const outcome = await runConformance({
    target: {
      mallId: target.mall.mallId,
      clientId: target.mall.clientId,
      clientSecret: secretOf(target.mall),
      baseUrl: running.baseUrlTemplate,
      allowInsecureLoopback: true,
      redirectUri: target.mall.redirectUri,
    },
    store,
    now: () => running.control.now(),
    sleep: async (ms) => {
      pauses.push(ms);
    },
  });
  if (outcome.kind !== "recorded") throw new Error(`the kit did not record: ${outcome.kind}`);
  return { recording: outcome.recording, running, token, secret: secretOf(target.mall), pauses };
}

/** Every string in a JSON value (keys excluded). */
export function stringsIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === "string") into.add(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, into);
  else if (value !== null && typeof value === "object")
    for (const item of Object.values(value)) stringsIn(item, into);
  return into;
}

/** The sentinel mall's seed data as the emulator generated it (seed 24, the helpers' small sizes, its clock). */
export function seedDataOf(running: RunningEmulator): unknown {
  const mall = running.malls[0];
  if (!mall) throw new Error("no mall");
  const data = generateMallData({
    seed: 24,
    sizes: { ...SMALL_DATA },
    anchorMs: running.control.now(),
    mallId: mall.mallId,
    shopName: mall.shopName,
  });
  return { ...data, productsByNo: undefined, ordersById: undefined };
}
