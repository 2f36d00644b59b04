// Shared pacing benchmark (issue 10). Four processes call one mall of the emulator at Cafe24's rates ×10 (bucket 40,
// drain 20/s, spacing 80/s), 200 GETs each, all issued at once, three ways: (a) through RedisPacerState, one
// shared model; (b) each with its own in-memory pacer, unaware of the others; (c) no pacer, a 429 retried after
// 100 ms (1 s at real rates). Each way gets a fresh emulator, so every run starts with an empty bucket. Prints the
// wall time against the drain-limited minimum, the 429s the emulator answered, each process's share of the calls
// while all four ran, and for (a) the Redis round trips per call.
//
//   npm run -s bench:shared-pacing      (BENCH_CALLS, BENCH_PROCESSES to change the load; takes ~2.5 min)

import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startEmulator } from "../../dist/emulator/server.js";
import { openRedis } from "../../dist/redis/redis-connection.js";
import { startRedisServer } from "../lib/redis-server.mjs";

const WORKER = fileURLToPath(new URL("../../test/fixtures/shared-pacing-worker.mjs", import.meta.url));
const calls = Number(process.env.BENCH_CALLS ?? 200);
const processes = Number(process.env.BENCH_PROCESSES ?? 4);
const scale = 10;
const capacity = 40;
const drainPerSec = 2 * scale;
const maxPerSec = 8 * scale;
const mallId = "demomall";

/** The bucket absorbs a burst at the spacing rate while it drains (capacity/(spacing − drain) s), then the drain rate. */
function minimumMs(n) {
  const burst = Math.min(n, (capacity / (maxPerSec - drainPerSec)) * maxPerSec);
  return (burst / maxPerSec + (n - burst) / drainPerSec) * 1000;
}

function worker(env) {
  const child = spawn(process.execPath, [WORKER], { env: { ...process.env, ...env }, stdio: "pipe" });
  let out = "";
  let err = "";
  let markReady;
  const ready = new Promise((resolve) => {
    markReady = resolve;
  });
  child.stdout.on("data", (chunk) => {
    out += chunk;
    if (out.startsWith("ready\n")) markReady();
  });
  child.stderr.on("data", (chunk) => {
    err += chunk;
  });
  const summary = new Promise((resolve, reject) =>
    child.on("close", (code) => {
      const last = out.trim().split("\n").at(-1) ?? "";
      if (code === 0 && last.startsWith("{")) resolve(JSON.parse(last));
      else reject(new Error(`worker exited ${code}: ${err || out}`));
    }),
  );
  return { child, ready: Promise.race([ready, summary]), summary };
}

/** Each process's share of the calls that ended while all of them were still running. */
function shares(summaries) {
  const start = Math.max(...summaries.map((s) => Math.min(...s.ended)));
  const end = Math.min(...summaries.map((s) => Math.max(...s.ended)));
  const counts = summaries.map((s) => s.ended.filter((t) => t > start && t <= end).length);
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => (total ? (100 * c) / total : 0));
}

async function run(name, pacing, redis) {
  const emulator = await startEmulator({
    data: { products: 50, orders: 10, customers: 5, categories: 4, boards: 1 },
    rateLimit: { capacity, drainPerSec },
  });
  try {
    const env = {
      BASE_URL: emulator.baseUrlTemplate,
      MALL: mallId,
      TOKEN: emulator.control.issueTokens(mallId).access_token,
      CALLS: String(calls),
      CAPACITY: String(capacity),
      DRAIN: String(drainPerSec),
      MAX_PER_SEC: String(maxPerSec),
      PACING: pacing,
      NAIVE_RETRY_MS: "100",
      ...(redis ? { REDIS_URL: redis.url, REDIS_PREFIX: `bench-${pacing}-${Date.now()}:` } : {}),
    };
    const workers = Array.from({ length: processes }, (_, i) => worker({ ...env, INSTANCE: `app-${i}` }));
    await Promise.all(workers.map((w) => w.ready));
    if (redis) await redis.client.config("RESETSTAT");
    const started = performance.now();
    for (const w of workers) w.child.stdin.end("go\n");
    const summaries = await Promise.all(workers.map((w) => w.summary));
    const ms = performance.now() - started;
    const { responses } = emulator.control.stats(mallId);
    const failed = summaries.reduce((sum, s) => sum + s.failed, 0);
    const minimum = minimumMs(processes * calls);
    let trips = "";
    if (redis) {
      const stats = await redis.client.info("commandstats");
      const scripts = [...stats.matchAll(/^cmdstat_(?:evalsha|eval|ping):calls=(\d+)/gm)];
      const total = scripts.reduce((sum, m) => sum + Number(m[1]), 0);
      trips = `  Redis round trips/call: ${(total / (processes * calls)).toFixed(2)}`;
    }
    console.log(
      `${name.padEnd(30)} ${(ms / 1000).toFixed(2).padStart(6)} s = ×${(ms / minimum).toFixed(3)} of the minimum ` +
        `(${(minimum / ms).toFixed(3)} of it)  429s: ${responses["429"] ?? 0}  failed calls: ${failed}  ` +
        `shares: ${shares(summaries)
          .map((p) => `${p.toFixed(1)}%`)
          .join(" ")}${trips}`,
    );
  } finally {
    await emulator.close();
  }
}

const server = await startRedisServer();
const client = await openRedis({ url: server.url, name: "bench" });
try {
  console.log(
    `${processes} processes × ${calls} GETs to one mall, bucket ${capacity} draining ${drainPerSec}/s, spacing ` +
      `${maxPerSec}/s (Cafe24 ×${scale}). Drain-limited minimum ${(minimumMs(processes * calls) / 1000).toFixed(2)} s.`,
  );
  await run("(a) shared RedisPacerState", "redis", { url: server.url, client });
  await run("(b) a local pacer each", "local");
  await run("(c) no pacer, 429 → retry", "none");
} finally {
  client.disconnect();
  await server.stop();
}
