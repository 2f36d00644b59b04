import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIG_SCHEMA_REF } from "../../src/config/config-json-schema.js";
import { type InitAnswers, initDefaults, STARTER_SCOPES } from "../../src/config/init-answers.js";
import { CONFIG_FILE_NAME, loadDoctorConfig } from "../../src/config/load-doctor-config.js";
import { starterConfig, writeStarterConfig } from "../../src/config/starter-config.js";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import { doctorErrorOf, NO_ENV, project } from "./config-fixtures.js";

const ANSWERS: InitAnswers = {
  mallId: "myshop",
  redirectUri: "https://myapp.example.com/oauth/callback",
  scopes: ["mall.read_product", "mall.read_order"],
  apiVersion: "2025-06-01",
  tokenFile: "./secrets/oauth_token.json",
  serviceUrl: "https://myapp.example.com/health",
  reportDir: "./reports",
};

describe("the starter config", () => {
  it("loads back as the configuration it was written from", async () => {
    const cwd = await project();
    const { file } = await writeStarterConfig({ cwd, answers: ANSWERS, env: NO_ENV });
    expect(file).toBe(join(cwd, CONFIG_FILE_NAME));
    const config = await loadDoctorConfig({ cwd, env: NO_ENV });
    expect(config).toMatchObject({
      mallId: "myshop",
      redirectUri: "https://myapp.example.com/oauth/callback",
      scopes: ["mall.read_product", "mall.read_order"],
      apiVersion: "2025-06-01",
      tokenFile: join(cwd, "secrets/oauth_token.json"),
      reportDir: join(cwd, "reports"),
      services: [
        {
          name: "myapp.example.com",
          url: "https://myapp.example.com/health",
          expectStatus: 200,
          assertions: [],
          timeoutMs: 5000,
        },
      ],
    });
  });

  it("explains each section in English and Korean with $comment, and points editors at the schema", () => {
    const json = JSON.parse(starterConfig(ANSWERS)) as { $schema: string; $comment: string[] };
    expect(json.$schema).toBe(CONFIG_SCHEMA_REF);
    for (const section of [
      "mallId",
      "requiredScopes",
      "store",
      "services",
      "localServers",
      "modules",
      "reportDir",
      "lang",
    ]) {
      const line = json.$comment.find((comment) => comment.includes(`${section}`));
      expect(line, section).toMatch(/[a-z]{3,}.* \/ .*[가-힣]/);
    }
  });

  it("never contains the client secret, even when the environment has one", async () => {
    const cwd = await project({ ".env": "CAFE24_CLIENT_SECRET=DotenvSecretValue99\n" });
    const env = { CAFE24_CLIENT_SECRET: "EnvSecretValue42", CAFE24_MALL_ID: "myshop" };
    await writeStarterConfig({ cwd, answers: await initDefaults({ cwd, env }), env });
    const text = await readFile(join(cwd, CONFIG_FILE_NAME), "utf8");
    expect(text).not.toContain("EnvSecretValue42");
    expect(text).not.toContain("DotenvSecretValue99");
    expect(text).not.toMatch(/"clientSecret"/);
  });

  it("refuses to overwrite an existing config without force, and leaves it untouched", async () => {
    const cwd = await project({ [CONFIG_FILE_NAME]: '{ "mallId": "keepme" }' });
    const error = await doctorErrorOf(writeStarterConfig({ cwd, answers: ANSWERS, env: NO_ENV }));
    expect(error.code).toBe(ERROR_CODES.configExists);
    expect(error.message).toContain(join(cwd, CONFIG_FILE_NAME));
    expect(await readFile(join(cwd, CONFIG_FILE_NAME), "utf8")).toBe('{ "mallId": "keepme" }');
    expect(await readdir(cwd)).toEqual([CONFIG_FILE_NAME]);
  });

  it("replaces an existing config with force", async () => {
    const cwd = await project({ [CONFIG_FILE_NAME]: '{ "mallId": "old" }' });
    await writeStarterConfig({ cwd, answers: ANSWERS, force: true, env: NO_ENV });
    expect((await loadDoctorConfig({ cwd, env: NO_ENV })).mallId).toBe("myshop");
    expect(await readdir(cwd)).toEqual([CONFIG_FILE_NAME]);
  });

  it("says to put the client id and secret in .env when they are not set anywhere", async () => {
    const cwd = await project();
    expect((await writeStarterConfig({ cwd, answers: ANSWERS, env: NO_ENV })).notes).toEqual([
      "config.init.clientIdMissing",
      "config.init.secretMissing",
    ]);
    const withDotenv = await project({ ".env": "CAFE24_CLIENT_ID=abc\nCAFE24_CLIENT_SECRET=def\n" });
    expect((await writeStarterConfig({ cwd: withDotenv, answers: ANSWERS, env: NO_ENV })).notes).toEqual([]);
  });

  it("refuses answers the loader would reject, writing nothing", async () => {
    const cwd = await project();
    const error = await doctorErrorOf(
      writeStarterConfig({ cwd, answers: { ...ANSWERS, mallId: "not a mall" }, env: NO_ENV }),
    );
    expect(error.code).toBe(ERROR_CODES.configInvalid);
    expect(error.details).toEqual([expect.stringMatching(/^mallId: /)]);
    expect(await readdir(cwd)).toEqual([]);
  });
});

describe("init --yes: answers from the environment", () => {
  it("takes every answer from CAFE24_* and .env, with defaults for the rest", async () => {
    const cwd = await project({
      ".env": "CAFE24_MALL_ID=dotenvshop\nCAFE24_SCOPES=mall.read_order mall.read_store\n",
    });
    const env = { CAFE24_REDIRECT_URI: "https://a.example.com/cb", CAFE24_API_VERSION: "2024-09-01" };
    expect(await initDefaults({ cwd, env })).toEqual({
      mallId: "dotenvshop",
      redirectUri: "https://a.example.com/cb",
      scopes: ["mall.read_order", "mall.read_store"],
      apiVersion: "2024-09-01",
      tokenFile: "./oauth_token.json",
      reportDir: "./cafe24-doctor-reports",
    });
  });

  it("starts from read scopes for the doctor's own calls when CAFE24_SCOPES is unset, and writes a valid file", async () => {
    const cwd = await project();
    const answers = await initDefaults({ cwd, env: NO_ENV });
    expect(answers.scopes).toEqual(STARTER_SCOPES);
    await writeStarterConfig({ cwd, answers, env: NO_ENV });
    const config = await loadDoctorConfig({ cwd, env: NO_ENV });
    expect(config.scopes).toEqual(STARTER_SCOPES);
    expect(config.mallId).toBeUndefined();
  });

  it("keeps a config the user edits after init loadable, comments included", async () => {
    const cwd = await project();
    await writeStarterConfig({ cwd, answers: ANSWERS, env: NO_ENV });
    const json = JSON.parse(await readFile(join(cwd, CONFIG_FILE_NAME), "utf8"));
    json.modules.push({ $comment: "the API server / API 서버", path: "src/server.js" });
    await writeFile(join(cwd, CONFIG_FILE_NAME), JSON.stringify(json));
    expect((await loadDoctorConfig({ cwd, env: NO_ENV })).modules).toEqual([
      { path: join(cwd, "src/server.js"), import: false },
    ]);
  });
});
