import { fileURLToPath } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";
import { RedisTokenStore } from "../../src/redis/redis-token-store.js";
import { launch, SECOND, secretOf } from "../helpers/emulator.js";
import { type LineProcess, startLineProcess } from "../helpers/line-process.js";
import { redisUnavailable, useRedisServer } from "../helpers/redis-server.js";
import {
  authorizeAll,
  CLIENT_ID,
  clusterEmulatorOptions,
  freshPrefix,
  inspector,
  notLive,
} from "./cluster-setup.js";

const RUNNER = fileURLToPath(new URL("../fixtures/watch-cluster-runner.mjs", import.meta.url));
const MALLS = 90;
const ACCESS_SEC = 12;
const LEASE_MS = 1_000;
/** The replica to kill: it sends this many refreshes, then every further one hangs, holding its mall. */
const STALL_AFTER = 10;

interface Refresh {
  replica: string;
  mallId: string;
  dueAt: number;
  at: number;
}

interface Runner extends LineProcess {
  id: string;
}

function startRunner(id: string, env: Record<string, string>): Runner {
  return { id, ...startLineProcess(RUNNER, { ...env, REPLICA_ID: id }, `replica ${id}`) };
}

const refreshesOf = (runner: Runner): Refresh[] =>
  runner.lines.flatMap((line) => {
    const [w, mallId = "", dueAt, at] = line.split(" ");
    return w === "W" ? [{ replica: runner.id, mallId, dueAt: Number(dueAt), at: Number(at) }] : [];
  });

describe.skipIf(redisUnavailable("the watch replica crash test"))(
  "a watch replica killed with SIGKILL",
  () => {
    const server = useRedisServer();

    it("leaves the malls it was working on to the others, which refresh them before they expire: no refresh twice, no invalid_grant", {
      // Real processes on a real clock: each start alone can take seconds on a busy machine.
      timeout: 90_000,
    }, async () => {
      const running = await launch({
        ...clusterEmulatorOptions(MALLS, { accessSec: ACCESS_SEC }),
        clock: { frozen: false, start: Date.now() },
      });
      const { control } = running;
      const mallIds = running.malls.map((m) => m.mallId);
      const prefix = freshPrefix();
      const seed = new RedisTokenStore({ url: server.url, clientId: CLIENT_ID, prefix, cacheMaxAgeMs: 0 });
      onTestFinished(() => seed.close());
      await authorizeAll(running, seed, mallIds);
      const env = {
        REDIS_URL: server.url,
        PREFIX: prefix,
        CLIENT_ID,
        LEASE_MS: String(LEASE_MS),
        TICK_MS: "50",
        MAX_CONCURRENT: "6",
        BASE_URL: running.baseUrlTemplate,
        CREDENTIALS: JSON.stringify(
          Object.fromEntries(
            running.malls.map((m) => [m.mallId, { clientId: m.clientId, clientSecret: secretOf(m) }]),
          ),
        ),
      };
      const [r1, r2, r3] = [
        startRunner("r1", env),
        startRunner("r2", { ...env, STALL_AFTER: String(STALL_AFTER) }),
        startRunner("r3", env),
      ];
      if (!r1 || !r2 || !r3) throw new Error("no runners");
      await Promise.all([r1, r2, r3].map((r) => r.printed((lines) => lines.includes("READY"), "it started")));

      // r2 has written every refresh it sent and now hangs in the ones it holds: killed in the middle of its work.
      await r2.printed(
        (lines) => lines.includes("STALLED") && refreshesOf(r2).length === STALL_AFTER,
        "its refreshes written, then a stalled one",
      );
      const look = await inspector(server.url, prefix);
      const heldBy = async (replica: string) =>
        Object.entries(await look.redis.hgetall(look.keys.watch("holders")))
          .filter(([, holder]) => holder === replica)
          .map(([mallId]) => mallId);
      r2.child.kill("SIGKILL");
      await r2.exited;
      const killedAt = control.now();
      const orphans = await heldBy("r2");
      expect(orphans.length).toBeGreaterThan(0);

      // Every mall goes on being refreshed: each orphan by a survivor, and every mall once more after the kill.
      const survivors = [r1, r3];
      const afterKill = () => survivors.flatMap(refreshesOf).filter((r) => r.dueAt > killedAt);
      const caughtUp = () =>
        orphans.every((m) => survivors.flatMap(refreshesOf).some((r) => r.mallId === m && r.at > killedAt)) &&
        new Set(afterKill().map((r) => r.mallId)).size === MALLS;
      await new Promise<void>((resolve, reject) => {
        const pending = survivors.map((r) => r.printed(caughtUp, "every mall refreshed after the kill"));
        Promise.race(pending).then(resolve, reject);
      });
      for (const r of survivors) r.child.kill("SIGTERM");
      await Promise.all(survivors.map((r) => r.exited));

      const refreshes = [r1, r2, r3].flatMap(refreshesOf);
      // Before expiry: written within half the access token's life after it became due (the rest of its life).
      expect(refreshes.filter((r) => r.at - r.dueAt >= (ACCESS_SEC * SECOND) / 2)).toEqual([]);
      // Once per expiry: Cafe24 granted exactly the refreshes the replicas wrote, none refused.
      const wrong = mallIds.filter(
        (m) => control.stats(m).grants.refresh_token !== refreshes.filter((r) => r.mallId === m).length,
      );
      expect(wrong).toEqual([]);
      expect(mallIds.reduce((n, m) => n + control.stats(m).invalidGrant, 0)).toBe(0);
      expect(await heldBy("r2")).toEqual([]);
      expect(await notLive(running, seed, mallIds)).toEqual([]);
    });
  },
);
