import { access, rename } from "node:fs/promises";
import { resolve } from "node:path";
import { formatKstIso, formatKstStamp } from "../cafe24/kst.js";
import { isMallId } from "../cafe24/mall-id.js";
import type { TokenSet } from "../cafe24/token-set.js";
import type { DoctorConfig } from "../config/doctor-config.js";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import { FileTokenStore } from "../store/file-token-store.js";
import { isNewerToken } from "../store/newer-token.js";
import { tokenStoreIo } from "../store/token-file-format.js";
import type { StoredToken, TokenStore } from "../store/token-store.js";
import { maskSecret } from "../util/mask-secret.js";
import type { Now } from "../util/runtime.js";
import { failureExitCode } from "./failure-outcome.js";
import type { TokenIo } from "./token-io.js";

/** The two stores a migration moves tokens between. */
export type StoreKind = "file" | "redis";

/**
 * The configurations of both stores: the token file (CAFE24_TOKEN_FILE, `store.path`, the default, or
 * `--file`) and Redis (CAFE24_REDIS_URL or `store.url`). Redis must be configured: the URL may hold a
 * password, so it is never taken from the command line.
 */
export function migrationConfigs(
  config: DoctorConfig,
  options: { file?: string | undefined } = {},
): Record<StoreKind, DoctorConfig> {
  if (!config.redis) {
    throw new DoctorError(
      ERROR_CODES.configInvalid,
      "token migrate needs the Redis token store configured.",
      {
        details: [
          'CAFE24_REDIS_URL is not set (put it in .env, e.g. CAFE24_REDIS_URL=redis://:password@127.0.0.1:6379/0), and cafe24-doctor.config.json has no "store": { "type": "redis", "url": … }',
        ],
      },
    );
  }
  const tokenFile = options.file === undefined ? config.tokenFile : resolve(config.cwd, options.file);
  return {
    file: { ...config, tokenFile, redis: undefined },
    redis: config,
  };
}

/** What happened to one mall. */
export type MallMigrationStatus =
  /** Written to the target and read back identical. */
  | "moved"
  /** Dry run: would be written. */
  | "would-move"
  /** The target already held the same token (read back identical). */
  | "already"
  /** The target holds a different token that is not older: never overwritten. */
  | "target-newer"
  /** The token names another app's client id than the configuration's. */
  | "other-app"
  /** Read back from the target, it is not what was written. */
  | "mismatch"
  /** A refresh through the source happened during the migration: the source was not retired. */
  | "source-changed"
  /** An error; `error` says which. */
  | "failed";

export interface MallMigration {
  mallId: string;
  status: MallMigrationStatus;
  /** The source's token, masked (`ab…yz`); null when it could not be read. */
  refreshToken: string | null;
  refreshTokenExpiresAt: number | null;
  /** The target's token when it was left alone (target-newer), masked. */
  targetRefreshToken?: string;
  /** Where the retired source went: the renamed file, or "deleted" for a Redis record. */
  retired?: string;
  /** The field that differed (mismatch). */
  differs?: string;
  error?: {
    code: string;
    message: string /** The error means "could not run" (exit 3), not "refused". */;
    exit: 2 | 3;
  };
}

export interface MigrationResult {
  from: { type: StoreKind; location: string };
  to: { type: StoreKind; location: string };
  dryRun: boolean;
  keepSource: boolean;
  malls: MallMigration[];
  /** Every mall is in the target and verified (moved or already there). */
  verified: boolean;
  /** The source of every mall in the target was retired (renamed away or deleted); false with keepSource. */
  retired: boolean;
  exitCode: 0 | 1 | 2 | 3;
}

export interface MigrateOptions {
  to: StoreKind;
  /** Read both stores and say what would happen; write, lock and retire nothing. */
  dryRun?: boolean;
  /** Leave the source as it is after verifying (both stores then hold the same live refresh token). */
  keepSource?: boolean;
  /** Malls to look for beside those the source lists (an old token file without mall_id lists none). */
  mallIds?: readonly (string | undefined)[];
  /** The configuration's client id: a token of another app is not copied into this app's records. */
  clientId?: string | undefined;
  now?: Now;
}

interface Copied {
  mallId: string;
  source: StoredToken | undefined;
  outcome: MallMigration;
}

const OK_STATUSES: ReadonlySet<MallMigrationStatus> = new Set(["moved", "already", "would-move"]);

