import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { onTestFinished } from "vitest";
import { toTokenSet } from "../../src/cafe24/token-response.js";
import type { TokenSet } from "../../src/cafe24/token-set.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import type { OAuthClientConfig } from "../../src/oauth/oauth-client-config.js";
import type { TokenStore } from "../../src/store/token-store.js";
import { realSleep, type Sleep } from "../../src/util/runtime.js";
import { secretOf } from "../helpers/emulator.js";

/** Each emulator mall's own generated app credentials, talking to it over 127.0.0.1. */
export function oauthOf(running: RunningEmulator): (mallId: string) => OAuthClientConfig {
  return (mallId) => {
    const mall = running.malls.find((m) => m.mallId === mallId);
    if (!mall) throw new Error(`no mall ${mallId}`);
    return {
      mallId,
      clientId: mall.clientId,
      clientSecret: secretOf(mall),
      baseUrl: running.baseUrlTemplate,
      allowInsecureLoopback: true,
    };
  };
}

/** Authorizes the mall at the emulator (control API) and stores the tokens, as `token login` would. */
export async function authorize(
  running: RunningEmulator,
  store: TokenStore,
  mallId: string,
): Promise<TokenSet> {
  const token = toTokenSet(running.control.issueTokens(mallId), mallId);
  const current = await store.get(mallId);
  const written = await store.compareAndSet(mallId, current?.revision, token);
  if (!written.ok) throw new Error(`could not store ${mallId}'s token`);
  return token;
}

export const tokenRequests = (running: RunningEmulator, mallId: string): number =>
  running.control.stats(mallId).routes["POST /api/v2/oauth/token"] ?? 0;

/** Polls until `condition` holds; bounded by a number of polls, never by a wall-clock assertion. */
export async function waitFor(condition: () => boolean, what: string, maxPolls = 15_000): Promise<void> {
  for (let i = 0; i < maxPolls; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error(`gave up waiting for ${what}`);
}

export interface Receiver {
  url: string;
  bodies: unknown[];
  raw: string[];
}

/** A local webhook receiver on 127.0.0.1 that records every POSTed body; answers `status`. */
export async function webhookReceiver(status = 200): Promise<Receiver> {
  const receiver: Receiver = { url: "", bodies: [], raw: [] };
  const server = createServer((request, response) => {
    let text = "";
    request.on("data", (chunk) => {
      text += chunk;
    });
    request.on("end", () => {
      receiver.raw.push(text);
      receiver.bodies.push(JSON.parse(text));
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return receiver;
}

/** Real sleeps that count the manager's ticks, so a test can let "a few ticks" pass without timing them. */
export function tickCounter(): { sleep: Sleep; ticks: () => number; pass: (n: number) => Promise<void> } {
  let ticks = 0;
  const sleep: Sleep = (ms, signal) => {
    ticks++;
    return realSleep(ms, signal);
  };
  return {
    sleep,
    ticks: () => ticks,
    pass: (n) => {
      const target = ticks + n;
      return waitFor(() => ticks >= target, `${n} ticks`);
    },
  };
}
