import { createHash } from "node:crypto";

/** A Lua script run by EVALSHA (its SHA-1 computed here, so no round trip is needed to learn it). */
export interface ClusterScript {
  source: string;
  sha: string;
}

function script(source: string): ClusterScript {
  return { source, sha: createHash("sha1").update(source).digest("hex") };
}

/*
 * The keys (all under one hash tag, so one Redis Cluster slot; every one declared in KEYS):
 *   due        ZSET  mall → when it next needs work, in the watchers' clock (epoch ms); malls nobody works on
 *   leases     ZSET  mall → lease expiry in Redis' clock (TIME); malls being worked on
 *   holders    HASH  mall → replica id holding its lease
 *   records    HASH  mall → what the last holder knew (JSON, see mall-record.ts)
 *   attention  ZSET  mall → since when it waits for a person
 *   replicas   HASH  replica id → JSON (host, pid, startedAt, leaseMs)
 *   heartbeats ZSET  replica id → when Redis last heard from it (Redis' clock)
 *   removed    HASH  mall → the app is gone from it (JSON, see removal-mark.ts), until a new token revision
 *   meta       HASH  epoch (gone after Redis lost its data), seen (Redis' clock of the last claim or
 *                    heartbeat), grace (no lease is taken over before this)
 * A mall is in exactly one of due and leases. Due times are the watchers' (the clock TokenManager decides
 * "expiring" with); lease times are Redis' own, one clock for every replica whatever their skew.
 */

/**
 * Redis' clock in ms, and the cluster's: an outage (nothing heard from any replica for over a lease, as when
 * Redis was paused or unreachable) opens a grace period of one lease in which no lease is taken over, so that
 * holders that were cut off can renew first — one of them may hold a rotated token that is not saved yet.
 */
const CLOCK = `
local function cluster_clock(meta, lease, candidate)
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  local seen = tonumber(redis.call('HGET', meta, 'seen') or '0') or 0
  local grace = tonumber(redis.call('HGET', meta, 'grace') or '0') or 0
  if seen > 0 and now - seen > lease then
    grace = now + lease
    redis.call('HSET', meta, 'grace', tostring(grace))
  end
  redis.call('HSET', meta, 'seen', tostring(now))
  redis.call('HSETNX', meta, 'epoch', candidate)
  return now, grace, redis.call('HGET', meta, 'epoch')
end
`;

/**
 * KEYS: due, leases, holders, records, meta, heartbeats, removed. ARGV: replica, now (watchers' clock), limit, lease ms,
 * epoch candidate, channel, "alive" window ms. Claims up to `limit` malls: first those whose lease ran out (their
 * holder stopped renewing: it died or was cut off), then the most overdue of the due ones — at most a fair share
 * of them (due ÷ replicas alive, rounded up), so that the replicas ticking next get theirs. Answers {epoch,
 * malls, records, removal marks} and announces the claim on the channel ("C replica mall mall…").
 */
export const CLAIM = script(`${CLOCK}
local lease = tonumber(ARGV[4])
local now, grace, epoch = cluster_clock(KEYS[5], lease, ARGV[5])
local limit = tonumber(ARGV[3])
local claimed = {}
if now >= grace then
  claimed = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, limit)
end
if #claimed < limit then
  local take = limit - #claimed
  local alive = redis.call('ZCOUNT', KEYS[6], now - tonumber(ARGV[7]), '+inf')
  if alive > 1 then
    local share = math.ceil(redis.call('ZCOUNT', KEYS[1], '-inf', ARGV[2]) / alive)
    if share < take then take = share end
  end
  local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[2], 'LIMIT', 0, take)
  if #due > 0 then
    redis.call('ZREM', KEYS[1], unpack(due))
    for _, m in ipairs(due) do claimed[#claimed + 1] = m end
  end
end
if #claimed == 0 then return {epoch, {}, {}, {}} end
local expiry = now + lease
local leases, holders = {}, {}
for _, m in ipairs(claimed) do
  leases[#leases + 1] = expiry
  leases[#leases + 1] = m
  holders[#holders + 1] = m
  holders[#holders + 1] = ARGV[1]
end
redis.call('ZADD', KEYS[2], unpack(leases))
redis.call('HSET', KEYS[3], unpack(holders))
local records = redis.call('HMGET', KEYS[4], unpack(claimed))
local removed = redis.call('HMGET', KEYS[7], unpack(claimed))
redis.call('PUBLISH', ARGV[6], 'C ' .. ARGV[1] .. ' ' .. table.concat(claimed, ' '))
return {epoch, claimed, records, removed}
`);

/**
 * KEYS: due, leases, holders, records, attention. ARGV: replica, channel, then five per mall: mall, due at,
 * record JSON, needs a person ('1'/'0'), since. Hands each mall back to the schedule with its record — only
 * when this replica still holds it, or nobody does and it is not scheduled (Redis lost it meanwhile); a mall
 * taken over by another replica is left to it. Answers the malls released; announces their records ("R\n"
 * then one JSON per line).
 */
