import { expect } from "vitest";
import type { EmulatorMall } from "../../src/emulator/emulator.js";
import type { RunningEmulator, StartEmulatorOptions } from "../../src/emulator/server.js";
import { DoctorError } from "../../src/errors/doctor-error.js";
import { buildAuthorizeUrl } from "../../src/oauth/build-authorize-url.js";
import type { OAuthClientConfig } from "../../src/oauth/oauth-client-config.js";
import { launch, secretOf } from "./emulator.js";

export interface OAuthSetup {
  running: RunningEmulator;
  mall: EmulatorMall;
  config: OAuthClientConfig;
}

/** An auto-approving emulator on 127.0.0.1 and an OAuth config that talks to its first mall. */
export async function oauthEmulator(options: StartEmulatorOptions = {}): Promise<OAuthSetup> {
  const running = await launch({ autoApprove: true, ...options });
  const mall = running.malls[0];
  if (!mall) throw new Error("the emulator has no mall");
  const config: OAuthClientConfig = {
    mallId: mall.mallId,
    clientId: mall.clientId,
    clientSecret: secretOf(mall),
    baseUrl: running.baseUrlTemplate,
    allowInsecureLoopback: true,
  };
  return { running, mall, config };
}

/** Opens the authorize URL the way a browser would and returns where Cafe24 redirected, plus the state sent. */
export async function authorizeRedirect(
  setup: OAuthSetup,
  options: { scopes?: string[]; redirectUri?: string } = {},
): Promise<{ location: string; state: string }> {
  const { url, state } = buildAuthorizeUrl({
    mallId: setup.mall.mallId,
    clientId: setup.mall.clientId,
    redirectUri: options.redirectUri ?? setup.mall.redirectUri,
    scopes: options.scopes ?? ["mall.read_product", "mall.read_order"],
    baseUrl: setup.running.baseUrlTemplate,
    allowInsecureLoopback: true,
  });
  const response = await fetch(url, { redirect: "manual" });
  const location = response.headers.get("location");
  if (response.status !== 302 || !location) throw new Error(`authorize answered ${response.status}`);
  return { location, state };
}

/** Awaits a rejection and returns the error, failing the test if the promise resolves. */
export async function rejection(promise: Promise<unknown>): Promise<DoctorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DoctorError);
  return error as DoctorError;
}

/** No secret value appears in the error's message, its enumerable fields, its string form or its cause. */
export function expectNoSecrets(error: unknown, secrets: readonly string[]): void {
  const e = error as Error & { cause?: unknown };
  const views = [
    JSON.stringify(e),
    JSON.stringify({ ...e }),
    e.message,
    String(e),
    e.stack ?? "",
    String(e.cause),
  ];
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThan(3);
    for (const view of views) expect(view).not.toContain(secret);
  }
}
