// The process bench/kill-window kills: forceRefresh() on one token file as fast as it can, with the TokenManager
// and FileTokenStore of one build (DIST: a dist/ directory), so the same loop runs against each variant.
// Prints "ready" once the first refresh is written. Configured by environment, never argv, so the client
// secret never shows in `ps`: DIST, TOKEN_FILE, MALL, CLIENT_ID, CLIENT_SECRET, BASE_URL.
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const env = process.env;
// Through the build's public entry: the files behind it moved between the builds compared.
const { TokenManager, FileTokenStore } = await import(pathToFileURL(join(env.DIST, "index.js")).href);

const manager = new TokenManager({
  store: new FileTokenStore({ path: env.TOKEN_FILE }),
  oauth: {
    mallId: env.MALL,
    clientId: env.CLIENT_ID,
    clientSecret: env.CLIENT_SECRET,
    baseUrl: env.BASE_URL,
    allowInsecureLoopback: true,
  },
});

await manager.forceRefresh();
process.stdout.write("ready\n");
// Runs until the bench's SIGKILL; any failure before that ends the process and shows in the bench's table.
for (;;) await manager.forceRefresh();
