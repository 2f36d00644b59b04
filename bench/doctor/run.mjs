// Doctor benchmark (issue 4 "bench/doctor"): against the emulator with 100 ms added to every call, the wall
// time of the quick diagnosis and the full check, side by side with a sequential reference that makes the
// same HTTP calls one after another (the old toolkit's way); then the full check with one black-holed service,
// which the deadline must bound. Prints times, ratios and API calls spent.
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDoctorConfig } from "../../dist/config/load-doctor-config.js";
import { runDoctor } from "../../dist/doctor/run-doctor.js";
import { startEmulator } from "../../dist/emulator/index.js";
import { FileTokenStore, toTokenSet } from "../../dist/index.js";

const emu = await startEmulator({ faults: [{ kind: "latency", latencyMs: [100, 100] }] });
const mall = emu.malls[0];
const dir = mkdtempSync(join(tmpdir(), "bench-doctor-"));
const tokenFile = join(dir, "oauth_token.json");
const issued = emu.control.issueTokens(mall.mallId);
await new FileTokenStore({ path: tokenFile }).compareAndSet(
  mall.mallId,
  undefined,
  toTokenSet(issued, mall.mallId),
);
const env = {
  CAFE24_MALL_ID: mall.mallId,
  CAFE24_CLIENT_ID: mall.clientId,
  CAFE24_CLIENT_SECRET: mall.clientSecret,
  CAFE24_REDIRECT_URI: mall.redirectUri,
  CAFE24_SCOPES: mall.scopes.join(","),
  CAFE24_TOKEN_FILE: tokenFile,
  CAFE24_BASE_URL: emu.baseUrlTemplate,
};
const config = await loadDoctorConfig({ cwd: dir, env });

async function timed(kind, cfg, deadlineMs) {
  const t0 = performance.now();
  const run = await runDoctor({ config: cfg, kind, ...(deadlineMs ? { deadlineMs } : {}) });
  return { run, ms: performance.now() - t0 };
}

/** The same requests, one after another, as a script without concurrency would make them. */
async function sequential(entries) {
  const t0 = performance.now();
  for (const e of entries) {
    await fetch(e.url, {
      method: e.method,
      headers: { authorization: `Bearer ${issued.access_token}`, "content-type": "application/json" },
    }).then((r) => r.arrayBuffer());
  }
  return performance.now() - t0;
}

await timed("diagnose", config); // warm-up: seed data, JIT
emu.control.resetStats();
const rows = [];
for (const kind of ["diagnose", "check"]) {
  const { run, ms } = await timed(kind, config);
  const seq = await sequential(run.http.entries);
  const failed = run.results
    .filter((r) => ["fail", "expired", "missing"].includes(r.status))
    .map((r) => r.id);
  rows.push({ kind, ms, seq, calls: run.apiCalls.spent, requests: run.http.entries.length, failed });
}

const sockets = new Set();
const hole = createServer(() => {});
hole.on("connection", (s) => sockets.add(s));
await new Promise((resolve) => hole.listen(0, "127.0.0.1", resolve));
writeFileSync(
  join(dir, "cafe24-doctor.config.json"),
  JSON.stringify({
    services: [
      { name: "black-hole", url: `http://127.0.0.1:${hole.address().port}/health`, timeoutMs: 60_000 },
    ],
  }),
);
const holed = await loadDoctorConfig({ cwd: dir, env });
const deadlineMs = 5000;
const black = await timed("check", holed, deadlineMs);

console.log("100 ms added to every emulator call; times are wall clock on this machine");
for (const r of rows) {
  console.log(
    `${(r.kind === "check" ? "cafe24-doctor check" : "cafe24-doctor (quick)").padEnd(22)} ${(r.ms / 1000).toFixed(2)} s   sequential reference ${(r.seq / 1000).toFixed(2)} s   ratio ${(r.ms / r.seq).toFixed(2)}×   API calls ${r.calls}/20, HTTP requests ${r.requests}${r.failed.length ? `   (not ok: ${r.failed.join(", ")})` : ""}`,
  );
}
console.log(
  `check with a black-holed service, deadline ${deadlineMs / 1000} s: ${(black.ms / 1000).toFixed(2)} s, deadline hit: ${black.run.deadline.hit}`,
);
for (const s of sockets) s.destroy();
hole.close();
await emu.close();
