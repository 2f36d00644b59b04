import { execFile } from "node:child_process";
import { lookup as dnsLookup } from "node:dns/promises";
import { dirname, relative } from "node:path";
import type { DoctorConfig } from "../config/doctor-config.js";
import { tokenStoreFromConfig } from "../config/token-store-from-config.js";
import { Cafe24Client } from "../http/cafe24-client.js";
import type { PacingOptions } from "../http/client-options.js";
import type { TokenStore } from "../store/token-store.js";
import type { FetchLike, Now } from "../util/runtime.js";
import { ALL_CHECKS, QUICK_CHECKS } from "./checks/all-checks.js";
import { isRedisStore } from "./checks/redis.js";
import type { DoctorContext, LookupHost } from "./context.js";
import { DEFAULT_API_BUDGET, DoctorApi } from "./doctor-api.js";
import { HttpLog } from "./http-log.js";
import { rankProblems } from "./rank-problems.js";
import type { RankedProblem, RootCause } from "./report/report-input.js";
import { findRootCause } from "./root-cause.js";
import { type RunChecksHooks, runChecks } from "./run-checks.js";
import { StoredTokenProvider } from "./stored-token-provider.js";
import type { CheckResult } from "./types.js";

/** The global deadline: a black-holed service must not hang a diagnosis (issue 4). */
export const DEFAULT_DEADLINE_MS = 15_000;

export interface DoctorRunOptions extends RunChecksHooks {
  config: DoctorConfig;
  kind: "check" | "diagnose";
  /**
   * Where the token is read from; only a FileTokenStore gets the file checks (mode, git, legacy shape).
   * @default the store the configuration names (tokenStoreFromConfig)
   */
  store?: TokenStore;
  deadlineMs?: number;
  budget?: number;
  now?: Now;
  fetch?: FetchLike;
  lookup?: LookupHost;
  isTrackedByGit?: (path: string) => Promise<boolean>;
}

export interface DoctorRun {
  kind: "check" | "diagnose";
  startedAt: number;
  finishedAt: number;
  results: CheckResult[];
  problems: RankedProblem[];
  rootCause: RootCause | undefined;
  http: HttpLog;
  apiCalls: { spent: number; budget: number };
  deadline: { ms: number; hit: boolean };
}

/**
 * One diagnosis: builds the read-only context (no refresh ever, a budget of API calls, a global deadline),
 * runs the checks concurrently and correlates what they found.
 */
export async function runDoctor(options: DoctorRunOptions): Promise<DoctorRun> {
  const { config } = options;
  const now = options.now ?? Date.now;
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const signal = AbortSignal.timeout(deadlineMs);
  const http = new HttpLog();
  const fetchFn = http.wrap(options.fetch ?? ((input, init) => fetch(input, init)), now);
  // A store built here is closed here (a Redis store holds sockets); a store passed in stays the caller's.
  const store = options.store ?? tokenStoreFromConfig(config);
  const ownsStore = options.store === undefined;
  const budget = options.budget ?? DEFAULT_API_BUDGET;
  const api = config.mallId
    ? createDoctorApi({ config, mallId: config.mallId, store, fetch: fetchFn, budget })
    : undefined;
  const ctx: DoctorContext = {
    config,
    mode: options.kind === "check" ? "full" : "quick",
    now,
    signal,
    api,
    fetch: fetchFn,
    httpLog: http,
    store,
    lookup: options.lookup ?? ((host) => dnsLookup(host)),
    isTrackedByGit: options.isTrackedByGit ?? ((path) => isTrackedByGit(path)),
  };
  const startedAt = now();
  const checks = (options.kind === "check" ? ALL_CHECKS : QUICK_CHECKS).filter(
    // The Redis checks exist only for a Redis store: a token file's report does not list them.
    (check) => check.id !== "redis" || isRedisStore(store),
  );
  let results: CheckResult[];
  try {
    results = await runChecks(checks, ctx, options);
  } finally {
    if (ownsStore) await store.close?.().catch(() => {});
  }
  const problems = rankProblems(results);
  return {
    kind: options.kind,
    startedAt,
    finishedAt: now(),
    results,
    problems,
    rootCause: findRootCause(results, problems),
    http,
    apiCalls: { spent: api?.callsSpent ?? 0, budget },
    deadline: { ms: deadlineMs, hit: signal.aborted },
  };
}

export interface DoctorApiOptions {
  config: DoctorConfig;
  mallId: string;
  store: TokenStore;
  fetch: FetchLike;
  budget: number;
  /** Pacing on top of the doctor's (a shared `state`, a shorter longest wait). @default { maxWaitMs: 5000 } */
  pacing?: PacingOptions;
}

/** The doctor's read-only, budgeted window on the Admin API; undefined when the mall id or base URL is unusable. */
export function createDoctorApi(options: DoctorApiOptions): DoctorApi | undefined {
  const { config, mallId } = options;
  try {
    const client = new Cafe24Client({
      mallId,
      tokens: new StoredTokenProvider(options.store, mallId, config.legacyAccessToken),
      ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
      allowInsecureLoopback: config.allowInsecureLoopback,
      ...(config.apiVersion ? { apiVersion: config.apiVersion } : {}),
      fetch: options.fetch,
      // Pacing measures real elapsed time; the injected `now` is the wall clock expiries are judged by.
      timeoutMs: 5_000,
      // Evidence, not resilience: a 5xx or 429 is reported as seen, and a 401 is never "fixed" by refreshing.
      retry: { maxRetries: 0, maxRateLimitWaits: 0, refreshOn401: false },
      pacing: { maxWaitMs: 5_000, ...options.pacing },
    });
    return new DoctorApi(client, options.budget);
  } catch {
    // An invalid mall id or base URL: the configuration check reports it.
    return undefined;
  }
}

/** `git ls-files --error-unmatch` answers 0 for tracked files; anything else (no git, no repo) means no. */
function isTrackedByGit(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(
      "git",
      ["ls-files", "--error-unmatch", relative(dirname(path), path)],
      { cwd: dirname(path), timeout: 3_000 },
      (error) => resolve(!error),
    );
  });
}
