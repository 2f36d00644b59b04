import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import { Cafe24Client } from "../../src/http/cafe24-client.js";
import { Cafe24HttpError } from "../../src/http/cafe24-http-error.js";
import { exchangeCode } from "../../src/oauth/exchange-code.js";
import type { OAuthClientConfig } from "../../src/oauth/oauth-client-config.js";
import { OAuthRequestError } from "../../src/oauth/oauth-error.js";
import { refreshToken } from "../../src/oauth/refresh-token.js";
import { maskSecret } from "../../src/util/mask-secret.js";
import {
  ACCESS_TOKEN,
  APP,
  AUTH_CODE,
  type EchoUpstream,
  echoUpstream,
  expectNoLeak,
  REFRESH_TOKEN,
} from "./echo-upstream.js";

/** Every way an error is commonly looked at: message, JSON, its fields, String(), the stack, util.inspect. */
function expectCleanError(error: unknown): void {
  const e = error as Error;
  const views: Record<string, string> = {
    message: e.message,
    "JSON.stringify(error)": JSON.stringify(e),
    "JSON.stringify({ ...error })": JSON.stringify({ ...e }),
    "String(error)": String(e),
    stack: e.stack ?? "",
    "util.inspect(error)": inspect(e, { depth: 10 }),
  };
  for (const [what, text] of Object.entries(views)) expectNoLeak(what, text);
}

function client(upstream: EchoUpstream): Cafe24Client {
  return new Cafe24Client({
    mallId: APP.mallId,
    tokens: { getAccessToken: async () => ACCESS_TOKEN, handleUnauthorized: async () => ACCESS_TOKEN },
    baseUrl: upstream.baseUrlTemplate,
    allowInsecureLoopback: true,
    retry: { maxRetries: 0 },
  });
}

function oauth(upstream: EchoUpstream): OAuthClientConfig {
  return { ...APP, baseUrl: upstream.baseUrlTemplate, allowInsecureLoopback: true };
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a failure");
}

describe("a Cafe24 answer that echoes the access token", () => {
  it("keeps an access token echoed in a 422 body out of the error and its JSON, still saying what Cafe24 said", async () => {
    const upstream = await echoUpstream();
    const error = await failure(client(upstream).get("/products", { query: { limit: 5 } }));
    expect(error).toBeInstanceOf(Cafe24HttpError);
    expectCleanError(error);
    const http = error as Cafe24HttpError;
    expect(http).toMatchObject({ status: 422, code: ERROR_CODES.invalidRequest });
    expect(http.message).toContain(`Request rejected. Authorization: Bearer ${maskSecret(ACCESS_TOKEN)}`);
    expect(http.cafe24?.message).toContain(`Bearer ${maskSecret(ACCESS_TOKEN)}`);
    expect(JSON.stringify(http.cafe24?.moreInfo)).toContain(maskSecret(ACCESS_TOKEN));
  });

  it("keeps an access token and a form body echoed in a 500 body out of the error and its JSON", async () => {
    const upstream = await echoUpstream();
    const body = { request: { note: `refresh_token=${REFRESH_TOKEN}&client_secret=${APP.clientSecret}` } };
    const error = await failure(client(upstream).post("/broken", { body }));
    expect(error).toMatchObject({ status: 500, code: ERROR_CODES.serverError });
    expect(error.message).toContain("Request rejected.");
    expectCleanError(error);
  });
});

describe("an OAuth token endpoint that echoes the Basic header and the form", () => {
  it("keeps the client secret, its Basic encoding and the refresh token out of refreshToken()'s error", async () => {
    const upstream = await echoUpstream();
    const error = await failure(refreshToken(oauth(upstream), REFRESH_TOKEN));
    expect(error).toBeInstanceOf(OAuthRequestError);
    const oauthError = error as OAuthRequestError;
    expect(oauthError.oauthError).toBe("invalid_client");
    expect(oauthError.description).toMatch(
      /^Basic \S+ is not a valid client for grant_type=refresh_token&refresh_token=/,
    );
    expect(oauthError.description).toContain(maskSecret(REFRESH_TOKEN));
    expectCleanError(error);
  });

  it("keeps the client secret, its Basic encoding and the authorization code out of exchangeCode()'s error", async () => {
    const upstream = await echoUpstream();
    const error = await failure(
      exchangeCode(oauth(upstream), AUTH_CODE, { redirectUri: "https://app.example.com/callback" }),
    );
    expect(error).toMatchObject({ code: ERROR_CODES.invalidClient, oauthError: "invalid_client" });
    expect(error.message).toContain("Cafe24 rejected the app's client credentials (invalid_client: Basic ");
    expectCleanError(error);
  });
});
