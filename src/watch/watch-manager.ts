import { EventEmitter } from "node:events";
import { hostname } from "node:os";
import { DoctorError } from "../errors/doctor-error.js";
import {
  type Logger,
  type Now,
  type RandomSource,
  realSleep,
  type Sleep,
  silentLogger,
} from "../util/runtime.js";
import { scrubbingLogger } from "../util/scrubbing-logger.js";
import { ALERT_DEFAULTS, Alerter } from "./alerts.js";
import { forEachLimited } from "./for-each-limited.js";
import { MallWatcher, type RefreshedInfo } from "./mall-watcher.js";
import { defaultReauthCommand, oauthFor, WATCH_DEFAULTS, type WatchManagerOptions } from "./watch-options.js";
import type { MallWatchState, WatchCounters, WatchSnapshot, WatchStatusSource } from "./watch-status.js";

/** Without an explicit list, the store is listed again this often, so a newly authorized mall is picked up. */
const RELIST_MS = 60_000;
/** A full check makes API calls and takes seconds: a few at a time is plenty for a periodic check. */
const DIAGNOSE_CONCURRENCY = 4;

export interface WatchManagerEvents {
  refreshed: [RefreshedInfo];
  state: [{ mallId: string; state: MallWatchState; previous: MallWatchState }];
}

/** What one `runOnce()` pass found, for `watch --once` and cron. */
export interface WatchRunSummary {
  /** Every mall is fine: nothing failed, nothing needs a person. */
  ok: boolean;
  refreshed: string[];
  failed: string[];
  reauthRequired: string[];
  noToken: string[];
  snapshot: WatchSnapshot;
}

/**
 * `cafe24-doctor watch`: keeps every mall's tokens alive. The scheduler is hand-written on purpose: a short tick
 * re-decides everything from the clock each time, so laptop sleep, clock jumps and restarts do no harm (a
 * timer set two hours ahead would fire late or never), and each mall's work is an independent promise through
 * its TokenManager's cross-process lock. Job libraries (node-cron, bree, agenda) schedule long timers or need
 * their own store, and none knows the lock; this fits in a loop.
 */
export class WatchManager extends EventEmitter<WatchManagerEvents> implements WatchStatusSource {
  readonly instanceId: string;
  private readonly o: WatchManagerOptions;
  private readonly now: Now;
  private readonly sleep: Sleep;
  private readonly random: RandomSource;
  private readonly logger: Logger;
  private readonly alerter: Alerter | undefined;
  private readonly watchers = new Map<string, MallWatcher>();
  private readonly startedAt: number;
  private listedAt = Number.NEGATIVE_INFINITY;
  private listing: Promise<void> | undefined;
  private loop: { controller: AbortController; done: Promise<void> } | undefined;

  constructor(options: WatchManagerOptions) {
    super();
    this.o = options;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.logger = options.logger ? scrubbingLogger(options.logger) : silentLogger;
    this.instanceId = options.instanceId ?? `${hostname()}:${process.pid}`;
    this.startedAt = this.now();
    this.alerter = options.alerts
      ? new Alerter(options.alerts.sinks, {
          logger: this.logger,
          ...(options.alerts.timeoutMs === undefined ? {} : { timeoutMs: options.alerts.timeoutMs }),
        })
      : undefined;
    for (const mallId of options.malls ?? []) this.watch(mallId);
  }

  /** Starts ticking; resolves once every mall's token has been read, so the first snapshot is accurate. */
  async start(): Promise<void> {
    if (this.loop) return;
    const controller = new AbortController();
    this.loop = { controller, done: Promise.resolve() };
    await this.relist();
    await forEachLimited([...this.watchers.values()], this.maxConcurrent, (w) => w.load());
    this.loop.done = this.run(controller.signal);
    this.logger.info({ malls: this.watchers.size, tickMs: this.tickMs }, "watch started");
  }

