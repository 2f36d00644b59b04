import { describe, expect, it } from "vitest";
import { formatKstNaive } from "../../src/cafe24/kst.js";
import { tokenId } from "../../src/emulator/state/tokens.js";
import {
  adminGet,
  authorizeCode,
  authorizeUrl,
  basic,
  curlForm,
  DAY,
  envelope,
  exchangeCode,
  HOUR,
  httpTarget,
  launch,
  obtainTokens,
  refreshGrant,
  START_KST,
  secretOf,
  type Target,
  type TokenJson,
} from "../helpers/emulator.js";

const CURRENT_FIELDS = [
  "access_token",
  "client_id",
  "expires_at",
  "issued_at",
  "mall_id",
  "refresh_token",
  "refresh_token_expires_at",
  "scopes",
  "shop_no",
  "token_type",
  "user_id",
];
const NAIVE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/;
const SCOPE_INVALID = "The scope added by Cafe24 Developers is invalid. Please try again.";
const REDIRECT_INVALID = "The redirect_uri added by Cafe24 Developers is invalid.";

async function autoApproving(options: Parameters<typeof launch>[0] = {}) {
  const running = await launch({ autoApprove: true, ...options });
  return { running, target: httpTarget(running) };
}

function authorizeParams(target: Target, overrides: Record<string, string | undefined> = {}) {
  const params: Record<string, string> = {};
  const all = {
    response_type: "code",
    client_id: target.mall.clientId,
    state: "xyz-state",
    redirect_uri: target.mall.redirectUri,
    scope: "mall.read_product,mall.read_order",
    ...overrides,
  };
  for (const [key, value] of Object.entries(all)) if (value !== undefined) params[key] = value;
  return params;
}

const getManual = (target: Target, url: string) => target.fetch(url, { redirect: "manual" });

function tokenUrl(target: Target): string {
  return `${target.base}/api/v2/oauth/token`;
}

async function oauthError(response: Response): Promise<{ error: string; error_description: string }> {
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: string; error_description: string };
  expect(Object.keys(body).sort()).toEqual(["error", "error_description"]);
  return body;
}

