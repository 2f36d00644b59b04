import { join } from "node:path";
import { toTokenSet } from "../../../src/cafe24/token-response.js";
import type { TokenSet } from "../../../src/cafe24/token-set.js";
import type { DoctorConfig } from "../../../src/config/doctor-config.js";
import type { DoctorContext } from "../../../src/doctor/context.js";
import { DoctorApi } from "../../../src/doctor/doctor-api.js";
import { type CheckFacts, facts } from "../../../src/doctor/facts.js";
import { HttpLog } from "../../../src/doctor/http-log.js";
import { StoredTokenProvider } from "../../../src/doctor/stored-token-provider.js";
import type { CheckId, CheckResult } from "../../../src/doctor/types.js";
import type { RunningEmulator, StartEmulatorOptions } from "../../../src/emulator/server.js";
import { Cafe24Client } from "../../../src/http/cafe24-client.js";
import type { PacingOptions } from "../../../src/http/client-options.js";
import { FileTokenStore } from "../../../src/store/file-token-store.js";
import { launch } from "../../helpers/emulator.js";
import { tempDir } from "../../helpers/token-files.js";

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

export interface EmulatorHarness {
  emu: RunningEmulator;
  mallId: string;
  token: TokenSet;
  ctx: DoctorContext;
  deps: Deps;
  /** GET requests the emulator received for the mall: what the checks spent. */
  gets(): number;
}

export interface HarnessOptions {
  emulator?: StartEmulatorOptions;
  /** Scopes of the issued token (default: all the app has). */
  scopes?: string[];
  config?: Partial<DoctorConfig>;
  /** Pacing of the client; the runner's longest wait is 5 s. */
  pacing?: PacingOptions;
  /** Alters each Admin API request URL before it is sent (to provoke answers the doctor never asks for). */
  rewrite?: (url: URL) => void;
}

/**
 * A real emulator on 127.0.0.1, a token issued by it and written to a token file, and the doctor's read-only
 * API over Cafe24Client exactly as the runner builds it: stored token, no refresh, no retries. The context's
 * clock is the emulator's, so "today in KST" and version expiry agree with it.
 */
export async function emulatorHarness(options: HarnessOptions = {}): Promise<EmulatorHarness> {
  const emu = await launch(options.emulator ?? {});
  const mallId = emu.malls[0]?.mallId ?? "demomall";
  const dir = await tempDir();
  const token = toTokenSet(
    emu.control.issueTokens(mallId, options.scopes ? { scopes: options.scopes } : {}),
    mallId,
  );
  const store = new FileTokenStore({ path: join(dir, "oauth_token.json") });
  await store.compareAndSet(mallId, undefined, token);
  const config = testConfig({
    cwd: dir,
    mallId,
    baseUrl: emu.baseUrlTemplate,
    allowInsecureLoopback: true,
    tokenFile: store.location,
    ...options.config,
  });
  const now = () => emu.control.now();
  const httpLog = new HttpLog();
  const logged = httpLog.wrap((input, init) => fetch(input, init), now);
  const rewrite = options.rewrite;
  const apiFetch: typeof logged = rewrite
    ? (input, init) => {
        const url = new URL(input instanceof Request ? input.url : input);
        rewrite(url);
        return logged(url, init);
      }
    : logged;
  const client = new Cafe24Client({
    mallId,
    tokens: new StoredTokenProvider(store, mallId),
    baseUrl: emu.baseUrlTemplate,
    allowInsecureLoopback: true,
    ...(config.apiVersion ? { apiVersion: config.apiVersion } : {}),
    fetch: apiFetch,
    timeoutMs: 5_000,
    retry: { maxRetries: 0, maxRateLimitWaits: 0, refreshOn401: false },
    pacing: { maxWaitMs: 5_000, ...options.pacing },
  });
  const ctx: DoctorContext = {
    config,
    mode: "full",
    now,
    signal: AbortSignal.timeout(15_000),
    api: new DoctorApi(client),
    fetch: logged,
    httpLog,
    store,
    lookup: async () => ({ address: "127.0.0.1", family: 4 }),
    isTrackedByGit: async () => false,
  };
  return {
    emu,
    mallId,
    token,
    ctx,
    deps: healthyDeps(token),
    gets: () => emu.control.stats(mallId).requests.GET ?? 0,
  };
}
