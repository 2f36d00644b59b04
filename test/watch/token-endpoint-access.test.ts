import { describe, expect, it } from "vitest";
import { DoctorError } from "../../src/errors/doctor-error.js";
import { startStatusServer } from "../../src/watch/status-server/start-status-server.js";
import { tokenFingerprint } from "../../src/watch/status-server/token-endpoint-audit.js";
import { secretOf } from "../helpers/emulator.js";
import { useStores } from "../helpers/stores.js";
import { fakeSource, healthyMall, snapshotOf } from "./fake-watch-source.js";
import { endpointRig, kstIso, SECRET, STATUS_TOKEN, storedToken } from "./token-endpoint-setup.js";

const stores = useStores("file");
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("who may get tokens from the endpoint", () => {
  it("requires the endpoint's secret even on loopback, and 401s anything else", async () => {
    const rig = await endpointRig({ store: stores.open() });
    const wrong: Record<string, string>[] = [
      {},
      bearer("wrong"),
      bearer(`${SECRET}x`),
      bearer(SECRET.slice(0, -1)),
      { authorization: SECRET },
      { authorization: `Basic ${Buffer.from(`user:${SECRET}`).toString("base64")}` },
    ];
    for (const headers of wrong) {
      const res = await rig.get(headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer /);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const body = (await res.json()) as { error: string; message: string };
      expect(body.error).toBe("unauthorized");
      expect(body.message).toContain("CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET");
    }
    const post = await fetch(`${rig.server.url}/v1/malls/${rig.mallId}/access-token/rejected`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ access_token: "x" }),
    });
    expect(post.status).toBe(401);
    expect(rig.tokenRequests()).toBe(0);
    expect(rig.records.map((r) => [r.outcome, r.reason])).toEqual(
      Array.from({ length: wrong.length + 1 }, () => ["refused", "unauthorized"]),
    );
    expect((await rig.get()).status).toBe(200);
  });

  it("keeps the status page's token and the endpoint's secret apart when both are set", async () => {
    const rig = await endpointRig({ store: stores.open(), statusToken: STATUS_TOKEN });
    expect((await rig.get(bearer(STATUS_TOKEN))).status).toBe(401);
    for (const path of ["/status", "/metrics", "/"])
      expect((await fetch(`${rig.server.url}${path}`, { headers: bearer(SECRET) })).status, path).toBe(401);
    expect((await fetch(`${rig.server.url}/status`, { headers: bearer(STATUS_TOKEN) })).status).toBe(200);
    expect((await rig.get(bearer(SECRET))).status).toBe(200);
  });

  it("is off unless asked for: /v1/… answers 404 and no token leaves", async () => {
    const rig = await endpointRig({ store: stores.open(), endpoint: false, statusToken: STATUS_TOKEN });
    for (const headers of [bearer(SECRET), bearer(STATUS_TOKEN), {}]) {
      const res = await rig.get(headers);
      expect(res.status, JSON.stringify(headers)).toBe(404);
      expect(await res.text()).not.toContain((await storedToken(rig)).accessToken);
    }
  });

  it("refuses a short secret, one equal to the status token, or a source that issues no tokens", async () => {
    const source = fakeSource(snapshotOf([healthyMall()]));
    const cases = [
      { bearerToken: "short-secret", expected: /at least 32 characters.*openssl rand -hex 32/ },
      { bearerToken: SECRET, status: SECRET, expected: /must differ from the status page's/ },
      { bearerToken: SECRET, expected: /needs a source that issues tokens/ },
    ];
    for (const c of cases) {
      const error = await startStatusServer({
        source,
        lang: "en",
        ...(c.status ? { bearerToken: c.status } : {}),
        tokenEndpoint: { bearerToken: c.bearerToken },
      }).catch((e: unknown) => e);
      expect(error, c.bearerToken).toBeInstanceOf(DoctorError);
      expect((error as DoctorError).code).toBe("INVALID_OPTIONS");
      expect((error as DoctorError).message).toMatch(c.expected);
    }
  });
});

