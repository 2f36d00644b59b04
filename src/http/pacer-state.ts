import type { CallLimit } from "./rate-headers.js";

/** What Cafe24 told us about the mall's limits in one answer (or that no answer came). */
export interface PacerObservation {
  /** `X-Api-Call-Limit`, when the answer carried it. */
  callLimit?: CallLimit;
  /** The answer was 429: the bucket (or the usage quota) is full even when no header says by how much. */
  rateLimited?: boolean;
  /** `X-Cafe24-*-Remain` seconds: the mall is blocked that long (usage quota at or over 100%). */
  remainSec?: number;
  /** `Retry-After` of a 429 or 503, in ms (already bounded): the mall is not called again before then. */
  retryAfterMs?: number;
}

export type Reservation = { granted: true; ticket: number } | { granted: false; waitMs: number };

/**
 * The model of one mall's leaky bucket that decides whether a call may go out now. Kept behind an interface
 * so that a shared store (one Redis key per mall, updated by a script) can replace the in-memory model and
 * make many processes pace as one client. Methods may be async for that reason.
 */
export interface PacerState {
  /** Takes one unit of the bucket for a call about to be sent, or says how long to wait before asking again. */
  tryReserve(now: number): Reservation | Promise<Reservation>;
  /** The reserved call finished (answered or not); `observation` is what its answer said. */
  settle(ticket: number, observation: PacerObservation, now: number): void | Promise<void>;
}

export interface BucketModel {
  /** Bucket size until Cafe24's header says otherwise. @default 40 */
  capacity: number;
  /** Units the bucket drains per second. @default 2 */
  drainPerSec: number;
  /** Units kept free, for other clients of the mall and for rounding. @default 2 */
  headroom: number;
}

/**
 * In-process leaky-bucket model of one mall. Every send adds a unit; the level drains at `drainPerSec`. When
 * an answer carries `X-Api-Call-Limit`, the server's number replaces the estimate, plus the calls sent after
 * that one and still unanswered (Cafe24 counts a call when it arrives, so those are not in the number yet).
 * The reading is taken as current, not credited with the drain during the answer's flight: that keeps the
 * model at or above the server's level, costing a fraction of a unit, never throughput at the drain rate.
 * An answer older than one already applied may only raise the estimate, since its reading is stale.
 */
export class MemoryPacerState implements PacerState {
  private level = 0;
  private levelAt: number;
  private capacity: number;
  private blockedUntil = 0;
  private nextTicket = 1;
  private newestApplied = 0;
  private readonly inFlight = new Set<number>();

  constructor(
    private readonly model: BucketModel,
    now: number,
  ) {
    this.capacity = model.capacity;
    this.levelAt = now;
  }

  tryReserve(now: number): Reservation {
    if (now < this.blockedUntil) return { granted: false, waitMs: this.blockedUntil - now };
    const level = this.drainTo(now);
    const ceiling = Math.max(1, this.capacity - this.model.headroom);
    if (level + 1 > ceiling + 1e-9) {
      return { granted: false, waitMs: ((level + 1 - ceiling) / this.model.drainPerSec) * 1000 };
    }
    this.level = level + 1;
    const ticket = this.nextTicket++;
    this.inFlight.add(ticket);
    return { granted: true, ticket };
  }

  settle(ticket: number, observation: PacerObservation, now: number): void {
    this.inFlight.delete(ticket);
    const blockMs = Math.max((observation.remainSec ?? 0) * 1000, observation.retryAfterMs ?? 0);
    this.blockedUntil = Math.max(this.blockedUntil, now + blockMs);
    const current = this.drainTo(now);
    let later = 0;
    for (const other of this.inFlight) if (other > ticket) later += 1;
    let reported: number | undefined;
    if (observation.callLimit) {
      this.capacity = observation.callLimit.capacity;
      reported = observation.callLimit.used + later;
    }
    // A 429 not explained by the usage quota means the bucket is full, whatever the header rounded to.
    if (observation.rateLimited && observation.remainSec === undefined) {
      reported = Math.max(reported ?? 0, this.capacity + later);
    }
    if (reported === undefined) return;
    const fresh = ticket > this.newestApplied;
    this.level = fresh ? reported : Math.max(current, reported);
    if (fresh) this.newestApplied = ticket;
  }

  private drainTo(now: number): number {
    const elapsedSec = Math.max(0, now - this.levelAt) / 1000;
    this.level = Math.max(0, this.level - elapsedSec * this.model.drainPerSec);
    this.levelAt = Math.max(this.levelAt, now);
    return this.level;
  }
}
