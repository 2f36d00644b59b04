import { en, type MessageKey } from "./en.js";
import { ko } from "./ko.js";

export type Lang = "ko" | "en";
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { en, ko };

/**
 * A translator for one language. `{name}` placeholders are filled from params; `{name:duration}` renders a
 * number of milliseconds as a duration in this language ("1시간 32분" / "1 h 32 min"), so checks can pass
 * durations as plain numbers and leave the words to the edge; `{name:authFailure}` says why authentication
 * failed in words (`auth.failure.<code>`) rather than as its code.
 */
export function createTranslator(lang: Lang): Translate {
  const catalogue = CATALOGUES[lang];
  const t: Translate = (key, params = {}) =>
    catalogue[key].replace(
      /\{(\w+)(?::(duration|authFailure))?\}/g,
      (whole, name: string, format?: string) => {
        if (!(name in params)) return whole;
        const value = String(params[name]);
        if (format === "duration") return formatDuration(Number(value), t);
        // `no-token` → "no token stored": the words for a code, or the code itself when it has none.
        if (format === "authFailure")
          return (catalogue as Record<string, string>)[`auth.failure.${value}`] ?? value;
        return value;
      },
    );
  return t;
}

/** `--lang` wins; otherwise Korean when the locale says so (LC_ALL, LC_MESSAGES, LANG), else English. */
export function resolveLang(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (explicit === "ko" || explicit === "en") return explicit;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^ko/i.test(locale) ? "ko" : "en";
}

export function isLang(value: string): value is Lang {
  return value === "ko" || value === "en";
}

const UNITS: readonly [number, "time.days" | "time.hours" | "time.minutes" | "time.seconds"][] = [
  [86_400, "time.days"],
  [3_600, "time.hours"],
  [60, "time.minutes"],
  [1, "time.seconds"],
];

/** "1 h 32 min" / "1시간 32분": the largest unit and, when not zero, the one below it. */
export function formatDuration(ms: number, t: Translate): string {
  const total = Math.round(Math.abs(ms) / 1000);
  const first = UNITS.findIndex(([size]) => total >= size);
  if (first < 0) return t("time.seconds", { n: 0 });
  const [size, key] = UNITS[first] as (typeof UNITS)[number];
  const parts = [t(key, { n: Math.floor(total / size) })];
  const next = UNITS[first + 1];
  if (next) {
    const n = Math.floor((total % size) / next[0]);
    if (n > 0) parts.push(t(next[1], { n }));
  }
  return parts.join(" ");
}

/** "in 1 h 32 min" / "1시간 32분 남음", or "… ago" for the past. */
export function formatRelative(ms: number, t: Translate): string {
  return ms >= 0
    ? t("time.in", { duration: formatDuration(ms, t) })
    : t("time.ago", { duration: formatDuration(ms, t) });
}
