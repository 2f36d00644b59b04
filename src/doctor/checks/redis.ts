/*
 * Check 13 — Redis, only when the tokens live there: is it reachable and quick, new enough for the
 * store's scripts, safe from evicting or forgetting tokens (eviction policy, persistence), free of stuck
 * locks, and do its records agree with the mall index? Read-only, through the store's own connection, each
 * command bounded by the connection's timeout and the doctor's deadline. Finding codes and messages:
 * src/i18n/doctor/checks/redis.ts.
 */
import type { Redis } from "ioredis";
import { DoctorError, ERROR_CODES } from "../../errors/doctor-error.js";
import { redisCatalogue } from "../../i18n/doctor/checks/redis.js";
import { redactRedisUrl } from "../../redis/redis-connection.js";
import { REDIS_TOKEN_STORE_DEFAULTS, RedisTokenStore } from "../../redis/redis-token-store.js";
import { parseTokenFile } from "../../store/token-file-format.js";
import type { TokenStore } from "../../store/token-store.js";
import { untilAborted } from "../../util/until-aborted.js";
import type { CheckDefinition, DoctorContext } from "../context.js";
import type { CheckOutcome, CheckStatus, EvidenceValue, Finding, FindingCodeOf } from "../types.js";
import { findingBuilder } from "./finding-of.js";
import { safeText } from "./safe-text.js";

const finding = findingBuilder(redisCatalogue);
type Code = FindingCodeOf<"redis">;
type Outcome = CheckOutcome<Code>;

/** Median PING above this is slow: a refresh makes several round trips while holding the mall's lock. */
export const REDIS_SLOW_MS = 50;
const PINGS = 5;
/** The store's scripts need 5.0 (multi-field HSET, TIME before writes); below 6 is past end of life. */
const REQUIRED_VERSION: Version = [5, 0];
const CURRENT_VERSION: Version = [6, 0];
/** A lock lease beyond this many of the store's leases was not set by cafe24-doctor's lock. */
const LONG_LEASE_FACTOR = 4;
/** Keys looked at by each scan at most (a shared Redis may hold millions of other keys). */
const SCAN_LIMIT = 10_000;
/** Malls named in one finding's text at most; the evidence has them all. */
const NAMED = 5;

type Version = [major: number, minor: number];

/** Whether a store keeps its tokens in Redis (then the doctor runs this check). */
export function isRedisStore(store: TokenStore): store is RedisTokenStore {
  return store instanceof RedisTokenStore;
}

export const redisCheck: CheckDefinition<"redis"> = {
  id: "redis",
  dependsOn: [],
  async run(ctx): Promise<Outcome> {
    const { store } = ctx;
    if (!isRedisStore(store)) {
      return {
        status: "skipped",
        summary: { key: "check.redis.summary.notRedis" },
        evidence: {},
        findings: [],
      };
    }
    const location = store.location;
    const url = displayUrl(ctx, store);
    let redis: Redis;
    try {
      redis = await untilAborted(store.redis(), ctx.signal);
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      return unavailable(ctx, location, url, error);
    }
    const cli = redisCli(ctx);
    const ask: Ask = (command) => untilAborted(command.catch(asUnavailable), ctx.signal);
    try {
      const latency = await measureLatency(redis, ask);
      const findings: Finding<Code>[] = [];
      const evidence: Record<string, EvidenceValue> = { store: location, ...latency.evidence };
      // An ACL user may be refused INFO, CONFIG or SCAN while tokens work: each part then says "unknown".
      const info = parseInfo(
        await ask(redis.info()).catch(
          whenRefused((reason) => {
            evidence.infoRefused = reason;
            return "";
          }),
        ),
      );

      const version = info.get("redis_version") ?? "unknown";
      evidence.version = version;
      const valkey = info.get("valkey_version");
      if (valkey) evidence.valkeyVersion = valkey;
      findings.push(...redisLatencyFindings(latency), ...redisVersionFindings(version));

      const eviction = await evictionFindings(ctx, redis, info, ask);
      Object.assign(evidence, eviction.evidence);
      findings.push(...eviction.findings);

      const persistence = await persistenceFindings(ctx, redis, info, ask);
      Object.assign(evidence, persistence.evidence);
      findings.push(...persistence.findings);

      const locks = await lockFindings(ctx, store, redis, cli, ask).catch(
        whenRefused((reason) => ({ findings: [], evidence: { locksRefused: reason } })),
      );
      Object.assign(evidence, locks.evidence);
      findings.push(...locks.findings);

      const records = await recordFindings(ctx, store, redis, cli, ask).catch(
        whenRefused((reason) => ({ malls: 0, findings: [], evidence: { recordsRefused: reason } })),
      );
      Object.assign(evidence, records.evidence);
      findings.push(...records.findings);

      const params = { location, version, ms: latency.medianMs, malls: records.malls };
      return {
        status: statusOf(findings),
        summary:
          findings.length === 0
            ? { key: "check.redis.summary.ok", params }
            : { key: "check.redis.summary.problems", params: { ...params, count: findings.length } },
        evidence,
        findings,
      };
    } catch (error) {
      // The connection dropped midway, a command timed out, or even PING was refused: Redis is not usable.
      if (ctx.signal.aborted || !(isUnavailable(error) || isReplyError(error))) throw error;
      return unavailable(ctx, location, url, error);
    }
  },
};

