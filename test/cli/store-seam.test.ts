import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toTokenSet } from "../../src/cafe24/token-response.js";
import { runCli } from "../../src/cli/run-cli.js";
import { launch, secretOf } from "../helpers/emulator.js";
import { DURABLE_REDIS, type Stores, storeKinds, useStores } from "../helpers/stores.js";
import { tempDir } from "../helpers/token-files.js";

/**
 * Every command takes its token store from one seam (the CLI's `storeFor`), never from a file it opens itself:
 * run in-process over a MemoryTokenStore or a RedisTokenStore, they work and no token file appears. Each
 * command gets a store of its own (the CLI closes it when the command ends), as a process of its own would.
 */
async function project(stores: Stores) {
  const emu = await launch({ clock: { frozen: false, start: Date.now() } });
  const mall = emu.malls[0];
  if (!mall) throw new Error("the emulator has no mall");
  // The test's own handle reads the store itself every time (a Redis handle without cache).
  const store = stores.open({ clientId: mall.clientId, redis: { cacheMaxAgeMs: 0 } });
  await store.compareAndSet(
    mall.mallId,
    undefined,
    toTokenSet(emu.control.issueTokens(mall.mallId), mall.mallId),
  );
  const dir = await tempDir();
  const tokenFile = join(dir, "oauth_token.json");
  const env = {
    CAFE24_MALL_ID: mall.mallId,
    CAFE24_CLIENT_ID: mall.clientId,
    CAFE24_CLIENT_SECRET: secretOf(mall),
    CAFE24_SCOPES: mall.scopes.join(","),
    CAFE24_REDIRECT_URI: mall.redirectUri,
    CAFE24_TOKEN_FILE: tokenFile,
    CAFE24_BASE_URL: emu.baseUrlTemplate,
    NO_COLOR: "1",
  };
  const run = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli([...argv, "--lang", "en"], {
      cwd: dir,
      env,
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      storeFor: () => stores.open({ clientId: mall.clientId }),
    });
    return { code, stdout: out.join("\n"), stderr: err.join("\n") };
  };
  return { emu, mall, store, dir, tokenFile, run };
}

for (const { kind, unavailable } of storeKinds(["memory", "redis"], "the CLI's commands over Redis")) {
  describe.skipIf(unavailable)(`the token store seam: commands over a ${kind} store, in-process`, () => {
    seam(useStores(kind, DURABLE_REDIS));
  });
}

function seam(stores: Stores) {
  it("token status reads the store it is given", async () => {
    const p = await project(stores);
    const status = await p.run(["token", "status", "--json"]);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({
      mallId: p.mall.mallId,
      location: stores.kind === "memory" ? "memory" : p.store.location,
      health: "healthy",
    });
  });

  it("api calls Cafe24 with the store's token, and token refresh writes the rotated token back to it", async () => {
    const p = await project(stores);
    const answer = await p.run(["api", "GET", "/store"]);
    expect(answer.code, answer.stderr).toBe(0);
    expect(JSON.parse(answer.stdout)).toHaveProperty("store");
    const before = (await p.store.get(p.mall.mallId))?.token.refreshToken;
    const refresh = await p.run(["token", "refresh"]);
    expect(refresh.code, refresh.stderr).toBe(0);
    expect((await p.store.get(p.mall.mallId))?.token.refreshToken).not.toBe(before);
  });

  it("the doctor diagnoses the store it is given: healthy, no token file findings (exit 0)", async () => {
    const p = await project(stores);
    const check = await p.run(["check", "--json", "--no-progress"]);
    expect(check.code, check.stdout.slice(0, 3000)).toBe(0);
    const report = JSON.parse(check.stdout);
    expect(report.verdict).toEqual({ status: "healthy", exitCode: 0 });
    const tokenStore = report.checks.find((c: { id: string }) => c.id === "token-store");
    expect(tokenStore.status).toBe("ok");
    expect(check.stdout).not.toMatch(/TOKEN_FILE_|FILE_MODE|TRACKED_BY_GIT/);
  });

  it("watch --once keeps the store's mall alive (exit 0)", async () => {
    const p = await project(stores);
    const once = await p.run(["watch", "--once", "--mall", p.mall.mallId]);
    expect(once.code, once.stderr).toBe(0);
  });

  it("never creates the configured token file", async () => {
    const p = await project(stores);
    await p.run(["token", "status"]);
    await p.run(["api", "GET", "/store"]);
    await p.run(["token", "refresh"]);
    await p.run(["watch", "--once", "--mall", p.mall.mallId]);
    await p.run(["diagnose", "--no-progress"]);
    expect(existsSync(p.tokenFile)).toBe(false);
    expect(await readdir(p.dir)).toEqual([]);
  });
}
