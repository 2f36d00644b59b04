// bench/many-malls (issue 10): `watch` replicas sharing many malls through Redis. 10,000 malls, 3 replicas, each
// replica a process of its own that watches all 10,000 (the cluster divides the work: each mall is refreshed by
// whichever replica claims it when it is due). The emulator runs in another process, redis-server in a third.
// Due times are spread evenly over one refresh period (tokens issued at staggered emulator times), so the run
// measures a steady state, not a stampede. Prints refreshes per second, lateness (due → written) p50/p99,
// resident memory and CPU per replica, Redis commands and round trips per refresh (counted by each replica),
// and the evidence: invalid_grant at the emulator, malls refreshed more often than their expiries needed, and
// stored tokens that are not the live ones (all must be 0).
//   MALLS (10000) · REPLICAS (3) · ACCESS_SEC (120: refreshed every 60 s) · TICK_MS (250) · BENCH_SECONDS (90)
//   LEAD_SEC (20: the first mall is due this long after seeding began, once the replicas are up)
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { tokenId } from "../../dist/emulator/state/tokens.js";
import { toTokenSet } from "../../dist/index.js";
import { RedisTokenStore } from "../../dist/redis/redis-token-store.js";
import { startRedisServer } from "../lib/redis-server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const malls = Number(process.env.MALLS ?? 10_000);
const replicaCount = Number(process.env.REPLICAS ?? 3);
const accessSec = Number(process.env.ACCESS_SEC ?? 120);
const tickMs = Number(process.env.TICK_MS ?? 250);
const seconds = Number(process.env.BENCH_SECONDS ?? 90);
const periodMs = (accessSec * 1000) / 2;
const CLIENT_ID = "bench-app";
const PREFIX = "bench:";

const redis = await startRedisServer();
const emulator = spawn(process.execPath, [join(here, "../watch/emulator.mjs")], {
  env: { ...process.env, MALLS: String(malls), ACCESS_SEC: String(accessSec) },
  stdio: ["ignore", "pipe", "inherit"],
});
const first = await new Promise((resolve) =>
  createInterface({ input: emulator.stdout }).once("line", resolve),
);
const emu = JSON.parse(first);
const control = (path, init) =>
  fetch(`${emu.url}/__emulator${path}`, init).then((r) => {
    if (!r.ok) throw new Error(`control ${path}: HTTP ${r.status}`);
    return r.json();
  });
