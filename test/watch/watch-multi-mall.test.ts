import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/server.js";
import type { OAuthClientConfig } from "../../src/oauth/oauth-client-config.js";
import { FileTokenStore } from "../../src/store/file-token-store.js";
import type { RefreshedInfo } from "../../src/watch/mall-watcher.js";
import { launch } from "../helpers/emulator.js";
import { tempDir } from "../helpers/token-files.js";
import { authorize, manualWatch, oauthOf } from "./watch-setup.js";

const MALLS = ["alpha", "bravo", "charlie"];
const STEP_MS = 500;
const ACCESS_SEC = 4;

/** charlie's token endpoint never answers (until the call's own timeout, far beyond the test). */
function hanging(config: OAuthClientConfig): OAuthClientConfig {
  return {
    ...config,
    timeoutMs: 600_000,
    fetch: (_input, init) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(new Error("aborted")), { once: true });
      }),
  };
}

const troubles: Record<string, (running: RunningEmulator) => (c: OAuthClientConfig) => OAuthClientConfig> = {
  "hangs on every refresh": () => hanging,
  "has been revoked": (running) => {
    running.control.revokeAll("charlie");
    return (c) => c;
  },
};

describe("watch over several malls", () => {
  it.each(Object.keys(troubles))("keeps the others refreshing on time while one mall %s", async (trouble) => {
    const running = await launch({
      malls: MALLS.map((mallId) => ({ mallId })),
      ttl: { accessSec: ACCESS_SEC, refreshSec: 600 },
    });
    const { control } = running;
    const store = new FileTokenStore({ path: join(await tempDir(), "{mall_id}.json") });
    for (const mallId of MALLS) await authorize(running, store, mallId);
    const troubled = troubles[trouble]?.(running) ?? ((c) => c);
    const base = oauthOf(running);
    const now = () => control.now();
    const healthy = ["alpha", "bravo"];
    // A tick's work is done when alpha's and bravo's is: charlie's refresh may never end.
    const { manager, ticks } = manualWatch(
      {
        store,
        oauth: (mallId) => (mallId === "charlie" ? troubled(base(mallId)) : base(mallId)),
        stopTimeoutMs: 50,
        now,
      },
      (m) => m.idle(healthy),
    );
    const refreshed: RefreshedInfo[] = [];
    manager.on("refreshed", (info) => refreshed.push(info));
    await manager.start();

    const upToDate = () =>
      manager
        .snapshot()
        .malls.filter((m) => healthy.includes(m.mallId))
        .every((m) => m.state === "ok" && m.nextRefreshAt !== null && m.nextRefreshAt > now());
    const steps = 40;
    try {
      for (let step = 0; step < steps; step++) {
        control.advanceClock(STEP_MS);
        await ticks.until(upToDate, `alpha and bravo up to date at step ${step}`);
      }
    } finally {
      await manager.stop();
    }

    // 20 s of emulated time, a refresh every half access-token lifetime: 10 each, each within one step.
    for (const mallId of healthy) {
      const mine = refreshed.filter((r) => r.mallId === mallId);
      expect(mine).toHaveLength((steps * STEP_MS) / ((ACCESS_SEC * 1000) / 2));
      for (const r of mine) expect(r.at - r.dueAt).toBeLessThan(STEP_MS);
      expect(control.stats(mallId).grants.refresh_token).toBe(mine.length);
      expect(control.stats(mallId).invalidGrant).toBe(0);
    }
    const charlie = manager.snapshot().malls.find((m) => m.mallId === "charlie");
    expect(refreshed.filter((r) => r.mallId === "charlie")).toEqual([]);
    expect(charlie?.state).toBe(trouble === "has been revoked" ? "reauth-required" : "refreshing");
  });
});
