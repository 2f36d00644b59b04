import { formatKstIso } from "../../cafe24/kst.js";
import { scrubSecrets } from "../../util/scrub-secrets.js";
import type { ClusterView } from "../cluster/mall-coordinator.js";
import type { MallWatchState, MallWatchStatus, WatchCounters, WatchSnapshot } from "../watch-status.js";

/**
 * States in which the manager cannot help itself: only a person authorizing the app fixes them (after the
 * merchant installed or renewed it, for a removed app).
 */
const NEEDS_PERSON: ReadonlySet<MallWatchState> = new Set([
  "reauth-required",
  "no-token",
  "app-deleted",
  "app-expired",
]);

export const needsPerson = (mall: Pick<MallWatchStatus, "state">): boolean => NEEDS_PERSON.has(mall.state);

/** Whole seconds left until an instant (negative once past), or null when the instant is unknown. */
export function secondsUntil(at: number | null, now: number): number | null {
  return at === null ? null : Math.floor((at - now) / 1000);
}

export interface MallStatusView extends MallWatchStatus {
  accessTokenExpiresInSeconds: number | null;
  refreshTokenExpiresInSeconds: number | null;
  needsReauth: boolean;
}

export interface StatusView {
  instanceId: string;
  startedAt: number;
  /** The server's clock when it answered: the page measures its own clock's skew against this. */
  now: number;
  malls: MallStatusView[];
  counters: WatchCounters;
  /** With `watch` replicas: the cluster's replicas and counts, as this replica last read them from Redis. */
  cluster?: ClusterStatusView;
}

export interface ReplicaStatusView {
  id: string;
  host: string;
  pid: number;
  startedAt: number;
  /** Approximate, in this server's clock (Redis measured the age, so replicas' clock skew does not enter). */
  lastSeenAt: number;
  lastSeenSecondsAgo: number;
  /** Malls it is working on right now. */
  mallsHeld: number;
}

export interface ClusterStatusView {
  /** This replica. */
  replicaId: string;
  /** When the counts were read (this server's clock). */
  readAt: number;
  replicas: ReplicaStatusView[];
  counts: {
    /** Every mall in the cluster's schedule. */
    malls: number;
    /** Worked on right now by this replica. */
    owned: number;
    /** Worked on right now by any replica. */
    inFlight: number;
    /** Due and not yet claimed. */
    overdue: number;
    /** Due within 5 minutes (in flight included). */
    dueSoon: number;
    /** Waiting for a person (re-authorization, a token lost from Redis, no token). */
    needsPerson: number;
  };
}

/**
 * The /status body and the page's data. Fields are copied by name rather than spread: the snapshot crosses a
 * module boundary written by someone else, and anything extra a future manager attaches (a token, a store
 * handle) must not reach an HTTP answer by accident. Free text (errors, events) is scrubbed of anything shaped
 * like a credential for the same reason.
 */
export function toStatusView(snapshot: WatchSnapshot, now: number): StatusView {
  return {
    instanceId: snapshot.instanceId,
    startedAt: snapshot.startedAt,
    now,
    malls: snapshot.malls.map((m) => ({
      mallId: m.mallId,
      state: m.state,
      accessTokenExpiresAt: m.accessTokenExpiresAt,
      refreshTokenExpiresAt: m.refreshTokenExpiresAt,
      accessTokenExpiresInSeconds: secondsUntil(m.accessTokenExpiresAt, now),
      refreshTokenExpiresInSeconds: secondsUntil(m.refreshTokenExpiresAt, now),
      lastRefreshAt: m.lastRefreshAt,
      nextRefreshAt: m.nextRefreshAt,
      lastVerifiedAt: m.lastVerifiedAt ?? null,
      consecutiveFailures: m.consecutiveFailures,
      lastError: m.lastError && {
        code: m.lastError.code,
        message: scrubSecrets(m.lastError.message, [], { maxLength: 300 }),
        at: m.lastError.at,
      },
      events: m.events.map((e) => ({
        at: e.at,
        kind: e.kind,
        message: scrubSecrets(e.message, [], { maxLength: 300 }),
      })),
      lastDiagnosis: m.lastDiagnosis && {
        at: m.lastDiagnosis.at,
        status: m.lastDiagnosis.status,
        exitCode: m.lastDiagnosis.exitCode,
        rootCause: m.lastDiagnosis.rootCause && {
          code: m.lastDiagnosis.rootCause.code,
          title: m.lastDiagnosis.rootCause.title,
          command: m.lastDiagnosis.rootCause.command,
        },
      },
      reauthCommand: m.reauthCommand,
      needsReauth: needsPerson(m),
      ...(m.cluster
        ? {
            cluster: {
              holder: m.cluster.holder,
              handledBy: m.cluster.handledBy,
              dueAt: m.cluster.dueAt,
            },
          }
        : {}),
    })),
    counters: {
      refreshes: { ...snapshot.counters.refreshes },
      refreshFailures: { ...snapshot.counters.refreshFailures },
      apiCalls: { ...snapshot.counters.apiCalls },
      rateLimited: { ...snapshot.counters.rateLimited },
    },
    ...(snapshot.cluster ? { cluster: clusterView(snapshot.cluster) } : {}),
  };
}

function clusterView(c: ClusterView): ClusterStatusView {
  return {
    replicaId: c.replicaId,
    readAt: c.at,
    replicas: c.replicas.map((r) => ({
      id: r.id,
      host: r.host,
      pid: r.pid,
      startedAt: r.startedAt,
      lastSeenAt: c.at - r.lastSeenMsAgo,
      lastSeenSecondsAgo: Math.max(0, Math.floor(r.lastSeenMsAgo / 1000)),
      mallsHeld: r.held,
    })),
    counts: {
      malls: c.malls,
      owned: c.owned,
      inFlight: c.inFlight,
      overdue: c.overdue,
      dueSoon: c.dueSoon,
      needsPerson: c.needsPerson,
    },
  };
}

/**
 * The /status body: the view, and beside every instant in epoch milliseconds (`startedAt`, `now`,
 * `accessTokenExpiresAt`, `events[].at`, …) the same instant as a KST ISO time with offset under the name plus
 * `Kst` (`startedAtKst: "2026-01-05T09:00:00+09:00"`), as everything else the tool prints. The epoch fields stay
 * for the clients and the page that read them.
 */
export function statusJson(view: StatusView): Record<string, unknown> {
  return withKst(view) as Record<string, unknown>;
}

function withKst(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withKst);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    out[key] = withKst(field);
    if (
      (key === "at" || key === "now" || key.endsWith("At")) &&
      (typeof field === "number" || field === null)
    ) {
      out[`${key}Kst`] = typeof field === "number" && Number.isFinite(field) ? formatKstIso(field) : null;
    }
  }
  return out;
}
