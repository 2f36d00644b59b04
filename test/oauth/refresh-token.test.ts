import { describe, expect, it } from "vitest";
import { toTokenSet } from "../../src/cafe24/token-response.js";
import { tokenId } from "../../src/emulator/state/tokens.js";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import { refreshToken } from "../../src/oauth/refresh-token.js";
import { DAY, HOUR } from "../helpers/emulator.js";
import { expectNoSecrets, type OAuthSetup, oauthEmulator, rejection } from "../helpers/oauth.js";

function issued(setup: OAuthSetup) {
  return toTokenSet(setup.running.control.issueTokens(setup.mall.mallId), setup.mall.mallId);
}

describe("refreshToken", () => {
  it("rotates: a new refresh token becomes the emulator's current one and the old one dies", async () => {
    const setup = await oauthEmulator();
    const first = issued(setup);
    const now = setup.running.control.advanceClock(3 * HOUR);
    const next = await refreshToken(setup.config, first.refreshToken);
    expect(next.refreshToken).not.toBe(first.refreshToken);
    expect(next.accessToken).not.toBe(first.accessToken);
    expect(next.accessTokenExpiresAt).toBe(now + 2 * HOUR);
    expect(next.refreshTokenExpiresAt).toBe(now + 14 * DAY);
    const stats = setup.running.control.stats();
    expect(stats.currentRefreshTokenId).toBe(tokenId(next.refreshToken));
    expect(stats.validRefreshTokenIds).not.toContain(tokenId(first.refreshToken));
    expect(stats.grants.refresh_token).toBe(1);
  });

  it("rejects a refresh token that was already rotated with CAFE24_REAUTH_REQUIRED", async () => {
    const setup = await oauthEmulator();
    const first = issued(setup);
    const next = await refreshToken(setup.config, first.refreshToken);
    const error = await rejection(refreshToken(setup.config, first.refreshToken));
    expect(error).toMatchObject({ code: ERROR_CODES.reauthRequired, oauthError: "invalid_grant" });
    expect(error.message).toMatch(/authorize the app again/);
    expect(setup.running.control.stats().invalidGrant).toBe(1);
    expectNoSecrets(error, [
      first.refreshToken,
      next.refreshToken,
      next.accessToken,
      setup.config.clientSecret,
    ]);
  });

  it.each(["invalid_grant", "invalid_client"] as const)(
    "reads a refresh token past its 14 days as CAFE24_REAUTH_REQUIRED, also when Cafe24 says %s",
    async (expiredRefreshError) => {
      const setup = await oauthEmulator({ oauth: { expiredRefreshError } });
      const first = issued(setup);
      setup.running.control.advanceClock(14 * DAY + 1000);
      const error = await rejection(refreshToken(setup.config, first.refreshToken));
      expect(error).toMatchObject({ code: ERROR_CODES.reauthRequired, oauthError: expiredRefreshError });
    },
  );
});
