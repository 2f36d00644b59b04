import { EventEmitter } from "node:events";
import { hostname } from "node:os";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import {
  type Logger,
  type Now,
  type RandomSource,
  realSleep,
  type Sleep,
  silentLogger,
  unrefSleep,
} from "../util/runtime.js";
import { scrubbingLogger } from "../util/scrubbing-logger.js";
import type { AccessTokenIssuer, IssuedAccessToken, IssueOptions } from "./access-token-issuer.js";
import { ALERT_DEFAULTS, Alerter } from "./alerts.js";
import type { AppRemoval, AppRemovalSource } from "./app-removal.js";
import type { ClaimedMall, MallCoordinator, MallDue } from "./cluster/mall-coordinator.js";
import type { MallRecord } from "./cluster/mall-record.js";
import { forEachLimited } from "./for-each-limited.js";
import { MallWatcher, type RefreshedInfo } from "./mall-watcher.js";
import { defaultReauthCommand, oauthFor, WATCH_DEFAULTS, type WatchManagerOptions } from "./watch-options.js";
import type {
  MallWatchState,
  MallWatchStatus,
  WatchCounters,
  WatchSnapshot,
  WatchStatusSource,
} from "./watch-status.js";

/** Without an explicit list, the store is listed again this often, so a newly authorized mall is picked up. */
const RELIST_MS = 60_000;
/**
 * With a cluster, a new mall is picked up from the store's change notices at once; listing the whole store (one
 * command per mall) is only a safety net, and every replica would do it.
 */
const CLUSTER_RELIST_MS = 10 * 60_000;
/** A full check makes API calls and takes seconds: a few at a time is plenty for a periodic check. */
const DIAGNOSE_CONCURRENCY = 4;
/** A token-endpoint request for a mall not (yet) kept lists the store again, at most this often. */
const UNKNOWN_MALL_RELIST_MS = 5_000;
/** A replica holding a refreshed token the store refused tries to save it this often, keeping the mall meanwhile. */
const UNSAVED_RETRY_MS = 1_000;
/** /status, /metrics and /healthz read the cluster's counts from Redis at most this often… */
const CLUSTER_VIEW_MAX_AGE_MS = 1_000;
/** …and wait this long for them at most (a slow Redis must not hang a health probe): the last counts are shown. */
const CLUSTER_VIEW_WAIT_MS = 500;

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
  /** Malls that no longer have the app (deleted by the merchant or expired): no longer refreshed. */
  appRemoved: string[];
  /** Malls proved by one live call in this pass (those not refreshed), and those the call gave no verdict on. */
  verified: string[];
  unverified: string[];
  snapshot: WatchSnapshot;
}

/**
 * `cafe24-doctor watch`: keeps every mall's tokens alive. The scheduler is hand-written on purpose: a short tick
 * re-decides everything from the clock each time, so laptop sleep, clock jumps and restarts do no harm (a
 * timer set two hours ahead would fire late or never), and each mall's work is an independent promise through
 * its TokenManager's cross-process lock. Job libraries (node-cron, bree, agenda) schedule long timers or need
 * their own store, and none knows the lock; this fits in a loop.
 *
 * With `cluster` (a MallCoordinator: RedisWatchCluster), several managers — replicas — share the malls: each tick
 * claims due malls up to the free concurrency instead of looking at every mall, works on them, and hands each
 * back with its next due time and a record the next holder adopts; the status shows the whole cluster.
 */
