import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { RedisTokenStore } from "../../src/redis/redis-token-store.js";
import { FileTokenStore } from "../../src/store/file-token-store.js";
import { WatchManager } from "../../src/watch/watch-manager.js";
import { launch, SECOND } from "../helpers/emulator.js";
import { redisUnavailable, useRedisServer } from "../helpers/redis-server.js";
import { tempDir } from "../helpers/token-files.js";
import {
  authorizeAll,
  CLIENT_ID,
  clusterEmulatorOptions,
  freshPrefix,
  replica,
  untilCluster,
} from "./cluster-setup.js";
import { authorize, manualWatch, oauthOf, tokenRequests } from "./watch-setup.js";

const MINUTE = 60 * SECOND;

/** Admin API reads (the verification calls) the emulator answered for a mall, whatever the path. */
const apiReads = (running: RunningEmulator, mallId: string): number =>
  Object.entries(running.control.stats(mallId).routes)
    .filter(([route]) => route.startsWith("GET /api/v2/admin/"))
    .reduce((sum, [, n]) => sum + n, 0);

/** Mall "alpha" authorized on a new emulator, kept by a manually ticked watch verifying every `verifyEveryMs`. */
async function watchAlpha(verifyEveryMs: number) {
  const running = await launch({ malls: [{ mallId: "alpha" }] });
  const { control } = running;
  const store = new FileTokenStore({ path: join(await tempDir(), "{mall_id}.json") });
  await authorize(running, store, "alpha");
  const watch = manualWatch({
    store,
    oauth: oauthOf(running),
    malls: ["alpha"],
    now: () => control.now(),
    verifyEveryMs,
  });
  return { running, control, ...watch };
}

describe("watch verifies tokens with one live call", () => {
  it("runOnce proves a mall it did not refresh with exactly one API read and no refresh", async () => {
    const running = await launch({ malls: [{ mallId: "alpha" }] });
    const store = new FileTokenStore({ path: join(await tempDir(), "{mall_id}.json") });
    await authorize(running, store, "alpha");
    const manager = new WatchManager({ store, oauth: oauthOf(running), now: () => running.control.now() });

    const summary = await manager.runOnce();

    expect(summary).toMatchObject({ ok: true, refreshed: [], verified: ["alpha"], unverified: [] });
    expect(apiReads(running, "alpha")).toBe(1);
    expect(tokenRequests(running, "alpha")).toBe(0);
    expect(summary.snapshot.malls[0]?.lastVerifiedAt).toBe(running.control.now());
  });

  it("runOnce finds a revoked mall whose refresh is not due: reauth-required, not ok", async () => {
    const running = await launch({ malls: [{ mallId: "alpha" }, { mallId: "bravo" }] });
    const store = new FileTokenStore({ path: join(await tempDir(), "{mall_id}.json") });
    await authorize(running, store, "alpha");
    await authorize(running, store, "bravo");
    running.control.revokeAll("alpha");
    const manager = new WatchManager({ store, oauth: oauthOf(running), now: () => running.control.now() });

    const summary = await manager.runOnce();

    expect(summary).toMatchObject({ ok: false, reauthRequired: ["alpha"], verified: ["bravo"], noToken: [] });
    // The read met a 401, the one refresh it allowed met invalid_grant: two calls, and the mall is named.
    expect(apiReads(running, "alpha")).toBe(1);
    expect(tokenRequests(running, "alpha")).toBe(1);
    expect(summary.snapshot.malls.find((m) => m.mallId === "alpha")?.reauthCommand).toBe(
      "cafe24-doctor token login --mall alpha",
    );
  });

  it("runOnce with a mall that has no token is not ok (as /healthz answers 503)", async () => {
    const running = await launch({ malls: [{ mallId: "alpha" }] });
    const store = new FileTokenStore({ path: join(await tempDir(), "{mall_id}.json") });
    const manager = new WatchManager({
      store,
      oauth: oauthOf(running),
      malls: ["alpha"],
      now: () => running.control.now(),
    });
    const summary = await manager.runOnce();
    expect(summary).toMatchObject({ ok: false, noToken: ["alpha"], verified: [] });
    expect(apiReads(running, "alpha")).toBe(0);
  });

  it("the daemon notices a revoked mall within verifyEveryMs, long before its refresh, one read per period", async () => {
    // Two-hour access tokens: the next refresh is far away; verification every 5 minutes.
    const { running, control, manager, ticks } = await watchAlpha(5 * MINUTE);
    await manager.start();
    await ticks.pass(3);
    expect(apiReads(running, "alpha")).toBe(0);

    control.advanceClock(5 * MINUTE);
    await ticks.pass(3);
    expect(apiReads(running, "alpha")).toBe(1);
    expect(manager.snapshot().malls[0]?.state).toBe("ok");

    control.revokeAll("alpha");
    control.advanceClock(4 * MINUTE);
    await ticks.pass(3);
    expect(manager.snapshot().malls[0]?.state).toBe("ok");
    expect(apiReads(running, "alpha")).toBe(1);

    control.advanceClock(1 * MINUTE);
    await ticks.until(
      () => manager.snapshot().malls[0]?.state === "reauth-required",
      "the revocation noticed",
    );
    expect(apiReads(running, "alpha")).toBe(2);
    expect(tokenRequests(running, "alpha")).toBe(1);
    await manager.stop();
  });

  it("a verifying read Cafe24 cannot answer (503) is no verdict: not ok, retried with backoff, cleared by the next answer", async () => {
    const running = await launch({ malls: [{ mallId: "alpha" }] });
    const { control } = running;
    const store = new FileTokenStore({ path: join(await tempDir(), "{mall_id}.json") });
    await authorize(running, store, "alpha");
    control.setFaults([{ route: "/api/v2/admin/", kind: "status", status: 503 }]);
    const once = await new WatchManager({
      store,
      oauth: oauthOf(running),
      now: () => control.now(),
    }).runOnce();
    expect(once).toMatchObject({ ok: false, unverified: ["alpha"], failed: ["alpha"], reauthRequired: [] });

    const { manager, ticks } = manualWatch({
      store,
      oauth: oauthOf(running),
      malls: ["alpha"],
      now: () => control.now(),
      verifyEveryMs: 5 * MINUTE,
      backoffBaseMs: 10 * SECOND,
      backoffMaxMs: 10 * SECOND,
    });
    await manager.start();
    control.advanceClock(5 * MINUTE);
    await ticks.until(() => manager.snapshot().malls[0]?.state === "backoff", "the failed read in backoff");
    expect(manager.snapshot().malls[0]?.lastError?.code).toBeDefined();
    control.setFaults([]);
    control.advanceClock(10 * SECOND);
    await ticks.until(() => manager.snapshot().malls[0]?.state === "ok", "the next read accepted");
    expect(manager.snapshot().malls[0]?.lastVerifiedAt).toBe(control.now());
    expect(tokenRequests(running, "alpha")).toBe(0);
    await manager.stop();
  });

  it("a refresh counts as proof: no verifying read right after one", async () => {
    // 20-minute access tokens are refreshed 10 minutes before expiry; verification every 15 minutes.
    const running = await launch({
      malls: [{ mallId: "alpha" }],
      ttl: { accessSec: 20 * 60, refreshSec: 86_400 },
    });
    const { control } = running;
    const store = new FileTokenStore({ path: join(await tempDir(), "{mall_id}.json") });
    await authorize(running, store, "alpha");
    const { manager, ticks } = manualWatch({
      store,
      oauth: oauthOf(running),
      malls: ["alpha"],
      now: () => control.now(),
      verifyEveryMs: 15 * MINUTE,
      jitterMs: 0,
    });
    await manager.start();
    control.advanceClock(10 * MINUTE);
    await ticks.until(() => tokenRequests(running, "alpha") === 1, "the refresh");
    control.advanceClock(10 * MINUTE);
    await ticks.until(() => tokenRequests(running, "alpha") === 2, "the second refresh");
    // 20 minutes since the start, more than one period, yet every period held a refresh: no read was needed.
    expect(apiReads(running, "alpha")).toBe(0);
    await manager.stop();
  });

  it("verifyEveryMs 0 turns verification off: a revoked mall waits for its refresh", async () => {
    const { running, control, manager, ticks } = await watchAlpha(0);
    await manager.start();
    control.revokeAll("alpha");
    control.advanceClock(60 * MINUTE);
    await ticks.pass(3);
    expect(manager.snapshot().malls[0]?.state).toBe("ok");
    expect(apiReads(running, "alpha")).toBe(0);
    await manager.stop();
  });
});

