import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { toTokenSet } from "../../src/cafe24/token-response.js";
import type { EmulatorMall } from "../../src/emulator/emulator.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { tokenId } from "../../src/emulator/state/tokens.js";
import { Cafe24Client } from "../../src/http/cafe24-client.js";
import type { RedisTokenStore } from "../../src/redis/redis-token-store.js";
import { TokenManager } from "../../src/tokens/token-manager.js";
import { launch, oauthOf, SECOND } from "../helpers/emulator.js";
import { redisUnavailable } from "../helpers/redis-server.js";
import { type RedisStores, untilCurrent, useStores } from "../helpers/stores.js";

/**
 * The library over Redis where files have no counterpart: several machines (each a RedisTokenStore on its own
 * connections) keeping one app alive, and the local cache that pub/sub keeps current. The scenarios shared with
 * files and memory run over Redis in test/tokens/token-manager.test.ts and test/watch/watch-keeps-app-alive.test.ts.
 */
describe.skipIf(redisUnavailable("the TokenManager-over-Redis tests"))("TokenManager over Redis", () => {
  const stores = useStores("redis");

  it("keeps an app on two machines alive for 40 access-token lifetimes: one refresh per due point, no 401, no invalid_grant", async () => {
    const ACCESS_SEC = 10;
    const { emu, mall, seed } = await world(stores, { ttl: { accessSec: ACCESS_SEC, refreshSec: 60 } });
    const machines = [machine(stores, emu, mall), machine(stores, emu, mall)];
    const steps = 40 * ACCESS_SEC;
    let calls = 0;
    for (let step = 0; step < steps; step++) {
      emu.control.advanceClock(SECOND);
      // Both machines call at the same instant: at every due point both want a refresh; the lock lets one do it
      // and the other take its token under the lock, never sending the access token the refresh killed.
      const answers = await Promise.all(machines.map((m) => m.client.get("/store")));
      calls += answers.filter((a) => a.status === 200).length;
    }
    const stats = emu.control.stats(mall.mallId);
    expect(calls).toBe(2 * steps);
    expect(stats.responses["401"] ?? 0).toBe(0);
    expect(stats.invalidGrant).toBe(0);
    // Refreshed at half the access token's lifetime: once every 5 s, by whichever machine got the lock.
    expect(stats.grants.refresh_token).toBe(steps / (ACCESS_SEC / 2));
    expect(machines[0]?.refreshes() ?? 0).toBeGreaterThan(0);
    expect((machines[0]?.refreshes() ?? 0) + (machines[1]?.refreshes() ?? 0)).toBe(
      stats.grants.refresh_token,
    );
    const stored = await seed.get(mall.mallId);
    expect(tokenId(stored?.token.refreshToken ?? "")).toBe(stats.currentRefreshTokenId);
    expect((await adminStatus(emu, stored?.token.accessToken ?? "")).status).toBe(200);
  });

  it("two machines forcing refreshes at once, round after round: one refresh per round, no invalid_grant", async () => {
    const { emu, mall, seed } = await world(stores);
    const machines = [machine(stores, emu, mall), machine(stores, emu, mall)];
    const ROUNDS = 25;
    for (let round = 0; round < ROUNDS; round++) {
      // Five callers on each machine: one refresh per machine at most, and the lock makes it one in all, since
      // the second machine finds under the lock that the token it saw is gone.
      const refreshed = await Promise.all(
        machines.flatMap((m) => Array.from({ length: 5 }, () => m.manager.forceRefresh())),
      );
      expect(new Set(refreshed.map((t) => t.refreshToken)).size, `round ${round}`).toBe(1);
      expect(emu.control.stats(mall.mallId).grants.refresh_token, `round ${round}`).toBe(round + 1);
    }
    const stats = emu.control.stats(mall.mallId);
    expect(stats.invalidGrant).toBe(0);
    const stored = await seed.get(mall.mallId);
    expect(tokenId(stored?.token.refreshToken ?? "")).toBe(stats.currentRefreshTokenId);
    for (const m of machines) {
      await untilCurrent(m.store, seed, mall.mallId);
      const token = await m.manager.getAccessToken();
      expect(token).toBe(stored?.token.accessToken);
      expect((await adminStatus(emu, token)).status).toBe(200);
    }
  });

  it("getAccessToken() on a fresh token makes no Redis round trip: the first read is cached", async () => {
    const { emu, mall } = await world(stores);
    const m = machine(stores, emu, mall);
    const redis = await stores.connect();

    let before = await commandCounts(redis);
    const first = await m.manager.getAccessToken();
    // The first call connects (scripts, epoch, subscription) and reads the token once.
    expect(delta(before, await commandCounts(redis))).toMatchObject({ hmget: 1 });

    before = await commandCounts(redis);
    for (let i = 0; i < 100; i++) expect(await m.manager.getAccessToken()).toBe(first);
    await m.manager.status();
    expect(delta(before, await commandCounts(redis))).toEqual({});
    expect(emu.control.stats(mall.mallId).grants.refresh_token).toBe(0);
  });

  it("a refresh by one machine is adopted by the other once its notification arrives: one read, no refresh, never stale again", async () => {
    const { emu, mall } = await world(stores);
    const [a, b] = [machine(stores, emu, mall), machine(stores, emu, mall)];
    const old = await b.manager.getAccessToken();
    expect(await a.manager.getAccessToken()).toBe(old);
    const redis = await stores.connect();

    const refreshed = await a.manager.forceRefresh();
    const before = await commandCounts(redis);
    // B serves its cached token until the notification arrives, then the new one: bounded polling, no sleep.
    const served: string[] = [];
    for (let poll = 0; poll < 5_000 && served.at(-1) !== refreshed.accessToken; poll++) {
      if (poll > 0) await new Promise((resolve) => setTimeout(resolve, 1));
      served.push(await b.manager.getAccessToken());
    }
    expect(served.at(-1), "B never adopted A's token").toBe(refreshed.accessToken);
    expect(served.filter((t) => t !== old && t !== refreshed.accessToken)).toEqual([]);
    // Once adopted, always adopted (the notification is not undone), and from the cache again.
    for (let i = 0; i < 100; i++) expect(await b.manager.getAccessToken()).toBe(refreshed.accessToken);
    expect(delta(before, await commandCounts(redis))).toEqual({ hmget: 1 });
    expect(b.refreshes()).toBe(0);
    expect(emu.control.stats(mall.mallId).grants.refresh_token).toBe(1);
    expect((await adminStatus(emu, refreshed.accessToken)).status).toBe(200);
    expect((await adminStatus(emu, old)).status).toBe(401);
  });
});

