import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { signWebhook } from "../../src/cafe24/webhook-signature.js";
import { FileTokenStore } from "../../src/store/file-token-store.js";
import { jsonWebhookSink } from "../../src/watch/alert-sinks.js";
import { startStatusServer } from "../../src/watch/status-server/start-status-server.js";
import {
  MAX_WEBHOOK_BODY_BYTES,
  WEBHOOK_PATH,
  type WebhookDeliveryRecord,
} from "../../src/watch/status-server/webhook-receiver-route.js";
import { WebhookReplayGuard } from "../../src/watch/status-server/webhook-replay-guard.js";
import type { WatchManager } from "../../src/watch/watch-manager.js";
import { launch, SECOND } from "../helpers/emulator.js";
import { tempDir } from "../helpers/token-files.js";
import { authorize, manualWatch, oauthOf, tokenRequests, webhookReceiver } from "./watch-setup.js";

const MINUTE = 60 * SECOND;
const SECRET = "whsec-test-0123456789abcdef0123456789";
const STATUS_TOKEN = "status-page-token-0123456789";

/**
 * Malls "alpha" and "bravo" (each its own app, as the emulator generates them) kept by a manually ticked watch
 * of alpha's app, whose status server receives webhooks; the emulator delivers to it, signed with SECRET.
 */
async function setup(options: { bearerToken?: string } = {}) {
  const running = await launch({
    malls: [{ mallId: "alpha" }, { mallId: "bravo" }],
    ttl: { accessSec: 60, refreshSec: 14 * 86_400 },
  });
  const { control } = running;
  const clientId = running.malls.find((m) => m.mallId === "alpha")?.clientId ?? "";
  const store = new FileTokenStore({ path: join(await tempDir(), "{mall_id}.json") });
  await authorize(running, store, "alpha");
  await authorize(running, store, "bravo");
  const alerts = await webhookReceiver();
  const { manager, ticks } = manualWatch({
    store,
    oauth: oauthOf(running),
    malls: ["alpha", "bravo"],
    now: () => control.now(),
    verifyEveryMs: 0,
    alerts: { sinks: [jsonWebhookSink({ url: alerts.url })] },
  });
  await manager.start();
  const deliveries: WebhookDeliveryRecord[] = [];
  const server = await startStatusServer({
    source: manager,
    lang: "en",
    now: () => control.now(),
    ...(options.bearerToken ? { bearerToken: options.bearerToken } : {}),
    webhooks: {
      secret: SECRET,
      clientId,
      onAppRemoved: (mallId, removal) => manager.appRemoved(mallId, removal, "webhook"),
      onDelivery: (record) => deliveries.push(record),
    },
  });
  onTestFinished(() => server.close());
  const url = `${server.url}${WEBHOOK_PATH}`;
  control.setWebhook(url, SECRET);

  /** POSTs a delivery as the sender would: signed with `secret` at `at` (emulator clock, ms) unless overridden. */
  const post = (
    body: unknown,
    o: { traceId?: string | null; at?: number; secret?: string; signature?: string; raw?: string } = {},
  ) => {
    const raw = o.raw ?? JSON.stringify(body);
    const timestamp = String(Math.floor((o.at ?? control.now()) / 1000));
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "x-cafe24-webhook-timestamp": timestamp,
      "x-cafe24-webhook-signature": o.signature ?? signWebhook(o.secret ?? SECRET, timestamp, raw),
    };
    if (o.traceId !== null) headers["x-trace-id"] = o.traceId ?? crypto.randomUUID();
    return fetch(url, { method: "POST", headers, body: raw });
  };
  const event = (eventNo: number, mallId = "alpha", client = clientId) => ({
    event_no: eventNo,
    resource: {
      mall_id: mallId,
      client_id: client,
      app_name: "Test app",
      deleted_date: "2026-11-27T20:41:00+09:00",
    },
  });
  const alertsOf = (event: string) => alerts.bodies.filter((b) => (b as { event: string }).event === event);
  return { running, control, store, manager, ticks, server, deliveries, post, event, alertsOf };
}

