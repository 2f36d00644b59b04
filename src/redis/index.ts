/**
 * "cafe24-doctor/redis": what keeps state in Redis so that many app instances act as one. Its own entry because
 * it loads ioredis, which an app without Redis never needs.
 */

// Shared pacing: one rate limit per mall across every instance.
export {
  RedisPacerState,
  type RedisPacerStateOptions,
  type RedisPacingOptions,
  redisPacing,
} from "./redis-pacer-state.js";
