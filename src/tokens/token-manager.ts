import { EventEmitter } from "node:events";
import type { TokenSet } from "../cafe24/token-set.js";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import { clientCredentialSecrets } from "../oauth/client-credential-secrets.js";
import type { OAuthClientConfig } from "../oauth/oauth-client-config.js";
import { refreshToken } from "../oauth/refresh-token.js";
import { rescueCopy } from "../store/token-rescue.js";
import type { StoredToken, TokenStore } from "../store/token-store.js";
import { critical } from "../util/critical-work.js";
import { type Logger, type Now, type Sleep, silentLogger, unrefSleep } from "../util/runtime.js";
import { scrubSecrets } from "../util/scrub-secrets.js";
import { untilAborted } from "../util/until-aborted.js";
import type { AccessTokenProvider } from "./access-token-provider.js";
import { accessRefreshDueAt } from "./refresh-due-at.js";
import { tokenNotSaved, type UnsavedToken } from "./unsaved-token.js";

/** google-auth-library's figure: refresh five minutes before the access token expires. */
export const DEFAULT_REFRESH_BEFORE_MS = 5 * 60 * 1000;
/** One refresh POST, however many callers wait on it; long, since giving up may cost the rotated token. */
export const DEFAULT_REFRESH_TIMEOUT_MS = 60_000;
/** Saves of a token the store refused are retried this often (1 s doubling to 60 s: about 8 minutes). */
export const DEFAULT_SAVE_RETRIES = 10;

export interface TokenManagerOptions {
  store: TokenStore;
  /** Credentials and where the mall's API lives; `oauth.mallId` names the mall this manager keeps. */
  oauth: OAuthClientConfig;
  /** Refresh when less than this is left on the access token (capped at half its lifetime). */
  refreshBeforeMs?: number;
  now?: Now;
  logger?: Logger;
  /** The refresh call itself; defaults to Cafe24's refresh_token grant. Injected by tests and benchmarks. */
  refresh?: (refreshToken: string, signal?: AbortSignal) => Promise<TokenSet>;
  /**
   * Bounds one refresh (the POST to Cafe24). No caller's signal ever cancels a refresh: once Cafe24 has rotated
   * the refresh token, the answer in flight holds the only live one. @default 60000
   */
  refreshTimeoutMs?: number;
  /** Attempts to save a refreshed token the store refused, before only flush() tries again. @default 10 */
  saveRetries?: number;
  /** Waits between those attempts. @default a timer that does not keep the process alive */
  sleep?: Sleep;
}

export interface TokenLife {
  expiresAt: number | null;
  /** Milliseconds left (negative once expired); null when the store does not know the expiry. */
  remainingMs: number | null;
  expired: boolean;
}

export interface TokenStatus {
  mallId: string;
  location: string;
  accessToken: TokenLife;
  refreshToken: TokenLife;
  scopes: string[];
  receivedAt: number | null;
}

export interface TokenManagerEvents {
  refreshed: [
    {
      mallId: string;
      accessTokenExpiresAt: number;
      refreshTokenExpiresAt: number | null;
      reason: RefreshReason;
    },
  ];
  /**
   * A refresh failed, or succeeded but the store refused the new token (`code` TOKEN_STORE_IO and the like;
   * the token is then kept in memory and served, saves are retried, and `rescuedTo` names the rescue copy).
   */
  "refresh-failed": [
    {
      mallId: string;
      code: string;
      message: string;
      reason: RefreshReason;
      /** "refresh": Cafe24 or the network failed it; "save": it succeeded but the store refused the token. */
      stage: "refresh" | "save";
      rescuedTo?: string | undefined;
    },
  ];
  "reauth-required": [{ mallId: string; message: string }];
  /** A refreshed token the store had refused is saved at last. */
  saved: [{ mallId: string; attempts: number }];
  /** A newer token left outside the store by an interrupted write (`from`) was adopted instead of lost. */
  recovered: [{ mallId: string; from: string }];
}

