// The server side of bench/token-endpoint/run.mjs, in its own process so that the readers' event loop does not
// share the watch's: the emulator (short-lived tokens, running clock) and, with mode "endpoint", `watch` (a
// WatchManager over a token file) with its status server and the token endpoint. Prints one JSON line when
// ready; on SIGTERM prints the emulator's counters as a second JSON line and exits.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "../../dist/emulator/index.js";
import { FileTokenStore, toTokenSet } from "../../dist/index.js";
import { startStatusServer, WatchManager } from "../../dist/watch/index.js";

const [mode, accessSec, minLifeMs, secret] = process.argv.slice(2);
const emu = await startEmulator({
  ttl: { accessSec: Number(accessSec), refreshSec: 14 * 86_400 },
  rateLimit: { enabled: false },
  data: { products: 10, orders: 10, customers: 5 },
});
const mall = emu.malls[0];
const dir = mkdtempSync(join(tmpdir(), "bench-token-endpoint-"));
const tokenFile = join(dir, "oauth_token.json");
const store = new FileTokenStore({ path: tokenFile });
await store.compareAndSet(
  mall.mallId,
  undefined,
  toTokenSet(emu.control.issueTokens(mall.mallId), mall.mallId),
);

let manager;
let server;
if (mode === "endpoint") {
  manager = new WatchManager({
    store,
    malls: [mall.mallId],
    oauth: {
      clientId: mall.clientId,
      clientSecret: mall.clientSecret,
      baseUrl: emu.baseUrlTemplate,
      allowInsecureLoopback: true,
    },
    verifyEveryMs: 0,
  });
  await manager.start();
  server = await startStatusServer({
    source: manager,
    lang: "en",
    tokenEndpoint: {
      bearerToken: secret,
      minLifeMs: Number(minLifeMs),
      // 100 readers on one address hammering on purpose: the bench measures the endpoint, not the limit.
      rateLimit: { perSecond: 1_000_000, burst: 1_000_000 },
    },
  });
}
console.log(
  JSON.stringify({
    endpoint: server?.url ?? null,
    mallId: mall.mallId,
    clientId: mall.clientId,
    clientSecret: mall.clientSecret,
    apiBase: emu.url,
    tokenFile,
  }),
);

process.once("SIGTERM", async () => {
  await server?.close();
  await manager?.stop();
  const stats = emu.control.stats(mall.mallId);
  console.log(
    JSON.stringify({
      refreshGrants: stats.grants.refresh_token,
      invalidGrant: stats.invalidGrant,
      tokenRequests: stats.routes["POST /api/v2/oauth/token"] ?? 0,
      unauthorized: stats.responses["401"] ?? 0,
    }),
  );
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
