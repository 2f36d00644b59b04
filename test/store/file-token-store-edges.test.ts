import {
  lstat,
  mkdir,
  readdir,
  readFile,
  readlink,
  stat,
  symlink,
  utimes,
  writeFile,
} from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toTokenSet } from "../../src/cafe24/token-response.js";
import { tokenId } from "../../src/emulator/state/tokens.js";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import { tempPathFor, writeFileDurably } from "../../src/store/durable-write.js";
import { lockPathOf } from "../../src/store/file-lock.js";
import { FileTokenStore } from "../../src/store/file-token-store.js";
import { serializeTokenFile } from "../../src/store/token-file-format.js";
import { TokenManager } from "../../src/tokens/token-manager.js";
import type { Sleep } from "../../src/util/runtime.js";
import { HOUR, launch, oauthOf } from "../helpers/emulator.js";
import { sampleToken, tempDir } from "../helpers/token-files.js";

const newer = (n: number) => ({
  ...sampleToken(n),
  issuedAt: (sampleToken(n).issuedAt as number) + n * 1000,
});
const fileOf = (n: number) => serializeTokenFile(newer(n), { receivedAt: 0, revision: `r${n}` });
const orphanName = (hex: string) => `oauth_token.json.tmp-${hex.padEnd(24, "0")}`;

async function storeWith(token: number) {
  const dir = await tempDir();
  const path = join(dir, "oauth_token.json");
  const store = new FileTokenStore({ path });
  await store.compareAndSet("myshop", undefined, newer(token));
  return { dir, path, store };
}

