import { describe, expect, it } from "vitest";
import { toTokenSet } from "../../src/cafe24/token-response.js";
import type { TokenSet } from "../../src/cafe24/token-set.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { tokenId } from "../../src/emulator/state/tokens.js";
import { DoctorError, ERROR_CODES } from "../../src/errors/doctor-error.js";
import { Cafe24Client } from "../../src/http/cafe24-client.js";
import type { TokenStore } from "../../src/store/token-store.js";
import { TokenManager } from "../../src/tokens/token-manager.js";
import { DAY, HOUR, launch, oauthOf, SECOND } from "../helpers/emulator.js";
import { type StoreKind, type Stores, storeKinds, useStores } from "../helpers/stores.js";

for (const { kind, unavailable } of storeKinds(
  ["memory", "file", "redis"],
  "the TokenManager tests over Redis",
)) {
  describe.skipIf(unavailable)(`TokenManager over a ${kind} store`, () => {
    tokenManagerTests(useStores(kind));
  });
}

/** Where status() says the tokens are: the store's own words, never a secret. */
const LOCATION: Record<StoreKind, (store: TokenStore) => void> = {
  memory: (store) => expect(store.location).toBe("memory"),
  file: (store) => expect(store.location).toMatch(/\{mall_id\}\.json$/),
  redis: (store) => expect(store.location).toMatch(/^redis:\/\/127\.0\.0\.1:\d+\/? \(t\d+-[0-9a-f]+:/),
};

function tokenManagerTests(stores: Stores) {
  async function setup(options: Parameters<typeof launch>[0] = {}) {
    const emu = await launch(options);
    const mall = emu.malls[0];
    if (!mall?.clientSecret) throw new Error("demo mall expected");
    const store = stores.open({ clientId: mall.clientId, now: () => emu.control.now() });
    const seed = toTokenSet(emu.control.issueTokens(mall.mallId), mall.mallId);
    await store.compareAndSet(mall.mallId, undefined, seed);
    const manager = new TokenManager({
      store,
      now: () => emu.control.now(),
      oauth: oauthOf(emu, mall),
    });
    return { emu, mall, store, manager, seed };
  }

  const storedToken = async (store: TokenStore, mallId: string) =>
    (await store.get(mallId))?.token as TokenSet;

  const adminStatus = async (emu: RunningEmulator, token: string) =>
    (await fetch(`${emu.url}/api/v2/admin/store`, { headers: { authorization: `Bearer ${token}` } })).status;

  it("hands out the stored access token while it has more than five minutes left, without refreshing", async () => {
    const { emu, manager, seed } = await setup();
    emu.control.advanceClock(2 * HOUR - 6 * 60 * SECOND);
    expect(await manager.getAccessToken()).toBe(seed.accessToken);
    expect(emu.control.stats().grants.refresh_token).toBe(0);
  });

  it("refreshes once the access token is within five minutes of expiry, and stores the rotated pair", async () => {
    const { emu, mall, manager, store, seed } = await setup();
    emu.control.advanceClock(2 * HOUR - 4 * 60 * SECOND);
    const token = await manager.getAccessToken();
    expect(token).not.toBe(seed.accessToken);
    expect(await adminStatus(emu, token)).toBe(200);
    const stored = await storedToken(store, mall.mallId);
    expect(tokenId(stored.refreshToken)).toBe(emu.control.stats().currentRefreshTokenId);
  });

  it("makes exactly one refresh for 200 concurrent callers holding an expired access token", async () => {
    const { emu, manager } = await setup();
    emu.control.advanceClock(3 * HOUR);
    const tokens = await Promise.all(Array.from({ length: 200 }, () => manager.getAccessToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(emu.control.stats().grants.refresh_token).toBe(1);
    expect(emu.control.stats().invalidGrant).toBe(0);
  });

  it("lets 200 concurrent Cafe24Client calls with an expired access token cause exactly one refresh", async () => {
    const { emu, manager, mall } = await setup({ rateLimit: { capacity: 400, drainPerSec: 100 } });
    const client = new Cafe24Client({
      mallId: mall.mallId,
      tokens: manager,
      baseUrl: emu.baseUrlTemplate,
      allowInsecureLoopback: true,
      pacing: { capacity: 400, drainPerSec: 100, maxPerSec: 10_000 },
    });
    emu.control.advanceClock(3 * HOUR);
    const answers = await Promise.all(Array.from({ length: 200 }, () => client.get("/store")));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const stats = emu.control.stats();
    expect(stats.grants.refresh_token).toBe(1);
    expect(stats.responses["401"]).toBeUndefined();
  });

  it("does not refresh on every call when tokens are short-lived (test setups with seconds-long tokens)", async () => {
    const { emu, manager } = await setup({ ttl: { accessSec: 10 } });
    for (let i = 0; i < 3; i++) {
      await manager.getAccessToken();
      emu.control.advanceClock(2 * SECOND);
    }
    expect(emu.control.stats().grants.refresh_token).toBe(0);
    await manager.getAccessToken(); // 4 s left: under half the 10 s lifetime
    await manager.getAccessToken();
    await manager.getAccessToken();
    expect(emu.control.stats().grants.refresh_token).toBe(1);
  });

  it("after a 401 returns the newer stored token without refreshing when someone else already refreshed", async () => {
    const { emu, mall, manager, store, seed } = await setup();
    const other = toTokenSet(emu.control.issueTokens(mall.mallId), mall.mallId);
    const current = await store.get(mall.mallId);
    await store.compareAndSet(mall.mallId, current?.revision, other);
    expect(await manager.handleUnauthorized(seed.accessToken)).toBe(other.accessToken);
    expect(emu.control.stats().grants.refresh_token).toBe(0);
  });

  it("after a 401 on the current token refreshes once, however many callers report it", async () => {
    const { emu, manager, seed } = await setup();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => manager.handleUnauthorized(seed.accessToken)),
    );
    expect(new Set(results).size).toBe(1);
    expect(results[0]).not.toBe(seed.accessToken);
    expect(emu.control.stats().grants.refresh_token).toBe(1);
  });

  it("declares re-authorization required when the refresh token was rotated away and nobody stored the new one", async () => {
    const { emu, mall, manager, seed } = await setup();
    const stolen = await fetch(`${emu.url}/api/v2/oauth/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${mall.clientId}:${mall.clientSecret}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: seed.refreshToken }),
    });
    expect(stolen.status).toBe(200);
    const events: string[] = [];
    manager.on("reauth-required", (e) => events.push(e.message));
    emu.control.advanceClock(3 * HOUR);
    const error = await manager.getAccessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DoctorError);
    expect((error as DoctorError).code).toBe(ERROR_CODES.reauthRequired);
    expect(events).toHaveLength(1);
    const visible = JSON.stringify({ error, message: (error as Error).message, events });
    expect(visible).not.toContain(seed.refreshToken);
    expect(visible).not.toContain(mall.clientSecret);
  });

  it("on invalid_grant re-reads the store once and adopts a token another process wrote meanwhile", async () => {
    const emu = await launch();
    const mall = emu.malls[0];
    if (!mall?.clientSecret) throw new Error("demo mall expected");
    const store = stores.open({ clientId: mall.clientId });
    const seed = toTokenSet(emu.control.issueTokens(mall.mallId), mall.mallId);
    await store.compareAndSet(mall.mallId, undefined, seed);
    const winner = toTokenSet(emu.control.issueTokens(mall.mallId), mall.mallId);
    const manager = new TokenManager({
      store,
      oauth: { mallId: mall.mallId, clientId: mall.clientId, clientSecret: mall.clientSecret },
      refresh: async () => {
        // Another process (not using our lock) rotates and stores first; our own refresh then loses.
        const current = await store.get(mall.mallId);
        await store.compareAndSet(mall.mallId, current?.revision, winner);
        throw new DoctorError(ERROR_CODES.reauthRequired, "Invalid refresh_token");
      },
    });
    expect(await manager.handleUnauthorized(seed.accessToken)).toBe(winner.accessToken);
  });

  it("reports refresh failures other than invalid_grant as refresh-failed, keeping the stored token", async () => {
    const { emu, mall, manager, store, seed } = await setup();
    emu.control.setFaults([{ kind: "status", status: 503, route: "/api/v2/oauth/token" }]);
    const failures: string[] = [];
    manager.on("refresh-failed", (e) => failures.push(e.code));
    emu.control.advanceClock(3 * HOUR);
    await expect(manager.getAccessToken()).rejects.toBeInstanceOf(DoctorError);
    expect(failures).toHaveLength(1);
    expect((await storedToken(store, mall.mallId)).refreshToken).toBe(seed.refreshToken);
  });

  it("keeps an idle mall alive: refreshes when the refresh token nears its 14 days, not before", async () => {
    const { emu, manager } = await setup();
    emu.control.advanceClock(10 * DAY);
    expect(await manager.keepAlive(3 * DAY)).toBe(false);
    emu.control.advanceClock(1.5 * DAY);
    expect(await manager.keepAlive(3 * DAY)).toBe(true);
    const status = await manager.status();
    expect(status.refreshToken.remainingMs).toBe(14 * DAY);
    expect(emu.control.stats().grants.refresh_token).toBe(1);
  });

  it("reports both tokens' remaining life", async () => {
    const { emu, manager, store } = await setup();
    emu.control.advanceClock(HOUR);
    const status = await manager.status();
    expect(status.accessToken).toMatchObject({ remainingMs: HOUR, expired: false });
    expect(status.refreshToken).toMatchObject({ remainingMs: 14 * DAY - HOUR, expired: false });
    expect(status.location).toBe(store.location);
    LOCATION[stores.kind](store);
    emu.control.advanceClock(2 * HOUR);
    expect((await manager.status()).accessToken.expired).toBe(true);
  });

  it("says how to authorize when the store has no token for the mall", async () => {
    const manager = new TokenManager({
      store: stores.open(),
      oauth: { mallId: "emptymall", clientId: "id", clientSecret: "secret" },
    });
    await expect(manager.getAccessToken()).rejects.toMatchObject({
      code: ERROR_CODES.tokenNotFound,
      message: expect.stringContaining("token login"),
    });
  });
}