export class WatchManager
  extends EventEmitter<WatchManagerEvents>
  implements WatchStatusSource, AccessTokenIssuer
{
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
  private readonly cluster: MallCoordinator | undefined;
  private clusterStarted = false;
  /** With a cluster: the malls this replica is working on (claimed, not yet released). */
  private readonly inFlight = new Map<string, Promise<void>>();
  private claiming: Promise<void> | undefined;
  private diagnosing = 0;

  constructor(options: WatchManagerOptions) {
    super();
    this.o = options;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.logger = options.logger ? scrubbingLogger(options.logger) : silentLogger;
    this.cluster = options.cluster;
    this.instanceId = options.instanceId ?? this.cluster?.replicaId ?? `${hostname()}:${process.pid}`;
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
    if (this.cluster) {
      await this.cluster.start(
        (lost) => this.dueTimes([...this.watchers.keys()], lost),
        (mallId) => {
          if (!this.o.malls && !this.watchers.has(mallId)) void this.addMalls([mallId]);
        },
      );
      this.clusterStarted = true;
    }
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
    await this.claiming;
    const work = Promise.all([
      ...[...this.watchers.values()].map((w) => w.idle()),
      ...this.inFlight.values(),
    ]);
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
    await this.cluster?.stop();
    this.clusterStarted = false;
    this.loop = undefined;
    this.logger.info({}, "watch stopped");
  }

  /**
   * Resolves once the work in flight for these malls (default: every mall, and the store listing) has finished —
   * steps, periodic checks — and the alerts raised so far are delivered. For a caller that drives the ticks
   * itself (through `sleep`) and wants to see what one tick did.
   */
  async idle(mallIds?: readonly string[]): Promise<void> {
    if (!mallIds) {
      await this.listing;
      await this.claiming;
    }
    const watchers = [...this.watchers.values()].filter((w) => !mallIds || mallIds.includes(w.mallId));
    await Promise.all(watchers.flatMap((w) => [w.idle(), w.check?.idle(), this.inFlight.get(w.mallId)]));
    await this.cluster?.settled();
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
    // A mall not refreshed in this pass is proved by one live call: a revoked token shows now, not at its refresh.
    const verified: string[] = [];
    const unverified: string[] = [];
    const notRefreshed = watchers.filter(
      (w) => w.history.counters.refreshes === (before.get(w.mallId) ?? 0) && !w.waitingForPerson,
    );
    await forEachLimited(notRefreshed, this.maxConcurrent, async (w) => {
      const outcome = await w.verifyNow();
      if (outcome === "accepted") verified.push(w.mallId);
      else if (outcome === "unavailable") unverified.push(w.mallId);
    });
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
      appRemoved: snapshot.malls
        .filter((m) => m.state === "app-deleted" || m.state === "app-expired")
        .map((m) => m.mallId),
      verified: watchers.map((w) => w.mallId).filter((id) => verified.includes(id)),
      unverified: watchers.map((w) => w.mallId).filter((id) => unverified.includes(id)),
    };
    // Anything a person must act on (no token, revoked, a failing refresh or call) fails the pass, as /healthz would.
    const ok =
      summary.failed.length +
        summary.reauthRequired.length +
        summary.noToken.length +
        summary.appRemoved.length ===
      0;
    return { ok, ...summary, snapshot };
  }

  /**
   * Whether this manager keeps the mall. Without an explicit list or a cluster, a mall not kept yet may have been
   * authorized since the last listing: the store is listed again first (at most every few seconds).
   */
  async watches(mallId: string): Promise<boolean> {
    if (this.watchers.has(mallId)) return true;
    // A cluster hears of a new mall from the store's change notices at once: listing would add nothing.
    if (this.o.malls || this.cluster || this.now() - this.listedAt < UNKNOWN_MALL_RELIST_MS) return false;
    await this.relist();
    return this.watchers.has(mallId);
  }

  /**
   * An access token of the mall with at least `minLifeMs` left, refreshed first through the mall's TokenManager
   * when needed (single-flight here, under the store's lock across processes): for apps that must never
   * refresh themselves (the status server's token endpoint). Throws AccessTokenUnavailable when none can be
   * had now, INVALID_OPTIONS for a mall this manager does not keep.
   */
  async accessTokenFor(mallId: string, options: IssueOptions): Promise<IssuedAccessToken> {
    return this.issuingWatcher(mallId).issueAccessToken(options);
  }

  /** After Cafe24 refused `rejectedAccessToken`: a fresh token if it is still the current one, else the current. */
  async replaceRejectedToken(
    mallId: string,
    rejectedAccessToken: string,
    options: IssueOptions,
  ): Promise<IssuedAccessToken> {
    return this.issuingWatcher(mallId).replaceRejectedToken(rejectedAccessToken, options);
  }

  /** With replicas, the cluster's app-removed mark is taken in first: a removed mall gets no call to Cafe24. */
  private issuingWatcher(mallId: string): MallWatcher {
    const watcher = this.watcherOf(mallId);
    if (this.cluster) this.applyRemovalMark(this.cluster, watcher);
    return watcher;
  }

  private watcherOf(mallId: string): MallWatcher {
    const watcher = this.watchers.get(mallId);
    if (!watcher) throw new DoctorError(ERROR_CODES.invalidOptions, `watch does not keep mall ${mallId}.`);
    return watcher;
  }

  /**
   * Cafe24 said (a verified webhook) that the mall no longer has the app: it is no longer refreshed nor verified
   * until a new token is stored, and one alert is sent. False for a mall this manager does not keep. With
   * replicas, it becomes the cluster's mark at once: whichever replica takes the mall next applies it without
   * calling Cafe24 (and sends the one alert). Redis unreachable: this replica applies it when it next works on
   * the mall.
   */
  async appRemoved(mallId: string, removal: AppRemoval, source: AppRemovalSource): Promise<boolean> {
    const watcher = this.watchers.get(mallId);
    if (!watcher) return false;
    if (!this.cluster) {
      await watcher.appRemoved(removal, source);
      return true;
    }
    try {
      const stored = await this.o.store.get(mallId).catch(() => undefined);
      await this.cluster.markRemoved({
        mallId,
        removal,
        source,
        revision: stored?.revision ?? null,
        by: this.cluster.replicaId,
        at: this.now(),
      });
    } catch (error) {
      this.logger.warn(
        { mallId, reason: error instanceof Error ? error.message : String(error) },
        "could not tell the watch cluster that the app is gone; applied when this replica next works on the mall",
      );
      watcher.removalReported(removal, source);
    }
    return true;
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
      return this.cluster ? this.clusterStatus(this.cluster, w) : w.status();
    });
    const cluster = this.cluster?.lastView();
    return {
      instanceId: this.instanceId,
      startedAt: this.startedAt,
      now,
      malls,
      counters,
      ...(cluster ? { cluster: structuredClone(cluster) } : {}),
    };
  }

  /** Reads the cluster's counts again when older than a second (status routes call it before snapshot()). */
  async refresh(): Promise<void> {
    if (!this.cluster || !this.clusterStarted) return;
    const read = this.cluster.view(this.now(), CLUSTER_VIEW_MAX_AGE_MS).catch((error: unknown) => {
      this.logger.warn(
        { reason: error instanceof Error ? error.message : String(error) },
        "reading the watch cluster failed",
      );
    });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      read,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, CLUSTER_VIEW_WAIT_MS);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
  }

  /**
   * A mall as the cluster knows it: this replica's own view while it works on the mall, otherwise the record
   * of whichever replica worked on it last (events, diagnosis and counters stay this replica's own).
   */
  private clusterStatus(cluster: MallCoordinator, w: MallWatcher): MallWatchStatus {
    const status = w.status();
    const record = cluster.recordOf(w.mallId);
    const base = record && !this.inFlight.has(w.mallId) ? withRecord(status, record) : status;
    return {
      ...base,
      cluster: {
        holder: cluster.holderOf(w.mallId) ?? null,
        handledBy: record?.by ?? null,
        dueAt: record?.dueAt ?? null,
      },
    };
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
    const relistMs = this.cluster ? CLUSTER_RELIST_MS : RELIST_MS;
    if (!this.o.malls && now - this.listedAt >= relistMs) void this.relist();
    if (this.cluster) {
      this.claim(this.cluster, now, signal);
      return;
    }
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

  /**
   * With a cluster, a tick claims up to the free concurrency among the malls due at `now` (or left by a replica
   * that stopped renewing) — one script call, whatever the number of malls — and starts working on them.
   */
  private claim(cluster: MallCoordinator, now: number, signal: AbortSignal): void {
    const limit = this.maxConcurrent - this.inFlight.size;
    if (this.claiming || limit <= 0 || !this.clusterStarted) return;
    this.claiming = cluster
      .claim(now, limit)
      .then((claims) => {
        for (const claim of claims) this.take(cluster, claim, signal);
      })
      .catch((error: unknown) => {
        this.logger.warn(
          { reason: error instanceof Error ? error.message : String(error) },
          "claiming malls failed",
        );
      })
      .finally(() => {
        this.claiming = undefined;
      });
  }

  private take(cluster: MallCoordinator, claim: ClaimedMall, signal: AbortSignal): void {
    // Still being worked on here (its lease had run out, and the claim renewed it): nothing new to start.
    if (this.inFlight.has(claim.mallId)) return;
    // Scheduled by another replica: this one had not listed it yet.
    if (!this.watchers.has(claim.mallId)) this.watch(claim.mallId);
    const watcher = this.watchers.get(claim.mallId);
    if (!watcher) return;
    watcher.adopt(claim.record);
    const work = this.work(cluster, watcher, signal)
      .catch((error: unknown) => {
        this.logger.error({ mallId: claim.mallId, reason: String(error).slice(0, 200) }, "watch work failed");
      })
      .finally(() => {
        this.inFlight.delete(claim.mallId);
      });
    this.inFlight.set(claim.mallId, work);
  }

  /** One claimed mall: its step, a due periodic check, the expiry alert, then the release (whatever happened). */
  private async work(cluster: MallCoordinator, w: MallWatcher, signal: AbortSignal): Promise<void> {
    try {
      this.applyRemovalMark(cluster, w);
      await w.step();
      // A refreshed token the store refused is the only live one: the mall stays held (its lease renewed) until
      // it is saved, so that no other replica refreshes with the token it replaced.
      while (w.hasUnsavedToken && !signal.aborted) {
        await unrefSleep(UNSAVED_RETRY_MS, signal).catch(() => {});
        await w.flush().catch(() => {});
      }
      const check = w.check;
      if (check?.isDue(this.now())) {
        if (this.diagnosing < DIAGNOSE_CONCURRENCY) {
          this.diagnosing++;
          await check.run(signal).finally(() => {
            this.diagnosing--;
          });
        } else {
          // Checks run a few at a time: a mall whose check must wait is spread over the next period.
          check.adopt(this.now() + this.random() * (this.o.checkEveryMs ?? 0));
        }
      }
      w.checkExpiry(this.now());
      await this.shareRemoval(cluster, w);
    } finally {
      // Stopping with a refreshed token still unsaved: the mall is not handed on (its lease runs out instead).
      if (!w.hasUnsavedToken) {
        const now = this.now();
        cluster.release({
          mallId: w.mallId,
          dueAt: w.nextWorkAt(now),
          record: w.record(cluster.replicaId, now),
          needsPerson: w.waitingForPerson,
        });
      }
    }
  }

  /** The cluster's mark (read with the claim, or heard since): the step applies it before any call to Cafe24. */
  private applyRemovalMark(cluster: MallCoordinator, w: MallWatcher): void {
    const mark = cluster.removalOf(w.mallId);
    if (!mark) return;
    const current = w.removedMark;
    if (current?.removal === mark.removal && current.revision === mark.revision) return;
    w.removalReported(mark.removal, mark.source, mark.revision);
  }

  /**
   * A removal this replica learnt from a refusal becomes the cluster's mark; a mark whose revision was replaced
   * (the merchant consented again) ends, so every replica refreshes the mall again.
   */
  private async shareRemoval(cluster: MallCoordinator, w: MallWatcher): Promise<void> {
    const mark = cluster.removalOf(w.mallId);
    const removed = w.removedMark;
    const revision = w.storedRevision;
    try {
      if (removed && !mark) {
        await cluster.markRemoved({
          mallId: w.mallId,
          ...removed,
          by: cluster.replicaId,
          at: this.now(),
        });
      } else if (mark && !removed && revision !== undefined && revision !== mark.revision) {
        await cluster.clearRemoved(w.mallId, mark.revision);
      }
    } catch (error) {
      // The record released with the mall still says it; the next holder shares it again.
      this.logger.warn(
        { mallId: w.mallId, reason: error instanceof Error ? error.message : String(error) },
        "could not update the watch cluster's app-removed mark",
      );
    }
  }

  /**
   * With a cluster: malls new to this replica are watched and read, then scheduled unless the cluster has them
   * — and with `all`, every listed mall is scheduled again that way (a listing repairs a schedule that lost one).
   */
  private async addMalls(mallIds: readonly string[], { all = false } = {}): Promise<void> {
    const cluster = this.cluster;
    const added = mallIds.filter((id) => !this.watchers.has(id));
    for (const id of added) this.watch(id);
    if (!cluster) return;
    await forEachLimited(
      added,
      this.maxConcurrent,
      (id) => this.watchers.get(id)?.load() ?? Promise.resolve(),
    );
    const scheduled = all ? mallIds : added;
    if (scheduled.length === 0) return;
    await cluster.register(this.dueTimes(scheduled, false)).catch((error: unknown) => {
      this.logger.warn(
        { malls: scheduled.length, reason: error instanceof Error ? error.message : String(error) },
        "scheduling malls failed; the next listing tries again",
      );
    });
  }

  /** When each mall next needs work, for the cluster's schedule; after the cluster lost its data, all at once. */
  private dueTimes(mallIds: readonly string[], allNow: boolean): MallDue[] {
    const now = this.now();
    return mallIds.flatMap((mallId) => {
      const w = this.watchers.get(mallId);
      return w ? [{ mallId, dueAt: allNow ? now : w.nextWorkAt(now) }] : [];
    });
  }

  /** Adds malls newly found in the store (never drops one: a deleted file is a "no-token" mall to show). */
  private relist(): Promise<void> {
    if (this.o.malls) return Promise.resolve();
    this.listing ??= this.o.store
      .list()
      .then(async (ids) => {
        if (this.cluster && this.clusterStarted) await this.addMalls(ids, { all: true });
        else for (const id of ids) this.watch(id);
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
      verifyEveryMs: o.verifyEveryMs ?? WATCH_DEFAULTS.verifyEveryMs,
      apiVersion: o.apiVersion,
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

/** A mall's status with the fields another replica recorded when it last worked on the mall. */
function withRecord(status: MallWatchStatus, record: MallRecord): MallWatchStatus {
  return {
    ...status,
    state: record.state,
    accessTokenExpiresAt: record.accessTokenExpiresAt,
    refreshTokenExpiresAt: record.refreshTokenExpiresAt,
    lastRefreshAt: record.lastRefreshAt,
    nextRefreshAt: record.nextRefreshAt,
    consecutiveFailures: record.consecutiveFailures,
    lastError: record.lastError,
    ...(record.verifiedAt !== undefined ? { lastVerifiedAt: record.verifiedAt } : {}),
    reauthCommand: record.reauthCommand,
  };
}
