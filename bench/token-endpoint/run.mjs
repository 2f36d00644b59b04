// Token endpoint benchmark (issue 13): 100 concurrent readers on 127.0.0.1 asking for a live access token as fast
// as they can, for a bounded time, while access tokens live seconds — side by side:
//  - "endpoint": every reader GETs /v1/malls/{mall}/access-token from `watch` (one refresher: watch);
//  - "each refreshes": every reader reads the shared token file and, when the token is short of the same minimum
//    life, refreshes it itself and writes the file back (no lock) — what apps do without watch.
// Each reader proves its token with an Admin API call now and then; on 401 it retries once as its kind of client
// does (endpoint: POST …/rejected; self-refreshing: read the file again). A token still refused then is lost.
// Prints latency p50/p99/max, requests/s, refresh grants, failures, invalid_grant and lost tokens per mode.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const readers = Number(process.env.BENCH_READERS ?? 100);
/** Per reader, whatever the time: every loop here is bounded in count as well as time. */
const maxPerReader = Number(process.env.BENCH_MAX_PER_READER ?? 200_000);
const accessSec = Number(process.env.BENCH_ACCESS_SEC ?? 20);
const minLifeMs = Number(process.env.BENCH_MIN_LIFE_MS ?? 5_000);
/** One Admin API call per this many tokens obtained, to prove the token is live. */
const proveEvery = 20;
const secret = randomBytes(32).toString("hex");

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

/** Starts server.mjs in `mode`; resolves with its ready line and a stop() that resolves with its counters. */
async function startServer(mode) {
  const child = spawn(
    process.execPath,
    [join(here, "server.mjs"), mode, String(accessSec), String(minLifeMs), secret],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const ready = JSON.parse((await lines.next()).value);
  return {
    ready,
    async stop() {
      child.kill("SIGTERM");
      const { value } = await lines.next();
      return JSON.parse(value);
    },
  };
}

/** Cafe24's offset-less expiry is KST (the reader here parses it right: the race alone is measured). */
const expiryOf = (json) =>
  Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(json.expires_at) ? json.expires_at : `${json.expires_at}+09:00`);

/** One Admin API call with the token; true when Cafe24 (the emulator) accepted it. */
async function accepted(ready, accessToken, tally) {
  const res = await fetch(`${ready.apiBase}/api/v2/admin/products/count`, {
    headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
  });
  await res.arrayBuffer();
  tally.proofs++;
  return res.status !== 401;
}

/**
 * Proves the token; on 401 does what the reader's kind of client does once (`retry`: report it to …/rejected,
 * or read the file again) and proves that one. A token still refused after that is lost.
 */
async function prove(ready, accessToken, tally, retry) {
  if (await accepted(ready, accessToken, tally)) return;
  tally.refusedOnce++;
  const next = await retry(accessToken);
  if (next === undefined || !(await accepted(ready, next, tally))) tally.lost++;
}

async function endpointReader(ready, tally, deadline) {
  const url = `${ready.endpoint}/v1/malls/${ready.mallId}/access-token`;
  const headers = { authorization: `Bearer ${secret}` };
  for (let i = 0; i < maxPerReader && performance.now() < deadline; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers });
    const text = await res.text();
    tally.latencies.push(performance.now() - t0);
    tally.requests++;
    if (res.status !== 200) {
      tally.failures++;
      continue;
    }
    const body = JSON.parse(text);
    if ("refresh_token" in body) tally.sawRefreshToken++;
    if (i % proveEvery === 0)
      await prove(ready, body.access_token, tally, async (refused) => {
        const again = await fetch(`${url}/rejected`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: JSON.stringify({ access_token: refused }),
        });
        const text = await again.text();
        return again.status === 200 ? JSON.parse(text).access_token : undefined;
      });
  }
}

async function selfRefreshingReader(ready, tally, deadline) {
  const basic = `Basic ${Buffer.from(`${ready.clientId}:${ready.clientSecret}`).toString("base64")}`;
  for (let i = 0; i < maxPerReader && performance.now() < deadline; i++) {
    const t0 = performance.now();
    let token;
    try {
      token = JSON.parse(await readFile(ready.tokenFile, "utf8"));
    } catch {
      // Caught another reader's write half-way: a torn file.
      tally.latencies.push(performance.now() - t0);
      tally.requests++;
      tally.failures++;
      continue;
    }
    if (expiryOf(token) - Date.now() < minLifeMs) {
      const res = await fetch(`${ready.apiBase}/api/v2/oauth/token`, {
        method: "POST",
        headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "refresh_token",
          refresh_token: token.refresh_token,
        }).toString(),
      });
      const text = await res.text();
      if (res.status === 200) {
        token = JSON.parse(text);
        await writeFile(ready.tokenFile, text);
      } else {
        tally.latencies.push(performance.now() - t0);
        tally.requests++;
        tally.failures++;
        continue;
      }
    }
    tally.latencies.push(performance.now() - t0);
    tally.requests++;
    if (i % proveEvery === 0)
      await prove(ready, token.access_token, tally, async () => {
        try {
          return JSON.parse(await readFile(ready.tokenFile, "utf8")).access_token;
        } catch {
          return undefined;
        }
      });
  }
}

async function run(mode, reader) {
  const server = await startServer(mode);
  const tally = {
    latencies: [],
    requests: 0,
    failures: 0,
    proofs: 0,
    refusedOnce: 0,
    lost: 0,
    sawRefreshToken: 0,
  };
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(Array.from({ length: readers }, () => reader(server.ready, tally, deadline)));
  const elapsed = (performance.now() - started) / 1000;
  const counters = await server.stop();
  const sorted = tally.latencies.sort((a, b) => a - b);
  return {
    mode,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? NaN,
    perSecond: tally.requests / elapsed,
    ...tally,
    ...counters,
  };
}

console.log(
  `${readers} readers, ${seconds} s per mode, access tokens living ${accessSec} s, minimum life ${minLifeMs / 1000} s, one Admin API proof per ${proveEvery} tokens`,
);
const results = [await run("endpoint", endpointReader), await run("each-refreshes", selfRefreshingReader)];
const ms = (v) => `${v.toFixed(2)} ms`;
for (const r of results) {
  console.log(
    `${r.mode.padEnd(15)} p50 ${ms(r.p50).padStart(9)}  p99 ${ms(r.p99).padStart(9)}  max ${ms(r.max).padStart(9)}  ${r.perSecond.toFixed(0).padStart(6)} tokens/s  (${r.requests} requests)  refresh grants ${r.refreshGrants}  failures ${r.failures}  invalid_grant ${r.invalidGrant}  401 on proof ${r.refusedOnce} (lost after one retry ${r.lost}) of ${r.proofs} proofs  refresh tokens seen by readers ${r.mode === "endpoint" ? r.sawRefreshToken : "all"}`,
  );
}
