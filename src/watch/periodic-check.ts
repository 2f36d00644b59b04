import { DoctorError } from "../errors/doctor-error.js";
import type { Now } from "../util/runtime.js";
import type { DiagnoseMall } from "./diagnose-mall.js";
import type { MallHistory } from "./mall-history.js";

/** One mall's optional periodic full check (`watch --check-every`), whose result the status page shows. */
export class PeriodicCheck {
  private nextAt = 0;
  private running: Promise<void> | undefined;

  constructor(
    private readonly mallId: string,
    private readonly diagnose: DiagnoseMall,
    private readonly everyMs: number,
    private readonly history: MallHistory,
    private readonly now: Now,
  ) {}

  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Resolves when the check in flight, if any, has finished. */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /** When the next check is due. */
  get dueAt(): number {
    return this.nextAt;
  }

  /** Takes over the schedule another `watch` replica left. */
  adopt(nextAt: number): void {
    this.nextAt = nextAt;
  }

  isDue(now: number): boolean {
    return !this.running && now >= this.nextAt;
  }

  run(signal: AbortSignal): Promise<void> {
    this.running ??= this.check(signal).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async check(signal: AbortSignal): Promise<void> {
    this.nextAt = this.now() + this.everyMs;
    try {
      const { apiCalls = 0, ...result } = await this.diagnose(this.mallId, { signal });
      this.history.diagnosed({ ...result, at: this.now() }, apiCalls);
    } catch (error) {
      const code = error instanceof DoctorError ? error.code : "UNKNOWN";
      this.history.record(this.now(), "diagnosis", `The check could not run (${code}).`);
    }
  }
}