/** Why a refresh is attempted; decides whether one is still needed once the lock is held. */
export type RefreshReason = "expiring" | "rejected" | "keep-alive" | "forced";

/**
 * Keeps one mall's tokens valid without ever losing a rotated refresh token. Hand-written because no library
 * knows Cafe24's rotation: every refresh kills the old refresh token, so refreshes must be single-flight in
 * this process and serialised across processes — lock → re-read → refresh only if still needed →
 * compare-and-set → unlock — and an `invalid_grant` is only final after checking whether another process won.
 *
 * Between Cafe24's answer and the durable write nothing may drop the new token: the refresh runs detached from
 * every caller (a caller's signal only stops that caller's wait), and a token the store refuses is kept in
 * memory, served, rescued to a file and saved again with backoff.
 */
export class TokenManager extends EventEmitter<TokenManagerEvents> implements AccessTokenProvider {
  readonly mallId: string;
  private readonly store: TokenStore;
  private readonly refreshBeforeMs: number;
  private readonly refreshTimeoutMs: number;
  private readonly saveRetries: number;
  private readonly now: Now;
  private readonly sleep: Sleep;
  private readonly logger: Logger;
  private readonly refreshCall: (refreshToken: string, signal?: AbortSignal) => Promise<TokenSet>;
  private readonly clientSecrets: string[];
  /** octokit's pattern: one in-flight refresh per manager, cleared in `finally`. */
  private inFlight: Promise<TokenSet> | undefined;
  /** A refreshed token the store refused: the only live one until a save succeeds. */
  private unsaved: UnsavedToken | undefined;
  private saving: Promise<void> | undefined;

  constructor(options: TokenManagerOptions) {
    super();
    this.mallId = options.oauth.mallId;
    this.store = options.store;
    this.refreshBeforeMs = options.refreshBeforeMs ?? DEFAULT_REFRESH_BEFORE_MS;
    this.refreshTimeoutMs = options.refreshTimeoutMs ?? DEFAULT_REFRESH_TIMEOUT_MS;
    this.saveRetries = options.saveRetries ?? DEFAULT_SAVE_RETRIES;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? unrefSleep;
    this.logger = options.logger ?? silentLogger;
    this.clientSecrets = clientCredentialSecrets(options.oauth.clientId, options.oauth.clientSecret);
    this.refreshCall =
      options.refresh ?? ((token, signal) => refreshToken(options.oauth, token, signal ? { signal } : {}));
  }

  /** A valid access token, refreshed first when it is about to expire. */
  async getAccessToken(options: { signal?: AbortSignal } = {}): Promise<string> {
    const current = await this.read();
    if (!this.isExpiring(current.token)) return current.token.accessToken;
    return (await this.refresh("expiring", current.token, options.signal)).accessToken;
  }

  async handleUnauthorized(rejected: string, options: { signal?: AbortSignal } = {}): Promise<string> {
    const current = await this.read();
    // Someone else refreshed: take theirs, unless it is itself about to be rotated away by the next refresher.
    if (current.token.accessToken !== rejected) {
      if (!this.isExpiring(current.token)) return current.token.accessToken;
      return (await this.refresh("expiring", current.token, options.signal)).accessToken;
    }
    const next = await this.refresh("rejected", current.token, options.signal);
    if (next.accessToken === rejected) {
      throw new DoctorError(
        ERROR_CODES.unauthorized,
        `Cafe24 rejects the access token of mall ${this.mallId}.`,
      );
    }
    return next.accessToken;
  }

  /** Refreshes now (under the lock), whatever the expiry; for `token refresh`. */
  async forceRefresh(options: { signal?: AbortSignal } = {}): Promise<TokenSet> {
    return this.refresh("forced", (await this.read()).token, options.signal);
  }

  /**
   * Keep-alive for idle malls: refreshes when the refresh token has less than `withinMs` left, so a mall that
   * makes no calls for two weeks does not lose its authorization. Returns whether it refreshed.
   */
  async keepAlive(withinMs: number, options: { signal?: AbortSignal } = {}): Promise<boolean> {
    const current = await this.read();
    const expiresAt = current.token.refreshTokenExpiresAt;
    if (expiresAt === null || expiresAt - this.now() > withinMs) return false;
    await this.refresh("keep-alive", current.token, options.signal);
    return true;
  }

