import { expect, it } from "vitest";
import { tokenId } from "../../src/emulator/state/tokens.js";
import {
  DAY,
  type ErrorEnvelope,
  HOUR,
  launch,
  SECOND,
  secretOf,
  type TokenJson,
} from "../helpers/emulator.js";

/**
 * Cafe24's OAuth guide replayed over real HTTP on 127.0.0.1, the way a developer follows it with curl: a browser
 * for authorize and consent, then `curl -u client_id:client_secret -d ...` for the token endpoint and
 * `curl -H "Authorization: Bearer ..."` for the Admin API. Raw fetch only, so nothing in between can help.
 */
it("replays the guide: authorize → consent → code → token → products → refresh → rotation → scope → 429 → revoke → expiries", async () => {
  const emulator = await launch();
  const origin = emulator.url;
  expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const mall = emulator.malls[0];
  if (!mall) throw new Error("no mall");
  const { mallId, clientId, redirectUri } = mall;
  const clientSecret = secretOf(mall);
  const basicHeader = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`;
  const stats = () => emulator.control.stats(mallId);

  const curlToken = (form: Record<string, string>) =>
    fetch(`${origin}/api/v2/oauth/token`, {
      method: "POST",
      headers: { Authorization: basicHeader, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
    });
  const curlAdmin = (path: string, accessToken: string) =>
    fetch(`${origin}/api/v2/admin${path}`, {
      headers: { Authorization: `Bearer ${accessToken}`, "Content-Type": "application/json" },
    });
  const browserAuthorize = async (state: string) => {
    const url =
      `${origin}/api/v2/oauth/authorize?response_type=code&client_id=${clientId}&state=${state}` +
      `&redirect_uri=${encodeURIComponent(redirectUri)}&scope=mall.read_product,mall.read_order`;
    const page = await fetch(url, { redirect: "manual" });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("mall.read_product");
    expect(html).toContain("mall.read_order");
    const ticket = /name="ticket" value="([^"]+)"/.exec(html)?.[1] ?? "";
    const approve = await fetch(url.split("?")[0] ?? "", {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ticket, decision: "approve" }).toString(),
    });
    expect(approve.status).toBe(302);
    const location = new URL(approve.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    expect(location.searchParams.get("state")).toBe(state);
    return location.searchParams.get("code") ?? "";
  };
  const exchange = (code: string) =>
    curlToken({ grant_type: "authorization_code", code, redirect_uri: redirectUri });

  // Step 1–3: authorize URL in the browser, the merchant approves, the app receives ?code=...&state=...
  const code = await browserAuthorize("guide-state-1");
  expect(code).toMatch(/^[A-Za-z0-9]+$/);

  // Step 4: exchange the code for tokens.
  const tokenResponse = await exchange(code);
  expect(tokenResponse.status).toBe(200);
  const tokens = (await tokenResponse.json()) as TokenJson;
  expect(tokens).toMatchObject({
    mall_id: mallId,
    client_id: clientId,
    scopes: ["mall.read_product", "mall.read_order"],
    shop_no: "1",
    token_type: "Bearer",
    issued_at: "2026-11-27T20:41:00.000",
    expires_at: "2026-11-27T22:41:00.000",
    refresh_token_expires_at: "2026-12-11T20:41:00.000",
  });
  expect(tokens).not.toHaveProperty("expires_in");

  // Step 5: call the Admin API.
  const products = await curlAdmin("/products", tokens.access_token);
  expect(products.status).toBe(200);
  expect(products.headers.get("x-api-call-limit")).toBe("1/40");
  const productList = ((await products.json()) as { products: unknown[] }).products;
  expect(Array.isArray(productList)).toBe(true);
  expect(productList.length).toBeGreaterThan(0);

  // Step 6: refresh — a new access token and a new refresh token.
  const refreshed = await curlToken({ grant_type: "refresh_token", refresh_token: tokens.refresh_token });
  expect(refreshed.status).toBe(200);
  const rotated = (await refreshed.json()) as TokenJson;
  expect(rotated.refresh_token).not.toBe(tokens.refresh_token);
  expect(stats().currentRefreshTokenId).toBe(tokenId(rotated.refresh_token));

  // Step 7: the old refresh token is dead at once (401, as observed live).
  const reuse = await curlToken({ grant_type: "refresh_token", refresh_token: tokens.refresh_token });
  expect(reuse.status).toBe(401);
  expect(await reuse.json()).toEqual({ error: "invalid_grant", error_description: "Invalid refresh_token" });
  expect(stats().invalidGrant).toBe(1);
  expect(stats().grants).toEqual({ authorization_code: 1, refresh_token: 1 });

  // Scope: with mall.read_order taken off the app, the token can no longer read orders (403 envelope).
  expect(
    (await curlAdmin("/orders?start_date=2026-11-01&end_date=2026-11-27", rotated.access_token)).status,
  ).toBe(200);
  emulator.control.setAppScopes(
    mallId,
    mall.scopes.filter((s) => s !== "mall.read_order"),
  );
  const forbidden = await curlAdmin(
    "/orders?start_date=2026-11-01&end_date=2026-11-27",
    rotated.access_token,
  );
  expect(forbidden.status).toBe(403);
  expect(await forbidden.json()).toEqual({
    error: { code: 403, message: "No authority to access" },
  });
  expect((await curlAdmin("/products", rotated.access_token)).status).toBe(200);
  emulator.control.setAppScopes(mallId, mall.scopes);

  // Burst: the clock is frozen, so nothing drains; let the bucket empty first by advancing 20 s (40 / 2 per s).
  emulator.control.advanceClock(20 * SECOND);
  expect(stats().bucket.level).toBe(0);
  const burst = await Promise.all(
    Array.from({ length: 41 }, () => curlAdmin("/products?limit=1", rotated.access_token)),
  );
  const ok = burst.filter((r) => r.status === 200);
  const limited = burst.filter((r) => r.status === 429);
  expect(ok).toHaveLength(40);
  expect(limited).toHaveLength(1);
  expect(ok.map((r) => r.headers.get("x-api-call-limit")).sort()).toEqual(
    Array.from({ length: 40 }, (_, i) => `${i + 1}/40`).sort(),
  );
  const rejected = limited[0] as Response;
  expect(rejected.headers.get("x-api-call-limit")).toBe("40/40");
  const rejectedBody = (await rejected.json()) as ErrorEnvelope;
  expect(rejectedBody.error.code).toBe(429);
  expect(typeof rejectedBody.error.message).toBe("string");
  await Promise.all(ok.map((r) => r.arrayBuffer()));
  expect(stats().responses["429"]).toBe(1);

  // Revoke: the access token and its refresh token stop working.
  const revoke = await fetch(`${origin}/api/v2/oauth/revoke`, {
    method: "POST",
    headers: { Authorization: basicHeader, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ token: rotated.access_token, token_hint: "access_token" }).toString(),
  });
  expect(revoke.status).toBe(200);
  emulator.control.advanceClock(20 * SECOND);
  const afterRevoke = await curlAdmin("/products", rotated.access_token);
  expect(afterRevoke.status).toBe(401);
  expect(await afterRevoke.json()).toEqual({
    error: { code: 401, message: "Invalid access_token" },
  });
  expect(
    (await curlToken({ grant_type: "refresh_token", refresh_token: rotated.refresh_token })).status,
  ).toBe(401);

  // Expiry 1: a code exchanged after a minute is refused.
  const lateCode = await browserAuthorize("guide-state-2");
  emulator.control.advanceClock(60 * SECOND);
  const late = await exchange(lateCode);
  expect(late.status).toBe(400);
  expect(await late.json()).toEqual({ error: "invalid_grant", error_description: "Code time expired" });

  // Expiry 2: an access token older than 2 h gets the documented 401; its refresh token still works.
  const fresh = (await (await exchange(await browserAuthorize("guide-state-3"))).json()) as TokenJson;
  emulator.control.advanceClock(2 * HOUR);
  const expired = await curlAdmin("/products", fresh.access_token);
  expect(expired.status).toBe(401);
  expect(await expired.json()).toEqual({
    error: { code: 401, message: "access_token time expired. (invalid_token)" },
  });
  const renewed = await curlToken({ grant_type: "refresh_token", refresh_token: fresh.refresh_token });
  expect(renewed.status).toBe(200);
  const renewedTokens = (await renewed.json()) as TokenJson;
  expect((await curlAdmin("/products", renewedTokens.access_token)).status).toBe(200);

  // Expiry 3: 14 days after that refresh, the refresh token is refused and re-authorization is the way out.
  emulator.control.advanceClock(14 * DAY);
  const stale = await curlToken({ grant_type: "refresh_token", refresh_token: renewedTokens.refresh_token });
  expect(stale.status).toBe(401);
  expect(await stale.json()).toEqual({ error: "invalid_grant", error_description: "Invalid refresh_token" });
  expect(stats().currentRefreshTokenId).toBeNull();
  expect(stats().grants).toEqual({ authorization_code: 2, refresh_token: 2 });
});
