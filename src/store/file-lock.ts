import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import lockfile from "proper-lockfile";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import { KeyedMutex } from "./keyed-mutex.js";
import { tokenStoreIo } from "./token-file-format.js";

export interface FileLockOptions {
  /** A lock whose mtime is older than this is a dead holder's and is taken over. */
  staleMs: number;
  /** Attempts after the first before giving up with TOKEN_LOCK_TIMEOUT. */
  retries: number;
}

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

async function acquire(path: string, options: FileLockOptions): Promise<() => Promise<void>> {
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const release = await lockfile.lock(path, {
      realpath: false,
      lockfilePath: lockPathOf(path),
      stale: options.staleMs,
      retries: { retries: options.retries, factor: 1.5, minTimeout: 25, maxTimeout: 500, randomize: true },
      onCompromised: (error) => lost.set(path, error),
    });
    lost.delete(path);
    return release;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ELOCKED")
      throw tokenStoreIo(lockPathOf(path), "lock", error);
    throw new DoctorError(
      ERROR_CODES.tokenLockTimeout,
      `Timed out waiting for the token lock ${lockPathOf(path)}: another process holds it. Wait for it to finish; a lock left by a crashed process is taken over after ${options.staleMs} ms.`,
      { cause: error },
    );
  }
}
