import { type Logger, silentLogger } from "../util/runtime.js";

export const ALERT_EVENTS = [
  "reauth-required",
  "refresh-token-expiring",
  "refresh-failures",
  "app-deleted",
  "app-expired",
] as const;

export type AlertEvent = (typeof ALERT_EVENTS)[number];

/** What a person is told. Built from codes and instants only, so no token or secret can end up in it. */
export interface Alert {
  event: AlertEvent;
  mallId: string;
  /** English, one sentence. */
  message: string;
  /** Epoch ms. */
  at: number;
  /** The command that deals with it, when there is one. */
  command: string | null;
}

/** Where alerts go (a JSON webhook, Slack, a test's receiver). Throws on a failed delivery. */
export interface AlertSink {
  /** For logs; never the URL, which for Slack is itself a secret. */
  readonly name: string;
  send(alert: Alert, signal: AbortSignal): Promise<void>;
}

export interface AlertOptions {
  sinks: readonly AlertSink[];
  /** Per delivery; a hung receiver must not pile up deliveries. @default 10000 */
  timeoutMs?: number;
  /** Alert when the refresh token has less than this left and could not be renewed. @default 3 days */
  refreshTokenWithinMs?: number;
  /** Alert after this many refresh failures in a row. @default 3 */
  failuresInARow?: number;
}

export const ALERT_DEFAULTS = {
  timeoutMs: 10_000,
  refreshTokenWithinMs: 3 * 24 * 60 * 60 * 1000,
  failuresInARow: 3,
} as const;

/**
 * Sends each incident once: an alert for (mall, event) is not repeated while the incident lasts, however
 * many ticks see the condition, and may fire again only after `resolve` (a successful refresh, a new token).
 * Deliveries run in the background with a timeout each; failures are logged, never thrown into the manager.
 */
export class Alerter {
  private readonly open = new Set<string>();
  private readonly deliveries = new Set<Promise<void>>();
  private readonly timeoutMs: number;
  private readonly logger: Logger;

  constructor(
    private readonly sinks: readonly AlertSink[],
    options: { timeoutMs?: number; logger?: Logger } = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? ALERT_DEFAULTS.timeoutMs;
    this.logger = options.logger ?? silentLogger;
  }

  /** Opens the incident and delivers the alert; false (nothing sent) when it is already open. */
  raise(alert: Alert): boolean {
    const key = keyOf(alert.mallId, alert.event);
    if (this.open.has(key)) return false;
    this.open.add(key);
    for (const sink of this.sinks) {
      const delivery = this.deliver(sink, alert).finally(() => this.deliveries.delete(delivery));
      this.deliveries.add(delivery);
    }
    return true;
  }

  /** The incident is over; the next occurrence alerts again. */
  resolve(mallId: string, event: AlertEvent): void {
    this.open.delete(keyOf(mallId, event));
  }

  isOpen(mallId: string, event: AlertEvent): boolean {
    return this.open.has(keyOf(mallId, event));
  }

  /** The mall's open incidents (`watch` replicas hand them on with the mall, so none is alerted twice). */
  openFor(mallId: string): AlertEvent[] {
    return ALERT_EVENTS.filter((event) => this.open.has(keyOf(mallId, event)));
  }

  /** Takes over the mall's open incidents as another replica left them: exactly these are open now. */
  adopt(mallId: string, open: readonly AlertEvent[]): void {
    for (const event of ALERT_EVENTS) {
      if (open.includes(event)) this.open.add(keyOf(mallId, event));
      else this.open.delete(keyOf(mallId, event));
    }
  }

  /** Resolves once every delivery started so far has finished (each is bounded by the timeout). */
  async settled(): Promise<void> {
    while (this.deliveries.size > 0) await Promise.allSettled([...this.deliveries]);
  }

  private async deliver(sink: AlertSink, alert: Alert): Promise<void> {
    try {
      await sink.send(alert, AbortSignal.timeout(this.timeoutMs));
      this.logger.info({ mallId: alert.mallId, event: alert.event, sink: sink.name }, "alert delivered");
    } catch (error) {
      this.logger.warn(
        {
          mallId: alert.mallId,
          event: alert.event,
          sink: sink.name,
          // Sinks word their own errors (never the URL: a Slack webhook URL is a credential).
          reason: error instanceof Error ? error.message.slice(0, 120) : "unknown",
        },
        "alert delivery failed",
      );
    }
  }
}

const keyOf = (mallId: string, event: AlertEvent): string => `${mallId}\u0000${event}`;
