// Hand-written rather than write-file-atomic: its temp names (`<file>.<murmurhash of pid and a counter>`) are
// predictable and it opens them without O_EXCL|O_NOFOLLOW, so a symlink planted at the next temp name receives
// the refresh token. Here the temp file is created exclusively under a random name and never through a link.
import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { lstat, open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { symlinkRefused, tokenStoreIo } from "./token-file-format.js";

/** Suffix of our temp files: `<file>.tmp-<24 hex>`. Orphans of a killed writer are recognised by it. */
export const TEMP_MARK = ".tmp-";

/** The temp file name for `path`, unguessable so nobody can plant a link at it in advance. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `${basename(path)}${TEMP_MARK}${randomBytes(12).toString("hex")}`);
}

const CREATE_EXCLUSIVE =
  constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/**
 * Replaces `path` so that a crash at any moment leaves either the whole old or the whole new file: a temp file
 * in the same directory (created exclusively, mode 0600 checked after creation), fsync, rename over the target,
 * then fsync the directory so the rename itself survives a power cut. A symlink at `path` is refused: rename
 * would replace the link, and a link there was put by someone else (callers resolve opted-in links first).
 */
export async function writeFileDurably(
  path: string,
  data: string,
  options: { tempPath?: (path: string) => string } = {},
): Promise<void> {
  await refuseSymlink(path);
  const temp = (options.tempPath ?? tempPathFor)(path);
  let created = false;
  try {
    const handle = await open(temp, CREATE_EXCLUSIVE, 0o600);
    created = true;
    try {
      // The umask can only remove bits; a mode with group or other bits means the file system ignores modes.
      await handle.chmod(0o600);
      const { mode } = await handle.stat();
      if ((mode & 0o077) !== 0) throw Object.assign(new Error("mode not 0600"), { code: "EPERM" });
      await handle.writeFile(data, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    created = false;
    await fsyncDirectory(dirname(path));
  } catch (error) {
    if (created) await unlink(temp).catch(() => {});
    throw tokenStoreIo(path, "write", error);
  }
}

/** Throws TOKEN_STORE_UNSAFE when `path` is a symbolic link. */
export async function refuseSymlink(path: string): Promise<void> {
  const stats = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw tokenStoreIo(path, "inspect", error);
  });
  if (stats?.isSymbolicLink()) throw symlinkRefused(path);
}

export async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } catch (error) {
    // Some platforms (Windows, a few network file systems) cannot fsync a directory; the rename still stands.
    if (!["EISDIR", "EINVAL", "EPERM", "EBADF"].includes((error as NodeJS.ErrnoException).code ?? ""))
      throw error;
  } finally {
    await handle.close();
  }
}
