import type { ClusterView } from "./cluster/mall-coordinator.js";

/**
 * What the watch manager knows about each mall, as the status server, metrics and alerts read it. Instants
 * are epoch ms; nothing here is secret (no tokens, no client secrets).
 */
export type MallWatchState =
  /** Tokens valid; next refresh scheduled. */
  | "ok"
  | "refreshing"
  /** A refresh failed for a transient reason (5xx, network); retrying with backoff. */
  | "backoff"
  /** The refresh token is expired, rotated away or revoked: a person must authorize again. */
  | "reauth-required"
  /** No token stored for the mall yet. */
  | "no-token"
  /** The merchant deleted the app: not refreshed again until the app is installed again and a new token stored. */
  | "app-deleted"
  /** The app's Cafe24 Store term ran out: not refreshed again until it is renewed and a new token stored. */
  | "app-expired";

export interface WatchEvent {
  at: number;
  kind:
    | "refreshed"
    | "refresh-failed"
    | "reauth-required"
    | "keep-alive"
    | "diagnosis"
    | "started"
    | "alert-sent"
    | "app-removed";
  /** English, short, no secrets; the page translates `kind` and shows this as detail. */
  message: string;
}

export interface MallDiagnosis {
  at: number;
  status: "healthy" | "warnings" | "problems";
  exitCode: 0 | 1 | 2;
  rootCause: { code: string; title: string; command: string | null } | null;
}

export interface MallWatchStatus {
  mallId: string;
  state: MallWatchState;
  accessTokenExpiresAt: number | null;
  refreshTokenExpiresAt: number | null;
  lastRefreshAt: number | null;
  /** When the manager intends to refresh next (access token margin or keep-alive), if known. */
  nextRefreshAt: number | null;
  /** When a live call (`watch --verify-every`, `watch --once`) last found the token accepted; absent from fakes. */
  lastVerifiedAt?: number | null;
  consecutiveFailures: number;
  lastError: { code: string; message: string; at: number } | null;
  /** Newest first, bounded. */
  events: WatchEvent[];
  lastDiagnosis: MallDiagnosis | null;
  /** The command that fixes a reauth-required mall, e.g. "cafe24-doctor token login --mall shop1". */
  reauthCommand: string | null;
  /** With `watch` replicas: who works on the mall. */
  cluster?: MallClusterStatus;
}

export interface MallClusterStatus {
  /** The replica working on the mall right now (holding its lease); null between pieces of work. */
  holder: string | null;
  /** The replica that worked on it last. */
  handledBy: string | null;
  /** When it is next due (watchers' clock), as the cluster's schedule has it. */
  dueAt: number | null;
}

export interface WatchCounters {
  refreshes: Record<string, number>;
  refreshFailures: Record<string, number>;
  apiCalls: Record<string, number>;
  rateLimited: Record<string, number>;
}

export interface WatchSnapshot {
  instanceId: string;
  startedAt: number;
  now: number;
  malls: MallWatchStatus[];
  counters: WatchCounters;
  /** With `watch` replicas: the cluster as last read from Redis (replicas, counts). */
  cluster?: ClusterView;
}

/** Anything that can describe the watch's current state (the manager; a fake in tests). */
export interface WatchStatusSource {
  snapshot(): WatchSnapshot;
  /** Brings what snapshot() shows up to date when part of it lives elsewhere (the cluster's counts in Redis). */
  refresh?(): Promise<void>;
}
