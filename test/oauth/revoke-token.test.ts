import { describe, expect, it } from "vitest";
import { toTokenSet } from "../../src/cafe24/token-response.js";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import { refreshToken } from "../../src/oauth/refresh-token.js";
import { revokeToken } from "../../src/oauth/revoke-token.js";
import { adminGet, httpTarget } from "../helpers/emulator.js";
import { oauthEmulator, rejection } from "../helpers/oauth.js";

describe("revokeToken", () => {
  it.each(["access_token", "refresh_token"] as const)(
    "revoking by %s kills both tokens",
    async (tokenHint) => {
      const setup = await oauthEmulator();
      const token = toTokenSet(setup.running.control.issueTokens(setup.mall.mallId), setup.mall.mallId);
      const target = httpTarget(setup.running);
      expect((await adminGet(target, "/store", token.accessToken)).status).toBe(200);

      await revokeToken(setup.config, tokenHint === "access_token" ? token.accessToken : token.refreshToken, {
        tokenHint,
      });

      expect(setup.running.control.stats().revocations).toBe(1);
      expect((await adminGet(target, "/store", token.accessToken)).status).toBe(401);
      const error = await rejection(refreshToken(setup.config, token.refreshToken));
      expect(error.code).toBe(ERROR_CODES.reauthRequired);
      expect(setup.running.control.stats().liveGrants).toBe(0);
    },
  );

  it("is safe to repeat: an unknown token is accepted", async () => {
    const setup = await oauthEmulator();
    await expect(
      revokeToken(setup.config, "AlreadyGone000000000", { tokenHint: "access_token" }),
    ).resolves.toBeUndefined();
  });
});