const noRedis = redisUnavailable("the watch verification cluster test");
if (!noRedis)
  describe("watch verification between replicas over Redis", () => {
    const server = useRedisServer();

    it("a mall is verified once per period by whichever replica claims it, never by each replica", async () => {
      const running = await launch(clusterEmulatorOptions(3, { accessSec: 7200, refreshSec: 14 * 86_400 }));
      const { control } = running;
      const mallIds = running.malls.map((m) => m.mallId);
      const prefix = freshPrefix();
      const seed = new RedisTokenStore({ url: server.url, clientId: CLIENT_ID, prefix, cacheMaxAgeMs: 0 });
      try {
        await authorizeAll(running, seed, mallIds);
        const replicas = ["r1", "r2"].map((id) =>
          replica({
            url: server.url,
            prefix,
            running,
            id,
            leaseMs: 2_000,
            watch: { verifyEveryMs: 5 * MINUTE },
          }),
        );
        await Promise.all(replicas.map((r) => r.manager.start()));
        const reads = () => mallIds.reduce((sum, id) => sum + apiReads(running, id), 0);
        await Promise.all(replicas.map((r) => r.ticks.pass(2)));
        expect(reads()).toBe(0);

        control.advanceClock(5 * MINUTE + SECOND);
        await untilCluster(replicas, () => reads() >= mallIds.length, "every mall verified");
        await Promise.all(replicas.map((r) => r.ticks.pass(3)));
        // One read per mall in the period, not one per replica: the claim hands each mall to one replica, and the
        // record it leaves says when the mall was proven.
        expect(mallIds.map((id) => apiReads(running, id))).toEqual(mallIds.map(() => 1));

        // A mall revoked is noticed within the next period, once, by the cluster.
        const [revoked] = mallIds;
        if (!revoked) throw new Error("no mall");
        control.revokeAll(revoked);
        control.advanceClock(5 * MINUTE + SECOND);
        await untilCluster(
          replicas,
          () =>
            replicas.some(
              (r) =>
                r.manager.snapshot().malls.find((m) => m.mallId === revoked)?.state === "reauth-required",
            ),
          "the revoked mall noticed",
        );
        expect(apiReads(running, revoked)).toBe(2);
        expect(tokenRequests(running, revoked)).toBe(1);
      } finally {
        await seed.close();
      }
    });
  });
