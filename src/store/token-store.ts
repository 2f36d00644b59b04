import type { TokenSet } from "../cafe24/token-set.js";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";

/** A token as stored, with the opaque revision compare-and-set checks against. */
export interface StoredToken {
  token: TokenSet;
  /** Changes on every successful write; opaque to callers. */
  revision: string;
  /** Epoch ms the store received this token (our metadata), when known. */
  receivedAt: number | null;
}

export type CompareAndSetResult =
  | { ok: true; revision: string }
  | {
      ok: false;
      current: StoredToken | undefined;
      /**
       * The write came from a lock holder whose lease ran out while a later holder saved a token (fencing): the
       * stored token is newer than anything this holder can know, so writing again must not be tried.
       */
      fenced?: boolean;
    };

/**
 * Where tokens live. One source of truth per mall: every refresh rotates the refresh token, so writers must
 * serialise (lock), re-read, and only replace what they read (compare-and-set). Implementations: memory, file,
 * and Redis.
 */
export interface TokenStore {
  /** Human-readable location for messages, e.g. the file path. Never contains secrets. */
  readonly location: string;
  get(mallId: string): Promise<StoredToken | undefined>;
  /**
   * Writes `next` only if the stored revision is still `expectedRevision` (undefined = nothing stored yet).
   * On a mismatch nothing is written and the current value is returned.
   */
  compareAndSet(
    mallId: string,
    expectedRevision: string | undefined,
    next: TokenSet,
  ): Promise<CompareAndSetResult>;
  /** Runs `fn` holding the mall's exclusive lock (across processes where the store is shared). */
  withLock<T>(mallId: string, fn: () => Promise<T>): Promise<T>;
  /** Mall ids the store holds tokens for. */
  list(): Promise<string[]>;
  /** Removes the mall's token (after revocation). */
  delete(mallId: string): Promise<void>;
  /**
   * Call holding the mall's lock. Adopts a newer token that an interrupted write left outside the store (the
   * file store: a complete temp file of a writer killed before its rename) and returns it; undefined when
   * there is none. Stores whose writes cannot be interrupted halfway need not implement it.
   */
  recover?(mallId: string): Promise<RecoveredToken | undefined>;
  /**
   * Writes a rescue copy of a token this store refused to take (disk full, store unreachable) somewhere a
   * person can restore it from (`cafe24-doctor token restore FILE`); returns where, or undefined. Stores
   * without it get a copy in the user's state directory.
   */
  rescue?(token: TokenSet): Promise<string | undefined>;
  /** Releases connections (a network store); the store is unusable afterwards. */
  close?(): Promise<void>;
}

/** A token adopted by `recover`, and where it was found (for the message that says so). */
export interface RecoveredToken {
  stored: StoredToken;
  from: string;
}

/** A store keeps each mall's token under that mall's id; writing it under another id is a caller bug. */
export function assertSameMall(mallId: string, next: TokenSet): void {
  if (next.mallId !== mallId) {
    throw new DoctorError(
      ERROR_CODES.invalidOptions,
      `Cannot store mall ${next.mallId}'s token as ${mallId}'s.`,
    );
  }
}
