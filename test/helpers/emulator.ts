import { expect, onTestFinished } from "vitest";
import {
  createEmulator,
  type Emulator,
  type EmulatorMall,
  type EmulatorRuntime,
} from "../../src/emulator/emulator.js";
import type { EmulatorOptionsInput } from "../../src/emulator/options.js";
import { type RunningEmulator, type StartEmulatorOptions, startEmulator } from "../../src/emulator/server.js";
import type { OAuthClientConfig } from "../../src/oauth/oauth-client-config.js";

/** 2026-11-27T20:41:00.000 in Seoul: the instant most tests freeze the emulator clock at. */
export const START_ISO = "2026-11-27T11:41:00.000Z";
export const START_MS = Date.parse(START_ISO);
export const START_KST = "2026-11-27T20:41:00.000";

export const SECOND = 1000;
export const HOUR = 3600 * SECOND;
export const DAY = 24 * HOUR;

/** Seed data small enough that generating it never dominates a test. */
export const SMALL_DATA = {
  products: 60,
  orders: 120,
  orderDays: 30,
  customers: 20,
  categories: 8,
  boards: 2,
};

/** Frozen at START_ISO with small data, unless the test says otherwise. */
const defaults = (options: EmulatorOptionsInput): EmulatorOptionsInput => ({
  data: SMALL_DATA,
  ...options,
  clock: { frozen: true, start: START_ISO, ...options.clock },
});

/** An emulator on a real 127.0.0.1 socket (ephemeral port), closed when the current test finishes. */
export async function launch(
  options: StartEmulatorOptions = {},
  runtime: EmulatorRuntime = {},
): Promise<RunningEmulator> {
  const running = await startEmulator(defaults(options) as StartEmulatorOptions, runtime);
  onTestFinished(() => running.close());
  return running;
}

/** An emulator without a socket; its `fetch` takes any origin. */
export function inProcess(options: EmulatorOptionsInput = {}, runtime: EmulatorRuntime = {}): Emulator {
  return createEmulator(defaults(options), runtime);
}

/** Origin used for in-process requests (the handler ignores the host). */
export const LOCAL = "http://emulator.test";

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Where a mall answers: a fetch function and the base URL in front of `/api/v2`. */
export interface Target {
  fetch: FetchLike;
  base: string;
  mall: EmulatorMall;
}

export function httpTarget(running: RunningEmulator, mallIndex = 0): Target {
  const mall = running.malls[mallIndex];
  if (!mall) throw new Error(`no mall #${mallIndex}`);
  return { fetch: (input, init) => fetch(input, init), base: running.url, mall };
}

export function localTarget(emulator: Emulator, mallIndex = 0): Target {
  const mall = emulator.malls[mallIndex];
  if (!mall) throw new Error(`no mall #${mallIndex}`);
  return { fetch: (input, init) => emulator.fetch(input, init), base: LOCAL, mall };
}