/** A catch handler: Redis refused the command (an ACL, a renamed command) → `fallback(reason)`; else rethrow. */
function whenRefused<T>(fallback: (reason: string) => T): (error: unknown) => T {
  return (error) => {
    if (!isReplyError(error)) throw error;
    return fallback(safeText(error.message, 80));
  };
}

/** An error Redis answered with (NOPERM, WRONGTYPE, an unknown command): ioredis's ReplyError. */
function isReplyError(error: unknown): error is Error {
  return error instanceof Error && error.name === "ReplyError";
}

function isUnavailable(error: unknown): boolean {
  return error instanceof DoctorError && error.code === ERROR_CODES.redisUnavailable;
}

/**
 * A command that got no answer (connection closed, timed out) becomes REDIS_UNAVAILABLE; Redis's own answers
 * (ReplyError) pass through for the caller to read. Either way never a crash of the check: that is for bugs.
 */
function asUnavailable(error: unknown): never {
  if (isReplyError(error) || error instanceof DoctorError) throw error;
  const message = error instanceof Error ? error.message : String(error);
  throw new DoctorError(ERROR_CODES.redisUnavailable, `Redis: ${safeText(message, 120)}`, { cause: error });
}

function statusOf(findings: readonly Finding<Code>[]): CheckStatus {
  if (findings.some((f) => f.urgency === "critical" || f.urgency === "high")) return "fail";
  return findings.length > 0 ? "warn" : "ok";
}

function unavailable(ctx: DoctorContext, location: string, url: string, error: unknown): Outcome {
  const reason = reasonOf(error);
  return {
    status: "fail",
    summary: { key: "check.redis.summary.unavailable", params: { location } },
    evidence: { store: location, error: reason },
    findings: [
      finding("REDIS_UNAVAILABLE", {
        text: "check.redis.unavailable",
        params: { url, reason },
        command: `${redisCli(ctx)} ping`,
        evidence: { url },
      }),
    ],
  };
}

/** Why a connection failed, without the URL (named separately) and without anything secret-shaped. */
function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  if (typeof cause?.code === "string") return cause.code;
  const message = error instanceof Error ? error.message : String(error);
  return safeText(message.replace(/^Redis( at \S+)?: /, ""), 120);
}

/** The Redis URL for messages: the configured one redacted, or (a store passed in) what its location says. */
function displayUrl(ctx: DoctorContext, store: RedisTokenStore): string {
  if (ctx.config.redis) return redactRedisUrl(ctx.config.redis.url);
  return store.location.replace(/ \(.*\)$/, "");
}

/**
 * `redis-cli -u …` for commands: the URL itself when the config file gave it (the file holds no passwords),
 * else the variable that holds it, so a command never prints the password.
 */
function redisCli(ctx: DoctorContext): string {
  const redis = ctx.config.redis;
  if (redis && ctx.config.sources.redisUrl === "file") return `redis-cli -u ${shellQuote(redis.url)}`;
  return 'redis-cli -u "$CAFE24_REDIS_URL"';
}

type Ask = <T>(command: Promise<T>) => Promise<T>;

export interface Latency {
  medianMs: number;
  maxMs: number;
  evidence: Record<string, EvidenceValue>;
}

