import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIG_FILE_NAME, loadDoctorConfig } from "../../src/config/load-doctor-config.js";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import { doctorErrorOf, NO_ENV, project } from "./config-fixtures.js";

/** The detail lines of loading a config file with `content` (and optionally some environment). */
async function problemsOf(content: unknown, env: NodeJS.ProcessEnv = NO_ENV): Promise<readonly string[]> {
  const cwd = await project({ [CONFIG_FILE_NAME]: content });
  const error = await doctorErrorOf(loadDoctorConfig({ cwd, env }));
  expect(error.code).toBe(ERROR_CODES.configInvalid);
  expect(error.message).toContain(join(cwd, CONFIG_FILE_NAME));
  return error.details;
}

describe("invalid configuration: one line per problem, naming the key and the fix", () => {
  it.each([
    [{ mallId: "my shop!" }, 'mallId: must be a Cafe24 mall id (letters, digits, "-") — e.g. "myshop"'],
    [{ mallId: 42 }, 'mallId: must be your mall id as text, e.g. "myshop"'],
    [{ redirectUri: "myapp/callback" }, 'redirectUri: must be an http(s) URL — e.g. "https://'],
    [{ scopes: "mall.read_product" }, 'scopes: must be a list of scopes, e.g. ["mall.read_product"'],
    [
      { scopes: ["mall.read_prodcut"] },
      'scopes[0]: "mall.read_prodcut" is not a Cafe24 scope — did you mean "mall.read_product"?',
    ],
    [{ requiredScopes: ["admin"] }, 'requiredScopes[0]: "admin" is not a Cafe24 scope — use names like'],
    [{ apiVersion: "2025.06" }, "apiVersion: must be a Cafe24 API version date (YYYY-MM-DD)"],
    [{ baseUrl: "ftp://{mall_id}.example.com" }, "baseUrl: must be an https URL template with {mall_id}"],
    [{ baseUrl: "http://10.0.0.5/{mall_id}" }, "baseUrl: plain http is allowed only for a loopback host"],
    [{ tokenStore: { type: "redis", path: "x" } }, 'tokenStore.type: must be "file"'],
    [
      { tokenStore: { type: "file" } },
      'tokenStore.path: is required — the token file path, e.g. "./oauth_token.json"',
    ],
    [{ services: {} }, 'services: must be a list of services, e.g. [{ "name": "api"'],
    [
      { services: [{ name: "api", url: "ftp://x" }] },
      'services[0].url: must be an http(s) URL — e.g. "https://myapp.example.com/health"',
    ],
    [
      { services: [{ url: "https://a.example.com" }] },
      "services[0].name: is required — a short name for reports",
    ],
    [
      { services: [{ name: "a", url: "https://a.example.com", expectStatus: 700 }] },
      "services[0].expectStatus: must be an HTTP status code (100–599)",
    ],
    [
      { services: [{ name: "a", url: "https://a.example.com", timeoutMs: 0 }] },
      "services[0].timeoutMs: must be at least 100 ms",
    ],
    [
      { services: [{ name: "a", url: "https://a.example.com", expect: [{ path: "ok" }] }] },
      "services[0].expect[0].equals: is required — the expected value",
    ],
    [
      { localServers: [{ name: "dev", url: "localhost:3000" }] },
      "localServers[0].url: must be an http(s) URL",
    ],
    [{ modules: [{ path: "" }] }, 'modules[0].path: must not be empty — e.g. "src/server.js"'],
    [{ modules: [{ path: "a.js", import: "yes" }] }, "modules[0].import: must be true to try importing it"],
    [{ reportDir: 3 }, 'reportDir: must be a folder, e.g. "./reports"'],
    [{ lang: "jp" }, 'lang: must be "ko" or "en"'],
    [{ $comment: 3 }, "$comment: must be text or a list of lines"],
    [[], '(top level): must be a JSON object, e.g. { "mallId": "myshop" }'],
  ])("%j", async (content, line) => {
    const problems = await problemsOf(content);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(line);
  });

  it("names an unknown key and suggests the one that was meant", async () => {
    expect(await problemsOf({ servces: [] })).toEqual([
      'servces: unknown setting — did you mean "services"?',
    ]);
    expect(await problemsOf({ services: [{ name: "a", url: "https://a.example.com", timeout: 1 }] })).toEqual(
      ['services[0].timeout: unknown setting — did you mean "timeoutMs"?'],
    );
  });

  it("lists the allowed keys when an unknown key is not a near miss", async () => {
    const [line] = await problemsOf({ tokenStore: { type: "file", path: "t.json", colour: "red" } });
    expect(line).toBe(
      "tokenStore.colour: unknown setting — remove it (allowed here: type, path, followSymlinks)",
    );
  });

  it("refuses a client secret in the file and says where it belongs, without echoing it", async () => {
    const problems = await problemsOf({ mallId: "myshop", clientSecret: "TopSecretValue123" });
    expect(problems).toEqual([
      expect.stringMatching(/^clientSecret: .*move it to CAFE24_CLIENT_SECRET in \.env/),
    ]);
    expect(problems.join("\n")).not.toContain("TopSecretValue123");
  });

  it("refuses tokens in the file", async () => {
    expect(await problemsOf({ refresh_token: "x" })).toEqual([
      expect.stringMatching(/^refresh_token: tokens do not belong in this file/),
    ]);
  });

  it("reports several problems at once, one line each", async () => {
    const problems = await problemsOf({
      mallId: "bad id",
      scopes: ["mall.read_product", "mall.nope"],
      services: [{ name: "a", url: "nope" }],
      lnag: "ko",
    });
    expect(problems).toHaveLength(4);
    expect(problems.map((line) => line.split(":")[0])).toEqual([
      "mallId",
      "scopes[1]",
      "services[0].url",
      "lnag",
    ]);
  });

  it("reports bad environment values together with the file's, naming each variable and .env", async () => {
    const cwd = await project({
      ".env": "CAFE24_API_VERSION=June 2025\n",
      [CONFIG_FILE_NAME]: { lang: "de" },
    });
    const env = { CAFE24_SCOPES: "mall.read_product mall.reed_order", CAFE24_MALL_ID: "-" };
    const error = await doctorErrorOf(loadDoctorConfig({ cwd, env }));
    expect(error.code).toBe(ERROR_CODES.configInvalid);
    expect(error.details).toEqual([
      'lang: must be "ko" or "en"',
      expect.stringMatching(/^CAFE24_MALL_ID: must be a Cafe24 mall id/),
      expect.stringMatching(/^CAFE24_API_VERSION \(in \.env\): must be a Cafe24 API version date/),
      'CAFE24_SCOPES: "mall.reed_order" is not a Cafe24 scope — did you mean "mall.read_order"?',
    ]);
  });
});

