import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import { exchangeCode } from "../../src/oauth/exchange-code.js";
import { parseRedirect } from "../../src/oauth/parse-redirect.js";
import { DAY, HOUR, SECOND } from "../helpers/emulator.js";
import {
  authorizeRedirect,
  expectNoSecrets,
  type OAuthSetup,
  oauthEmulator,
  rejection,
} from "../helpers/oauth.js";

async function freshCode(setup: OAuthSetup): Promise<string> {
  const { location, state } = await authorizeRedirect(setup);
  return parseRedirect(location, { expectedState: state }).code;
}

describe("exchangeCode", () => {
  it("trades a code for tokens with HTTP Basic client authentication", async () => {
    // With body credentials refused, only the Basic header can authenticate the app.
    const setup = await oauthEmulator({ oauth: { acceptBodyCredentials: false } });
    const code = await freshCode(setup);
    // The emulator's frozen clock, read rather than assumed: it may start a millisecond after START_MS.
    const now = setup.running.control.now();
    const token = await exchangeCode(setup.config, code, { redirectUri: setup.mall.redirectUri });
    expect(token).toEqual({
      mallId: setup.mall.mallId,
      accessToken: expect.stringMatching(/^\w{22}$/),
      accessTokenExpiresAt: now + 2 * HOUR,
      refreshToken: expect.stringMatching(/^\w{22}$/),
      refreshTokenExpiresAt: now + 14 * DAY,
      scopes: ["mall.read_product", "mall.read_order"],
      issuedAt: now,
      clientId: setup.mall.clientId,
      userId: "admin",
      shopNo: "1",
    });
    const stats = setup.running.control.stats();
    expect(stats.grants.authorization_code).toBe(1);
    expect(stats.oauthErrors).toEqual({});
  });

  it("reads older answers without refresh_token_expires_at, shop_no and token_type", async () => {
    const setup = await oauthEmulator({ oauth: { legacyTokenShape: true } });
    const token = await exchangeCode(setup.config, await freshCode(setup), {
      redirectUri: setup.mall.redirectUri,
    });
    expect(token.refreshTokenExpiresAt).toBeNull();
    expect(token.shopNo).toBeUndefined();
    expect(token.accessTokenExpiresAt).toBe(setup.running.control.now() + 2 * HOUR);
  });

  it("rejects a code that was already used with CAFE24_CODE_INVALID", async () => {
    const setup = await oauthEmulator();
    const code = await freshCode(setup);
    await exchangeCode(setup.config, code, { redirectUri: setup.mall.redirectUri });
    const error = await rejection(exchangeCode(setup.config, code, { redirectUri: setup.mall.redirectUri }));
    expect(error).toMatchObject({ code: ERROR_CODES.codeInvalid, status: 400, oauthError: "invalid_grant" });
    expect(error.message).toMatch(/1 minute and only once/);
    expectNoSecrets(error, [code, setup.config.clientSecret]);
  });

  it("rejects a code older than one minute with CAFE24_CODE_INVALID", async () => {
    const setup = await oauthEmulator();
    const code = await freshCode(setup);
    setup.running.control.advanceClock(61 * SECOND);
    const error = await rejection(exchangeCode(setup.config, code, { redirectUri: setup.mall.redirectUri }));
    expect(error).toMatchObject({ code: ERROR_CODES.codeInvalid, description: "Code time expired" });
    expectNoSecrets(error, [code, setup.config.clientSecret]);
  });

  it("rejects an unknown code with CAFE24_CODE_INVALID", async () => {
    const setup = await oauthEmulator();
    const error = await rejection(
      exchangeCode(setup.config, "NoSuchCode0000", { redirectUri: setup.mall.redirectUri }),
    );
    expect(error.code).toBe(ERROR_CODES.codeInvalid);
  });

  it("reports a redirect URI that differs from the registered one as CAFE24_REDIRECT_URI_MISMATCH", async () => {
    const setup = await oauthEmulator();
    const code = await freshCode(setup);
    const error = await rejection(
      exchangeCode(setup.config, code, { redirectUri: `${setup.mall.redirectUri}/` }),
    );
    expect(error).toMatchObject({ code: ERROR_CODES.redirectUriMismatch, oauthError: "invalid_request" });
    expect(error.message).toMatch(/Redirect URI registered in Developer Center/);
    expectNoSecrets(error, [code, setup.config.clientSecret]);
  });
});
