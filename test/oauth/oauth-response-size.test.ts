import { afterEach, describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import type { OAuthClientConfig } from "../../src/oauth/oauth-client-config.js";
import { OAuthRequestError } from "../../src/oauth/oauth-error.js";
import { refreshToken } from "../../src/oauth/refresh-token.js";
import { expectNoSecrets, rejection } from "../helpers/oauth.js";
import { endlessBody, type ScriptedServer, scriptedServer } from "../helpers/scripted-server.js";

const MiB = 1024 * 1024;
/** What may sit in socket buffers between the server's writes and the client's cancel. */
const IN_FLIGHT_SLACK = 8 * MiB;
const SECRET = "ClientSecretOfTheScriptedApp";
const REFRESH_TOKEN = "RefreshTokenSentToTheScriptedServer";

const servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function endlessTokenEndpoint() {
  const endless = endlessBody();
  const server = await scriptedServer(endless.script);
  servers.push(server);
  const config: OAuthClientConfig = {
    mallId: "demomall",
    clientId: "ScriptedClientId",
    clientSecret: SECRET,
    baseUrl: server.baseUrlTemplate,
    allowInsecureLoopback: true,
    // Only a client without a cap ever meets this: it turns "reads forever" into a failure, not a hang.
    timeoutMs: 10_000,
  };
  return { endless, server, config };
}

describe("OAuth answers bigger than maxResponseBytes", () => {
  it("stops a never-ending refresh answer at 64 KiB with CAFE24_BAD_RESPONSE naming the limit, and drops the connection", async () => {
    const { endless, server, config } = await endlessTokenEndpoint();
    const error = await rejection(refreshToken(config, REFRESH_TOKEN));

    expect(error).toBeInstanceOf(OAuthRequestError);
    expect(error.code).toBe(ERROR_CODES.badResponse);
    expect(error.message).toContain("refresh");
    expect(error.message).toContain("64 KiB");
    expect(error.message).toContain("maxResponseBytes");
    expectNoSecrets(error, [SECRET, REFRESH_TOKEN]);
    const written = await endless.closed;
    expect(written).toBeLessThan(64 * 1024 + IN_FLIGHT_SLACK);
    expect(server.requests).toEqual([{ method: "POST", path: "/malls/demomall/api/v2/oauth/token" }]);
  });

  it("takes its limit from the OAuth config's maxResponseBytes", async () => {
    const { endless, config } = await endlessTokenEndpoint();
    const error = await rejection(refreshToken({ ...config, maxResponseBytes: 2 * MiB }, REFRESH_TOKEN));

    expect(error.code).toBe(ERROR_CODES.badResponse);
    expect(error.message).toContain("2 MiB");
    const written = await endless.closed;
    expect(written).toBeGreaterThan(2 * MiB);
    expect(written).toBeLessThan(2 * MiB + IN_FLIGHT_SLACK);
  });

  it("rejects a maxResponseBytes that is not a positive number before sending anything", async () => {
    const { server, config } = await endlessTokenEndpoint();
    const error = await rejection(refreshToken({ ...config, maxResponseBytes: -1 }, REFRESH_TOKEN));

    expect(error.code).toBe(ERROR_CODES.invalidOptions);
    expect(error.message).toContain("maxResponseBytes");
    expect(server.requests).toHaveLength(0);
  });
});
