import { randomUUID } from "node:crypto";
import { formatKstIso } from "../../cafe24/kst.js";
import {
  signWebhook,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  WEBHOOK_TRACE_ID_HEADER,
} from "../../cafe24/webhook-signature.js";
import type { AppEvent } from "../app-state/app-install-state.js";
import type { MallState } from "../state/mall.js";

export interface WebhookTarget {
  url?: string | undefined;
  secret?: string | undefined;
}

/** Per-mall delivery counters, read through the control API's statistics. */
export interface WebhookDeliveryStats {
  /** Deliveries started (one per event, however many attempts it took). */
  sent: number;
  /** HTTP requests made, retries included. */
  attempts: number;
  delivered: number;
  /** Deliveries given up after the last retry. */
  failed: number;
}

export const emptyWebhookStats = (): WebhookDeliveryStats => ({
  sent: 0,
  attempts: 0,
  delivered: 0,
  failed: 0,
});

export interface WebhookDelivery {
  eventNo: number;
  traceId: string;
  outcome: "delivered" | "failed";
  attempts: number;
  /** The last HTTP status received; absent when the last attempt got no answer. */
  status?: number;
}

export interface WebhookSenderRuntime {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  /** The emulator clock, epoch ms: stamps event_date and the signed timestamp. */
  now: () => number;
}

/** 1 + 3 retries; the waits between attempts (bounded, so a dead receiver costs at most ~7 s plus timeouts). */
export const WEBHOOK_RETRY_DELAYS_MS = [1000, 2000, 4000] as const;
const ATTEMPT_TIMEOUT_MS = 5000;

/**
 * Delivers Cafe24-style webhooks to one configured URL. Cafe24's own webhook authentication is not in our
 * evidence, so each delivery carries OUR shared-secret HMAC (src/cafe24/webhook-signature.ts). Retries keep
 * the X-Trace-Id so a receiver can tell a retry from a new event; each attempt is stamped and signed afresh.
 */
export class WebhookSender {
  private target: WebhookTarget;
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly initial: WebhookTarget,
    private readonly runtime: WebhookSenderRuntime,
  ) {
    this.target = { ...initial };
  }

  configure(target: WebhookTarget): void {
    this.target = { ...target };
  }

  reset(): void {
    this.target = { ...this.initial };
  }

  get configured(): boolean {
    return this.target.url !== undefined;
  }

  /**
   * Sends the event in the background; the promise settles with the outcome (never rejects). The body has the
   * fields of Cafe24's app-event samples and no others (they carry no event_shop_no).
   */
  send(mall: MallState, event: AppEvent): Promise<WebhookDelivery> | undefined {
    const { url, secret } = this.target;
    if (url === undefined) return undefined;
    const eventNo = event.eventNo;
    const body = JSON.stringify({
      event_no: eventNo,
      resource: {
        mall_id: mall.mallId,
        client_id: mall.app.clientId,
        app_name: mall.app.name,
        [event.dateField]: formatKstIso(this.runtime.now()),
      },
    });
    mall.webhookDeliveries.sent += 1;
    const delivery = this.deliver(mall, url, secret, eventNo, body);
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
    return delivery;
  }

  /** Resolves when every delivery under way has finished (tests and the control API's settle route). */
  async settled(): Promise<void> {
    // Bounded: a delivery may be started while we wait, but each one ends after its last retry.
    for (let round = 0; round < 100 && this.pending.size > 0; round++)
      await Promise.allSettled([...this.pending]);
  }

  private async deliver(
    mall: MallState,
    url: string,
    secret: string | undefined,
    eventNo: number,
    body: string,
  ): Promise<WebhookDelivery> {
    const traceId = randomUUID();
    let status: number | undefined;
    let attempts = 0;
    for (let attempt = 0; attempt <= WEBHOOK_RETRY_DELAYS_MS.length; attempt++) {
      if (attempt > 0) await this.runtime.sleep(WEBHOOK_RETRY_DELAYS_MS[attempt - 1] ?? 0);
      attempts += 1;
      mall.webhookDeliveries.attempts += 1;
      status = await this.attempt(url, secret, traceId, body);
      if (status !== undefined && status >= 200 && status < 300) {
        mall.webhookDeliveries.delivered += 1;
        return { eventNo, traceId, outcome: "delivered", attempts, status };
      }
    }
    mall.webhookDeliveries.failed += 1;
    return { eventNo, traceId, outcome: "failed", attempts, ...(status === undefined ? {} : { status }) };
  }

  /** One POST; the HTTP status, or undefined when no answer came (refused, reset, timed out). */
  private async attempt(
    url: string,
    secret: string | undefined,
    traceId: string,
    body: string,
  ): Promise<number | undefined> {
    const timestamp = Math.floor(this.runtime.now() / 1000);
    const headers: Record<string, string> = {
      "content-type": "application/json",
      [WEBHOOK_TRACE_ID_HEADER]: traceId,
      [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
    };
    if (secret !== undefined) headers[WEBHOOK_SIGNATURE_HEADER] = signWebhook(secret, timestamp, body);
    try {
      const response = await this.runtime.fetch(url, {
        method: "POST",
        headers,
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      await response.body?.cancel();
      return response.status;
    } catch {
      return undefined;
    }
  }
}