/**
 * Moves every mall's token from the other store to `to`, in three steps:
 *
 * 1. Copy, per mall under the target's lock: written with compare-and-set only when the target holds nothing
 *    or an older token; a target token as new or newer is never overwritten (reported).
 * 2. Verify: every mall read back from the target (under its lock, so from the store itself, not a cache) and
 *    compared with what was read from the source: refresh token, access token, both expiries, scopes.
 * 3. Retire the source of every mall that is in the target and verified, per mall under the source's lock
 *    and only if the source still holds what was copied (a refresh in between keeps it, and says so): a
 *    token file is renamed to `<file>.migrated-<KST stamp>`, a Redis record deleted. Two live copies of one
 *    refresh token are what this prevents: the first refresh through either kills the other, so an app left
 *    on the source would break the target (or the other way round). A mall that was not moved and verified
 *    keeps its source untouched; running the migration again picks up exactly those. `keepSource` skips it.
 *
 * The source is never written before its mall's step 3. Exit code: 0 done (or a clean dry run), 1 nothing
 * to migrate, 2 a mall needs a person (target newer, other app, mismatch, source changed, refused), 3 could
 * not run.
 */
export async function migrateTokens(
  stores: Record<StoreKind, TokenStore>,
  options: MigrateOptions,
): Promise<MigrationResult> {
  const fromKind: StoreKind = options.to === "redis" ? "file" : "redis";
  const source = stores[fromKind];
  const target = stores[options.to];
  const dryRun = options.dryRun ?? false;
  const keepSource = options.keepSource ?? false;
  const now = options.now ?? Date.now;
  const result = (malls: MallMigration[], verified: boolean, retired: boolean): MigrationResult => ({
    from: { type: fromKind, location: source.location },
    to: { type: options.to, location: target.location },
    dryRun,
    keepSource,
    malls,
    verified,
    retired,
    exitCode: exitCodeOf(malls),
  });

  const mallIds = await sourceMalls(source, options.mallIds ?? []);
  if (mallIds.length === 0) return { ...result([], false, false), exitCode: 1 };
  assertTargetHolds(target, mallIds);

  const copied: Copied[] = [];
  for (const mallId of mallIds) copied.push(await copyMall(source, target, mallId, { ...options, dryRun }));
  if (dryRun)
    return result(
      copied.map((c) => c.outcome),
      false,
      false,
    );

  const inTarget = (entry: Copied) => entry.outcome.status === "moved" || entry.outcome.status === "already";
  for (const entry of copied) if (inTarget(entry)) await verify(target, entry);
  if (!keepSource) {
    const stamp = formatKstStamp(now());
    for (const entry of copied) if (inTarget(entry)) await retire(source, entry, stamp);
  }
  // After retiring: a mall refreshed through the source meanwhile holds a stale copy in the target.
  const verified = copied.every(inTarget);
  const moved = copied.filter((c) => c.outcome.retired !== undefined || inTarget(c));
  const retired = !keepSource && moved.length > 0 && moved.every((c) => c.outcome.retired !== undefined);
  return result(
    copied.map((c) => c.outcome),
    verified,
    retired,
  );
}

/** The malls the source holds: what it lists, plus configured malls it can read (an old file names none). */
async function sourceMalls(source: TokenStore, extra: readonly (string | undefined)[]): Promise<string[]> {
  const malls = new Set(await source.list());
  for (const mallId of extra) {
    if (!mallId || !isMallId(mallId) || malls.has(mallId)) continue;
    if (await source.get(mallId).catch(() => undefined)) malls.add(mallId);
  }
  return [...malls].sort();
}

/** One token file holds one mall: refuse before writing anything rather than fail at the second mall. */
function assertTargetHolds(target: TokenStore, mallIds: readonly string[]): void {
  if (!(target instanceof FileTokenStore) || target.location.includes("{mall_id}") || mallIds.length < 2)
    return;
  throw new DoctorError(
    ERROR_CODES.invalidOptions,
    `${mallIds.length} malls (${mallIds.join(", ")}) cannot go into the one token file ${target.location}.`,
    {
      details: [
        `${target.location} holds one mall's token; the source holds ${mallIds.length}: ${mallIds.join(", ")}`,
        "Give each mall its own file: --file './tokens/{mall_id}.json' (or CAFE24_TOKEN_FILE with {mall_id} in the file name)",
      ],
    },
  );
}

function outcomeOf(mallId: string, stored: StoredToken | undefined): MallMigration {
  return {
    mallId,
    status: "failed",
    refreshToken: stored ? maskSecret(stored.token.refreshToken) : null,
    refreshTokenExpiresAt: stored?.token.refreshTokenExpiresAt ?? null,
  };
}

