import { describe, expect, it } from "vitest";
import { tokenId } from "../../src/emulator/state/tokens.js";
import { Cafe24Client } from "../../src/http/cafe24-client.js";
import { TokenManager } from "../../src/tokens/token-manager.js";
import { launch } from "../helpers/emulator.js";
import { type Stores, storeKinds, untilCurrent, useStores } from "../helpers/stores.js";
import { authorize, manualWatch, oauthOf } from "./watch-setup.js";

const ACCESS_SEC = 5;
const REFRESH_SEC = 30;
const STEP_MS = 500;

for (const { kind, unavailable } of storeKinds(["file", "redis"], "watch keeping an app alive over Redis")) {
  describe.skipIf(unavailable)(`watch keeps an app's calls succeeding over a ${kind} store`, () => {
    keepsAlive(useStores(kind));
  });
}

function keepsAlive(stores: Stores) {
  it("for ten refresh-token lifetimes: every call succeeds, no 401 and no invalid_grant at Cafe24", async () => {
    // A frozen emulator clock the test advances; the manager reads the same clock and ticks when told.
    const running = await launch({
      ttl: { accessSec: ACCESS_SEC, refreshSec: REFRESH_SEC },
      rateLimit: { enabled: false },
    });
    const { control } = running;
    const mall = running.malls[0];
    const mallId = mall?.mallId ?? "";
    // The watcher and the app each open the store: two processes sharing a file, two machines sharing Redis.
    const open = () => stores.open({ clientId: mall?.clientId ?? "" });
    const store = open();
    const appStore = open();
    await authorize(running, store, mallId);
    const now = () => control.now();
    const { manager, ticks } = manualWatch({ store, oauth: oauthOf(running), malls: [mallId], now });
    // The app refreshes only in the last half second, so every refresh it would need is the manager's to do.
    const app = new TokenManager({
      store: appStore,
      oauth: oauthOf(running)(mallId),
      refreshBeforeMs: 500,
      now,
    });
    let appRefreshes = 0;
    app.on("refreshed", () => appRefreshes++);
    const client = new Cafe24Client({
      mallId,
      tokens: app,
      baseUrl: running.baseUrlTemplate,
      allowInsecureLoopback: true,
      // The emulator's bucket is off and its clock frozen: pacing would only slow the test down.
      pacing: { drainPerSec: 1000, maxPerSec: 1000 },
    });
    await manager.start();

    const steps = (10 * REFRESH_SEC * 1000) / STEP_MS;
    let succeeded = 0;
    const failures: string[] = [];
    try {
      for (let step = 0; step < steps; step++) {
        control.advanceClock(STEP_MS);
        // The manager brings the token up to date before the app's next call.
        await ticks.until(() => {
          const state = manager.snapshot().malls[0];
          return state?.state === "ok" && state.nextRefreshAt !== null && state.nextRefreshAt > now();
        }, `the refresh due at step ${step}`);
        // And the app's handle has heard of it (Redis: the change notification has arrived).
        await untilCurrent(appStore, store, mallId);
        try {
          await client.get("/store");
          succeeded++;
        } catch (error) {
          failures.push(String(error));
        }
      }
    } finally {
      await manager.stop();
    }

    const stats = control.stats(mallId);
    expect(failures).toEqual([]);
    expect(succeeded).toBe(steps);
    expect(stats.invalidGrant).toBe(0);
    expect(stats.responses["401"] ?? 0).toBe(0);
    expect(appRefreshes).toBe(0);
    const refreshes = manager.snapshot().counters.refreshes[mallId] ?? 0;
    expect(refreshes).toBe(stats.grants.refresh_token);
    // One refresh per half access-token lifetime: 300 s / 2.5 s.
    expect(refreshes).toBeGreaterThanOrEqual((10 * REFRESH_SEC) / (ACCESS_SEC / 2) - 1);
    const stored = await store.get(mallId);
    expect(tokenId(stored?.token.refreshToken ?? "")).toBe(stats.currentRefreshTokenId);
  });
}
