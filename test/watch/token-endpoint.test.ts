import { describe, expect, it } from "vitest";
import { SECOND } from "../helpers/emulator.js";
import { type Stores, storeKinds, useStores } from "../helpers/stores.js";
import {
  ACCESS_SEC,
  type EndpointRig,
  endpointRig,
  kstIso,
  MIN_LIFE_MS,
  storedToken,
  type TokenAnswer,
} from "./token-endpoint-setup.js";

const READERS = 100;

async function answers(responses: Promise<Response>[]): Promise<TokenAnswer[]> {
  const all = await Promise.all(responses);
  for (const res of all) expect(res.status, await res.clone().text()).toBe(200);
  return Promise.all(all.map((res) => res.json() as Promise<TokenAnswer>));
}

/** Moves the clock until the stored token has `leftMs` to live. */
async function ageTo(rig: EndpointRig, leftMs: number): Promise<void> {
  const token = await storedToken(rig);
  rig.running.control.advanceClock(token.accessTokenExpiresAt - leftMs - rig.running.control.now());
}

function issuingOver(stores: Stores) {
  it("hands 100 concurrent readers the same fresh token after exactly one refresh when less than the minimum life is left", async () => {
    const rig = await endpointRig({ store: stores.open() });
    const old = await storedToken(rig);
    await ageTo(rig, MIN_LIFE_MS - 30 * SECOND);

    const got = await answers(Array.from({ length: READERS }, () => rig.get()));

    expect(rig.refreshGrants()).toBe(1);
    expect(rig.tokenRequests()).toBe(1);
    const fresh = await storedToken(rig);
    expect(fresh.accessToken).not.toBe(old.accessToken);
    expect(new Set(got.map((a) => a.access_token))).toEqual(new Set([fresh.accessToken]));
    expect(new Set(got.map((a) => a.expires_at))).toEqual(new Set([kstIso(fresh.accessTokenExpiresAt)]));
    expect(fresh.accessTokenExpiresAt - rig.running.control.now()).toBe(ACCESS_SEC * SECOND);
    // Readers whose request arrived after the refresh had finished were simply served the new token.
    const outcomes = rig.records.map((r) => r.outcome);
    expect(outcomes).toHaveLength(READERS);
    expect(outcomes).toContain("refreshed");
    expect(outcomes.filter((o) => o !== "refreshed" && o !== "served")).toEqual([]);
  });

  it("refreshes nothing for 100 concurrent readers while the token has plenty of life", async () => {
    const rig = await endpointRig({ store: stores.open() });
    const stored = await storedToken(rig);
    await ageTo(rig, MIN_LIFE_MS + SECOND);

    const got = await answers(Array.from({ length: READERS }, () => rig.get()));

    expect(rig.tokenRequests()).toBe(0);
    expect(new Set(got.map((a) => a.access_token))).toEqual(new Set([stored.accessToken]));
    expect(got[0]).toEqual({
      access_token: stored.accessToken,
      expires_at: kstIso(stored.accessTokenExpiresAt),
      scopes: stored.scopes,
      mall_id: rig.mallId,
    });
    expect(new Set(rig.records.map((r) => r.outcome))).toEqual(new Set(["served"]));
  });

  it("replaces the current token once when many readers report it rejected at the same moment", async () => {
    const rig = await endpointRig({ store: stores.open() });
    const current = await storedToken(rig);
    // Cafe24 stops accepting it ahead of its expiry (a revocation, a reinstall): plenty of life on paper.
    rig.running.control.expireTokens(rig.mallId, "access");

    const got = await answers(Array.from({ length: 20 }, () => rig.rejected(current.accessToken)));

    expect(rig.refreshGrants()).toBe(1);
    const fresh = await storedToken(rig);
    expect(fresh.accessToken).not.toBe(current.accessToken);
    expect(new Set(got.map((a) => a.access_token))).toEqual(new Set([fresh.accessToken]));
    // Reports arriving after the replacement was stored are answered with it as "an older token".
    const outcomes = rig.records.map((r) => r.outcome);
    expect(outcomes).toContain("replaced-rejected");
    expect(outcomes.filter((o) => o !== "replaced-rejected" && o !== "current-after-rejected")).toEqual([]);
  });

  it("answers a rejected older token with the current one, without refreshing", async () => {
    const rig = await endpointRig({ store: stores.open() });
    const old = await storedToken(rig);
    await rig.rejected(old.accessToken);
    expect(rig.refreshGrants()).toBe(1);
    const current = await storedToken(rig);

    const got = await answers([rig.rejected(old.accessToken), rig.rejected(old.accessToken)]);

    expect(rig.refreshGrants()).toBe(1);
    expect(got.map((a) => a.access_token)).toEqual([current.accessToken, current.accessToken]);
    expect(rig.records.slice(1).map((r) => r.outcome)).toEqual([
      "current-after-rejected",
      "current-after-rejected",
    ]);
  });

  it("takes a token another process refreshed meanwhile instead of refreshing again", async () => {
    const rig = await endpointRig({ store: stores.open() });
    await ageTo(rig, MIN_LIFE_MS - 30 * SECOND);
    // Watch's own loop gets there first (its window is half the lifetime, wider than the minimum life).
    await rig.ticks.until(() => rig.refreshGrants() === 1, "watch's own refresh", 5);
    const fresh = await storedToken(rig);

    const [answer] = await answers([rig.get()]);

    expect(answer?.access_token).toBe(fresh.accessToken);
    expect(rig.refreshGrants()).toBe(1);
    expect(rig.records.map((r) => r.outcome)).toEqual(["served"]);
  });
}

for (const { kind, unavailable } of storeKinds(["file", "redis"], "the token endpoint over Redis")) {
  if (!unavailable)
    describe(`the token endpoint over a ${kind} store`, () => {
      issuingOver(useStores(kind));
    });
}
