import { EventEmitter } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { onTestFinished } from "vitest";
import { toTokenSet } from "../../src/cafe24/token-response.js";
import type { TokenSet } from "../../src/cafe24/token-set.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import type { OAuthClientConfig } from "../../src/oauth/oauth-client-config.js";
import type { TokenStore } from "../../src/store/token-store.js";
import { abortError, type Sleep } from "../../src/util/runtime.js";
import { WatchManager } from "../../src/watch/watch-manager.js";
import type { WatchManagerOptions } from "../../src/watch/watch-options.js";
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

/**
 * Polls real time until `condition` holds; bounded by a number of polls. Only for a manager ticking on real
 * timers (test/secrets/echoed-secrets-watch.test.ts): the watch tests drive ticks with manualWatch instead.
 */
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
  /** Resolves once `count` bodies have arrived in all (for a sender in another process, which no idle() covers). */
  received(count: number): Promise<void>;
}

/** A local webhook receiver on 127.0.0.1 that records every POSTed body; answers `status`. */
export async function webhookReceiver(status = 200): Promise<Receiver> {
  const arrived = new EventEmitter();
  const bodies: unknown[] = [];
  const receiver: Receiver = {
    url: "",
    bodies,
    raw: [],
    received: (count) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (bodies.length < count) return;
          arrived.off("body", check);
          resolve();
        };
        arrived.on("body", check);
        check();
      }),
  };
  const server = createServer((request, response) => {
    let text = "";
    request.on("data", (chunk) => {
      text += chunk;
    });
    request.on("end", () => {
      receiver.raw.push(text);
      receiver.bodies.push(JSON.parse(text));
      response.writeHead(status).end();
      arrived.emit("body");
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

/** The manager's tick loop as the test drives it: the loop's `sleep` parks until the test lets the next tick happen. */
export interface ManualTicks {
  /** Lets `n` ticks happen, one at a time; each waits for the work in flight to finish, before and after it. */
  pass(n?: number): Promise<void>;
  /** Ticks until `condition` holds after a tick's work has finished; fails after `maxTicks` ticks. */
  until(condition: () => boolean, what: string, maxTicks?: number): Promise<void>;
  /** Lets one tick happen and returns as soon as the loop waits again, without waiting for what it started. */
  next(): Promise<void>;
}

/**
 * A WatchManager whose time is the test's: `now` is whatever the options say (the emulator's clock), and the
 * loop ticks only when told, so a test counts ticks and never waits for a timer. `settle` is what "the tick's
 * work has finished" means: by default every mall's step and check and every alert delivery.
 */
export function manualWatch(
  options: Omit<WatchManagerOptions, "sleep" | "tickMs">,
  settle: (manager: WatchManager) => Promise<void> = (m) => m.idle(),
): { manager: WatchManager; ticks: ManualTicks } {
  let wake: (() => void) | undefined;
  let parked: (() => void) | undefined;
  let loopSignal: AbortSignal | undefined;
  const sleep: Sleep = (_ms, signal) =>
    new Promise<void>((resolve, reject) => {
      loopSignal = signal;
      if (signal?.aborted) {
        reject(abortError(signal));
        return;
      }
      const onAbort = () => reject(abortError(signal));
      signal?.addEventListener("abort", onAbort, { once: true });
      wake = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      parked?.();
    });
  const manager = new WatchManager({ ...options, sleep });

  const next = async (): Promise<void> => {
    const resume = wake;
    if (!resume || loopSignal?.aborted) throw new Error("the watch loop is not running: start() it first");
    wake = undefined;
    // Waking the loop runs its tick synchronously up to the next sleep: no I/O, only promise jobs, in between.
    const waiting = new Promise<void>((resolve) => {
      parked = resolve;
    });
    resume();
    await waiting;
  };
  const pass = async (n = 1): Promise<void> => {
    for (let i = 0; i < n; i++) {
      await settle(manager);
      await next();
      await settle(manager);
    }
  };
  const until = async (condition: () => boolean, what: string, maxTicks = 20): Promise<void> => {
    await settle(manager);
    for (let i = 0; i < maxTicks && !condition(); i++) await pass();
    if (!condition()) throw new Error(`gave up waiting for ${what} after ${maxTicks} ticks`);
  };
  return { manager, ticks: { pass, until, next } };
}
