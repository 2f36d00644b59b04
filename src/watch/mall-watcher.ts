import type { TokenSet } from "../cafe24/token-set.js";
import { DoctorError, ERROR_CODES, type ErrorCode } from "../errors/doctor-error.js";
import { Cafe24Client } from "../http/cafe24-client.js";
import { Cafe24HttpError } from "../http/cafe24-http-error.js";
import type { OAuthClientConfig } from "../oauth/oauth-client-config.js";
import type { StoredToken, TokenStore } from "../store/token-store.js";
import { accessRefreshDueAt } from "../tokens/refresh-due-at.js";
import { type RefreshReason, TokenManager } from "../tokens/token-manager.js";
import type { Logger, Now, RandomSource } from "../util/runtime.js";
import { untilAborted } from "../util/until-aborted.js";
import {
  AccessTokenUnavailable,
  type IssuedAccessToken,
  type IssueOptions,
  type IssueOutcome,
} from "./access-token-issuer.js";
import type { Alerter } from "./alerts.js";
import {
  type AppRemoval,
  type AppRemovalSource,
  appRemovalIn,
  appRemovalMessage,
  appRemovedState,
  isAppRemovedState,
} from "./app-removal.js";
import { type BackoffPolicy, backoffDelay } from "./backoff.js";
import type { MallRecord } from "./cluster/mall-record.js";
import { countingFetch } from "./counting-fetch.js";
import type { DiagnoseMall } from "./diagnose-mall.js";
import { MallAlerts } from "./mall-alerts.js";
import { MallHistory } from "./mall-history.js";
import { PeriodicCheck } from "./periodic-check.js";
import { keepAliveWindow, type RefreshSchedule, refreshSchedule } from "./refresh-schedule.js";
import type { MallWatchState, MallWatchStatus } from "./watch-status.js";

/** A healthy mall's view of its token is re-read this often, to notice refreshes by apps sharing the store. */
const REREAD_MS = 30_000;
/**
 * Between `watch` replicas, a mall waiting for a person is looked at again this often (a new token is also
 * noticed at once through the store's change notifications); alone, the manager re-reads it every tick.
 */
export const PERSON_RECHECK_MS = 60_000;
/** The soonest a mall is scheduled again after work on it, so that nothing can spin on one mall. */
const MIN_RESCHEDULE_MS = 1_000;
/** Cheap reads that prove a token, best first; the first the token's scopes allow is used (as `token status --verify`). */
const PROBES: readonly { scope: string; path: string }[] = [
  { scope: "mall.read_store", path: "/store" },
  { scope: "mall.read_application", path: "/apps" },
  { scope: "mall.read_product", path: "/products/count" },
];
/** Answers Cafe24 gives only after accepting the token (the endpoint or the scope quibbled): the token is fine. */
const ACCEPTED_ERRORS = new Set([400, 403, 404, 409, 422]);

export interface MallWatcherSettings {
  mallId: string;
  store: TokenStore;
  oauth: OAuthClientConfig;
  /** Access-token margin including this mall's jitter. */
  refreshBeforeMs: number;
  keepAliveWithinMs: number;
  alertWithinMs: number;
  failuresInARow: number;
  backoff: BackoffPolicy;
  checkEveryMs: number | undefined;
  diagnose: DiagnoseMall | undefined;
  /** Prove the token with one live call when nothing else (a refresh, a verification) has for this long; off when undefined. */
  verifyEveryMs: number | undefined;
  /** Sent as `X-Cafe24-Api-Version` on the verification call. */
  apiVersion?: string | undefined;
  reauthCommand: string;
  alerter: Alerter | undefined;
  now: Now;
  random: RandomSource;
  logger: Logger;
  onRefreshed: (info: RefreshedInfo) => void;
  onStateChange: (info: { mallId: string; state: MallWatchState; previous: MallWatchState }) => void;
}

export interface RefreshedInfo {
  mallId: string;
  reason: "expiring" | "keep-alive";
  /** When the refresh became due, and when its result was written to the store (epoch ms). */
  dueAt: number;
  at: number;
}

