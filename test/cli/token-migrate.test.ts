import { randomBytes } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import type { TokenSet } from "../../src/cafe24/token-set.js";
import { runCli } from "../../src/cli/run-cli.js";
import { openRedis } from "../../src/redis/redis-connection.js";
import { RedisTokenStore } from "../../src/redis/redis-token-store.js";
import { FileTokenStore } from "../../src/store/file-token-store.js";
import { serializeTokenFile } from "../../src/store/token-file-format.js";
import type { TokenStore } from "../../src/store/token-store.js";
import { migrateTokens } from "../../src/token/run-token-migrate.js";
import { type RedisServer, redisUnavailable, useRedisServer } from "../helpers/redis-server.js";
import { sampleToken, tempDir } from "../helpers/token-files.js";

const CLIENT = "BrIfqEKoPxeE"; // sampleToken's client id
const HOUR = 3_600_000;

/** A project with per-mall token files and a Redis key prefix of its own, and `token migrate` run in-process. */
async function project(server: RedisServer, options: { tokenFile?: string } = {}) {
  const dir = await tempDir();
  const prefix = `m-${randomBytes(4).toString("hex")}:`;
  const tokenFile = options.tokenFile ?? "./tokens/{mall_id}.json";
  const cafe24DoctorConfig = { clientId: CLIENT, store: { type: "redis", prefix } };
  await writeFile(join(dir, "cafe24-doctor.config.json"), JSON.stringify(cafe24DoctorConfig));
  const env = { CAFE24_TOKEN_FILE: tokenFile, CAFE24_REDIS_URL: server.url, NO_COLOR: "1" };
  const files = new FileTokenStore({ path: join(dir, tokenFile) });
  const redisStore = () => {
    const store = new RedisTokenStore({ url: server.url, clientId: CLIENT, prefix, cacheMaxAgeMs: 0 });
    onTestFinished(() => store.close());
    return store;
  };
  const redis = await openRedis({ url: server.url });
  onTestFinished(() => {
    redis.disconnect();
  });
  const seen = new Set<string>();
  const remember = (token: TokenSet) => {
    seen.add(token.accessToken);
    seen.add(token.refreshToken);
    return token;
  };
  return {
    dir,
    prefix,
    files,
    redisStore,
    redis,
    async seedFile(token: TokenSet) {
      await files.compareAndSet(token.mallId, undefined, remember(token));
      return readFile(files.pathFor(token.mallId), "utf8");
    },
    async seedRedis(token: TokenSet) {
      const store = redisStore();
      await store.compareAndSet(token.mallId, undefined, remember(token));
    },
    async run(argv: string[]) {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli([...argv, "--lang", "en"], {
        cwd: dir,
        env,
        out: (line) => out.push(line),
        err: (line) => err.push(line),
      });
      const stdout = out.join("\n");
      const stderr = err.join("\n");
      for (const secret of seen) {
        expect(stdout).not.toContain(secret);
        expect(stderr).not.toContain(secret);
      }
      return { code, stdout, stderr };
    },
    /** The names in the token directory. */
    async listing() {
      return (await readdir(join(dir, "tokens")).catch(() => [])).sort();
    },
    /** Keys of this project's tokens, locks and index in Redis. */
    async tokenKeys() {
      return (await redis.keys(`${prefix}*`)).filter((key) => !key.startsWith(`${prefix}epoch:`)).sort();
    },
  };
}

/** The token as issued `hours` later: a newer one for the same mall and app. */
function later(token: TokenSet, hours: number, n: number): TokenSet {
  const fresh = sampleToken(n, token.mallId);
  return {
    ...fresh,
    issuedAt: (token.issuedAt ?? 0) + hours * HOUR,
    accessTokenExpiresAt: token.accessTokenExpiresAt + hours * HOUR,
  };
}

const same = (a: TokenSet | undefined, b: TokenSet) => {
  expect(a?.refreshToken).toBe(b.refreshToken);
  expect(a?.accessToken).toBe(b.accessToken);
  expect(a?.scopes).toEqual(b.scopes);
  expect(Math.floor((a?.refreshTokenExpiresAt ?? 0) / 1000)).toBe(
    Math.floor((b.refreshTokenExpiresAt ?? 0) / 1000),
  );
};

