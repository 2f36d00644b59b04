import { describe, expect, it } from "vitest";
import { factsOf } from "../../../src/doctor/facts.js";
import { StoredTokenProvider } from "../../../src/doctor/stored-token-provider.js";
import { ERROR_CODES } from "../../../src/errors/doctor-error.js";
import { DAY, HOUR, httpTarget, refreshGrant } from "../../helpers/emulator.js";
import {
  expectNoSecrets,
  findingOf,
  runCheck,
  runUpTo,
  type Scenario,
  scenario,
  writeTokenFile,
} from "./context-helper.js";

async function authenticate(s: Scenario) {
  const results = await runUpTo(s.ctx, "authentication");
  expectNoSecrets(results.values(), s.secrets);
  const result = results.get("authentication");
  if (!result) throw new Error("authentication did not run");
  return result;
}

const adminGets = (s: Scenario) =>
  Object.entries(s.emu.control.stats(s.mallId).routes)
    .filter(([route]) => route.startsWith("GET /api/v2/admin"))
    .reduce((sum, [, n]) => sum + n, 0);

describe("authentication check", () => {
  it("proves a healthy token with exactly one Admin API call", async () => {
    const s = await scenario();
    const result = await authenticate(s);
    expect(result.status).toBe("ok");
    expect(result.findings).toEqual([]);
    expect(result.evidence).toMatchObject({
      path: "/apps",
      status: 200,
      source: "file",
      localAccessRemainingSeconds: 7200,
    });
    expect(s.ctx.api?.callsSpent).toBe(1);
    expect(adminGets(s)).toBe(1);
    expect(factsOf({ authentication: result }, "authentication")).toEqual({
      authenticated: true,
      failure: undefined,
    });
  });

  it("probes an endpoint the token's scopes allow", async () => {
    const s = await scenario({ token: { scopes: ["mall.read_product"] } });
    const result = await authenticate(s);
    expect(result.status).toBe("ok");
    expect(result.evidence.path).toBe("/products/count");
  });

  it("reads 401 'time expired' as expired (high), fixed by a refresh", async () => {
    const s = await scenario();
    s.emu.control.advanceClock(3 * HOUR);
    const result = await authenticate(s);
    expect(result.status).toBe("expired");
    const finding = findingOf(result, "ACCESS_TOKEN_EXPIRED");
    expect(finding.urgency).toBe("high");
    expect(finding.command).toBe("cafe24-doctor token refresh");
    expect(factsOf({ authentication: result }, "authentication")?.failure).toBe("expired");
  });

  it("sends an expired token with a dead refresh token to a new authorization", async () => {
    const s = await scenario();
    s.emu.control.advanceClock(15 * DAY);
    const result = await authenticate(s);
    expect(findingOf(result, "ACCESS_TOKEN_EXPIRED").command).toBe("cafe24-doctor token login");
  });

  it("reads 'Invalid access_token' on a locally valid token as revoked or rotated (critical), not expired", async () => {
    const s = await scenario();
    s.emu.control.revokeAll(s.mallId);
    const result = await authenticate(s);
    expect(result.status).toBe("fail");
    expect(result.summary.key).toBe("check.authentication.summary.rejected");
    const finding = findingOf(result, "ACCESS_TOKEN_REJECTED");
    expect(finding.urgency).toBe("critical");
    expect(finding.cause.key).toBe("check.authentication.rejected.cause");
    // Revoking an access token revokes its refresh token too: only a new authorization helps.
    expect(finding.command).toBe("cafe24-doctor token login");
    expect(result.evidence).toMatchObject({
      status: 401,
      cafe24Message: "Invalid access_token",
      localAccessRemainingSeconds: 7200,
    });
    expect(factsOf({ authentication: result }, "authentication")).toEqual({
      authenticated: false,
      failure: "invalid",
    });
  });

  it("catches a token rotated by another process that refreshed behind the file's back", async () => {
    const s = await scenario();
    const elsewhere = await refreshGrant(httpTarget(s.emu), s.token?.refreshToken ?? "");
    expect(elsewhere.status).toBe(200);
    const rotated = (await elsewhere.json()) as { access_token: string; refresh_token: string };
    s.secrets.push(rotated.access_token, rotated.refresh_token);
    const result = await authenticate(s);
    expect(findingOf(result, "ACCESS_TOKEN_REJECTED").urgency).toBe("critical");
    expect(result.evidence.localAccessRemainingSeconds).toBe(7200);
  });

  it("sends a stale CAFE24_ACCESS_TOKEN copy to login, since there is no refresh token", async () => {
    const s = await scenario({
      token: "none",
      config: { legacyAccessToken: "StaleEnvAccessToken0123456789" },
    });
    const result = await authenticate(s);
    const finding = findingOf(result, "ACCESS_TOKEN_REJECTED");
    expect(finding.cause.key).toBe("check.authentication.rejectedEnv.cause");
    expect(finding.command).toBe("cafe24-doctor token login");
    expect(result.evidence).toMatchObject({
      source: "env",
      localAccessRemainingSeconds: null,
      path: "/store",
    });
  });

  it("reads 403 as a missing scope or an uninstalled app (high), naming the scope", async () => {
    const s = await scenario({ token: { scopes: ["mall.read_application", "mall.read_product"] } });
    s.emu.control.setAppScopes(s.mallId, ["mall.read_product"]);
    const result = await authenticate(s);
    expect(result.status).toBe("fail");
    const finding = findingOf(result, "ACCESS_FORBIDDEN");
    expect(finding.urgency).toBe("high");
    expect(finding.command).toBe("cafe24-doctor token login");
    expect(finding.cause.params).toMatchObject({ path: "/apps", scope: "mall.read_application" });
    expect(factsOf({ authentication: result }, "authentication")?.failure).toBe("forbidden");
  });

  it("reads a Cafe24 503 as Cafe24 trouble to retry later (medium), not a token problem", async () => {
    const s = await scenario({
      emulator: { faults: [{ kind: "status", status: 503, route: "/api/v2/admin" }] },
    });
    const result = await authenticate(s);
    expect(result.status).toBe("fail");
    const finding = findingOf(result, "CAFE24_SERVER_ERROR");
    expect(finding.urgency).toBe("medium");
    expect(finding.command).toBe("cafe24-doctor check");
    expect(result.findings.map((f) => f.code)).not.toContain("ACCESS_TOKEN_REJECTED");
    expect(factsOf({ authentication: result }, "authentication")?.failure).toBe("server");
  });

  it("reads 429 as rate-limited (a warning), without waiting", async () => {
    const s = await scenario();
    s.emu.control.fillBucket(s.mallId, 40);
    const result = await authenticate(s);
    expect(result.status).toBe("warn");
    expect(findingOf(result, "RATE_LIMITED").urgency).toBe("medium");
  });

  it("reports a connection that dies mid-call as a network failure", async () => {
    const s = await scenario({ emulator: { faults: [{ kind: "reset", route: "/api/v2/admin" }] } });
    const result = await authenticate(s);
    expect(result.status).toBe("fail");
    expect(findingOf(result, "AUTH_NETWORK_ERROR").urgency).toBe("high");
    expect(factsOf({ authentication: result }, "authentication")?.failure).toBe("network");
  });

  it("spends no call when the host is unreachable or there is no token", async () => {
    const lost = await scenario({
      lookup: async () => {
        throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
      },
    });
    const unreachable = await authenticate(lost);
    expect(unreachable.status).toBe("skipped");
    expect(unreachable.summary.key).toBe("check.authentication.summary.unreachable");
    expect(lost.ctx.api?.callsSpent).toBe(0);

    const none = await scenario({ token: "none" });
    const noToken = await runCheck(none.ctx, "authentication");
    expect(noToken.status).toBe("skipped");
    expect(factsOf({ authentication: noToken }, "authentication")).toEqual({
      authenticated: false,
      failure: "no-token",
    });
    expect(none.ctx.api?.callsSpent).toBe(0);
  });

  it("says a corrupt token file is unusable, not that there is no token, and spends no call", async () => {
    const s = await scenario();
    await writeTokenFile(s, '{"access_token": "trunc');
    const result = await authenticate(s);
    expect(result.status).toBe("skipped");
    expect(result.summary.key).toBe("check.authentication.summary.tokenUnusable");
    expect(factsOf({ authentication: result }, "authentication")?.failure).toBe("token-unusable");
    expect(s.ctx.api?.callsSpent).toBe(0);
  });

  it("reads a corrupt token file as TOKEN_FILE_INVALID, even with CAFE24_ACCESS_TOKEN to fall back on", async () => {
    const s = await scenario();
    await writeTokenFile(s, '{"access_token": "trunc');
    const provider = new StoredTokenProvider(s.store, s.mallId, "LegacyEnvAccessToken0123456789");
    await expect(provider.getAccessToken()).rejects.toMatchObject({ code: ERROR_CODES.tokenFileInvalid });
  });
});

