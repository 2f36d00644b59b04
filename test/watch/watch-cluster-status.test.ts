import { describe, expect, it, onTestFinished } from "vitest";
import type { OAuthClientConfig } from "../../src/oauth/oauth-client-config.js";
import { RedisTokenStore } from "../../src/redis/redis-token-store.js";
import { startStatusServer } from "../../src/watch/status-server/start-status-server.js";
import type { StatusView } from "../../src/watch/status-server/status-view.js";
import { launch, SECOND } from "../helpers/emulator.js";
import { redisUnavailable, useRedisServer } from "../helpers/redis-server.js";
import {
  authorizeAll,
  CLIENT_ID,
  clusterEmulatorOptions,
  freshPrefix,
  type Replica,
  replica,
  untilCluster,
} from "./cluster-setup.js";
import { oauthOf } from "./watch-setup.js";

const MALLS = 12;
const ACCESS_SEC = 3600;
const REVOKED = "m0003";
const HANGING = "m0005";

/** The token endpoint of HANGING answers nothing until the test lets it fail (then the mall backs off). */
function hangingGate() {
  const waiting: (() => void)[] = [];
  return {
    wrap(config: OAuthClientConfig): OAuthClientConfig {
      return {
        ...config,
        fetch: (_input, init) =>
          new Promise<Response>((_resolve, reject) => {
            const fail = () =>
              reject(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }));
            waiting.push(fail);
            init?.signal?.addEventListener("abort", fail, { once: true });
          }),
      };
    },
    open() {
      for (const fail of waiting.splice(0)) fail();
    },
    get waiting() {
      return waiting.length;
    },
  };
}