describe.skipIf(redisUnavailable("the token migrate tests"))("cafe24-doctor token migrate", () => {
  const server = useRedisServer({ args: ["--appendonly", "yes"] });

  it("moves every mall file → Redis → file, verifying each and retiring the source, tokens masked", async () => {
    const p = await project(server);
    const a = sampleToken(1, "shopa");
    const b = sampleToken(2, "shopb");
    const fileA = await p.seedFile(a);
    await p.seedFile(b);

    const toRedis = await p.run(["token", "migrate", "--to", "redis", "--json"]);
    expect(toRedis.code, toRedis.stderr).toBe(0);
    const result = JSON.parse(toRedis.stdout);
    expect(result).toMatchObject({
      from: { type: "file" },
      to: { type: "redis", location: `${server.url} (${p.prefix}…)` },
      verified: true,
      retired: true,
      exitCode: 0,
    });
    expect(result.malls.map((m: { mallId: string; status: string }) => [m.mallId, m.status])).toEqual([
      ["shopa", "moved"],
      ["shopb", "moved"],
    ]);
    expect(result.malls[0].refreshToken).toBe("Re…01");
    // Each file renamed out of the way, bytes unchanged, so no app keeps refreshing from it.
    const listing = await p.listing();
    expect(listing).toEqual([
      expect.stringMatching(/^shopa\.json\.migrated-\d{8}_\d{6}$/),
      expect.stringMatching(/^shopb\.json\.migrated-\d{8}_\d{6}$/),
    ]);
    expect(await readFile(join(p.dir, "tokens", listing[0] ?? ""), "utf8")).toBe(fileA);
    const redisStore = p.redisStore();
    same((await redisStore.get("shopa"))?.token, a);
    same((await redisStore.get("shopb"))?.token, b);

    const text = await p.run(["token", "migrate", "--to", "file"]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain("shopa: moved (refresh token Re…01");
    expect(text.stdout).toContain("source retired: the record was deleted from");
    expect(text.stdout).toContain("Verified 2 of 2 mall(s)");
    same((await p.files.get("shopa"))?.token, a);
    same((await p.files.get("shopb"))?.token, b);
    expect((await p.tokenKeys()).filter((key) => key.includes(":token:") || key.includes(":malls:"))).toEqual(
      [],
    );
    expect(await p.redisStore().list()).toEqual([]);
  });

  it("changes nothing in a dry run", async () => {
    const p = await project(server);
    await p.seedFile(sampleToken(1, "shopa"));
    const before = await p.listing();
    const bytes = await readFile(p.files.pathFor("shopa"), "utf8");
    const dry = await p.run(["token", "migrate", "--to", "redis", "--dry-run"]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain("shopa: would be moved");
    expect(dry.stdout).toContain("Dry run: nothing was written, locked or retired.");
    expect(await p.listing()).toEqual(before);
    expect(await readFile(p.files.pathFor("shopa"), "utf8")).toBe(bytes);
    expect(await p.tokenKeys()).toEqual([]);
  });

  it("never overwrites a newer token in the target, and keeps that mall's source; the other mall moves", async () => {
    const p = await project(server);
    const old = sampleToken(1, "shopa");
    const newer = later(old, 1, 7);
    const fileA = await p.seedFile(old);
    await p.seedFile(sampleToken(2, "shopb"));
    await p.seedRedis(newer);

    const run = await p.run(["token", "migrate", "--to", "redis"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(
      /shopa: .* already holds a token as new or newer \(Re…07\); it was not overwritten/,
    );
    expect(run.stdout).toContain("shopb: moved");
    expect(run.stdout).toContain("Not every mall is in");
    same((await p.redisStore().get("shopa"))?.token, newer);
    expect(await readFile(p.files.pathFor("shopa"), "utf8")).toBe(fileA);
    expect(await p.listing()).toEqual(["shopa.json", expect.stringMatching(/^shopb\.json\.migrated-/)]);
  });

  it("says when the target already holds the same token, and retires the source", async () => {
    const p = await project(server);
    const a = sampleToken(1, "shopa");
    await p.seedFile(a);
    await p.seedRedis(a);
    const run = await p.run(["token", "migrate", "--to", "redis", "--json"]);
    expect(run.code, run.stdout).toBe(0);
    expect(JSON.parse(run.stdout).malls[0]).toMatchObject({ status: "already", retired: expect.any(String) });
  });

  it("keeps the source with --keep-source and says both copies are live", async () => {
    const p = await project(server);
    await p.seedFile(sampleToken(1, "shopa"));
    const run = await p.run(["token", "migrate", "--to", "redis", "--keep-source"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("The source was kept (--keep-source)");
    expect(await p.listing()).toEqual(["shopa.json"]);
    expect(await p.redisStore().list()).toEqual(["shopa"]);
  });

  it("refuses to put several malls into one token file, writing nothing (exit 3)", async () => {
    const p = await project(server, { tokenFile: "./oauth_token.json" });
    await p.seedRedis(sampleToken(1, "shopa"));
    await p.seedRedis(sampleToken(2, "shopb"));
    const run = await p.run(["token", "migrate", "--to", "file"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("Give each mall its own file: --file './tokens/{mall_id}.json'");
    expect(await p.redisStore().list()).toEqual(["shopa", "shopb"]);
  });

  it("says when the source holds nothing (exit 1), and needs Redis configured (exit 3)", async () => {
    const p = await project(server);
    const empty = await p.run(["token", "migrate", "--to", "redis"]);
    expect(empty.code).toBe(1);
    expect(empty.stdout).toContain("holds no token: nothing to migrate");

    const dir = await tempDir();
    const out: string[] = [];
    const code = await runCli(["token", "migrate", "--to", "redis", "--lang", "en"], {
      cwd: dir,
      env: {},
      out: (line) => out.push(line),
      err: (line) => out.push(line),
    });
    expect(code).toBe(3);
    expect(out.join("\n")).toContain("CAFE24_REDIS_URL is not set");
  });

  it("leaves the source in place when the read-back differs, and reads back only while the source still exists", async () => {
    const p = await project(server);
    const fileA = await p.seedFile(sampleToken(1, "shopa"));
    const real = p.redisStore();
    const sourceExistedAtVerify: boolean[] = [];
    let written = false;
    // A target that loses the scopes of what it stores: the verification must catch it.
    const lossy: TokenStore = {
      location: real.location,
      list: () => real.list(),
      delete: (mallId) => real.delete(mallId),
      withLock: (mallId, fn) => real.withLock(mallId, fn),
      async compareAndSet(mallId, expected, next) {
        const result = await real.compareAndSet(mallId, expected, next);
        written ||= result.ok;
        return result;
      },
      async get(mallId) {
        const stored = await real.get(mallId);
        if (!written || !stored) return stored;
        sourceExistedAtVerify.push((await p.listing()).includes("shopa.json"));
        return { ...stored, token: { ...stored.token, scopes: ["mall.read_store"] } };
      },
    };
    const result = await migrateTokens({ file: p.files, redis: lossy }, { to: "redis" });
    expect(result.exitCode).toBe(2);
    expect(result.malls).toEqual([
      expect.objectContaining({ mallId: "shopa", status: "mismatch", differs: "scopes" }),
    ]);
    expect(result.retired).toBe(false);
    expect(sourceExistedAtVerify).toEqual([true]);
    expect(await p.listing()).toEqual(["shopa.json"]);
    expect(await readFile(p.files.pathFor("shopa"), "utf8")).toBe(fileA);
  });

  it("keeps the source of a mall refreshed through it during the migration, and says to run again", async () => {
    const p = await project(server);
    const old = sampleToken(1, "shopa");
    await p.seedFile(old);
    const refreshed = later(old, 1, 9);
    const real = p.redisStore();
    // An app refreshes through the token file right after the copy: the copy in Redis is now stale.
    const racing: TokenStore = {
      location: real.location,
      list: () => real.list(),
      delete: (mallId) => real.delete(mallId),
      withLock: (mallId, fn) => real.withLock(mallId, fn),
      get: (mallId) => real.get(mallId),
      async compareAndSet(mallId, expected, next) {
        const result = await real.compareAndSet(mallId, expected, next);
        await writeFile(
          p.files.pathFor(mallId),
          serializeTokenFile(refreshed, { receivedAt: Date.now(), revision: "refreshed-by-app" }),
        );
        return result;
      },
    };
    const result = await migrateTokens({ file: p.files, redis: racing }, { to: "redis" });
    expect(result.exitCode).toBe(2);
    expect(result.malls[0]).toMatchObject({ status: "source-changed" });
    same((await p.files.get("shopa"))?.token, refreshed);
    expect(await p.listing()).toEqual(["shopa.json"]);

    // Run again: the newer token in the file replaces the stale copy, and the source is retired.
    const again = await migrateTokens({ file: p.files, redis: p.redisStore() }, { to: "redis" });
    expect(again.exitCode).toBe(0);
    same((await p.redisStore().get("shopa"))?.token, refreshed);
  });
});
