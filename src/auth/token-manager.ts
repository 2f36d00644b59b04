import { EventEmitter } from "node:events";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import type { AccessTokenProvider } from "../http/access-token-provider.js";
import type { StoredToken, TokenStore } from "../store/token-store.js";
import { type Logger, type Now, silentLogger } from "../util/runtime.js";
import type { OAuthClientConfig } from "./oauth-client-config.js";
import { accessRefreshDueAt } from "./refresh-due-at.js";
import { refreshToken } from "./refresh-token.js";
import type { TokenSet } from "./token-set.js";

/** google-auth-library's figure: refresh five minutes before the access token expires. */
export const DEFAULT_REFRESH_BEFORE_MS = 5 * 60 * 1000;

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
  "refresh-failed": [{ mallId: string; code: string; message: string; reason: RefreshReason }];
  "reauth-required": [{ mallId: string; message: string }];
}

/** Why a refresh is attempted; decides whether one is still needed once the lock is held. */
export type RefreshReason = "expiring" | "rejected" | "keep-alive" | "forced";

/**
 * Keeps one mall's tokens valid without ever losing a rotated refresh token. Hand-written because no library
 * knows Cafe24's rotation: every refresh kills the old refresh token, so refreshes must be single-flight in
 * this process and serialised across processes — lock → re-read → refresh only if still needed →
 * compare-and-set → unlock — and an `invalid_grant` is only final after checking whether another process won.
 */
export class TokenManager extends EventEmitter<TokenManagerEvents> implements AccessTokenProvider {
  readonly mallId: string;
  private readonly store: TokenStore;
  private readonly refreshBeforeMs: number;
  private readonly now: Now;
  private readonly logger: Logger;
  private readonly refreshCall: (refreshToken: string, signal?: AbortSignal) => Promise<TokenSet>;
  /** octokit's pattern: one in-flight refresh per manager, cleared in `finally`. */
  private inFlight: Promise<TokenSet> | undefined;

  constructor(options: TokenManagerOptions) {
    super();
    this.mallId = options.oauth.mallId;
    this.store = options.store;
    this.refreshBeforeMs = options.refreshBeforeMs ?? DEFAULT_REFRESH_BEFORE_MS;
    this.now = options.now ?? Date.now;
    this.logger = options.logger ?? silentLogger;
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
    const stored = await this.store.get(this.mallId);
    if (!stored) {
      throw new DoctorError(
        ERROR_CODES.tokenNotFound,
        `No token for mall ${this.mallId} in ${this.store.location}. Authorize the app first (cafe24-doctor token login).`,
      );
    }
    return stored;
  }

  private refresh(reason: RefreshReason, seen: TokenSet, signal: AbortSignal | undefined): Promise<TokenSet> {
    this.inFlight ??= this.store
      .withLock(this.mallId, () => this.refreshLocked(reason, seen, signal))
      .finally(() => {
        this.inFlight = undefined;
      });
    return this.inFlight;
  }

  /** Runs with the mall's lock held: nobody else can rotate the refresh token meanwhile. */
  private async refreshLocked(
    reason: RefreshReason,
    seen: TokenSet,
    signal: AbortSignal | undefined,
  ): Promise<TokenSet> {
    const fresh = await this.read();
    if (this.alreadyDone(reason, seen, fresh.token)) return fresh.token;

    let next: TokenSet;
    try {
      next = await this.refreshCall(fresh.token.refreshToken, signal);
    } catch (error) {
      if (error instanceof DoctorError && error.code === ERROR_CODES.reauthRequired) {
        // A writer outside our lock (an older tool, a copy of the file) may have rotated it: look once more.
        const again = await this.store.get(this.mallId);
        if (again && again.token.refreshToken !== fresh.token.refreshToken) return again.token;
        this.emit("reauth-required", { mallId: this.mallId, message: error.message });
      } else {
        this.emit("refresh-failed", {
          mallId: this.mallId,
          code: error instanceof DoctorError ? error.code : "UNKNOWN",
          message: error instanceof Error ? error.message : String(error),
          reason,
        });
      }
      throw error;
    }

    const written = await this.store.compareAndSet(this.mallId, fresh.revision, next);
    if (!written.ok) {
      // Someone wrote without the lock. Cafe24 just accepted our refresh, so ours is the only live token now.
      this.logger.warn(
        { mallId: this.mallId, location: this.store.location },
        "token store changed under the lock",
      );
      const forced = await this.store.compareAndSet(this.mallId, written.current?.revision, next);
      if (!forced.ok) {
        throw new DoctorError(
          ERROR_CODES.tokenStoreIo,
          `Could not save the refreshed token to ${this.store.location}.`,
        );
      }
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

  /** Whether, seen under the lock, the refresh is no longer needed (another caller or process did it). */
  private alreadyDone(reason: RefreshReason, seen: TokenSet, fresh: TokenSet): boolean {
    if (fresh.refreshToken !== seen.refreshToken) return true;
    if (reason === "expiring") return !this.isExpiring(fresh);
    return false;
  }
}
