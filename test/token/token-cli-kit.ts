import { stat } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { expect } from "vitest";
import { toTokenSet } from "../../src/cafe24/token-response.js";
import type { TokenSet } from "../../src/cafe24/token-set.js";
import type { EmulatorMall } from "../../src/emulator/emulator.js";
import type { RunningEmulator, StartEmulatorOptions } from "../../src/emulator/server.js";
import { FileTokenStore } from "../../src/store/file-token-store.js";
import { launch } from "../helpers/emulator.js";
import { CLI, type CliResult, runNode } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/token-files.js";

/** A project directory whose environment points the CLI at a real-clock emulator (a child process is involved). */
export interface TokenProject {
  emu: RunningEmulator;
  mall: EmulatorMall;
  clientSecret: string;
  dir: string;
  tokenFile: string;
  env: Record<string, string>;
  cli(args: string[], options?: { env?: Record<string, string>; timeoutMs?: number }): Promise<CliResult>;
  /** Stores a fresh grant (issued without the browser dance) and returns it. */
  writeToken(scopes?: string[]): Promise<TokenSet>;
  readToken(): Promise<TokenSet | undefined>;
  /** Every secret the test has seen: the client secret and every token value ever stored. */
  secrets(): string[];
}

export const APP = { clientId: "TokenCliApp0001", clientSecret: "TokenCliSecret-0123456789abcdef" };

export async function tokenProject(
  options: StartEmulatorOptions & { redirectUri?: string } = {},
): Promise<TokenProject> {
  const { redirectUri, ...emulatorOptions } = options;
  const emu = await launch({
    clock: { frozen: false, start: Date.now() },
    ...(redirectUri ? { malls: [{ mallId: "tokenmall", app: { ...APP, redirectUri } }] } : {}),
    ...emulatorOptions,
  });
  const mall = emu.malls[0];
  if (!mall) throw new Error("the emulator has no mall");
  const clientSecret = mall.clientSecret ?? APP.clientSecret;
  const dir = await tempDir();
  const tokenFile = join(dir, "oauth_token.json");
  const store = new FileTokenStore({ path: tokenFile });
  const seen = new Set<string>([clientSecret]);
  const env: Record<string, string> = {
    CAFE24_MALL_ID: mall.mallId,
    CAFE24_CLIENT_ID: mall.clientId,
    CAFE24_CLIENT_SECRET: clientSecret,
    CAFE24_REDIRECT_URI: mall.redirectUri,
    CAFE24_SCOPES: mall.scopes.join(","),
    CAFE24_TOKEN_FILE: tokenFile,
    CAFE24_BASE_URL: emu.baseUrlTemplate,
    CAFE24_DOCTOR_NO_BROWSER: "1",
    NO_COLOR: "1",
    LANG: "en_US.UTF-8",
  };
  const remember = (token: TokenSet | undefined) => {
    if (token) for (const value of [token.accessToken, token.refreshToken]) seen.add(value);
    return token;
  };
  const project: TokenProject = {
    emu,
    mall,
    clientSecret,
    dir,
    tokenFile,
    env,
    async cli(args, cliOptions = {}) {
      const result = await runNode(CLI, args, {
        env: { ...env, ...cliOptions.env },
        cwd: dir,
        timeoutMs: cliOptions.timeoutMs ?? 20_000,
      });
      remember(await project.readToken().catch(() => undefined));
      return result;
    },
    async writeToken(scopes) {
      const json = emu.control.issueTokens(mall.mallId, scopes ? { scopes } : {});
      const token = toTokenSet(json, mall.mallId);
      const current = await store.get(mall.mallId).catch(() => undefined);
      const written = await store.compareAndSet(mall.mallId, current?.revision, token);
      if (!written.ok) throw new Error("could not write the token file");
      remember(token);
      return token;
    },
    async readToken() {
      return remember((await store.get(mall.mallId))?.token);
    },
    secrets: () => [...seen],
  };
  return project;
}

/** No secret in any output, and no stack trace: users see messages, not internals. */
export function expectCleanOutput(result: CliResult, secrets: readonly string[]): void {
  for (const secret of secrets) {
    expect(result.stdout).not.toContain(secret);
    expect(result.stderr).not.toContain(secret);
  }
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

/** The authorize URL the CLI printed. */
export function authorizeUrlIn(stdout: string): string {
  const line = stdout.split("\n").find((l) => /^https?:\/\/\S+\/api\/v2\/oauth\/authorize\?/.test(l));
  if (!line) throw new Error(`no authorize URL in:\n${stdout}`);
  return line.trim();
}

/**
 * What a merchant does on Cafe24's consent page: open it (Korean HTML), press 동의함, and return where the
 * browser is sent next (the redirect URI with code and state), without following it.
 */
export async function approveConsent(authorizeUrl: string): Promise<string> {
  const page = await fetch(authorizeUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain("동의함");
  const ticket = /name="ticket" value="([^"]+)"/.exec(html)?.[1];
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!ticket || !action) throw new Error("no consent form");
  const answer = await fetch(new URL(action, authorizeUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ticket, decision: "approve" }).toString(),
    redirect: "manual",
  });
  const location = answer.headers.get("location");
  if (answer.status !== 302 || !location) throw new Error(`consent answered ${answer.status}`);
  return location;
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

export async function fileMode(path: string): Promise<number> {
  return (await stat(path)).mode & 0o777;
}
