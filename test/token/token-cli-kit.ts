import { existsSync } from "node:fs";
import { stat, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { expect } from "vitest";
import { toTokenSet } from "../../src/cafe24/token-response.js";
import type { TokenSet } from "../../src/cafe24/token-set.js";
import { runCli } from "../../src/cli/run-cli.js";
import type { EmulatorMall } from "../../src/emulator/emulator.js";
import type { RunningEmulator, StartEmulatorOptions } from "../../src/emulator/server.js";
import { RedisTokenStore } from "../../src/redis/redis-token-store.js";
import { FileTokenStore } from "../../src/store/file-token-store.js";
import type { TokenStore } from "../../src/store/token-store.js";
import { launch } from "../helpers/emulator.js";
import { CLI, type CliResult, runNode } from "../helpers/run-cli.js";
import type { StoreKind, Stores } from "../helpers/stores.js";
import { tempDir } from "../helpers/token-files.js";

/**
 * A project directory whose environment points the CLI at a real-clock emulator. Over the token file (the
 * default) every command is the built CLI in a child process; over another store (`tokenProject(options,
 * stores)`) it runs in-process through `runCli`, each command handed a store of its own through `storeFor`, as
 * the process it would be.
 */
export interface TokenProject {
  emu: RunningEmulator;
  mall: EmulatorMall;
  clientSecret: string;
  dir: string;
  /** The configured token file: the store itself over files, never made over other stores. */
  tokenFile: string;
  env: Record<string, string>;
  kind: StoreKind;
  /** Where the commands say the tokens are: the token file, or the store's location. */
  location: string;
  cli(args: string[], options?: { env?: Record<string, string>; timeoutMs?: number }): Promise<CliResult>;
  /**
   * Over another store than a file: runs a command in-process as `cli` does, handing each line of its output to
   * `collect` as it comes (for a command that waits, like `token login`).
   */
  inProcess(
    args: string[],
    collect: { out?: (line: string) => void; err?: (line: string) => void },
  ): Promise<CliResult>;
  /** Stores a fresh grant (issued without the browser dance) and returns it. */
  writeToken(scopes?: string[]): Promise<TokenSet>;
  readToken(): Promise<TokenSet | undefined>;
  /** Stores `text` as the mall's token record as is: a file's bytes, or a Redis hash's token field. */
  writeRaw(text: string): Promise<void>;
  /** Whether the store holds a record for the mall (the file exists, the Redis key exists), read or not. */
  hasToken(): Promise<boolean>;
  /** Every secret the test has seen: the client secret and every token value ever stored. */
  secrets(): string[];
}

/** Runs one command line in-process, the store coming from `storeFor`; output collected like a child's. */
export async function runInProcess(
  args: string[],
  options: { env: Record<string, string>; cwd: string; storeFor: () => TokenStore },
  collect: { out?: (line: string) => void; err?: (line: string) => void } = {},
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  // A child reads LANG from its environment; in-process the language is the process's unless given.
  const lang = args.some((a) => a === "--lang" || a.startsWith("--lang=")) ? [] : ["--lang", "en"];
  const code = await runCli([...args, ...lang], {
    cwd: options.cwd,
    env: options.env,
    storeFor: options.storeFor,
    out: (line) => {
      stdout += `${line}\n`;
      collect.out?.(line);
    },
    err: (line) => {
      stderr += `${line}\n`;
      collect.err?.(line);
    },
  });
  return { code, stdout, stderr };
}

export const APP = { clientId: "TokenCliApp0001", clientSecret: "TokenCliSecret-0123456789abcdef" };

export async function tokenProject(
  options: StartEmulatorOptions & { redirectUri?: string } = {},
  stores?: Stores,
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
  const inProcess = stores && stores.kind !== "file" ? stores : undefined;
  // The test's own handle reads the store itself every time (a Redis handle without cache).
  const store =
    inProcess?.open({ clientId: mall.clientId, redis: { cacheMaxAgeMs: 0 } }) ??
    new FileTokenStore({ path: tokenFile });
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
    kind: inProcess?.kind ?? "file",
    location: inProcess ? store.location : tokenFile,
    async cli(args, cliOptions = {}) {
      const result = inProcess
        ? await runInProcess(args, {
            env: { ...env, ...cliOptions.env },
            cwd: dir,
            storeFor: () => inProcess.open({ clientId: mall.clientId }),
          })
        : await runNode(CLI, args, {
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
    inProcess(args, collect) {
      if (!inProcess) throw new Error("over a token file the CLI runs as a child process: use CLI and spawn");
      return runInProcess(
        args,
        { env, cwd: dir, storeFor: () => inProcess.open({ clientId: mall.clientId }) },
        collect,
      );
    },
    async hasToken() {
      if (store instanceof RedisTokenStore) {
        return (await (await store.redis()).exists(store.keys.token(mall.mallId))) === 1;
      }
      return existsSync(tokenFile);
    },
    async writeRaw(text) {
      if (store instanceof RedisTokenStore) {
        const redis = await store.redis();
        await redis.hset(store.keys.token(mall.mallId), {
          token: text,
          revision: "1",
          receivedAt: Date.now(),
        });
        await redis.sadd(store.keys.index(), mall.mallId);
      } else if (store instanceof FileTokenStore) {
        await writeFile(tokenFile, text);
      } else {
        throw new Error(`a ${store.location} store holds no raw text`);
      }
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
