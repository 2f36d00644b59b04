import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect } from "vitest";
import { toTokenSet } from "../../../src/cafe24/token-response.js";
import type { TokenSet } from "../../../src/cafe24/token-set.js";
import type { DoctorConfig } from "../../../src/config/doctor-config.js";
import { ALL_CHECKS } from "../../../src/doctor/checks/all-checks.js";
import type { DoctorContext, LookupHost } from "../../../src/doctor/context.js";
import { DEFAULT_API_BUDGET } from "../../../src/doctor/doctor-api.js";
import { type CheckFacts, facts } from "../../../src/doctor/facts.js";
import { HttpLog } from "../../../src/doctor/http-log.js";
import { createDoctorApi } from "../../../src/doctor/run-doctor.js";
import type { CheckId, CheckOutcome, CheckResult, FindingCode } from "../../../src/doctor/types.js";
import type { RunningEmulator, StartEmulatorOptions } from "../../../src/emulator/server.js";
import type { PacingOptions } from "../../../src/http/client-options.js";
import { FileTokenStore } from "../../../src/store/file-token-store.js";
import type { FetchLike } from "../../../src/util/runtime.js";
import { launch, secretOf } from "../../helpers/emulator.js";
import { tempDir } from "../../helpers/token-files.js";

/** The one harness of the check tests: a check runs against a real emulator, or offline, as the runner runs it. */

export type Deps = Partial<Record<CheckId, CheckResult>>;

/** A configuration with nothing configured but what the test says. */
export function testConfig(overrides: Partial<DoctorConfig> = {}): DoctorConfig {
  return {
    cwd: process.cwd(),
    mallId: undefined,
    clientId: undefined,
    clientSecret: undefined,
    secretHadWhitespace: false,
    redirectUri: undefined,
    scopes: [],
    requiredScopes: [],
    apiVersion: undefined,
    baseUrl: undefined,
    allowInsecureLoopback: false,
    tokenFile: "oauth_token.json",
    tokenFollowSymlinks: false,
    legacyAccessToken: undefined,
    services: [],
    localServers: [],
    modules: [],
    reportDir: ".",
    lang: undefined,
    sources: {},
    configFile: undefined,
    dotenvFile: undefined,
    ...overrides,
  };
}

export interface Scenario {
  emu: RunningEmulator;
  mallId: string;
  dir: string;
  store: FileTokenStore;
  /** The token written to the file (undefined with `token: "none"`). */
  token: TokenSet | undefined;
  ctx: DoctorContext;
  /** The results of checks 2, 5 and 6 for a healthy token that authenticated, for checks 7 to 10. */
  deps: Deps;
  /** Every token and secret of the scenario: none may appear in a reported outcome. */
  secrets: string[];
  /** GET requests the emulator received for the mall: what the checks spent. */
  gets(): number;
}

export interface ScenarioOptions {
  emulator?: StartEmulatorOptions;
  /** Scopes of the issued token (default: all the app has); "none" writes no token file. */
  token?: { scopes?: string[] } | "none";
  /**
   * What the configuration says beyond the mall, the app's credentials, the emulator's base URL and the token
   * file. Scopes are not configured unless given: the doctor then requires its own.
   */
  config?: Partial<DoctorConfig>;
  /** The doctor's clock from the emulator's (e.g. nine hours ahead). @default the emulator's clock */
  now?: (emulatorNow: number) => number;
  lookup?: LookupHost;
  isTrackedByGit?: (path: string) => Promise<boolean>;
  /** The Admin API client's pacing (the runner's longest wait is 5 s). */
  pacing?: PacingOptions;
  /** Alters each Admin API request URL before it is sent (to provoke answers the doctor never asks for). */
  rewrite?: (url: URL) => void;
}

/**
 * A real emulator on 127.0.0.1, its app's credentials in the config, a token it issued written to a temp
 * token file, and the doctor's context built the way the runner builds it (createDoctorApi): stored token, no
 * refresh, no retries, every fetch logged.
 */
export async function scenario(options: ScenarioOptions = {}): Promise<Scenario> {
  const emu = await launch(options.emulator ?? {});
  const mall = emu.malls[0];
  if (!mall) throw new Error("the emulator has no mall");
  const dir = await tempDir();
  const store = new FileTokenStore({ path: join(dir, "oauth_token.json") });
  let token: TokenSet | undefined;
  if (options.token !== "none") {
    token = toTokenSet(emu.control.issueTokens(mall.mallId, options.token ?? {}), mall.mallId);
    await store.compareAndSet(mall.mallId, undefined, token);
  }
  const config = testConfig({
    cwd: dir,
    mallId: mall.mallId,
    clientId: mall.clientId,
    clientSecret: secretOf(mall),
    redirectUri: mall.redirectUri,
    baseUrl: emu.baseUrlTemplate,
    allowInsecureLoopback: true,
    tokenFile: store.location,
    sources: { mallId: "env", clientId: "env", clientSecret: "dotenv", redirectUri: "file" },
    ...options.config,
  });
  const shift = options.now ?? ((t: number) => t);
  const now = () => shift(emu.control.now());
  const httpLog = new HttpLog();
  const logged = httpLog.wrap((input, init) => fetch(input, init), now);
  const ctx: DoctorContext = {
    config,
    mode: "full",
    now,
    signal: AbortSignal.timeout(15_000),
    api: config.mallId
      ? createDoctorApi({
          config,
          mallId: config.mallId,
          store,
          fetch: options.rewrite ? rewriting(logged, options.rewrite) : logged,
          budget: DEFAULT_API_BUDGET,
          ...(options.pacing ? { pacing: options.pacing } : {}),
        })
      : undefined,
    fetch: logged,
    httpLog,
    store,
    lookup: options.lookup ?? (async () => ({ address: "127.0.0.1", family: 4 })),
    isTrackedByGit: options.isTrackedByGit ?? (async () => false),
  };
  const secrets = [secretOf(mall), ...(token ? [token.accessToken, token.refreshToken] : [])];
  if (config.legacyAccessToken) secrets.push(config.legacyAccessToken);
  return {
    emu,
    mallId: mall.mallId,
    dir,
    store,
    token,
    ctx,
    deps: healthyDeps(token),
    secrets,
    gets: () => emu.control.stats(mall.mallId).requests.GET ?? 0,
  };
}

