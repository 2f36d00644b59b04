import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhookSignature } from "../../src/cafe24/webhook-signature.js";

const SECRET = "whsec-test-0123456789";
const BODY = '{"event_no":90077,"resource":{"mall_id":"shop1","event_shop_no":"1"}}';
const SENT_AT = 1_796_000_000; // unix seconds
const AT_SEND = SENT_AT * 1000;

describe("signWebhook", () => {
  it("is sha256= followed by the hex HMAC-SHA256 of '<timestamp>.<raw body>' under the shared secret", () => {
    const expected = createHmac("sha256", SECRET).update(`${SENT_AT}.${BODY}`).digest("hex");
    expect(signWebhook(SECRET, SENT_AT, BODY)).toBe(`sha256=${expected}`);
  });

  it("signs the same bytes the same way whether the body is given as text or as bytes", () => {
    expect(signWebhook(SECRET, SENT_AT, Buffer.from(BODY, "utf8"))).toBe(signWebhook(SECRET, SENT_AT, BODY));
  });

  it("changes when the timestamp, the body or the secret changes", () => {
    const base = signWebhook(SECRET, SENT_AT, BODY);
    expect(signWebhook(SECRET, SENT_AT + 1, BODY)).not.toBe(base);
    expect(signWebhook(SECRET, SENT_AT, `${BODY} `)).not.toBe(base);
    expect(signWebhook(`${SECRET}x`, SENT_AT, BODY)).not.toBe(base);
  });
});

describe("verifyWebhookSignature", () => {
  const valid = {
    secret: SECRET,
    timestamp: String(SENT_AT),
    rawBody: BODY,
    signature: signWebhook(SECRET, SENT_AT, BODY),
    now: AT_SEND,
  };

  it("accepts a delivery signed with the shared secret and received on time", () => {
    expect(verifyWebhookSignature(valid)).toBe("ok");
  });

  it("accepts the signature header in upper-case hex too", () => {
    expect(verifyWebhookSignature({ ...valid, signature: valid.signature.toUpperCase() })).toBe("ok");
  });

  it("accepts a delivery up to five minutes early or late by default, and not a second more", () => {
    expect(verifyWebhookSignature({ ...valid, now: AT_SEND + 300_000 })).toBe("ok");
    expect(verifyWebhookSignature({ ...valid, now: AT_SEND - 300_000 })).toBe("ok");
    expect(verifyWebhookSignature({ ...valid, now: AT_SEND + 301_000 })).toBe("stale");
    expect(verifyWebhookSignature({ ...valid, now: AT_SEND - 301_000 })).toBe("stale");
  });

  it("honours a custom tolerance", () => {
    expect(verifyWebhookSignature({ ...valid, now: AT_SEND + 61_000, toleranceSec: 60 })).toBe("stale");
    expect(verifyWebhookSignature({ ...valid, now: AT_SEND + 59_000, toleranceSec: 60 })).toBe("ok");
  });

  it("refuses a body changed by a single byte", () => {
    expect(verifyWebhookSignature({ ...valid, rawBody: BODY.replace("90077", "90078") })).toBe(
      "bad-signature",
    );
  });

  it("refuses a signature made with another secret", () => {
    expect(verifyWebhookSignature({ ...valid, secret: "another-secret" })).toBe("bad-signature");
  });

  it("refuses an old delivery replayed under a fresh timestamp header", () => {
    const later = SENT_AT + 3600;
    expect(verifyWebhookSignature({ ...valid, timestamp: String(later), now: later * 1000 })).toBe(
      "bad-signature",
    );
  });

  it("reports a stale timestamp only for an otherwise genuine signature", () => {
    const forged = { ...valid, secret: "another-secret", now: AT_SEND + 3_600_000 };
    expect(verifyWebhookSignature(forged)).toBe("bad-signature");
  });

  it.each([
    ["no signature header", { signature: undefined }],
    ["no timestamp header", { timestamp: undefined }],
    ["a timestamp that is not unix seconds", { timestamp: "2026-12-03T10:00:00+09:00" }],
    ["a signature without the sha256= prefix", { signature: "deadbeef" }],
    ["a signature of the wrong length", { signature: "sha256=abcd" }],
    ["a signature that is not hex", { signature: `sha256=${"z".repeat(64)}` }],
  ])("calls a delivery with %s malformed", (_name, change) => {
    expect(verifyWebhookSignature({ ...valid, ...change })).toBe("malformed");
  });
});