describe("GET /api/v2/oauth/authorize — validation", () => {
  it("answers an unknown client_id itself with invalid_request and never redirects", async () => {
    const { target } = await autoApproving();
    const response = await getManual(
      target,
      authorizeUrl(target, authorizeParams(target, { client_id: "someoneElse" })),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await oauthError(response)).toEqual({
      error: "invalid_request",
      error_description: "The client_id is invalid.",
    });
  });

  it.each([
    ["a different host", "https://evil.example/callback"],
    ["a trailing slash", "http://127.0.0.1:8788/callback/"],
    ["https instead of http", "https://127.0.0.1:8788/callback"],
  ])("answers a redirect_uri with %s itself with the documented invalid_request", async (_label, uri) => {
    const { target } = await autoApproving();
    const response = await getManual(
      target,
      authorizeUrl(target, authorizeParams(target, { redirect_uri: uri })),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await oauthError(response)).toEqual({
      error: "invalid_request",
      error_description: REDIRECT_INVALID,
    });
  });

  it.each([
    ["a scope not enabled on the app", "mall.read_product,mall.read_mileage"],
    ["a scope Cafe24 does not define", "mall.read_product,mall.read_everything"],
    ["an empty scope", ""],
  ])("redirects %s back with error=invalid_scope and the state", async (_label, scope) => {
    const { running, target } = await autoApproving();
    const response = await getManual(target, authorizeUrl(target, authorizeParams(target, { scope })));
    expect(response.status).toBe(302);
    const raw = response.headers.get("location") ?? "";
    const location = new URL(raw);
    expect(`${location.origin}${location.pathname}`).toBe(target.mall.redirectUri);
    // Double-encoded as observed live: one decoding still leaves the form encoding's "+" (§10).
    expect(raw).toContain("error_description=The%2Bscope%2Badded%2Bby%2BCafe24");
    expect(Object.fromEntries(location.searchParams)).toEqual({
      error: "invalid_scope",
      error_description: SCOPE_INVALID.replaceAll(" ", "+"),
      state: "xyz-state",
    });
    expect(running.control.stats().grants.authorization_code).toBe(0);
  });

  it("encodes error_description once when oauth.redirectErrorEncoding is 'single'", async () => {
    const { target } = await autoApproving({ oauth: { redirectErrorEncoding: "single" } });
    const response = await getManual(
      target,
      authorizeUrl(target, authorizeParams(target, { scope: "mall.read_product,mall.read_mileage" })),
    );
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.searchParams.get("error_description")).toBe(SCOPE_INVALID);
  });

  it("accepts a request without state, as live Cafe24 does, and redirects with a code and no state", async () => {
    const { target } = await autoApproving();
    const response = await getManual(
      target,
      authorizeUrl(target, authorizeParams(target, { state: undefined })),
    );
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.searchParams.get("code")).toMatch(/\S/);
    expect(location.searchParams.has("state")).toBe(false);
    expect(location.searchParams.has("error")).toBe(false);
  });

  it("redirects a request without state back with invalid_request and no code under oauth.requireState", async () => {
    const { target } = await autoApproving({ oauth: { requireState: true } });
    const response = await getManual(
      target,
      authorizeUrl(target, authorizeParams(target, { state: undefined })),
    );
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.searchParams.get("error")).toBe("invalid_request");
    expect(location.searchParams.get("code")).toBeNull();
  });

  it("redirects a response_type other than code back with an error", async () => {
    const { target } = await autoApproving();
    const response = await getManual(
      target,
      authorizeUrl(target, authorizeParams(target, { response_type: "token" })),
    );
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.searchParams.get("error")).toBe("unsupported_response_type");
    expect(location.searchParams.get("code")).toBeNull();
  });

  it.each([
    ["comma", "mall.read_product,mall.read_order"],
    ["comma and space", "mall.read_product,%20mall.read_order"],
    ["%20", "mall.read_product%20mall.read_order"],
    ["+", "mall.read_product+mall.read_order"],
    ["several spaces", "mall.read_product%20%20%20mall.read_order"],
  ])("splits scopes separated by %s", async (_label, rawScope) => {
    const { target } = await autoApproving();
    const query = `response_type=code&client_id=${encodeURIComponent(target.mall.clientId)}&state=s1&redirect_uri=${encodeURIComponent(target.mall.redirectUri)}&scope=${rawScope}`;
    const response = await getManual(target, `${target.base}/api/v2/oauth/authorize?${query}`);
    expect(response.status).toBe(302);
    const code = new URL(response.headers.get("location") ?? "").searchParams.get("code");
    expect(code).toBeTruthy();
    const token = (await (await exchangeCode(target, code ?? "")).json()) as TokenJson;
    expect(token.scopes).toEqual(["mall.read_product", "mall.read_order"]);
  });
});

