/**
 * Cafe24 speaks Korea Standard Time. Token timestamps carry no offset ("2026-11-27T20:41:00.000") and mean
 * Asia/Seoul; resource dates carry "+09:00". Korea has no daylight saving time, so a fixed +9 h is exact and
 * keeps every result independent of the host's time zone (no Date#getHours or local parsing anywhere here).
 */
export const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** Wall-clock fields of an instant as seen in Seoul. */
function kstParts(epochMs: number) {
  const d = new Date(epochMs + KST_OFFSET_MS);
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
    ms: pad(d.getUTCMilliseconds(), 3),
  };
}

/** `YYYY-MM-DDTHH:mm:ss.SSS` in KST without offset — the token endpoint's format. */
export function formatKstNaive(epochMs: number): string {
  const p = kstParts(epochMs);
  return `${p.date}T${p.time}.${p.ms}`;
}

/** `YYYY-MM-DDTHH:mm:ss+09:00` — the resource APIs' format. */
export function formatKstIso(epochMs: number): string {
  const p = kstParts(epochMs);
  return `${p.date}T${p.time}+09:00`;
}

/** `YYYY-MM-DD` of the instant in Seoul. */
export function formatKstDate(epochMs: number): string {
  return kstParts(epochMs).date;
}

/** `YYYYMMDD_HHMMSS` in Seoul, for report file names. */
export function formatKstStamp(epochMs: number): string {
  const p = kstParts(epochMs);
  return `${p.date.replaceAll("-", "")}_${p.time.replaceAll(":", "")}`;
}

/** Epoch ms of 00:00 KST on the Seoul calendar day containing the instant. */
export function startOfKstDay(epochMs: number): number {
  const shifted = epochMs + KST_OFFSET_MS;
  return shifted - (((shifted % 86_400_000) + 86_400_000) % 86_400_000) - KST_OFFSET_MS;
}

const CAFE24_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:\.000)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses any timestamp Cafe24 (or the old toolkit) writes and returns epoch ms, or undefined when it is not a
 * timestamp. Offset-less values are KST. Accepts the old toolkit's `…:10.197740.000` (microseconds followed by
 * a fake `.000`) and date-only values (midnight KST).
 */
export function parseCafe24Time(value: string): number | undefined {
  const m = CAFE24_TIME.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "0", zone] = m;
  const fields = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const [year, month, day, hour, minute, second] = fields;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    return undefined;
  const ms = Math.floor(Number(`0.${frac}`) * 1000);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (new Date(wall).getUTCDate() !== day) return undefined;
  if (zone === undefined) return wall - KST_OFFSET_MS;
  if (zone === "Z") return wall;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const offsetMs = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  return wall - sign * offsetMs;
}
