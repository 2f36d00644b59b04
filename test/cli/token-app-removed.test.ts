import { describe, expect, it } from "vitest";
import { toTokenSet } from "../../src/cafe24/token-response.js";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import { MemoryTokenStore } from "../../src/store/memory-token-store.js";
import { TokenManager } from "../../src/tokens/token-manager.js";
import { HOUR, launch, oauthOf } from "../helpers/emulator.js";
import { expectCleanOutput, tokenProject } from "../token/token-cli-kit.js";

/** What the refresh grant of a removed app must never be read as. */
const WRONG_SECRET = /client id and (client )?secret|Copy CAFE24_CLIENT_ID/i;

describe("cafe24-doctor token refresh on an app the merchant removed", () => {
  it.each([
    ["deleted", "deleted the app from the mall"],
    ["expired", "let the app's term expire"],
  ] as const)(
    "says the merchant removed a %s app (exit 2), in en and ko, not a wrong secret, and names the login command",
    async (state, said) => {
      const p = await tokenProject();
      await p.writeToken();
      p.emu.control.setAppState(p.mall.mallId, state);

      const en = await p.cli(["token", "refresh"]);
      expect(en.code, en.stderr).toBe(2);
      const output = `${en.stdout}\n${en.stderr}`;
      expect(output).toContain(`the merchant ${said}`);
      expect(output).toContain("cafe24-doctor token login --mall");
      expect(output).not.toMatch(WRONG_SECRET);
      expectCleanOutput(en, p.secrets());

      const ko = await p.cli(["token", "refresh", "--lang", "ko"]);
      expect(ko.code, ko.stderr).toBe(2);
      const koOutput = `${ko.stdout}\n${ko.stderr}`;
      expect(koOutput).toContain("쇼핑몰 운영자가 앱을 삭제했거나 사용 기간이 만료되었습니다");
      expect(koOutput).toContain("cafe24-doctor token login --mall");
      expectCleanOutput(ko, p.secrets());
    },
  );
});

describe("cafe24-doctor api on an app the merchant deleted", () => {
  it("says the merchant removed the app (exit 2) for GET /store, not a missing scope", async () => {
    const p = await tokenProject();
    await p.writeToken();
    p.emu.control.setAppState(p.mall.mallId, "deleted");

    const result = await p.cli(["api", "GET", "/store"]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain("the merchant deleted it from the mall");
    expect(result.stderr).toContain("This app is deleted.");
    expect(result.stderr).toContain("cafe24-doctor token login --mall");
    expect(result.stderr).not.toMatch(/lacks? (the )?scope/i);
    expectCleanOutput(result, p.secrets());
  });
});

describe("TokenManager on an app the merchant removed", () => {
  it.each(["deleted", "expired"] as const)(
    "rejects getAccessToken with CAFE24_APP_REMOVED (removal %s) after exactly one token request",
    async (state) => {
      const emu = await launch();
      const mall = emu.malls[0];
      if (!mall?.clientSecret) throw new Error("demo mall expected");
      const store = new MemoryTokenStore({ now: () => emu.control.now() });
      await store.compareAndSet(
        mall.mallId,
        undefined,
        toTokenSet(emu.control.issueTokens(mall.mallId), mall.mallId),
      );
      const manager = new TokenManager({ store, now: () => emu.control.now(), oauth: oauthOf(emu, mall) });
      const reauth: unknown[] = [];
      manager.on("reauth-required", (event) => reauth.push(event));
      emu.control.advanceClock(3 * HOUR);
      emu.control.setAppState(mall.mallId, state);

      await expect(manager.getAccessToken()).rejects.toMatchObject({
        code: ERROR_CODES.appRemoved,
        removal: state,
      });
      // One request reached the token endpoint and was refused: no retry, no grant.
      expect(emu.control.stats(mall.mallId).grants.refresh_token).toBe(0);
      expect(emu.control.stats(mall.mallId).routes["POST /api/v2/oauth/token"]).toBe(1);
      // Not the invalid_grant path: nobody rotated it elsewhere, and re-consent alone would not be enough.
      expect(reauth).toEqual([]);
    },
  );
});
