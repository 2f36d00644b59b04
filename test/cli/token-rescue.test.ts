import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { toTokenSet } from "../../src/cafe24/token-response.js";
import { tokenId } from "../../src/emulator/state/tokens.js";
import { serializeTokenFile } from "../../src/store/token-file-format.js";
import { CLI } from "../helpers/run-cli.js";
import { signal } from "../helpers/signal.js";
import { fillDisk, mountSmallTmpfs, tmpfsUnavailable, unmount } from "../helpers/small-tmpfs.js";
import { DURABLE_REDIS, type Stores, storeKinds, useStores } from "../helpers/stores.js";
import { tempDir } from "../helpers/token-files.js";
import { expectCleanOutput, type TokenProject, tokenProject } from "../token/token-cli-kit.js";

const liveId = (p: TokenProject) => p.emu.control.stats().currentRefreshTokenId;

/** A token of this mall, issued now (so newer than anything stored before), saved as a rescue file. */
async function rescueFile(p: TokenProject, name = "cafe24-doctor-rescue.json"): Promise<string> {
  const token = toTokenSet(p.emu.control.issueTokens(p.mall.mallId), p.mall.mallId);
  const path = join(p.dir, name);
  await writeFile(path, serializeTokenFile(token, { receivedAt: Date.now(), revision: "rescue" }), {
    mode: 0o600,
  });
  return path;
}

/** Over a token file: the built CLI in child processes. Over Redis: in-process through `storeFor`. */
for (const { kind, unavailable } of storeKinds(["file", "redis"], "token restore over Redis")) {
  describe.skipIf(unavailable)(`over a ${kind} store`, () => {
    tokenRestore(useStores(kind, DURABLE_REDIS));
  });
}

function tokenRestore(stores: Stores) {
  describe("cafe24-doctor token restore", () => {
    it("puts a newer rescued token back, proves it with one call and removes the rescue file", async () => {
      const p = await tokenProject({}, stores);
      await p.writeToken();
      const rescue = await rescueFile(p);
      const result = await p.cli(["token", "restore", rescue]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`Restored mall ${p.mall.mallId}'s token from ${rescue}`);
      expect(result.stdout).toContain("accepted");
      expect(existsSync(rescue)).toBe(false);
      expect(tokenId((await p.readToken())?.refreshToken ?? "")).toBe(liveId(p));
      expectCleanOutput(result, p.secrets());
    });

    it("changes nothing (exit 1) when the stored token is newer, unless --force", async () => {
      const p = await tokenProject({}, stores);
      const rescue = await rescueFile(p);
      const stored = await p.writeToken();
      const result = await p.cli(["token", "restore", rescue, "--lang", "ko"]);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain("아무것도 바꾸지 않았습니다");
      expect((await p.readToken())?.refreshToken).toBe(stored.refreshToken);
      expect(existsSync(rescue)).toBe(true);
    });

    it("refuses a rescue file that is not a token file, saying why (exit 2, like any unusable token file)", async () => {
      const p = await tokenProject({}, stores);
      const bogus = join(p.dir, "bogus.json");
      await writeFile(bogus, "not json");
      const result = await p.cli(["token", "restore", bogus]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("not valid JSON");
      expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    });
  });
}

// File only: a full disk is the file store's failure (Redis refusing a write is test/redis's), and Ctrl-C needs a
// child process to signal.
const noTmpfs = await tmpfsUnavailable("the CLI's full-disk refresh test");

describe.skipIf(noTmpfs)("cafe24-doctor token refresh on a full disk", () => {
  it("exits 3 naming the rescue copy and the restore command, which brings the live token back", async () => {
    const p = await tokenProject();
    const disk = (await mountSmallTmpfs()) as string;
    onTestFinished(() => unmount(disk));
    const tokenFile = join(disk, "oauth_token.json");
    const stateHome = await tempDir();
    const env = { CAFE24_TOKEN_FILE: tokenFile, XDG_STATE_HOME: stateHome };
    const token = toTokenSet(p.emu.control.issueTokens(p.mall.mallId), p.mall.mallId);
    await writeFile(tokenFile, serializeTokenFile(token, { receivedAt: Date.now(), revision: "r1" }), {
      mode: 0o600,
    });
    const filler = await fillDisk(disk);

    const refresh = await p.cli(["token", "refresh"], { env });
    expect(refresh.code).toBe(3);
    expect(refresh.stderr).toContain("could not be saved to the token store");
    const command = /cafe24-doctor token restore (\S+)/.exec(refresh.stderr);
    expect(command, refresh.stderr).not.toBeNull();
    const rescue = command?.[1] as string;
    expect(rescue.startsWith(stateHome)).toBe(true);
    expectCleanOutput(refresh, [...p.secrets(), token.refreshToken]);

    await rm(filler);
    const restore = await p.cli(["token", "restore", rescue], { env });
    expect(restore.code, restore.stderr).toBe(0);
    const restored = await p.cli(["token", "status", "--json"], { env });
    expect(JSON.parse(restored.stdout).health).toBe("healthy");
    expect(p.emu.control.stats().invalidGrant).toBe(0);
  });
});

describe("cafe24-doctor token refresh, interrupted", () => {
  it("on Ctrl-C after Cafe24 rotated, waits for the write, says so, and exits 130 with the live token stored", async () => {
    const p = await tokenProject();
    await p.writeToken();
    // Between the CLI and the emulator: holds the token endpoint's answer until the test lets it through.
    const { done: rotated, fire: answered } = signal();
    const { done: gate, fire: release } = signal();
    const proxy = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          ([name]) => !["host", "connection", "content-length"].includes(name),
        ),
      ) as Record<string, string>;
      const answer = await fetch(`${p.emu.url}${req.url}`, {
        method: req.method ?? "GET",
        headers,
        ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
      });
      const body = Buffer.from(await answer.arrayBuffer());
      if (req.url?.includes("/oauth/token")) {
        answered();
        await gate;
      }
      res.writeHead(answer.status, {
        "content-type": answer.headers.get("content-type") ?? "application/json",
      });
      res.end(body);
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    onTestFinished(() => new Promise<void>((resolve) => proxy.close(() => resolve())));
    const port = (proxy.address() as AddressInfo).port;

    const child = spawn(process.execPath, [CLI, "token", "refresh"], {
      cwd: p.dir,
      env: { ...process.env, ...p.env, CAFE24_BASE_URL: `http://127.0.0.1:${port}/malls/{mall_id}` },
    });
    onTestFinished(() => {
      if (child.exitCode === null) child.kill("SIGKILL");
    });
    let stderr = "";
    const { done: waiting, fire: saidWaiting } = signal();
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes("Waiting for the refreshed token to be saved")) saidWaiting();
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

    await rotated;
    child.kill("SIGINT");
    await waiting;
    release();
    expect(await exited).toBe(130);
    expect(stderr).toContain("The token is saved; stopping as asked.");
    expect(tokenId((await p.readToken())?.refreshToken ?? "")).toBe(liveId(p));
    expect(p.emu.control.stats().invalidGrant).toBe(0);
  });
});