/** An emulator (frozen clock, no rate limit) and its mall's token stored in Redis through a handle of the test's. */
async function world(stores: RedisStores, options: Parameters<typeof launch>[0] = {}) {
  const emu = await launch({ rateLimit: { enabled: false }, ...options });
  const mall = emu.malls[0];
  if (!mall?.clientSecret) throw new Error("demo mall expected");
  // The test's own handle reads Redis every time (no cache): what the store holds, not what a machine believes.
  const seed = stores.open({ clientId: mall.clientId, redis: { cacheMaxAgeMs: 0 } });
  const written = await seed.compareAndSet(
    mall.mallId,
    undefined,
    toTokenSet(emu.control.issueTokens(mall.mallId), mall.mallId),
  );
  if (!written.ok) throw new Error("seeding Redis failed");
  return { emu, mall, seed };
}

/** One machine of the app: its own RedisTokenStore (own connections and cache), manager and client. */
function machine(stores: RedisStores, emu: RunningEmulator, mall: EmulatorMall) {
  const store: RedisTokenStore = stores.open({ clientId: mall.clientId });
  const manager = new TokenManager({ store, oauth: oauthOf(emu, mall), now: () => emu.control.now() });
  let refreshes = 0;
  manager.on("refreshed", () => refreshes++);
  const client = new Cafe24Client({
    mallId: mall.mallId,
    tokens: manager,
    baseUrl: emu.baseUrlTemplate,
    allowInsecureLoopback: true,
    pacing: { drainPerSec: 1000, maxPerSec: 1000 },
  });
  return { store, manager, client, refreshes: () => refreshes };
}

const adminStatus = (emu: RunningEmulator, token: string) =>
  fetch(`${emu.url}/api/v2/admin/store`, { headers: { authorization: `Bearer ${token}` } });

/** Calls per command since the server started (INFO commandstats), across every connection. */
async function commandCounts(redis: Redis): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const line of (await redis.info("commandstats")).split("\n")) {
    const match = /^cmdstat_([^:]+):calls=(\d+)/.exec(line.trim());
    if (match?.[1] && match[2]) counts.set(match[1], Number(match[2]));
  }
  return counts;
}

/** Commands run between two counts, leaving out the INFO that took them. */
function delta(before: Map<string, number>, after: Map<string, number>): Record<string, number> {
  const ran: Record<string, number> = {};
  for (const [command, calls] of after) {
    const more = calls - (before.get(command) ?? 0);
    if (more > 0 && command !== "info") ran[command] = more;
  }
  return ran;
}
