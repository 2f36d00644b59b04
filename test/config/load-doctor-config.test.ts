import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIG_FILE_NAME, loadDoctorConfig } from "../../src/config/load-doctor-config.js";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import { doctorErrorOf, NO_ENV, project } from "./config-fixtures.js";

const FULL_ENV = {
  CAFE24_MALL_ID: "myshop",
  CAFE24_CLIENT_ID: "BrIfqEKoPxeE",
  CAFE24_CLIENT_SECRET: "s3cr3t-value-from-env",
  CAFE24_REDIRECT_URI: "https://myapp.example.com/oauth/callback",
  CAFE24_ACCESS_TOKEN: "legacyAccessTokenValue",
  CAFE24_SCOPES: "mall.read_product,mall.read_order",
  CAFE24_API_VERSION: "2025-06-01",
  CAFE24_TOKEN_FILE: "tokens/oauth_token.json",
  CAFE24_BASE_URL: "https://{mall_id}.cafe24api.com",
};

describe("loadDoctorConfig: where values come from", () => {
  it("reads every CAFE24_* variable from the environment alone", async () => {
    const cwd = await project();
    const config = await loadDoctorConfig({ cwd, env: FULL_ENV });
    expect(config).toMatchObject({
      mallId: "myshop",
      clientId: "BrIfqEKoPxeE",
      clientSecret: "s3cr3t-value-from-env",
      redirectUri: "https://myapp.example.com/oauth/callback",
      legacyAccessToken: "legacyAccessTokenValue",
      scopes: ["mall.read_product", "mall.read_order"],
      requiredScopes: ["mall.read_product", "mall.read_order"],
      apiVersion: "2025-06-01",
      tokenFile: join(cwd, "tokens/oauth_token.json"),
      baseUrl: "https://{mall_id}.cafe24api.com",
      allowInsecureLoopback: false,
      configFile: undefined,
      dotenvFile: undefined,
    });
  });

  it("reads the same variables from .env in the working directory", async () => {
    const dotenv = Object.entries(FULL_ENV)
      .map(([name, value]) => `${name}=${value}`)
      .join("\n");
    const cwd = await project({ ".env": `# app settings\n${dotenv}\n` });
    const config = await loadDoctorConfig({ cwd, env: NO_ENV });
    expect(config.mallId).toBe("myshop");
    expect(config.clientSecret).toBe("s3cr3t-value-from-env");
    expect(config.scopes).toEqual(["mall.read_product", "mall.read_order"]);
    expect(config.dotenvFile).toBe(join(cwd, ".env"));
    expect(config.sources).toMatchObject({ mallId: "dotenv", clientSecret: "dotenv", scopes: "dotenv" });
  });

  it("lets the real environment win over .env, and .env win over the config file", async () => {
    const cwd = await project({
      ".env": "CAFE24_MALL_ID=fromdotenv\nCAFE24_CLIENT_ID=dotenvClient\n",
      [CONFIG_FILE_NAME]: { mallId: "fromfile", clientId: "fileClient", apiVersion: "2024-03-01" },
    });
    const config = await loadDoctorConfig({ cwd, env: { CAFE24_MALL_ID: "fromenv" } });
    expect(config.mallId).toBe("fromenv");
    expect(config.clientId).toBe("dotenvClient");
    expect(config.apiVersion).toBe("2024-03-01");
    expect(config.sources).toMatchObject({ mallId: "env", clientId: "dotenv", apiVersion: "file" });
  });

  it("treats a variable that is empty after trimming as unset, so .env still applies", async () => {
    const cwd = await project({ ".env": "CAFE24_MALL_ID=fromdotenv\n" });
    const config = await loadDoctorConfig({ cwd, env: { CAFE24_MALL_ID: "  " } });
    expect(config.mallId).toBe("fromdotenv");
  });

  it("reads every setting of the config file, with defaults filled in", async () => {
    const cwd = await project({
      [CONFIG_FILE_NAME]: {
        $schema: "./node_modules/cafe24-doctor/schema/cafe24-doctor.config.schema.json",
        $comment: "settings for the doctor",
        mallId: "myshop",
        clientId: "BrIfqEKoPxeE",
        redirectUri: "https://myapp.example.com/oauth/callback",
        scopes: ["mall.read_product", "mall.read_order", "mall.read_store"],
        requiredScopes: ["mall.read_product"],
        apiVersion: "2025-06-01",
        baseUrl: "http://127.0.0.1:8724/malls/{mall_id}",
        tokenStore: { type: "file", path: "./secrets/oauth_token.json" },
        services: [
          {
            $comment: "production dashboard",
            name: "dashboard",
            url: "https://dash.example.com/health",
            expect: [{ path: "token_status.valid", equals: true }],
          },
        ],
        localServers: [
          { name: "dev", url: "http://127.0.0.1:3000/health", expectStatus: 204, timeoutMs: 800 },
        ],
        modules: [{ path: "src/server.js", import: true }, { path: "src/sync.py" }],
        reportDir: "./reports",
        lang: "ko",
      },
    });
    const config = await loadDoctorConfig({ cwd, env: NO_ENV });
    expect(config).toMatchObject({
      mallId: "myshop",
      clientId: "BrIfqEKoPxeE",
      clientSecret: undefined,
      scopes: ["mall.read_product", "mall.read_order", "mall.read_store"],
      requiredScopes: ["mall.read_product"],
      apiVersion: "2025-06-01",
      allowInsecureLoopback: true,
      tokenFile: join(cwd, "secrets/oauth_token.json"),
      reportDir: join(cwd, "reports"),
      lang: "ko",
      configFile: join(cwd, CONFIG_FILE_NAME),
    });
    expect(config.services).toEqual([
      {
        name: "dashboard",
        url: "https://dash.example.com/health",
        expectStatus: 200,
        assertions: [{ path: "token_status.valid", equals: true }],
        timeoutMs: 5000,
      },
    ]);
    expect(config.localServers).toEqual([
      { name: "dev", url: "http://127.0.0.1:3000/health", expectStatus: 204, assertions: [], timeoutMs: 800 },
    ]);
    expect(config.modules).toEqual([
      { path: join(cwd, "src/server.js"), import: true },
      { path: join(cwd, "src/sync.py"), import: false },
    ]);
  });

  it("resolves paths in a config file named by configPath against that file's folder", async () => {
    const cwd = await project();
    const elsewhere = await project({
      "doctor.json": { tokenStore: { type: "file", path: "t.json" }, modules: [{ path: "a.js" }] },
    });
    const config = await loadDoctorConfig({ cwd, env: NO_ENV, configPath: join(elsewhere, "doctor.json") });
    expect(config.tokenFile).toBe(join(elsewhere, "t.json"));
    expect(config.modules[0]?.path).toBe(join(elsewhere, "a.js"));
    expect(config.reportDir).toBe(join(cwd, "cafe24-doctor-reports"));
  });

  it("records the source of each key, never its value", async () => {
    const cwd = await project({
      ".env": "CAFE24_CLIENT_SECRET=dotenvSecretValue\n",
      [CONFIG_FILE_NAME]: { mallId: "myshop", services: [] },
    });
    const config = await loadDoctorConfig({ cwd, env: { CAFE24_CLIENT_ID: "envClient" } });
    expect(config.sources).toEqual({
      mallId: "file",
      clientId: "env",
      clientSecret: "dotenv",
      services: "file",
      requiredScopes: "default",
      tokenFile: "default",
      reportDir: "default",
    });
    expect(JSON.stringify(config.sources)).not.toContain("dotenvSecretValue");
  });

  it("uses ./oauth_token.json and ./cafe24-doctor-reports/ when nothing says otherwise", async () => {
    const cwd = await project();
    const config = await loadDoctorConfig({ cwd, env: NO_ENV });
    expect(config.tokenFile).toBe(join(cwd, "oauth_token.json"));
    expect(config.reportDir).toBe(join(cwd, "cafe24-doctor-reports"));
    expect(config.scopes).toEqual([]);
    expect(config.services).toEqual([]);
    expect(config.baseUrl).toBeUndefined();
  });
});

