/**
 * Cafe24's request-count limit (§4): every call pours one unit into the mall's bucket, which drains at a
 * fixed rate; a call that would overflow it is refused with 429 and pours nothing.
 */
export class LeakyBucket {
  private level = 0;
  private updatedAt: number;

  constructor(
    public capacity: number,
    public drainPerSec: number,
    now: number,
  ) {
    this.updatedAt = now;
  }

  /** Current content after draining up to `now`. */
  levelAt(now: number): number {
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.level = Math.max(0, this.level - elapsed * this.drainPerSec);
    this.updatedAt = Math.max(this.updatedAt, now);
    return this.level;
  }

  /** Pours one call in; false (and nothing poured) when it would overflow. */
  tryAdd(now: number): boolean {
    if (this.levelAt(now) + 1 > this.capacity + 1e-9) return false;
    this.level += 1;
    return true;
  }

  /** What `X-Api-Call-Limit` shows: calls in the bucket, rounded up, and the capacity. */
  header(now: number): string {
    return `${Math.ceil(this.levelAt(now) - 1e-9)}/${this.capacity}`;
  }

  fill(level: number, now: number): void {
    this.levelAt(now);
    this.level = Math.min(Math.max(0, level), this.capacity);
  }

  reconfigure(capacity: number, drainPerSec: number, now: number): void {
    this.levelAt(now);
    this.capacity = capacity;
    this.drainPerSec = drainPerSec;
    this.level = Math.min(this.level, capacity);
  }
}