const post = (path, body) =>
  control(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

const dir = mkdtempSync(join(tmpdir(), "bench-many-malls-"));
const credentialsFile = join(dir, "credentials.json");
writeFileSync(credentialsFile, JSON.stringify(Object.fromEntries(emu.malls.map((m) => [m.mallId, m]))), {
  mode: 0o600,
});

// Seed: mall k's token is issued at (start + lead) − k·period/N on the emulator's clock, so mall k is due at
// (start + lead) + (N − k)·period/N: evenly over one period, beginning once the replicas are up.
const seed = new RedisTokenStore({ url: redis.url, clientId: CLIENT_ID, prefix: PREFIX, cacheMaxAgeMs: 0 });
const seedStarted = Date.now();
const leadMs = Number(process.env.LEAD_SEC ?? 20) * 1000;
const batch = 100;
for (let i = 0; i < emu.malls.length; i += batch) {
  await post("/clock/set", { epochMs: seedStarted + leadMs - periodMs + (i / emu.malls.length) * periodMs });
  const tokens = await Promise.all(
    emu.malls
      .slice(i, i + batch)
      .map(async ({ mallId }) => [mallId, await post(`/malls/${mallId}/tokens`, {})]),
  );
  await Promise.all(
    tokens.map(([mallId, json]) => seed.compareAndSet(mallId, undefined, toTokenSet(json, mallId))),
  );
}
await post("/clock/set", { epochMs: Date.now() });
const seedMs = Date.now() - seedStarted;

function startReplica(id) {
  const child = spawn(process.execPath, [join(here, "replica.mjs")], {
    env: {
      ...process.env,
      REDIS_URL: redis.url,
      PREFIX,
      CLIENT_ID,
      REPLICA_ID: id,
      TICK_MS: String(tickMs),
      BASE_URL: emu.baseUrlTemplate,
      CREDENTIALS_FILE: credentialsFile,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  const ready = new Promise((resolve) => lines.once("line", (line) => resolve(Number(line.split(" ")[1]))));
  const summary = new Promise((resolve) =>
    lines.on("line", (line) => line.startsWith("{") && resolve(JSON.parse(line))),
  );
  return { id, child, ready, summary };
}

const replicas = Array.from({ length: replicaCount }, (_, i) => startReplica(`r${i + 1}`));
const startMs = await Promise.all(replicas.map((r) => r.ready));
const runStarted = Date.now();
await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
for (const r of replicas) r.child.kill("SIGTERM");
const summaries = await Promise.all(replicas.map((r) => r.summary));
const runMs = Date.now() - runStarted;

// Evidence, per mall: Cafe24's grants and refusals, and whether the stored token is the live one.
let invalidGrant = 0;
let grants = 0;
let notLive = 0;
for (let i = 0; i < emu.malls.length; i += 50) {
  await Promise.all(
    emu.malls.slice(i, i + 50).map(async ({ mallId }) => {
      const stats = await control(`/malls/${mallId}/stats`);
      invalidGrant += stats.invalidGrant;
      grants += stats.grants.refresh_token;
      const stored = await seed.get(mallId);
      if (tokenId(stored?.token.refreshToken ?? "") !== stats.currentRefreshTokenId) notLive++;
    }),
  );
}
await seed.close();
emulator.kill();
await redis.stop();
rmSync(dir, { recursive: true, force: true });

const lateness = summaries.flatMap((s) => s.lateness).sort((a, b) => a - b);
const pct = (p) => lateness[Math.min(lateness.length - 1, Math.floor(p * lateness.length))] ?? Number.NaN;
const written = lateness.length;
const firstAt = Math.min(...summaries.map((s) => s.firstAt));
const lastAt = Math.max(...summaries.map((s) => s.lastAt));
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);
const commands = {};
for (const s of summaries)
  for (const [name, n] of Object.entries(s.commands)) commands[name] = (commands[name] ?? 0) + n;
const totalCommands = Object.values(commands).reduce((a, b) => a + b, 0);
const roundTrips = summaries.reduce((n, s) => n + s.roundTrips, 0);
const perRefresh = (n) => (written ? n / written : Number.NaN).toFixed(2);
const byCommand = Object.entries(commands)
  .sort((a, b) => b[1] - a[1])
  .map(([name, n]) => `${name} ${perRefresh(n)}`)
  .join(", ");

console.log(
  `many-malls: ${malls} malls shared by ${replicaCount} watch replicas (each watches all ${malls}; each mall is refreshed by whichever replica claims it), Redis store, access ${accessSec} s (each mall due every ${periodMs / 1000} s, due times spread evenly), tick ${tickMs} ms, ${(runMs / 1000).toFixed(0)} s run`,
);
console.log(
  `  seeded ${malls} tokens in ${(seedMs / 1000).toFixed(1)} s; replicas started in ${startMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(", ")} (read every token, joined the cluster)`,
);
console.log(
  `  refreshes written       ${written}  (${((written / (lastAt - firstAt)) * 1000).toFixed(1)} /s from the first to the last, over ${((lastAt - firstAt) / 1000).toFixed(0)} s; emulator refresh grants ${grants})`,
);
console.log(
  `  lateness due→written    p50 ${pct(0.5).toFixed(0)} ms   p99 ${pct(0.99).toFixed(0)} ms   max ${pct(1).toFixed(0)} ms`,
);
for (const s of summaries) {
  console.log(
    `  replica ${s.id}              ${String(s.refreshes).padStart(6)} refreshes   RSS peak ${mb(s.rssPeak)} MB, end ${mb(s.rssEnd)} MB   CPU ${((s.cpuMs / runMs) * 100).toFixed(1)} % of a core   states ${JSON.stringify(s.states)}`,
  );
}
console.log(
  `  Redis per refresh       ${perRefresh(totalCommands)} commands, ${perRefresh(roundTrips)} round trips (all replicas, steady state; start-up: ${summaries.map((s) => `${s.startRoundTrips} round trips`).join(", ")})`,
);
console.log(`    by command            ${byCommand}`);
console.log(`  invalid_grant           ${invalidGrant}`);
console.log(`  refreshed twice         ${grants - written}  (grants at the emulator − refreshes written)`);
console.log(`  stored token not live   ${notLive}`);
if (invalidGrant > 0 || notLive > 0 || grants !== written) process.exitCode = 1;