describe("loadDoctorConfig: values as users actually write them", () => {
  it("trims a client secret with a trailing newline and says it did", async () => {
    const cwd = await project({ ".env": 'CAFE24_CLIENT_SECRET="abcdSecret1234\n"\n' });
    const config = await loadDoctorConfig({ cwd, env: { CAFE24_MALL_ID: " myshop " } });
    expect(config.clientSecret).toBe("abcdSecret1234");
    expect(config.secretHadWhitespace).toBe(true);
    expect(config.mallId).toBe("myshop");
  });

  it("flags a secret exported with a trailing space", async () => {
    const config = await loadDoctorConfig({
      cwd: await project(),
      env: { CAFE24_CLIENT_SECRET: "abcdSecret1234 " },
    });
    expect(config.clientSecret).toBe("abcdSecret1234");
    expect(config.secretHadWhitespace).toBe(true);
  });

  it("does not flag a clean secret", async () => {
    const config = await loadDoctorConfig({ cwd: await project(), env: { CAFE24_CLIENT_SECRET: "clean" } });
    expect(config.secretHadWhitespace).toBe(false);
  });

  it("splits CAFE24_SCOPES on commas and spaces, dropping blanks and repeats", async () => {
    const env = {
      CAFE24_SCOPES: " mall.read_product, mall.read_order  mall.read_product,,mall.write_order ",
    };
    const config = await loadDoctorConfig({ cwd: await project(), env });
    expect(config.scopes).toEqual(["mall.read_product", "mall.read_order", "mall.write_order"]);
  });

  it("allows plain http only for a loopback base URL, and marks it as the emulator opt-in", async () => {
    const cwd = await project();
    for (const [baseUrl, insecure] of [
      ["http://127.0.0.1:8724/malls/{mall_id}", true],
      ["http://localhost:8724/malls/{mall_id}", true],
      ["https://{mall_id}.cafe24api.com", false],
    ] as const) {
      const config = await loadDoctorConfig({ cwd, env: { CAFE24_BASE_URL: baseUrl } });
      expect(config.allowInsecureLoopback, baseUrl).toBe(insecure);
    }
  });

  it("refuses a plain-http base URL for a host that is not loopback", async () => {
    const cwd = await project();
    const error = await doctorErrorOf(
      loadDoctorConfig({ cwd, env: { CAFE24_BASE_URL: "http://api.example.com/{mall_id}" } }),
    );
    expect(error.code).toBe(ERROR_CODES.configInvalid);
    expect(error.details).toEqual([
      expect.stringMatching(/^CAFE24_BASE_URL: plain http is allowed only for a loopback/),
    ]);
  });

  it("loads a config file that starts with a byte-order mark", async () => {
    const cwd = await project({ [CONFIG_FILE_NAME]: `\uFEFF${JSON.stringify({ mallId: "bomshop" })}` });
    expect((await loadDoctorConfig({ cwd, env: NO_ENV })).mallId).toBe("bomshop");
  });

  it("loads a .env that starts with a byte-order mark", async () => {
    const cwd = await project({ ".env": "\uFEFFCAFE24_MALL_ID=bomshop\n" });
    expect((await loadDoctorConfig({ cwd, env: NO_ENV })).mallId).toBe("bomshop");
  });
});

