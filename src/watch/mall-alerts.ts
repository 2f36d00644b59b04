import { formatKstIso } from "../cafe24/kst.js";
import type { Now } from "../util/runtime.js";
import type { AlertEvent, Alerter } from "./alerts.js";
import { type AppRemoval, type AppRemovalSource, appRemovalMessage } from "./app-removal.js";
import type { MallHistory } from "./mall-history.js";

/**
 * The words of one mall's alerts, and the incidents they open and close. Messages are built from the mall id,
 * error codes and instants only, never from server text, so no token or secret can reach a payload.
 */
export class MallAlerts {
  constructor(
    private readonly mallId: string,
    private readonly alerter: Alerter | undefined,
    private readonly history: MallHistory,
    private readonly now: Now,
    private readonly reauthCommand: string,
  ) {}

  reauthRequired(code: string): void {
    this.raise(
      "reauth-required",
      `Mall ${this.mallId} must be authorized again: Cafe24 refused its refresh token (${code}).`,
      this.reauthCommand,
    );
  }

  /**
   * The store no longer holds a token it held (Redis restarted without persistence): `message` is the store's
   * own wording (ours, naming the mall and the command, never a token), scrubbed where it was recorded.
   */
  lost(message: string): void {
    this.raise("reauth-required", message, this.reauthCommand);
  }

  /** The app is gone from the mall: one alert per removal, until a new token ends it. */
  appRemoved(removal: AppRemoval, source: AppRemovalSource): void {
    this.raise(
      removal === "deleted" ? "app-deleted" : "app-expired",
      appRemovalMessage(this.mallId, removal, source),
      this.reauthCommand,
    );
  }

  failing(failures: number, code: string): void {
    this.raise(
      "refresh-failures",
      `Refreshing mall ${this.mallId}'s token failed ${failures} times in a row (last: ${code}); still retrying.`,
      "cafe24-doctor",
    );
  }

  expiring(expiresAt: number): void {
    this.raise(
      "refresh-token-expiring",
      `The refresh token of mall ${this.mallId} expires at ${formatKstIso(expiresAt)} and could not be renewed yet.`,
      `cafe24-doctor token refresh --mall ${this.mallId}`,
    );
  }

  resolve(...events: AlertEvent[]): void {
    for (const event of events) this.alerter?.resolve(this.mallId, event);
  }

  /** Whether alerts go anywhere at all. */
  get canAlert(): boolean {
    return this.alerter !== undefined;
  }

  /** Incidents alerted and not yet resolved. */
  open(): AlertEvent[] {
    return this.alerter?.openFor(this.mallId) ?? [];
  }

  /** Takes over the incidents another replica left open for this mall. */
  adopt(open: readonly AlertEvent[]): void {
    this.alerter?.adopt(this.mallId, open);
  }

  private raise(event: AlertEvent, message: string, command: string): void {
    const at = this.now();
    if (this.alerter?.raise({ event, mallId: this.mallId, message, at, command })) {
      this.history.record(at, "alert-sent", `${event} alert sent.`);
    }
  }
}
