import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Signing of the webhooks the emulator sends and `watch --receive-webhooks` accepts.
 *
 * Cafe24's own authentication of webhook deliveries is not in our evidence, so this shared-secret scheme is OUR
 * choice (docs/cafe24-facts.md): the sender puts the unix time in `X-Cafe24-Webhook-Timestamp` and
 * `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>` in `X-Cafe24-Webhook-Signature`. Binding the
 * timestamp into the MAC lets the receiver refuse old deliveries replayed with a fresh timestamp header.
 */

export const WEBHOOK_TIMESTAMP_HEADER = "x-cafe24-webhook-timestamp";
export const WEBHOOK_SIGNATURE_HEADER = "x-cafe24-webhook-signature";
export const WEBHOOK_TRACE_ID_HEADER = "x-trace-id";
export const DEFAULT_WEBHOOK_TOLERANCE_SEC = 300;

const SIGNATURE_PREFIX = "sha256=";
const HEX_SHA256 = /^[0-9a-f]{64}$/;
const UNIX_SECONDS = /^\d{1,12}$/;

function mac(secret: string, timestamp: number | string, rawBody: string | Uint8Array): Buffer {
  return createHmac("sha256", secret)
    .update(`${timestamp}.`, "utf8")
    .update(typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : rawBody)
    .digest();
}

/** The `X-Cafe24-Webhook-Signature` value for a body sent at `timestamp` (unix seconds): `sha256=<hex>`. */
export function signWebhook(
  secret: string,
  timestamp: number | string,
  rawBody: string | Uint8Array,
): string {
  return `${SIGNATURE_PREFIX}${mac(secret, timestamp, rawBody).toString("hex")}`;
}

export type WebhookVerdict = "ok" | "bad-signature" | "stale" | "malformed";

export interface VerifyWebhookInput {
  secret: string;
  /** The `X-Cafe24-Webhook-Timestamp` header as received (unix seconds). */
  timestamp: string | undefined;
  /** The body exactly as received: verifying a re-serialised JSON would fail on any byte difference. */
  rawBody: string | Uint8Array;
  /** The `X-Cafe24-Webhook-Signature` header as received. */
  signature: string | undefined;
  /** The receiver's clock, epoch milliseconds. */
  now: number;
  /** How far the timestamp may be from `now`, either way, in seconds. */
  toleranceSec?: number;
}

/**
 * Checks a delivery. "malformed" = a header missing or not in the expected shape; "stale" = the signature is
 * right but the timestamp is outside the tolerance (a replay or a badly skewed clock); "bad-signature" = anything
 * else that does not match. The signature is compared in constant time.
 */
export function verifyWebhookSignature(input: VerifyWebhookInput): WebhookVerdict {
  const { secret, timestamp, rawBody, signature, now } = input;
  const toleranceSec = input.toleranceSec ?? DEFAULT_WEBHOOK_TOLERANCE_SEC;
  const stamp = timestamp?.trim() ?? "";
  const sent = signature?.trim().toLowerCase() ?? "";
  if (!UNIX_SECONDS.test(stamp) || !sent.startsWith(SIGNATURE_PREFIX)) return "malformed";
  const hex = sent.slice(SIGNATURE_PREFIX.length);
  if (!HEX_SHA256.test(hex)) return "malformed";
  const expected = mac(secret, stamp, rawBody);
  if (!timingSafeEqual(Buffer.from(hex, "hex"), expected)) return "bad-signature";
  const skewSec = Math.abs(now / 1000 - Number(stamp));
  return skewSec > toleranceSec ? "stale" : "ok";
}
