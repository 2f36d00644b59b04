import { createHash } from "node:crypto";

/** A Lua script run by EVALSHA (its SHA-1 computed here, so no round trip is needed to learn it). */
export interface LuaScript {
  source: string;
  sha: string;
}

function script(source: string): LuaScript {
  return { source, sha: createHash("sha1").update(source).digest("hex") };
}

/**
 * KEYS: lock, fence hash. ARGV: owner, lease ms. Takes the lock and issues the next fencing number (> 0), or
 * answers minus the lock's remaining lease in ms.
 */
export const ACQUIRE_LOCK = script(`
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return redis.call('HINCRBY', KEYS[2], 'issued', 1)
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 1 then ttl = 1 end
return -ttl
`);

/** KEYS: lock. ARGV: owner, lease ms. Extends the lease only while the owner still holds it: 1, else 0. */
export const RENEW_LOCK = script(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
`);

/** KEYS: lock. ARGV: owner. Releases only the owner's own lock (never a later holder's): 1, else 0. */
export const RELEASE_LOCK = script(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`);

/**
 * KEYS: token hash, fence hash. ARGV: expected revision ('' = none stored), token JSON, writer's fence (0 = no
 * lock held), notification channel, mall id. A fence below the highest one accepted is refused first (its holder
 * lost the lock to someone who has saved since); then the revision must match. Revisions come from a counter
 * that survives deletion, so a revision is never reused for one mall. Answers {1, revision} or {0, reason}.
 */
export const COMPARE_AND_SET = script(`
local current = redis.call('HMGET', KEYS[1], 'revision', 'fence')
local fence = tonumber(ARGV[3])
local highest = tonumber(current[2] or '0') or 0
if fence > 0 and fence < highest then return {0, 'fence'} end
if (current[1] or '') ~= ARGV[1] then return {0, 'revision'} end
local revision = tostring(redis.call('HINCRBY', KEYS[2], 'revision', 1))
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
if fence > highest then highest = fence end
redis.call('HSET', KEYS[1], 'token', ARGV[2], 'revision', revision, 'receivedAt', tostring(now), 'fence', tostring(highest))
redis.call('PUBLISH', ARGV[4], ARGV[5] .. ' ' .. revision)
return {1, revision}
`);
