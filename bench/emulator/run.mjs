// Emulator throughput vs json-server (issue: "bench/emulator"). Both serve the same 1,000 products on 127.0.0.1,
// each in its own child process, loaded by autocannon from this process for the same bounded time. The emulator
// authenticates, checks scope and validates every request; json-server just slices an array.
// Also measures the emulator's resident memory with 10,000 products. Prints figures and ratios.

import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const cli = join(root, "dist/cli/main.js");
const require = createRequire(import.meta.url);
const jsonServerBin = join(dirname(require.resolve("json-server/package.json")), "lib/cli/bin.js");
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

function spawnUntil(args, pattern, env = {}) {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`not ready: ${args.join(" ")}\n${out}`)), 20_000);
    const onData = (d) => {
      out += d;
      const m = pattern.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, match: m });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

function load(url, headers) {
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, connections, duration: seconds }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

async function startEmulator(products) {
  const { child, match } = await spawnUntil(
    [
      cli,
      "emulator",
      "--port",
      "0",
      "--quiet",
      "--no-rate-limit",
      "--control-api",
      "--products",
      String(products),
    ],
    /"url":"([^"]+)"/,
  );
  const url = match[1];
  const token = await (
    await fetch(`${url}/__emulator/malls/demomall/tokens`, { method: "POST", body: "{}" })
  ).json();
  return { child, url, token: token.access_token };
}

const emu = await startEmulator(1000);
const path = "/api/v2/admin/products?limit=100";
const headers = { authorization: `Bearer ${emu.token}`, "content-type": "application/json" };
const first = await fetch(`${emu.url}${path}`, { headers });
if (first.status !== 200) throw new Error(`emulator answered ${first.status}`);
const products = [];
for (let offset = 0; offset < 1000; offset += 100) {
  const page = await (
    await fetch(`${emu.url}/api/v2/admin/products?limit=100&offset=${offset}`, { headers })
  ).json();
  products.push(...page.products);
}
const dir = mkdtempSync(join(tmpdir(), "bench-json-server-"));
writeFileSync(join(dir, "db.json"), JSON.stringify({ products }));
// json-server 0.17 cannot report an ephemeral port, so ask the OS for a free one first.
const jsPort = await freePort();
const jsServer = await spawnUntil(
  [jsonServerBin, "--port", String(jsPort), join(dir, "db.json")],
  /Resources|localhost/,
);

try {
  const a = await load(`${emu.url}${path}`, headers);
  const b = await load(`http://127.0.0.1:${jsPort}/products?_limit=100`, {});
  const emuRss = rssMb(emu.child.pid);
  emu.child.kill();
  const big = await startEmulator(10_000);
  await fetch(`${big.url}${path}`, { headers: { ...headers, authorization: `Bearer ${big.token}` } });
  const bigRss = rssMb(big.child.pid);
  big.child.kill();

  const row = (name, r) =>
    `${name.padEnd(34)} ${r.requests.average.toFixed(0).padStart(8)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   non-2xx ${r.non2xx}   errors ${r.errors}`;
  console.log(`GET 100 products, ${connections} connections, ${seconds} s each, 127.0.0.1`);
  console.log(row("emulator (auth+scope+validation)", a));
  console.log(row("json-server 0.17 (no checks)", b));
  console.log(
    `ratio emulator / json-server throughput: ${(a.requests.average / b.requests.average).toFixed(2)}×`,
  );
  console.log(
    `emulator RSS: ${emuRss.toFixed(0)} MB with 1,000 products, ${bigRss.toFixed(0)} MB with 10,000 products (target < 150 MB)`,
  );
} finally {
  jsServer.child.kill();
  emu.child.kill();
}