async function measureLatency(redis: Redis, ask: Ask): Promise<Latency> {
  const samples: number[] = [];
  for (let i = 0; i < PINGS; i++) {
    const started = performance.now();
    await ask(redis.ping());
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const medianMs = Math.round(samples[Math.floor(samples.length / 2)] ?? 0);
  const maxMs = Math.round(samples.at(-1) ?? 0);
  return { medianMs, maxMs, evidence: { latencyMs: medianMs, maxLatencyMs: maxMs } };
}

/** REDIS_SLOW when the median PING is over REDIS_SLOW_MS. */
export function redisLatencyFindings(latency: Latency): Finding<Code>[] {
  if (latency.medianMs <= REDIS_SLOW_MS) return [];
  return [
    finding("REDIS_SLOW", {
      text: "check.redis.slow",
      params: { ms: latency.medianMs, maxMs: latency.maxMs, count: PINGS },
    }),
  ];
}

/** What the store needs of a Redis version (INFO's redis_version; Valkey reports a compatible one). */
export function redisVersionFindings(version: string): Finding<Code>[] {
  const parsed = parseVersion(version);
  if (!parsed) return [];
  if (below(parsed, REQUIRED_VERSION)) {
    return [
      finding("REDIS_VERSION_UNSUPPORTED", { text: "check.redis.versionUnsupported", params: { version } }),
    ];
  }
  if (below(parsed, CURRENT_VERSION)) {
    return [finding("REDIS_VERSION_OLD", { text: "check.redis.versionOld", params: { version } })];
  }
  return [];
}

function parseVersion(version: string): Version | undefined {
  const match = /^(\d+)\.(\d+)/.exec(version);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

function below(version: Version, than: Version): boolean {
  return version[0] < than[0] || (version[0] === than[0] && version[1] < than[1]);
}

/** `INFO` as a map of its `name:value` lines. */
function parseInfo(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0 && !line.startsWith("#")) fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
  }
  return fields;
}

/** `CONFIG GET name`, or the reason it was refused (managed Redis renames or forbids CONFIG). */
async function configGet(
  redis: Redis,
  name: string,
  ask: Ask,
): Promise<{ value?: string; refused?: string }> {
  try {
    const answer = (await ask(redis.config("GET", name))) as unknown;
    const pairs = Array.isArray(answer) ? answer.map(String) : [];
    const at = pairs.indexOf(name);
    return at >= 0 && at + 1 < pairs.length
      ? { value: pairs[at + 1] }
      : { refused: "CONFIG GET answered nothing" };
  } catch (error) {
    // Managed Redis answers CONFIG with an error (renamed, forbidden): unknown, not unavailable.
    if (isReplyError(error)) return { refused: safeText(error.message, 80) };
    throw error;
  }
}

interface Part {
  findings: Finding<Code>[];
  evidence: Record<string, EvidenceValue>;
}

async function evictionFindings(
  ctx: DoctorContext,
  redis: Redis,
  info: Map<string, string>,
  ask: Ask,
): Promise<Part> {
  const configured = await configGet(redis, "maxmemory-policy", ask);
  const policy = configured.value ?? info.get("maxmemory_policy");
  const maxmemory = Number(info.get("maxmemory") ?? Number.NaN);
  const evidence: Record<string, EvidenceValue> = {
    evictionPolicy: policy ?? null,
    maxmemory: Number.isFinite(maxmemory) ? maxmemory : null,
  };
  if (policy === undefined) {
    return {
      evidence,
      findings: [
        finding("REDIS_EVICTION_UNKNOWN", {
          text: "check.redis.evictionUnknown",
          params: { reason: configured.refused ?? "unknown" },
        }),
      ],
    };
  }
  if (!policy.startsWith("allkeys-")) return { evidence, findings: [] };
  return {
    evidence,
    findings: [
      finding("REDIS_EVICTION_POLICY", {
        text: "check.redis.eviction",
        params: { policy, maxmemory: Number.isFinite(maxmemory) ? String(maxmemory) : "unknown" },
        // Without a memory limit nothing is evicted today, but one set later starts evicting at once.
        ...(maxmemory === 0 ? { urgency: "medium" as const } : {}),
        command: `${redisCli(ctx)} CONFIG SET maxmemory-policy noeviction`,
      }),
    ],
  };
}

