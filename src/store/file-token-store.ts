// Library-backed where mistakes lose tokens: atomic replace (write-file-atomic) and cross-process locking with
// stale-lock recovery (proper-lockfile). The file format, compare-and-set and in-process queueing are ours.
import { randomUUID } from "node:crypto";
import { readdir, unlink } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import type { TokenSet } from "../auth/token-set.js";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import type { Now } from "../util/runtime.js";
import { writeFileDurably } from "./durable-write.js";
import { assertLockIntact, type FileLockOptions, withFileLock } from "./file-lock.js";
import {
  readTokenFile,
  serializeTokenFile,
  type TokenFileContents,
  tokenStoreIo,
} from "./token-file-format.js";
import {
  assertSameMall,
  type CompareAndSetResult,
  type StoredToken,
  type TokenStore,
} from "./token-store.js";

export const DEFAULT_TOKEN_FILE = "./oauth_token.json";

export interface FileTokenStoreOptions {
  /** Token file; `{mall_id}` in the file name gives one file per mall. @default "./oauth_token.json" */
  path?: string;
  /** A lock not refreshed for this long belongs to a dead process and is taken over (min 2000). @default 10000 */
  lockStaleMs?: number;
  /** Retries (25 ms growing to 500 ms apart, jittered) before TOKEN_LOCK_TIMEOUT. @default 60 (about 40 s) */
  lockRetries?: number;
  /** Stamps `received_at`. @default Date.now */
  now?: Now;
}

const MALL_ID = /^[a-z0-9][a-z0-9-]{0,39}$/i;

/**
 * Tokens in a JSON file (Cafe24's shape plus `_cafe24_doctor` metadata), shared safely by processes on one
 * machine. Reads need no lock: writes replace the file atomically. Writers serialise on `<file>.lock`.
 *
 * compareAndSet cannot deadlock: if the calling async chain already holds the mall's lock (it runs inside
 * withLock), it checks and writes at once; otherwise it takes the lock itself for the check and the write.
 * "Holds" is tracked per async call chain (AsyncLocalStorage), so a concurrent caller in this process that
 * does not hold the lock waits for it instead of slipping a write in between.
 */
export class FileTokenStore implements TokenStore {
  readonly location: string;
  private readonly template: string;
  private readonly perMall: boolean;
  private readonly lock: FileLockOptions;
  private readonly now: Now;

  constructor(options: FileTokenStoreOptions = {}) {
    this.template = resolve(options.path ?? DEFAULT_TOKEN_FILE);
    this.perMall = this.template.includes("{mall_id}");
    if (dirname(this.template).includes("{mall_id}") || this.template.split("{mall_id}").length > 2) {
      throw new DoctorError(
        ERROR_CODES.invalidOptions,
        `Put {mall_id} once, in the file name only: ${this.template} (e.g. ./tokens/{mall_id}.json).`,
      );
    }
    this.location = this.template;
    this.lock = { staleMs: options.lockStaleMs ?? 10_000, retries: options.lockRetries ?? 60 };
    this.now = options.now ?? Date.now;
  }

  /** The file holding `mallId`'s token. */
  pathFor(mallId: string): string {
    if (!MALL_ID.test(mallId)) {
      throw new DoctorError(ERROR_CODES.invalidOptions, `"${mallId.slice(0, 60)}" is not a Cafe24 mall id.`);
    }
    return this.perMall ? this.template.replaceAll("{mall_id}", mallId) : this.template;
  }

  async get(mallId: string): Promise<StoredToken | undefined> {
    const contents = await this.inspect(mallId);
    return contents && toStored(contents);
  }

  /** Everything the file says, including legacy traits and whether it holds a client secret (for checks). */
  async inspect(mallId: string): Promise<TokenFileContents | undefined> {
    const contents = await readTokenFile(this.pathFor(mallId), mallId);
    return contents && belongsTo(contents, mallId) ? contents : undefined;
  }

  async compareAndSet(
    mallId: string,
    expectedRevision: string | undefined,
    next: TokenSet,
  ): Promise<CompareAndSetResult> {
    assertSameMall(mallId, next);
    const path = this.pathFor(mallId);
    return withFileLock(path, this.lock, async () => {
      const file = await readTokenFile(path, mallId);
      const mine = file && belongsTo(file, mallId) ? file : undefined;
      if (mine?.revision !== expectedRevision) return { ok: false, current: mine && toStored(mine) };
      if (file && !mine) {
        throw new DoctorError(
          ERROR_CODES.invalidOptions,
          `${path} holds mall ${file.fileMallId}'s token; refusing to replace it with ${mallId}'s. Use a path with {mall_id} for one file per mall.`,
        );
      }
      assertLockIntact(path);
      const revision = randomUUID();
      await writeFileDurably(path, serializeTokenFile(next, { receivedAt: this.now(), revision }));
      return { ok: true, revision };
    });
  }

  async withLock<T>(mallId: string, fn: () => Promise<T>): Promise<T> {
    return withFileLock(this.pathFor(mallId), this.lock, fn);
  }

  /** Per-mall files: the mall ids in matching file names. One file: its mall_id (none for a legacy file). */
  async list(): Promise<string[]> {
    if (!this.perMall) {
      const contents = await readTokenFile(this.template, "");
      return contents?.fileMallId ? [contents.fileMallId] : [];
    }
    const [prefix = "", suffix = ""] = basename(this.template).split("{mall_id}");
    let names: string[];
    try {
      names = await readdir(dirname(this.template));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw tokenStoreIo(dirname(this.template), "list", error);
    }
    return names
      .filter(
        (name) =>
          name.length > prefix.length + suffix.length && name.startsWith(prefix) && name.endsWith(suffix),
      )
      .map((name) => name.slice(prefix.length, name.length - suffix.length))
      .filter((mallId) => MALL_ID.test(mallId))
      .sort();
  }

  /** Removes the mall's file, even a corrupt one; leaves a single file that holds another mall alone. */
  async delete(mallId: string): Promise<void> {
    const path = this.pathFor(mallId);
    return withFileLock(path, this.lock, async () => {
      const file = await readTokenFile(path, mallId).catch((error: unknown) => {
        if (error instanceof DoctorError && error.code === ERROR_CODES.tokenFileInvalid) return undefined;
        throw error;
      });
      if (file && !belongsTo(file, mallId)) return;
      assertLockIntact(path);
      await unlink(path).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw tokenStoreIo(path, "delete", error);
      });
    });
  }
}

/** Legacy files without mall_id belong to whichever mall asks. */
function belongsTo(contents: TokenFileContents, mallId: string): boolean {
  return contents.fileMallId === undefined || contents.fileMallId === mallId;
}

function toStored(contents: TokenFileContents): StoredToken {
  return { token: contents.token, revision: contents.revision, receivedAt: contents.receivedAt };
}
