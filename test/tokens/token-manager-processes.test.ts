import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { toTokenSet } from "../../src/cafe24/token-response.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { tokenId } from "../../src/emulator/state/tokens.js";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import { lockPathOf } from "../../src/store/file-lock.js";
import { FileTokenStore } from "../../src/store/file-token-store.js";
import { TokenManager } from "../../src/tokens/token-manager.js";
import { launch } from "../helpers/emulator.js";
import { liveTempFile } from "../helpers/token-files.js";

const WORKER = fileURLToPath(new URL("../fixtures/token-worker.mjs", import.meta.url));

interface Worker {
  child: ChildProcess;
  lines: string[];
  closed: Promise<number | null>;
}

function startWorker(env: Record<string, string>): Worker {
  const child = spawn(process.execPath, [WORKER], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let buffer = "";
  child.stdout?.on("data", (chunk) => {
    buffer += chunk;
    const parts = buffer.split("\n");
    buffer = parts.pop() ?? "";
    lines.push(...parts);
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const closed = new Promise<number | null>((resolve) =>
    child.on("close", (code) => {
      if (code !== 0 && code !== null && stderr) lines.push(`STDERR ${stderr}`);
      resolve(code);
    }),
  );
  return { child, lines, closed };
}

async function seedFile(emu: RunningEmulator, path: string) {
  const mall = emu.malls[0];
  if (!mall?.clientSecret) throw new Error("demo mall expected");
  const store = new FileTokenStore({ path });
  const current = await store.get(mall.mallId);
  const token = toTokenSet(emu.control.issueTokens(mall.mallId), mall.mallId);
  const written = await store.compareAndSet(mall.mallId, current?.revision, token);
  if (!written.ok) throw new Error("seeding the token file failed");
  const env = {
    TOKEN_FILE: path,
    MALL: mall.mallId,
    CLIENT_ID: mall.clientId,
    CLIENT_SECRET: mall.clientSecret,
    BASE_URL: emu.baseUrlTemplate,
  };
  return { mall, store, token, env };
}

const until = async (condition: () => boolean, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
};

describe("TokenManager across processes sharing one FileTokenStore", () => {
  it("8 processes × 50 calls with the access token expiring mid-run: no invalid_grant, no failed call", async () => {
    // 2 s tokens (refreshed in their last second) expire several times in a run of about 4 s per process; a
    // second's margin keeps a loaded CI machine's stalls from turning into rotations under a call in flight.
    const emu = await launch({
      clock: { frozen: false },
      ttl: { accessSec: 2 },
      rateLimit: { enabled: false },
    });
    const dir = mkdtempSync(join(tmpdir(), "c24-procs-"));
    const { env, store, mall } = await seedFile(emu, join(dir, "oauth_token.json"));
    const workers = Array.from({ length: 8 }, () =>
      startWorker({ ...env, MODE: "calls", CALLS: "50", DELAY_MS: "70" }),
    );
    const codes = await Promise.all(workers.map((w) => w.closed));
    expect(codes).toEqual(Array(8).fill(0));
    const summaries = workers.map((w) => JSON.parse(w.lines.at(-1) ?? "{}"));
    expect(
      summaries.map((s) => s.failed),
      JSON.stringify(summaries),
    ).toEqual(Array(8).fill(0));
    expect(summaries.reduce((sum, s) => sum + s.ok, 0)).toBe(400);
    const stats = emu.control.stats();
    expect(stats.invalidGrant).toBe(0);
    expect(stats.grants.refresh_token).toBeGreaterThanOrEqual(2);
    const stored = await store.get(mall.mallId);
    expect(tokenId(stored?.token.refreshToken ?? "")).toBe(stats.currentRefreshTokenId);
  }, 60_000);

  it("killed with SIGKILL at random moments of refresh-and-write 100 times: the file is always whole; a whole temp file is adopted; a lost rotation reads as re-authorization required", async () => {
    const emu = await launch({ clock: { frozen: false }, rateLimit: { enabled: false } });
    const dir = mkdtempSync(join(tmpdir(), "c24-kill-"));
    const path = join(dir, "oauth_token.json");
    let seeded = await seedFile(emu, path);
    const outcomes = { intact: 0, recovered: 0, lost: 0 };
    let childChecks = 0;
    for (let round = 0; round < 100; round++) {
      const known = new Set([`${tokenId(seeded.token.accessToken)} ${tokenId(seeded.token.refreshToken)}`]);
      const worker = startWorker({ ...seeded.env, MODE: "refresh" });
      await until(() => worker.lines.length > 0 || worker.child.exitCode !== null, 10_000);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 25));
      worker.child.kill("SIGKILL");
      await worker.closed;
      for (const line of worker.lines) if (line.startsWith("W ")) known.add(line.slice(2));
      // The dead holder's lock would go stale only after seconds; stale-lock takeover has its own test.
      rmSync(lockPathOf(path), { recursive: true, force: true });

      const stored = await seeded.store.get(seeded.mall.mallId);
      expect(stored, `round ${round}: file must parse`).toBeDefined();
      const token = stored?.token ?? seeded.token;
      const pair = `${tokenId(token.accessToken)} ${tokenId(token.refreshToken)}`;
      const current = emu.control.stats().currentRefreshTokenId;
      if (tokenId(token.refreshToken) === current) {
        const res = await fetch(`${emu.url}/api/v2/admin/store`, {
          headers: { authorization: `Bearer ${token.accessToken}` },
        });
        expect(res.status, `round ${round}: the stored pair is the live one`).toBe(200);
        outcomes.intact++;
        seeded = { ...seeded, token };
        continue;
      }
      expect(known.has(pair), `round ${round}: stale file must hold a whole earlier pair`).toBe(true);
      if (await liveTempFile(dir, seeded.mall.mallId, (refreshToken) => tokenId(refreshToken) === current)) {
        // Killed after the temp file was whole, before its rename: the next manager adopts it.
        const manager = new TokenManager({
          store: seeded.store,
          oauth: { ...oauthOf(seeded.env), allowInsecureLoopback: true },
        });
        const recovered = new Promise((resolve) => manager.once("recovered", resolve));
        await manager.forceRefresh();
        await recovered;
        outcomes.recovered++;
        seeded = { ...seeded, token: (await seeded.store.get(seeded.mall.mallId))?.token ?? token };
        continue;
      }
      outcomes.lost++;
      if (childChecks < 2) {
        childChecks++;
        const next = startWorker({ ...seeded.env, MODE: "calls", CALLS: "1" });
        expect(await next.closed).toBe(0);
        const verdict = JSON.parse(next.lines.at(-1) ?? "{}");
        expect(verdict.codes).toEqual({ [ERROR_CODES.reauthRequired]: 1 });
        expect(verdict.firstError).toMatch(/authoriz/i);
      } else {
        const manager = new TokenManager({
          store: seeded.store,
          oauth: { ...oauthOf(seeded.env), allowInsecureLoopback: true },
        });
        await expect(manager.forceRefresh()).rejects.toMatchObject({ code: ERROR_CODES.reauthRequired });
      }
      seeded = await seedFile(emu, path);
    }
    console.log(
      `SIGKILL rounds: ${outcomes.intact} intact, ${outcomes.recovered} recovered from a temp file, ${outcomes.lost} rotation lost between answer and temp file`,
    );
    expect(outcomes.intact + outcomes.recovered + outcomes.lost).toBe(100);
    expect(existsSync(path)).toBe(true);
  }, 120_000);
});

function oauthOf(env: Record<string, string>) {
  return {
    mallId: env.MALL ?? "",
    clientId: env.CLIENT_ID ?? "",
    clientSecret: env.CLIENT_SECRET ?? "",
    baseUrl: env.BASE_URL ?? "",
  };
}
