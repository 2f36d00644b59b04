import { createServer } from "node:net";
import { describe, expect, it, onTestFinished } from "vitest";
import { toTokenSet } from "../../src/cafe24/token-response.js";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import { exchangeCode } from "../../src/oauth/exchange-code.js";
import { OAuthRequestError } from "../../src/oauth/oauth-error.js";
import { parseRedirect } from "../../src/oauth/parse-redirect.js";
import { refreshToken } from "../../src/oauth/refresh-token.js";
import { revokeToken } from "../../src/oauth/revoke-token.js";
import { launch, secretOf } from "../helpers/emulator.js";
import {
  authorizeRedirect,
  expectNoSecrets,
  type OAuthSetup,
  oauthEmulator,
  rejection,
} from "../helpers/oauth.js";

const WRONG_SECRET = "WrongSecretWrongSecret";

function issued(setup: OAuthSetup) {
  return toTokenSet(setup.running.control.issueTokens(setup.mall.mallId), setup.mall.mallId);
}

describe("OAuth failures become typed errors that never carry a secret", () => {
  it.each(["invalid_client", "invalid_grant"] as const)(
    "reports a wrong client secret as CAFE24_INVALID_CLIENT when Cafe24 answers %s",
    async (wrongSecretError) => {
      const setup = await oauthEmulator({ oauth: { wrongSecretError } });
      const config = { ...setup.config, clientSecret: WRONG_SECRET };
      const token = issued(setup);
      const { location, state } = await authorizeRedirect(setup);
      const code = parseRedirect(location, { expectedState: state }).code;

      const errors = [
        await rejection(refreshToken(config, token.refreshToken)),
        await rejection(exchangeCode(config, code, { redirectUri: setup.mall.redirectUri })),
        await rejection(revokeToken(config, token.accessToken, { tokenHint: "access_token" })),
      ];
      for (const error of errors) {
        expect(error).toBeInstanceOf(OAuthRequestError);
        expect(error).toMatchObject({ code: ERROR_CODES.invalidClient, oauthError: wrongSecretError });
        expect(error.message).toMatch(/client secret in Developer Center/);
        expectNoSecrets(error, [
          WRONG_SECRET,
          setup.config.clientSecret,
          token.refreshToken,
          token.accessToken,
          code,
        ]);
      }
      // The refresh token survived: a wrong secret must not be mistaken for a dead grant.
      await expect(refreshToken(setup.config, token.refreshToken)).resolves.toMatchObject({
        mallId: setup.mall.mallId,
      });
    },
  );

  it("reports an HTML page instead of JSON as CAFE24_BAD_RESPONSE with the status", async () => {
    const setup = await oauthEmulator();
    const token = issued(setup);
    setup.running.control.setFaults([{ kind: "html", route: "/api/v2/oauth/token" }]);
    const error = await rejection(refreshToken(setup.config, token.refreshToken));
    expect(error).toMatchObject({ code: ERROR_CODES.badResponse, status: 502 });
    expect(error.message).toMatch(/text\/html/);
    expectNoSecrets(error, [token.refreshToken, setup.config.clientSecret]);
  });

  it("reports a 2xx answer that is garbage, or JSON of the wrong shape, as CAFE24_BAD_RESPONSE naming the field", async () => {
    const answers = [
      new Response("<html>hello</html>", { status: 200, headers: { "content-type": "text/html" } }),
      Response.json({
        access_token: "SecretAccess123456",
        refresh_token: "SecretRefresh123456",
        expires_at: 7200,
      }),
    ];
    const config = {
      mallId: "myshop",
      clientId: "id",
      clientSecret: "SecretClient123456",
      fetch: async () => answers.shift() ?? new Response(null, { status: 500 }),
    };
    const garbage = await rejection(refreshToken(config, "OldRefresh12345678"));
    expect(garbage).toMatchObject({ code: ERROR_CODES.badResponse, status: 200 });
    const shape = await rejection(refreshToken(config, "OldRefresh12345678"));
    expect(shape.code).toBe(ERROR_CODES.badResponse);
    expect(shape.message).toContain("expires_at");
    expect(shape.details).toEqual([expect.stringMatching(/^expires_at: /)]);
    expectNoSecrets(shape, [
      "SecretAccess123456",
      "SecretRefresh123456",
      "SecretClient123456",
      "OldRefresh12345678",
    ]);
  });

  it("masks a token that the server echoes in its error description", async () => {
    const config = {
      mallId: "myshop",
      clientId: "id",
      clientSecret: "SecretClient123456",
      fetch: async () =>
        Response.json(
          {
            error: "invalid_grant",
            error_description: "Invalid refresh_token OldRefresh12345678 for SecretClient123456",
          },
          { status: 400 },
        ),
    };
    const error = await rejection(refreshToken(config, "OldRefresh12345678"));
    expect(error.code).toBe(ERROR_CODES.reauthRequired);
    expect((error as OAuthRequestError).description).toContain("Ol…78");
    expectNoSecrets(error, ["OldRefresh12345678", "SecretClient123456"]);
  });

  it("gives up after timeoutMs with CAFE24_TIMEOUT", async () => {
    // Cafe24 never answers: only the client's own timeout can end the call.
    const setup = await silentTokenEndpoint();
    const token = issued(setup);
    const error = await rejection(refreshToken({ ...setup.config, timeoutMs: 200 }, token.refreshToken));
    expect(error.code).toBe(ERROR_CODES.timeout);
    expectNoSecrets(error, [token.refreshToken, setup.config.clientSecret]);
  });

  it("stops when the caller aborts, with CAFE24_ABORTED", async () => {
    const setup = await silentTokenEndpoint();
    const token = issued(setup);
    const controller = new AbortController();
    // The caller gives up while Cafe24 holds the request.
    void setup.reached.then(() => controller.abort());
    const error = await rejection(
      refreshToken(setup.config, token.refreshToken, { signal: controller.signal }),
    );
    expect(error.code).toBe(ERROR_CODES.aborted);
  });

  it("reports a reset connection or a closed port as CAFE24_NETWORK", async () => {
    const setup = await oauthEmulator();
    const token = issued(setup);
    setup.running.control.setFaults([{ kind: "reset", route: "/api/v2/oauth/token" }]);
    const reset = await rejection(refreshToken(setup.config, token.refreshToken));
    expect(reset.code).toBe(ERROR_CODES.network);
    expectNoSecrets(reset, [token.refreshToken, setup.config.clientSecret]);

    const port = await closedPort();
    const closed = await rejection(
      refreshToken(
        { ...setup.config, baseUrl: `http://127.0.0.1:${port}/malls/{mall_id}` },
        token.refreshToken,
      ),
    );
    expect(closed.code).toBe(ERROR_CODES.network);
    expect(closed.message).toContain("ECONNREFUSED");
  });

  it("refuses plain http to a non-loopback host before sending anything", async () => {
    let sent = 0;
    const config = {
      mallId: "myshop",
      clientId: "id",
      clientSecret: "SecretClient123456",
      baseUrl: "http://{mall_id}.example.com",
      allowInsecureLoopback: true,
      fetch: async () => {
        sent += 1;
        return new Response();
      },
    };
    expect((await rejection(refreshToken(config, "OldRefresh12345678"))).code).toBe(ERROR_CODES.insecureUrl);
    expect(sent).toBe(0);
  });
});

