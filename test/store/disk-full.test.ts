import { execFile } from "node:child_process";
import { mkdtemp, open, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it, onTestFinished } from "vitest";
import { toTokenSet } from "../../src/auth/cafe24-token-response.js";
import { TokenManager } from "../../src/auth/token-manager.js";
import { tokenId } from "../../src/emulator/state/tokens.js";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import { FileTokenStore } from "../../src/store/file-token-store.js";
import { readTokenFile } from "../../src/store/token-file-format.js";
import type { Sleep } from "../../src/util/runtime.js";
import { HOUR, launch } from "../helpers/emulator.js";
import { tempDir } from "../helpers/token-files.js";

const run = promisify(execFile);

/** Mounts a 64 KiB tmpfs on a new directory (root only): a real ENOSPC, not an injected one. */
async function mountSmallTmpfs(): Promise<string | undefined> {
  const dir = await mkdtemp(join(tmpdir(), "cafe24-doctor-tmpfs-"));
  try {
    await run("mount", ["-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", dir]);
    return dir;
  } catch {
    await rm(dir, { recursive: true, force: true });
    return undefined;
  }
}

async function unmount(dir: string): Promise<void> {
  await run("umount", [dir]).catch(() => {});
  await rm(dir, { recursive: true, force: true });
}

const probe = await mountSmallTmpfs();
const unavailable = probe === undefined;
if (probe) await unmount(probe);
if (unavailable && process.env.CI === "true") {
  it("mounts a small tmpfs for the disk-full test", () => {
    expect.fail("CI runs as root and must be able to mount a 64 KiB tmpfs for the real ENOSPC test");
  });
} else if (unavailable) {
  console.warn(
    "Skipping the real disk-full test: mounting a tmpfs needs root (the injected one still runs).",
  );
}

/** Fills the file system holding `dir` until a write fails with ENOSPC. */
async function fill(dir: string): Promise<string> {
  const filler = join(dir, "filler");
  const handle = await open(filler, "w");
  try {
    for (let i = 0; i < 1024; i++) await handle.write(Buffer.alloc(1024, 1));
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe("ENOSPC");
  } finally {
    await handle.close().catch(() => {});
  }
  return filler;
}

const previousStateHome = process.env.XDG_STATE_HOME;
afterEach(() => {
  if (previousStateHome === undefined) delete process.env.XDG_STATE_HOME;
  else process.env.XDG_STATE_HOME = previousStateHome;
});

describe.skipIf(unavailable)("FileTokenStore on a full disk", () => {
  it("keeps serving the rotated token, rescues it elsewhere and saves it once space is back", async () => {
    const dir = (await mountSmallTmpfs()) as string;
    onTestFinished(() => unmount(dir));
    process.env.XDG_STATE_HOME = await tempDir();
    const emu = await launch();
    const mall = emu.malls[0];
    if (!mall?.clientSecret) throw new Error("demo mall expected");
    const path = join(dir, "oauth_token.json");
    const store = new FileTokenStore({ path, now: () => emu.control.now() });
    await store.compareAndSet(
      mall.mallId,
      undefined,
      toTokenSet(emu.control.issueTokens(mall.mallId), mall.mallId),
    );
    const filler = await fill(dir);

    const waiting: (() => void)[] = [];
    const sleep: Sleep = () => new Promise<void>((resolve) => waiting.push(resolve));
    const manager = new TokenManager({
      store,
      now: () => emu.control.now(),
      sleep,
      oauth: {
        mallId: mall.mallId,
        clientId: mall.clientId,
        clientSecret: mall.clientSecret,
        baseUrl: emu.baseUrlTemplate,
        allowInsecureLoopback: true,
      },
    });
    const failures: { code: string; message: string; rescuedTo?: string | undefined }[] = [];
    manager.on("refresh-failed", (event) => failures.push(event));
    emu.control.advanceClock(3 * HOUR);

    const token = await manager.getAccessToken();
    const answer = await fetch(`${emu.url}/api/v2/admin/store`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(answer.status).toBe(200);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      code: ERROR_CODES.tokenStoreIo,
      message: expect.stringContaining("ENOSPC"),
    });
    const rescue = failures[0]?.rescuedTo as string;
    expect(rescue.startsWith(process.env.XDG_STATE_HOME as string)).toBe(true);
    const live = emu.control.stats().currentRefreshTokenId;
    expect(tokenId((await readTokenFile(rescue, mall.mallId))?.token.refreshToken ?? "")).toBe(live);
    // Nothing half-written was left on the full disk.
    expect((await readdir(dir)).sort()).toEqual(["filler", "oauth_token.json"]);

    await rm(filler);
    const saved = new Promise((resolve) => manager.once("saved", resolve));
    expect(waiting).toHaveLength(1);
    waiting.shift()?.();
    await saved;
    expect(tokenId((await store.get(mall.mallId))?.token.refreshToken ?? "")).toBe(live);
    expect(emu.control.stats().invalidGrant).toBe(0);
  });
});