  /**
   * Resolves once every refreshed token is durably in the store; otherwise tries one more save and throws
   * TOKEN_NOT_SAVED naming the rescue copy and the command that restores it. Call it before a process exits
   * (a refresh still in flight is not waited for: `criticalWorkSettled()` does that).
   */
  async flush(): Promise<void> {
    if (!this.unsaved) return;
    await this.trySave();
    if (this.unsaved) throw tokenNotSaved(this.mallId, this.store.location, this.unsaved);
  }

  /** The token as this manager serves it: the store's, or a refreshed one the store has not taken yet. */
  async current(): Promise<StoredToken | undefined> {
    const unsaved = this.unsaved;
    let stored: StoredToken | undefined;
    try {
      stored = await this.store.get(this.mallId);
    } catch (error) {
      if (unsaved) return { token: unsaved.token, revision: unsaved.basedOn ?? "", receivedAt: null };
      throw error;
    }
    if (!unsaved) return stored;
    // The store moved on without us (our save went through, or a person authorized again): theirs stands.
    if (stored?.revision !== unsaved.basedOn) {
      if (this.unsaved === unsaved) this.unsaved = undefined;
      return stored;
    }
    return { token: unsaved.token, revision: stored?.revision ?? "", receivedAt: null };
  }

  /** The store error that keeps a refreshed token in memory only, with its rescue copy; undefined when saved. */
  get unsavedToken(): Readonly<Pick<UnsavedToken, "error" | "rescuedTo" | "attempts">> | undefined {
    return this.unsaved;
  }

  async status(): Promise<TokenStatus> {
    const { token, receivedAt } = await this.read();
    return {
      mallId: this.mallId,
      location: this.store.location,
      accessToken: this.life(token.accessTokenExpiresAt),
      refreshToken: this.life(token.refreshTokenExpiresAt),
      scopes: [...token.scopes],
      receivedAt,
    };
  }

  private life(expiresAt: number | null): TokenLife {
    if (expiresAt === null) return { expiresAt: null, remainingMs: null, expired: false };
    const remainingMs = expiresAt - this.now();
    return { expiresAt, remainingMs, expired: remainingMs <= 0 };
  }

  private isExpiring(token: TokenSet): boolean {
    return this.now() >= accessRefreshDueAt(token, this.refreshBeforeMs);
  }

  private async read(): Promise<StoredToken> {
    const stored = await this.current();
    if (!stored) {
      throw new DoctorError(
        ERROR_CODES.tokenNotFound,
        `No token for mall ${this.mallId} in ${this.store.location}. Authorize the app first (cafe24-doctor token login).`,
      );
    }
    return stored;
  }

  /** Joins (or starts) the detached refresh; the caller's signal ends only the caller's wait. */
  private refresh(reason: RefreshReason, seen: TokenSet, signal: AbortSignal | undefined): Promise<TokenSet> {
    this.inFlight ??= this.store
      .withLock(this.mallId, () => this.refreshLocked(reason, seen))
      .finally(() => {
        this.inFlight = undefined;
      });
    return untilAborted(this.inFlight, signal);
  }

  /** Runs with the mall's lock held: nobody else can rotate the refresh token meanwhile. */
  private async refreshLocked(reason: RefreshReason, seen: TokenSet): Promise<TokenSet> {
    await this.recover();
    const fresh = await this.read();
    if (this.alreadyDone(reason, seen, fresh.token)) return fresh.token;

    return critical(() => this.refreshAndSave(reason, fresh));
  }

