import { z } from "zod";
import { ALERT_EVENTS, type AlertEvent } from "../alerts.js";
import type { MallWatchState } from "../watch-status.js";

/**
 * What one replica knew about a mall when it let go of it, kept in Redis beside the schedule: the next holder
 * adopts it (so a refused refresh token is not tried again, an alert already sent is not sent again and a
 * backoff goes on where it was), and every replica shows it on its status page. Instants and codes only: no
 * token, no secret (error messages were scrubbed when recorded).
 */
export interface MallRecord {
  mallId: string;
  /** Never "refreshing": a record is written once the work is done. */
  state: Exclude<MallWatchState, "refreshing">;
  accessTokenExpiresAt: number | null;
  refreshTokenExpiresAt: number | null;
  lastRefreshAt: number | null;
  nextRefreshAt: number | null;
  /** When the mall next needs work (its score in the schedule), in the watchers' clock. */
  dueAt: number;
  consecutiveFailures: number;
  lastError: { code: string; message: string; at: number } | null;
  /** No refresh before this instant (backoff after a transient failure); 0 when none. */
  retryAt: number;
  /** The stored revision whose refresh token Cafe24 refused: a person must authorize again unless it changes. */
  deadRevision: string | null;
  /** Incidents alerted and still open: the next holder does not alert them again. */
  alerts: AlertEvent[];
  /** When the periodic check is next due, if checks are on. */
  checkAt: number | null;
  /** When Cafe24 last proved the tokens (a refresh or a verification call): the next verification is due from it. */
  provenAt?: number | null | undefined;
  /** When a verification call last found the token accepted. */
  verifiedAt?: number | null | undefined;
  reauthCommand: string | null;
  /** The replica that wrote it, and when (watchers' clock). */
  by: string;
  at: number;
}

const instant = z.number().finite().nullable();

const recordSchema = z.object({
  mallId: z.string().min(1),
  state: z.enum(["ok", "backoff", "reauth-required", "no-token", "app-deleted", "app-expired"]),
  accessTokenExpiresAt: instant,
  refreshTokenExpiresAt: instant,
  lastRefreshAt: instant,
  nextRefreshAt: instant,
  dueAt: z.number().finite(),
  consecutiveFailures: z.number().int().nonnegative(),
  lastError: z.object({ code: z.string(), message: z.string(), at: z.number().finite() }).nullable(),
  retryAt: z.number().finite(),
  deadRevision: z.string().nullable(),
  alerts: z.array(z.enum(ALERT_EVENTS)),
  checkAt: instant,
  // Optional: records written by a version without verification still decode.
  provenAt: instant.optional(),
  verifiedAt: instant.optional(),
  reauthCommand: z.string().nullable(),
  by: z.string(),
  at: z.number().finite(),
});

/** One line of JSON (no raw newline can occur in JSON.stringify's output: records are newline-separated). */
export function encodeMallRecord(record: MallRecord): string {
  return JSON.stringify(record);
}

/** The record, or undefined for anything that is not one (written by another version, damaged). */
export function decodeMallRecord(text: string | null | undefined): MallRecord | undefined {
  if (!text) return undefined;
  try {
    const parsed = recordSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
