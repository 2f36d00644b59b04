import { constants } from "node:fs";
import { lstat, open, readdir, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fsyncDirectory, TEMP_MARK } from "./durable-write.js";
import { isNewerToken } from "./newer-token.js";
import { MAX_TOKEN_FILE_BYTES, parseTokenFile, type TokenFileContents } from "./token-file-format.js";

export interface AdoptedTemp {
  /** The temp file the token came from (now renamed into place). */
  from: string;
  contents: TokenFileContents;
}

/**
 * Temp files a writer left when it was killed between writing and renaming: ours (`<file>.tmp-<hex>`) and
 * write-file-atomic's (`<file>.<digits>`, from versions before 0.2). Such a file can hold the only live refresh
 * token — Cafe24 had already rotated the one in the token file — so a complete, valid one that is newer than
 * the file is renamed into place instead of deleted. The rest are removed. Callers hold the file's lock, so no
 * live writer owns any of them.
 */
export async function recoverOrphanedTempFiles(
  path: string,
  mallId: string,
  current: TokenFileContents | undefined,
): Promise<AdoptedTemp | undefined> {
  const dir = dirname(path);
  const prefix = `${basename(path)}.`;
  const names = await readdir(dir).catch(() => [] as string[]);
  const orphans = names
    .filter((name) => name.startsWith(prefix) && isTempSuffix(name.slice(prefix.length)))
    .map((name) => join(dir, name));
  if (orphans.length === 0) return undefined;

  let best: AdoptedTemp | undefined;
  for (const orphan of orphans) {
    const contents = await readOrphan(orphan, mallId);
    if (contents && isNewerToken(contents.token, (best?.contents ?? current)?.token)) {
      if (best) await unlink(best.from).catch(() => {});
      best = { from: orphan, contents };
    } else {
      await unlink(orphan).catch(() => {});
    }
  }
  if (!best) return undefined;
  await rename(best.from, path);
  await fsyncDirectory(dir);
  return best;
}

function isTempSuffix(suffix: string): boolean {
  return (
    (suffix.startsWith(TEMP_MARK.slice(1)) && /^[0-9a-f]{24}$/.test(suffix.slice(TEMP_MARK.length - 1))) ||
    /^\d+$/.test(suffix)
  );
}

/** The orphan's token when it is a whole, valid token file of this mall that we own; undefined otherwise. */
async function readOrphan(orphan: string, mallId: string): Promise<TokenFileContents | undefined> {
  try {
    const stats = await lstat(orphan);
    if (!stats.isFile() || stats.size > MAX_TOKEN_FILE_BYTES) return undefined;
    if (process.getuid && stats.uid !== process.getuid()) return undefined;
    const handle = await open(orphan, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    let bytes: Buffer;
    try {
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
    const contents = parseTokenFile(bytes, { path: orphan, mallId });
    return contents.fileMallId === mallId ? contents : undefined;
  } catch {
    return undefined;
  }
}
