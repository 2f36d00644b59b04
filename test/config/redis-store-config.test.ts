import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIG_FILE_NAME, loadDoctorConfig } from "../../src/config/load-doctor-config.js";
import { starterConfig } from "../../src/config/starter-config.js";
import { tokenStoreFromConfig } from "../../src/config/token-store-from-config.js";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import { RedisTokenStore } from "../../src/redis/redis-token-store.js";
import { FileTokenStore } from "../../src/store/file-token-store.js";
import { doctorErrorOf, NO_ENV, project } from "./config-fixtures.js";

const PASSWORD = "Sup3rSecretRedisPw";

async function problemsOf(content: unknown, env: NodeJS.ProcessEnv = NO_ENV): Promise<readonly string[]> {
  const cwd = await project({ [CONFIG_FILE_NAME]: content });
  const error = await doctorErrorOf(loadDoctorConfig({ cwd, env }));
  expect(error.code).toBe(ERROR_CODES.configInvalid);
  return error.details;
}

describe("the token store in the configuration: store, tokenStore (its old name) and CAFE24_REDIS_URL", () => {
  it("selects the token file when nothing names Redis", async () => {
    const cwd = await project({
      [CONFIG_FILE_NAME]: { store: { type: "file", path: "./tokens/{mall_id}.json" } },
    });
    const config = await loadDoctorConfig({ cwd, env: NO_ENV });
    expect(config.redis).toBeUndefined();
    expect(config.tokenFile).toBe(join(cwd, "tokens/{mall_id}.json"));
    expect(config.sources).toMatchObject({ store: "file", tokenFile: "file" });
    expect(tokenStoreFromConfig(config)).toBeInstanceOf(FileTokenStore);
  });

  it('reads "store": { "type": "redis" } with its URL and prefix, and builds a RedisTokenStore without connecting', async () => {
    const cwd = await project({
      [CONFIG_FILE_NAME]: {
        clientId: "MyAppClient",
        store: { type: "redis", url: "rediss://redis.internal:6380/2", prefix: "myapp:c24:" },
      },
    });
    const config = await loadDoctorConfig({ cwd, env: NO_ENV });
    expect(config.redis).toEqual({ url: "rediss://redis.internal:6380/2", prefix: "myapp:c24:" });
    expect(config.sources).toMatchObject({ store: "file", redisUrl: "file" });
    // The file is still known (the default): `token migrate` moves tokens between the two.
    expect(config.tokenFile).toBe(join(cwd, "oauth_token.json"));
    const store = tokenStoreFromConfig(config);
    expect(store).toBeInstanceOf(RedisTokenStore);
    expect(store.location).toBe("rediss://redis.internal:6380/2 (myapp:c24:…)");
    expect((store as RedisTokenStore).keys.token("myshop")).toBe("myapp:c24:token:MyAppClient:{myshop}");
    await store.close?.();
  });

  it('defaults the prefix to "cafe24-doctor:" and takes the URL from CAFE24_REDIS_URL, password included', async () => {
    const cwd = await project({
      ".env": `CAFE24_REDIS_URL=redis://:${PASSWORD}@127.0.0.1:6379/0\n`,
      [CONFIG_FILE_NAME]: { store: { type: "redis" } },
    });
    const config = await loadDoctorConfig({ cwd, env: NO_ENV });
    expect(config.redis).toEqual({ url: `redis://:${PASSWORD}@127.0.0.1:6379/0`, prefix: "cafe24-doctor:" });
    expect(config.sources).toMatchObject({ store: "dotenv", redisUrl: "dotenv" });
    const store = tokenStoreFromConfig({ ...config, clientId: "App" });
    expect(store.location).toBe("redis://:***@127.0.0.1:6379/0 (cafe24-doctor:…)");
    expect(store.location).not.toContain(PASSWORD);
  });

  it("lets CAFE24_REDIS_URL select Redis over a token file in the config file, keeping the file's path", async () => {
    const cwd = await project({ [CONFIG_FILE_NAME]: { store: { type: "file", path: "./t.json" } } });
    const config = await loadDoctorConfig({ cwd, env: { CAFE24_REDIS_URL: "redis://127.0.0.1:6379" } });
    expect(config.redis).toEqual({ url: "redis://127.0.0.1:6379", prefix: "cafe24-doctor:" });
    expect(config.tokenFile).toBe(join(cwd, "t.json"));
    expect(config.sources).toMatchObject({ store: "env", redisUrl: "env" });
  });

  it("keeps an existing tokenStore working as the old name of store", async () => {
    const cwd = await project({
      [CONFIG_FILE_NAME]: { tokenStore: { type: "file", path: "./old.json", followSymlinks: true } },
    });
    const config = await loadDoctorConfig({ cwd, env: NO_ENV });
    expect(config).toMatchObject({ tokenFile: join(cwd, "old.json"), tokenFollowSymlinks: true });
    expect(config.redis).toBeUndefined();
  });

  it("refuses both names at once, and Redis under the old name, saying what to write", async () => {
    expect(
      await problemsOf({ store: { type: "file" }, tokenStore: { type: "file", path: "./t.json" } }),
    ).toEqual([expect.stringMatching(/^tokenStore: is the old name of "store" — keep only "store"/)]);
    expect(await problemsOf({ tokenStore: { type: "redis", path: "x" } })).toEqual([
      expect.stringMatching(
        /^tokenStore\.type: must be "file" — for Redis write "store": \{ "type": "redis" \}/,
      ),
    ]);
  });

  it("refuses a password in the file's Redis URL without echoing it, and says to move it to .env", async () => {
    const problems = await problemsOf({
      store: { type: "redis", url: `redis://:${PASSWORD}@10.0.0.5:6379/0` },
    });
    expect(problems).toEqual([
      expect.stringMatching(/^store\.url: holds a password.*move the whole URL to \.env as CAFE24_REDIS_URL/),
    ]);
    expect(problems.join("\n")).not.toContain(PASSWORD);
    const user = await problemsOf({ store: { type: "redis", url: `redis://app:${PASSWORD}@10.0.0.5:6379` } });
    expect(user.join("\n")).toMatch(/store\.url: holds a password/);
    expect(user.join("\n")).not.toContain(PASSWORD);
  });

  it("refuses a password key, naming CAFE24_REDIS_URL as its place", async () => {
    const problems = await problemsOf({
      store: { type: "redis", url: "redis://10.0.0.5", password: PASSWORD },
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /^store\.password: secrets do not belong in this file — move it to \.env as CAFE24_REDIS_URL/,
      ),
    ]);
    expect(problems.join("\n")).not.toContain(PASSWORD);
  });

  it.each([
    [
      { store: { type: "redis" } },
      /^store\.url: is required for the Redis store — set CAFE24_REDIS_URL in \.env/,
    ],
    [
      { store: { type: "redis", url: "http://10.0.0.5:6379" } },
      /^store\.url: must be a redis:\/\/ or rediss:\/\/ URL/,
    ],
    [
      { store: { type: "redis", url: "redis://h", prefix: "my app:" } },
      /^store\.prefix: must be a key prefix/,
    ],
    [
      { store: { type: "memcached" } },
      /^store\.type: needs "type": "file" \(a token file\) or "type": "redis"/,
    ],
    [{ store: "redis" }, /^store: must be an object/],
  ])("names the key and the fix for %j", async (content, line) => {
    const problems = await problemsOf(content);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(line);
  });

  it("names the allowed keys of the store's own type for an unknown key", async () => {
    expect(await problemsOf({ store: { type: "file", url: "redis://h" } })).toEqual([
      "store.url: unknown setting — remove it (allowed here: type, path, followSymlinks)",
    ]);
    expect(await problemsOf({ store: { type: "redis", url: "redis://h", prefx: "a:" } })).toEqual([
      'store.prefx: unknown setting — did you mean "prefix"?',
    ]);
  });

  it("checks CAFE24_REDIS_URL like the file's keys, never echoing it", async () => {
    const cwd = await project();
    const error = await doctorErrorOf(
      loadDoctorConfig({ cwd, env: { CAFE24_REDIS_URL: `localhost:${PASSWORD}` } }),
    );
    expect(error.details).toEqual([
      expect.stringMatching(/^CAFE24_REDIS_URL: must be a redis:\/\/ or rediss:\/\//),
    ]);
    expect(error.details.join("\n")).not.toContain(PASSWORD);
  });

  it("writes store (not tokenStore) in the starter config", () => {
    const json = JSON.parse(
      starterConfig({ scopes: ["mall.read_product"], tokenFile: "./oauth_token.json", reportDir: "." }),
    );
    expect(json.store).toEqual({ type: "file", path: "./oauth_token.json" });
    expect(json).not.toHaveProperty("tokenStore");
  });
});