type Action = "refresh" | "keep-alive" | "verify";

/** What one live verification said: the token works, Cafe24 refused it for good, or no verdict (network, 5xx, 429). */
export type VerifyOutcome = "accepted" | "reauth-required" | "app-removed" | "unavailable";

/**
 * One mall under watch: decides synchronously whether anything is due (so a tick over many malls is cheap),
 * and does the work asynchronously, one piece at a time, through its own TokenManager on the shared store —
 * lock, re-read, refresh only if still needed — so it is safe next to apps using the library.
 */
export class MallWatcher {
  readonly mallId: string;
  readonly history = new MallHistory();
  private readonly tokens: TokenManager;
  private readonly alerts: MallAlerts;
  private state: MallWatchState = "no-token";
  private schedule: RefreshSchedule | undefined;
  private revision: string | undefined;
  private readAt = Number.NEGATIVE_INFINITY;
  private retryAt = 0;
  /** The stored revision whose refresh token Cafe24 refused; any other revision is a new authorization. */
  private deadRevision: string | undefined;
  private dueAt = 0;
  private work: Promise<void> | undefined;
  /** The token endpoint's refresh in flight, and the access token it replaces (callers past it share it). */
  private issueRefresh: { seen: string; done: Promise<TokenSet> } | undefined;
  /** The last state written to the log: "refreshing" comes and goes too often to log. */
  private loggedState: MallWatchState | undefined;
  /** When Cafe24 last proved the mall's tokens (a refresh or a live call); the first read starts the count. */
  private provenAt: number | undefined;
  /** When a live verification call last found the token accepted. */
  private verifiedAt: number | null = null;
  private scopes: readonly string[] = [];
  /** With replicas: a removal (the cluster's mark, or a webhook Redis could not share), applied at the next step. */
  private reportedRemoval:
    | { removal: AppRemoval; source: AppRemovalSource; revision?: string | null | undefined }
    | undefined;
  /** How the removal this mall is in now was learnt (shared with the other replicas as a mark). */
  private removedAs: { removal: AppRemoval; source: AppRemovalSource } | undefined;
  private readonly client: Cafe24Client;

  constructor(private readonly s: MallWatcherSettings) {
    this.mallId = s.mallId;
    this.alerts = new MallAlerts(s.mallId, s.alerter, this.history, s.now, s.reauthCommand);
    this.check =
      s.diagnose && s.checkEveryMs !== undefined
        ? new PeriodicCheck(s.mallId, s.diagnose, s.checkEveryMs, this.history, s.now)
        : undefined;
    const oauth = {
      ...s.oauth,
      fetch: countingFetch(s.oauth.fetch, (status) => this.history.countCall(status)),
    };
    this.tokens = new TokenManager({
      store: s.store,
      oauth,
      refreshBeforeMs: s.refreshBeforeMs,
      now: s.now,
      logger: s.logger,
    });
    this.client = new Cafe24Client({
      mallId: s.mallId,
      tokens: this.tokens,
      allowInsecureLoopback: s.oauth.allowInsecureLoopback ?? false,
      ...(s.oauth.baseUrl ? { baseUrl: s.oauth.baseUrl } : {}),
      ...(s.apiVersion ? { apiVersion: s.apiVersion } : {}),
      fetch: oauth.fetch,
      now: s.now,
      logger: s.logger,
      // Exactly one call: a refresh only when the token is due or Cafe24 answers 401 (which is the question).
      retry: { maxRetries: 0, maxRateLimitWaits: 0, refreshOn401: true },
      timeoutMs: 15_000,
    });
    this.tokens.on("refreshed", (event) => this.refreshed(event.reason));
    // Refreshed, but the store refused the token: the manager serves and re-saves it; a person should know.
    this.tokens.on("refresh-failed", (event) => {
      if (event.stage !== "save") return;
      this.history.failed(this.s.now(), event.code, event.message);
      this.history.record(this.s.now(), "refresh-failed", event.message);
    });
    this.tokens.on("saved", () => {
      this.history.clearFailures();
      this.history.record(this.s.now(), "refreshed", "The refreshed token is saved at last.");
    });
    this.tokens.on("recovered", (event) =>
      this.history.record(
        this.s.now(),
        "refreshed",
        `Adopted the newer token an interrupted write left in ${event.from}.`,
      ),
    );
  }

