import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { RedisTokenStore } from "../../src/redis/redis-token-store.js";
import { jsonWebhookSink } from "../../src/watch/alert-sinks.js";
import { RedisWatchCluster } from "../../src/watch/cluster/redis-watch-cluster.js";
import { startStatusServer } from "../../src/watch/status-server/start-status-server.js";
import type { StatusView } from "../../src/watch/status-server/status-view.js";
import { launch, SECOND } from "../helpers/emulator.js";
import { type RedisServer, redisUnavailable, startRedisServer } from "../helpers/redis-server.js";
import {
  authorizeAll,
  CLIENT_ID,
  clusterEmulatorOptions,
  freshPrefix,
  inspector,
  notLive,
  type Replica,
  replica,
  untilCluster,
  untilQuiet,
} from "./cluster-setup.js";
import { manualWatch, oauthOf, webhookReceiver } from "./watch-setup.js";

const MALLS = 30;
const ACCESS_SEC = 600;
const LEASE_MS = 1_000;

describe.skipIf(redisUnavailable("the watch cluster outage tests"))("watch replicas when Redis fails", () => {
  let server: RedisServer;
  let stateHome: string;
  const previousStateHome = process.env.XDG_STATE_HOME;
  beforeAll(async () => {
    server = await startRedisServer();
    // A refreshed token Redis could not take is rescued to the state directory: keep that inside the test.
    stateHome = await mkdtemp(join(tmpdir(), "cafe24-doctor-state-"));
    process.env.XDG_STATE_HOME = stateHome;
  });
  afterAll(async () => {
    await server.stop();
    if (previousStateHome === undefined) delete process.env.XDG_STATE_HOME;
    else process.env.XDG_STATE_HOME = previousStateHome;
    await rm(stateHome, { recursive: true, force: true });
  });

  it("restarted without persistence: every replica names each mall to authorize again, one alert per mall, and takes a new login at once", {
    timeout: 60_000,
  }, async () => {
    const running = await launch(clusterEmulatorOptions(MALLS, { accessSec: ACCESS_SEC }));
    const { control } = running;
    const now = () => control.now();
    const mallIds = running.malls.map((m) => m.mallId);
    const prefix = freshPrefix();
    const seed = new RedisTokenStore({ url: server.url, clientId: CLIENT_ID, prefix });
    onTestFinished(() => seed.close());
    await authorizeAll(running, seed, mallIds);
    const receiver = await webhookReceiver();
    const replicas: Replica[] = ["r1", "r2", "r3"].map((id) =>
      replica({
        url: server.url,
        prefix,
        running,
        id,
        leaseMs: LEASE_MS,
        watch: { alerts: { sinks: [jsonWebhookSink({ url: receiver.url })] } },
      }),
    );
    await Promise.all(replicas.map((r) => r.manager.start()));
    const servers = await Promise.all(
      replicas.map((r) => startStatusServer({ source: r.manager, lang: "en", now })),
    );
    onTestFinished(() => Promise.all(servers.map((s) => s.close())).then(() => {}));
    const look = await inspector(server.url, prefix);
    // One round of refreshes first, so the cluster has records, holders and leases to lose.
    control.advanceClock((ACCESS_SEC / 2) * SECOND);
    await untilQuiet(replicas, look, now, "the first refreshes");
    expect(replicas.reduce((n, r) => n + r.refreshed.length, 0)).toBe(MALLS);

    await server.restart();

    const lostEverywhere = async () => {
      await Promise.all(replicas.map((r) => r.manager.refresh()));
      return replicas.every((r) => {
        const snapshot = r.manager.snapshot();
        return (
          snapshot.cluster?.needsPerson === MALLS &&
          snapshot.malls.every(
            (m) => m.state === "reauth-required" && m.lastError?.code === "TOKEN_NOT_FOUND",
          )
        );
      });
    };
    await untilCluster(replicas, lostEverywhere, "every replica reporting every mall lost");

    for (const s of servers) {
      const view = (await (await fetch(`${s.url}/status`)).json()) as StatusView;
      for (const m of view.malls) {
        expect(m).toMatchObject({
          state: "reauth-required",
          needsReauth: true,
          reauthCommand: `cafe24-doctor token login --mall ${m.mallId}`,
          lastError: { code: "TOKEN_NOT_FOUND" },
        });
        expect(m.lastError?.message).toContain(`no longer holds mall ${m.mallId}'s token`);
        expect(m.lastError?.message).toContain("Redis restarted without persistence");
        expect(m.lastError?.message).toContain(`cafe24-doctor token login --mall ${m.mallId}`);
      }
      const health = await fetch(`${s.url}/healthz`);
      expect(health.status).toBe(503);
      const body = (await health.json()) as { malls: { mallId: string }[] };
      expect(body.malls.map((m) => m.mallId)).toEqual(mallIds);
    }

    // A minute later every mall is looked at again (and found lost again): still one alert per mall.
    control.advanceClock(61 * SECOND);
    await untilQuiet(replicas, look, now, "the rechecks");
    await Promise.all(replicas.map((r) => r.manager.idle()));
    expect(receiver.bodies).toHaveLength(MALLS);
    expect(new Set(receiver.bodies.map((b) => (b as { mallId: string }).mallId))).toEqual(new Set(mallIds));
    for (const body of receiver.bodies) {
      const { mallId } = body as { mallId: string };
      expect(body).toMatchObject({
        event: "reauth-required",
        command: `cafe24-doctor token login --mall ${mallId}`,
      });
      expect((body as { message: string }).message).toContain("Redis restarted without persistence");
    }
    // Nothing was refreshed with a token Redis no longer had.
    for (const mallId of mallIds) expect(control.stats(mallId).invalidGrant).toBe(0);

    // A person logs in again: every replica shows the mall healthy without waiting for the minute's recheck.
    const again = mallIds[7] ?? "";
    await authorizeAll(running, seed, [again]);
    await untilCluster(
      replicas,
      () => replicas.every((r) => r.manager.snapshot().malls.find((m) => m.mallId === again)?.state === "ok"),
      "the new login picked up",
    );
    expect(await notLive(running, seed, [again])).toEqual([]);
  });

  it.each([
    ["within the command timeout", 2_500],
    ["past the command timeout", 6_500],
  ])(
    "paused for longer than a lease (%s): no refresh twice, no invalid_grant, no token lost",
    {
      timeout: 60_000,
    },
    async (_what, pauseMs) => {
      let refreshes = 0;
      let paused: Promise<void> | undefined;
      const running = await launch(clusterEmulatorOptions(MALLS, { accessSec: ACCESS_SEC }), {
        // Redis stops answering right after Cafe24 rotated the 10th token: that replica cannot save it for now.
        onRequest: (entry) => {
          if (entry.path !== "/api/v2/oauth/token" || entry.status !== 200 || ++refreshes !== 10) return;
          server.pause();
          paused = new Promise((resolve) =>
            setTimeout(() => {
              server.resume();
              resolve();
            }, pauseMs),
          );
        },
      });
      const { control } = running;
      const now = () => control.now();
      const mallIds = running.malls.map((m) => m.mallId);
      const prefix = freshPrefix();
      const seed = new RedisTokenStore({ url: server.url, clientId: CLIENT_ID, prefix, cacheMaxAgeMs: 0 });
      onTestFinished(() => seed.close());
      await authorizeAll(running, seed, mallIds);
      const replicas: Replica[] = ["r1", "r2", "r3"].map((id) =>
        replica({
          url: server.url,
          prefix,
          running,
          id,
          leaseMs: LEASE_MS,
          // The token lock's lease is as short as the watch's: the pause outlasts both.
          store: { leaseMs: LEASE_MS },
          watch: { maxConcurrent: 4, backoffBaseMs: 200, backoffMaxMs: 1_000 },
        }),
      );
      await Promise.all(replicas.map((r) => r.manager.start()));
      const look = await inspector(server.url, prefix);

      control.advanceClock((ACCESS_SEC / 2) * SECOND);
      // The replicas keep ticking through the pause, as daemons do: ticks only start work, never wait for it.
      for (let i = 0; i < 2_000 && !paused; i++) {
        await Promise.all(replicas.map((r) => r.ticks.next()));
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      expect(paused, "Redis was paused").toBeDefined();
      for (let i = 0; i < 100; i++) {
        const resumed = await Promise.race([
          paused?.then(() => true),
          new Promise((r) => setTimeout(r, 50, false)),
        ]);
        if (resumed) break;
        await Promise.all(replicas.map((r) => r.ticks.next()));
      }
      await paused;
      // Transient failures (a lock or a read that timed out) back off in the watchers' clock: let it run on.
      for (let step = 0; step < 10; step++) {
        await untilQuiet(replicas, look, now, `after the pause, step ${step}`);
        if (mallIds.every((id) => control.stats(id).grants.refresh_token >= 1)) break;
        control.advanceClock(SECOND);
      }

      const grants = mallIds.map((id) => control.stats(id).grants.refresh_token);
      expect(grants).toEqual(mallIds.map(() => 1));
      expect(mallIds.reduce((n, id) => n + control.stats(id).invalidGrant, 0)).toBe(0);
      expect(await notLive(running, seed, mallIds)).toEqual([]);
      for (const r of replicas) {
        expect(r.manager.snapshot().malls.filter((m) => m.state === "reauth-required")).toEqual([]);
      }
    },
  );

  it("a lease that ran out while Redis was paused is not taken over before its holder could renew: one lease of grace", async () => {
    const prefix = freshPrefix();
    const store = new RedisTokenStore({ url: server.url, clientId: CLIENT_ID, prefix });
    onTestFinished(() => store.close());
    const at = 1_000;
    const [a, b] = ["a", "b"].map((replicaId) =>
      RedisWatchCluster.forStore(store, { replicaId, leaseMs: LEASE_MS, now: () => at }),
    );
    if (!a || !b) throw new Error("no clusters");
    await a.start(() => [{ mallId: "shop1", dueAt: 0 }]);
    await b.start(() => []);
    onTestFinished(() => b.stop());
    expect((await a.claim(at, 10)).map((c) => c.mallId)).toEqual(["shop1"]);
    // A goes quiet holding the mall (as if cut off: no renewal, no release); B is alive.
    await a.stop();
    server.pause();
    const claimed = b.claim(at, 10);
    await new Promise((resolve) => setTimeout(resolve, 3 * LEASE_MS));
    server.resume();
    // The first claim after the pause finds the lease long expired, but nobody could renew: not yet.
    expect(await claimed).toEqual([]);
    // One lease later A has had its chance: B takes the mall over (bounded polling, no timing asserted).
    let taken: string[] = [];
    for (let i = 0; i < 500 && taken.length === 0; i++) {
      taken = (await b.claim(at, 10)).map((c) => c.mallId);
      if (taken.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(taken).toEqual(["shop1"]);
  });

  it("a single watch (no cluster) over a Redis that lost its data: each mall re-authorization required, precisely, alerted once", async () => {
    const running = await launch(clusterEmulatorOptions(3, { accessSec: ACCESS_SEC }));
    const mallIds = running.malls.map((m) => m.mallId);
    const prefix = freshPrefix();
    const store = new RedisTokenStore({ url: server.url, clientId: CLIENT_ID, prefix });
    onTestFinished(() => store.close());
    await authorizeAll(running, store, mallIds);
    const receiver = await webhookReceiver();
    const { manager, ticks } = manualWatch({
      store,
      oauth: oauthOf(running),
      now: () => running.control.now(),
      alerts: { sinks: [jsonWebhookSink({ url: receiver.url })] },
    });
    await manager.start();
    onTestFinished(() => manager.stop());
    expect(manager.snapshot().malls.map((m) => m.state)).toEqual(["ok", "ok", "ok"]);

    await server.restart();
    // Alone, a healthy mall's token is read again every 30 s: that is when the loss shows.
    running.control.advanceClock(31 * SECOND);
    await untilCluster(
      [{ ticks }],
      () => manager.snapshot().malls.every((m) => m.state === "reauth-required"),
      "every mall reported lost",
    );
    // Looked at again every tick while it waits for a person: no new event, no new alert.
    await ticks.pass(20);
    for (const m of manager.snapshot().malls) {
      expect(m.lastError?.code).toBe("TOKEN_NOT_FOUND");
      expect(m.lastError?.message).toContain(`no longer holds mall ${m.mallId}'s token`);
      expect(m.reauthCommand).toBe(`cafe24-doctor token login --mall ${m.mallId}`);
      expect(m.events.filter((e) => e.kind === "reauth-required")).toHaveLength(1);
    }
    expect(receiver.bodies.map((b) => (b as { mallId: string }).mallId).sort()).toEqual(mallIds);
  });
});
