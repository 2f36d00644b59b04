// Pacing benchmark (issue 3: "bench/pacing"). In one process, against the emulator at Cafe24's real rates
// (bucket 40, drain 2/s), N GETs (default 200) through: this client (all issued at once); a naive loop that
// retries a 429 after 1 s; and the most popular public Cafe24 TypeScript client, `cafe24-api-client`, with its
// task queue on (the package itself; a small HTTPAgent sends its requests to the emulator). Each strategy gets
// a fresh emulator, so every run starts with an empty bucket. Prints wall time, the ratio to the theoretical
// minimum and the 429 count per strategy, then a 40-call burst through this client.
//
//   npm run -s build && node bench/pacing/run.mjs      (BENCH_CALLS, BENCH_DRAIN to scale; takes ~5 min)

import cafe24ApiClient from "cafe24-api-client";
import { startEmulator } from "../../dist/emulator/server.js";
import { Cafe24Client } from "../../dist/http/cafe24-client.js";

const calls = Number(process.env.BENCH_CALLS ?? 200);
const drainPerSec = Number(process.env.BENCH_DRAIN ?? 2);
const capacity = 40;
const maxPerSec = 8;
const mallId = "demomall";
// A CommonJS package whose `export default` lands one level down under ESM interop.
const api = cafe24ApiClient.default;

/** The issue's yardstick: the first 40 at the 8/s spacing, the rest at the drain rate. */
const issueMinimum = (n) =>
  (Math.min(n, capacity) / maxPerSec + Math.max(0, n - capacity) / drainPerSec) * 1000;
/** A tighter floor: the bucket also drains while it fills, so the spacing phase lasts capacity/(8 − drain) s. */
function floor(n) {
  const burst = Math.min(n, (capacity / (maxPerSec - drainPerSec)) * maxPerSec);
  return (burst / maxPerSec + (n - burst) / drainPerSec) * 1000;
}

async function withEmulator(run) {
  const running = await startEmulator({
    data: { products: 50, orders: 10, customers: 5, categories: 4, boards: 1 },
    rateLimit: { capacity, drainPerSec },
  });
  const token = running.control.issueTokens(mallId).access_token;
  try {
    const started = performance.now();
    await run(running, token);
    const ms = performance.now() - started;
    const { responses } = running.control.stats(mallId);
    return { ms, tooMany: responses["429"] ?? 0, ok: responses["200"] ?? 0 };
  } finally {
    await running.close();
  }
}

const ours = (n) =>
  withEmulator(async (running, token) => {
    const client = new Cafe24Client({
      mallId,
      baseUrl: running.baseUrlTemplate,
      allowInsecureLoopback: true,
      tokens: { getAccessToken: async () => token, handleUnauthorized: async () => token },
      pacing: { drainPerSec, maxPerSec },
    });
    await Promise.all(Array.from({ length: n }, () => client.get("/products", { query: { limit: 1 } })));
  });

const naive = (n) =>
  withEmulator(async (running, token) => {
    const url = `${running.url}/malls/${mallId}/api/v2/admin/products?limit=1`;
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    for (let i = 0; i < n; i++) {
      for (;;) {
        const response = await fetch(url, { headers });
        await response.arrayBuffer();
        if (response.status !== 429) break;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  });

/** cafe24-api-client's pluggable agent, pointed at the emulator instead of https://{mall}.cafe24api.com. */
class EmulatorAgent {
  constructor(origin) {
    this.origin = origin;
  }
  async fetch(config) {
    const url = new URL(config.url.replace(`https://${mallId}.cafe24api.com`, this.origin));
    for (const [key, value] of Object.entries(config.params ?? {})) url.searchParams.set(key, String(value));
    const response = await fetch(url, {
      method: config.method,
      headers: config.headers,
      ...(config.data ? { body: JSON.stringify(config.data) } : {}),
    });
    const data = await response.json();
    if (!response.ok)
      throw Object.assign(new Error(`HTTP ${response.status}`), { status: response.status, data });
    return {
      ok: true,
      config,
      status: response.status,
      statusText: response.statusText,
      headers: Object.fromEntries(response.headers),
      data,
    };
  }
}

const popular = (n) =>
  withEmulator(async (running, token) => {
    const client = new api.admin.Client({
      mallId,
      accessToken: token,
      taskQueue: true,
      agent: new EmulatorAgent(`${running.url}/malls/${mallId}`),
    });
    try {
      await Promise.all(
        Array.from({ length: n }, () =>
          client.products.retrieveAListOfProducts({ limit: 1 }, { fetchPolicy: "queue" }),
        ),
      );
    } finally {
      client.close?.();
      client.taskQueue?.stopRunning();
    }
  });

function row(name, n, result) {
  const ratio = (result.ms / issueMinimum(n)).toFixed(3);
  const tight = (result.ms / floor(n)).toFixed(3);
  console.log(
    `${name.padEnd(34)} ${(result.ms / 1000).toFixed(2).padStart(8)} s  ×${ratio} (×${tight} of the tighter floor)  429s: ${result.tooMany}  200s: ${result.ok}`,
  );
}

console.log(
  `${calls} GETs, bucket ${capacity} draining ${drainPerSec}/s, spacing ${maxPerSec}/s. ` +
    `Theoretical minimum ${(issueMinimum(calls) / 1000).toFixed(2)} s (tighter floor ${(floor(calls) / 1000).toFixed(2)} s).`,
);
row("cafe24-doctor Cafe24Client", calls, await ours(calls));
row("naive loop, 429 → sleep 1 s", calls, await naive(calls));
row("cafe24-api-client task queue", calls, await popular(calls));
const burst = await ours(40);
console.log(
  `40-call burst through Cafe24Client: ${(burst.ms / 1000).toFixed(2)} s (spacing limit ${(39 / maxPerSec).toFixed(2)} s, drain rate would need ${(40 / drainPerSec).toFixed(0)} s), 429s: ${burst.tooMany}`,
);
