import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DoctorConfig } from "../../../src/config/doctor-config.js";
import { expectNoSecrets, findingOf, runCheck, type Scenario, scenario } from "./context-helper.js";

const SCOPES = ["mall.read_product", "mall.read_order"];

/** A complete configuration (scopes included, as `init` writes them), changed by `overrides`. */
async function configuration(overrides: Partial<DoctorConfig> = {}) {
  const s: Scenario = await scenario({ config: { scopes: SCOPES, requiredScopes: SCOPES, ...overrides } });
  const result = await runCheck(s.ctx, "configuration");
  expectNoSecrets([result], s.secrets);
  return { s, result };
}

describe("configuration check", () => {
  it("passes a complete configuration, showing where each key came from but no value", async () => {
    const { s, result } = await configuration();
    expect(result.status).toBe("ok");
    expect(result.findings).toEqual([]);
    expect(result.summary).toEqual({
      key: "check.configuration.summary.ok",
      params: { fromEnv: 2, fromDotenv: 1, fromFile: 1 },
    });
    expect(result.evidence).toMatchObject({
      sources: ["clientId=env", "clientSecret=dotenv", "mallId=env", "redirectUri=file"],
      clientSecret: "present",
      baseUrl: "loopback",
    });
    const shown = JSON.stringify(result);
    expect(shown).not.toContain(s.ctx.config.clientId);
    expect(shown).not.toContain(s.ctx.config.redirectUri);
  });

  it("reports a missing mall id as missing and critical, with init", async () => {
    const { result } = await configuration({ mallId: undefined });
    expect(result.status).toBe("missing");
    expect(result.summary).toEqual({
      key: "check.configuration.summary.missing",
      params: { names: "CAFE24_MALL_ID" },
    });
    const finding = findingOf(result, "MALL_ID_MISSING");
    expect(finding.urgency).toBe("critical");
    expect(finding.command).toBe("cafe24-doctor init");
  });

  it("reports a missing client secret (high) and client id (high), with init", async () => {
    const { result } = await configuration({ clientSecret: undefined, clientId: undefined });
    expect(result.status).toBe("missing");
    expect(result.evidence.clientSecret).toBe("absent");
    for (const code of ["CLIENT_SECRET_MISSING", "CLIENT_ID_MISSING"] as const) {
      const finding = findingOf(result, code);
      expect(finding.urgency).toBe("high");
      expect(finding.command).toBe("cafe24-doctor init");
    }
  });

  it("flags a secret that came with whitespace, the old toolkit's 'Invalid client_secret'", async () => {
    const { result } = await configuration({ secretHadWhitespace: true });
    expect(result.status).toBe("warn");
    const finding = findingOf(result, "CLIENT_SECRET_WHITESPACE");
    expect(finding.urgency).toBe("medium");
    expect(finding.cause.params).toEqual({ source: ".env" });
  });

  it("refuses plain http to a host that is not this machine (critical)", async () => {
    const { result } = await configuration({
      baseUrl: "http://example.com/{mall_id}",
      allowInsecureLoopback: false,
    });
    expect(result.status).toBe("fail");
    expect(findingOf(result, "BASE_URL_INSECURE").urgency).toBe("critical");
  });

  it("flags a malformed mall id, unknown scopes, a bad API version and a bad redirect URI", async () => {
    const { result } = await configuration({
      mallId: "my shop",
      scopes: ["mall.read_product", "mall.read_prodcut"],
      apiVersion: "2025-13-01",
      redirectUri: "not a url",
    });
    expect(result.status).toBe("fail");
    expect(findingOf(result, "MALL_ID_INVALID").urgency).toBe("critical");
    expect(findingOf(result, "SCOPES_UNKNOWN").evidence).toEqual({ unknownScopes: ["mall.read_prodcut"] });
    expect(findingOf(result, "API_VERSION_INVALID").urgency).toBe("medium");
    expect(findingOf(result, "REDIRECT_URI_INVALID").command).toBe("cafe24-doctor init");
  });

  it("warns about the old toolkit's CAFE24_ACCESS_TOKEN copy without showing it", async () => {
    const token = "LegacyEnvAccessToken0123456789";
    const { s, result } = await configuration({
      legacyAccessToken: token,
      sources: { mallId: "env", legacyAccessToken: "env" },
    });
    s.secrets.push(token);
    expect(result.status).toBe("warn");
    const finding = findingOf(result, "LEGACY_ACCESS_TOKEN_SET");
    expect(finding.urgency).toBe("medium");
    expect(finding.command).toBe("unset CAFE24_ACCESS_TOKEN");
    expect(JSON.stringify(result)).not.toContain(token);
  });

  it("names the .env file, and gives no shell command, when the legacy token comes from there", async () => {
    const cwd = join(tmpdir(), "shop-app");
    const { result } = await configuration({
      cwd,
      legacyAccessToken: "LegacyEnvAccessToken0123456789",
      sources: { legacyAccessToken: "dotenv" },
      dotenvFile: join(cwd, "deploy", ".env"),
    });
    const finding = findingOf(result, "LEGACY_ACCESS_TOKEN_SET");
    expect(finding.cause.params).toEqual({ source: "deploy/.env" });
    expect(finding.command).toBeUndefined();
  });
});
