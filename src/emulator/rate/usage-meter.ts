/**
 * Cafe24's usage limit (§4, 2025-12-01): call count and processing time per window, reported as percentages.
 * The window and quotas are unpublished; the defaults (options.ts) are the best-known third-party reading,
 * about 3,000 calls and 600 s per 10 minutes (§10). Modelled as meters that drain one quota per window: at or
 * over 100% the mall is blocked, and calls made while blocked push usage (and the wait) further.
 */
export interface UsageConfig {
  windowSec: number;
  callQuota: number;
  timeQuotaMs: number;
  costMs: number;
}

export interface UsageReading {
  callUsage: number;
  timeUsage: number;
  /** Seconds until calls may resume, present only when that usage is at or over 100%. */
  callRemain?: number;
  timeRemain?: number;
  blocked: boolean;
}

export class UsageMeter {
  private calls = 0;
  private timeMs = 0;
  private updatedAt: number;

  constructor(
    public config: UsageConfig,
    now: number,
  ) {
    this.updatedAt = now;
  }

  /** Charges one call and returns the reading the response reports. */
  charge(now: number): UsageReading {
    this.drain(now);
    this.calls += 1;
    this.timeMs += this.config.costMs;
    return this.read(now);
  }

  read(now: number): UsageReading {
    this.drain(now);
    const { windowSec, callQuota, timeQuotaMs } = this.config;
    const callUsage = (this.calls / callQuota) * 100;
    const timeUsage = (this.timeMs / timeQuotaMs) * 100;
    const reading: UsageReading = {
      callUsage: round2(callUsage),
      timeUsage: round2(timeUsage),
      blocked: false,
    };
    if (callUsage >= 100) {
      reading.callRemain = Math.max(1, Math.ceil(((this.calls - callQuota) / callQuota) * windowSec + 1e-9));
      reading.blocked = true;
    }
    if (timeUsage >= 100) {
      reading.timeRemain = Math.max(
        1,
        Math.ceil(((this.timeMs - timeQuotaMs) / timeQuotaMs) * windowSec + 1e-9),
      );
      reading.blocked = true;
    }
    return reading;
  }

  /** Sets usage to given percentages (test setup, e.g. "quota exhausted"). */
  set(callPercent: number, timePercent: number, now: number): void {
    this.drain(now);
    this.calls = (callPercent / 100) * this.config.callQuota;
    this.timeMs = (timePercent / 100) * this.config.timeQuotaMs;
  }

  private drain(now: number): void {
    const elapsedSec = Math.max(0, now - this.updatedAt) / 1000;
    const { windowSec, callQuota, timeQuotaMs } = this.config;
    this.calls = Math.max(0, this.calls - (elapsedSec * callQuota) / windowSec);
    this.timeMs = Math.max(0, this.timeMs - (elapsedSec * timeQuotaMs) / windowSec);
    this.updatedAt = Math.max(this.updatedAt, now);
  }
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