  /** From the POST to the durable write: critical work, which a process exiting on a signal waits for. */
  private async refreshAndSave(reason: RefreshReason, fresh: StoredToken): Promise<TokenSet> {
    let next: TokenSet;
    const timeout = AbortSignal.timeout(this.refreshTimeoutMs);
    try {
      next = await this.refreshCall(fresh.token.refreshToken, timeout).catch((error: unknown) => {
        if (!timeout.aborted || (error instanceof DoctorError && error.code !== ERROR_CODES.aborted))
          throw error;
        throw new DoctorError(
          ERROR_CODES.timeout,
          `Cafe24 did not answer the refresh of mall ${this.mallId} within ${this.refreshTimeoutMs} ms (refreshTimeoutMs). The stored token is unchanged and is tried again on the next call (if the request reached Cafe24 before the timeout, Cafe24 may have rotated it).`,
          { cause: error },
        );
      });
    } catch (error) {
      if (error instanceof DoctorError && error.code === ERROR_CODES.reauthRequired) {
        // A writer outside our lock (an older tool, a copy of the file) may have rotated it, or a crashed
        // writer left the live token in a temp file: look once more.
        const recovered = await this.recover();
        if (recovered && recovered.token.refreshToken !== fresh.token.refreshToken) return recovered.token;
        const again = await this.store.get(this.mallId);
        if (again && again.token.refreshToken !== fresh.token.refreshToken) return again.token;
        this.emit("reauth-required", {
          mallId: this.mallId,
          message: this.scrub(error.message, fresh.token),
        });
      } else {
        this.emit("refresh-failed", {
          mallId: this.mallId,
          code: error instanceof DoctorError ? error.code : "UNKNOWN",
          message: this.scrub(error instanceof Error ? error.message : String(error), fresh.token),
          reason,
          stage: "refresh",
        });
      }
      throw error;
    }

    // From here on `next` holds the only live refresh token: it is saved, or kept and rescued, never dropped.
    try {
      const saved = await this.write(this.revisionBehind(fresh), next);
      this.unsaved = undefined;
      if (saved !== next) return saved;
    } catch (error) {
      await this.keepUnsaved(next, this.revisionBehind(fresh), error, reason);
      return next;
    }
    this.logger.info(
      { mallId: this.mallId, reason, accessTokenExpiresAt: next.accessTokenExpiresAt },
      "refreshed the access token",
    );
    this.emit("refreshed", {
      mallId: this.mallId,
      accessTokenExpiresAt: next.accessTokenExpiresAt,
      refreshTokenExpiresAt: next.refreshTokenExpiresAt,
      reason,
    });
    return next;
  }

  /** The store revision a write replaces: for a token the store never took, the one it was meant to replace. */
  private revisionBehind(seen: StoredToken): string | undefined {
    return this.unsaved && seen.token === this.unsaved.token ? this.unsaved.basedOn : seen.revision;
  }

  /** Saves `next`; answers the token that now stands (a newer one when this process was fenced out). */
  private async write(expected: string | undefined, next: TokenSet): Promise<TokenSet> {
    const written = await this.store.compareAndSet(this.mallId, expected, next);
    if (written.ok) return next;
    if (written.fenced && written.current) return this.yieldToNewer(next, written.current);
    // Someone wrote without the lock. Cafe24 just accepted our refresh, so ours is the only live token now.
    this.logger.warn(
      { mallId: this.mallId, location: this.store.location },
      "token store changed under the lock",
    );
    const forced = await this.store.compareAndSet(this.mallId, written.current?.revision, next);
    if (forced.ok) return next;
    if (forced.fenced && forced.current) return this.yieldToNewer(next, forced.current);
    throw new DoctorError(
      ERROR_CODES.tokenStoreIo,
      `Could not save the refreshed token to ${this.store.location}: it changed twice under the lock.`,
    );
  }

  /**
   * This process stalled past its lock's lease (GC pause, SIGSTOP) and a later holder has saved since: the
   * stored token stands (fencing). Ours is set aside in a rescue copy rather than dropped.
   */
  private async yieldToNewer(ours: TokenSet, stored: StoredToken): Promise<TokenSet> {
    const rescuedTo = await rescueCopy(this.store, ours, this.now());
    this.logger.warn(
      { mallId: this.mallId, location: this.store.location, rescuedTo: rescuedTo ?? null },
      "a later lock holder saved a newer token while this process was stalled: keeping the stored token",
    );
    return stored.token;
  }

