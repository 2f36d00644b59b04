import { open, readdir, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import writeFileAtomic from "write-file-atomic";
import { tokenStoreIo } from "./token-file-format.js";

/**
 * Replaces `path` so that a crash at any moment leaves either the whole old or the whole new file: a temp
 * file in the same directory, fsync, rename over the target (write-file-atomic), then fsync the directory so
 * the rename itself survives a power cut. Mode 0600, since the file holds a refresh token.
 */
export async function writeFileDurably(path: string, data: string): Promise<void> {
  try {
    // chown: false keeps the writing user as owner; write-file-atomic would copy the old file's owner, and its
    // type definitions do not list false.
    const options = { mode: 0o600, fsync: true, chown: false } as unknown as writeFileAtomic.Options;
    await writeFileAtomic(path, data, options);
    await fsyncDirectory(dirname(path));
  } catch (error) {
    throw tokenStoreIo(path, "write", error);
  }
  await removeOrphanedTempFiles(path);
}

async function fsyncDirectory(dir: string): Promise<void> {
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

/**
 * A writer killed mid-write leaves `<file>.<digits>` behind (write-file-atomic's temp name), holding a refresh
 * token. Callers hold the file's lock, so no live writer owns such a file: remove them.
 */
async function removeOrphanedTempFiles(path: string): Promise<void> {
  const prefix = `${basename(path)}.`;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)))
      .map((name) => unlink(join(dirname(path), name)).catch(() => {})),
  );
}
