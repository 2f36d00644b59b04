import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { onTestFinished } from "vitest";
import type { TokenSet } from "../../src/cafe24/token-set.js";
import { parseTokenFile } from "../../src/store/token-file-format.js";

/** A fresh directory under the OS temp dir, removed when the test finishes. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "cafe24-doctor-store-"));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A plausible token set; `n` makes distinct ones. */
export function sampleToken(n = 1, mallId = "myshop"): TokenSet {
  return {
    mallId,
    accessToken: `Access${String(n).padStart(16, "0")}`,
    accessTokenExpiresAt: Date.UTC(2026, 10, 27, 13, 41, 0, n % 1000),
    refreshToken: `Refresh${String(n).padStart(15, "0")}`,
    refreshTokenExpiresAt: Date.UTC(2026, 11, 11, 11, 41, 0, 0),
    scopes: ["mall.read_product", "mall.read_order"],
    issuedAt: Date.UTC(2026, 10, 27, 11, 41, 0, 0),
    clientId: "BrIfqEKoPxeE",
    userId: "admin",
    shopNo: "1",
  };
}

/** Starts `node test/fixtures/<name>` (fixtures import the built dist/, so `npm run build` must have run). */
export function spawnFixture(name: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  const script = fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
  const child = spawn(process.execPath, [script, ...args], {
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  return child;
}

/** Resolves when the child prints `line`; rejects if it exits first. */
export function waitForLine(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.split("\n").includes(line)) {
        child.stdout?.off("data", onData);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once("exit", (code, signal) =>
      reject(new Error(`fixture exited (${code ?? signal}) before "${line}": ${err}`)),
    );
  });
}

/** Resolves with the exit code once the child has exited. */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/**
 * Whether a killed writer left a complete temp file in `dir` that holds a refresh token `isLive` accepts: then a restarted manager must adopt it, not call for re-authorization.
 */
export async function liveTempFile(
  dir: string,
  mallId: string,
  isLive: (refreshToken: string) => boolean,
): Promise<boolean> {
  for (const name of await readdir(dir)) {
    if (!name.includes(".tmp-")) continue;
    const contents = await readFile(join(dir, name))
      .then((bytes) => parseTokenFile(bytes, { path: name, mallId }))
      .catch(() => undefined);
    if (contents && isLive(contents.token.refreshToken)) return true;
  }
  return false;
}
