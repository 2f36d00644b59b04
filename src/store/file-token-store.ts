// Library-backed where a library does it right: cross-process locking with stale-lock recovery
// (proper-lockfile). The atomic write is ours (see durable-write.ts for why), as are the file format,
// compare-and-set, crash recovery and in-process queueing.
import { randomUUID } from "node:crypto";
import { readdir, realpath, unlink } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { assertMallId, isMallId } from "../cafe24/mall-id.js";
import type { TokenSet } from "../cafe24/token-set.js";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import type { Now, Sleep } from "../util/runtime.js";
import { writeFileDurably } from "./durable-write.js";
import { assertLockIntact, type FileLockOptions, withFileLock } from "./file-lock.js";
import { recoverOrphanedTempFiles } from "./orphaned-temp-files.js";
import {
  readTokenFile,
  serializeTokenFile,
  type TokenFileContents,
  tokenStoreIo,
} from "./token-file-format.js";
import { defaultRescueDirectories, writeRescueCopy } from "./token-rescue.js";
import {
  assertSameMall,
  type CompareAndSetResult,
  type RecoveredToken,
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
  /**
   * Follow a symbolic link at the token path (to its target, which is then read, locked and replaced). Off by
   * default: a link there may have been planted to receive the tokens. @default false
   */
  followSymlinks?: boolean;
  /** Stamps `received_at`, and times a lock whose mtime lies in the future. @default Date.now */
  now?: Now;
  /** Waits between lock attempts. @default a setTimeout-based sleep */
  sleep?: Sleep;
}

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
  private readonly followSymlinks: boolean;

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
    this.now = options.now ?? Date.now;
    this.lock = {
      staleMs: options.lockStaleMs ?? 10_000,
      retries: options.lockRetries ?? 60,
      now: this.now,
      ...(options.sleep ? { sleep: options.sleep } : {}),
    };
    this.followSymlinks = options.followSymlinks ?? false;
  }

  /** The file holding `mallId`'s token. */
  pathFor(mallId: string): string {
    assertMallId(mallId);
    return this.perMall ? this.template.replaceAll("{mall_id}", mallId) : this.template;
  }

  async get(mallId: string): Promise<StoredToken | undefined> {
    const contents = await this.inspect(mallId);
    return contents && toStored(contents);
  }

  /** Everything the file says, including legacy traits and whether it holds a client secret (for checks). */
  async inspect(mallId: string): Promise<TokenFileContents | undefined> {
    const path = await this.target(mallId);
    const contents = await this.readFile(path, mallId);
    return contents && belongsTo(contents, mallId) ? contents : undefined;
  }

  async compareAndSet(
    mallId: string,
    expectedRevision: string | undefined,
    next: TokenSet,
  ): Promise<CompareAndSetResult> {
    assertSameMall(mallId, next);
    const path = await this.target(mallId);
    return withFileLock(path, this.lock, async () => {
      const file = await this.readFile(path, mallId);
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
    return withFileLock(await this.target(mallId), this.lock, fn);
  }

  async recover(mallId: string): Promise<RecoveredToken | undefined> {
    const path = await this.target(mallId);
    return withFileLock(path, this.lock, async () => {
      const current = await this.readFile(path, mallId).catch(() => undefined);
      assertLockIntact(path);
      const adopted = await recoverOrphanedTempFiles(path, mallId, current).catch((error: unknown) => {
        throw tokenStoreIo(path, "recover", error);
      });
      return adopted && { stored: toStored(adopted.contents), from: adopted.from };
    });
  }

  /** Beside the token file first, where a person looks; elsewhere when that directory takes no more. */
  async rescue(token: TokenSet): Promise<string | undefined> {
    return writeRescueCopy(
      token,
      [dirname(this.pathFor(token.mallId)), ...defaultRescueDirectories()],
      this.now(),
    );
  }

  /** The file to read and replace: the path itself, or the target of a link there when following is on. */
  private async target(mallId: string): Promise<string> {
    const path = this.pathFor(mallId);
    if (!this.followSymlinks) return path;
    return realpath(path).catch(() => path);
  }

  private readFile(path: string, mallId: string): Promise<TokenFileContents | undefined> {
    return readTokenFile(path, mallId, { followSymlinks: this.followSymlinks });
  }

  /** Per-mall files: the mall ids in matching file names. One file: its mall_id (none for a legacy file). */
  async list(): Promise<string[]> {
    if (!this.perMall) {
      const contents = await this.readFile(this.template, "");
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
      .filter((mallId) => isMallId(mallId))
      .sort();
  }

  /** Removes the mall's file, even a corrupt one; leaves a single file that holds another mall alone. */
  async delete(mallId: string): Promise<void> {
    const path = await this.target(mallId);
    return withFileLock(path, this.lock, async () => {
      const file = await this.readFile(path, mallId).catch((error: unknown) => {
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
