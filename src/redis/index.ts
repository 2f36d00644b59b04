/**
 * "cafe24-doctor/redis": what keeps state in Redis so that many app instances act as one. Its own entry because
 * it loads ioredis, which an app without Redis never needs.
 */

// The token store: one record per (client id, mall id), compare-and-set with fencing, a leased lock.
export {
  DEFAULT_REDIS_PREFIX,
  openRedis,
  type RedisConnectionOptions,
  redactRedisUrl,
} from "./redis-connection.js";
export { RedisKeys } from "./redis-keys.js";
// Shared pacing: one rate limit per mall across every instance.
export {
  RedisPacerState,
  type RedisPacerStateOptions,
  type RedisPacingOptions,
  redisPacing,
} from "./redis-pacer-state.js";
export {
  REDIS_TOKEN_STORE_DEFAULTS,
  RedisTokenStore,
  type RedisTokenStoreOptions,
} from "./redis-token-store.js";