async function persistenceFindings(
  ctx: DoctorContext,
  redis: Redis,
  info: Map<string, string>,
  ask: Ask,
): Promise<Part> {
  const aof = info.get("aof_enabled") === "1";
  if (aof) return { evidence: { aof: true }, findings: [] };
  const save = await configGet(redis, "save", ask);
  const evidence: Record<string, EvidenceValue> = { aof: false, save: save.value ?? null };
  const enableAof = `${redisCli(ctx)} CONFIG SET appendonly yes`;
  if (save.value === undefined) {
    return {
      evidence,
      findings: [
        finding("REDIS_PERSISTENCE_UNKNOWN", {
          text: "check.redis.persistenceUnknown",
          params: { reason: save.refused ?? "unknown" },
        }),
      ],
    };
  }
  if (save.value.trim() === "") {
    return {
      evidence,
      findings: [finding("REDIS_NO_PERSISTENCE", { text: "check.redis.noPersistence", command: enableAof })],
    };
  }
  return {
    evidence,
    findings: [
      finding("REDIS_SNAPSHOTS_ONLY", {
        text: "check.redis.snapshotsOnly",
        params: { save: save.value },
        command: enableAof,
      }),
    ],
  };
}

/** Keys matching `pattern`, at most SCAN_LIMIT of them, stopping at the deadline. */
async function scanKeys(
  ctx: DoctorContext,
  redis: Redis,
  pattern: string,
  ask: Ask,
): Promise<{ keys: string[]; complete: boolean }> {
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await ask(redis.scan(cursor, "MATCH", pattern, "COUNT", 500));
    keys.push(...batch);
    cursor = next;
    if (keys.length >= SCAN_LIMIT || ctx.signal.aborted)
      return { keys: keys.slice(0, SCAN_LIMIT), complete: false };
  } while (cursor !== "0");
  return { keys: [...new Set(keys)], complete: true };
}

/** A glob pattern matching `text` literally. */
function globLiteral(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}

/** The mall of a per-mall key `<base>{mall}`, when the key has that shape. */
function mallOfKey(key: string, base: string): string | undefined {
  if (!key.startsWith(base)) return undefined;
  return /^\{([^{}]+)\}$/.exec(key.slice(base.length))?.[1];
}

/** `<prefix><kind>:<client id>:`: what RedisKeys puts before a mall's `{hash tag}`. */
function keyBase(store: RedisTokenStore, kind: "lock" | "token"): string {
  return store.keys[kind]("").replace(/\{\}$/, "");
}

function names(malls: readonly string[]): string {
  return malls.length > NAMED
    ? `${malls.slice(0, NAMED).join(", ")} (+${malls.length - NAMED})`
    : malls.join(", ");
}