describe("authentication check: the app's client credentials (probe grant, no side effects)", () => {
  const tokenPosts = (s: Scenario) => s.emu.control.stats(s.mallId).routes["POST /api/v2/oauth/token"] ?? 0;

  it("proves a right secret with one refused probe grant, changing nothing", async () => {
    const s = await scenario();
    const before = await s.store.get(s.mallId);
    const result = await authenticate(s);
    expect(result.status).toBe("ok");
    expect(result.evidence).toMatchObject({
      clientCredentials: "accepted",
      clientCredentialsError: "invalid_grant",
    });
    expect(tokenPosts(s)).toBe(1);
    // The stored token is untouched and still the live one: nothing was refreshed or rotated.
    expect((await s.store.get(s.mallId))?.revision).toBe(before?.revision);
    expect(s.ctx.api?.callsSpent).toBe(1);
  });

  it.each(["invalid_client", "invalid_grant"] as const)(
    'names a wrong secret (answered %s "Invalid client_secret") although the access token works',
    async (wrongSecretError) => {
      const s = await scenario({
        emulator: { oauth: { wrongSecretError } },
        config: { clientSecret: "WrongSecret123" },
      });
      const result = await authenticate(s);
      expect(result.status).toBe("fail");
      expect(result.summary.key).toBe("check.authentication.summary.credentialsRejected");
      const finding = findingOf(result, "CLIENT_SECRET_REJECTED");
      expect(finding.urgency).toBe("critical");
      expect(finding.cause.params?.said).toBe(`${wrongSecretError}: Invalid client_secret`);
      expect(finding.command).toBeUndefined();
      // The token itself was accepted: the finding is the only one, and the API checks may go on.
      expect(result.findings).toHaveLength(1);
      expect(factsOf({ authentication: result }, "authentication")?.authenticated).toBe(true);
      expectNoSecrets([result], ["WrongSecret123", ...s.secrets]);
    },
  );

  it("proves the credentials when there is no token yet (a login would fail on a wrong secret)", async () => {
    const s = await scenario({ token: "none", config: { clientSecret: "WrongSecret123" } });
    const result = await authenticate(s);
    expect(result.status).toBe("fail");
    expect(findingOf(result, "CLIENT_SECRET_REJECTED").urgency).toBe("critical");
    expect(factsOf({ authentication: result }, "authentication")?.failure).toBe("no-token");
  });

  it("keeps a failing token's own verdict and adds the rejected secret", async () => {
    const s = await scenario({ config: { clientSecret: "WrongSecret123" } });
    s.emu.control.revokeAll(s.mallId);
    const result = await authenticate(s);
    expect(result.summary.key).toBe("check.authentication.summary.rejected");
    expect(result.findings.map((f) => f.code)).toEqual(["CLIENT_SECRET_REJECTED", "ACCESS_TOKEN_REJECTED"]);
  });

  it("does not convict the secret on an answer that names neither the client nor the refresh token", async () => {
    const s = await scenario();
    s.emu.control.setFaults([{ kind: "status", status: 503, route: "/api/v2/oauth/token" }]);
    const result = await authenticate(s);
    expect(result.status).toBe("ok");
    expect(result.evidence.clientCredentials).toBe("inconclusive");
  });
});
