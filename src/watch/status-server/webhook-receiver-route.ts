import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import {
  DEFAULT_WEBHOOK_TOLERANCE_SEC,
  verifyWebhookSignature,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  WEBHOOK_TRACE_ID_HEADER,
} from "../../cafe24/webhook-signature.js";
import type { Logger, Now } from "../../util/runtime.js";
import type { AppRemoval } from "../app-removal.js";
import { type ReplayGuardOptions, WebhookReplayGuard } from "./webhook-replay-guard.js";

/** Where Cafe24 (or the emulator) posts the app's webhooks. */
export const WEBHOOK_PATH = "/v1/webhooks/cafe24";
/** An app event is a few hundred bytes; anything near this is not one. */
export const MAX_WEBHOOK_BODY_BYTES = 64 * 1024;

/** Cafe24's app events (noston/cafe24-api-spec cafe24-webhook-spec.md): 90077 app deleted, 90078 app expired. */
const APP_EVENTS: Readonly<Record<number, AppRemoval>> = { 90077: "deleted", 90078: "expired" };
const MALL_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A delivery id as logged and remembered; anything longer or stranger is refused, never echoed. */
const TRACE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const eventSchema = z.object({
  event_no: z.union([
    z.number().int(),
    z
      .string()
      .regex(/^\d{1,9}$/)
      .transform(Number),
  ]),
  resource: z.object({ mall_id: z.string(), client_id: z.string() }).loose(),
});

export interface WebhookReceiverOptions {
  /** The shared secret deliveries are signed with (`CAFE24_WEBHOOK_SECRET`). */
  secret: string;
  /** This app's client id: events about another app are ignored. */
  clientId: string;
  /**
   * Called once per verified, new app-deleted/expired event for this app; answers whether the mall is one
   * this watch keeps (false: the event is acknowledged and ignored).
   */
  onAppRemoved: (mallId: string, removal: AppRemoval) => Promise<boolean> | boolean;
  /** How far the signed timestamp may be from watch's clock, either way. @default 300 */
  toleranceSec?: number;
  replay?: ReplayGuardOptions;
  /** Every delivery is logged (delivery id, event, mall, outcome; never the secret or the signature). */
  logger?: Logger;
  /** Called once per delivery with the same record. */
  onDelivery?: (record: WebhookDeliveryRecord) => void;
}

/** One delivery as logged: what was received and what came of it. No secret, no signature, no body. */
export interface WebhookDeliveryRecord {
  /** Watch's clock, epoch ms. */
  at: number;
  outcome: WebhookOutcome;
  traceId?: string;
  eventNo?: number;
  mallId?: string;
}

export type WebhookOutcome =
  | "applied"
  | "duplicate"
  | "ignored-event"
  | "ignored-other-app"
  | "ignored-unknown-mall"
  | "bad-signature"
  | "stale"
  | "malformed"
  | "bad-request"
  | "too-large";

/**
 * `POST /v1/webhooks/cafe24`: authenticated by its signature (the status page's bearer token does not apply;
 * Cafe24 could not send it). Verified over the raw bytes, within ±toleranceSec of watch's clock, each delivery
 * id acted on once. Answers 2xx to everything verified — an event it does not act on included — so that the
 * sender does not retry it, and 401 to anything it cannot trust.
 */
export function webhookReceiverRoutes(options: WebhookReceiverOptions, now: Now): Hono {
  const { secret, clientId, onAppRemoved, logger, onDelivery } = options;
  const toleranceSec = options.toleranceSec ?? DEFAULT_WEBHOOK_TOLERANCE_SEC;
  const replays = new WebhookReplayGuard(now, options.replay);
  const app = new Hono();

  const answer = (
    c: Context,
    outcome: WebhookOutcome,
    fields: { traceId?: string; eventNo?: number; mallId?: string } = {},
  ) => {
    const record: WebhookDeliveryRecord = { at: now(), outcome, ...fields };
    logger?.info({ ...record }, "cafe24 webhook");
    onDelivery?.(record);
    switch (outcome) {
      case "applied":
        return c.json({ status: "accepted" });
      case "duplicate":
        return c.json({ status: "duplicate" });
      case "ignored-event":
      case "ignored-other-app":
      case "ignored-unknown-mall":
        return c.json({ status: "ignored", reason: outcome.slice("ignored-".length) });
      case "too-large":
        return c.json({ status: "too-large", maxBytes: MAX_WEBHOOK_BODY_BYTES }, 413);
      case "bad-request":
        return c.json({ status: "bad-request" }, 400);
      default:
        return c.json({ status: "unauthorized", reason: outcome }, 401);
    }
  };

  app.post(
    WEBHOOK_PATH,
    bodyLimit({ maxSize: MAX_WEBHOOK_BODY_BYTES, onError: (c) => answer(c, "too-large") }),
    async (c) => {
      const raw = new Uint8Array(await c.req.arrayBuffer());
      const verdict = verifyWebhookSignature({
        secret,
        timestamp: c.req.header(WEBHOOK_TIMESTAMP_HEADER),
        signature: c.req.header(WEBHOOK_SIGNATURE_HEADER),
        rawBody: raw,
        now: now(),
        toleranceSec,
      });
      if (verdict !== "ok") return answer(c, verdict);
      const traceId = c.req.header(WEBHOOK_TRACE_ID_HEADER)?.trim() ?? "";
      if (!TRACE_ID.test(traceId)) return answer(c, "bad-request");
      const event = parseEvent(raw);
      if (!event) return answer(c, "bad-request", { traceId });
      const fields = { traceId, eventNo: event.event_no, mallId: safeMallId(event.resource.mall_id) };
      // Remembered once verified (an unverified id would let anyone block a real delivery in advance).
      if (!replays.firstTime(traceId)) return answer(c, "duplicate", fields);
      if (event.resource.client_id !== clientId) return answer(c, "ignored-other-app", fields);
      const removal = APP_EVENTS[event.event_no];
      if (!removal) return answer(c, "ignored-event", fields);
      if (!MALL_ID.test(event.resource.mall_id)) return answer(c, "bad-request", fields);
      const kept = await onAppRemoved(event.resource.mall_id, removal);
      return answer(c, kept ? "applied" : "ignored-unknown-mall", fields);
    },
  );
  return app;
}

function parseEvent(raw: Uint8Array): z.infer<typeof eventSchema> | undefined {
  try {
    const parsed = eventSchema.safeParse(JSON.parse(new TextDecoder().decode(raw)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Mall ids are logged only when they look like one: the body is the sender's text. */
const safeMallId = (mallId: string): string => (MALL_ID.test(mallId) ? mallId : "(invalid)");
