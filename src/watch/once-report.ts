import { formatKstIso } from "../cafe24/kst.js";
import { scrubSecrets } from "../util/scrub-secrets.js";
import type { WatchRunSummary } from "./watch-manager.js";
import { defaultReauthCommand } from "./watch-options.js";
import type { MallWatchState, MallWatchStatus } from "./watch-status.js";

/** What `watch --once` did to or found about one mall in its pass. */
export type OnceAction =
  | "refreshed"
  | "verified"
  | "unverified"
  | "failed"
  | "reauth-required"
  | "no-token"
  | "app-deleted"
  | "app-expired"
  | "none";

export interface OnceMall {
  mallId: string;
  state: Exclude<MallWatchState, "refreshing">;
  /** True when only a person can fix the mall (no token, revoked, app removed): `/healthz` answers 503 for the same. */
  needsPerson: boolean;
  action: OnceAction;
  /** KST ISO times with offset (`2026-01-05T09:00:00+09:00`), null when unknown. */
  accessTokenExpiresAt: string | null;
  refreshTokenExpiresAt: string | null;
  lastRefreshAt: string | null;
  lastVerifiedAt: string | null;
  /** Code and scrubbed message of the last failure; never a token or a secret. */
  lastError: { code: string; message: string } | null;
  /** What a person runs to fix the mall, when one must. */
  command: string | null;
}

/** The `watch --once --json` object: schema-stable (fields are only ever added), no secrets. */
export interface OnceReport {
  schemaVersion: 1;
  ok: boolean;
  exitCode: 0 | 2;
  at: string;
  malls: OnceMall[];
  summary: {
    refreshed: string[];
    verified: string[];
    unverified: string[];
    failed: string[];
    reauthRequired: string[];
    noToken: string[];
    /** Malls that no longer have the app (deleted or expired): not refreshed until a new token is stored. */
    appRemoved: string[];
  };
}

const PERSON_STATES: ReadonlySet<MallWatchState> = new Set([
  "reauth-required",
  "no-token",
  "app-deleted",
  "app-expired",
]);

const kst = (at: number | null | undefined): string | null =>
  typeof at === "number" && Number.isFinite(at) ? formatKstIso(at) : null;

function actionOf(summary: WatchRunSummary, m: MallWatchStatus): OnceAction {
  if (m.state === "reauth-required") return "reauth-required";
  if (m.state === "no-token") return "no-token";
  if (m.state === "app-deleted" || m.state === "app-expired") return m.state;
  if (summary.unverified.includes(m.mallId)) return "unverified";
  if (m.state === "backoff") return "failed";
  if (summary.refreshed.includes(m.mallId)) return "refreshed";
  if (summary.verified.includes(m.mallId)) return "verified";
  return "none";
}

/** One pass's result as `watch --once` reports it, line by line or as JSON. */
export function onceReport(summary: WatchRunSummary, at: number): OnceReport {
  const malls = summary.snapshot.malls.map((m): OnceMall => {
    const state = m.state === "refreshing" ? "ok" : m.state;
    const needsPerson = PERSON_STATES.has(state);
    return {
      mallId: m.mallId,
      state,
      needsPerson,
      action: actionOf(summary, m),
      accessTokenExpiresAt: kst(m.accessTokenExpiresAt),
      refreshTokenExpiresAt: kst(m.refreshTokenExpiresAt),
      lastRefreshAt: kst(m.lastRefreshAt),
      lastVerifiedAt: kst(m.lastVerifiedAt),
      lastError: m.lastError ? { code: m.lastError.code, message: scrubSecrets(m.lastError.message) } : null,
      command: needsPerson ? (m.reauthCommand ?? defaultReauthCommand(m.mallId)) : null,
    };
  });
  return {
    schemaVersion: 1,
    ok: summary.ok,
    exitCode: summary.ok ? 0 : 2,
    at: formatKstIso(at),
    malls,
    summary: {
      refreshed: summary.refreshed,
      verified: summary.verified,
      unverified: summary.unverified,
      failed: summary.failed,
      reauthRequired: summary.reauthRequired,
      noToken: summary.noToken,
      appRemoved: summary.appRemoved,
    },
  };
}