  private async keepUnsaved(
    token: TokenSet,
    basedOn: string | undefined,
    error: unknown,
    reason: RefreshReason,
  ): Promise<void> {
    const cause =
      error instanceof DoctorError
        ? error
        : new DoctorError(ERROR_CODES.tokenStoreIo, String(error).slice(0, 200), { cause: error });
    const rescuedTo = await rescueCopy(this.store, token, this.now());
    this.unsaved = { token, basedOn, error: cause, rescuedTo, attempts: 1 };
    const message = tokenNotSaved(this.mallId, this.store.location, this.unsaved).message;
    this.logger.error({ mallId: this.mallId, code: cause.code, rescuedTo: rescuedTo ?? null }, message);
    this.emit("refresh-failed", {
      mallId: this.mallId,
      code: cause.code,
      message,
      reason,
      stage: "save",
      rescuedTo,
    });
    this.saving ??= this.retrySaves().finally(() => {
      this.saving = undefined;
    });
  }

  /** Bounded: 1 s doubling to 60 s between attempts, `saveRetries` of them; flush() can always try again. */
  private async retrySaves(): Promise<void> {
    for (let attempt = 0; attempt < this.saveRetries && this.unsaved; attempt++) {
      await this.sleep(Math.min(60_000, 1000 * 2 ** attempt));
      await this.trySave();
    }
  }

  private async trySave(): Promise<void> {
    try {
      await critical(() => this.saveUnsaved());
    } catch (error) {
      this.logger.warn(
        { mallId: this.mallId, code: error instanceof DoctorError ? error.code : "UNKNOWN" },
        "saving the refreshed token failed again",
      );
    }
  }

  private saveUnsaved(): Promise<void> {
    return this.store.withLock(this.mallId, async () => {
      const unsaved = this.unsaved;
      if (!unsaved) return;
      unsaved.attempts += 1;
      const stored = await this.store.get(this.mallId);
      if (stored?.revision !== unsaved.basedOn) {
        // Written after all (the failure came after the rename), or replaced by a new authorization.
        if (this.unsaved === unsaved) this.unsaved = undefined;
        return;
      }
      await this.write(unsaved.basedOn, unsaved.token);
      if (this.unsaved === unsaved) this.unsaved = undefined;
      this.logger.info({ mallId: this.mallId, attempts: unsaved.attempts }, "saved the refreshed token");
      this.emit("saved", { mallId: this.mallId, attempts: unsaved.attempts });
    });
  }

  /** Asks the store for a token an interrupted write left behind (under the lock), and says so. */
  private async recover(): Promise<StoredToken | undefined> {
    const found = await this.store.recover?.(this.mallId).catch((error: unknown) => {
      this.logger.warn(
        { mallId: this.mallId, code: error instanceof DoctorError ? error.code : "UNKNOWN" },
        "could not look for an interrupted write",
      );
      return undefined;
    });
    if (!found) return undefined;
    this.logger.warn(
      { mallId: this.mallId, from: found.from },
      "adopted a newer token left by an interrupted write",
    );
    this.emit("recovered", { mallId: this.mallId, from: found.from });
    return found.stored;
  }

  /** Event text leaves the library (logs, /status, alerts): nothing of the app's or the mall's secrets in it. */
  private scrub(text: string, token: TokenSet): string {
    return scrubSecrets(text, [...this.clientSecrets, token.refreshToken, token.accessToken], {
      maxLength: 500,
    });
  }

  /** Whether, seen under the lock, the refresh is no longer needed (another caller or process did it). */
  private alreadyDone(reason: RefreshReason, seen: TokenSet, fresh: TokenSet): boolean {
    if (fresh.refreshToken !== seen.refreshToken) return true;
    if (reason === "expiring") return !this.isExpiring(fresh);
    return false;
  }
}
