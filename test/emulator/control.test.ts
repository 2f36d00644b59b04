import { describe, expect, it } from "vitest";
import { tokenId } from "../../src/emulator/state/tokens.js";
import {
  adminGet,
  authorizeUrl,
  DAY,
  envelope,
  HOUR,
  httpTarget,
  inProcess,
  issueAccess,
  LOCAL,
  launch,
  localTarget,
  obtainTokens,
  refreshGrant,
  START_MS,
  type TokenJson,
} from "../helpers/emulator.js";

const ORDERS = "/orders?start_date=2026-11-01&end_date=2026-11-27";

/** The HTTP control surface on a real socket, plus a helper to call it with a JSON body. */
async function controlled(
  options: Parameters<typeof launch>[0] = {},
  runtime: Parameters<typeof launch>[1] = {},
) {
  const running = await launch({ controlApi: true, ...options }, runtime);
  const target = httpTarget(running);
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${running.url}/__emulator${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as Record<string, unknown>;
    return { status: response.status, json };
  };
  return { running, target, call, mallId: target.mall.mallId };
}

describe("availability", () => {
  it("is off unless controlApi is set: /__emulator/* answers 404 in the envelope", async () => {
    const running = await launch();
    const response = await fetch(`${running.url}/__emulator/clock`);
    expect(response.status).toBe(404);
    await envelope(response);
    const post = await fetch(`${running.url}/__emulator/reset`, { method: "POST" });
    expect(post.status).toBe(404);
  });

  it("is served under /__emulator/ when controlApi is set", async () => {
    const { call } = await controlled();
    expect(await call("GET", "/clock")).toEqual({ status: 200, json: { now: START_MS } });
  });

  it("answers loopback peers only", async () => {
    const emulator = inProcess({ controlApi: true });
    const remote = { incoming: { socket: { remoteAddress: "192.0.2.7" } } } as never;
    const refused = await emulator.handle(new Request(`${LOCAL}/__emulator/clock`), remote);
    expect(refused.status).toBe(403);
    const local = { incoming: { socket: { remoteAddress: "::ffff:127.0.0.1" } } } as never;
    expect((await emulator.handle(new Request(`${LOCAL}/__emulator/clock`), local)).status).toBe(200);
  });

  it("answers an unknown control endpoint with 404", async () => {
    const { call } = await controlled();
    const result = await call("GET", "/nope");
    expect(result.status).toBe(404);
    expect(result.json).toEqual({
      error: { code: 404, message: "Unknown control endpoint." },
    });
  });
});

describe("clock", () => {
  it("advances, sets (epoch ms or ISO), freezes and resumes over HTTP, shared with the in-process control", async () => {
    // The real time behind the emulator's clock is the test's, so "resumed for 1.5 s" is exact.
    let realNow = Date.parse("2026-01-01T00:00:00Z");
    const { running, call } = await controlled({}, { now: () => realNow });
    expect(await call("POST", "/clock/advance", { ms: 90_000 })).toEqual({
      status: 200,
      json: { now: START_MS + 90_000 },
    });
    expect(running.control.now()).toBe(START_MS + 90_000);
    const epoch = Date.parse("2027-03-01T00:00:00Z");
    expect((await call("POST", "/clock/set", { epochMs: epoch })).json).toEqual({ now: epoch });
    expect((await call("POST", "/clock/set", { iso: "2027-03-01T09:00:00+09:00" })).json).toEqual({
      now: epoch,
    });
    expect((await call("POST", "/clock/resume")).status).toBe(200);
    realNow += 1500;
    expect((await call("POST", "/clock/freeze")).json.now).toBe(epoch + 1500);
    realNow += 60_000;
    running.control.advanceClock(5);
    expect((await call("GET", "/clock")).json.now).toBe(epoch + 1505);
  });

  it("moves token expiry: an access token dies when the clock is advanced past 2 h", async () => {
    const { running, target, call } = await controlled();
    const token = issueAccess(running, target.mall.mallId);
    await call("POST", "/clock/advance", { ms: 2 * HOUR });
    expect((await adminGet(target, "/products", token)).status).toBe(401);
  });

  it("in-process: advance, set, freeze and resume return the new now", () => {
    const emulator = inProcess({ clock: { frozen: false, start: START_MS } });
    const { control } = emulator;
    expect(control.freezeClock()).toBe(control.now());
    const frozen = control.now();
    expect(control.advanceClock(1000)).toBe(frozen + 1000);
    expect(control.setClock(START_MS + DAY)).toBe(START_MS + DAY);
    expect(control.resumeClock()).toBeGreaterThanOrEqual(START_MS + DAY);
    expect(() => control.advanceClock(-1)).toThrow(RangeError);
  });
});

