import { KST_OFFSET_MS } from "../cafe24/kst.js";

export interface ApiVersion {
  version: string;
  releasedAt: string;
}

/** Date-based versions as Cafe24 publishes them (§1); the newest is the default for new apps. */
export const DEFAULT_API_VERSIONS: readonly ApiVersion[] = [
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
].map((v) => ({ version: v, releasedAt: v }));

export type VersionResolution =
  | { ok: true; version: string; fellBack: boolean; requested: string }
  | { ok: false; reason: "unknown" | "expired"; version: string };

/**
 * Emulator-only response header naming the API version that actually served an Admin call. Real Cafe24 sends
 * nothing like it: its fallback for an expired version is silent (§10), so tests need this to see it.
 */
export const SERVED_VERSION_HEADER = "X-Emulator-Served-Version";

/** The refusal of an unknown or unreleased version, in the wording observed live (§10). */
export const versionNotAvailable = (version: string): string =>
  `${version} version you requested is not available`;

const kstMidnight = (date: string): number => Date.parse(`${date}T00:00:00Z`) - KST_OFFSET_MS;

/**
 * Cafe24 keeps a superseded version for (at most) one year after its successor's release (§1). We read "at
 * most" as exactly one year, measured from the next version's release date in KST.
 */
export class VersionTable {
  private readonly sorted: ApiVersion[];

  constructor(list: readonly ApiVersion[]) {
    this.sorted = [...list].sort((a, b) => a.releasedAt.localeCompare(b.releasedAt));
  }

  get latest(): string {
    const last = this.sorted.at(-1);
    if (!last) throw new Error("version table is empty");
    return last.version;
  }

  has(version: string): boolean {
    return this.sorted.some((v) => v.version === version);
  }

  /** Epoch ms at which the version stops being served, or null for the newest version. */
  expiresAt(version: string): number | null {
    const index = this.sorted.findIndex((v) => v.version === version);
    const next = this.sorted[index + 1];
    if (index < 0 || !next) return null;
    const successor = new Date(kstMidnight(next.releasedAt) + KST_OFFSET_MS);
    successor.setUTCFullYear(successor.getUTCFullYear() + 1);
    return successor.getTime() - KST_OFFSET_MS;
  }

  isExpired(version: string, now: number): boolean {
    const expiry = this.expiresAt(version);
    return expiry !== null && now >= expiry;
  }

  /**
   * The oldest version still served at `now`: Cafe24's versioning guide answers a call with an expired
   * version (header or the app's own) as this version, without an error (§10).
   */
  oldestLive(now: number): string {
    return this.sorted.find((v) => !this.isExpired(v.version, now))?.version ?? this.latest;
  }

  previousOf(version: string): string | null {
    const index = this.sorted.findIndex((v) => v.version === version);
    return index > 0 ? (this.sorted[index - 1]?.version ?? null) : null;
  }

  resolve(
    requested: string | undefined,
    appVersion: string,
    now: number,
    onExpired: "error" | "fallback",
  ): VersionResolution {
    const version = requested ?? appVersion;
    if (!this.has(version)) return { ok: false, reason: "unknown", version };
    if (!this.isExpired(version, now)) return { ok: true, version, fellBack: false, requested: version };
    if (onExpired === "fallback") {
      return { ok: true, version: this.oldestLive(now), fellBack: true, requested: version };
    }
    return { ok: false, reason: "expired", version };
  }
}
