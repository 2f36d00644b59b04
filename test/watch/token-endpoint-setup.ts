import { onTestFinished } from "vitest";
import type { RunningEmulator } from "../../src/emulator/server.js";
import type { TokenStore } from "../../src/store/token-store.js";
import type { Logger } from "../../src/util/runtime.js";
import type { CallerRateLimitOptions } from "../../src/watch/status-server/caller-rate-limit.js";
import {
  type RunningStatusServer,
  startStatusServer,
} from "../../src/watch/status-server/start-status-server.js";
import type { TokenIssueRecord } from "../../src/watch/status-server/token-endpoint-audit.js";
import type { WatchManager } from "../../src/watch/watch-manager.js";
import { launch } from "../helpers/emulator.js";
import { authorize, type ManualTicks, manualWatch, oauthOf } from "./watch-setup.js";

/** The endpoint's secret in these tests: 64 hex characters, as `openssl rand -hex 32` makes. */
export const SECRET = "9d4c2b7a1e0f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c";
export const STATUS_TOKEN = "status-page-token-0123456789abcdef";

/** Access tokens live 10 minutes on the emulator's clock; the endpoint hands out ones with 2 minutes left at least. */
export const ACCESS_SEC = 600;
export const MIN_LIFE_MS = 120_000;

export interface EndpointRig {
  running: RunningEmulator;
  mallId: string;
  store: TokenStore;
  manager: WatchManager;
  ticks: ManualTicks;
  server: RunningStatusServer;
  records: TokenIssueRecord[];
  logLines: { fields: Record<string, unknown>; message: string }[];
  /** GET the token with the endpoint's secret (or the given headers). */
  get(headers?: Record<string, string>, mallId?: string): Promise<Response>;
  /** POST …/rejected with `accessToken` in the body. */
  rejected(accessToken: string, mallId?: string): Promise<Response>;
  /** Refresh grants the emulator has answered for the mall. */
  refreshGrants(): number;
  /** Token requests (any outcome) the emulator received for the mall. */
  tokenRequests(): number;
}

export interface RigOptions {
  store: TokenStore;
  rateLimit?: CallerRateLimitOptions;
  statusToken?: string;
  endpoint?: boolean;
  /** Keep every mall the store lists (as `watch` over a {mall_id} template does) instead of the first one only. */
  listStore?: boolean;
}

/**
 * One emulator mall watched by a manager that ticks only when the test says so, on the emulator's frozen clock,
 * with its status server (and the token endpoint unless told otherwise) on 127.0.0.1. The rate limit is out of
 * the way unless a test sets one.
 */
export async function endpointRig(options: RigOptions): Promise<EndpointRig> {
  const running = await launch({
    ttl: { accessSec: ACCESS_SEC, refreshSec: 14 * 86_400 },
    ...(options.listStore ? { malls: [{ mallId: "firstmall" }, { mallId: "latermall" }] } : {}),
  });
  const { control } = running;
  const mallId = running.malls[0]?.mallId ?? "";
  const { store } = options;
  await authorize(running, store, mallId);
  const now = () => control.now();
  const { manager, ticks } = manualWatch({
    store,
    oauth: oauthOf(running),
    ...(options.listStore ? {} : { malls: [mallId] }),
    now,
    jitterMs: 0,
    verifyEveryMs: 0,
  });
  await manager.start();
  onTestFinished(() => manager.stop());
  const records: TokenIssueRecord[] = [];
  const logLines: EndpointRig["logLines"] = [];
  const logger: Logger = {
    debug() {},
    info: (fields, message) => logLines.push({ fields, message }),
    warn: (fields, message) => logLines.push({ fields, message }),
    error: (fields, message) => logLines.push({ fields, message }),
  };
  const server = await startStatusServer({
    source: manager,
    lang: "en",
    now,
    ...(options.statusToken ? { bearerToken: options.statusToken } : {}),
    ...(options.endpoint === false
      ? {}
      : {
          tokenEndpoint: {
            bearerToken: SECRET,
            minLifeMs: MIN_LIFE_MS,
            rateLimit: options.rateLimit ?? { perSecond: 1_000_000, burst: 1_000_000 },
            onIssue: (record) => records.push(record),
            logger,
          },
        }),
  });
  onTestFinished(() => server.close());
  const url = (mall: string) => `${server.url}/v1/malls/${mall}/access-token`;
  return {
    running,
    mallId,
    store,
    manager,
    ticks,
    server,
    records,
    logLines,
    get: (headers = { authorization: `Bearer ${SECRET}` }, mall = mallId) => fetch(url(mall), { headers }),
    rejected: (accessToken, mall = mallId) =>
      fetch(`${url(mall)}/rejected`, {
        method: "POST",
        headers: { authorization: `Bearer ${SECRET}`, "content-type": "application/json" },
        body: JSON.stringify({ access_token: accessToken }),
      }),
    refreshGrants: () => control.stats(mallId).grants.refresh_token,
    tokenRequests: () => control.stats(mallId).routes["POST /api/v2/oauth/token"] ?? 0,
  };
}

export interface TokenAnswer {
  access_token: string;
  expires_at: string;
  scopes: string[];
  mall_id: string;
}

/** The stored token of the mall, which the test may look at (the app never sees this). */
export async function storedToken(rig: EndpointRig) {
  const stored = await rig.store.get(rig.mallId);
  if (!stored) throw new Error("no stored token");
  return stored.token;
}

/** KST wall-clock of an instant with its offset, computed here independently of the code under test. */
export function kstIso(epochMs: number): string {
  return `${new Date(epochMs + 9 * 3_600_000).toISOString().slice(0, 19)}+09:00`;
}
