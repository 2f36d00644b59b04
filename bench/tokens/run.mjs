// Token benchmarks (issue 3 "bench/tokens", Redis added by issue 10), against the emulator on 127.0.0.1 and a
// redis-server of its own:
//  1. getAccessToken() on a fresh token — p50/p99 with MemoryTokenStore, FileTokenStore (a file read per call)
//     and RedisTokenStore (served from its pub/sub-kept cache), with Redis commands per call.
//  2. Refreshes per second with 8 processes forcing refreshes on one mall, through the file lock and through the
//     Redis lock (each process its own connection: another machine), with the evidence that matters: invalid_grant
//     at the emulator and whether the store ends on the live token.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator } from "../../dist/emulator/index.js";
import { tokenId } from "../../dist/emulator/state/tokens.js";
import { FileTokenStore, MemoryTokenStore, TokenManager, toTokenSet } from "../../dist/index.js";
import { RedisTokenStore } from "../../dist/redis/index.js";
import { startRedisServer } from "../lib/redis-server.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const worker = join(root, "test/fixtures/token-worker.mjs");
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const emu = await startEmulator({
  rateLimit: { enabled: false },
  data: { products: 10, orders: 10, customers: 5 },
});
const mall = emu.malls[0];
const oauth = {
  mallId: mall.mallId,
  clientId: mall.clientId,
  clientSecret: mall.clientSecret,
  baseUrl: emu.baseUrlTemplate,
  allowInsecureLoopback: true,
};

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

const redisServer = await startRedisServer();
const redisStore = () =>
  new RedisTokenStore({ url: redisServer.url, clientId: mall.clientId, prefix: "bench:" });
async function redisCalls() {
  const probe = redisStore();
  const info = await (await probe.redis()).info("commandstats");
  await probe.close();
  return [...info.matchAll(/calls=(\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
}

async function timeGets(store, label) {
  await store.compareAndSet(
    mall.mallId,
    (await store.get(mall.mallId))?.revision,
    toTokenSet(emu.control.issueTokens(mall.mallId), mall.mallId),
  );
  const manager = new TokenManager({ store, oauth });
  for (let i = 0; i < 500; i++) await manager.getAccessToken(); // warm-up
  const times = [];
  for (let i = 0; i < 10_000; i++) {
    const t = process.hrtime.bigint();
    await manager.getAccessToken();
    times.push(Number(process.hrtime.bigint() - t) / 1000);
  }
  times.sort((a, b) => a - b);
  return `getAccessToken, fresh token, ${label.padEnd(16)} p50 ${percentile(times, 0.5).toFixed(1).padStart(7)} µs   p99 ${percentile(times, 0.99).toFixed(1).padStart(7)} µs   (10,000 calls)`;
}

const dir = mkdtempSync(join(tmpdir(), "bench-tokens-"));
const path = join(dir, "oauth_token.json");
console.log(await timeGets(new MemoryTokenStore(), "memory store"));
console.log(await timeGets(new FileTokenStore({ path }), "file store"));
{
  const store = redisStore();
  const line = await timeGets(store, "redis store");
  // Counted around the timed calls only (the probe's own connection adds a few commands of its own).
  const before = await redisCalls();
  const manager = new TokenManager({ store, oauth });
  for (let i = 0; i < 10_000; i++) await manager.getAccessToken();
  const commands = (await redisCalls()) - before;
  console.log(`${line}, ${(commands / 10_000).toFixed(4)} Redis commands per call`);
  await store.close();
}

/** 8 processes forcing refreshes on one mall for `seconds`; the evidence: rate, invalid_grant, live token at the end. */
async function contend(label, extraEnv, readStored) {
  const before = emu.control.stats();
  const env = {
    ...process.env,
    MODE: "refresh",
    MALL: mall.mallId,
    CLIENT_ID: mall.clientId,
    CLIENT_SECRET: mall.clientSecret,
    BASE_URL: emu.baseUrlTemplate,
    ...extraEnv,
  };
  const children = Array.from({ length: 8 }, () => {
    const child = spawn(process.execPath, [worker], { env, stdio: ["ignore", "pipe", "inherit"] });
    const counter = { writes: 0, child };
    child.stdout.on("data", (d) => {
      counter.writes += String(d)
        .split("\n")
        .filter((l) => l.startsWith("W ")).length;
    });
    return counter;
  });
  await new Promise((resolve) => setTimeout(resolve, 1500)); // let every process start
  const start = children.map((c) => c.writes);
  const startGrants = emu.control.stats().grants.refresh_token;
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const refreshes = emu.control.stats().grants.refresh_token - startGrants;
  const perProcess = children.map((c, i) => c.writes - start[i]);
  for (const c of children) c.child.kill("SIGTERM");
  await Promise.all(children.map((c) => new Promise((resolve) => c.child.on("close", resolve))));
  const after = emu.control.stats();
  const stored = await readStored();
  // The Redis store's token is a second grant of the same mall, so "live" is among the live grants.
  const onLive = after.validRefreshTokenIds.includes(tokenId(stored.token.refreshToken));
  console.log(
    `refreshes through the ${label}, 8 processes, ${seconds} s: ${(refreshes / seconds).toFixed(1)} refreshes/s (per process: ${perProcess.join(", ")})`,
  );
  console.log(
    `  invalid_grant at the emulator: ${after.invalidGrant - before.invalidGrant}; store ends on the live refresh token: ${onLive ? "yes" : "NO — a refresh token was lost"}`,
  );
}

await contend("file lock", { TOKEN_FILE: path }, () => new FileTokenStore({ path }).get(mall.mallId));
{
  const seedStore = redisStore();
  const current = await seedStore.get(mall.mallId);
  await seedStore.compareAndSet(
    mall.mallId,
    current?.revision,
    toTokenSet(emu.control.issueTokens(mall.mallId), mall.mallId),
  );
  await contend("Redis lock", { REDIS_URL: redisServer.url, PREFIX: "bench:" }, async () => {
    const stored = await seedStore.get(mall.mallId);
    await seedStore.close();
    return stored;
  });
}
await redisServer.stop();
await emu.close();
