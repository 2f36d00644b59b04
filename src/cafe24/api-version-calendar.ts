import { KST_OFFSET_MS } from "./kst.js";

/**
 * One Cafe24 API version and its dates, all KST calendar days (`YYYY-MM-DD`). `endOfSupport` is the first day
 * Cafe24 no longer serves the version; left out, it is derived from the versioning guide: one year after the
 * next version's release (the guide's "at most one year", read as exactly one year).
 */
export interface ApiVersionDates {
  version: string;
  releasedAt: string;
  endOfSupport?: string | undefined;
}

/**
 * The versions known when this release was cut (docs/cafe24-facts.md §1.1). Cafe24 publishes no list: each
 * version is named by its release date (versioning guide) and seen pinned in public code or Cafe24's reference;
 * every end of support is derived. The config file's `apiVersions` adds newer versions or corrects a date.
 */
export const CAFE24_API_VERSIONS: readonly ApiVersionDates[] = [
  "2024-06-01",
  "2024-09-01",
  "2024-12-01",
  "2025-03-01",
  "2025-06-01",
  "2025-09-01",
  "2025-12-01",
  "2026-03-01",
  "2026-06-01",
  "2026-09-01",
].map((version) => ({ version, releasedAt: version }));

/** Where a version stands at a moment: still served (maybe until a known instant), expired, or unknown. */
export type VersionStanding =
  | { kind: "unknown"; version: string }
  | { kind: "live"; version: string; endsAt: number | null }
  | { kind: "expired"; version: string; endedAt: number; servedAs: string };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 00:00 KST of a `YYYY-MM-DD` day as epoch ms, whatever the host's time zone. */
export function kstDayStart(day: string): number {
  const m = DAY.exec(day);
  if (!m) throw new Error(`not a YYYY-MM-DD day: ${JSON.stringify(day)}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - KST_OFFSET_MS;
}

/** The same KST calendar day one year later (29 February becomes 1 March). */
function oneYearAfter(day: string): number {
  const m = DAY.exec(day);
  if (!m) throw new Error(`not a YYYY-MM-DD day: ${JSON.stringify(day)}`);
  return Date.UTC(Number(m[1]) + 1, Number(m[2]) - 1, Number(m[3])) - KST_OFFSET_MS;
}

/** Cafe24's version calendar: which versions exist, until when each is served, and what an expired one becomes. */
export class ApiVersionCalendar {
  private readonly sorted: readonly ApiVersionDates[];

  /** `updates` replace the entry of the same version or add one (the config file's `apiVersions`). */
  constructor(
    base: readonly ApiVersionDates[] = CAFE24_API_VERSIONS,
    updates: readonly ApiVersionDates[] = [],
  ) {
    const byVersion = new Map(base.map((v) => [v.version, v]));
    for (const update of updates) byVersion.set(update.version, update);
    this.sorted = [...byVersion.values()].sort((a, b) => a.releasedAt.localeCompare(b.releasedAt));
  }

  get latest(): string | undefined {
    return this.sorted.at(-1)?.version;
  }

  /** Epoch ms from which the version is no longer served; null while no successor sets it; undefined if unknown. */
  endOfSupport(version: string): number | null | undefined {
    const index = this.sorted.findIndex((v) => v.version === version);
    const entry = this.sorted[index];
    if (!entry) return undefined;
    if (entry.endOfSupport) return kstDayStart(entry.endOfSupport);
    const next = this.sorted[index + 1];
    return next ? oneYearAfter(next.releasedAt) : null;
  }

  /** The oldest version still served at `now`: what Cafe24 silently answers an expired version with. */
  oldestLive(now: number): string | undefined {
    const live = this.sorted.find((v) => {
      const end = this.endOfSupport(v.version);
      return kstDayStart(v.releasedAt) <= now && (end === null || end === undefined || now < end);
    });
    return live?.version ?? this.latest;
  }

  standing(version: string, now: number): VersionStanding {
    const end = this.endOfSupport(version);
    if (end === undefined) return { kind: "unknown", version };
    if (end === null || now < end) return { kind: "live", version, endsAt: end };
    return { kind: "expired", version, endedAt: end, servedAs: this.oldestLive(now) ?? version };
  }
}
