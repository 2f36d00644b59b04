import type { OAuthClientConfig } from "../oauth/oauth-client-config.js";
import type { TokenStore } from "../store/token-store.js";
import type { Logger, Now, RandomSource, Sleep } from "../util/runtime.js";
import type { AlertOptions } from "./alerts.js";
import type { MallCoordinator } from "./cluster/mall-coordinator.js";
import type { DiagnoseMall } from "./diagnose-mall.js";

export const WATCH_DEFAULTS = {
  tickMs: 1000,
  refreshBeforeMs: 10 * 60 * 1000,
  jitterMs: 30 * 1000,
  keepAliveWithinMs: 3 * 24 * 60 * 60 * 1000,
  backoffBaseMs: 5 * 1000,
  backoffMaxMs: 5 * 60 * 1000,
  maxConcurrent: 128,
  stopTimeoutMs: 10 * 1000,
  verifyEveryMs: 30 * 60 * 1000,
} as const;

/** Credentials per mall: one app usually serves every mall, so a base config is enough; tests give each its own. */
export type WatchOAuth = Omit<OAuthClientConfig, "mallId"> | ((mallId: string) => OAuthClientConfig);

export interface WatchManagerOptions {
  /** The store the user's apps share: every refresh goes through its lock, so `watch` and apps never collide. */
  store: TokenStore;
  oauth: WatchOAuth;
  /** Malls to keep; omitted = every mall in the store, re-listed every minute. */
  malls?: readonly string[];
  /** Tick period: each tick decides, per mall, whether anything is due. @default 1000 */
  tickMs?: number;
  /** Refresh when the access token has less than this left (capped at half its lifetime). @default 600000 (10 min) */
  refreshBeforeMs?: number;
  /** Each mall refreshes up to this much earlier, drawn once per mall, so instances do not stampede. @default 30000 */
  jitterMs?: number;
  /** Refresh an idle mall when its refresh token has less than this left (capped at half its lifetime). @default 3 days */
  keepAliveWithinMs?: number;
  /** First retry delay after a transient failure; doubles per failure, fully jittered. @default 5000 */
  backoffBaseMs?: number;
  /** @default 300000 (5 min) */
  backoffMaxMs?: number;
  /** Malls worked on at once (each refresh waits on Cafe24, a lock and an fsync, so many overlap); the rest wait for a later tick, most overdue first. @default 128 */
  maxConcurrent?: number;
  /** Run `diagnose` for each mall this often; off when omitted. */
  checkEveryMs?: number;
  diagnose?: DiagnoseMall;
  /**
   * Prove each mall's token with one cheap Admin API read (GET /store, /apps or /products/count, by scope) when
   * neither a refresh nor a verification has for this long, so a revoked mall is noticed within this time
   * (plus a tick) instead of at its next refresh. 0 turns it off. @default 1800000 (30 min)
   */
  verifyEveryMs?: number;
  /** Sent as `X-Cafe24-Api-Version` on verification calls. */
  apiVersion?: string;
  alerts?: AlertOptions;
  /** What a person runs to re-authorize a mall. @default `cafe24-doctor token login --mall <id>` */
  reauthCommand?: (mallId: string) => string;
  /** How long stop() waits for in-flight refreshes to finish writing. @default 10000 */
  stopTimeoutMs?: number;
  /** Names this manager on the status page. @default the cluster's replica id, else "<hostname>:<pid>" */
  instanceId?: string;
  /**
   * Shares the malls with other `watch` processes (replicas): `RedisWatchCluster.forStore(redisTokenStore)`.
   * Each replica then works only on the malls it claims, and its status shows the whole cluster. Omitted: this
   * manager works on every mall itself (still safe next to other processes, through the store's lock).
   */
  cluster?: MallCoordinator;
  now?: Now;
  sleep?: Sleep;
  random?: RandomSource;
  logger?: Logger;
}

export function oauthFor(oauth: WatchOAuth, mallId: string): OAuthClientConfig {
  return typeof oauth === "function" ? oauth(mallId) : { ...oauth, mallId };
}

export const defaultReauthCommand = (mallId: string): string => `cafe24-doctor token login --mall ${mallId}`;
