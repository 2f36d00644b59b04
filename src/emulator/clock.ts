/**
 * The emulator's notion of "now". Real time by default; tests advance it (or freeze it) so that code, access
 * and refresh-token expiry and bucket draining are testable in milliseconds.
 */
export class EmulatorClock {
  private offsetMs = 0;
  private frozenAt: number | undefined;

  constructor(
    private readonly realNow: () => number = Date.now,
    options: { frozen?: boolean; startMs?: number } = {},
  ) {
    const real = realNow();
    if (options.startMs !== undefined) this.offsetMs = options.startMs - real;
    // One reading of the real clock, so a clock frozen at `startMs` is exactly there, not a tick later.
    if (options.frozen) this.frozenAt = real + this.offsetMs;
  }

  now(): number {
    return this.frozenAt ?? this.realNow() + this.offsetMs;
  }

  get frozen(): boolean {
    return this.frozenAt !== undefined;
  }

  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError("advance(ms) needs a finite, non-negative number");
    if (this.frozenAt !== undefined) this.frozenAt += ms;
    else this.offsetMs += ms;
    return this.now();
  }

  set(epochMs: number): number {
    if (this.frozenAt !== undefined) this.frozenAt = epochMs;
    else this.offsetMs = epochMs - this.realNow();
    return this.now();
  }

  freeze(): number {
    this.frozenAt ??= this.realNow() + this.offsetMs;
    return this.frozenAt;
  }

  resume(): number {
    if (this.frozenAt !== undefined) {
      this.offsetMs = this.frozenAt - this.realNow();
      this.frozenAt = undefined;
    }
    return this.now();
  }
}