/**
 * An emulator whose token endpoint, once reached, holds its answer until the test has finished (its latency
 * fault sleeps on the test's word, not on a timer); `reached` resolves when a token request arrives.
 */
async function silentTokenEndpoint(): Promise<OAuthSetup & { reached: Promise<void> }> {
  let reach = () => {};
  const reached = new Promise<void>((resolve) => {
    reach = resolve;
  });
  const held: (() => void)[] = [];
  const running = await launch(
    { autoApprove: true, faults: [{ kind: "latency", latencyMs: [1, 1], route: "/api/v2/oauth/token" }] },
    {
      sleep: () =>
        new Promise<void>((resolve) => {
          held.push(resolve);
          reach();
        }),
    },
  );
  // Registered after launch's close, so it runs first: the held answers go out before the server closes.
  onTestFinished(() => {
    for (const answer of held) answer();
  });
  const mall = running.malls[0];
  if (!mall) throw new Error("the emulator has no mall");
  const config = {
    mallId: mall.mallId,
    clientId: mall.clientId,
    clientSecret: secretOf(mall),
    baseUrl: running.baseUrlTemplate,
    allowInsecureLoopback: true,
  };
  return { running, mall, config, reached };
}

/** A port nothing listens on: bind, note it, close. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 9));
    });
  });
}