describe.skipIf(redisUnavailable("the watch cluster status tests"))("the status of watch replicas", () => {
  const server = useRedisServer();

  it("shows the cluster on every replica: replicas, counts, who works on which mall; /metrics and /healthz agree", async () => {
    const running = await launch(clusterEmulatorOptions(MALLS, { accessSec: ACCESS_SEC }));
    const { control } = running;
    const now = () => control.now();
    const mallIds = running.malls.map((m) => m.mallId);
    const prefix = freshPrefix();
    const seed = new RedisTokenStore({ url: server.url, clientId: CLIENT_ID, prefix });
    onTestFinished(() => seed.close());
    await authorizeAll(running, seed, mallIds);
    control.revokeAll(REVOKED);
    const gate = hangingGate();
    const base = oauthOf(running);
    const healthy = mallIds.filter((id) => id !== HANGING);
    const replicas: Replica[] = ["r1", "r2", "r3"].map((id) =>
      replica({
        url: server.url,
        prefix,
        running,
        id,
        leaseMs: 2_000,
        watch: { oauth: (mallId) => (mallId === HANGING ? gate.wrap(base(mallId)) : base(mallId)) },
        // A tick's work is done when every mall's but the hanging one's is.
        settle: (m) => m.idle(healthy),
      }),
    );
    onTestFinished(() => gate.open());
    await Promise.all(replicas.map((r) => r.manager.start()));
    const servers = await Promise.all(
      replicas.map((r) => startStatusServer({ source: r.manager, lang: "en", now })),
    );
    onTestFinished(() => Promise.all(servers.map((s) => s.close())).then(() => {}));

    // Half the access token's life later every mall is due.
    control.advanceClock((ACCESS_SEC / 2) * SECOND + SECOND);
    const holderOfHanging = () =>
      replicas.find((r) =>
        r.manager.snapshot().malls.some((m) => m.mallId === HANGING && m.state === "refreshing"),
      );
    await untilCluster(
      replicas,
      () =>
        gate.waiting === 1 &&
        replicas.every((r) => {
          const malls = r.manager.snapshot().malls;
          return (
            malls.filter((m) => m.cluster?.handledBy && m.state === "ok").length === MALLS - 2 &&
            malls.find((m) => m.mallId === REVOKED)?.state === "reauth-required" &&
            malls.find((m) => m.mallId === HANGING)?.cluster?.holder !== null
          );
        }),
      "every mall handled once, the revoked one needing a person, the hanging one held",
    );
    const holder = holderOfHanging();
    expect(holder).toBeDefined();

    for (const [i, s] of servers.entries()) {
      const view = (await (await fetch(`${s.url}/status`)).json()) as StatusView;
      const cluster = view.cluster;
      expect(cluster?.replicaId).toBe(replicas[i]?.id);
      expect(cluster?.replicas.map((r) => r.id)).toEqual(["r1", "r2", "r3"]);
      for (const r of cluster?.replicas ?? []) {
        expect(r).toMatchObject({
          pid: process.pid,
          host: expect.any(String),
          lastSeenSecondsAgo: expect.any(Number),
        });
        expect(r.mallsHeld).toBe(r.id === holder?.id ? 1 : 0);
      }
      expect(cluster?.counts).toEqual({
        malls: MALLS,
        owned: replicas[i] === holder ? 1 : 0,
        inFlight: 1,
        overdue: 0,
        // The hanging mall in flight, and the revoked one, looked at again within the minute.
        dueSoon: 2,
        needsPerson: 1,
      });
      const byMall = new Map(view.malls.map((m) => [m.mallId, m]));
      expect(byMall.get(HANGING)?.cluster?.holder).toBe(holder?.id);
      expect(byMall.get(REVOKED)).toMatchObject({
        state: "reauth-required",
        needsReauth: true,
        reauthCommand: `cafe24-doctor token login --mall ${REVOKED}`,
        cluster: { holder: null, handledBy: expect.stringMatching(/^r[123]$/) },
      });
      for (const mallId of healthy.filter((id) => id !== REVOKED)) {
        const m = byMall.get(mallId);
        expect(m?.state, mallId).toBe("ok");
        expect(m?.cluster?.handledBy, mallId).toMatch(/^r[123]$/);
        expect(m?.cluster?.dueAt, mallId).toBe(m?.nextRefreshAt);
        // Refreshed just now by whichever replica: every replica shows the new expiry.
        expect(m?.accessTokenExpiresAt, mallId).toBe(now() + ACCESS_SEC * SECOND);
      }

      const health = await fetch(`${s.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({
        status: "reauth-required",
        malls: [
          {
            mallId: REVOKED,
            state: "reauth-required",
            reauthCommand: `cafe24-doctor token login --mall ${REVOKED}`,
          },
        ],
        cluster: { needsPerson: 1 },
      });

      const metrics = await (await fetch(`${s.url}/metrics`)).text();
      expect(metrics).toContain("cafe24_doctor_cluster_replicas 3\n");
      expect(metrics).toContain(`cafe24_doctor_cluster_malls{state="scheduled"} ${MALLS}\n`);
      expect(metrics).toContain('cafe24_doctor_cluster_malls{state="in_flight"} 1\n');
      expect(metrics).toContain('cafe24_doctor_cluster_malls{state="needs_person"} 1\n');
      expect(metrics).toContain(`cafe24_doctor_malls_owned ${replicas[i] === holder ? 1 : 0}\n`);
      expect(metrics).toContain(`cafe24_doctor_cluster_replica_malls_held{replica="${holder?.id}"} 1\n`);

      for (const lang of ["en", "ko"] as const) {
        const page = await (await fetch(`${s.url}/?lang=${lang}`)).text();
        const card = (mallId: string) =>
          new RegExp(`<section class="mall" data-mall="${mallId}"[\\s\\S]*?</section>`).exec(page)?.[0] ?? "";
        const working = lang === "en" ? "(working on it now)" : "(지금 작업 중)";
        const last = lang === "en" ? "(last)" : "(마지막 처리)";
        expect(card(HANGING)).toContain(`<dd class="replica">${holder?.id} ${working}</dd>`);
        const revokedBy = byMall.get(REVOKED)?.cluster?.handledBy;
        expect(card(REVOKED)).toContain(`<dd class="replica">${revokedBy} ${last}</dd>`);
        for (const r of replicas) expect(page).toContain(`<tr data-replica="${r.id}">`);
        expect(page).toContain(lang === "en" ? "12 malls across 3 replicas" : "레플리카 3개가 쇼핑몰 12개를");
      }
    }

    // The hanging refresh fails at last: released, nothing in flight any more, shown on every replica.
    gate.open();
    await untilCluster(
      replicas,
      async () => {
        const views = await Promise.all(
          servers.map(async (s) => (await (await fetch(`${s.url}/status`)).json()) as StatusView),
        );
        return views.every(
          (v) =>
            v.cluster?.counts.inFlight === 0 &&
            v.malls.find((m) => m.mallId === HANGING)?.state === "backoff" &&
            v.malls.find((m) => m.mallId === HANGING)?.cluster?.holder === null,
        );
      },
      "the hanging mall released in backoff",
    );
    expect(control.stats(REVOKED).invalidGrant).toBe(1);
  });
});
