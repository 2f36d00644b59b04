import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { tokenId } from "../../src/emulator/state/tokens.js";
import { FileTokenStore } from "../../src/store/file-token-store.js";
import { WatchManager } from "../../src/watch/watch-manager.js";
import { launch, SECOND } from "../helpers/emulator.js";
import { tempDir } from "../helpers/token-files.js";
import { authorize, manualWatch, oauthOf, tokenRequests } from "./watch-setup.js";

describe("watch --once and shutdown", () => {
  it("runOnce refreshes what is due, reports what needs a person, and leaves the rest alone", async () => {
    const running = await launch({
      malls: ["alpha", "bravo", "charlie", "delta"].map((mallId) => ({ mallId })),
      ttl: { accessSec: 60, refreshSec: 3600 },
    });
    const { control } = running;
    const store = new FileTokenStore({ path: join(await tempDir(), "{mall_id}.json") });
    await authorize(running, store, "alpha");
    await authorize(running, store, "charlie");
    control.revokeAll("charlie");
    control.advanceClock(30 * SECOND);
    // bravo's token comes later, so it is not due yet.
    await authorize(running, store, "bravo");
    const manager = new WatchManager({
      store,
      oauth: oauthOf(running),
      malls: ["alpha", "bravo", "charlie", "delta"],
      now: () => control.now(),
    });

    const summary = await manager.runOnce();

    expect(summary).toMatchObject({
      ok: false,
      refreshed: ["alpha"],
      failed: [],
      reauthRequired: ["charlie"],
      noToken: ["delta"],
    });
    expect(tokenRequests(running, "alpha")).toBe(1);
    expect(tokenRequests(running, "bravo")).toBe(0);
    expect(summary.snapshot.malls.map((m) => m.state)).toEqual(["ok", "ok", "reauth-required", "no-token"]);
  });

  it("runOnce without a mall list watches every mall in the store", async () => {
    const running = await launch({ malls: ["alpha", "bravo"].map((mallId) => ({ mallId })) });
    const store = new FileTokenStore({ path: join(await tempDir(), "{mall_id}.json") });
    for (const mallId of ["alpha", "bravo"]) await authorize(running, store, mallId);
    const manager = new WatchManager({ store, oauth: oauthOf(running), now: () => running.control.now() });
    const summary = await manager.runOnce();
    expect(summary.ok).toBe(true);
    expect(summary.snapshot.malls.map((m) => [m.mallId, m.state])).toEqual([
      ["alpha", "ok"],
      ["bravo", "ok"],
    ]);
  });

  it("stop() lets an in-flight refresh finish and write the rotated token", async () => {
    // Cafe24 rotates the token, then holds its answer until the test lets it go: stopping must not drop it.
    let answer: () => void = () => {};
    let holding: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      holding = resolve;
    });
    const running = await launch(
      { ttl: { accessSec: 60, refreshSec: 3600 } },
      {
        sleep: () =>
          new Promise<void>((resolve) => {
            answer = resolve;
            holding();
          }),
      },
    );
    onTestFinished(() => answer());
    const { control } = running;
    const mallId = running.malls[0]?.mallId ?? "";
    const store = new FileTokenStore({ path: join(await tempDir(), "{mall_id}.json") });
    await authorize(running, store, mallId);
    control.setFaults([{ route: "/api/v2/oauth/token", kind: "latency", latencyMs: [1, 1], phase: "after" }]);
    const { manager, ticks } = manualWatch({
      store,
      oauth: oauthOf(running),
      malls: [mallId],
      now: () => control.now(),
    });
    await manager.start();
    control.advanceClock(30 * SECOND);
    await ticks.next();
    await held;
    expect(control.stats(mallId).grants.refresh_token).toBe(1);

    const stopped = manager.stop();
    answer();
    await stopped;

    expect(manager.snapshot().counters.refreshes[mallId]).toBe(1);
    const stored = await store.get(mallId);
    expect(tokenId(stored?.token.refreshToken ?? "")).toBe(control.stats(mallId).currentRefreshTokenId);
  });
});
