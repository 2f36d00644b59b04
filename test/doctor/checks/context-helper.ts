import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect } from "vitest";
import { toTokenSet } from "../../../src/cafe24/token-response.js";
import type { TokenSet } from "../../../src/cafe24/token-set.js";
import type { DoctorConfig } from "../../../src/config/doctor-config.js";
import { authenticationCheck } from "../../../src/doctor/checks/authentication.js";
import { clockCheck } from "../../../src/doctor/checks/clock.js";
import { configurationCheck } from "../../../src/doctor/checks/configuration.js";
import { networkCheck } from "../../../src/doctor/checks/network.js";
import { tokenLifetimesCheck } from "../../../src/doctor/checks/token-lifetimes.js";
import { tokenStoreCheck } from "../../../src/doctor/checks/token-store.js";
import type { CheckDefinition, DoctorContext, LookupHost } from "../../../src/doctor/context.js";
import { DEFAULT_API_BUDGET } from "../../../src/doctor/doctor-api.js";
import { HttpLog } from "../../../src/doctor/http-log.js";
import { createDoctorApi } from "../../../src/doctor/run-doctor.js";
import type { CheckId, CheckOutcome, CheckResult } from "../../../src/doctor/types.js";
import type { RunningEmulator, StartEmulatorOptions } from "../../../src/emulator/server.js";
import { FileTokenStore } from "../../../src/store/file-token-store.js";
import { launch, secretOf } from "../../helpers/emulator.js";
import { tempDir } from "../../helpers/token-files.js";
import { testConfig } from "./context-b-helper.js";

/** Checks 1–6, so a test can run one with the results of those it depends on, as the runner would. */
export const CHECKS_A: readonly CheckDefinition[] = [
  configurationCheck,
  tokenStoreCheck,
  tokenLifetimesCheck,
  clockCheck,
  networkCheck,
  authenticationCheck,
];

export interface Scenario {
  emu: RunningEmulator;
  mallId: string;
  dir: string;
  store: FileTokenStore;
  /** The token written to the file (undefined with `token: "none"`). */
  token: TokenSet | undefined;
  ctx: DoctorContext;
  /** Every token and secret of the scenario: none may appear in a reported outcome. */
  secrets: string[];
}

export interface ScenarioOptions {
  emulator?: StartEmulatorOptions;
  /** Scopes of the issued token; "none" writes no token file. */
  token?: { scopes?: string[] } | "none";
  config?: Partial<DoctorConfig>;
  /** The doctor's clock from the emulator's (e.g. nine hours ahead). @default the emulator's clock */
  now?: (emulatorNow: number) => number;
  lookup?: LookupHost;
  isTrackedByGit?: (path: string) => Promise<boolean>;
}

/**
 * A real emulator on 127.0.0.1, its app's credentials in the config, a token it issued written to a temp
 * token file, and the doctor's context built the way the runner builds it: stored token, no refresh, no
 * retries, every fetch logged.
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
    scopes: mall.scopes,
    requiredScopes: mall.scopes,
    baseUrl: emu.baseUrlTemplate,
    allowInsecureLoopback: true,
    tokenFile: store.location,
    sources: { mallId: "env", clientId: "env", clientSecret: "dotenv", redirectUri: "file" },
    ...options.config,
  });
  const shift = options.now ?? ((t: number) => t);
  const ctx = doctorContext(config, store, () => shift(emu.control.now()), options);
  const secrets = [secretOf(mall), ...(token ? [token.accessToken, token.refreshToken] : [])];
  if (config.legacyAccessToken) secrets.push(config.legacyAccessToken);
  return { emu, mallId: mall.mallId, dir, store, token, ctx, secrets };
}

function doctorContext(
  config: DoctorConfig,
  store: FileTokenStore,
  now: () => number,
  options: ScenarioOptions,
): DoctorContext {
  const httpLog = new HttpLog();
  const fetchFn = httpLog.wrap((input, init) => fetch(input, init), now);
  return {
    config,
    mode: "full",
    now,
    signal: AbortSignal.timeout(15_000),
    api: config.mallId
      ? createDoctorApi(config, config.mallId, store, fetchFn, DEFAULT_API_BUDGET)
      : undefined,
    fetch: fetchFn,
    httpLog,
    store,
    lookup: options.lookup ?? (async () => ({ address: "127.0.0.1", family: 4 })),
    isTrackedByGit: options.isTrackedByGit ?? (async () => false),
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
    const check = CHECKS_A.find((c) => c.id === checkId);
    if (!check) throw new Error(`not one of checks 1–6: ${checkId}`);
    const deps: Partial<Record<CheckId, CheckResult>> = {};
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
export function findingOf(outcome: CheckOutcome, code: string) {
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
