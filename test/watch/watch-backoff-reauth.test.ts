import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { FileTokenStore } from "../../src/store/file-token-store.js";
import { jsonWebhookSink } from "../../src/watch/alert-sinks.js";
import type { WatchManager } from "../../src/watch/watch-manager.js";
import { launch, SECOND } from "../helpers/emulator.js";
import { tempDir } from "../helpers/token-files.js";
import {
  authorize,
  type ManualTicks,
  manualWatch,
  oauthOf,
  type Receiver,
  tokenRequests,
  webhookReceiver,
} from "./watch-setup.js";

/** One mall whose access token (60 s) is due for refresh 30 s after the start, watched with 5 s … 5 min backoff. */
async function setup(): Promise<{
  running: RunningEmulator;
  manager: WatchManager;
  store: FileTokenStore;
  mallId: string;
  receiver: Receiver;
  ticks: ManualTicks;
}> {
  const running = await launch({ ttl: { accessSec: 60, refreshSec: 3600 } });
  const mallId = running.malls[0]?.mallId ?? "";
  const store = new FileTokenStore({ path: join(await tempDir(), "{mall_id}.json") });
  await authorize(running, store, mallId);
  const receiver = await webhookReceiver();
  const { manager, ticks } = manualWatch({
    store,
    oauth: oauthOf(running),
    malls: [mallId],
    now: () => running.control.now(),
    // The top of each backoff range: 5 s, 10 s, 20 s, 40 s …
    random: () => 1,
    alerts: { sinks: [jsonWebhookSink({ url: receiver.url })] },
  });
  await manager.start();
  return { running, manager, store, mallId, receiver, ticks };
}

const mallOf = (manager: WatchManager) => {
  const mall = manager.snapshot().malls[0];
  if (!mall) throw new Error("no mall");
  return mall;
};

describe("watch when refreshing fails", () => {
  it("backs off exponentially on 503 from the token endpoint, alerts once, then recovers", async () => {
    const { running, manager, mallId, receiver, ticks } = await setup();
    const { control } = running;
    control.setFaults([{ route: "/api/v2/oauth/token", kind: "status", status: 503 }]);
    try {
      control.advanceClock(30 * SECOND);
      await ticks.until(
        () => tokenRequests(running, mallId) === 1 && mallOf(manager).state === "backoff",
        "1st failure",
      );
      for (const [failures, delay] of [
        [2, 5],
        [3, 10],
        [4, 20],
      ] as const) {
        // Just before the retry is due nothing is sent, however many ticks pass.
        control.advanceClock((delay - 1) * SECOND);
        await ticks.pass(5);
        expect(tokenRequests(running, mallId)).toBe(failures - 1);
        expect(mallOf(manager).nextRefreshAt).toBe(control.now() + SECOND);
        control.advanceClock(SECOND);
        await ticks.until(() => mallOf(manager).consecutiveFailures === failures, `failure ${failures}`);
        expect(tokenRequests(running, mallId)).toBe(failures);
      }
      await ticks.pass(5);
      expect(receiver.bodies).toEqual([expect.objectContaining({ event: "refresh-failures", mallId })]);

      control.clearFaults();
      control.advanceClock(40 * SECOND);
      await ticks.until(
        () => mallOf(manager).state === "ok" && mallOf(manager).lastRefreshAt !== null,
        "recovery",
      );
    } finally {
      await manager.stop();
    }
    const mall = mallOf(manager);
    expect(mall.consecutiveFailures).toBe(0);
    expect(mall.lastError?.code).toBe("CAFE24_SERVER_ERROR");
    const { counters } = manager.snapshot();
    expect(counters.refreshFailures[mallId]).toBe(4);
    expect(counters.refreshes[mallId]).toBe(1);
    expect(counters.apiCalls[mallId]).toBe(5);
    expect(control.stats(mallId).invalidGrant).toBe(0);
  });

  it("stops retrying once re-authorization is required, and resumes when a new token is stored", async () => {
    const { running, manager, store, mallId, receiver, ticks } = await setup();
    const { control } = running;
    control.revokeAll(mallId);
    try {
      control.advanceClock(30 * SECOND);
      await ticks.until(() => mallOf(manager).state === "reauth-required", "reauth-required");
      expect(mallOf(manager).reauthCommand).toBe(`cafe24-doctor token login --mall ${mallId}`);
      for (let i = 0; i < 20; i++) {
        control.advanceClock(30 * SECOND);
        await ticks.pass(3);
      }
      expect(tokenRequests(running, mallId)).toBe(1);
      expect(mallOf(manager).state).toBe("reauth-required");
      expect(receiver.bodies).toEqual([
        {
          event: "reauth-required",
          mallId,
          message: expect.any(String),
          at: expect.stringMatching(/\+09:00$/),
          command: `cafe24-doctor token login --mall ${mallId}`,
        },
      ]);

      // `token login` writes a new token: the manager notices it on its next tick and takes over.
      await authorize(running, store, mallId);
      await ticks.until(() => mallOf(manager).state === "ok", "the new token");
      expect(mallOf(manager).reauthCommand).toBeNull();
      control.advanceClock(30 * SECOND);
      await ticks.until(() => mallOf(manager).lastRefreshAt !== null, "a refresh of the new token");
      expect(tokenRequests(running, mallId)).toBe(2);

      // A new incident after the old one cleared alerts again.
      control.revokeAll(mallId);
      control.advanceClock(30 * SECOND);
      await ticks.until(() => mallOf(manager).state === "reauth-required", "reauth-required again");
      await ticks.until(() => receiver.bodies.length === 2, "the second alert");
    } finally {
      await manager.stop();
    }
    expect(control.stats(mallId).invalidGrant).toBe(2);
  });
});
