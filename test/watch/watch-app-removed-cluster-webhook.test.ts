import { describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import { RedisTokenStore } from "../../src/redis/redis-token-store.js";
import { jsonWebhookSink } from "../../src/watch/alert-sinks.js";
import { decodeMallRecord } from "../../src/watch/cluster/mall-record.js";
import { launch, SECOND } from "../helpers/emulator.js";
import { redisUnavailable, useRedisServer } from "../helpers/redis-server.js";
import {
  authorizeAll,
  CLIENT_ID,
  clusterEmulatorOptions,
  freshPrefix,
  inspector,
  replica,
  untilCluster,
} from "./cluster-setup.js";
import { tokenRequests, webhookReceiver } from "./watch-setup.js";

const MINUTE = 60 * SECOND;
const TOKEN_ROUTE = "POST /api/v2/oauth/token";

/** Every request the emulator answered for the mall other than the token endpoint: Admin API reads. */
const adminRequests = (running: RunningEmulator, mallId: string): number =>
  Object.entries(running.control.stats(mallId).routes)
    .filter(([route]) => route !== TOKEN_ROUTE)
    .reduce((sum, [, count]) => sum + (count ?? 0), 0);

const noRedis = redisUnavailable("the app-removed webhook cluster test");
if (!noRedis)
  describe("a removed-app webhook heard by one watch replica", () => {
    const server = useRedisServer();

    it("stops every replica at once, even the one holding the mall's lease, and re-consent resumes it", async () => {
      const running = await launch(clusterEmulatorOptions(1, { accessSec: 60, refreshSec: 14 * 86_400 }));
      const { control } = running;
      const [mallId] = running.malls.map((m) => m.mallId) as [string];
      const prefix = freshPrefix();
      const seed = new RedisTokenStore({ url: server.url, clientId: CLIENT_ID, prefix, cacheMaxAgeMs: 0 });
      const alerts = await webhookReceiver();
      const look = await inspector(server.url, prefix);
      try {
        await authorizeAll(running, seed, [mallId]);
        const replicas = ["a", "b", "c"].map((id) =>
          replica({
            url: server.url,
            prefix,
            running,
            id,
            leaseMs: 60_000,
            watch: {
              verifyEveryMs: 5 * MINUTE,
              alerts: { sinks: [jsonWebhookSink({ url: alerts.url })] },
            },
          }),
        );
        const [a, b] = replicas as [(typeof replicas)[number], (typeof replicas)[number]];
        await Promise.all(replicas.map((r) => r.manager.start()));
        const stateOn = () =>
          replicas.map((r) => r.manager.snapshot().malls.find((m) => m.mallId === mallId)?.state);
        const round = async () => {
          control.advanceClock(MINUTE);
          await Promise.all(replicas.map((r) => r.ticks.pass()));
        };

        // The mall is worked on normally for a while, so a record of a healthy mall travels with it.
        for (let i = 0; i < 3; i++) await round();
        await Promise.all(replicas.map((r) => r.manager.idle()));
        expect(tokenRequests(running, mallId)).toBeGreaterThan(0);
        const healthy = decodeMallRecord(await look.redis.hget(look.keys.watch("records"), mallId));
        expect(healthy?.state).toBe("ok");

        // Replica b takes the mall (its lease held, its work under way) when the merchant deletes the app and
        // Cafe24's webhook reaches replica a.
        control.advanceClock(MINUTE);
        const claimed = await b.cluster.claim(control.now(), 1);
        expect(claimed.map((c) => c.mallId)).toEqual([mallId]);
        expect(await look.redis.hget(look.keys.watch("holders"), mallId)).toBe("b");
        control.setAppState(mallId, "deleted");
        expect(await a.manager.appRemoved(mallId, "deleted", "webhook")).toBe(true);
        expect(await look.redis.hexists(look.keys.watch("removed"), mallId)).toBe(1);
        const tokensBefore = tokenRequests(running, mallId);
        const readsBefore = adminRequests(running, mallId);

        // b's work, begun before the webhook, ends: it hands the mall back with the healthy record it had.
        if (!healthy) throw new Error("no record");
        b.cluster.release({
          mallId,
          dueAt: control.now(),
          record: { ...healthy, by: "b", at: control.now(), dueAt: control.now() },
          needsPerson: false,
        });
        await b.cluster.settled();

        // Before any replica works on the mall again, none hands out a token for it (watch's token endpoint).
        for (let i = 0; i < 400 && !replicas.every((r) => r.cluster.removalOf(mallId)); i++)
          await new Promise((resolve) => setTimeout(resolve, 5));
        for (const replica of replicas)
          await expect(
            replica.manager.accessTokenFor(mallId, { minLifeMs: 24 * 3600 * SECOND }),
          ).rejects.toMatchObject({ code: ERROR_CODES.reauthRequired });
        expect(tokenRequests(running, mallId)).toBe(tokensBefore);

        // An hour of ticks on three replicas: not one request for the mall reaches Cafe24.
        for (let i = 0; i < 60; i++) await round();
        await Promise.all(replicas.map((r) => r.manager.idle()));
        expect(tokenRequests(running, mallId)).toBe(tokensBefore);
        expect(adminRequests(running, mallId)).toBe(readsBefore);
        await untilCluster(
          replicas,
          () => stateOn().every((s) => s === "app-deleted"),
          "every replica shows the mall app-deleted",
        );
        expect(tokenRequests(running, mallId)).toBe(tokensBefore);
        const sent = () =>
          alerts.bodies.filter(
            (body) =>
              (body as { event: string }).event === "app-deleted" &&
              (body as { mallId: string }).mallId === mallId,
          ).length;
        expect(sent()).toBe(1);

        // The merchant installs the app again and consents: a new token revision ends the mark cluster-wide.
        control.setAppState(mallId, "active");
        await authorizeAll(running, seed, [mallId]);
        await untilCluster(
          replicas,
          async () => {
            control.advanceClock(MINUTE);
            return (
              tokenRequests(running, mallId) > tokensBefore &&
              stateOn().every((s) => s === "ok") &&
              (await look.redis.hexists(look.keys.watch("removed"), mallId)) === 0
            );
          },
          "the mall refreshed again and the mark gone",
        );
        expect(sent()).toBe(1);
      } finally {
        await seed.close();
      }
    });
  });
