import { mkdtemp } from "node:fs/promises";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { toTokenSet } from "../../src/cafe24/token-response.js";
import { tokenId } from "../../src/emulator/state/tokens.js";
import { FileTokenStore } from "../../src/store/file-token-store.js";
import { doctorEnv } from "../doctor/scenarios/scenario-kit.js";
import { launch } from "../helpers/emulator.js";
import { requestWithHost } from "../helpers/request-with-host.js";
import { CLI, runNode, startCli } from "../helpers/run-cli.js";
import { DURABLE_REDIS, type Stores, storeKinds, useStores } from "../helpers/stores.js";
import { runInProcess } from "../token/token-cli-kit.js";

/**
 * A project whose stored access token is `dueInMs` from expiry (2-hour tokens; watch refreshes under 10 min).
 * Over a token file `watch` is the built CLI in a child process; over another store it runs in-process, its
 * store handed over through `storeFor`.
 */
async function project(dueInMs: number, stores?: Stores) {
  const emu = await launch({ clock: { frozen: false, start: Date.now() } });
  const mall = emu.malls[0];
  if (!mall?.clientSecret) throw new Error("demo mall expected");
  const dir = await mkdtemp(join(tmpdir(), "c24-watch-"));
  const tokenFile = join(dir, "oauth_token.json");
  const inProcess = stores && stores.kind !== "file" ? stores : undefined;
  // The test's own handle reads the store itself every time (a Redis handle without cache).
  const store =
    inProcess?.open({ clientId: mall.clientId, redis: { cacheMaxAgeMs: 0 } }) ??
    new FileTokenStore({ path: tokenFile });
  const token = toTokenSet(emu.control.issueTokens(mall.mallId), mall.mallId);
  const now = Date.now();
  const aged = { ...token, issuedAt: now + dueInMs - 2 * 3_600_000, accessTokenExpiresAt: now + dueInMs };
  await store.compareAndSet(mall.mallId, undefined, aged);
  const env = { ...doctorEnv(emu, { ...mall, clientSecret: mall.clientSecret }, tokenFile), NO_COLOR: "1" };
  const watchOnce = (args: string[]) =>
    inProcess
      ? runInProcess(args, { env, cwd: dir, storeFor: () => inProcess.open({ clientId: mall.clientId }) })
      : runNode(CLI, args, { env, cwd: dir });
  return { emu, mall, dir, store, env, watchOnce };
}

for (const { kind, unavailable } of storeKinds(["file", "redis"], "watch --once over Redis")) {
  describe.skipIf(unavailable)(`cafe24-doctor watch --once over a ${kind} store`, () => {
    watchOnce(useStores(kind, DURABLE_REDIS));
  });
}

