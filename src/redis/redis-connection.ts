import type { Redis, RedisOptions } from "ioredis";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";

/** Key prefix of every key cafe24-doctor writes, unless configured otherwise. */
export const DEFAULT_REDIS_PREFIX = "cafe24-doctor:";

export interface RedisConnectionOptions {
  /** `redis://[user:password@]host:port/db`, or `rediss://…` for TLS. Never printed: see `redactRedisUrl`. */
  url: string;
  /** A command without an answer in this long fails with REDIS_UNAVAILABLE instead of hanging. @default 5000 */
  commandTimeoutMs?: number;
  /** Connection name shown by `CLIENT LIST` (which replica or command holds a connection). */
  name?: string;
}

/**
 * The URL with its password (and user) replaced: safe for messages, logs and the status page.
 * An unparsable URL is reported by kind only, since it may be all secret.
 */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    if (parsed.username) parsed.username = "***";
    return parsed.toString();
  } catch {
    return "(an invalid Redis URL)";
  }
}

/** Refuses what ioredis would misread (a plain host, another scheme) with the fix, before any connection. */
export function assertRedisUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DoctorError(ERROR_CODES.invalidOptions, "The Redis URL is not a URL.", {
      details: ["Write it as redis://[:password@]host:6379/0, or rediss://… for TLS."],
    });
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    throw new DoctorError(
      ERROR_CODES.invalidOptions,
      `The Redis URL must start with redis:// or rediss:// (got ${parsed.protocol}//).`,
    );
  }
}

/**
 * Opens an ioredis connection (ioredis is loaded on first use, so commands that never touch Redis never pay
 * for it). Commands fail fast while disconnected (one retry, no unbounded offline queue) and reconnects back
 * off up to 2 s: a refresh must learn at once that Redis is gone rather than wait on a queue that may never
 * drain, while a long-running `watch` picks the connection up again by itself.
 */
export async function openRedis(options: RedisConnectionOptions): Promise<Redis> {
  assertRedisUrl(options.url);
  const { Redis } = await import("ioredis");
  const settings: RedisOptions = {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    connectTimeout: options.commandTimeoutMs ?? 5000,
    commandTimeout: options.commandTimeoutMs ?? 5000,
    retryStrategy: (attempt) => Math.min(2000, 50 * 2 ** Math.min(attempt, 6)),
    ...(options.name ? { connectionName: options.name } : {}),
  };
  const redis = new Redis(options.url, settings);
  // ioredis reports every failed reconnect as an 'error' event; callers see failures on their commands. The
  // first connection's error says why (ECONNREFUSED, ENOTFOUND, WRONGPASS) where connect() only says "closed".
  let connectError: unknown;
  redis.on("error", (error: unknown) => {
    connectError ??= error;
  });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw redisUnavailable(options.url, connectError ?? error);
  }
  return redis;
}

/** REDIS_UNAVAILABLE naming the (redacted) server and the cause, never the password. */
export function redisUnavailable(url: string, cause: unknown): DoctorError {
  const reason = withoutPassword(cause instanceof Error ? cause.message : String(cause), url);
  return new DoctorError(ERROR_CODES.redisUnavailable, `Redis at ${redactRedisUrl(url)}: ${reason}`, {
    cause,
  });
}

function withoutPassword(text: string, url: string): string {
  let password = "";
  try {
    password = decodeURIComponent(new URL(url).password);
  } catch {
    return text;
  }
  return password.length >= 3 ? text.split(password).join("***") : text;
}