describe("unreadable configuration", () => {
  it("says where the JSON is broken, without quoting the file", async () => {
    const cwd = await project({ [CONFIG_FILE_NAME]: '{\n  "mallId": "myshop",\n  "clientId": SECRETISH\n}' });
    const error = await doctorErrorOf(loadDoctorConfig({ cwd, env: NO_ENV }));
    expect(error.code).toBe(ERROR_CODES.configUnreadable);
    expect(error.message).toContain(join(cwd, CONFIG_FILE_NAME));
    expect(error.details).toEqual([
      `${join(cwd, CONFIG_FILE_NAME)}: unexpected character at line 3, column 15`,
    ]);
    expect(`${error.message}\n${error.details.join("\n")}`).not.toContain("SECRETISH");
  });

  it("gives the line and column of a trailing comma", async () => {
    const cwd = await project({ [CONFIG_FILE_NAME]: '{\n  "mallId": "myshop",\n}' });
    const error = await doctorErrorOf(loadDoctorConfig({ cwd, env: NO_ENV }));
    expect(error.details[0]).toMatch(/Expected double-quoted property name at line 3, column 1$/);
  });

  it("explains an empty file", async () => {
    const cwd = await project({ [CONFIG_FILE_NAME]: "" });
    const error = await doctorErrorOf(loadDoctorConfig({ cwd, env: NO_ENV }));
    expect(error.code).toBe(ERROR_CODES.configUnreadable);
    expect(error.details[0]).toContain("the file is empty");
  });

  it("fails when a config path given explicitly does not exist", async () => {
    const cwd = await project();
    const error = await doctorErrorOf(loadDoctorConfig({ cwd, env: NO_ENV, configPath: "missing.json" }));
    expect(error.code).toBe(ERROR_CODES.configUnreadable);
    expect(error.details).toEqual([`${join(cwd, "missing.json")}: no such file`]);
  });

  it("fails when the config file cannot be read", async () => {
    const cwd = await project();
    await mkdir(join(cwd, CONFIG_FILE_NAME));
    const error = await doctorErrorOf(loadDoctorConfig({ cwd, env: NO_ENV }));
    expect(error.code).toBe(ERROR_CODES.configUnreadable);
    expect(error.message).toContain(join(cwd, CONFIG_FILE_NAME));
  });

  it("fails when .env cannot be read", async () => {
    const cwd = await project();
    await mkdir(join(cwd, ".env"));
    const error = await doctorErrorOf(loadDoctorConfig({ cwd, env: NO_ENV }));
    expect(error.code).toBe(ERROR_CODES.configUnreadable);
    expect(error.message).toContain(join(cwd, ".env"));
  });
});