export function basic(clientId: string, clientSecret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`;
}

/** The app's credentials; the emulator only reveals secrets it generated, which is what these tests use. */
export function secretOf(mall: EmulatorMall): string {
  if (!mall.clientSecret) throw new Error(`mall ${mall.mallId} has a configured secret; pass it explicitly`);
  return mall.clientSecret;
}

/** The OAuth settings a client on this machine uses for `mall` of a running emulator. */
export function oauthOf(
  running: RunningEmulator,
  mall: EmulatorMall,
  extra: Partial<OAuthClientConfig> = {},
): OAuthClientConfig {
  return {
    mallId: mall.mallId,
    clientId: mall.clientId,
    clientSecret: secretOf(mall),
    baseUrl: running.baseUrlTemplate,
    allowInsecureLoopback: true,
    ...extra,
  };
}

/**
 * `curl -u id:secret -d a=b -d c=d URL` — a form POST with an optional Basic header, the way Cafe24's guide
 * calls the token and revoke endpoints.
 */
export function curlForm(
  fetchFn: FetchLike,
  url: string,
  form: Record<string, string>,
  options: { basic?: [string, string]; contentType?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    "content-type": options.contentType ?? "application/x-www-form-urlencoded",
  };
  if (options.basic) headers.authorization = basic(...options.basic);
  return fetchFn(url, { method: "POST", headers, body: new URLSearchParams(form).toString() });
}

/** Cafe24's token JSON (§2.4). */
export interface TokenJson {
  access_token: string;
  expires_at: string;
  refresh_token: string;
  refresh_token_expires_at: string;
  client_id: string;
  mall_id: string;
  user_id: string;
  scopes: string[];
  issued_at: string;
  shop_no: string;
  token_type: string;
}

export function authorizeUrl(target: Target, params: Record<string, string>): string {
  return `${target.base}/api/v2/oauth/authorize?${new URLSearchParams(params).toString()}`;
}

/** GET authorize (emulator in auto-approve mode) and return the code from the redirect. */
export async function authorizeCode(
  target: Target,
  options: { scope?: string; state?: string } = {},
): Promise<string> {
  const state = options.state ?? "st-123";
  const response = await target.fetch(
    authorizeUrl(target, {
      response_type: "code",
      client_id: target.mall.clientId,
      state,
      redirect_uri: target.mall.redirectUri,
      scope: options.scope ?? target.mall.scopes.join(","),
    }),
    { redirect: "manual" },
  );
  if (response.status !== 302)
    throw new Error(`authorize answered ${response.status}: ${await response.text()}`);
  const location = new URL(response.headers.get("location") ?? "");
  const code = location.searchParams.get("code");
  if (!code || location.searchParams.get("state") !== state) throw new Error(`no code in ${location}`);
  return code;
}

export function exchangeCode(target: Target, code: string): Promise<Response> {
  return curlForm(
    target.fetch,
    `${target.base}/api/v2/oauth/token`,
    { grant_type: "authorization_code", code, redirect_uri: target.mall.redirectUri },
    { basic: [target.mall.clientId, secretOf(target.mall)] },
  );
}

export function refreshGrant(target: Target, refreshToken: string): Promise<Response> {
  return curlForm(
    target.fetch,
    `${target.base}/api/v2/oauth/token`,
    { grant_type: "refresh_token", refresh_token: refreshToken },
    { basic: [target.mall.clientId, secretOf(target.mall)] },
  );
}

/** authorize → code → token with `autoApprove: true`; returns the token JSON. */
export async function obtainTokens(
  target: Target,
  options: { scope?: string; state?: string } = {},
): Promise<TokenJson> {
  const code = await authorizeCode(target, options);
  const response = await exchangeCode(target, code);
  if (response.status !== 200) throw new Error(`token answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as TokenJson;
}

/** An Admin API call as Cafe24's examples make it. */
export function adminGet(
  target: Target,
  path: string,
  accessToken: string | undefined,
  headers: Record<string, string> = {},
): Promise<Response> {
  return target.fetch(`${target.base}/api/v2/admin${path}`, {
    headers: {
      "content-type": "application/json",
      ...(accessToken === undefined ? {} : { authorization: `Bearer ${accessToken}` }),
      ...headers,
    },
  });
}

/** Access token minted through the control surface (test setup that is not about OAuth). */
export function issueAccess(emulator: Emulator | RunningEmulator, mallId: string, scopes?: string[]): string {
  const json = emulator.control.issueTokens(mallId, scopes ? { scopes } : {}) as unknown as TokenJson;
  return json.access_token;
}

/** The resource-API error envelope (§3) as live Cafe24 sends it: no `more_info` (§10). */
export interface ErrorEnvelope {
  error: { code: number; message: string };
}

/** Reads an error answer, asserting the exact live shape: `code` is the HTTP status, nothing else is added. */
export async function envelope(response: Response): Promise<ErrorEnvelope> {
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await response.json()) as ErrorEnvelope;
  expect(body).toEqual({ error: { code: response.status, message: expect.any(String) } });
  return body;
}