function watchOnce(stores: Stores) {
  it("--once refreshes a mall whose access token is due and exits 0", async () => {
    const p = await project(5 * 60_000, stores);
    const result = await p.watchOnce(["watch", "--once", "--lang", "en"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("Refreshed 1");
    const stats = p.emu.control.stats();
    expect(stats.grants.refresh_token).toBe(1);
    expect(tokenId((await p.store.get(p.mall.mallId))?.token.refreshToken ?? "")).toBe(
      stats.currentRefreshTokenId,
    );
  });

  // Registered for Redis only: a token file holds one mall (a skipped test would read as a skip in CI's count).
  if (stores.kind === "redis")
    it("--once over Redis keeps every mall of the app in the store, not only CAFE24_MALL_ID's", async () => {
      const app = { clientId: "AgencyAppId0001", clientSecret: "AgencyAppSecret000000001" };
      const emu = await launch({
        clock: { frozen: false, start: Date.now() },
        malls: [
          { mallId: "firstmall", app },
          { mallId: "secondmall", app },
        ],
      });
      const dir = await mkdtemp(join(tmpdir(), "c24-watch-"));
      const store = stores.open({ clientId: app.clientId, redis: { cacheMaxAgeMs: 0 } });
      const now = Date.now();
      for (const mall of emu.malls) {
        const token = toTokenSet(emu.control.issueTokens(mall.mallId), mall.mallId);
        const due = { ...token, issuedAt: now - 2 * 3_600_000 + 60_000, accessTokenExpiresAt: now + 60_000 };
        await store.compareAndSet(mall.mallId, undefined, due);
      }
      const [first] = emu.malls;
      if (!first) throw new Error("no mall");
      const env = { ...doctorEnv(emu, { ...first, ...app }, join(dir, "oauth_token.json")), NO_COLOR: "1" };
      const result = await runInProcess(["watch", "--once", "--lang", "en"], {
        env,
        cwd: dir,
        storeFor: () => stores.open({ clientId: app.clientId }),
      });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain("Refreshed 2");
      for (const mall of emu.malls) {
        const stats = emu.control.stats(mall.mallId);
        expect(stats.grants.refresh_token).toBe(1);
        expect(tokenId((await store.get(mall.mallId))?.token.refreshToken ?? "")).toBe(
          stats.currentRefreshTokenId,
        );
      }
    });

  it("--once prints one line per mall (state, both expiries in KST, what it did) after one verifying call", async () => {
    const p = await project(2 * 3_600_000, stores);
    const result = await p.watchOnce(["watch", "--once", "--lang", "en"]);
    expect(result.code, result.stderr).toBe(0);
    const line = result.stdout.split("\n").find((l) => l.startsWith(`${p.mall.mallId}: `));
    expect(line, result.stdout).toMatch(
      /: OK · access token until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00 · refresh token until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00 · verified with one API call at \d{4}-.*\+09:00$/,
    );
    expect(adminReads(p.emu, p.mall.mallId)).toBe(1);
    expect(p.emu.control.stats(p.mall.mallId).grants.refresh_token).toBe(0);

    const ko = await p.watchOnce(["watch", "--once", "--lang", "ko"]);
    expect(ko.code, ko.stderr).toBe(0);
    expect(ko.stdout).toMatch(
      new RegExp(
        `${p.mall.mallId}: 정상 · access token 만료 \\S+\\+09:00 · refresh token 만료 \\S+\\+09:00 · \\S+\\+09:00에 API 호출 1회로 확인함`,
      ),
    );
  });

  it("--once --json prints one object with an entry per mall and no secret", async () => {
    const p = await project(2 * 3_600_000, stores);
    p.emu.control.revokeAll(p.mall.mallId);
    const result = await p.watchOnce(["watch", "--once", "--json", "--lang", "en"]);
    expect(result.code, result.stderr).toBe(2);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      schemaVersion: 1,
      ok: false,
      exitCode: 2,
      at: expect.stringMatching(/\+09:00$/),
      summary: { reauthRequired: [p.mall.mallId], refreshed: [], verified: [] },
      malls: [
        {
          mallId: p.mall.mallId,
          state: "reauth-required",
          needsPerson: true,
          action: "reauth-required",
          accessTokenExpiresAt: expect.stringMatching(/\+09:00$/),
          refreshTokenExpiresAt: expect.stringMatching(/\+09:00$/),
          lastError: { code: "CAFE24_REAUTH_REQUIRED" },
          command: `cafe24-doctor token login --mall ${p.mall.mallId}`,
        },
      ],
    });
    expect(Object.keys((report.malls as object[])[0] ?? {}).sort()).toEqual(
      [
        "accessTokenExpiresAt",
        "action",
        "command",
        "lastError",
        "lastRefreshAt",
        "lastVerifiedAt",
        "mallId",
        "needsPerson",
        "refreshTokenExpiresAt",
        "state",
      ].sort(),
    );
    // The human lines went to stderr; nothing on stdout but the object, and no token or secret anywhere.
    expect(result.stderr).toContain(`${p.mall.mallId}: NEEDS RE-AUTHORIZATION`);
    const stored = await p.store.get(p.mall.mallId);
    for (const secret of [stored?.token.accessToken, stored?.token.refreshToken, p.env.CAFE24_CLIENT_SECRET])
      expect(result.stdout + result.stderr).not.toContain(secret ?? "-never-");
  });

  it("--once exits 2 with no token at all, naming the command (as /healthz answers 503)", async () => {
    const p = await project(2 * 3_600_000, stores);
    await p.store.delete(p.mall.mallId);
    const result = await p.watchOnce(["watch", "--once", "--mall", p.mall.mallId, "--lang", "en"]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toContain(
      `${p.mall.mallId}: NO TOKEN · access token until unknown · refresh token until unknown · no token stored: run cafe24-doctor token login --mall ${p.mall.mallId}`,
    );
  });

  it("--once exits 2 right after `token refresh` failed with invalid_grant", async () => {
    const p = await project(2 * 3_600_000, stores);
    p.emu.control.revokeAll(p.mall.mallId);
    const refresh = await p.watchOnce(["token", "refresh", "--lang", "en"]);
    expect(refresh.code, refresh.stderr).not.toBe(0);
    const result = await p.watchOnce(["watch", "--once", "--lang", "en"]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toContain(`${p.mall.mallId}: NEEDS RE-AUTHORIZATION`);
    expect(result.stdout).toContain(`run cafe24-doctor token login --mall ${p.mall.mallId}`);
  });

  it("--once exits 2 and names the mall when it needs re-authorization", async () => {
    const p = await project(5 * 60_000, stores);
    p.emu.control.revokeAll(p.mall.mallId);
    const result = await p.watchOnce(["watch", "--once", "--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`re-authorization needed: ${p.mall.mallId}`);
  });
}

/** Admin API reads (watch's verification call) the emulator answered for a mall. */
function adminReads(emu: Awaited<ReturnType<typeof launch>>, mallId: string): number {
  return Object.entries(emu.control.stats(mallId).routes)
    .filter(([route]) => route.startsWith("GET /api/v2/admin/"))
    .reduce((sum, [, n]) => sum + n, 0);
}

// A long-running watch and its status server: a process's (ports, SIGTERM), over the token file.

describe("cafe24-doctor watch", () => {
  it("serves /healthz and /status while running and stops cleanly on SIGTERM", async () => {
    const p = await project(2 * 3_600_000);
    const run = startCli(["watch", "--status-port", "0", "--lang", "en"], { ...p.env });
    try {
      const started = await run.firstLine;
      const url = /Status page: (http:\/\/127\.0\.0\.1:\d+)/.exec(started)?.[1];
      expect(url, started).toBeDefined();
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      const status = (await (await fetch(`${url}/status`)).json()) as {
        malls: { mallId: string; state: string }[];
      };
      expect(status.malls.map((m) => [m.mallId, m.state])).toEqual([[p.mall.mallId, "ok"]]);
    } finally {
      run.child.kill("SIGTERM");
    }
    expect(await run.exited).toBe(0);
  });

  it("exits 3 without starting when the status port is in use, naming the address and the fix", async () => {
    const p = await project(5 * 60_000);
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    onTestFinished(() => new Promise<void>((resolve) => busy.close(() => resolve())));
    const { port } = busy.address() as AddressInfo;
    const result = await runNode(CLI, ["watch", "--status-port", String(port), "--lang", "en"], {
      env: p.env,
      cwd: p.dir,
    });
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toContain(`127.0.0.1:${port} is already in use`);
    expect(result.stderr).toMatch(/--status-port.*--no-status.*CAFE24_DOCTOR_STATUS_TOKEN/);
    expect(result.stdout).not.toContain("Watching");
    expect(p.emu.control.stats().grants.refresh_token).toBe(0);
  });

  it("exits 3 without starting when --status-host is not loopback and no status token is set", async () => {
    const p = await project(5 * 60_000);
    const result = await runNode(
      CLI,
      ["watch", "--status-host", "0.0.0.0", "--status-port", "0", "--lang", "ko"],
      {
        env: { ...p.env, CAFE24_DOCTOR_STATUS_TOKEN: "" },
        cwd: p.dir,
      },
    );
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toContain("상태 서버를 시작할 수 없어");
    expect(result.stderr).toContain("0.0.0.0:0");
    expect(result.stderr).toContain("CAFE24_DOCTOR_STATUS_TOKEN");
    expect(result.stdout).toBe("");
    expect(p.emu.control.stats().grants.refresh_token).toBe(0);
  });

  it("answers status requests under a --status-allow-host name and refuses any other Host with 421", async () => {
    const p = await project(2 * 3_600_000);
    const run = startCli(
      ["watch", "--status-port", "0", "--status-allow-host", "watch.internal", "--lang", "en"],
      { ...p.env },
    );
    try {
      const started = await run.firstLine;
      const url = /Status page: (http:\/\/127\.0\.0\.1:\d+)/.exec(started)?.[1];
      expect(url, started).toBeDefined();
      expect((await requestWithHost(`${url}/status`, "watch.internal")).status).toBe(200);
      const refused = await requestWithHost(`${url}/status`, "evil.example");
      expect(refused.status).toBe(421);
      expect(refused.body).toContain("--status-allow-host evil.example");
    } finally {
      run.child.kill("SIGTERM");
    }
    expect(await run.exited).toBe(0);
  });
});