describe("faults and auto-approve", () => {
  it("PUT /faults sets rules, DELETE /faults clears them", async () => {
    const { running, target, call } = await controlled();
    const token = issueAccess(running, target.mall.mallId);
    expect((await call("PUT", "/faults", [{ kind: "status", status: 503 }])).json).toEqual({ ok: true });
    expect((await adminGet(target, "/products", token)).status).toBe(503);
    expect((await call("DELETE", "/faults")).json).toEqual({ ok: true });
    expect((await adminGet(target, "/products", token)).status).toBe(200);
  });

  it("PUT /auto-approve switches the consent page off and on", async () => {
    const { target, call } = await controlled();
    const url = authorizeUrl(target, {
      response_type: "code",
      client_id: target.mall.clientId,
      state: "s",
      redirect_uri: target.mall.redirectUri,
      scope: "mall.read_product",
    });
    expect((await fetch(url, { redirect: "manual" })).status).toBe(200);
    await call("PUT", "/auto-approve", { on: true });
    expect((await fetch(url, { redirect: "manual" })).status).toBe(302);
    await call("PUT", "/auto-approve", { on: false });
    expect((await fetch(url, { redirect: "manual" })).status).toBe(200);
  });
});

describe("malls: scopes, version, tokens", () => {
  it("PUT scopes: removed scopes leave the app and live tokens; added ones need a new consent", async () => {
    const { running, target, call, mallId } = await controlled({ autoApprove: true });
    const token = await obtainTokens(target, { scope: "mall.read_product,mall.read_order" });
    const scopes = target.mall.scopes.filter((s) => s !== "mall.read_order");
    expect((await call("PUT", `/malls/${mallId}/scopes`, { scopes })).json).toEqual({ ok: true });
    expect(running.malls[0]?.scopes).toEqual(scopes);
    expect((await adminGet(target, ORDERS, token.access_token)).status).toBe(403);
    expect((await adminGet(target, "/products", token.access_token)).status).toBe(200);
    const denied = await fetch(
      authorizeUrl(target, {
        response_type: "code",
        client_id: target.mall.clientId,
        state: "s",
        redirect_uri: target.mall.redirectUri,
        scope: "mall.read_order",
      }),
      { redirect: "manual" },
    );
    expect(new URL(denied.headers.get("location") ?? "").searchParams.get("error")).toBe("invalid_scope");

    await call("PUT", `/malls/${mallId}/scopes`, { scopes: [...scopes, "mall.read_order"] });
    expect((await adminGet(target, ORDERS, token.access_token)).status).toBe(403);
    const again = await obtainTokens(target, { scope: "mall.read_order" });
    expect((await adminGet(target, ORDERS, again.access_token)).status).toBe(200);
  });

  it("PUT scopes with applyToTokens=false leaves live tokens alone", async () => {
    const { running, target, call, mallId } = await controlled();
    const token = issueAccess(running, mallId);
    await call("PUT", `/malls/${mallId}/scopes`, { scopes: ["mall.read_product"], applyToTokens: false });
    expect((await adminGet(target, ORDERS, token)).status).toBe(200);
  });

  it("PUT version changes what header-less calls run as", async () => {
    const { target, call, mallId, running } = await controlled();
    const token = issueAccess(running, mallId);
    expect((await call("PUT", `/malls/${mallId}/version`, { version: "2026-03-01" })).json).toEqual({
      ok: true,
    });
    const app = (await (await adminGet(target, "/apps", token)).json()) as { app: { version: string } };
    expect(app.app.version).toBe("2026-03-01");
    expect(running.malls[0]?.apiVersion).toBe("2026-03-01");
  });

  it("POST revoke-all kills every grant of the mall and says how many", async () => {
    const { running, target, call, mallId } = await controlled();
    const a = issueAccess(running, mallId);
    const b = issueAccess(running, mallId);
    expect(await call("POST", `/malls/${mallId}/revoke-all`)).toEqual({ status: 200, json: { revoked: 2 } });
    expect((await adminGet(target, "/products", a)).status).toBe(401);
    expect((await adminGet(target, "/products", b)).status).toBe(401);
    expect(running.control.stats().liveGrants).toBe(0);
  });

  it("POST expire makes access or refresh tokens expired without moving the clock", async () => {
    const { running, target, call, mallId } = await controlled({ autoApprove: true });
    const token = await obtainTokens(target);
    await call("POST", `/malls/${mallId}/expire`, { kind: "access" });
    const response = await adminGet(target, "/products", token.access_token);
    expect(response.status).toBe(401);
    expect((await envelope(response)).error.message).toBe("access_token time expired. (invalid_token)");
    await call("POST", `/malls/${mallId}/expire`, { kind: "refresh" });
    expect((await refreshGrant(target, token.refresh_token)).status).toBe(401);
    expect(running.control.now()).toBe(START_MS);
  });

  it("POST tokens issues a working grant in Cafe24's token shape, optionally with chosen scopes", async () => {
    const { running, target, call, mallId } = await controlled();
    const { status, json } = await call("POST", `/malls/${mallId}/tokens`, { scopes: ["mall.read_product"] });
    expect(status).toBe(200);
    const token = json as unknown as TokenJson;
    expect(token).toMatchObject({ mall_id: mallId, scopes: ["mall.read_product"], shop_no: "1" });
    expect((await adminGet(target, "/products", token.access_token)).status).toBe(200);
    expect((await adminGet(target, ORDERS, token.access_token)).status).toBe(403);
    expect(running.control.stats().currentRefreshTokenId).toBe(tokenId(token.refresh_token));
    expect((await refreshGrant(target, token.refresh_token)).status).toBe(200);
  });
});