  /** Resolves once a refreshed token the store refused is saved; throws TOKEN_NOT_SAVED otherwise. */
  flush(): Promise<void> {
    return this.tokens.flush();
  }

  get busy(): boolean {
    return this.work !== undefined;
  }

  /** The periodic full check, when `checkEveryMs` and `diagnose` are set. */
  readonly check: PeriodicCheck | undefined;

  /** Whether `step()` has anything to do at `now`. */
  isDue(now: number): boolean {
    return this.needsRead(now) || this.due(now) !== undefined;
  }

  /** Sort key: when the work became due, so the most overdue mall goes first when the concurrency limit bites. */
  dueSince(now: number): number {
    return this.due(now)?.at ?? now;
  }

  /** Reads the store if needed, then refreshes or keeps alive if due. One step in flight at a time. */
  step(): Promise<void> {
    return this.track(() => this.runStep());
  }

  /** Only reads the store: what start() awaits, so a hanging refresh cannot hold up the start. */
  load(): Promise<void> {
    return this.track(() => this.read());
  }

  private track(work: () => Promise<void>): Promise<void> {
    this.work ??= work()
      .catch((error: unknown) => {
        // Failures are handled inside; this is a bug (or a throwing listener), which must not end the watch.
        this.s.logger.error(
          { mallId: this.mallId, reason: String(error).slice(0, 200) },
          "watch step failed",
        );
      })
      .finally(() => {
        this.work = undefined;
      });
    return this.work;
  }

  /** Resolves when the current step (a refresh being written, say) has finished. */
  idle(): Promise<void> {
    return this.work ?? Promise.resolve();
  }

  /** Raises the "refresh token expiring" alert when it is due and nothing is being done about it right now. */
  checkExpiry(now: number): void {
    const schedule = this.schedule;
    if (this.busy || !schedule || schedule.alertDueAt === null || now < schedule.alertDueAt) return;
    if (this.waitingForPerson) return;
    this.alerts.expiring(schedule.refreshTokenExpiresAt ?? now);
  }

  status(): MallWatchStatus {
    const schedule = this.schedule;
    const waiting = !schedule || this.waitingForPerson;
    const next = waiting
      ? null
      : Math.max(
          this.retryAt,
          Math.min(schedule.accessDueAt, schedule.keepAliveDueAt ?? Number.POSITIVE_INFINITY),
        );
    return {
      mallId: this.mallId,
      state: this.state,
      accessTokenExpiresAt: schedule?.accessTokenExpiresAt ?? null,
      refreshTokenExpiresAt: schedule?.refreshTokenExpiresAt ?? null,
      nextRefreshAt: next,
      lastVerifiedAt: this.verifiedAt,
      reauthCommand: this.needsConsent ? this.s.reauthCommand : null,
      ...this.history.status(),
    };
  }

  /** A refreshed token the store has refused so far: kept in memory and saved again, the only live copy. */
  get hasUnsavedToken(): boolean {
    return this.tokens.unsavedToken !== undefined;
  }

  get waitingForPerson(): boolean {
    return this.state === "reauth-required" || this.state === "no-token" || isAppRemovedState(this.state);
  }

  /** Only a new consent (a new token stored) ends the wait: the command that gets one is shown. */
  private get needsConsent(): boolean {
    return this.state === "reauth-required" || isAppRemovedState(this.state);
  }

