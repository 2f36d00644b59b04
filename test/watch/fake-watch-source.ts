import type { MallWatchStatus, WatchSnapshot, WatchStatusSource } from "../../src/watch/watch-status.js";

/** 2026-03-01 12:00:00 KST: every test's "now". */
export const NOW = Date.UTC(2026, 2, 1, 3, 0, 0);
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
export const REAUTH_COMMAND = "cafe24-doctor token login --mall shop2";

/** Access token 1:32:05 left, refresh token 13 d 4:05:09 left, refreshed 28 min ago. */
export function healthyMall(mallId = "shop1"): MallWatchStatus {
  return {
    mallId,
    state: "ok",
    accessTokenExpiresAt: NOW + HOUR + 32 * MINUTE + 5 * SECOND,
    refreshTokenExpiresAt: NOW + 13 * DAY + 4 * HOUR + 5 * MINUTE + 9 * SECOND,
    lastRefreshAt: NOW - 28 * MINUTE,
    nextRefreshAt: NOW + HOUR + 22 * MINUTE + 5 * SECOND,
    consecutiveFailures: 0,
    lastError: null,
    events: [{ at: NOW - 28 * MINUTE, kind: "refreshed", message: "access token refreshed" }],
    lastDiagnosis: { at: NOW - HOUR, status: "healthy", exitCode: 0, rootCause: null },
    reauthCommand: null,
  };
}

/** Both tokens expired, the refresh rejected with invalid_grant; hostile text in what came from outside. */
export function reauthMall(mallId = "shop2"): MallWatchStatus {
  return {
    mallId,
    state: "reauth-required",
    accessTokenExpiresAt: NOW - 10 * MINUTE,
    refreshTokenExpiresAt: NOW - HOUR,
    lastRefreshAt: NOW - 15 * DAY,
    nextRefreshAt: null,
    consecutiveFailures: 1,
    lastError: { code: "CAFE24_REAUTH_REQUIRED", message: `invalid_grant ${HOSTILE}`, at: NOW - 5 * MINUTE },
    events: [
      { at: NOW - 5 * MINUTE, kind: "reauth-required", message: HOSTILE },
      { at: NOW - 6 * MINUTE, kind: "refresh-failed", message: "invalid_grant" },
    ],
    lastDiagnosis: {
      at: NOW - 4 * MINUTE,
      status: "problems",
      exitCode: 2,
      rootCause: {
        code: "REFRESH_TOKEN_EXPIRED",
        title: `Refresh token expired ${HOSTILE}`,
        command: REAUTH_COMMAND,
      },
    },
    reauthCommand: REAUTH_COMMAND,
  };
}

export function snapshotOf(malls: MallWatchStatus[], now = NOW): WatchSnapshot {
  return {
    instanceId: "host-a#1234",
    startedAt: now - 3 * HOUR,
    now,
    malls,
    counters: {
      refreshes: { shop1: 12, shop2: 3 },
      refreshFailures: { shop2: 1 },
      apiCalls: { shop1: 340, shop2: 20 },
      rateLimited: { shop1: 2 },
    },
  };
}

/** A stand-in for the watch manager: answers with whatever snapshot the test set last. */
export function fakeSource(snapshot: WatchSnapshot): WatchStatusSource & { set(next: WatchSnapshot): void } {
  let current = snapshot;
  return {
    snapshot: () => structuredClone(current),
    set(next) {
      current = next;
    },
  };
}

/** The snapshot of replica r1 of a cluster of two, shop1 last handled by r1, shop2 by r2; nothing in flight. */
export function clusterSnapshotOf(malls: MallWatchStatus[], now = NOW): WatchSnapshot {
  const handledBy = (i: number) => (i % 2 === 0 ? "r1" : "r2");
  return {
    ...snapshotOf(
      malls.map((m, i) => ({
        ...m,
        cluster: { holder: null, handledBy: handledBy(i), dueAt: m.nextRefreshAt },
      })),
      now,
    ),
    instanceId: "r1",
    cluster: {
      replicaId: "r1",
      at: now,
      replicas: [
        { id: "r1", host: "host-a", pid: 1234, startedAt: now - 3 * HOUR, lastSeenMsAgo: 1_000, held: 0 },
        { id: "r2", host: "host-b", pid: 5678, startedAt: now - 2 * HOUR, lastSeenMsAgo: 2_000, held: 0 },
      ],
      malls: malls.length,
      inFlight: 0,
      owned: 0,
      overdue: 0,
      dueSoon: 0,
      needsPerson: malls.filter((m) => m.state === "reauth-required" || m.state === "no-token").length,
    },
  };
}