describe("malls: rate limit, bucket, usage", () => {
  it("PUT rate-limit changes capacity and drain for one mall", async () => {
    const { running, target, call, mallId } = await controlled();
    const token = issueAccess(running, mallId);
    await call("PUT", `/malls/${mallId}/rate-limit`, { capacity: 3, drainPerSec: 1 });
    const limits: (string | null)[] = [];
    for (let i = 0; i < 4; i++)
      limits.push((await adminGet(target, "/products", token)).headers.get("x-api-call-limit"));
    expect(limits).toEqual(["1/3", "2/3", "3/3", "3/3"]);
    expect(running.control.stats().bucket).toEqual({ level: 3, capacity: 3, drainPerSec: 1 });
  });

  it("POST bucket sets the level, e.g. full to stage a 429", async () => {
    const { running, target, call, mallId } = await controlled();
    const token = issueAccess(running, mallId);
    await call("POST", `/malls/${mallId}/bucket`, { level: 40 });
    expect((await adminGet(target, "/products", token)).status).toBe(429);
    await call("POST", `/malls/${mallId}/bucket`, { level: 10 });
    expect((await adminGet(target, "/products", token)).headers.get("x-api-call-limit")).toBe("11/40");
  });

  it("POST usage sets the usage percentages (when the usage limit is on)", async () => {
    const { running, target, call, mallId } = await controlled({ usage: { enabled: true } });
    const token = issueAccess(running, mallId);
    await call("POST", `/malls/${mallId}/usage`, { callPercent: 100, timePercent: 50 });
    const response = await adminGet(target, "/products", token);
    expect(response.status).toBe(429);
    expect(response.headers.get("x-cafe24-call-remain")).not.toBeNull();
    expect(response.headers.get("x-cafe24-time-remain")).toBeNull();
  });
});

