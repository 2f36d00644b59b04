import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { mkdir, open, unlink } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { formatKstStamp } from "../cafe24/kst.js";
import type { TokenSet } from "../cafe24/token-set.js";
import { serializeTokenFile } from "./token-file-format.js";
import type { TokenStore } from "./token-store.js";

/**
 * Where a rescue copy goes when the store itself cannot be written: beside the store first (callers put that
 * directory in front), then the user's state directory, then the system temp directory — a full disk under the
 * token file is often not full everywhere.
 */
export function defaultRescueDirectories(): string[] {
  const state = process.env.XDG_STATE_HOME || join(homedir(), ".local", "state");
  return [join(state, "cafe24-doctor", "rescue"), tmpdir()];
}

/**
 * Writes `token` as a token file (0600, created exclusively under an unguessable name, fsynced) in the first
 * directory that takes it, and returns its path; undefined when none did. The copy is the only trace of a
 * rotated refresh token the store refused, so every directory is tried before giving up.
 */
export async function writeRescueCopy(
  token: TokenSet,
  directories: readonly string[],
  now: number,
): Promise<string | undefined> {
  const name = `cafe24-doctor-rescue-${token.mallId}-${formatKstStamp(now)}-${randomBytes(4).toString("hex")}.json`;
  const data = serializeTokenFile(token, {
    receivedAt: now,
    revision: `rescue-${randomBytes(8).toString("hex")}`,
  });
  for (const dir of directories) {
    const path = join(dir, name);
    let created = false;
    try {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const handle = await open(
        path,
        constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0),
        0o600,
      );
      created = true;
      try {
        await handle.writeFile(data, "utf8");
        await handle.sync();
      } finally {
        await handle.close();
      }
      return path;
    } catch {
      if (created) await unlink(path).catch(() => {});
    }
  }
  return undefined;
}

/** The store's own rescue copy where it has one, else one in the user's state directory; undefined if none. */
export function rescueCopy(
  store: TokenStore,
  token: TokenSet,
  now: number = Date.now(),
): Promise<string | undefined> {
  const written = store.rescue
    ? store.rescue(token)
    : writeRescueCopy(token, defaultRescueDirectories(), now);
  return written.catch(() => undefined);
}