  /**
   * When this mall next needs work (a refresh, a keep-alive, the expiry alert, the periodic check, a retry, or
   * a look at a mall waiting for a person): its score in a `watch` cluster's schedule.
   */
  nextWorkAt(now: number): number {
    const schedule = this.schedule;
    const soonest = now + MIN_RESCHEDULE_MS;
    if (this.waitingForPerson) return now + PERSON_RECHECK_MS;
    if (!schedule) return Math.max(soonest, this.retryAt);
    let at = Math.max(
      this.retryAt,
      Math.min(schedule.accessDueAt, schedule.keepAliveDueAt ?? Number.POSITIVE_INFINITY),
    );
    // The expiry alert is checked after each piece of work; once sent (or with no alert sink) it needs no wake-up.
    if (schedule.alertDueAt !== null && schedule.alertDueAt > now && this.alerts.canAlert)
      at = Math.min(at, schedule.alertDueAt);
    if (this.check) at = Math.min(at, this.check.dueAt);
    const verifyAt = this.verifyDueAt;
    if (verifyAt !== undefined) at = Math.min(at, Math.max(this.retryAt, verifyAt));
    return Math.max(soonest, at);
  }

  /** What the next holder of the mall needs to go on where this replica stopped, and what status pages show. */
  record(by: string, now: number): MallRecord {
    const status = this.status();
    return {
      mallId: this.mallId,
      state: status.state === "refreshing" ? "ok" : status.state,
      accessTokenExpiresAt: status.accessTokenExpiresAt,
      refreshTokenExpiresAt: status.refreshTokenExpiresAt,
      lastRefreshAt: status.lastRefreshAt,
      nextRefreshAt: status.nextRefreshAt,
      dueAt: this.nextWorkAt(now),
      consecutiveFailures: status.consecutiveFailures,
      lastError: status.lastError,
      retryAt: this.retryAt,
      deadRevision: this.deadRevision ?? null,
      alerts: this.alerts.open(),
      checkAt: this.check ? this.check.dueAt : null,
      provenAt: this.provenAt ?? null,
      verifiedAt: this.verifiedAt,
      reauthCommand: status.reauthCommand,
      by,
      at: now,
    };
  }

  /**
   * Takes the mall over from the replica that worked on it last (undefined: nobody has, or Redis lost the
   * record). The token is read again before anything is decided: whoever held the mall may have refreshed it.
   */
  adopt(record: MallRecord | undefined): void {
    this.readAt = Number.NEGATIVE_INFINITY;
    if (!record) return;
    this.deadRevision = record.deadRevision ?? undefined;
    this.retryAt = record.retryAt;
    this.history.adopt(record);
    this.alerts.adopt(record.alerts);
    if (record.checkAt !== null) this.check?.adopt(record.checkAt);
    // Proven by another replica recently: not verified again before the period is over.
    if (typeof record.provenAt === "number") this.provenAt = Math.max(this.provenAt ?? 0, record.provenAt);
    if (typeof record.verifiedAt === "number") this.verifiedAt = record.verifiedAt;
    // Taken over silently: the change happened on another replica, which reported it.
    this.state = record.state;
    this.loggedState = record.state;
  }

  /** Re-read every tick while waiting for a person (a new token ends the wait); otherwise now and then. */
  private needsRead(now: number): boolean {
    if (this.waitingForPerson) return true;
    if (now < this.retryAt) return false;
    return !this.schedule || now - this.readAt >= REREAD_MS;
  }

  private due(now: number): { action: Action; at: number } | undefined {
    const schedule = this.schedule;
    if (!schedule || this.waitingForPerson) return undefined;
    if (now < this.retryAt) return undefined;
    if (now >= schedule.accessDueAt)
      return { action: "refresh", at: Math.max(schedule.accessDueAt, this.retryAt) };
    const keepAlive = schedule.keepAliveDueAt;
    if (keepAlive !== null && now >= keepAlive)
      return { action: "keep-alive", at: Math.max(keepAlive, this.retryAt) };
    const verifyAt = this.verifyDueAt;
    if (verifyAt !== undefined && now >= verifyAt)
      return { action: "verify", at: Math.max(verifyAt, this.retryAt) };
    return undefined;
  }

  /** When the next live verification is due (`verifyEveryMs` after the last proof), if verification is on. */
  private get verifyDueAt(): number | undefined {
    const every = this.s.verifyEveryMs;
    if (every === undefined || every <= 0 || this.provenAt === undefined || this.waitingForPerson)
      return undefined;
    return this.provenAt + every;
  }