describe("statistics and resets", () => {
  it("GET stats reports grants, invalid_grant, statuses, methods, routes, bucket and the current refresh token", async () => {
    const { running, target, call, mallId } = await controlled({ autoApprove: true });
    const first = await obtainTokens(target);
    const second = (await (await refreshGrant(target, first.refresh_token)).json()) as TokenJson;
    await refreshGrant(target, first.refresh_token);
    await adminGet(target, "/products", second.access_token);
    await adminGet(target, "/products", undefined);
    const { status, json } = await call("GET", `/malls/${mallId}/stats`);
    expect(status).toBe(200);
    expect(json).toEqual({
      mallId,
      grants: { authorization_code: 1, refresh_token: 1 },
      invalidGrant: 1,
      oauthErrors: { invalid_grant: 1 },
      responses: { "200": 3, "302": 1, "401": 2 },
      requests: { GET: 3, POST: 3 },
      routes: {
        "GET /api/v2/oauth/authorize": 1,
        "POST /api/v2/oauth/token": 3,
        "GET /api/v2/admin/products": 2,
      },
      revocations: 0,
      bucket: { level: 1, capacity: 40, drainPerSec: 2 },
      versions: { served: { "2026-09-01": 1 }, fallbacks: {}, fellBack: 0 },
      usage: { callUsage: 0.03, timeUsage: 0.02 },
      currentRefreshTokenId: tokenId(second.refresh_token),
      validRefreshTokenIds: [tokenId(second.refresh_token)],
      liveGrants: 1,
      appState: "active",
      webhooks: { sent: 0, attempts: 0, delivered: 0, failed: 0 },
    });
    expect((await call("GET", "/stats")).json).toEqual(json);
    expect(running.control.stats(mallId)).toEqual(json);
  });

  it("POST reset-stats zeroes the counters but keeps tokens", async () => {
    const { running, target, call, mallId } = await controlled();
    const token = issueAccess(running, mallId);
    await adminGet(target, "/products", token);
    await call("POST", "/reset-stats");
    const stats = running.control.stats();
    expect(stats.requests).toEqual({});
    expect(stats.responses).toEqual({});
    expect(stats.liveGrants).toBe(1);
    expect((await adminGet(target, "/products", token)).status).toBe(200);
  });

  it("POST reset restores tokens, clock, faults, app settings, buckets and data", async () => {
    const { running, target, call, mallId } = await controlled({
      faults: [{ kind: "latency", latencyMs: [0, 0] }],
    });
    const token = issueAccess(running, mallId);
    const products = async (accessToken: string) =>
      ((await (await adminGet(target, "/products/count", accessToken)).json()) as { count: number }).count;
    const before = await products(token);
    const created = await fetch(`${running.url}/api/v2/admin/products`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ request: { product_name: "리셋 전 상품", price: "1000" } }),
    });
    expect(created.status).toBe(201);
    expect(await products(token)).toBe(before + 1);
    running.control.advanceClock(DAY);
    running.control.setAppScopes(mallId, ["mall.read_product"]);
    running.control.setFaults([{ kind: "status", status: 500, route: "/api/v2/admin/orders" }]);
    running.control.fillBucket(mallId, 30);

    expect((await call("POST", "/reset")).json).toEqual({ ok: true });
    expect(running.control.now()).toBe(START_MS);
    expect(running.malls[0]?.scopes).toEqual(target.mall.scopes);
    expect((await adminGet(target, "/products", token)).status).toBe(401);
    const fresh = issueAccess(running, mallId);
    expect((await adminGet(target, ORDERS, fresh)).status).toBe(200);
    expect(running.control.stats().bucket.level).toBe(1);
    expect(await products(fresh)).toBe(before);
    expect(running.control.stats().requests).toEqual({ GET: 3 });
  });
});