/** The first few of `values`, each quoted for a POSIX shell. */
function quoted(values: readonly string[]): string {
  return values.slice(0, NAMED).map(shellQuote).join(" ");
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

async function lockFindings(
  ctx: DoctorContext,
  store: RedisTokenStore,
  redis: Redis,
  cli: string,
  ask: Ask,
): Promise<Part> {
  const base = keyBase(store, "lock");
  const scan = await scanKeys(ctx, redis, `${globLiteral(base)}*`, ask);
  const locks = scan.keys.filter((key) => mallOfKey(key, base) !== undefined).sort();
  const evidence: Record<string, EvidenceValue> = { locks: locks.length };
  if (locks.length === 0) return { evidence, findings: [] };
  const pipeline = redis.pipeline();
  for (const key of locks) pipeline.pttl(key);
  const answers = (await ask(pipeline.exec())) ?? [];
  const leaseMs = REDIS_TOKEN_STORE_DEFAULTS.leaseMs;
  const noTtl: string[] = [];
  const long: { key: string; ms: number }[] = [];
  locks.forEach((key, i) => {
    const ttl = answers[i]?.[1];
    if (ttl === -1) noTtl.push(key);
    else if (typeof ttl === "number" && ttl > LONG_LEASE_FACTOR * leaseMs) long.push({ key, ms: ttl });
  });
  const findings: Finding<Code>[] = [];
  const mallsOf = (keys: readonly string[]) => keys.map((key) => mallOfKey(key, base) ?? key);
  if (noTtl.length > 0) {
    findings.push(
      finding("REDIS_LOCK_NO_TTL", {
        text: "check.redis.lockNoTtl",
        params: { mallId: names(mallsOf(noTtl)), key: names(noTtl) },
        command: `${cli} DEL ${quoted(noTtl)}`,
        evidence: { malls: mallsOf(noTtl) },
      }),
    );
  }
  const first = long[0];
  if (first) {
    const keys = long.map((l) => l.key);
    findings.push(
      finding("REDIS_LOCK_LONG_LEASE", {
        text: "check.redis.lockLongLease",
        params: {
          mallId: names(mallsOf(keys)),
          key: names(keys),
          seconds: Math.round(first.ms / 1000),
          leaseSeconds: Math.round(leaseMs / 1000),
        },
        command: `${cli} DEL ${quoted(keys)}`,
        evidence: { malls: mallsOf(keys) },
      }),
    );
  }
  return { evidence, findings };
}

interface RecordsPart extends Part {
  malls: number;
}

async function recordFindings(
  ctx: DoctorContext,
  store: RedisTokenStore,
  redis: Redis,
  cli: string,
  ask: Ask,
): Promise<RecordsPart> {
  const base = keyBase(store, "token");
  const indexKey = store.keys.index();
  const indexed = new Set(await ask(redis.smembers(indexKey)));
  const scan = await scanKeys(ctx, redis, `${globLiteral(base)}*`, ask);
  const records = scan.keys
    .map((key) => ({ key, mallId: mallOfKey(key, base) }))
    .filter((r): r is { key: string; mallId: string } => r.mallId !== undefined)
    .sort((a, b) => a.key.localeCompare(b.key));

  const invalid: { key: string; mallId: string; problem: string }[] = [];
  const wrongMall: { key: string; mallId: string; recordMall: string }[] = [];
  const pipeline = redis.pipeline();
  for (const { key } of records) pipeline.hmget(key, "token", "revision");
  const answers = records.length > 0 ? ((await ask(pipeline.exec())) ?? []) : [];
  records.forEach(({ key, mallId }, i) => {
    const [error, fields] = answers[i] ?? [null, undefined];
    if (error) {
      invalid.push({ key, mallId, problem: safeText(String((error as Error).message ?? error), 80) });
      return;
    }
    const [json, revision] = (fields ?? []) as (string | null)[];
    if (!json || !revision) {
      invalid.push({ key, mallId, problem: json ? "it has no revision" : "it has no token field" });
      return;
    }
    try {
      const contents = parseTokenFile(Buffer.from(json), { path: key, mallId });
      if (contents.fileMallId !== undefined && contents.fileMallId !== mallId) {
        wrongMall.push({ key, mallId, recordMall: contents.fileMallId });
      }
    } catch (parseError) {
      const problem =
        parseError instanceof DoctorError
          ? (parseError.details[0] ?? parseError.message)
          : String(parseError);
      invalid.push({ key, mallId, problem: safeText(problem, 120) });
    }
  });

  const recorded = new Set(records.map((r) => r.mallId));
  const notIndexed = records.filter((r) => !indexed.has(r.mallId)).map((r) => r.mallId);
  const stale = scan.complete ? [...indexed].filter((mallId) => !recorded.has(mallId)).sort() : [];
  const findings: Finding<Code>[] = [];
  for (const record of invalid) {
    findings.push(
      finding("REDIS_RECORD_INVALID", {
        text: "check.redis.recordInvalid",
        params: { mallId: record.mallId, key: record.key, problem: record.problem },
        command: `cafe24-doctor token login --mall ${record.mallId}`,
      }),
    );
  }
  for (const record of wrongMall) {
    findings.push(
      finding("REDIS_RECORD_WRONG_MALL", {
        text: "check.redis.recordWrongMall",
        params: { mallId: record.mallId, key: record.key, recordMall: record.recordMall },
        command: `cafe24-doctor token login --mall ${record.mallId}`,
      }),
    );
  }
  if (notIndexed.length > 0) {
    findings.push(
      finding("REDIS_RECORD_NOT_INDEXED", {
        text: "check.redis.notIndexed",
        params: { malls: names(notIndexed), key: indexKey },
        command: `${cli} SADD ${shellQuote(indexKey)} ${quoted(notIndexed)}`,
        evidence: { malls: notIndexed },
      }),
    );
  }
  if (stale.length > 0) {
    findings.push(
      finding("REDIS_INDEX_STALE", {
        text: "check.redis.indexStale",
        params: { malls: names(stale), key: indexKey },
        command: `${cli} SREM ${shellQuote(indexKey)} ${quoted(stale)}`,
        evidence: { malls: stale },
      }),
    );
  }
  return {
    malls: recorded.size,
    evidence: { records: records.length, indexed: indexed.size, scanComplete: scan.complete },
    findings,
  };
}