function failed(outcome: MallMigration, error: unknown): MallMigration {
  const code = error instanceof DoctorError ? error.code : error instanceof Error ? error.name : "ERROR";
  const message = error instanceof Error ? error.message : String(error);
  return { ...outcome, status: "failed", error: { code, message, exit: failureExitCode(error) } };
}

async function copyMall(
  source: TokenStore,
  target: TokenStore,
  mallId: string,
  options: MigrateOptions & { dryRun: boolean },
): Promise<Copied> {
  let stored: StoredToken | undefined;
  try {
    stored = await source.get(mallId);
  } catch (error) {
    return { mallId, source: undefined, outcome: failed(outcomeOf(mallId, undefined), error) };
  }
  const outcome = outcomeOf(mallId, stored);
  if (!stored) {
    const gone = new DoctorError(
      ERROR_CODES.tokenNotFound,
      `${source.location} no longer holds mall ${mallId}'s token.`,
    );
    return { mallId, source: undefined, outcome: failed(outcome, gone) };
  }
  const token = stored.token;
  if (options.clientId && token.clientId && token.clientId !== options.clientId) {
    return { mallId, source: stored, outcome: { ...outcome, status: "other-app" } };
  }
  const decide = async (): Promise<MallMigration> => {
    // Under the lock nothing else writes; a compare-and-set that still fails (a writer without the lock)
    // is decided again against what it found.
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = await target.get(mallId);
      if (current && current.token.refreshToken === token.refreshToken)
        return { ...outcome, status: "already" };
      if (current && !isNewerToken(token, current.token)) {
        return {
          ...outcome,
          status: "target-newer",
          targetRefreshToken: maskSecret(current.token.refreshToken),
        };
      }
      if (options.dryRun) return { ...outcome, status: "would-move" };
      const written = await target.compareAndSet(mallId, current?.revision, token);
      if (written.ok) return { ...outcome, status: "moved" };
    }
    throw new DoctorError(
      ERROR_CODES.tokenLockTimeout,
      `Mall ${mallId}'s token in ${target.location} kept changing while it was being written; nothing was retired.`,
    );
  };
  try {
    // A dry run takes no lock: taking one is a write (a lock file, a Redis key).
    const decided = options.dryRun ? await decide() : await target.withLock(mallId, decide);
    return { mallId, source: stored, outcome: decided };
  } catch (error) {
    return { mallId, source: stored, outcome: failed(outcome, error) };
  }
}

/** Reads the mall back from the target under its lock (from the store itself); compares it with the source's. */
async function verify(target: TokenStore, entry: Copied): Promise<void> {
  const expected = entry.source?.token;
  if (!expected) return;
  try {
    const back = await target.withLock(entry.mallId, () => target.get(entry.mallId));
    const differs = back ? difference(expected, back.token) : "token";
    if (differs) entry.outcome = { ...entry.outcome, status: "mismatch", differs };
  } catch (error) {
    entry.outcome = failed(entry.outcome, error);
  }
}

/** The first field in which two tokens differ, or undefined; times to the second, as the stores keep them. */
function difference(expected: TokenSet, actual: TokenSet): string | undefined {
  const seconds = (ms: number | null) => (ms === null ? null : Math.floor(ms / 1000));
  const scopes = (token: TokenSet) => [...token.scopes].sort().join(" ");
  if (actual.refreshToken !== expected.refreshToken) return "refresh_token";
  if (actual.accessToken !== expected.accessToken) return "access_token";
  if (seconds(actual.refreshTokenExpiresAt) !== seconds(expected.refreshTokenExpiresAt))
    return "refresh_token_expires_at";
  if (seconds(actual.accessTokenExpiresAt) !== seconds(expected.accessTokenExpiresAt)) return "expires_at";
  if (scopes(actual) !== scopes(expected)) return "scopes";
  if (actual.mallId !== expected.mallId) return "mall_id";
  return undefined;
}

/**
 * Under the source's lock, and only while the source still holds the token that was copied: renames a token
 * file out of the way (kept, mode unchanged, for a person to delete) or deletes a Redis record.
 */
async function retire(source: TokenStore, entry: Copied, stamp: string): Promise<void> {
  const copied = entry.source;
  if (!copied) return;
  try {
    await source.withLock(entry.mallId, async () => {
      const current = await source.get(entry.mallId);
      if (!current || current.revision !== copied.revision) {
        entry.outcome = { ...entry.outcome, status: "source-changed" };
        return;
      }
      if (source instanceof FileTokenStore) {
        const path = source.pathFor(entry.mallId);
        const to = await freeName(`${path}.migrated-${stamp}`);
        await rename(path, to).catch((error: unknown) => {
          throw tokenStoreIo(path, "rename", error);
        });
        entry.outcome = { ...entry.outcome, retired: to };
      } else {
        await source.delete(entry.mallId);
        entry.outcome = { ...entry.outcome, retired: "deleted" };
      }
    });
  } catch (error) {
    entry.outcome = failed(entry.outcome, error);
  }
}

