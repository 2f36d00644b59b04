import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { onTestFinished } from "vitest";
import {
  type ReaderCall,
  type ReaderSummary,
  type SteppedReader,
  startSteppedReader,
} from "../../src/demo/stepped-reader.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import type { TokenStore } from "../../src/store/token-store.js";
import type { FetchLike } from "../../src/util/runtime.js";
import { startStatusServer } from "../../src/watch/status-server/start-status-server.js";
import { authorize, type ManualTicks, manualWatch, oauthOf } from "./watch-setup.js";

export { NODE_READER, PYTHON_READER } from "../../src/demo/stepped-reader.js";

export const PHP_CLIENT = fileURLToPath(
  new URL("../../examples/token-clients/php/Cafe24TokenClient.php", import.meta.url),
);

/** The endpoint's bearer secret in these tests, made as `openssl rand -hex 32` would. */
export const ENDPOINT_SECRET = randomBytes(32).toString("hex");

/** Whether a program runs on this machine, and why not when it does not (for the printed reason). */
export interface Probe {
  ok: boolean;
  reason: string;
}

export function probe(command: string, args: string[], what: string): Probe {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 15_000 });
  if (result.error) return { ok: false, reason: `${what}: ${result.error.message}` };
  if (result.status !== 0)
    return { ok: false, reason: `${what}: ${result.stderr.trim().split("\n").pop()?.slice(0, 200)}` };
  return { ok: true, reason: "" };
}

/** A stepped reader (src/demo/stepped-reader.ts), killed when the test ends if still running. */
export async function startReader(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<SteppedReader> {
  const reader = await startSteppedReader(command, args, env);
  onTestFinished(() => reader.kill());
  return reader;
}

/** Token lifetimes of the scenario, in seconds of the emulator's clock (Cafe24's are 2 h and 14 days). */
export const ACCESS_SEC = 300;
/**
 * The endpoint hands out tokens with at least this long left, refreshing first when needed; the clients ask it
 * again once their cached token has less than 60 s left (their default margin).
 */
export const MIN_LIFE_MS = 120_000;

/**
 * What each step does before the reader's call, with the clock and the lifetimes above (a round starts right
 * after a refresh, with the reader holding that token):
 * - "later": 60 s on: the reader's cached token has 240 s left — it calls with its cache;
 * - "near-expiry": 220 s more: 20 s left, under the client's margin — it asks the endpoint, which refreshes
 *   first (less than the minimum life left);
 * - "revoked-early": Cafe24 expires the token ahead of time — the call gets 401, the reader reports the token
 *   as rejected, and the endpoint refreshes (it is the current one);
 * - "watch-refreshed": 200 s on (100 s left, inside watch's refresh window: half the lifetime) and watch's own
 *   loop refreshes — the reader's cached token is dead, the call gets 401, and `rejected` hands over watch's
 *   new token without another refresh.
 */
export type StepKind = "first" | "later" | "near-expiry" | "revoked-early" | "watch-refreshed";
const ROUND: readonly StepKind[] = ["later", "near-expiry", "revoked-early", "watch-refreshed"];

export interface StepRecord {
  kind: StepKind;
  result: ReaderCall;
  /** Refresh grants the emulator saw while the reader's call was in flight. */
  refreshesDuringCall: number;
}

export interface ScenarioOutcome {
  /** What the reader made its HTTP calls with (requests, urllib, fetch). */
  transport: string;
  steps: StepRecord[];
  summary: ReaderSummary;
  /** Refresh grants the emulator answered, all callers together. */
  refreshGrants: number;
  /** Token requests watch made (through its own OAuth fetch). */
  watchTokenRequests: number;
  invalidGrant: number;
  unauthorized: number;
  tokenRoute: number;
}

const refreshGrants = (running: RunningEmulator, mallId: string) =>
  running.control.stats(mallId).grants.refresh_token;

/**
 * watch (a manager ticking only when told, and its status server with the token endpoint, both on the
 * emulator's frozen clock) serving one mall, and a reader process stepped through `rounds` rounds of ROUND.
 */
export async function runReaderScenario(
  running: RunningEmulator,
  store: TokenStore,
  start: (env: Record<string, string>) => Promise<SteppedReader>,
  rounds: number,
): Promise<ScenarioOutcome> {
  const { control } = running;
  const mallId = running.malls[0]?.mallId ?? "";
  const now = () => control.now();
  await authorize(running, store, mallId);
  let watchTokenRequests = 0;
  const countTokenRequests: FetchLike = (input, init) => {
    if (String(input).endsWith("/oauth/token")) watchTokenRequests++;
    return fetch(input, init);
  };
  const { manager, ticks } = manualWatch({
    store,
    oauth: (id) => ({ ...oauthOf(running)(id), fetch: countTokenRequests }),
    malls: [mallId],
    now,
    jitterMs: 0,
    verifyEveryMs: 0,
  });
  await manager.start();
  const server = await startStatusServer({
    source: manager,
    lang: "en",
    now,
    tokenEndpoint: { bearerToken: ENDPOINT_SECRET, minLifeMs: MIN_LIFE_MS },
  });
  try {
    const reader = await start({
      CAFE24_DOCTOR_TOKEN_ENDPOINT: server.url,
      CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET: ENDPOINT_SECRET,
      CAFE24_MALL_ID: mallId,
      CAFE24_BASE_URL: running.baseUrlTemplate,
    });
    const plan: StepKind[] = ["first", ...Array.from({ length: rounds }, () => ROUND).flat()];
    const steps: StepRecord[] = [];
    for (const kind of plan) {
      await prepare(kind, running, mallId, ticks);
      const before = refreshGrants(running, mallId);
      const result = await reader.call(now());
      steps.push({ kind, result, refreshesDuringCall: refreshGrants(running, mallId) - before });
    }
    const summary = await reader.finish();
    const stats = control.stats(mallId);
    return {
      transport: reader.transport,
      steps,
      summary,
      refreshGrants: stats.grants.refresh_token,
      watchTokenRequests,
      invalidGrant: stats.invalidGrant,
      unauthorized: stats.responses["401"] ?? 0,
      tokenRoute: stats.routes["POST /api/v2/oauth/token"] ?? 0,
    };
  } finally {
    await server.close();
    await manager.stop();
  }
}

async function prepare(
  kind: StepKind,
  running: RunningEmulator,
  mallId: string,
  ticks: ManualTicks,
): Promise<void> {
  const { control } = running;
  if (kind === "later") control.advanceClock(60_000);
  else if (kind === "near-expiry") control.advanceClock(220_000);
  else if (kind === "revoked-early") control.expireTokens(mallId, "access");
  else if (kind === "watch-refreshed") {
    control.advanceClock(200_000);
    const grants = refreshGrants(running, mallId);
    await ticks.until(() => refreshGrants(running, mallId) > grants, "watch's own refresh", 5);
  }
}

/** The table every reader must produce over `rounds` rounds: [step, where its token came from, refreshes]. */
export function expectedTable(rounds: number): [StepKind, ReaderCall["source"], number][] {
  const round: [StepKind, ReaderCall["source"], number][] = [
    ["later", "cache", 0],
    ["near-expiry", "endpoint", 1],
    ["revoked-early", "rejected", 1],
    ["watch-refreshed", "rejected", 0],
  ];
  return [["first", "endpoint", 0], ...Array.from({ length: rounds }, () => round).flat()];
}

/** The fields the endpoint's answers may carry (the contract): never a refresh token or a secret. */
export const ENDPOINT_FIELDS = ["access_token", "expires_at", "mall_id", "scopes"];
