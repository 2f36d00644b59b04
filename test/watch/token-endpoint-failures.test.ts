import { describe, expect, it } from "vitest";
import { SECOND } from "../helpers/emulator.js";
import { useStores } from "../helpers/stores.js";
import { type EndpointRig, endpointRig, MIN_LIFE_MS, storedToken } from "./token-endpoint-setup.js";
import { authorize } from "./watch-setup.js";

const stores = useStores("file");

interface ErrorAnswer {
  error: string;
  message: string;
  mall_id?: string;
  code?: string;
  command?: string;
}

async function errorOf(res: Response, status: number): Promise<ErrorAnswer> {
  expect(res.status).toBe(status);
  expect(res.headers.get("cache-control")).toBe("no-store");
  return (await res.json()) as ErrorAnswer;
}

/** Moves the clock until the stored token is short of the minimum life: the next GET must refresh. */
async function makeShort(rig: EndpointRig): Promise<void> {
  const token = await storedToken(rig);
  rig.running.control.advanceClock(
    token.accessTokenExpiresAt - (MIN_LIFE_MS - 30 * SECOND) - rig.running.control.now(),
  );
}

describe("the token endpoint when no token can be had", () => {
  it("answers 404 for a mall watch does not keep, without asking Cafe24", async () => {
    const rig = await endpointRig({ store: stores.open() });
    for (const mall of ["othermall", "x".repeat(65), "..%2F..%2Fetc"]) {
      const body = await errorOf(await rig.get(undefined, mall), 404);
      expect(body.error).toBe("unknown_mall");
      expect(JSON.stringify(body)).not.toContain("etc");
    }
    const post = await errorOf(await rig.rejected("abc", "othermall"), 404);
    expect(post.error).toBe("unknown_mall");
    expect(rig.tokenRequests()).toBe(0);
  });

  it("answers 503 reauth_required with the login command once Cafe24 refuses the refresh token, and stops asking it", async () => {
    const rig = await endpointRig({ store: stores.open() });
    rig.running.control.revokeAll(rig.mallId);
    await makeShort(rig);

    const body = await errorOf(await rig.get(), 503);
    expect(body).toMatchObject({
      error: "reauth_required",
      mall_id: rig.mallId,
      code: "CAFE24_REAUTH_REQUIRED",
      command: `cafe24-doctor token login --mall ${rig.mallId}`,
    });
    expect(body.message).toContain(`cafe24-doctor token login --mall ${rig.mallId}`);
    expect(rig.running.control.stats(rig.mallId).invalidGrant).toBe(1);
    expect(rig.manager.snapshot().malls[0]?.state).toBe("reauth-required");

    // Every later caller is told the same at once: the dead refresh token is not sent again.
    for (let i = 0; i < 5; i++) expect((await errorOf(await rig.get(), 503)).error).toBe("reauth_required");
    expect((await errorOf(await rig.rejected("whatever"), 503)).error).toBe("reauth_required");
    expect(rig.tokenRequests()).toBe(1);
    expect(rig.records.map((r) => r.reason)).toEqual(Array.from({ length: 7 }, () => "reauth_required"));
  });

  it("counts one failure, not one per caller, when many readers wait on a refresh that fails", async () => {
    for (const fault of ["revoked", "503"] as const) {
      const rig = await endpointRig({ store: stores.open() });
      const { control } = rig.running;
      if (fault === "revoked") control.revokeAll(rig.mallId);
      else control.setFaults([{ route: "/api/v2/oauth/token", kind: "status", status: 503 }]);
      await makeShort(rig);

      const answers = await Promise.all(Array.from({ length: 50 }, () => rig.get()));

      expect(new Set(answers.map((a) => a.status)), fault).toEqual(new Set([503]));
      expect(rig.tokenRequests(), fault).toBe(1);
      const mall = rig.manager.snapshot().malls[0];
      expect(mall?.consecutiveFailures, fault).toBe(1);
      expect(mall?.state, fault).toBe(fault === "revoked" ? "reauth-required" : "backoff");
      await rig.manager.stop();
    }
  });

  it("answers 503 reauth_required naming the login command when no token is stored", async () => {
    const rig = await endpointRig({ store: stores.open() });
    await rig.store.delete(rig.mallId);
    const body = await errorOf(await rig.get(), 503);
    expect(body).toMatchObject({
      error: "reauth_required",
      code: "TOKEN_NOT_FOUND",
      command: `cafe24-doctor token login --mall ${rig.mallId}`,
    });
    expect(body.message).toContain("No token is stored");
  });

  it("answers 503 refresh_failed with Retry-After on a transient failure, sends nothing more until the backoff ends, then recovers", async () => {
    const rig = await endpointRig({ store: stores.open() });
    const { control } = rig.running;
    const old = await storedToken(rig);
    await makeShort(rig);
    control.setFaults([{ route: "/api/v2/oauth/token", kind: "status", status: 503 }]);

    const failed = await rig.get();
    const body = await errorOf(failed, 503);
    expect(body).toMatchObject({ error: "refresh_failed", mall_id: rig.mallId });
    const retryAfter = Number(failed.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(rig.tokenRequests()).toBe(1);
    expect(rig.manager.snapshot().malls[0]?.state).toBe("backoff");

    // Within the backoff: answered at once, Cafe24 is not asked again.
    const again = await rig.get();
    expect((await errorOf(again, 503)).error).toBe("refresh_failed");
    expect(Number(again.headers.get("retry-after"))).toBeLessThanOrEqual(retryAfter);
    expect(rig.tokenRequests()).toBe(1);

    control.clearFaults();
    control.advanceClock(retryAfter * SECOND);
    const res = await rig.get();
    expect(res.status).toBe(200);
    const fresh = await storedToken(rig);
    expect(fresh.accessToken).not.toBe(old.accessToken);
    expect(((await res.json()) as { access_token: string }).access_token).toBe(fresh.accessToken);
    expect(rig.refreshGrants()).toBe(1);
    expect(rig.manager.snapshot().malls[0]?.state).toBe("ok");
  });

  it("serves a mall authorized after watch listed the store, without waiting for the next listing", async () => {
    const rig = await endpointRig({ store: stores.open(), listStore: true });
    expect(rig.manager.snapshot().malls.map((m) => m.mallId)).toEqual(["firstmall"]);
    expect((await rig.get(undefined, "latermall")).status).toBe(404);
    const later = await authorize(rig.running, rig.store, "latermall");
    // Listed again at most every few seconds: a burst of requests for unknown malls cannot keep the store busy.
    expect((await rig.get(undefined, "latermall")).status).toBe(404);
    rig.running.control.advanceClock(5 * SECOND);
    const res = await rig.get(undefined, "latermall");
    expect(res.status).toBe(200);
    expect(((await res.json()) as { access_token: string }).access_token).toBe(later.accessToken);
  });

  it("serves a new authorization at once after a person logged in again", async () => {
    const rig = await endpointRig({ store: stores.open() });
    rig.running.control.revokeAll(rig.mallId);
    await makeShort(rig);
    expect((await rig.get()).status).toBe(503);
    const renewed = await authorize(rig.running, rig.store, rig.mallId);
    const res = await rig.get();
    expect(res.status).toBe(200);
    expect(((await res.json()) as { access_token: string }).access_token).toBe(renewed.accessToken);
  });
});