export const RELEASE = script(`
local released, published = {}, {}
for i = 3, #ARGV, 5 do
  local m = ARGV[i]
  local holder = redis.call('HGET', KEYS[3], m)
  if holder == ARGV[1] or (not holder and not redis.call('ZSCORE', KEYS[1], m)) then
    if holder then redis.call('HDEL', KEYS[3], m) end
    redis.call('ZREM', KEYS[2], m)
    redis.call('ZADD', KEYS[1], ARGV[i + 1], m)
    redis.call('HSET', KEYS[4], m, ARGV[i + 2])
    if ARGV[i + 3] == '1' then
      redis.call('ZADD', KEYS[5], 'NX', ARGV[i + 4], m)
    else
      redis.call('ZREM', KEYS[5], m)
    end
    released[#released + 1] = m
    published[#published + 1] = ARGV[i + 2]
  end
end
if #published > 0 then redis.call('PUBLISH', ARGV[2], 'R\\n' .. table.concat(published, '\\n')) end
return released
`);

/**
 * KEYS: removed. ARGV: channel, mall, mark JSON. Marks the app as gone from the mall for every replica at once
 * (the claim answers it with the record) and announces it ("X\n" then the JSON).
 */
export const MARK_REMOVED = script(`
redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
redis.call('PUBLISH', ARGV[1], 'X\\n' .. ARGV[3])
return 1
`);

/**
 * KEYS: removed. ARGV: channel, mall, revision ('' for none). Ends the mark only while it still names that
 * revision — one written meanwhile for the newer token stays — and announces it ("x mall"). Answers 1 if ended.
 */
export const CLEAR_REMOVED = script(`
local text = redis.call('HGET', KEYS[1], ARGV[2])
if not text then return 0 end
local ok, mark = pcall(cjson.decode, text)
local revision = ''
if ok and type(mark) == 'table' and type(mark.revision) == 'string' then revision = mark.revision end
if ok and revision ~= ARGV[3] then return 0 end
redis.call('HDEL', KEYS[1], ARGV[2])
redis.call('PUBLISH', ARGV[1], 'x ' .. ARGV[2])
return 1
`);

/**
 * KEYS: leases, holders, meta, replicas, heartbeats. ARGV: replica, its registry JSON, lease ms, epoch
 * candidate, forget replicas silent for this long (ms), then the malls it works on. Records the heartbeat,
 * forgets replicas long silent, renews the leases it still holds. Answers {epoch, malls no longer held}.
 */
export const HEARTBEAT = script(`${CLOCK}
local lease = tonumber(ARGV[3])
local now, grace, epoch = cluster_clock(KEYS[3], lease, ARGV[4])
redis.call('HSET', KEYS[4], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[5], now, ARGV[1])
local gone = redis.call('ZRANGEBYSCORE', KEYS[5], '-inf', now - tonumber(ARGV[5]))
if #gone > 0 then
  redis.call('HDEL', KEYS[4], unpack(gone))
  redis.call('ZREM', KEYS[5], unpack(gone))
end
local lost = {}
for i = 6, #ARGV do
  if redis.call('HGET', KEYS[2], ARGV[i]) == ARGV[1] then
    redis.call('ZADD', KEYS[1], 'XX', now + lease, ARGV[i])
  else
    lost[#lost + 1] = ARGV[i]
  end
end
return {epoch, lost}
`);

/**
 * KEYS: due, leases. ARGV: mall, due at, mall, due at, … Schedules malls the cluster does not know; one already
 * scheduled or in flight keeps its place. Answers how many were added.
 */
export const REGISTER = script(`
local added = 0
for i = 1, #ARGV, 2 do
  if not redis.call('ZSCORE', KEYS[2], ARGV[i]) then
    added = added + redis.call('ZADD', KEYS[1], 'NX', ARGV[i + 1], ARGV[i])
  end
end
return added
`);

/**
 * KEYS: due, leases, holders, attention, replicas, heartbeats. ARGV: now (watchers' clock), "soon" in ms.
 * Counts only (ZCARD, ZCOUNT), plus the holders of the leases, which are bounded by the replicas' concurrency:
 * the same cost for 10 or 10,000 malls. Answers {malls, in flight, overdue, due soon, needing a person,
 * {replica, registry JSON, ms since heard, leases held}…}.
 */
export const VIEW = script(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local waiting = redis.call('ZCARD', KEYS[1])
local leased = redis.call('ZRANGE', KEYS[2], 0, -1)
local overdue = redis.call('ZCOUNT', KEYS[1], '-inf', ARGV[1])
local soon = redis.call('ZCOUNT', KEYS[1], '-inf', tonumber(ARGV[1]) + tonumber(ARGV[2]))
local attention = redis.call('ZCARD', KEYS[4])
local held = {}
for i = 1, #leased, 1000 do
  local holders = redis.call('HMGET', KEYS[3], unpack(leased, i, math.min(i + 999, #leased)))
  for _, h in ipairs(holders) do
    if h then held[h] = (held[h] or 0) + 1 end
  end
end
local replicas = {}
local entries = redis.call('HGETALL', KEYS[5])
for i = 1, #entries, 2 do
  local seen = tonumber(redis.call('ZSCORE', KEYS[6], entries[i]) or '0') or 0
  replicas[#replicas + 1] = {entries[i], entries[i + 1], now - seen, held[entries[i]] or 0}
end
return {waiting + #leased, #leased, overdue, soon + #leased, attention, replicas}
`);
