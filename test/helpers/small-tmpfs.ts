import { execFile } from "node:child_process";
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const run = promisify(execFile);

/** Mounts a 64 KiB tmpfs on a new directory (root only): a real ENOSPC, not an injected one. */
export async function mountSmallTmpfs(): Promise<string | undefined> {
  const dir = await mkdtemp(join(tmpdir(), "cafe24-doctor-tmpfs-"));
  try {
    await run("mount", ["-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", dir]);
    return dir;
  } catch {
    await rm(dir, { recursive: true, force: true });
    return undefined;
  }
}

export async function unmount(dir: string): Promise<void> {
  await run("umount", [dir]).catch(() => {});
  await rm(dir, { recursive: true, force: true });
}

/**
 * Whether this machine lets the suite mount a tmpfs. In CI (root) it must: a failing test is registered
 * instead of a skip; elsewhere the caller skips with the printed reason.
 */
export async function tmpfsUnavailable(what: string): Promise<boolean> {
  const probe = await mountSmallTmpfs();
  if (probe) {
    await unmount(probe);
    return false;
  }
  if (process.env.CI === "true") {
    it(`mounts a small tmpfs for ${what}`, () => {
      expect.fail(`CI runs as root and must be able to mount a 64 KiB tmpfs for ${what}`);
    });
  } else {
    console.warn(`Skipping ${what}: mounting a tmpfs needs root.`);
  }
  return true;
}

/** Fills the file system holding `dir` until a write fails with ENOSPC; returns the filler file. */
export async function fillDisk(dir: string): Promise<string> {
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
