import { scrubSecrets } from "../util/scrub-secrets.js";
import type { MallDiagnosis, MallWatchStatus, WatchEvent } from "./watch-status.js";

/** Recent events kept per mall: enough for the status page, bounded for a manager of thousands of malls. */
export const MAX_EVENTS = 50;

export interface MallCounters {
  refreshes: number;
  refreshFailures: number;
  apiCalls: number;
  rateLimited: number;
}

/** What happened to one mall: counters, failures in a row, the last error, recent events (newest first). */
export class MallHistory {
  readonly counters: MallCounters = { refreshes: 0, refreshFailures: 0, apiCalls: 0, rateLimited: 0 };
  private readonly events: WatchEvent[] = [];
  private consecutiveFailures = 0;
  private lastError: MallWatchStatus["lastError"] = null;
  private lastRefreshAt: number | null = null;
  private lastDiagnosis: MallDiagnosis | null = null;

  record(at: number, kind: WatchEvent["kind"], message: string): void {
    this.events.unshift({ at, kind, message: scrubSecrets(message, [], { maxLength: 300 }) });
    if (this.events.length > MAX_EVENTS) this.events.length = MAX_EVENTS;
  }

  /** Every answer (or none: null) to a Cafe24 call the manager made for this mall. */
  countCall(status: number | null): void {
    this.counters.apiCalls += 1;
    if (status === 429) this.counters.rateLimited += 1;
  }

  refreshed(at: number, kind: "refreshed" | "keep-alive"): void {
    this.counters.refreshes += 1;
    this.lastRefreshAt = at;
    this.clearFailures();
    this.record(
      at,
      kind,
      kind === "keep-alive" ? "Refresh token renewed while idle." : "Access token refreshed.",
    );
  }

  /**
   * Returns the number of failures in a row, this one included. The message is shown on the status page and
   * in /status, so anything shaped like a credential is masked here, whoever worded it.
   */
  failed(at: number, code: string, message: string): number {
    this.counters.refreshFailures += 1;
    this.lastError = { code, message: scrubSecrets(message, [], { maxLength: 300 }), at };
    this.consecutiveFailures += 1;
    return this.consecutiveFailures;
  }

  clearFailures(): void {
    this.consecutiveFailures = 0;
  }

  /** The last failure recorded (scrubbed), if any. */
  get latestError(): Readonly<NonNullable<MallWatchStatus["lastError"]>> | null {
    return this.lastError;
  }

  /** Takes over what another `watch` replica recorded last (events and counters stay each replica's own). */
  adopt(from: Pick<MallWatchStatus, "lastRefreshAt" | "consecutiveFailures" | "lastError">): void {
    this.lastRefreshAt = from.lastRefreshAt;
    this.consecutiveFailures = from.consecutiveFailures;
    this.lastError = from.lastError && { ...from.lastError };
  }

  diagnosed(diagnosis: MallDiagnosis, apiCalls: number): void {
    this.counters.apiCalls += apiCalls;
    this.lastDiagnosis = diagnosis;
    const cause = diagnosis.rootCause ? ` (${diagnosis.rootCause.code})` : "";
    this.record(diagnosis.at, "diagnosis", `Check: ${diagnosis.status}${cause}.`);
  }

  status(): Pick<
    MallWatchStatus,
    "lastRefreshAt" | "consecutiveFailures" | "lastError" | "events" | "lastDiagnosis"
  > {
    return {
      lastRefreshAt: this.lastRefreshAt,
      consecutiveFailures: this.consecutiveFailures,
      lastError: this.lastError,
      events: [...this.events],
      lastDiagnosis: this.lastDiagnosis,
    };
  }
}