const stateOf = (manager: WatchManager, mallId = "alpha") =>
  manager.snapshot().malls.find((m) => m.mallId === mallId)?.state;

describe("watch --receive-webhooks", () => {
  it("stops refreshing a mall at once when Cafe24's signed webhook says the app was deleted, and alerts once", async () => {
    const { running, control, manager, ticks, deliveries, alertsOf } = await setup();

    const change = control.setAppState("alpha", "deleted");
    expect(await change.webhook).toMatchObject({ outcome: "delivered", status: 200, attempts: 1 });

    // No tick has passed: the webhook alone changed the state.
    expect(stateOf(manager)).toBe("app-deleted");
    expect(deliveries).toEqual([
      expect.objectContaining({ outcome: "applied", eventNo: 90077, mallId: "alpha" }),
    ]);
    for (let i = 0; i < 20; i++) {
      control.advanceClock(5 * MINUTE);
      await ticks.pass();
    }
    expect(tokenRequests(running, "alpha")).toBe(0);
    expect(tokenRequests(running, "bravo")).toBeGreaterThan(5);
    expect(alertsOf("app-deleted")).toEqual([
      expect.objectContaining({ mallId: "alpha", message: expect.stringContaining("webhook said so") }),
    ]);
  });

  it("marks an expired app from its webhook (90078)", async () => {
    const { control, manager, alertsOf } = await setup();
    await control.setAppState("alpha", "expired").webhook;
    expect(stateOf(manager)).toBe("app-expired");
    await manager.idle();
    expect(alertsOf("app-expired")).toHaveLength(1);
  });

  it("ignores another app's event (its client_id is not ours) with 200, changing nothing", async () => {
    const { control, manager, deliveries } = await setup();

    const change = control.setAppState("bravo", "deleted");

    expect(await change.webhook).toMatchObject({ outcome: "delivered", status: 200 });
    expect(stateOf(manager, "bravo")).toBe("ok");
    expect(deliveries).toEqual([expect.objectContaining({ outcome: "ignored-other-app", mallId: "bravo" })]);
  });

  it("refuses a bad signature, a stale or future timestamp and a missing signature with 401, changing nothing", async () => {
    const { control, manager, post, event, alertsOf } = await setup();
    const body = event(90077);

    const answers = [
      await post(body, { secret: "someone-elses-secret" }),
      await post(body, { at: control.now() - 6 * MINUTE }),
      await post(body, { at: control.now() + 6 * MINUTE }),
      await post(body, { signature: "" }),
      await post(body, {
        raw: `${JSON.stringify(body)} `,
        signature: signWebhook(SECRET, Math.floor(control.now() / 1000), JSON.stringify(body)),
      }),
    ];

    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
    expect(
      await Promise.all(answers.map(async (a) => ((await a.json()) as { reason: string }).reason)),
    ).toEqual(["bad-signature", "stale", "stale", "malformed", "bad-signature"]);
    expect(stateOf(manager)).toBe("ok");
    await manager.idle();
    expect(alertsOf("app-deleted")).toEqual([]);
  });

  it("accepts a timestamp within 5 minutes of watch's clock", async () => {
    const { control, manager, post, event } = await setup();
    const res = await post(event(90077), { at: control.now() - 4 * MINUTE });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "accepted" });
    expect(stateOf(manager)).toBe("app-deleted");
  });

  it("acts on a delivery once: the same X-Trace-Id again answers duplicate and changes nothing", async () => {
    const { running, control, store, manager, ticks, post, event, alertsOf } = await setup();
    const traceId = "7f1c2a9e-0000-4000-8000-000000000001";
    expect(await (await post(event(90077), { traceId })).json()).toEqual({ status: "accepted" });
    expect(stateOf(manager)).toBe("app-deleted");
    // The merchant installs the app again and consents: watching resumes.
    control.setAppState("alpha", "active");
    await authorize(running, store, "alpha");
    await ticks.until(() => stateOf(manager) === "ok", "alpha ok after re-consent");

    // The old delivery replayed a minute later, freshly signed: remembered, not acted on.
    control.advanceClock(MINUTE);
    const replay = await post(event(90077), { traceId });

    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ status: "duplicate" });
    expect(stateOf(manager)).toBe("ok");
    await manager.idle();
    expect(alertsOf("app-deleted")).toHaveLength(1);
  });

  it("answers 200 ignored to events it does not act on, and 400 to a delivery it cannot read", async () => {
    const { manager, post, event, deliveries } = await setup();

    const unknown = await post(event(90001));
    const notOurs = await post(event(90077, "zulu"));
    const noTrace = await post(event(90077), { traceId: null });
    const notJson = await post(undefined, { raw: "not json" });

    expect(await unknown.json()).toEqual({ status: "ignored", reason: "event" });
    expect(await notOurs.json()).toEqual({ status: "ignored", reason: "unknown-mall" });
    expect([noTrace.status, notJson.status]).toEqual([400, 400]);
    expect(stateOf(manager)).toBe("ok");
    expect(deliveries.map((d) => d.outcome)).toEqual([
      "ignored-event",
      "ignored-unknown-mall",
      "bad-request",
      "bad-request",
    ]);
  });

  it("refuses a body over 64 KiB with 413 before reading it all", async () => {
    const { manager, post, event } = await setup();
    const big = { ...event(90077), padding: "x".repeat(MAX_WEBHOOK_BODY_BYTES) };

    const res = await post(big);

    expect(res.status).toBe(413);
    expect(stateOf(manager)).toBe("ok");
  });

  it("is authenticated by its signature, not the status page's bearer token", async () => {
    const { server, manager, post, event } = await setup({ bearerToken: STATUS_TOKEN });

    expect((await fetch(`${server.url}/status`)).status).toBe(401);
    const res = await post(event(90077));

    expect(res.status).toBe(200);
    expect(stateOf(manager)).toBe("app-deleted");
  });

  it("never logs the secret, a signature or the body", async () => {
    const { control, deliveries, post, event } = await setup();
    await control.setAppState("alpha", "deleted").webhook;
    await post(event(90077), { secret: "wrong" });

    const logged = JSON.stringify(deliveries);
    expect(logged).not.toContain(SECRET);
    expect(logged).not.toContain("sha256=");
    expect(logged).not.toContain("Test app");
    expect(deliveries).toHaveLength(2);
  });

  it("refuses to start with an empty secret", async () => {
    const { manager } = await setup();
    await expect(
      startStatusServer({
        source: manager,
        lang: "en",
        webhooks: { secret: " ", clientId: "x", onAppRemoved: () => true },
      }),
    ).rejects.toMatchObject({ code: "INVALID_OPTIONS" });
  });
});

describe("the webhook replay memory", () => {
  it("forgets a delivery id after its time, so memory stays bounded in age", () => {
    let now = 0;
    const guard = new WebhookReplayGuard(() => now, { ttlMs: 10 * MINUTE, maxEntries: 100 });
    expect(guard.firstTime("a")).toBe(true);
    now += 9 * MINUTE;
    expect(guard.firstTime("a")).toBe(false);
    expect(guard.firstTime("b")).toBe(true);
    now += MINUTE;
    // "a" is 10 minutes old: forgotten (a replay of it is stale by its signed timestamp anyway); "b" is kept.
    expect(guard.firstTime("b")).toBe(false);
    expect(guard.size).toBe(1);
    expect(guard.firstTime("a")).toBe(true);
  });

  it("keeps at most maxEntries ids, dropping the oldest first", () => {
    const guard = new WebhookReplayGuard(() => 0, { maxEntries: 3 });
    for (const id of ["a", "b", "c", "d"]) expect(guard.firstTime(id)).toBe(true);
    expect(guard.size).toBe(3);
    expect(guard.firstTime("b")).toBe(false);
    expect(guard.firstTime("a")).toBe(true);
  });
});
