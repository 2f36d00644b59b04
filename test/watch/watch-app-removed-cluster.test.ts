import { describe, expect, it } from "vitest";
import { RedisTokenStore } from "../../src/redis/redis-token-store.js";
import { jsonWebhookSink } from "../../src/watch/alert-sinks.js";
import { launch, SECOND } from "../helpers/emulator.js";
import { redisUnavailable, useRedisServer } from "../helpers/redis-server.js";
import {
  authorizeAll,
  CLIENT_ID,
  clusterEmulatorOptions,
  freshPrefix,
  replica,
  untilCluster,
} from "./cluster-setup.js";
import { tokenRequests, webhookReceiver } from "./watch-setup.js";

const MINUTE = 60 * SECOND;

const noRedis = redisUnavailable("the app-removed cluster test");
if (!noRedis)
  describe("watch replicas over Redis and a removed app", () => {
    const server = useRedisServer();

    it("stop refreshing the mall cluster-wide and alert once, whichever replica noticed or heard of it", async () => {
      const running = await launch(clusterEmulatorOptions(3, { accessSec: 60, refreshSec: 14 * 86_400 }));
      const { control } = running;
      const mallIds = running.malls.map((m) => m.mallId);
      const [deleted, reported, healthy] = mallIds as [string, string, string];
      const prefix = freshPrefix();
      const seed = new RedisTokenStore({ url: server.url, clientId: CLIENT_ID, prefix, cacheMaxAgeMs: 0 });
      const alerts = await webhookReceiver();
      try {
        await authorizeAll(running, seed, mallIds);
        const replicas = ["r1", "r2", "r3"].map((id) =>
          replica({
            url: server.url,
            prefix,
            running,
            id,
            leaseMs: 2_000,
            watch: { verifyEveryMs: 0, alerts: { sinks: [jsonWebhookSink({ url: alerts.url })] } },
          }),
        );
        await Promise.all(replicas.map((r) => r.manager.start()));
        const [r1] = replicas as [(typeof replicas)[number]];
        const stateOf = (mallId: string) =>
          replicas.map((r) => r.manager.snapshot().malls.find((m) => m.mallId === mallId)?.state);

        // One mall's app is deleted (noticed at its next refresh); another's deletion reaches r1 by webhook.
        control.setAppState(deleted, "deleted");
        control.setAppState(reported, "deleted");
        expect(await r1.manager.appRemoved(reported, "deleted", "webhook")).toBe(true);
        control.advanceClock(31 * SECOND);
        await untilCluster(
          replicas,
          () => [...stateOf(deleted), ...stateOf(reported)].every((s) => s === "app-deleted"),
          "both malls app-deleted on every replica",
        );
        const requests = () => [tokenRequests(running, deleted), tokenRequests(running, reported)];
        const before = requests();
        expect(before.every((n) => n <= 1)).toBe(true);

        // Half an hour of ticks: each mall is looked at by one replica or another, never refreshed again.
        for (let i = 0; i < 30; i++) {
          control.advanceClock(MINUTE);
          await Promise.all(replicas.map((r) => r.ticks.pass()));
        }
        expect(requests()).toEqual(before);
        expect(tokenRequests(running, healthy)).toBeGreaterThan(20);
        await Promise.all(replicas.map((r) => r.manager.idle()));
        const appDeleted = alerts.bodies
          .filter((b) => (b as { event: string }).event === "app-deleted")
          .map((b) => (b as { mallId: string }).mallId)
          .sort();
        expect(appDeleted).toEqual([deleted, reported].sort());
      } finally {
        await seed.close();
      }
    });
  });