  /**
   * Stops ticking and waits (up to stopTimeoutMs) for in-flight refreshes to finish writing: a refresh is never
   * aborted, since Cafe24 may already have rotated the token and the answer holds the only live one.
   */
  async stop(): Promise<void> {
    const loop = this.loop;
    if (!loop) return;
    loop.controller.abort();
    await loop.done;
    const work = Promise.all([...this.watchers.values()].map((w) => w.idle()));
    const limit = this.o.stopTimeoutMs ?? WATCH_DEFAULTS.stopTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      work.then(() => false),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), limit);
      }),
    ]);
    clearTimeout(timer);
    if (timedOut) this.logger.warn({ waitedMs: limit }, "stopped with refreshes still in flight");
    for (const watcher of this.watchers.values()) {
      // A token the store refused is lost with this process unless saved now; its rescue copy is named.
      await watcher
        .flush()
        .catch((error: unknown) =>
          this.logger.error(
            { mallId: watcher.mallId, code: error instanceof DoctorError ? error.code : "UNKNOWN" },
            error instanceof Error ? error.message : String(error),
          ),
        );
    }
    await this.alerter?.settled();
    this.loop = undefined;
    this.logger.info({}, "watch stopped");
  }

  /**
   * Resolves once the work in flight for these malls (default: every mall, and the store listing) has finished —
   * steps, periodic checks — and the alerts raised so far are delivered. For a caller that drives the ticks
   * itself (through `sleep`) and wants to see what one tick did.
   */
  async idle(mallIds?: readonly string[]): Promise<void> {
    if (!mallIds) await this.listing;
    const watchers = [...this.watchers.values()].filter((w) => !mallIds || mallIds.includes(w.mallId));
    await Promise.all(watchers.flatMap((w) => [w.idle(), w.check?.idle()]));
    await this.alerter?.settled();
  }

  /** One pass over every mall, awaited: read, refresh what is due, check what is due, deliver alerts. */
  async runOnce(): Promise<WatchRunSummary> {
    await this.relist();
    const watchers = [...this.watchers.values()];
    const before = new Map(watchers.map((w) => [w.mallId, w.history.counters.refreshes]));
    await forEachLimited(watchers, this.maxConcurrent, (w) => w.step());
    // The first step may only have read the token; a second does whatever that read showed to be due.
    await forEachLimited(watchers, this.maxConcurrent, (w) =>
      w.isDue(this.now()) ? w.step() : Promise.resolve(),
    );
    // Never aborted: the doctor bounds itself with its own deadline.
    const { signal } = new AbortController();
    const checks = watchers.flatMap((w) => (w.check?.isDue(this.now()) ? [w.check] : []));
    await forEachLimited(checks, DIAGNOSE_CONCURRENCY, (check) => check.run(signal));
    for (const w of watchers) w.checkExpiry(this.now());
    await this.alerter?.settled();
    const snapshot = this.snapshot();
    const having = (state: MallWatchState) =>
      snapshot.malls.filter((m) => m.state === state).map((m) => m.mallId);
    const summary = {
      refreshed: watchers
        .filter((w) => w.history.counters.refreshes > (before.get(w.mallId) ?? 0))
        .map((w) => w.mallId),
      failed: having("backoff"),
      reauthRequired: having("reauth-required"),
      noToken: having("no-token"),
    };
    return { ok: summary.failed.length + summary.reauthRequired.length === 0, ...summary, snapshot };
  }

  snapshot(): WatchSnapshot {
    const now = this.now();
    const counters: WatchCounters = { refreshes: {}, refreshFailures: {}, apiCalls: {}, rateLimited: {} };
    const malls = [...this.watchers.values()].map((w) => {
      const c = w.history.counters;
      counters.refreshes[w.mallId] = c.refreshes;
      counters.refreshFailures[w.mallId] = c.refreshFailures;
      counters.apiCalls[w.mallId] = c.apiCalls;
      counters.rateLimited[w.mallId] = c.rateLimited;
      return w.status();
    });
    return { instanceId: this.instanceId, startedAt: this.startedAt, now, malls, counters };
  }

  private get tickMs(): number {
    return this.o.tickMs ?? WATCH_DEFAULTS.tickMs;
  }

  private async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        this.tick(signal);
      } catch (error) {
        // A bug in one tick must not end the watch; the next tick decides afresh.
        this.logger.error({ reason: error instanceof Error ? error.message : String(error) }, "tick failed");
      }
      await this.sleep(this.tickMs, signal).catch(() => {});
    }
  }

  /** Decides, for every mall, whether anything is due; starts that work without waiting for it. */
  private tick(signal: AbortSignal): void {
    const now = this.now();
    if (!this.o.malls && now - this.listedAt >= RELIST_MS) void this.relist();
    const watchers = [...this.watchers.values()];
    let busy = 0;
    let diagnosing = 0;
    const due: MallWatcher[] = [];
    for (const w of watchers) {
      if (w.check?.busy) diagnosing++;
      if (w.busy) busy++;
      else if (w.isDue(now)) due.push(w);
      else w.checkExpiry(now);
    }
    const slots = (this.o.maxConcurrent ?? WATCH_DEFAULTS.maxConcurrent) - busy;
    if (due.length > slots) due.sort((a, b) => a.dueSince(now) - b.dueSince(now));
    for (const w of due.slice(0, Math.max(0, slots))) void w.step();
    for (const w of watchers) {
      if (diagnosing >= DIAGNOSE_CONCURRENCY) break;
      if (w.check?.isDue(now)) {
        diagnosing++;
        void w.check.run(signal);
      }
    }
  }

  /** Adds malls newly found in the store (never drops one: a deleted file is a "no-token" mall to show). */
  private relist(): Promise<void> {
    if (this.o.malls) return Promise.resolve();
    this.listing ??= this.o.store
      .list()
      .then((ids) => {
        for (const id of ids) if (!this.watchers.has(id)) this.watch(id);
      })
      .catch((error: unknown) => {
        this.logger.warn(
          { reason: error instanceof Error ? error.message : String(error) },
          "listing malls failed",
        );
      })
      .finally(() => {
        this.listedAt = this.now();
        this.listing = undefined;
      });
    return this.listing;
  }

  private watch(mallId: string): void {
    if (this.watchers.has(mallId)) return;
    const o = this.o;
    const alerts = o.alerts;
    const watcher = new MallWatcher({
      mallId,
      store: o.store,
      oauth: oauthFor(o.oauth, mallId),
      refreshBeforeMs:
        (o.refreshBeforeMs ?? WATCH_DEFAULTS.refreshBeforeMs) +
        this.random() * (o.jitterMs ?? WATCH_DEFAULTS.jitterMs),
      keepAliveWithinMs: o.keepAliveWithinMs ?? WATCH_DEFAULTS.keepAliveWithinMs,
      alertWithinMs: alerts?.refreshTokenWithinMs ?? ALERT_DEFAULTS.refreshTokenWithinMs,
      failuresInARow: alerts?.failuresInARow ?? ALERT_DEFAULTS.failuresInARow,
      backoff: {
        baseMs: o.backoffBaseMs ?? WATCH_DEFAULTS.backoffBaseMs,
        maxMs: o.backoffMaxMs ?? WATCH_DEFAULTS.backoffMaxMs,
      },
      checkEveryMs: o.checkEveryMs,
      diagnose: o.diagnose,
      reauthCommand: (o.reauthCommand ?? defaultReauthCommand)(mallId),
      alerter: this.alerter,
      now: this.now,
      random: this.random,
      logger: this.logger,
      onRefreshed: (info) => this.emit("refreshed", info),
      onStateChange: (info) => this.emit("state", info),
    });
    this.watchers.set(mallId, watcher);
  }

  private get maxConcurrent(): number {
    return this.o.maxConcurrent ?? WATCH_DEFAULTS.maxConcurrent;
  }
}