describe("loadDoctorConfig: the API version calendar", () => {
  it("reads apiVersions from the config file, the end of support optional", async () => {
    const cwd = await project({
      [CONFIG_FILE_NAME]: {
        apiVersions: [
          { version: "2026-12-01", releasedAt: "2026-12-01" },
          {
            $comment: "announced early",
            version: "2026-03-01",
            releasedAt: "2026-03-01",
            endOfSupport: "2026-12-15",
          },
        ],
      },
    });
    const config = await loadDoctorConfig({ cwd, env: NO_ENV });
    expect(config.apiVersions).toEqual([
      { version: "2026-12-01", releasedAt: "2026-12-01", endOfSupport: undefined },
      { version: "2026-03-01", releasedAt: "2026-03-01", endOfSupport: "2026-12-15" },
    ]);
    expect(config.sources).toMatchObject({ apiVersions: "file" });
  });

  it("leaves the built-in calendar alone when the file has no apiVersions", async () => {
    const config = await loadDoctorConfig({ cwd: await project(), env: NO_ENV });
    expect(config.apiVersions).toBeUndefined();
  });

  it("refuses an entry that is not a day or ends before its release, naming the key", async () => {
    const cwd = await project({
      [CONFIG_FILE_NAME]: {
        apiVersions: [
          { version: "2026-12-01", releasedAt: "December" },
          { version: "2026-03-01", releasedAt: "2026-03-01", endOfSupport: "2026-01-01" },
        ],
      },
    });
    const error = await doctorErrorOf(loadDoctorConfig({ cwd, env: NO_ENV }));
    expect(error.code).toBe(ERROR_CODES.configInvalid);
    expect(error.details).toEqual([
      expect.stringMatching(/^apiVersions\[0\]\.releasedAt: must be a day \(YYYY-MM-DD\)/),
      expect.stringMatching(/^apiVersions\[1\]\.endOfSupport: must be after releasedAt/),
    ]);
  });
});
