import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileTokenStore } from "../../src/store/file-token-store.js";
import type { Logger } from "../../src/util/runtime.js";
import { jsonWebhookSink, slackWebhookSink } from "../../src/watch/alert-sinks.js";
import { type Alert, Alerter, type AlertSink } from "../../src/watch/alerts.js";
import { launch, SECOND } from "../helpers/emulator.js";
import { tempDir } from "../helpers/token-files.js";
import { authorize, manualWatch, oauthOf, webhookReceiver } from "./watch-setup.js";

const alert = (event: Alert["event"], mallId = "shop1"): Alert => ({
  event,
  mallId,
  message: "m",
  at: Date.UTC(2026, 10, 27, 11, 41),
  command: null,
});

function recordingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (fields: Record<string, unknown>, message: string) =>
    lines.push(`${level} ${message} ${JSON.stringify(fields)}`);
  return {
    logger: { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") },
    lines,
  };
}

describe("Alerter", () => {
  it("sends one alert per incident until it is resolved", async () => {
    const sent: Alert[] = [];
    const sink: AlertSink = { name: "test", send: async (a) => void sent.push(a) };
    const alerter = new Alerter([sink]);
    for (let i = 0; i < 5; i++) alerter.raise(alert("refresh-failures"));
    alerter.raise(alert("refresh-failures", "shop2"));
    alerter.raise(alert("reauth-required"));
    alerter.resolve("shop1", "refresh-failures");
    alerter.raise(alert("refresh-failures"));
    await alerter.settled();
    expect(sent.map((a) => `${a.mallId} ${a.event}`)).toEqual([
      "shop1 refresh-failures",
      "shop2 refresh-failures",
      "shop1 reauth-required",
      "shop1 refresh-failures",
    ]);
  });

  it("logs a failed or hung delivery instead of throwing, and still delivers to the other sinks", async () => {
    const { logger, lines } = recordingLogger();
    const sent: Alert[] = [];
    const sinks: AlertSink[] = [
      { name: "broken", send: async () => Promise.reject(new Error("answered HTTP 500")) },
      {
        name: "hung",
        send: (_a, signal) =>
          new Promise((_resolve, reject) =>
            signal.addEventListener("abort", () => reject(new Error("timeout"))),
          ),
      },
      { name: "good", send: async (a) => void sent.push(a) },
    ];
    const alerter = new Alerter(sinks, { timeoutMs: 20, logger });
    expect(alerter.raise(alert("reauth-required"))).toBe(true);
    await alerter.settled();
    expect(sent).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith("warn alert delivery failed"))).toHaveLength(2);
  });

  it("refuses a malformed sink URL without echoing it", () => {
    expect(() => jsonWebhookSink({ url: "hooks.slack.com/services/T0/B0/SECRETPART" })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("SECRETPART") }),
    );
  });
});

describe("watch alerts through webhooks", () => {
  it("sends each incident once to a JSON webhook and to Slack, with no secret in any payload or log line", async () => {
    // The access token outlives the refresh token, so only the keep-alive can renew it: from 30 min on.
    const running = await launch({ ttl: { accessSec: 7200, refreshSec: 3600 } });
    const { control } = running;
    const mall = running.malls[0];
    if (!mall?.clientSecret) throw new Error("generated credentials expected");
    const mallId = mall.mallId;
    const store = new FileTokenStore({ path: join(await tempDir(), "{mall_id}.json") });
    const token = await authorize(running, store, mallId);
    const json = await webhookReceiver();
    const slack = await webhookReceiver();
    const { logger, lines } = recordingLogger();
    const { manager, ticks } = manualWatch({
      store,
      oauth: oauthOf(running),
      malls: [mallId],
      now: () => control.now(),
      random: () => 0,
      logger,
      alerts: { sinks: [jsonWebhookSink({ url: json.url }), slackWebhookSink({ url: slack.url })] },
    });
    await manager.start();
    try {
      control.setFaults([{ route: "/api/v2/oauth/token", kind: "status", status: 500 }]);
      control.advanceClock(1800 * SECOND);
      await ticks.until(() => json.bodies.length === 1, "the expiring alert");
      // Retries every 5 s (random 0: the bottom of each range); the third failure in a row alerts.
      for (let i = 0; i < 4; i++) {
        control.advanceClock(5 * SECOND);
        await ticks.pass(5);
      }
      await ticks.until(() => json.bodies.length === 2, "the failures alert");
      control.clearFaults();
      control.revokeAll(mallId);
      control.advanceClock(5 * SECOND);
      await ticks.until(() => json.bodies.length === 3, "the reauth alert");
      for (let i = 0; i < 10; i++) {
        control.advanceClock(5 * SECOND);
        await ticks.pass(3);
      }
    } finally {
      await manager.stop();
    }

    expect(json.bodies.map((b) => (b as { event: string }).event)).toEqual([
      "refresh-token-expiring",
      "refresh-failures",
      "reauth-required",
    ]);
    for (const body of json.bodies) {
      expect(Object.keys(body as object).sort()).toEqual(["at", "command", "event", "mallId", "message"]);
    }
    expect(slack.bodies).toHaveLength(3);
    for (const body of slack.bodies) {
      expect(body).toEqual({ text: expect.stringContaining(mallId), blocks: expect.any(Array) });
    }
    expect((slack.bodies[2] as { text: string }).text).toContain(
      `cafe24-doctor token login --mall ${mallId}`,
    );

    const secrets = [
      token.accessToken,
      token.refreshToken,
      mall.clientSecret,
      Buffer.from(`${mall.clientId}:${mall.clientSecret}`).toString("base64"),
    ];
    const everything = [...json.raw, ...slack.raw, ...lines, JSON.stringify(manager.snapshot())];
    for (const text of everything) for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
