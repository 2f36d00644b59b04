import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { FileTokenStore } from "../../src/store/file-token-store.js";
import { jsonWebhookSink } from "../../src/watch/alert-sinks.js";
import { onceReport } from "../../src/watch/once-report.js";
import { createStatusApp } from "../../src/watch/status-server/create-status-app.js";
import type { WatchManager } from "../../src/watch/watch-manager.js";
import { launch, SECOND } from "../helpers/emulator.js";
import { tempDir } from "../helpers/token-files.js";
import { authorize, manualWatch, oauthOf, tokenRequests, webhookReceiver } from "./watch-setup.js";

const MINUTE = 60 * SECOND;

/** Admin API reads (verification calls) the emulator answered for a mall. */
const apiReads = (running: RunningEmulator, mallId: string): number =>
  Object.entries(running.control.stats(mallId).routes)
    .filter(([route]) => route.startsWith("GET /api/v2/admin/"))
    .reduce((sum, [, n]) => sum + n, 0);

/**
 * Mall "alpha" (and "bravo", untouched) authorized on a new emulator with 60-second access tokens (a refresh is
 * due 30 s in), kept by a manually ticked watch that alerts to a local receiver.
 */
async function setup(options: { accessSec?: number; verifyEveryMs?: number } = {}) {
  const running = await launch({
    malls: [{ mallId: "alpha" }, { mallId: "bravo" }],
    ttl: { accessSec: options.accessSec ?? 60, refreshSec: 14 * 86_400 },
  });
  const { control } = running;
  const store = new FileTokenStore({ path: join(await tempDir(), "{mall_id}.json") });
  await authorize(running, store, "alpha");
  await authorize(running, store, "bravo");
  const receiver = await webhookReceiver();
  const { manager, ticks } = manualWatch({
    store,
    oauth: oauthOf(running),
    malls: ["alpha", "bravo"],
    now: () => control.now(),
    verifyEveryMs: options.verifyEveryMs ?? 0,
    alerts: { sinks: [jsonWebhookSink({ url: receiver.url })] },
  });
  await manager.start();
  const alertsOf = (event: string) =>
    receiver.bodies.filter((b) => (b as { event: string; mallId: string }).event === event);
  return { running, control, store, receiver, manager, ticks, alertsOf };
}

const mall = (manager: WatchManager, mallId = "alpha") => {
  const found = manager.snapshot().malls.find((m) => m.mallId === mallId);
  if (!found) throw new Error(`no mall ${mallId}`);
  return found;
};

