import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import { abortError, type Logger, type Now, type Sleep } from "../util/runtime.js";
import type { PacerObservation, PacerState } from "./pacer-state.js";

export interface PacerConfig {
  mallId: string;
  /** Sends per second this client never exceeds, bucket or not (Cafe24 flags ≥10/s from one IP). */
  maxPerSec: number;
  /** Longest single wait accepted; a longer one fails fast with CAFE24_RATE_LIMITED instead of hanging. */
  maxWaitMs: number;
}

/** One reserved send. `settle` must be called once the call is over, whatever happened. */
export interface Permit {
  settle(observation: PacerObservation): Promise<void>;
}

/**
 * Decides when each call to one mall may go out: after its predecessors (FIFO, so a burst cannot starve a
 * caller), no sooner than 1/maxPerSec after the previous send, and only when the bucket model has room.
 *
 * Hand-written rather than bottleneck: bottleneck is unmaintained and cannot read Cafe24's headers, and the
 * model must follow `X-Api-Call-Limit` and the usage-quota `*-Remain` headers answer by answer.
 */
export class Pacer {
  private turn: Promise<void> = Promise.resolve();
  private lastSendAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly state: PacerState,
    private readonly config: PacerConfig,
    private readonly runtime: { now: Now; sleep: Sleep; logger: Logger },
  ) {}

  /** Waits (cancellably) until a call may be sent, and reserves it. */
  async acquire(signal?: AbortSignal): Promise<Permit> {
    const previous = this.turn;
    let release: () => void = () => {};
    this.turn = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      await waitTurn(previous, signal);
      const ticket = await this.reserve(signal);
      return { settle: async (observation) => this.state.settle(ticket, observation, this.runtime.now()) };
    } finally {
      // An aborted caller still hands its turn on only after its predecessor, keeping the order intact.
      void previous.then(release);
    }
  }

  private async reserve(signal: AbortSignal | undefined): Promise<number> {
    const interval = 1000 / this.config.maxPerSec;
    for (;;) {
      const now = this.runtime.now();
      const spacingWait = this.lastSendAt + interval - now;
      const reservation =
        spacingWait > 0
          ? ({ granted: false, waitMs: spacingWait } as const)
          : await this.state.tryReserve(now);
      if (reservation.granted) {
        // Timers fire late: a send less than one interval behind its slot keeps the slot, so a burst runs at
        // the full rate; after an idle spell the schedule restarts from now instead of catching up.
        const slot = this.lastSendAt + interval;
        this.lastSendAt = now - slot < interval ? slot : now;
        return reservation.ticket;
      }
      await this.wait(reservation.waitMs, signal);
    }
  }

  private async wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
    if (ms > this.config.maxWaitMs) {
      throw new DoctorError(
        ERROR_CODES.rateLimited,
        `Mall ${this.config.mallId} cannot be called for ${Math.ceil(ms / 1000)} s (rate or usage limit), longer than the ${Math.round(this.config.maxWaitMs / 1000)} s this client may wait (pacing.maxWaitMs).`,
      );
    }
    if (ms >= 1000) {
      this.runtime.logger.info({ mallId: this.config.mallId, waitMs: Math.round(ms) }, "cafe24 pacing wait");
    }
    await this.runtime.sleep(ms, signal);
  }
}

function waitTurn(previous: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return previous;
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    void previous.then(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    });
  });
}
