// bench/watch (issue 5): one WatchManager keeping 1,000 malls alive in a file-backed store ({mall_id} files in a
// temp dir) against the emulator in another process, at short lifetimes for a bounded run. Prints refresh
// lateness (from the moment a refresh was due to when its result was written), refreshes done, the manager
// process's CPU time and RSS per 1,000 malls, and the evidence: invalid_grant at the emulator and stored tokens
// that are not the live ones (both must be 0).
//   MALLS (1000) · ACCESS_SEC (20) · TICK_MS (250) · BENCH_SECONDS (60)
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { tokenId } from "../../dist/emulator/state/tokens.js";
import { FileTokenStore, toTokenSet } from "../../dist/index.js";
import { WatchManager } from "../../dist/watch/watch-manager.js";

const here = dirname(fileURLToPath(import.meta.url));
const malls = Number(process.env.MALLS ?? 1000);
const accessSec = Number(process.env.ACCESS_SEC ?? 20);
const tickMs = Number(process.env.TICK_MS ?? 250);
const seconds = Number(process.env.BENCH_SECONDS ?? 60);

const child = spawn(process.execPath, [join(here, "emulator.mjs")], {
  env: { ...process.env, MALLS: String(malls), ACCESS_SEC: String(accessSec) },
  stdio: ["ignore", "pipe", "inherit"],
});
const first = await new Promise((resolve) => createInterface({ input: child.stdout }).once("line", resolve));
const emu = JSON.parse(first);
const control = (path, init) =>
  fetch(`${emu.url}/__emulator${path}`, init).then((r) => {
    if (!r.ok) throw new Error(`control ${path}: HTTP ${r.status}`);
    return r.json();
  });
const credentials = new Map(emu.malls.map((m) => [m.mallId, m]));

const dir = mkdtempSync(join(tmpdir(), "bench-watch-"));
const store = new FileTokenStore({ path: join(dir, "{mall_id}.json") });
const seedStarted = Date.now();
// 50 at a time: quick enough that no token is due before the manager starts.
for (let i = 0; i < emu.malls.length; i += 50) {
  await Promise.all(
    emu.malls.slice(i, i + 50).map(async ({ mallId }) => {
      const json = await control(`/malls/${mallId}/tokens`, { method: "POST", body: "{}" });
      await store.compareAndSet(mallId, undefined, toTokenSet(json, mallId));
    }),
  );
}
const seedMs = Date.now() - seedStarted;

const manager = new WatchManager({
  store,
  oauth: (mallId) => {
    const m = credentials.get(mallId);
    return {
      mallId,
      clientId: m.clientId,
      clientSecret: m.clientSecret,
      baseUrl: emu.baseUrlTemplate,
      allowInsecureLoopback: true,
    };
  },
  tickMs,
  ...(process.env.MAX_CONCURRENT ? { maxConcurrent: Number(process.env.MAX_CONCURRENT) } : {}),
});
const lateness = [];
manager.on("refreshed", ({ dueAt, at }) => lateness.push(at - dueAt));

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 500);
const cpuBefore = process.cpuUsage();
const rssBefore = process.memoryUsage().rss;
await manager.start();
await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
await manager.stop();
const cpu = process.cpuUsage(cpuBefore);
clearInterval(sampler);
const snapshot = manager.snapshot();

let invalidGrant = 0;
let grants = 0;
let notLive = 0;
for (const { mallId } of emu.malls) {
  const stats = await control(`/malls/${mallId}/stats`);
  invalidGrant += stats.invalidGrant;
  grants += stats.grants.refresh_token;
  const stored = await store.get(mallId);
  if (tokenId(stored.token.refreshToken) !== stats.currentRefreshTokenId) notLive++;
}
child.kill();
rmSync(dir, { recursive: true, force: true });

lateness.sort((a, b) => a - b);
const pct = (p) => lateness[Math.min(lateness.length - 1, Math.floor(p * lateness.length))] ?? Number.NaN;
const per1000 = 1000 / malls;
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);
const states = {};
for (const m of snapshot.malls) states[m.state] = (states[m.state] ?? 0) + 1;
console.log(
  `watch: ${malls} malls, file store, access ${accessSec} s (refresh due every ${accessSec / 2} s), tick ${tickMs} ms, ${seconds} s run (tokens seeded over ${(seedMs / 1000).toFixed(1)} s)`,
);
console.log(`  refreshes written       ${lateness.length}  (emulator refresh grants ${grants})`);
console.log(
  `  lateness due→written    p50 ${pct(0.5).toFixed(0)} ms   p99 ${pct(0.99).toFixed(0)} ms   max ${pct(1).toFixed(0)} ms`,
);
console.log(
  `  CPU per 1,000 malls     ${(((cpu.user + cpu.system) / 1000) * per1000).toFixed(0)} ms over ${seconds} s  (${(((cpu.user + cpu.system) / 1e6 / seconds) * 100 * per1000).toFixed(1)} % of one core)`,
);
console.log(
  `  RSS per 1,000 malls     peak ${mb(peakRss * per1000)} MB, end ${mb(process.memoryUsage().rss * per1000)} MB  (before start ${mb(rssBefore)} MB)`,
);
console.log(`  invalid_grant           ${invalidGrant}`);
console.log(`  stored token not live   ${notLive}`);
console.log(`  final states            ${JSON.stringify(states)}`);
if (invalidGrant > 0 || notLive > 0) process.exitCode = 1;
