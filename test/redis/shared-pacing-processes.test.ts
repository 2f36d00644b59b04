import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";
import { issueAccess, launch } from "../helpers/emulator.js";
import { redisUnavailable, startRedisServer } from "../helpers/redis-server.js";

const WORKER = fileURLToPath(new URL("../fixtures/shared-pacing-worker.mjs", import.meta.url));

interface Summary {
  ok: number;
  failed: number;
  codes: Record<string, number>;
  /** When each call ended, epoch ms, in order. */
  ended: number[];
}

interface Worker {
  ready: Promise<void>;
  summary: Promise<Summary>;
  child: ChildProcess;
}

function startWorker(env: Record<string, string>): Worker {
  const child = spawn(process.execPath, [WORKER], {
    env: { ...process.env, ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  onTestFinished(() => {
    if (child.exitCode === null) child.kill("SIGKILL");
  });
  let out = "";
  let err = "";
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    if (out.startsWith("ready\n")) markReady();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  const summary = new Promise<Summary>((resolve, reject) => {
    child.on("close", (code) => {
      const last = out.trim().split("\n").at(-1) ?? "";
      if (code === 0 && last.startsWith("{")) resolve(JSON.parse(last) as Summary);
      else reject(new Error(`worker exited ${code}: ${err || out}`));
    });
  });
  // A worker that dies before "ready" must fail the test, not leave it waiting.
  return { ready: Promise.race([ready, summary.then(() => {})]), summary, child };
}

const PROCESSES = 4;
const CALLS = 200;
/** Cafe24's rates ×10 (bucket 40, 2/s → 20/s, 8/s → 80/s), so the run takes ~40 s instead of ~7 minutes. */
const SCALE = 10;

describe.skipIf(redisUnavailable("the shared pacing process test"))(
  "processes sharing one mall's pacing",
  () => {
    it(`${PROCESSES} processes × ${CALLS} calls to one mall through the shared pacer: no 429, each served in turn`, async () => {
      const redis = await startRedisServer();
      onTestFinished(() => redis.stop());
      const emu = await launch({
        rateLimit: { capacity: 40, drainPerSec: 2 * SCALE },
        clock: { frozen: false },
      });
      const mall = emu.malls[0];
      if (!mall) throw new Error("demo mall expected");
      const env = {
        BASE_URL: emu.baseUrlTemplate,
        MALL: mall.mallId,
        TOKEN: issueAccess(emu, mall.mallId),
        CALLS: String(CALLS),
        CAPACITY: "40",
        DRAIN: String(2 * SCALE),
        MAX_PER_SEC: String(8 * SCALE),
        PACING: "redis",
        REDIS_URL: redis.url,
        REDIS_PREFIX: "shared-pacing-test:",
      };
      const workers = Array.from({ length: PROCESSES }, (_, i) =>
        startWorker({ ...env, INSTANCE: `app-${i}` }),
      );
      await Promise.all(workers.map((worker) => worker.ready));
      for (const worker of workers) worker.child.stdin?.end("go\n");
      const summaries = await Promise.all(workers.map((worker) => worker.summary));

      expect(summaries.map((s) => ({ ok: s.ok, failed: s.failed }))).toEqual(
        summaries.map(() => ({ ok: CALLS, failed: 0 })),
      );
      const { responses } = emu.control.stats(mall.mallId);
      expect(responses["429"] ?? 0).toBe(0);
      expect(responses["200"]).toBe(PROCESSES * CALLS);

      // Fair shares, judged by calls done rather than by time: when the first process is through, every
      // other has done at least 120 of its 200; and while all four run, each gets at least 15 % of the calls.
      const firstDone = Math.min(...summaries.map((s) => Math.max(...s.ended)));
      const doneBy = (s: Summary, at: number) => s.ended.filter((t) => t <= at).length;
      expect(summaries.map((s) => doneBy(s, firstDone) >= 120)).toEqual(summaries.map(() => true));
      const allRunning = Math.max(...summaries.map((s) => Math.min(...s.ended)));
      const inWindow = summaries.map((s) => doneBy(s, firstDone) - doneBy(s, allRunning));
      const total = inWindow.reduce((a, b) => a + b, 0);
      for (const count of inWindow) expect(count / total).toBeGreaterThanOrEqual(0.15);
    }, 120_000);
  },
);