  /**
   * Proves the mall's tokens with one cheap Admin API read through its TokenManager (refreshing only when the
   * access token is due, or when Cafe24 answers 401 — a revoked token then ends as reauth-required). For
   * `watch --once` on a mall it did not refresh. Nothing is done for a mall waiting for a person.
   */
  verifyNow(): Promise<VerifyOutcome | undefined> {
    let outcome: VerifyOutcome | undefined;
    return this.track(async () => {
      if (this.needsRead(this.s.now())) await this.read();
      if (!this.schedule || this.waitingForPerson) return;
      outcome = await this.verify();
    }).then(() => outcome);
  }

  /**
   * For watch's token endpoint: the current access token, refreshed first (single-flight in this process, under
   * the store's lock across processes) when it has less than `minLifeMs` left. At most one refresh per call: a
   * token Cafe24 issues shorter-lived than that is handed out as it is.
   */
  async issueAccessToken(options: IssueOptions): Promise<IssuedAccessToken> {
    const current = await this.tokenToIssue();
    if (!this.shortOfLife(current.token, options.minLifeMs)) return this.issued(current.token, "served");
    return this.issued(await this.refreshToIssue(current.token.accessToken, options.signal), "refreshed");
  }

  /**
   * For watch's token endpoint: `rejected` is an access token Cafe24 just refused. Still the current one: it is
   * replaced by one refresh (every caller reporting it waits for the same one). An older one: the current token
   * is the answer, refreshed first only when it is itself short of `minLifeMs`.
   */
  async replaceRejectedToken(rejected: string, options: IssueOptions): Promise<IssuedAccessToken> {
    const current = await this.tokenToIssue();
    if (current.token.accessToken !== rejected) {
      if (!this.shortOfLife(current.token, options.minLifeMs))
        return this.issued(current.token, "current-after-rejected");
      return this.issued(await this.refreshToIssue(current.token.accessToken, options.signal), "refreshed");
    }
    return this.issued(await this.refreshToIssue(rejected, options.signal), "replaced-rejected");
  }

  private shortOfLife(token: TokenSet, minLifeMs: number): boolean {
    // The rule TokenManager and the schedule apply: a margin capped at half the token's lifetime.
    return this.s.now() >= accessRefreshDueAt(token, minLifeMs);
  }

  private issued(token: TokenSet, outcome: IssueOutcome): IssuedAccessToken {
    return {
      mallId: this.mallId,
      accessToken: token.accessToken,
      expiresAt: token.accessTokenExpiresAt,
      scopes: [...token.scopes],
      outcome,
    };
  }

  /** The token as the manager serves it, or why none can be handed out (nothing stored, refused for good). */
  private async tokenToIssue(): Promise<StoredToken> {
    let stored: StoredToken | undefined;
    try {
      stored = await this.tokens.current();
    } catch (error) {
      throw this.unavailable(error);
    }
    const command = this.s.reauthCommand;
    if (!stored)
      throw new AccessTokenUnavailable(
        ERROR_CODES.tokenNotFound,
        `No token is stored for mall ${this.mallId}.`,
        {
          mallId: this.mallId,
          reauthCommand: command,
        },
      );
    // Refused for good, and nobody has authorized again since: asking Cafe24 again would only repeat the refusal.
    // A removal heard of (a webhook, another replica's mark) but not yet applied counts too, unless a token was
    // stored since the revision it declared dead.
    const reported = this.reportedRemoval;
    const reportedLive =
      reported !== undefined &&
      (reported.revision === undefined || (reported.revision ?? undefined) === stored.revision);
    if ((isAppRemovedState(this.state) && stored.revision === this.deadRevision) || reportedLive)
      throw new AccessTokenUnavailable(
        ERROR_CODES.reauthRequired,
        `The app is no longer installed on mall ${this.mallId}; the merchant must install it and consent again.`,
        { mallId: this.mallId, reauthCommand: command },
      );
    if (this.state === "reauth-required" && stored.revision === this.deadRevision)
      throw new AccessTokenUnavailable(
        ERROR_CODES.reauthRequired,
        `Cafe24 refused the refresh token of mall ${this.mallId}; a person must authorize again.`,
        { mallId: this.mallId, reauthCommand: command },
      );
    return stored;
  }

