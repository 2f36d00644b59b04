import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDotenv } from "../../src/config/env-values.js";
import type { InitAnswers } from "../../src/config/init-answers.js";
import {
  envTemplate,
  gitignoreLines,
  gitignoreMissing,
  missingAfterInit,
  writeEnvTemplate,
} from "../../src/config/init-files.js";
import { NO_ENV, project } from "./config-fixtures.js";

const ANSWERS: InitAnswers = {
  scopes: ["mall.read_product"],
  tokenFile: "./oauth_token.json",
  reportDir: "./cafe24-doctor-reports",
};

describe("init's .env template", () => {
  it("is written with mode 0600 whatever the umask, lists every CAFE24_* the app needs, and fills no secret it was not given", async () => {
    const cwd = await project();
    const previous = process.umask(0o022);
    try {
      const result = await writeEnvTemplate(cwd, { ...ANSWERS, mallId: "myshop" }, NO_ENV);
      expect(result).toEqual({ file: join(cwd, ".env"), written: true });
    } finally {
      process.umask(previous);
    }
    expect((await stat(join(cwd, ".env"))).mode & 0o777).toBe(0o600);
    const { values } = await readDotenv(cwd);
    expect(values).toEqual({
      CAFE24_MALL_ID: "myshop",
      CAFE24_CLIENT_ID: "",
      CAFE24_CLIENT_SECRET: "",
      CAFE24_REDIRECT_URI: "",
    });
  });

  it("takes the client id and secret from the environment when they are there, quoted so .env reads them back", async () => {
    const env = { CAFE24_CLIENT_ID: "cid", CAFE24_CLIENT_SECRET: "s3cr#t value" };
    const cwd = await project();
    await writeEnvTemplate(cwd, ANSWERS, env);
    const { values } = await readDotenv(cwd);
    expect(values.CAFE24_CLIENT_ID).toBe("cid");
    expect(values.CAFE24_CLIENT_SECRET).toBe("s3cr#t value");
    expect(envTemplate(ANSWERS, NO_ENV)).toContain("git");
  });

  it("never overwrites an existing .env", async () => {
    const cwd = await project({ ".env": "CAFE24_CLIENT_SECRET=mine\n" });
    const result = await writeEnvTemplate(cwd, ANSWERS, NO_ENV);
    expect(result.written).toBe(false);
    expect(await readFile(join(cwd, ".env"), "utf8")).toBe("CAFE24_CLIENT_SECRET=mine\n");
  });
});

describe("what init says is still missing", () => {
  it("names the mall, the client id, the secret and the redirect URI until each is set", () => {
    expect(missingAfterInit(ANSWERS, {})).toEqual([
      "config.init.missing.mallId",
      "config.init.clientIdMissing",
      "config.init.secretMissing",
      "config.init.missing.redirectUri",
    ]);
    const set = { value: "x", source: "env" as const, hadWhitespace: false };
    expect(
      missingAfterInit(
        { ...ANSWERS, mallId: "myshop", redirectUri: "https://a.example.com/cb" },
        { clientId: set, clientSecret: set },
      ),
    ).toEqual([]);
  });
});

describe("init's .gitignore lines", () => {
  it("cover .env, the token file with its lock and pending state, and the report folder", async () => {
    const cwd = await project();
    expect(gitignoreLines(cwd, ANSWERS)).toEqual([".env", "oauth_token.json*", "cafe24-doctor-reports/"]);
    expect(
      gitignoreLines(cwd, { ...ANSWERS, tokenFile: "./secrets/{mall_id}.json", reportDir: "/var/reports" }),
    ).toEqual([".env", "secrets/*.json*"]);
    // A per-mall file at the root would need "*.json*", which hides package.json: left to the user.
    expect(gitignoreLines(cwd, { ...ANSWERS, tokenFile: "{mall_id}.json" })).toEqual([
      ".env",
      "cafe24-doctor-reports/",
    ]);
  });

  it("leave out the lines the project's .gitignore already has", async () => {
    const cwd = await project({ ".gitignore": "node_modules\n/.env\ncafe24-doctor-reports\n" });
    expect(await gitignoreMissing(cwd, gitignoreLines(cwd, ANSWERS))).toEqual(["oauth_token.json*"]);
  });
});
