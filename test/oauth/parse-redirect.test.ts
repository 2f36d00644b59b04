import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import { OAuthRequestError } from "../../src/oauth/oauth-error.js";
import { parseRedirect } from "../../src/oauth/parse-redirect.js";
import { authorizeRedirect, oauthEmulator } from "../helpers/oauth.js";

describe("parseRedirect", () => {
  it("accepts a bare code", () => {
    expect(parseRedirect("  AbCd1234efGH5678ijKL90 \n")).toEqual({
      code: "AbCd1234efGH5678ijKL90",
      state: undefined,
    });
  });

  it("accepts the whole redirected URL, or just its query string", () => {
    const url = "http://127.0.0.1:8788/callback?code=abc123&state=s1";
    expect(parseRedirect(url, { expectedState: "s1" })).toEqual({ code: "abc123", state: "s1" });
    expect(parseRedirect("?code=abc123&state=s1", { expectedState: "s1" })).toEqual({
      code: "abc123",
      state: "s1",
    });
    expect(parseRedirect("/callback?code=abc123&state=s1#frag")).toEqual({ code: "abc123", state: "s1" });
  });

  it("rejects a redirect whose state is not the one sent, or that has none", () => {
    for (const input of ["https://a.example/cb?code=abc&state=other", "https://a.example/cb?code=abc"]) {
      expect(() => parseRedirect(input, { expectedState: "mine" })).toThrowError(
        expect.objectContaining({ code: ERROR_CODES.stateMismatch }),
      );
    }
  });

  it("turns an access_denied redirect into CAFE24_OAUTH_FAILED", () => {
    const error = (() => {
      try {
        parseRedirect(
          "https://a.example/cb?error=access_denied&error_description=The+merchant+denied&state=s",
        );
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(OAuthRequestError);
    expect(error).toMatchObject({
      code: ERROR_CODES.oauthFailed,
      oauthError: "access_denied",
      description: "The merchant denied",
    });
  });

  it("asks for the whole address when the input has no code", () => {
    expect(() => parseRedirect("https://a.example/cb?state=s")).toThrowError(/whole address/);
  });

  const SCOPE_TEXT = "The scope added by Cafe24 Developers is invalid. Please try again.";

  it.each([
    ["double-encoded, as Cafe24 was observed to send it", "double"],
    ["encoded once", "single"],
  ] as const)(
    "turns the emulator's invalid_scope redirect, %s, into CAFE24_SCOPE_NOT_ENABLED with the plain text",
    async (_label, encoding) => {
      const setup = await oauthEmulator({ oauth: { redirectErrorEncoding: encoding } });
      const { location, state } = await authorizeRedirect(setup, {
        scopes: ["mall.read_product", "mall.read_mileage"],
      });
      expect(() => parseRedirect(location, { expectedState: state })).toThrowError(
        expect.objectContaining({
          code: ERROR_CODES.scopeNotEnabled,
          oauthError: "invalid_scope",
          description: SCOPE_TEXT,
        }),
      );
    },
  );

  it("reads the observed double-encoded description and a singly encoded one alike", () => {
    const descriptionOf = (query: string) => {
      try {
        parseRedirect(`https://a.example/cb?error=invalid_scope&${query}&state=s`, { expectedState: "s" });
      } catch (e) {
        return (e as OAuthRequestError).description;
      }
      return undefined;
    };
    const observed =
      "error_description=The%2Bscope%2Badded%2Bby%2BCafe24%2BDevelopers%2Bis%2Binvalid.%2BPlease%2Btry%2Bagain.";
    expect(descriptionOf(observed)).toBe(SCOPE_TEXT);
    expect(descriptionOf(`error_description=${encodeURIComponent(SCOPE_TEXT)}`)).toBe(SCOPE_TEXT);
    expect(descriptionOf(new URLSearchParams({ error_description: SCOPE_TEXT }).toString())).toBe(SCOPE_TEXT);
    // A one-word description that merely contains a percent sign is not decoded into something else.
    expect(descriptionOf("error_description=100%25")).toBe("100%");
  });

  it("rejects the emulator's real redirect when the expected state differs", async () => {
    const setup = await oauthEmulator();
    const { location, state } = await authorizeRedirect(setup);
    expect(parseRedirect(location, { expectedState: state }).code).toMatch(/^\w+$/);
    expect(() => parseRedirect(location, { expectedState: `${state}x` })).toThrowError(
      expect.objectContaining({ code: ERROR_CODES.stateMismatch }),
    );
  });
});