describe("FileTokenStore — recovering what a killed writer left", () => {
  it("adopts a complete, newer token from a leftover temp file instead of deleting it", async () => {
    const { dir, path, store } = await storeWith(1);
    await writeFile(join(dir, orphanName("ab")), fileOf(2), { mode: 0o600 });
    const recovered = await store.recover("myshop");
    expect(recovered?.from).toBe(join(dir, orphanName("ab")));
    expect(recovered?.stored.token).toEqual(newer(2));
    expect((await store.get("myshop"))?.token).toEqual(newer(2));
    expect(await readdir(dir)).toEqual(["oauth_token.json"]);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it("adopts from write-file-atomic's temp names too (files left by versions before this one)", async () => {
    const { dir, store } = await storeWith(1);
    await writeFile(join(dir, "oauth_token.json.3917465512"), fileOf(2), { mode: 0o600 });
    expect((await store.recover("myshop"))?.stored.token).toEqual(newer(2));
  });

  it("removes temp files that are truncated, older, or another mall's, and keeps the file", async () => {
    const { dir, store } = await storeWith(5);
    await writeFile(join(dir, orphanName("01")), fileOf(6).slice(0, 40), { mode: 0o600 });
    await writeFile(join(dir, orphanName("02")), fileOf(4), { mode: 0o600 });
    const otherMall = serializeTokenFile(
      { ...newer(9), mallId: "othershop" },
      { receivedAt: 0, revision: "x" },
    );
    await writeFile(join(dir, orphanName("03")), otherMall, { mode: 0o600 });
    expect(await store.recover("myshop")).toBeUndefined();
    expect((await store.get("myshop"))?.token).toEqual(newer(5));
    expect(await readdir(dir)).toEqual(["oauth_token.json"]);
  });

  it("picks the newest of several complete temp files", async () => {
    const { dir, store } = await storeWith(1);
    await writeFile(join(dir, orphanName("0a")), fileOf(3), { mode: 0o600 });
    await writeFile(join(dir, orphanName("0b")), fileOf(7), { mode: 0o600 });
    await writeFile(join(dir, orphanName("0c")), fileOf(2), { mode: 0o600 });
    expect((await store.recover("myshop"))?.stored.token).toEqual(newer(7));
    expect(await readdir(dir)).toEqual(["oauth_token.json"]);
  });

  it("lets TokenManager continue from the live token a killed refresher left in a temp file, and says so", async () => {
    const emu = await launch();
    const mall = emu.malls[0];
    if (!mall?.clientSecret) throw new Error("demo mall expected");
    const dir = await tempDir();
    const path = join(dir, "oauth_token.json");
    const store = new FileTokenStore({ path, now: () => emu.control.now() });
    const dead = toTokenSet(emu.control.issueTokens(mall.mallId), mall.mallId);
    await store.compareAndSet(mall.mallId, undefined, dead);
    emu.control.advanceClock(3 * HOUR);
    // The killed process had refreshed (Cafe24 rotated) and written its temp file, but not renamed it.
    const live = toTokenSet(emu.control.issueTokens(mall.mallId), mall.mallId);
    await writeFile(join(dir, orphanName("ff")), serializeTokenFile(live, { receivedAt: 0, revision: "t" }), {
      mode: 0o600,
    });
    const manager = new TokenManager({
      store,
      now: () => emu.control.now(),
      oauth: oauthOf(emu, mall),
    });
    const recovered: string[] = [];
    manager.on("recovered", (event) => recovered.push(event.from));
    expect(await manager.getAccessToken()).toBe(live.accessToken);
    expect(recovered).toEqual([join(dir, orphanName("ff"))]);
    expect(emu.control.stats().invalidGrant).toBe(0);
    await manager.forceRefresh();
    expect(emu.control.stats().invalidGrant).toBe(0);
    const stored = await store.get(mall.mallId);
    expect(tokenId(stored?.token.refreshToken ?? "")).toBe(emu.control.stats().currentRefreshTokenId);
  });
});

describe("FileTokenStore — writes that cannot be redirected", () => {
  it("refuses to write through a symbolic link at the token path, leaving the link and its target alone", async () => {
    const dir = await tempDir();
    const target = join(dir, "attacker.json");
    await writeFile(target, "{}");
    const path = join(dir, "oauth_token.json");
    await symlink(target, path);
    const store = new FileTokenStore({ path });
    const error = await store.compareAndSet("myshop", undefined, sampleToken(1)).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: ERROR_CODES.tokenStoreUnsafe,
      message: expect.stringContaining(path),
    });
    expect(await readFile(target, "utf8")).toBe("{}");
    expect((await lstat(path)).isSymbolicLink()).toBe(true);
  });

  it("refuses to read a token through a symbolic link unless told to follow it", async () => {
    const dir = await tempDir();
    const real = join(dir, "real.json");
    await writeFile(real, fileOf(1), { mode: 0o600 });
    const path = join(dir, "oauth_token.json");
    await symlink(real, path);
    await expect(new FileTokenStore({ path }).get("myshop")).rejects.toMatchObject({
      code: ERROR_CODES.tokenStoreUnsafe,
    });
    const following = new FileTokenStore({ path, followSymlinks: true });
    const current = await following.get("myshop");
    expect(current?.token).toEqual(newer(1));
    expect((await following.compareAndSet("myshop", current?.revision, newer(2))).ok).toBe(true);
    // The opted-in link still points at the file, which now holds the new token.
    expect(await readlink(path)).toBe(real);
    expect((await following.get("myshop"))?.token).toEqual(newer(2));
  });

  it("never writes through a symbolic link planted at the temp file's name", async () => {
    const dir = await tempDir();
    const target = join(dir, "attacker.json");
    await writeFile(target, "{}");
    const path = join(dir, "oauth_token.json");
    const planted = join(dir, "oauth_token.json.tmp-planted");
    await symlink(target, planted);
    const error = await writeFileDurably(path, fileOf(1), { tempPath: () => planted }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: ERROR_CODES.tokenStoreIo,
      message: expect.stringContaining("EEXIST"),
    });
    expect(await readFile(target, "utf8")).toBe("{}");
    expect((await lstat(planted)).isSymbolicLink()).toBe(true);
    await expect(stat(path)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("names temp files unguessably", () => {
    const names = new Set(Array.from({ length: 100 }, () => tempPathFor("/x/oauth_token.json")));
    expect(names.size).toBe(100);
    for (const name of names) expect(name).toMatch(/^\/x\/oauth_token\.json\.tmp-[0-9a-f]{24}$/);
  });
});

describe("FileTokenStore — a lock whose mtime lies in the future", () => {
  it("takes the lock over once its mtime has not changed for the stale time", async () => {
    const dir = await tempDir();
    const path = join(dir, "oauth_token.json");
    await mkdir(lockPathOf(path));
    const future = new Date(Date.now() + 3_600_000);
    await utimes(lockPathOf(path), future, future);
    let now = Date.now();
    const sleep: Sleep = async (ms) => {
      now += ms;
    };
    const store = new FileTokenStore({ path, lockStaleMs: 5_000, lockRetries: 1_000, now: () => now, sleep });
    const started = now;
    expect(await store.withLock("myshop", async () => "held")).toBe("held");
    expect(now - started).toBeGreaterThanOrEqual(5_000);
  });

  it("says when a held lock would be taken over when it times out", async () => {
    const dir = await tempDir();
    const path = join(dir, "oauth_token.json");
    await mkdir(lockPathOf(path));
    const future = new Date(Date.now() + 3_600_000);
    await utimes(lockPathOf(path), future, future);
    const store = new FileTokenStore({ path, lockStaleMs: 5_000, lockRetries: 3, sleep: async () => {} });
    await expect(store.withLock("myshop", async () => "held")).rejects.toMatchObject({
      code: ERROR_CODES.tokenLockTimeout,
      message: expect.stringContaining("5 s after its last refresh"),
    });
  });
});
