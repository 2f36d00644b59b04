import { mkdir, rmdir, stat } from "node:fs/promises";
import { dirname } from "node:path";
import lockfile from "proper-lockfile";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import { type Now, realSleep, type Sleep } from "../util/runtime.js";
import { KeyedMutex } from "./keyed-mutex.js";
import { tokenStoreIo } from "./token-file-format.js";

export interface FileLockOptions {
  /** A lock whose mtime is older than this is a dead holder's and is taken over. */
  staleMs: number;
  /** Attempts after the first before giving up with TOKEN_LOCK_TIMEOUT. */
  retries: number;
  /** @default Date.now */
  now?: Now;
  /** Waits between attempts. @default a setTimeout-based sleep */
  sleep?: Sleep;
}

/** A holder refreshes the lock's mtime to its own now; this much clock difference is not "the future". */
const FUTURE_TOLERANCE_MS = 1000;

/** Shared by every store in the process, so two stores on one file queue here instead of on the lock dir. */
const inProcess = new KeyedMutex();
/** Locks proper-lockfile reported as compromised (its mtime refresh failed) while we held them. */
const lost = new Map<string, Error>();

export const lockPathOf = (path: string): string => `${path}.lock`;

/**
 * Runs `fn` holding `path`'s lock across processes: first this process's queue for the path, then
 * proper-lockfile's `<path>.lock` directory (mkdir is atomic; the holder refreshes its mtime, so a crashed
 * holder's lock goes stale and is taken over). Re-entrant within one async call chain.
 */
export function withFileLock<T>(path: string, options: FileLockOptions, fn: () => Promise<T>): Promise<T> {
  if (inProcess.holds(path)) return fn();
  return inProcess.run(path, async () => {
    const release = await acquire(path, options);
    try {
      return await fn();
    } finally {
      lost.delete(path);
      // Release fails only when the lock was already lost; there is nothing left to give back.
      await release().catch(() => {});
    }
  });
}

/** Whether the current async call chain holds `path`'s lock. */
export function holdsFileLock(path: string): boolean {
  return inProcess.holds(path);
}

/** Throws when the lock we hold was taken over (we stalled past staleMs): writing now could lose a token. */
export function assertLockIntact(path: string): void {
  const error = lost.get(path);
  if (!error) return;
  throw new DoctorError(
    ERROR_CODES.tokenLockTimeout,
    `The lock ${lockPathOf(path)} was lost while held (this process stalled past the stale time); nothing was written. Try again.`,
    { cause: error },
  );
}

/**
 * proper-lockfile's attempts, one at a time (retries: 0), so that between them a lock whose mtime lies in the
 * future can be judged: proper-lockfile calls a lock stale only when its mtime is older than the stale time, so
 * a future mtime (a clock set back, a copied directory, a planted lock) would block every writer forever. Such a
 * lock is taken over once its mtime has stayed unchanged for the stale time by our own clock — a live holder
 * would have refreshed it meanwhile.
 */
async function acquire(path: string, options: FileLockOptions): Promise<() => Promise<void>> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const lockPath = lockPathOf(path);
  let future: { mtimeMs: number; seenAt: number; stale: boolean } | undefined;
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  } catch (error) {
    throw tokenStoreIo(lockPath, "lock", error);
  }
  for (let attempt = 0; ; attempt++) {
    try {
      const release = await lockfile.lock(path, {
        realpath: false,
        lockfilePath: lockPath,
        stale: options.staleMs,
        retries: 0,
        onCompromised: (error) => lost.set(path, error),
      });
      lost.delete(path);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw tokenStoreIo(lockPath, "lock", error);
    }
    future = await judgeFutureMtime(lockPath, future, options.staleMs, now());
    if (future?.stale) {
      // rmdir, not rm -r: proper-lockfile's lock is an empty directory; anything else there is not ours to delete.
      await rmdir(lockPath).catch(() => {});
      future = undefined;
      continue;
    }
    if (attempt >= options.retries) {
      throw new DoctorError(
        ERROR_CODES.tokenLockTimeout,
        `Timed out waiting for the token lock ${lockPath}: another process holds it. Wait for it to finish; a lock whose holder stopped refreshing it is taken over ${Math.round(options.staleMs / 1000)} s after its last refresh.`,
      );
    }
    await sleep(Math.min(500, 25 * 1.5 ** attempt) * (1 + Math.random()));
  }
}

async function judgeFutureMtime(
  lockPath: string,
  seen: { mtimeMs: number; seenAt: number } | undefined,
  staleMs: number,
  now: number,
): Promise<{ mtimeMs: number; seenAt: number; stale: boolean } | undefined> {
  const mtimeMs = await stat(lockPath).then(
    (s) => s.mtimeMs,
    () => undefined,
  );
  if (mtimeMs === undefined || mtimeMs <= now + FUTURE_TOLERANCE_MS) return undefined;
  const seenAt = seen?.mtimeMs === mtimeMs ? seen.seenAt : now;
  return { mtimeMs, seenAt, stale: now - seenAt >= staleMs };
}