describe("consent page (no auto-approve)", () => {
  async function consent() {
    const running = await launch();
    const target = httpTarget(running);
    const page = await getManual(target, authorizeUrl(target, authorizeParams(target)));
    const html = await page.text();
    const ticket = /name="ticket" value="([^"]+)"/.exec(html)?.[1];
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    return { running, target, page, html, ticket: ticket ?? "", action: action ?? "" };
  }

  it("is Korean HTML naming the app, the mall and every requested scope", async () => {
    const { page, html, target } = await consent();
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(html).toContain('<html lang="ko">');
    expect(html).toContain("동의함");
    expect(html).toContain("취소");
    expect(html).toContain(target.mall.mallId);
    expect(html).toContain("<code>mall.read_product</code>");
    expect(html).toContain("<code>mall.read_order</code>");
    expect(html).toContain("상품 읽기");
    expect(html).toContain("주문 읽기");
    expect(html).not.toContain("mall.read_store");
  });

  it("approving redirects with a code and the state, and the code works", async () => {
    const { target, ticket, action } = await consent();
    expect(action).toBe("/api/v2/oauth/authorize");
    const approved = await target.fetch(`${target.base}${action}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ticket, decision: "approve" }).toString(),
    });
    expect(approved.status).toBe(302);
    const location = new URL(approved.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(target.mall.redirectUri);
    expect(location.searchParams.get("state")).toBe("xyz-state");
    const token = await exchangeCode(target, location.searchParams.get("code") ?? "");
    expect(token.status).toBe(200);
  });

  it("denying redirects with access_denied and no code; the ticket is then spent", async () => {
    const { target, ticket, action } = await consent();
    const post = () =>
      target.fetch(`${target.base}${action}`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ ticket, decision: "deny" }).toString(),
      });
    const denied = await post();
    expect(denied.status).toBe(302);
    const location = new URL(denied.headers.get("location") ?? "");
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("state")).toBe("xyz-state");
    expect(location.searchParams.get("code")).toBeNull();
    const again = await post();
    expect(again.status).toBe(400);
    expect((await oauthError(again)).error).toBe("invalid_request");
  });
});

describe("POST /api/v2/oauth/token — authorization_code", () => {
  it("accepts client credentials in a Basic header", async () => {
    const { target } = await autoApproving();
    const response = await exchangeCode(target, await authorizeCode(target));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("accepts client credentials as form fields (the quick-start guide's way)", async () => {
    const { target } = await autoApproving();
    const code = await authorizeCode(target);
    const response = await curlForm(target.fetch, tokenUrl(target), {
      grant_type: "authorization_code",
      code,
      redirect_uri: target.mall.redirectUri,
      client_id: target.mall.clientId,
      client_secret: secretOf(target.mall),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as TokenJson).access_token).toMatch(/^[A-Za-z0-9]{22}$/);
  });

  it("refuses credentials without Basic or form fields with invalid_client", async () => {
    const { target } = await autoApproving();
    const code = await authorizeCode(target);
    const response = await curlForm(target.fetch, tokenUrl(target), {
      grant_type: "authorization_code",
      code,
      redirect_uri: target.mall.redirectUri,
    });
    expect(response.status).toBe(401);
    expect((await oauthError(response)).error).toBe("invalid_client");
  });

  it("answers with exactly Cafe24's fields: KST times without offset, scopes array, shop_no string", async () => {
    const { target } = await autoApproving();
    const token = (await (
      await exchangeCode(target, await authorizeCode(target, { scope: "mall.read_product mall.read_order" }))
    ).json()) as Record<string, unknown>;
    expect(Object.keys(token).sort()).toEqual(CURRENT_FIELDS);
    expect(token).not.toHaveProperty("expires_in");
    for (const field of ["issued_at", "expires_at", "refresh_token_expires_at"])
      expect(token[field]).toMatch(NAIVE_TIME);
    expect(token).toMatchObject({
      issued_at: START_KST,
      expires_at: "2026-11-27T22:41:00.000",
      refresh_token_expires_at: "2026-12-11T20:41:00.000",
      client_id: target.mall.clientId,
      mall_id: target.mall.mallId,
      user_id: "admin",
      scopes: ["mall.read_product", "mall.read_order"],
      shop_no: "1",
      token_type: "Bearer",
    });
  });

  it("stamps issued_at with the emulator clock read in KST", async () => {
    const { running, target } = await autoApproving();
    running.control.setClock(Date.parse("2027-01-31T23:59:58.123Z"));
    const token = await obtainTokens(target);
    expect(token.issued_at).toBe("2027-02-01T08:59:58.123");
    expect(token.issued_at).toBe(formatKstNaive(running.control.now()));
  });

  it("uses a code once: the second exchange is invalid_grant and counted", async () => {
    const { running, target } = await autoApproving();
    const code = await authorizeCode(target);
    expect((await exchangeCode(target, code)).status).toBe(200);
    const second = await exchangeCode(target, code);
    expect(second.status).toBe(400);
    expect((await oauthError(second)).error).toBe("invalid_grant");
    expect(running.control.stats().invalidGrant).toBe(1);
    expect(running.control.stats().grants.authorization_code).toBe(1);
  });

  it("accepts a code up to 60 s old", async () => {
    const { running, target } = await autoApproving();
    const code = await authorizeCode(target);
    running.control.advanceClock(59_999);
    expect((await exchangeCode(target, code)).status).toBe(200);
  });

  it('refuses a code at 60 s with invalid_grant "Code time expired"', async () => {
    const { running, target } = await autoApproving();
    const code = await authorizeCode(target);
    running.control.advanceClock(60_000);
    const response = await exchangeCode(target, code);
    expect(response.status).toBe(400);
    expect(await oauthError(response)).toEqual({
      error: "invalid_grant",
      error_description: "Code time expired",
    });
  });

  it("refuses an unknown code with invalid_grant", async () => {
    const { target } = await autoApproving();
    const response = await exchangeCode(target, "notACodeAtAll");
    expect(response.status).toBe(400);
    expect((await oauthError(response)).error).toBe("invalid_grant");
  });

  it('refuses a wrong client secret with 401 invalid_grant "Invalid client_secret" and issues nothing', async () => {
    const { running, target } = await autoApproving();
    const code = await authorizeCode(target);
    const response = await curlForm(
      target.fetch,
      tokenUrl(target),
      { grant_type: "authorization_code", code, redirect_uri: target.mall.redirectUri },
      { basic: [target.mall.clientId, `${secretOf(target.mall)}x`] },
    );
    expect(response.status).toBe(401);
    expect(await oauthError(response)).toEqual({
      error: "invalid_grant",
      error_description: "Invalid client_secret",
    });
    expect(running.control.stats().liveGrants).toBe(0);
    expect((await exchangeCode(target, code)).status).toBe(200);
  });

  it("answers a wrong secret with 401 invalid_client when oauth.wrongSecretError says so", async () => {
    const { target } = await autoApproving({ oauth: { wrongSecretError: "invalid_client" } });
    const code = await authorizeCode(target);
    const response = await curlForm(
      target.fetch,
      tokenUrl(target),
      { grant_type: "authorization_code", code, redirect_uri: target.mall.redirectUri },
      { basic: [target.mall.clientId, "wrong"] },
    );
    expect(response.status).toBe(401);
    expect(await oauthError(response)).toEqual({
      error: "invalid_client",
      error_description: "Invalid client_secret",
    });
  });

  it.each([
    ["a different redirect_uri", "http://127.0.0.1:8788/other"],
    ["no redirect_uri", undefined],
  ])("refuses %s on exchange with invalid_request and keeps the code unused", async (_label, uri) => {
    const { target } = await autoApproving();
    const code = await authorizeCode(target);
    const form: Record<string, string> = { grant_type: "authorization_code", code };
    if (uri !== undefined) form.redirect_uri = uri;
    const response = await curlForm(target.fetch, tokenUrl(target), form, {
      basic: [target.mall.clientId, secretOf(target.mall)],
    });
    expect(response.status).toBe(400);
    expect(await oauthError(response)).toEqual({
      error: "invalid_request",
      error_description: REDIRECT_INVALID,
    });
    expect((await exchangeCode(target, code)).status).toBe(200);
  });
});

describe("POST /api/v2/oauth/token — refresh_token", () => {
  it("rotates: new tokens differ, the old refresh token is refused and counted", async () => {
    const { running, target } = await autoApproving();
    const first = await obtainTokens(target);
    const refreshed = await refreshGrant(target, first.refresh_token);
    expect(refreshed.status).toBe(200);
    const second = (await refreshed.json()) as TokenJson;
    expect(Object.keys(second).sort()).toEqual(CURRENT_FIELDS);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.scopes).toEqual(first.scopes);

    const before = running.control.stats();
    expect(before.grants).toEqual({ authorization_code: 1, refresh_token: 1 });
    expect(before.currentRefreshTokenId).toBe(tokenId(second.refresh_token));
    expect(before.currentRefreshTokenId).not.toBe(tokenId(first.refresh_token));

    const reuse = await refreshGrant(target, first.refresh_token);
    expect(reuse.status).toBe(401);
    expect(await oauthError(reuse)).toEqual({
      error: "invalid_grant",
      error_description: "Invalid refresh_token",
    });
    const after = running.control.stats();
    expect(after.invalidGrant).toBe(before.invalidGrant + 1);
    expect(after.currentRefreshTokenId).toBe(tokenId(second.refresh_token));
    expect((await adminGet(target, "/products", second.access_token)).status).toBe(200);
  });

  it("gives the new refresh token 14 days and the new access token 2 h, counted from the refresh", async () => {
    const { running, target } = await autoApproving();
    const first = await obtainTokens(target);
    running.control.advanceClock(3 * HOUR + 17_250);
    const now = running.control.now();
    const second = (await (await refreshGrant(target, first.refresh_token)).json()) as TokenJson;
    expect(second.issued_at).toBe(formatKstNaive(now));
    expect(second.expires_at).toBe(formatKstNaive(now + 2 * HOUR));
    expect(second.refresh_token_expires_at).toBe(formatKstNaive(now + 14 * DAY));
    expect(second.refresh_token_expires_at).not.toBe(first.refresh_token_expires_at);
  });

  it("still refreshes after the access token expired", async () => {
    const { running, target } = await autoApproving();
    const first = await obtainTokens(target);
    running.control.advanceClock(5 * HOUR);
    expect((await refreshGrant(target, first.refresh_token)).status).toBe(200);
  });

  it("accepts a refresh token just under 14 days old", async () => {
    const { running, target } = await autoApproving();
    const first = await obtainTokens(target);
    running.control.advanceClock(14 * DAY - 1);
    expect((await refreshGrant(target, first.refresh_token)).status).toBe(200);
  });

  it('refuses a refresh token 14 days old with 401 invalid_grant "Invalid refresh_token"', async () => {
    const { running, target } = await autoApproving();
    const first = await obtainTokens(target);
    running.control.advanceClock(14 * DAY);
    const response = await refreshGrant(target, first.refresh_token);
    expect(response.status).toBe(401);
    expect(await oauthError(response)).toEqual({
      error: "invalid_grant",
      error_description: "Invalid refresh_token",
    });
    expect(running.control.stats().currentRefreshTokenId).toBeNull();
  });

  it("answers expired and reused refresh tokens with 400 under oauth.refreshErrorShape 'legacy'", async () => {
    const { running, target } = await autoApproving({ oauth: { refreshErrorShape: "legacy" } });
    const first = await obtainTokens(target);
    const second = (await (await refreshGrant(target, first.refresh_token)).json()) as TokenJson;
    const reuse = await refreshGrant(target, first.refresh_token);
    expect(reuse.status).toBe(400);
    expect(await oauthError(reuse)).toEqual({
      error: "invalid_grant",
      error_description: "Invalid refresh_token",
    });
    running.control.advanceClock(14 * DAY);
    const expired = await refreshGrant(target, second.refresh_token);
    expect(expired.status).toBe(400);
    expect(await oauthError(expired)).toEqual({
      error: "invalid_grant",
      error_description: "refresh_token time expired",
    });
  });

  it("answers an expired refresh token with 401 invalid_client when oauth.expiredRefreshError says so", async () => {
    const { running, target } = await autoApproving({ oauth: { expiredRefreshError: "invalid_client" } });
    const first = await obtainTokens(target);
    running.control.advanceClock(15 * DAY);
    const response = await refreshGrant(target, first.refresh_token);
    expect(response.status).toBe(401);
    expect(await oauthError(response)).toEqual({
      error: "invalid_client",
      error_description: "Invalid refresh_token",
    });
  });

  it("refuses a refresh without refresh_token with invalid_request", async () => {
    const { target } = await autoApproving();
    const response = await curlForm(
      target.fetch,
      tokenUrl(target),
      { grant_type: "refresh_token" },
      { basic: [target.mall.clientId, secretOf(target.mall)] },
    );
    expect(response.status).toBe(400);
    expect((await oauthError(response)).error).toBe("invalid_request");
  });
});

describe("access token lifetime", () => {
  it('works for just under 2 h, then answers 401 "access_token time expired. (invalid_token)"', async () => {
    const { running, target } = await autoApproving();
    const token = await obtainTokens(target);
    running.control.advanceClock(2 * HOUR - 1);
    expect((await adminGet(target, "/products", token.access_token)).status).toBe(200);
    running.control.advanceClock(1);
    const response = await adminGet(target, "/products", token.access_token);
    expect(response.status).toBe(401);
    expect((await envelope(response)).error.message).toBe("access_token time expired. (invalid_token)");
  });

  it("answers 401 without a token and with a made-up token", async () => {
    const { target } = await autoApproving();
    const none = await adminGet(target, "/products", undefined);
    expect(none.status).toBe(401);
    await envelope(none);
    const garbage = await adminGet(target, "/products", "madeUpToken0000000000");
    expect(garbage.status).toBe(401);
    expect((await envelope(garbage)).error.message).toBe("Invalid access_token");
  });
});

describe("POST /api/v2/oauth/revoke", () => {
  it.each([
    ["access token", "access_token"],
    ["refresh token", "refresh_token"],
  ] as const)("revoking the %s kills both tokens of the grant", async (_label, which) => {
    const { running, target } = await autoApproving();
    const token = await obtainTokens(target);
    const revoked = await curlForm(
      target.fetch,
      `${target.base}/api/v2/oauth/revoke`,
      { token: token[which], token_hint: which },
      { basic: [target.mall.clientId, secretOf(target.mall)] },
    );
    expect(revoked.status).toBe(200);
    expect(running.control.stats().revocations).toBe(1);
    const call = await adminGet(target, "/products", token.access_token);
    expect(call.status).toBe(401);
    expect((await envelope(call)).error.message).toBe("Invalid access_token");
    const refresh = await refreshGrant(target, token.refresh_token);
    expect(refresh.status).toBe(401);
    expect((await oauthError(refresh)).error).toBe("invalid_grant");
  });

  it("requires client authentication", async () => {
    const { target } = await autoApproving();
    const token = await obtainTokens(target);
    const response = await curlForm(
      target.fetch,
      `${target.base}/api/v2/oauth/revoke`,
      { token: token.access_token },
      { basic: [target.mall.clientId, "wrong"] },
    );
    expect(response.status).toBe(401);
    expect(await oauthError(response)).toEqual({
      error: "invalid_grant",
      error_description: "Invalid client_secret",
    });
    expect((await adminGet(target, "/products", token.access_token)).status).toBe(200);
  });

  it("refuses an unknown token_hint with invalid_request", async () => {
    const { target } = await autoApproving();
    const token = await obtainTokens(target);
    const response = await curlForm(
      target.fetch,
      `${target.base}/api/v2/oauth/revoke`,
      { token: token.access_token, token_type_hint: "x", token_hint: "bearer" },
      { basic: [target.mall.clientId, secretOf(target.mall)] },
    );
    expect(response.status).toBe(400);
    expect((await oauthError(response)).error).toBe("invalid_request");
  });
});

describe("token endpoint request shape", () => {
  it.each([
    ["password", "unsupported_grant_type"],
    ["client_credentials", "unsupported_grant_type"],
    ["", "invalid_request"],
  ])("refuses grant_type=%s with %s", async (grantType, error) => {
    const { target } = await autoApproving();
    const response = await curlForm(
      target.fetch,
      tokenUrl(target),
      { grant_type: grantType },
      { basic: [target.mall.clientId, secretOf(target.mall)] },
    );
    expect(response.status).toBe(400);
    expect((await oauthError(response)).error).toBe(error);
  });

  it.each([
    ["application/json", JSON.stringify({ grant_type: "authorization_code", code: "x" })],
    ["text/plain", "grant_type=authorization_code&code=x"],
    ["multipart/form-data; boundary=b", "--b--"],
  ])("refuses a %s body with invalid_request in the flat OAuth shape", async (type, body) => {
    const { running, target } = await autoApproving();
    const code = await authorizeCode(target);
    const response = await target.fetch(tokenUrl(target), {
      method: "POST",
      headers: { "content-type": type, authorization: basic(target.mall.clientId, secretOf(target.mall)) },
      body: body.replace("code=x", `code=${code}`),
    });
    expect(response.status).toBe(400);
    expect((await oauthError(response)).error).toBe("invalid_request");
    expect(running.control.stats().grants.authorization_code).toBe(0);
  });
});

describe("legacyTokenShape", () => {
  it("drops refresh_token_expires_at, shop_no and token_type from both grants", async () => {
    const { target } = await autoApproving({ oauth: { legacyTokenShape: true } });
    const legacy = CURRENT_FIELDS.filter(
      (f) => !["refresh_token_expires_at", "shop_no", "token_type"].includes(f),
    );
    const first = await obtainTokens(target);
    expect(Object.keys(first).sort()).toEqual(legacy);
    const second = (await (await refreshGrant(target, first.refresh_token)).json()) as TokenJson;
    expect(Object.keys(second).sort()).toEqual(legacy);
  });
});

describe("several malls and concurrency", () => {
  it("serves each mall's OAuth under /malls/{mall_id}/api/v2, consent form included", async () => {
    const running = await launch({ malls: [{ mallId: "alpha" }, { mallId: "beta" }] });
    const beta = { ...httpTarget(running, 1), base: `${running.url}/malls/beta` };
    const alpha = { ...httpTarget(running, 0), base: `${running.url}/malls/alpha` };
    const page = await getManual(beta, authorizeUrl(beta, authorizeParams(beta)));
    const html = await page.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    expect(action).toBe("/malls/beta/api/v2/oauth/authorize");
    const ticket = /name="ticket" value="([^"]+)"/.exec(html)?.[1] ?? "";
    const approved = await fetch(`${running.url}${action}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ticket, decision: "approve" }).toString(),
    });
    const code = new URL(approved.headers.get("location") ?? "").searchParams.get("code") ?? "";

    const elsewhere = await curlForm(
      alpha.fetch,
      tokenUrl(alpha),
      { grant_type: "authorization_code", code, redirect_uri: beta.mall.redirectUri },
      { basic: [beta.mall.clientId, secretOf(beta.mall)] },
    );
    expect(elsewhere.status).toBe(401);
    expect((await oauthError(elsewhere)).error).toBe("invalid_client");

    const token = (await (await exchangeCode(beta, code)).json()) as TokenJson;
    expect(token.mall_id).toBe("beta");
    expect(token.client_id).toBe(beta.mall.clientId);
    expect((await adminGet(beta, "/products", token.access_token)).status).toBe(200);
    expect((await adminGet(alpha, "/products", token.access_token)).status).toBe(401);
    expect(running.control.stats("beta").grants.authorization_code).toBe(1);
    expect(running.control.stats("alpha").grants.authorization_code).toBe(0);
  });

  it("lets exactly one of two concurrent refreshes with the same refresh token win", async () => {
    const { running, target } = await autoApproving();
    const first = await obtainTokens(target);
    const [a, b] = await Promise.all([
      refreshGrant(target, first.refresh_token),
      refreshGrant(target, first.refresh_token),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 401]);
    const winner = (await (a.status === 200 ? a : b).json()) as TokenJson;
    expect(running.control.stats().currentRefreshTokenId).toBe(tokenId(winner.refresh_token));
    expect(running.control.stats().invalidGrant).toBe(1);
  });
});
