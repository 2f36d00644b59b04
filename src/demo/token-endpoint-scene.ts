import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { EmulatorMall } from "../emulator/emulator.js";
import type { RunningEmulator } from "../emulator/server.js";
import type { Lang, Translate } from "../i18n/translate.js";
import { FileTokenStore } from "../store/file-token-store.js";
import type { FetchLike } from "../util/runtime.js";
import { startStatusServer } from "../watch/status-server/start-status-server.js";
import { WatchManager } from "../watch/watch-manager.js";
import {
  NODE_READER,
  PYTHON_READER,
  type ReaderCall,
  type ReaderSummary,
  startSteppedReader,
} from "./stepped-reader.js";

/** What the endpoint guarantees each token it hands out (watch's --token-min-life default). */
const MIN_LIFE_MS = 5 * 60_000;
/** Under the clients' default refresh margin (60 s), so the reader asks watch again. */
const NEAR_EXPIRY_MS = 30_000;
const LATER_MS = 25 * 60_000;
const ROUNDS = 3;

export interface TokenEndpointSceneInput {
  emulator: RunningEmulator;
  mall: EmulatorMall;
  /** The demo's token file, which watch keeps from here on. */
  tokenFile: string;
  lang: Lang;
  t: Translate;
  out: (line: string) => void;
}

/**
 * The last scene: `watch --token-endpoint` keeps the demo mall's tokens and serves them to the copy-paste
 * Python client (Node's when python3 is missing), which calls Cafe24 while time runs hours ahead and Cafe24
 * expires tokens early. The emulator's clock is frozen and moved by the scene, so it takes a second, not
 * hours. Every claim printed is counted — by the reader, by watch's own fetch and by the emulator — and a
 * broken one fails the demo instead of being printed.
 */
export async function runTokenEndpointScene(input: TokenEndpointSceneInput): Promise<void> {
  const { emulator, mall, tokenFile, lang, t, out } = input;
  const { control } = emulator;
  const mallId = mall.mallId;
  control.freezeClock();
  const now = () => control.now();
  const startedAt = now();
  let watchTokenRequests = 0;
  const countTokenRequests: FetchLike = (url, init) => {
    if (String(url).endsWith("/oauth/token")) watchTokenRequests++;
    return fetch(url, init);
  };
  const store = new FileTokenStore({ path: tokenFile });
  const manager = new WatchManager({
    store,
    oauth: {
      clientId: mall.clientId,
      clientSecret: mall.clientSecret ?? "",
      baseUrl: emulator.baseUrlTemplate,
      allowInsecureLoopback: true,
      fetch: countTokenRequests,
    },
    malls: [mallId],
    now,
  });
  const before = control.stats(mallId);
  const secret = randomBytes(32).toString("hex");
  await manager.start();
  const server = await startStatusServer({
    source: manager,
    lang,
    now,
    tokenEndpoint: { bearerToken: secret, minLifeMs: MIN_LIFE_MS },
  });
  try {
    out(`   ${t("demo.tokenEndpoint.watch", { url: server.url, mallId })}`);
    const python = spawnSync("python3", ["--version"], { timeout: 10_000 }).status === 0;
    if (!python) out(`   ${t("demo.tokenEndpoint.noPython")}`);
    const reader = await startSteppedReader(
      python ? "python3" : process.execPath,
      [python ? PYTHON_READER : NODE_READER],
      {
        CAFE24_DOCTOR_TOKEN_ENDPOINT: server.url,
        CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET: secret,
        CAFE24_MALL_ID: mallId,
        CAFE24_BASE_URL: emulator.baseUrlTemplate,
      },
    );
    const results: ReaderCall[] = [];
    let early = 0;
    let summary: ReaderSummary;
    try {
      results.push(await reader.call(now()));
      for (let round = 0; round < ROUNDS; round++) {
        control.advanceClock(LATER_MS);
        results.push(await reader.call(now()));
        const stored = await store.get(mallId);
        if (stored) control.setClock(stored.token.accessTokenExpiresAt - NEAR_EXPIRY_MS);
        results.push(await reader.call(now()));
        control.expireTokens(mallId, "access");
        early++;
        results.push(await reader.call(now()));
      }
      summary = await reader.finish();
    } catch (error) {
      reader.kill();
      throw error;
    }
    const after = control.stats(mallId);
    const grants = after.grants.refresh_token - before.grants.refresh_token;
    const invalidGrant = after.invalidGrant - before.invalidGrant;
    const failed = results.filter((r) => !r.ok);
    const { keys } = summary;
    // Token requests Cafe24 received that watch did not send: the reader's, if it ever refreshed.
    const tokenRoute = (stats: typeof before) => stats.routes["POST /api/v2/oauth/token"] ?? 0;
    const readerRefreshes = tokenRoute(after) - tokenRoute(before) - watchTokenRequests;
    if (failed.length > 0 || readerRefreshes !== 0 || invalidGrant !== 0 || keys.includes("refresh_token"))
      throw new Error(
        `the reader's run broke a promise: ${failed.length} failed call(s) (${failed[0]?.error ?? failed[0]?.status ?? ""}), ` +
          `${readerRefreshes} refresh(es) not watch's, ${invalidGrant} invalid_grant, fields seen: ${keys.join(", ")}`,
      );
    out(
      `   ${t("demo.tokenEndpoint.reader", {
        language: python ? "Python" : "Node",
        calls: results.length,
        elapsed: now() - startedAt,
        early,
      })}`,
    );
    out(
      `   ${t("demo.tokenEndpoint.result", {
        ok: results.length - failed.length,
        calls: results.length,
        failed: failed.length,
        refreshes: readerRefreshes,
        keys: keys.join(", "),
      })}`,
    );
    out(
      `   ${t("demo.tokenEndpoint.rejected", { count: results.filter((r) => r.source === "rejected").length })}`,
    );
    out(`   ${t("demo.tokenEndpoint.refreshed", { count: grants, invalidGrant })}`);
  } finally {
    await server.close();
    await manager.stop();
  }
}