describe("what the endpoint answers", () => {
  it("says when the token expires in KST with its offset, whatever the host's time zone", async () => {
    const rig = await endpointRig({ store: stores.open() });
    const stored = await storedToken(rig);
    const answer = (await (await rig.get()).json()) as { expires_at: string };
    expect(answer.expires_at).toBe(kstIso(stored.accessTokenExpiresAt));
    expect(answer.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$/);
    expect(Date.parse(answer.expires_at)).toBe(Math.floor(stored.accessTokenExpiresAt / 1000) * 1000);
  });

  it("never gives out the refresh token or the app's secret, in any answer or audit line", async () => {
    const rig = await endpointRig({ store: stores.open() });
    const first = await storedToken(rig);
    rig.running.control.expireTokens(rig.mallId, "access");
    const texts: string[] = [];
    for (const res of [
      await rig.get(),
      await rig.rejected(first.accessToken),
      await rig.rejected(first.accessToken),
      await rig.get({}),
      await rig.get(undefined, "nosuchmall"),
    ]) {
      const text = await res.text();
      texts.push(text);
      expect(res.headers.get("cache-control")).toBe("no-store");
      if (res.status === 200)
        expect(Object.keys(JSON.parse(text)).sort()).toEqual([
          "access_token",
          "expires_at",
          "mall_id",
          "scopes",
        ]);
    }
    const latest = await storedToken(rig);
    const mall = rig.running.malls[0];
    if (!mall) throw new Error("no mall");
    const secrets = [first.refreshToken, latest.refreshToken, secretOf(mall)];
    const audit = JSON.stringify([rig.records, rig.logLines]);
    for (const secret of secrets) {
      for (const text of texts) expect(text).not.toContain(secret);
      expect(audit).not.toContain(secret);
    }
    // The audit names tokens by fingerprint only.
    for (const token of [first.accessToken, latest.accessToken]) expect(audit).not.toContain(token);
    expect(rig.records.filter((r) => r.fingerprint !== null).map((r) => r.fingerprint)).toEqual([
      tokenFingerprint(first.accessToken),
      tokenFingerprint(latest.accessToken),
      tokenFingerprint(latest.accessToken),
    ]);
  });

  it("writes one audit line per request: KST time, mall, caller, outcome, life left and a fingerprint", async () => {
    const rig = await endpointRig({ store: stores.open() });
    const stored = await storedToken(rig);
    const now = rig.running.control.now();
    await rig.get();
    await rig.get(undefined, "nosuchmall");
    expect(rig.records).toEqual([
      {
        at: kstIso(now),
        mallId: rig.mallId,
        caller: "127.0.0.1",
        outcome: "served",
        reason: null,
        remainingMs: stored.accessTokenExpiresAt - now,
        fingerprint: tokenFingerprint(stored.accessToken),
      },
      {
        at: kstIso(now),
        mallId: "nosuchmall",
        caller: "127.0.0.1",
        outcome: "refused",
        reason: "unknown_mall",
        remainingMs: null,
        fingerprint: null,
      },
    ]);
    expect(tokenFingerprint(stored.accessToken)).toMatch(/^[0-9a-f]{8}$/);
    expect(rig.logLines.map((l) => [l.message, l.fields.outcome, l.fields.mallId])).toEqual([
      ["access token issued", "served", rig.mallId],
      ["access token refused", "refused", "nosuchmall"],
    ]);
  });

  it("answers 400 to a rejected-token report that is not the documented JSON", async () => {
    const rig = await endpointRig({ store: stores.open() });
    const url = `${rig.server.url}/v1/malls/${rig.mallId}/access-token/rejected`;
    const bodies: [string, string][] = [
      ["application/json", "not json"],
      ["application/json", "{}"],
      ["application/json", JSON.stringify({ access_token: 42 })],
      ["text/plain", JSON.stringify({ access_token: "abc" })],
      ["application/json", JSON.stringify({ access_token: "a".repeat(5000) })],
    ];
    for (const [type, body] of bodies) {
      const res = await fetch(url, {
        method: "POST",
        headers: { ...bearer(SECRET), "content-type": type },
        body,
      });
      expect(res.status, body.slice(0, 40)).toBe(400);
      expect(((await res.json()) as { error: string }).error).toBe("bad_request");
    }
    expect(rig.tokenRequests()).toBe(0);
  });
});

describe("the endpoint's rate limit", () => {
  it("limits each caller with a token bucket and says when to come back, whatever X-Forwarded-For claims", async () => {
    const rig = await endpointRig({ store: stores.open(), rateLimit: { perSecond: 2, burst: 3 } });
    const { control } = rig.running;
    for (let i = 0; i < 3; i++) expect((await rig.get()).status).toBe(200);
    const limited = await rig.get();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(((await limited.json()) as { error: string }).error).toBe("rate_limited");
    // Another address in a header anyone can write is still the same caller.
    for (const forwarded of ["10.0.0.1", "10.0.0.2, 127.0.0.1"]) {
      const res = await rig.get({ ...bearer(SECRET), "x-forwarded-for": forwarded });
      expect(res.status, forwarded).toBe(429);
    }
    // Half a second refills one request's worth at 2 per second: one passes, the next waits again.
    control.advanceClock(500);
    expect((await rig.get()).status).toBe(200);
    expect((await rig.get()).status).toBe(429);
    // A quiet spell refills the burst, and no more than the burst.
    control.advanceClock(60_000);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await rig.get()).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(rig.records.filter((r) => r.reason === "rate_limited")).toHaveLength(5);
    expect(rig.tokenRequests()).toBe(0);
  });
});
