import { ADMIN_ROUTES } from "../../../src/emulator/admin/routes.js";
import { EmulatorClock } from "../../../src/emulator/clock.js";
import type { EmulatorContext } from "../../../src/emulator/context.js";
import { generateMallData, type MallDataSizes } from "../../../src/emulator/data/generate-mall-data.js";
import type { MallData } from "../../../src/emulator/data/types.js";
import { FaultInjector } from "../../../src/emulator/faults.js";
import { Cafe24ApiError } from "../../../src/emulator/http/cafe24-error.js";
import { emulatorOptionsSchema } from "../../../src/emulator/options.js";
import { seededRandom } from "../../../src/emulator/prng.js";
import { createMall, type MallState } from "../../../src/emulator/state/mall.js";
import { DEFAULT_API_VERSIONS, VersionTable } from "../../../src/emulator/versions.js";
import { WebhookSender } from "../../../src/emulator/webhooks/webhook-sender.js";

/** 2026-11-27 20:41:00 in Seoul. */
export const NOW = Date.parse("2026-11-27T11:41:00.000Z");
export const SIZES: MallDataSizes = {
  products: 300,
  orders: 900,
  orderDays: 180,
  customers: 40,
  categories: 30,
  boards: 8,
};

export interface TestMall {
  ctx: EmulatorContext;
  mall: MallState;
  data: MallData;
}

/** A mall with generated data and a frozen clock, wired like the emulator does, without HTTP. */
export function makeMall(sizes: MallDataSizes = SIZES): TestMall {
  const options = emulatorOptionsSchema.parse({ data: sizes });
  const versions = new VersionTable(DEFAULT_API_VERSIONS);
  const mall = createMall({ mallId: "demomall" }, options, versions.latest, NOW);
  const data = generateMallData({
    seed: options.seed,
    sizes: options.data,
    anchorMs: NOW,
    mallId: mall.mallId,
    shopName: mall.shopName,
  });
  const ctx: EmulatorContext = {
    options,
    clock: new EmulatorClock(() => NOW, { frozen: true }),
    versions,
    faults: new FaultInjector([], seededRandom(1)),
    malls: new Map([[mall.mallId, mall]]),
    defaultMallId: mall.mallId,
    dataOf: () => data,
    // No URL configured: these tests never send webhooks.
    webhooks: new WebhookSender({}, { fetch, sleep: async () => {}, now: () => NOW }),
  };
  return { ctx, mall, data };
}

/** Response bodies are inspected field by field; typing each shape would only restate the assertions. */
// biome-ignore lint/suspicious/noExplicitAny: see above
export type Json = any;

export interface Answer {
  status: number;
  body: Json;
  /** The serialised body exactly as the handler produced it. */
  text: string;
}

/** Routes a call like Hono would (first matching route in registration order) and renders errors. */
export function call(m: TestMall, method: string, url: string, body?: unknown): Answer {
  const [path = "", search = ""] = url.split("?");
  for (const route of ADMIN_ROUTES) {
    if (route.method !== method) continue;
    const params = matchPath(route.path, path);
    if (!params) continue;
    try {
      const result = route.handle({
        ctx: m.ctx,
        mall: m.mall,
        data: m.data,
        params,
        query: new URLSearchParams(search),
        body,
        now: NOW,
        version: m.mall.app.version,
      });
      const text = "json" in result ? result.json : JSON.stringify(result.body);
      return { status: result.status ?? 200, body: JSON.parse(text), text };
    } catch (error) {
      if (!(error instanceof Cafe24ApiError)) throw error;
      const text = JSON.stringify(error.toBody());
      return { status: error.status, body: JSON.parse(text), text };
    }
  }
  throw new Error(`no route for ${method} ${path}`);
}

function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const g = got[i] as string;
    if (w.startsWith(":")) params[w.slice(1)] = decodeURIComponent(g);
    else if (w !== g) return undefined;
  }
  return params;
}

/** Asserts a 422 whose message names the parameter. */
export function expect422(answer: Answer, parameter: string): void {
  if (answer.status !== 422)
    throw new Error(`expected 422, got ${answer.status}: ${answer.text.slice(0, 300)}`);
  if (!String(answer.body.error.message).includes(parameter)) {
    throw new Error(`422 message does not name ${parameter}: ${answer.body.error.message}`);
  }
}

/** Every key at any depth, to prove internal `_` fields never leak. */
export function allKeys(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const v of value) allKeys(v, into);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      allKeys(v, into);
    }
  }
  return into;
}
