import type { RunningEmulator, StartEmulatorOptions } from "../../src/emulator/server.js";
import { Cafe24Client } from "../../src/http/cafe24-client.js";
import type { Cafe24ClientOptions } from "../../src/http/client-options.js";
import type { AccessTokenProvider } from "../../src/tokens/access-token-provider.js";
import { abortError, type Sleep } from "../../src/util/runtime.js";
import { launch, refreshGrant, type Target, type TokenJson } from "../helpers/emulator.js";

/** The mall every client test talks to. */
export const MALL = "demomall";

/** An emulator on 127.0.0.1 with small data; the clock runs in real time unless the test freezes it. */
export function startMall(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  return launch({ ...options, clock: { frozen: false, ...options.clock } });
}

export function mallTarget(running: RunningEmulator, mallId = MALL): Target {
  const mall = running.malls.find((m) => m.mallId === mallId);
  if (!mall) throw new Error(`no mall ${mallId}`);
  return { fetch: (input, init) => fetch(input, init), base: `${running.url}/malls/${mallId}`, mall };
}

/**
 * A stand-in for TokenManager: a grant issued through the control API, refreshed for real at the emulator's
 * token endpoint when the client reports a 401 for the current token.
 */
export class EmulatorTokens implements AccessTokenProvider {
  refreshes = 0;
  private current: TokenJson;

  constructor(
    private readonly target: Target,
    issue: () => TokenJson,
  ) {
    this.current = issue();
  }

  get accessToken(): string {
    return this.current.access_token;
  }

  async getAccessToken(): Promise<string> {
    return this.current.access_token;
  }

  async handleUnauthorized(rejected: string): Promise<string> {
    if (rejected !== this.current.access_token) return this.current.access_token;
    this.refreshes += 1;
    const response = await refreshGrant(this.target, this.current.refresh_token);
    if (response.status !== 200) throw new Error(`refresh answered ${response.status}`);
    this.current = (await response.json()) as TokenJson;
    return this.current.access_token;
  }
}

/** Tokens of `mallId` (optionally with fewer scopes than the app has). */
export function tokensFor(running: RunningEmulator, mallId = MALL, scopes?: string[]): EmulatorTokens {
  return new EmulatorTokens(
    mallTarget(running, mallId),
    () => running.control.issueTokens(mallId, scopes ? { scopes } : {}) as unknown as TokenJson,
  );
}

export function clientFor(
  running: RunningEmulator,
  tokens: AccessTokenProvider,
  options: Partial<Cafe24ClientOptions> = {},
): Cafe24Client {
  return new Cafe24Client({
    mallId: MALL,
    tokens,
    baseUrl: running.baseUrlTemplate,
    allowInsecureLoopback: true,
    ...options,
  });
}

/**
 * Client time that is the emulator's time: sleeping advances the emulator clock instead of waiting, so
 * minutes of pacing run in milliseconds and both sides agree exactly on how much time passed.
 */
export function virtualTime(running: RunningEmulator): { now: () => number; sleep: Sleep; slept: number[] } {
  const slept: number[] = [];
  return {
    slept,
    now: () => running.control.now(),
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw abortError(signal);
      slept.push(ms);
      running.control.advanceClock(Math.max(0, ms));
    },
  };
}