  /**
   * Refreshes past `seen` through the TokenManager: when another caller or process already replaced it, that
   * token is taken without a refresh. Callers asking past the same token share one attempt, so a failure is
   * counted (and backed off, and alerted) once however many were waiting. While a failure's backoff runs,
   * nothing is sent: the caller is told when to ask again.
   */
  private async refreshToIssue(seen: string, signal: AbortSignal | undefined): Promise<TokenSet> {
    if (this.s.now() < this.retryAt)
      throw new AccessTokenUnavailable(
        (this.history.latestError?.code as ErrorCode | undefined) ?? ERROR_CODES.serverError,
        `Refreshing mall ${this.mallId}'s token failed; retrying after the backoff.`,
        { mallId: this.mallId, retryAt: this.retryAt },
      );
    let attempt = this.issueRefresh;
    if (attempt?.seen !== seen) {
      const entry: { seen: string; done: Promise<TokenSet> } = {
        seen,
        done: this.refreshPast(seen).finally(() => {
          if (this.issueRefresh === entry) this.issueRefresh = undefined;
        }),
      };
      this.issueRefresh = entry;
      attempt = entry;
    }
    return untilAborted(attempt.done, signal);
  }

  private async refreshPast(seen: string): Promise<TokenSet> {
    // The step running now shares this refresh (the same TokenManager) and reports its outcome itself.
    const stepRunning = this.busy;
    if (!stepRunning) this.dueAt = this.s.now();
    try {
      await this.tokens.handleUnauthorized(seen);
    } catch (error) {
      if (!stepRunning && !this.busy) await this.failed(error);
      throw this.unavailable(error);
    }
    const after = await this.tokenToIssue();
    if (!this.waitingForPerson && this.state === "backoff" && !this.busy) {
      this.recovered();
      this.setState("ok");
    }
    return after.token;
  }

  private unavailable(error: unknown): AccessTokenUnavailable {
    if (error instanceof AccessTokenUnavailable) return error;
    const code = error instanceof DoctorError ? error.code : ERROR_CODES.serverError;
    const message = error instanceof Error ? error.message : String(error);
    if (code === ERROR_CODES.reauthRequired || code === ERROR_CODES.tokenNotFound)
      return new AccessTokenUnavailable(code, message, {
        mallId: this.mallId,
        reauthCommand: this.s.reauthCommand,
        cause: error,
      });
    // Transient: ask again when the backoff ends (or in a second, when nothing set one).
    const retryAt = Math.max(this.retryAt, this.s.now() + 1_000);
    return new AccessTokenUnavailable(code, message, { mallId: this.mallId, retryAt, cause: error });
  }

  private async verify(): Promise<VerifyOutcome> {
    const scopes = this.scopes;
    const path = (PROBES.find((p) => scopes.includes(p.scope)) ?? { path: "/store" }).path;
    try {
      await this.client.get(path);
    } catch (error) {
      // A 403 normally proves the token (a scope quibble), but not the one that says the app is gone.
      const accepted = error instanceof Cafe24HttpError && ACCEPTED_ERRORS.has(error.status ?? 0);
      if (!accepted || appRemovalIn(error)) {
        await this.failed(error, "verify");
        if (isAppRemovedState(this.state)) return "app-removed";
        return this.waitingForPerson ? "reauth-required" : "unavailable";
      }
    }
    const now = this.s.now();
    this.provenAt = now;
    this.verifiedAt = now;
    this.recovered();
    if (this.state === "backoff") this.setState("ok");
    return "accepted";
  }

