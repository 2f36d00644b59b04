import { formatKstIso } from "../../cafe24/kst.js";
import type { Translate } from "../../i18n/translate.js";

/*
 * The page's time texts. status-page-script.ts formats the same way in the browser every second; the two
 * must agree, or the server-rendered value would jump at the first tick.
 */

const pad = (n: number) => String(n).padStart(2, "0");

/** "13 d 4:05:09" / "13일 4:05:09", "0:04:59": a clock that visibly ticks, unlike "1 h 32 min". */
export function clockText(ms: number, t: Translate): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(s / 86_400);
  const hms = `${Math.floor((s % 86_400) / 3_600)}:${pad(Math.floor((s % 3_600) / 60))}:${pad(s % 60)}`;
  return days ? `${t("time.days", { n: days })} ${hms}` : hms;
}

/** Time left on a token, or how long ago it expired. */
export function countdownText(expiresAt: number | null, now: number, t: Translate): string {
  if (expiresAt === null) return t("status.unknown");
  const left = expiresAt - now;
  return left >= 0 ? clockText(left, t) : t("status.expired", { duration: clockText(left, t) });
}

/** "in 0:05:12" / "0:05:12 ago" for the last and next refresh. */
export function relativeText(at: number | null, now: number, t: Translate): string {
  if (at === null) return t("status.unknown");
  const ms = at - now;
  return t(ms >= 0 ? "time.in" : "time.ago", { duration: clockText(ms, t) });
}

/** "2026-11-27 20:41:00 KST": Cafe24's own time zone, whatever the server's or the reader's. */
export function kstText(at: number, t: Translate): string {
  return t("status.kst", { at: formatKstIso(at).slice(0, 19).replace("T", " ") });
}
