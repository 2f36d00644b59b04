import { describe, expect, it } from "vitest";
import { DoctorError, ERROR_CODES } from "../../src/errors/doctor-error.js";
import { buildAuthorizeUrl } from "../../src/oauth/build-authorize-url.js";
import { authorizeRedirect, oauthEmulator } from "../helpers/oauth.js";

const base = {
  mallId: "myshop",
  clientId: "BrIfqEKoPxeE",
  redirectUri: "https://app.example.com/cafe24/callback?x=1&y=한글",
  scopes: ["mall.read_product", "mall.read_order"],
};

describe("buildAuthorizeUrl", () => {
  it("points at the mall's authorize endpoint with every parameter Cafe24 documents", () => {
    const { url, state } = buildAuthorizeUrl(base);
    const parsed = new URL(url);
    expect(`${parsed.origin}${parsed.pathname}`).toBe("https://myshop.cafe24api.com/api/v2/oauth/authorize");
    expect(Object.fromEntries(parsed.searchParams)).toEqual({
      response_type: "code",
      client_id: "BrIfqEKoPxeE",
      state,
      redirect_uri: base.redirectUri,
      scope: "mall.read_product,mall.read_order",
    });
  });

  it("encodes the redirect URI so its own query and Korean text survive, and joins scopes with literal commas", () => {
    const { url } = buildAuthorizeUrl(base);
    expect(url).toContain(`redirect_uri=${encodeURIComponent(base.redirectUri)}`);
    expect(url).toContain("&scope=mall.read_product,mall.read_order");
    expect(url).not.toMatch(/[\s가-힣]/);
  });

  it("makes a fresh 128-bit random state for every call unless one is given", () => {
    const states = new Set(Array.from({ length: 50 }, () => buildAuthorizeUrl(base).state));
    expect(states.size).toBe(50);
    for (const state of states) expect(Buffer.from(state, "base64url")).toHaveLength(16);
    expect(buildAuthorizeUrl({ ...base, state: "mine/+=" }).url).toContain("state=mine%2F%2B%3D");
  });

  it("drops duplicate scopes and refuses an empty or malformed scope list", () => {
    expect(
      new URL(
        buildAuthorizeUrl({ ...base, scopes: ["mall.read_order", "mall.read_order"] }).url,
      ).searchParams.get("scope"),
    ).toBe("mall.read_order");
    for (const scopes of [[], ["mall.read_order,mall.read_product"], ["mall read"]]) {
      expect(() => buildAuthorizeUrl({ ...base, scopes })).toThrow(DoctorError);
    }
  });

  it("refuses plain http unless it is loopback and explicitly allowed", () => {
    const template = "http://127.0.0.1:9/malls/{mall_id}";
    expect(() => buildAuthorizeUrl({ ...base, baseUrl: template })).toThrowError(
      expect.objectContaining({ code: ERROR_CODES.insecureUrl }),
    );
    expect(buildAuthorizeUrl({ ...base, baseUrl: template, allowInsecureLoopback: true }).url).toMatch(
      /^http:\/\/127\.0\.0\.1:9\/malls\/myshop\/api\/v2\/oauth\/authorize\?/,
    );
  });

  it("is accepted by the emulator, which redirects back with a code and the same state", async () => {
    const setup = await oauthEmulator();
    const { location, state } = await authorizeRedirect(setup);
    const back = new URL(location);
    expect(`${back.origin}${back.pathname}`).toBe(setup.mall.redirectUri);
    expect(back.searchParams.get("state")).toBe(state);
    expect(back.searchParams.get("code")).toMatch(/^\w+$/);
  });
});