  private async runStep(): Promise<void> {
    const reported = this.reportedRemoval;
    if (reported) {
      this.reportedRemoval = undefined;
      // A mark names the revision it declared dead: a token stored since is a new consent, and the mark is stale.
      const stale =
        reported.revision !== undefined &&
        (await this.s.store.get(this.mallId).catch(() => undefined))?.revision !==
          (reported.revision ?? undefined);
      if (!stale) {
        // Adopted already removed (another replica was refused first): the alert is not sent again.
        await this.markRemoved(reported.removal, reported.source);
        return;
      }
    }
    if (this.needsRead(this.s.now())) await this.read();
    const due = this.due(this.s.now());
    if (!due || !this.schedule) return;
    if (due.action === "verify") {
      await this.verify();
      return;
    }
    this.dueAt = due.at;
    this.setState("refreshing");
    try {
      if (due.action === "refresh") await this.tokens.getAccessToken();
      else await this.tokens.keepAlive(keepAliveWindow(this.schedule));
      // Refreshed, or found that another process already had: either way the mall is fine — unless the
      // store refused the new token, which stays reported until it is saved.
      if (!this.tokens.unsavedToken) this.recovered();
    } catch (error) {
      await this.failed(error);
    }
    if (this.state === "refreshing") this.setState("ok");
    await this.read();
  }

  /** Takes in what the store holds now; a changed revision after "reauth-required" is a new authorization. */
  private async read(): Promise<void> {
    let stored: Awaited<ReturnType<TokenStore["get"]>>;
    try {
      // Through the manager: a refreshed token the store refused is the live one, not the store's.
      stored = await this.tokens.current();
    } catch (error) {
      if (error instanceof DoctorError && error.code === ERROR_CODES.tokenNotFound) this.lost(error);
      else await this.failed(error);
      return;
    }
    this.readAt = this.s.now();
    if (!stored) {
      this.schedule = undefined;
      this.setState("no-token");
      return;
    }
    this.revision = stored.revision;
    this.schedule = refreshSchedule(stored.token, this.s);
    this.scopes = stored.token.scopes;
    this.provenAt ??= this.s.now();
    const dead = this.state === "reauth-required" || isAppRemovedState(this.state);
    if (dead && stored.revision === this.deadRevision) return;
    if (this.waitingForPerson) {
      this.history.record(this.s.now(), "started", "A token is stored; watching it.");
      this.recovered();
      this.alerts.resolve("reauth-required", "app-deleted", "app-expired");
      this.setState("ok");
    }
  }

  /**
   * The store says it lost a token it held (a store answers "nothing stored" with undefined; it throws
   * TOKEN_NOT_FOUND only for a token it knows it had — Redis restarted without persistence or evicted it): the
   * last refresh token is gone with it, so a person must authorize again. Never shown as a plain "no token".
   */
  private lost(error: DoctorError): void {
    const now = this.s.now();
    this.readAt = now;
    this.schedule = undefined;
    this.deadRevision = undefined;
    if (this.state !== "reauth-required" || this.history.latestError?.code !== error.code) {
      this.history.failed(now, error.code, error.message);
      this.history.record(now, "reauth-required", error.message);
      this.s.logger.error({ mallId: this.mallId, code: error.code }, error.message);
    }
    this.setState("reauth-required");
    this.alerts.lost(this.history.latestError?.message ?? error.code);
  }

  private refreshed(reason: RefreshReason): void {
    const at = this.s.now();
    const kind = reason === "keep-alive" ? "keep-alive" : "refreshed";
    this.provenAt = at;
    this.history.refreshed(at, kind);
    this.alerts.resolve("refresh-token-expiring");
    this.s.onRefreshed({
      mallId: this.mallId,
      reason: kind === "keep-alive" ? kind : "expiring",
      dueAt: this.dueAt,
      at,
    });
  }

  private recovered(): void {
    this.retryAt = 0;
    this.history.clearFailures();
    this.alerts.resolve("refresh-failures");
  }