describe("watch when the merchant deletes the app or it expires", () => {
  it("notices a deleted app at the next refresh, stops refreshing it and alerts once", async () => {
    const { running, control, manager, ticks, alertsOf, receiver } = await setup();
    control.setAppState("alpha", "deleted");
    control.advanceClock(30 * SECOND);

    await ticks.until(() => mall(manager).state === "app-deleted", "alpha app-deleted");

    expect(tokenRequests(running, "alpha")).toBe(1);
    // Many ticks and hours later (each token expiring many times over): not one more request for alpha.
    for (let i = 0; i < 30; i++) {
      control.advanceClock(10 * MINUTE);
      await ticks.pass();
    }
    expect(tokenRequests(running, "alpha")).toBe(1);
    expect(apiReads(running, "alpha")).toBe(0);
    // The other mall went on being refreshed all along.
    expect(tokenRequests(running, "bravo")).toBeGreaterThan(10);
    expect(mall(manager, "bravo").state).toBe("ok");
    expect(alertsOf("app-deleted")).toEqual([
      expect.objectContaining({
        mallId: "alpha",
        command: "cafe24-doctor token login --mall alpha",
        message: expect.stringMatching(/deleted the app from mall alpha.*refused the refresh/),
      }),
    ]);
    // No other alert for it: not "refresh failing", not "refresh token expiring".
    expect(receiver.bodies.filter((b) => (b as { mallId: string }).mallId === "alpha")).toHaveLength(1);
    const alpha = mall(manager);
    expect(alpha).toMatchObject({
      nextRefreshAt: null,
      reauthCommand: "cafe24-doctor token login --mall alpha",
    });
    expect(alpha.events.map((e) => e.kind)).toContain("app-removed");
  });

  it("notices an expired app at the next verifying read (403) and stops verifying and refreshing it", async () => {
    const { running, control, manager, ticks, alertsOf } = await setup({
      accessSec: 7200,
      verifyEveryMs: 5 * MINUTE,
    });
    control.setAppState("alpha", "expired");
    control.advanceClock(6 * MINUTE);

    await ticks.until(() => mall(manager).state === "app-expired", "alpha app-expired");

    expect(apiReads(running, "alpha")).toBe(1);
    expect(tokenRequests(running, "alpha")).toBe(0);
    for (let i = 0; i < 30; i++) {
      control.advanceClock(10 * MINUTE);
      await ticks.pass();
    }
    // Five hours on: the access token (2 h) would have been refreshed twice and verified many times.
    expect(apiReads(running, "alpha")).toBe(1);
    expect(tokenRequests(running, "alpha")).toBe(0);
    expect(tokenRequests(running, "bravo")).toBeGreaterThan(0);
    expect(alertsOf("app-expired")).toHaveLength(1);
    expect(mall(manager).lastError?.code).toBe("CAFE24_APP_REMOVED");
  });

  it("a 403 about a missing scope still proves the token: the mall stays ok", async () => {
    const { running, control, manager, ticks } = await setup({ accessSec: 7200, verifyEveryMs: 5 * MINUTE });
    control.setAppScopes("alpha", ["mall.read_product"], { applyToTokens: true });
    control.advanceClock(6 * MINUTE);
    await ticks.until(() => apiReads(running, "alpha") === 1, "one verifying read");

    expect(control.stats("alpha").responses["403"]).toBe(1);
    expect(mall(manager).state).toBe("ok");
    expect(mall(manager).lastVerifiedAt).toBe(control.now());
  });

  it("resumes refreshing once the app is installed again and a new token is stored, and alerts anew next time", async () => {
    const { running, control, store, manager, ticks, alertsOf } = await setup();
    control.setAppState("alpha", "deleted");
    control.advanceClock(30 * SECOND);
    await ticks.until(() => mall(manager).state === "app-deleted", "alpha app-deleted");
    // Installing the app again is not enough: the old tokens are dead, so watch keeps waiting.
    control.setAppState("alpha", "active");
    await ticks.pass(3);
    expect(mall(manager).state).toBe("app-deleted");
    expect(tokenRequests(running, "alpha")).toBe(1);

    await authorize(running, store, "alpha");
    await ticks.until(() => mall(manager).state === "ok", "alpha ok after re-consent");
    control.advanceClock(31 * SECOND);
    await ticks.until(() => tokenRequests(running, "alpha") === 2, "alpha refreshed again");
    expect(mall(manager).state).toBe("ok");

    control.setAppState("alpha", "deleted");
    control.advanceClock(31 * SECOND);
    await ticks.until(() => mall(manager).state === "app-deleted", "alpha app-deleted again");
    expect(alertsOf("app-deleted")).toHaveLength(2);
  });

  it("fails a `watch --once` pass naming the removal, and /healthz answers 503 for it", async () => {
    const { control, manager } = await setup({ accessSec: 7200 });
    control.setAppState("alpha", "deleted");

    const summary = await manager.runOnce();
    const report = onceReport(summary, control.now());

    expect(summary).toMatchObject({ ok: false, appRemoved: ["alpha"], verified: ["bravo"] });
    expect(report.exitCode).toBe(2);
    expect(report.summary.appRemoved).toEqual(["alpha"]);
    expect(report.malls.find((m) => m.mallId === "alpha")).toMatchObject({
      state: "app-deleted",
      needsPerson: true,
      action: "app-deleted",
      command: "cafe24-doctor token login --mall alpha",
    });
    const app = createStatusApp({ source: manager, lang: "en", now: () => control.now() });
    const health = await app.request("/healthz");
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({
      malls: [
        { mallId: "alpha", state: "app-deleted", reauthCommand: "cafe24-doctor token login --mall alpha" },
      ],
    });
    const metrics = await (await app.request("/metrics")).text();
    expect(metrics).toContain('cafe24_doctor_mall_app_removed{mall="alpha",reason="deleted"} 1');
    expect(metrics).not.toContain('cafe24_doctor_mall_app_removed{mall="bravo"');
    expect(metrics).toContain('cafe24_doctor_mall_needs_reauth{mall="alpha"} 1');
  });
});
