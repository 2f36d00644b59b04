import { describe, expect, it } from "vitest";
import { RedisTokenStore } from "../../src/redis/redis-token-store.js";
import { launch, SECOND } from "../helpers/emulator.js";
import { redisUnavailable, useRedisServer } from "../helpers/redis-server.js";
import {
  authorizeAll,
  CLIENT_ID,
  clusterEmulatorOptions,
  freshPrefix,
  inspector,
  notLive,
  replica,
  untilCluster,
  untilQuiet,
} from "./cluster-setup.js";

const MALLS = 2_000;
const REPLICAS = 3;
const ACCESS_SEC = 60;
const STEP_MS = 10 * SECOND;
/** Half the malls are authorized this much later, so that due times differ. */
const STAGGER_MS = 5 * SECOND;
const STEPS = 10;

describe.skipIf(redisUnavailable("the watch cluster tests"))(
  "watch replicas sharing malls over Redis",
  () => {
    const server = useRedisServer();

    it(`${REPLICAS} replicas × ${MALLS} malls: every mall refreshed before expiry, once per expiry, no invalid_grant`, {
      timeout: 90_000,
    }, async () => {
      const running = await launch(clusterEmulatorOptions(MALLS, { accessSec: ACCESS_SEC }));
      const { control } = running;
      const now = () => control.now();
      const mallIds = running.malls.map((m) => m.mallId);
      const prefix = freshPrefix();
      const seed = new RedisTokenStore({ url: server.url, clientId: CLIENT_ID, prefix, cacheMaxAgeMs: 0 });
      try {
        const half = MALLS / 2;
        await authorizeAll(running, seed, mallIds.slice(0, half));
        control.advanceClock(STAGGER_MS);
        await authorizeAll(running, seed, mallIds.slice(half));

        const replicas = Array.from({ length: REPLICAS }, (_, i) =>
          replica({ url: server.url, prefix, running, id: `r${i + 1}`, leaseMs: 2_000 }),
        );
        await Promise.all(replicas.map((r) => r.manager.start()));
        const look = await inspector(server.url, prefix);
        expect(await look.redis.zcard(look.keys.watch("due"))).toBe(MALLS);

        for (let step = 0; step < STEPS; step++) {
          control.advanceClock(STEP_MS);
          await untilQuiet(replicas, look, now, `step ${step}`);
        }

        // Emulated 105 s since the first tokens: malls authorized at 0 s are due at 30, 60, 90 s; those
        // authorized at 5 s at 35 (refreshed at the 40 s step), 70 and 100 s — three refreshes each.
        const refreshed = replicas.flatMap((r) => r.refreshed);
        const perMall = new Map<string, number>();
        for (const r of refreshed) perMall.set(r.mallId, (perMall.get(r.mallId) ?? 0) + 1);
        let grants = 0;
        let invalidGrant = 0;
        const wrong: string[] = [];
        for (const mallId of mallIds) {
          const stats = control.stats(mallId);
          grants += stats.grants.refresh_token;
          invalidGrant += stats.invalidGrant;
          if (stats.grants.refresh_token !== 3 || perMall.get(mallId) !== 3) wrong.push(mallId);
        }
        expect(wrong).toEqual([]);
        expect(grants).toBe(3 * MALLS);
        expect(invalidGrant).toBe(0);
        // Before expiry: each refresh was written within one step of becoming due, far inside the half lifetime
        // left at that point.
        const late = refreshed.filter((r) => r.at - r.dueAt >= (ACCESS_SEC * SECOND) / 2);
        expect(late).toEqual([]);
        // Shared: every replica did a good part of the work.
        for (const r of replicas) expect(r.refreshed.length).toBeGreaterThan(MALLS / 10);
        expect(await notLive(running, seed, mallIds)).toEqual([]);
        for (const r of replicas) {
          expect(r.manager.snapshot().malls.filter((m) => m.state !== "ok")).toEqual([]);
        }
      } finally {
        await seed.close();
      }
    });

    it("takes in a mall authorized while the replicas run at once, from the store's change notice, and refreshes it once", async () => {
      const running = await launch(clusterEmulatorOptions(5, { accessSec: ACCESS_SEC }));
      const { control } = running;
      const now = () => control.now();
      const [late = "", ...mallIds] = running.malls.map((m) => m.mallId).reverse();
      const prefix = freshPrefix();
      const seed = new RedisTokenStore({ url: server.url, clientId: CLIENT_ID, prefix, cacheMaxAgeMs: 0 });
      try {
        await authorizeAll(running, seed, mallIds);
        const replicas = ["r1", "r2"].map((id) =>
          replica({ url: server.url, prefix, running, id, leaseMs: 2_000 }),
        );
        await Promise.all(replicas.map((r) => r.manager.start()));
        const look = await inspector(server.url, prefix);

        await authorizeAll(running, seed, [late]);
        await untilCluster(
          replicas,
          async () =>
            replicas.every((r) =>
              r.manager.snapshot().malls.some((m) => m.mallId === late && m.state === "ok"),
            ) && (await look.redis.zscore(look.keys.watch("due"), late)) !== null,
          "the new mall watched by every replica and scheduled",
        );
        control.advanceClock((ACCESS_SEC / 2) * SECOND);
        await untilQuiet(replicas, look, now, "the refreshes");
        for (const mallId of [late, ...mallIds])
          expect(control.stats(mallId).grants.refresh_token, mallId).toBe(1);
        expect(replicas.reduce((n, r) => n + r.refreshed.length, 0)).toBe(5);
      } finally {
        await seed.close();
      }
    });

    it("runs each mall's periodic check once per period for the whole cluster, not once per replica", async () => {
      const CHECK_EVERY_MS = 60 * SECOND;
      const running = await launch(clusterEmulatorOptions(6, { accessSec: 3600 }));
      const { control } = running;
      const now = () => control.now();
      const mallIds = running.malls.map((m) => m.mallId);
      const prefix = freshPrefix();
      const seed = new RedisTokenStore({ url: server.url, clientId: CLIENT_ID, prefix });
      try {
        await authorizeAll(running, seed, mallIds);
        const checks: Record<string, number> = {};
        const replicas = ["r1", "r2"].map((id) =>
          replica({
            url: server.url,
            prefix,
            running,
            id,
            leaseMs: 2_000,
            watch: {
              checkEveryMs: CHECK_EVERY_MS,
              diagnose: async (mallId) => {
                checks[mallId] = (checks[mallId] ?? 0) + 1;
                return { status: "healthy", exitCode: 0, rootCause: null };
              },
            },
          }),
        );
        await Promise.all(replicas.map((r) => r.manager.start()));
        const look = await inspector(server.url, prefix);
        // The first checks are due at once; then one period after each, for three periods.
        for (let step = 0; step <= 18; step++) {
          control.advanceClock(step === 0 ? SECOND : 10 * SECOND);
          await untilQuiet(replicas, look, now, `step ${step}`);
        }
        expect(checks).toEqual(Object.fromEntries(mallIds.map((m) => [m, 4])));
      } finally {
        await seed.close();
      }
    });
  },
);