/** `path`, or `path-2`, `path-3`… when a file of that name exists (two migrations in one second). */
async function freeName(path: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? path : `${path}-${n}`;
    const exists = await access(candidate).then(
      () => true,
      () => false,
    );
    if (!exists) return candidate;
  }
}

function exitCodeOf(malls: readonly MallMigration[]): 0 | 1 | 2 | 3 {
  let code: 0 | 2 | 3 = 0;
  for (const mall of malls) {
    if (OK_STATUSES.has(mall.status)) continue;
    if (mall.error?.exit === 3) code = 3;
    else if (code === 0) code = 2;
  }
  return code;
}

/** `token migrate`: does the migration and prints one line per mall, or the result as JSON. */
export async function runTokenMigrate(
  stores: Record<StoreKind, TokenStore>,
  io: TokenIo,
  options: MigrateOptions & { json?: boolean },
): Promise<number> {
  const result = await migrateTokens(stores, options);
  if (options.json) {
    io.out(JSON.stringify(migrationJson(result), null, 2));
    return result.exitCode;
  }
  for (const line of migrationLines(result, io.t)) io.out(line);
  return result.exitCode;
}

/** The result as `--json` prints it: KST times, masked tokens only. */
export function migrationJson(result: MigrationResult): Record<string, unknown> {
  return {
    from: result.from,
    to: result.to,
    dryRun: result.dryRun,
    keepSource: result.keepSource,
    verified: result.verified,
    retired: result.retired,
    exitCode: result.exitCode,
    malls: result.malls.map((mall) => ({
      mallId: mall.mallId,
      status: mall.status,
      refreshToken: mall.refreshToken,
      refreshTokenExpiresAt:
        mall.refreshTokenExpiresAt === null ? null : formatKstIso(mall.refreshTokenExpiresAt),
      targetRefreshToken: mall.targetRefreshToken ?? null,
      retired: mall.retired ?? null,
      differs: mall.differs ?? null,
      error: mall.error ? { code: mall.error.code, message: mall.error.message } : null,
    })),
  };
}

/** The lines `token migrate` prints: what it did, one line per mall, then what happened to the source. */
export function migrationLines(result: MigrationResult, t: TokenIo["t"]): string[] {
  const source = t(`token.migrate.kind.${result.from.type}`, { location: result.from.location });
  const target = t(`token.migrate.kind.${result.to.type}`, { location: result.to.location });
  if (result.malls.length === 0) return [t("token.migrate.nothing", { source })];
  const lines = [t("token.migrate.start", { count: result.malls.length, source, target })];
  for (const mall of result.malls) {
    const params = {
      mallId: mall.mallId,
      target: result.to.location,
      source: result.from.location,
      refresh: mall.refreshToken ?? "-",
      expires: mall.refreshTokenExpiresAt === null ? "-" : formatKstIso(mall.refreshTokenExpiresAt),
      targetRefresh: mall.targetRefreshToken ?? "-",
      field: mall.differs ?? "-",
      code: mall.error?.code ?? "-",
      message: mall.error?.message ?? "-",
    };
    lines.push(`  ${t(`token.migrate.mall.${mall.status}`, params)}`);
    if (mall.retired === "deleted") lines.push(`    ${t("token.migrate.retired.redis", params)}`);
    else if (mall.retired)
      lines.push(`    ${t("token.migrate.retired.file", { ...params, file: mall.retired })}`);
  }
  if (result.dryRun) {
    lines.push(t("token.migrate.dryRun"));
    return lines;
  }
  const inTarget = result.malls.filter((m) => m.status === "moved" || m.status === "already").length;
  if (inTarget > 0) {
    lines.push(
      t("token.migrate.verified", {
        count: inTarget,
        total: result.malls.length,
        target: result.to.location,
      }),
    );
  }
  if (result.keepSource) lines.push(t("token.migrate.keptSource", { target: result.to.location }));
  if (!result.verified) {
    lines.push(t("token.migrate.incomplete", { target: result.to.location }));
    if (inTarget === 0) return lines;
  }
  lines.push(
    t(result.to.type === "redis" ? "token.migrate.next.redis" : "token.migrate.next.file", {
      target: result.to.location,
    }),
  );
  return lines;
}