  private async failed(error: unknown, during: AppRemovalSource = "refresh"): Promise<void> {
    const now = this.s.now();
    const code = error instanceof DoctorError ? error.code : "UNKNOWN";
    const message = error instanceof Error ? error.message : String(error);
    const removal = appRemovalIn(error);
    if (removal) {
      this.history.failed(now, code, message);
      await this.markRemoved(removal, during);
      return;
    }
    if (code === ERROR_CODES.tokenNotFound) {
      // The token went away under the manager: read again, which tells a deleted one (no-token) from one the
      // store lost (reauth-required).
      this.schedule = undefined;
      await this.read();
      return;
    }
    const failures = this.history.failed(now, code, message);
    if (code === ERROR_CODES.reauthRequired) {
      // TokenManager has already checked that no other writer rotated the token: what is stored now is dead.
      this.deadRevision =
        (await this.s.store.get(this.mallId).catch(() => undefined))?.revision ?? this.revision;
      this.history.record(
        now,
        "reauth-required",
        "Cafe24 refused the refresh token; a person must authorize again.",
      );
      this.setState("reauth-required");
      this.alerts.reauthRequired(code);
      return;
    }
    const delay = backoffDelay(failures, this.s.backoff, this.s.random);
    this.retryAt = now + delay;
    this.history.record(now, "refresh-failed", `${code}; retrying in ${Math.round(delay / 1000)} s.`);
    this.s.logger.warn(
      { mallId: this.mallId, code, failures, retryInMs: Math.round(delay) },
      "refresh failed",
    );
    this.setState("backoff");
    if (failures >= this.s.failuresInARow) this.alerts.failing(failures, code);
  }

  /** With replicas: remembers the removal until this replica holds the mall (see `WatchManager.appRemoved`). */
  removalReported(removal: AppRemoval, source: AppRemovalSource, revision?: string | null): void {
    this.reportedRemoval = { removal, source, revision };
  }

  /** The removal this mall is in and the revision it declared dead (undefined: not removed): a cluster's mark. */
  get removedMark(): { removal: AppRemoval; source: AppRemovalSource; revision: string | null } | undefined {
    if (!isAppRemovedState(this.state)) return undefined;
    const removal = this.state === "app-deleted" ? "deleted" : "expired";
    return { removal, source: this.removedAs?.source ?? "refresh", revision: this.deadRevision ?? null };
  }

  /** The revision of the token last read from the store (undefined: none read yet, or none stored). */
  get storedRevision(): string | undefined {
    return this.schedule ? this.revision : undefined;
  }

  /**
   * Cafe24 (its webhook, checked by the caller) says the app is gone from the mall: stops refreshing and
   * verifying it at once, until a new token is stored. A step in flight is let finish first (it ends with a
   * read of the store), so the revision declared dead is the one stored now.
   */
  async appRemoved(removal: AppRemoval, source: AppRemovalSource): Promise<void> {
    for (let i = 0; i < 10 && this.work; i++) await this.work;
    await this.markRemoved(removal, source);
  }

  private async markRemoved(removal: AppRemoval, source: AppRemovalSource): Promise<void> {
    const state = appRemovedState(removal);
    // The stored token belongs to the removed installation: only another revision (a new consent) ends the wait.
    this.deadRevision =
      (await this.s.store.get(this.mallId).catch(() => undefined))?.revision ?? this.revision;
    this.retryAt = 0;
    this.removedAs = { removal, source };
    if (this.state !== state) {
      const message = appRemovalMessage(this.mallId, removal, source);
      this.history.record(this.s.now(), "app-removed", message);
      this.s.logger.error({ mallId: this.mallId, state, source }, message);
    }
    this.setState(state);
    this.alerts.resolve("refresh-failures", "refresh-token-expiring", "reauth-required");
    this.alerts.appRemoved(removal, source);
  }

  private setState(state: MallWatchState): void {
    const previous = this.state;
    if (previous === state) return;
    this.state = state;
    if (state !== "refreshing" && state !== this.loggedState) {
      this.s.logger.info({ mallId: this.mallId, state, previous: this.loggedState ?? null }, "mall state");
      this.loggedState = state;
    }
    this.s.onStateChange({ mallId: this.mallId, state, previous });
  }
}