function rewriting(fetchFn: FetchLike, rewrite: (url: URL) => void): FetchLike {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input);
    rewrite(url);
    return fetchFn(url, init);
  };
}

/** A context without any Admin API (for checks that never call Cafe24). */
export function offlineContext(
  config: DoctorConfig,
  signal: AbortSignal = AbortSignal.timeout(15_000),
): DoctorContext {
  const httpLog = new HttpLog();
  return {
    config,
    mode: "full",
    now: Date.now,
    signal,
    api: undefined,
    fetch: httpLog.wrap((input, init) => fetch(input, init), Date.now),
    httpLog,
    store: new FileTokenStore({ path: join(config.cwd, "oauth_token.json") }),
    lookup: async () => ({ address: "127.0.0.1", family: 4 }),
    isTrackedByGit: async () => false,
  };
}

/** A finished dependency carrying facts, the way checks 1–6 hand them over (its summary is never read). */
export function depResult<K extends keyof CheckFacts>(
  id: K,
  value: CheckFacts[K],
  status: CheckResult["status"] = "ok",
): CheckResult {
  return {
    id,
    status,
    summary: { key: "check.rate-limit.skipped.noAnswers" },
    evidence: {},
    findings: [],
    facts: facts(id, value),
    startedAt: 0,
    durationMs: 0,
  };
}

/** Checks 1–6 as they report a healthy token that authenticated. */
export function healthyDeps(token: TokenSet | undefined): Deps {
  return {
    "token-store": depResult("token-store", { token, source: token ? "file" : "none" }),
    network: depResult("network", { reachable: true }),
    authentication: depResult("authentication", { authenticated: true, failure: undefined }),
  };
}

/**
 * Runs `id` after the checks it depends on (recursively, one after another), handing each its dependencies'
 * results as the runner does. Returns every result by id.
 */
export async function runUpTo(ctx: DoctorContext, id: CheckId): Promise<Map<CheckId, CheckResult>> {
  const results = new Map<CheckId, CheckResult>();
  const run = async (checkId: CheckId): Promise<CheckResult> => {
    const done = results.get(checkId);
    if (done) return done;
    const check = ALL_CHECKS.find((c) => c.id === checkId);
    if (!check) throw new Error(`no such check: ${checkId}`);
    const deps: Deps = {};
    for (const dep of check.dependsOn) deps[dep] = await run(dep);
    const outcome = await check.run(ctx, deps);
    const result = { ...outcome, id: checkId, startedAt: ctx.now(), durationMs: 0 };
    results.set(checkId, result);
    return result;
  };
  await run(id);
  return results;
}

/** The result of `id` after its dependencies ran. */
export async function runCheck(ctx: DoctorContext, id: CheckId): Promise<CheckResult> {
  const result = (await runUpTo(ctx, id)).get(id);
  if (!result) throw new Error(`${id} did not run`);
  return result;
}

/** What a report shows of an outcome (facts are never reported, and may hold the token). */
export function reported(outcome: CheckOutcome): string {
  return JSON.stringify({
    status: outcome.status,
    summary: outcome.summary,
    evidence: outcome.evidence,
    findings: outcome.findings,
  });
}

/** No token or secret, nor a long piece of one, in anything a report would show. */
export function expectNoSecrets(outcomes: Iterable<CheckOutcome>, secrets: readonly string[]): void {
  for (const outcome of outcomes) {
    const text = reported(outcome);
    for (const secret of secrets) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(secret.slice(0, 12));
    }
  }
}

/** The single finding with `code`. */
export function findingOf(outcome: CheckOutcome, code: FindingCode) {
  const matches = outcome.findings.filter((f) => f.code === code);
  expect(
    matches.map((f) => f.code),
    `findings: ${outcome.findings.map((f) => f.code).join(", ")}`,
  ).toEqual([code]);
  return matches[0] as NonNullable<(typeof matches)[0]>;
}

/** Replaces the token file's bytes. */
export async function writeTokenFile(s: Scenario, content: string | Uint8Array): Promise<string> {
  const path = s.store.pathFor(s.mallId);
  await writeFile(path, content, { mode: 0o600 });
  return path;
}