describe("bad control input → 400 in the envelope, naming the problem", () => {
  it.each([
    ["POST", "/clock/advance", { ms: -5 }, /ms:/],
    ["POST", "/clock/advance", { ms: "soon" }, /ms:/],
    ["POST", "/clock/advance", { ms: 1, extra: true }, /extra/],
    ["POST", "/clock/set", {}, /epochMs or iso/],
    ["POST", "/clock/set", { iso: "yesterday" }, /iso:/],
    ["PUT", "/faults", [{ kind: "explode" }], /0\.kind:/],
    ["PUT", "/faults", [{ kind: "status", probability: 2 }], /0\.probability:/],
    ["PUT", "/faults", { kind: "status" }, /body:/],
    ["PUT", "/auto-approve", { on: "yes" }, /on:/],
    [
      "PUT",
      "/malls/demomall/scopes",
      { scopes: ["mall.read_everything"] },
      /unknown scope\(s\): mall\.read_everything/,
    ],
    ["PUT", "/malls/demomall/version", { version: "1999-01-01" }, /unknown API version 1999-01-01/],
    ["POST", "/malls/nomall/revoke-all", undefined, /unknown mall nomall/],
    ["GET", "/malls/nomall/stats", undefined, /unknown mall nomall/],
    ["POST", "/malls/demomall/expire", { kind: "both" }, /kind:/],
    ["POST", "/malls/demomall/tokens", { scopes: "mall.read_product" }, /scopes:/],
    ["PUT", "/malls/demomall/rate-limit", { capacity: 0 }, /capacity:/],
    ["POST", "/malls/demomall/bucket", { level: -1 }, /level:/],
    ["POST", "/malls/demomall/usage", { callPercent: 10 }, /timePercent:/],
  ])("%s %s %j", async (method, path, body, problem) => {
    const { call } = await controlled();
    const { status, json } = await call(method, path, body);
    expect(status).toBe(400);
    const error = (json as { error: { code: number; message: string } }).error;
    expect(error.code).toBe(400);
    expect(error.message).toMatch(problem);
  });

  it("refuses a body that is not JSON", async () => {
    const { running } = await controlled();
    const response = await fetch(`${running.url}/__emulator/clock/advance`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{ms: 5",
    });
    expect(response.status).toBe(400);
    expect((await envelope(response)).error.message).toBe("The control request body is not valid JSON.");
  });

  it("in-process control throws RangeError for the same mistakes", () => {
    const { control } = inProcess();
    expect(() => control.revokeAll("nomall")).toThrow(/unknown mall nomall/);
    expect(() => control.setAppScopes("demomall", ["mall.read_x"])).toThrow(RangeError);
    expect(() => control.setAppVersion("demomall", "2000-01-01")).toThrow(RangeError);
    expect(() => control.setFaults([{ kind: "status", status: 418 as 500 }])).toThrow();
  });
});

it("in-process control drives the in-process fetch", async () => {
  const emulator = inProcess();
  const target = localTarget(emulator);
  const token = issueAccess(emulator, target.mall.mallId);
  emulator.control.fillBucket(target.mall.mallId, 40);
  expect((await adminGet(target, "/products", token)).status).toBe(429);
  emulator.control.advanceClock(1000);
  expect((await adminGet(target, "/products", token)).status).toBe(200);
});

it("reports every request to onRequest without tokens or query values", async () => {
  const entries: Record<string, unknown>[] = [];
  const running = await launch({ autoApprove: true }, { onRequest: (entry) => entries.push({ ...entry }) });
  const target = httpTarget(running);
  const token = await obtainTokens(target);
  await adminGet(target, "/products?product_name=secret-value", token.access_token);
  expect(entries.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
    "GET /api/v2/oauth/authorize 302",
    "POST /api/v2/oauth/token 200",
    "GET /api/v2/admin/products 200",
  ]);
  expect(entries[2]).toMatchObject({ mallId: target.mall.mallId, callLimit: "1/40", at: START_MS });
  const logged = JSON.stringify(entries);
  expect(logged).not.toContain(token.access_token);
  expect(logged).not.toContain("secret-value");
  expect(logged).not.toContain(token.refresh_token);
});
