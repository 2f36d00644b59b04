import { describe, expect, it, onTestFinished } from "vitest";
import type { TokenSet } from "../../src/cafe24/token-set.js";
import { MemoryTokenStore } from "../../src/store/memory-token-store.js";
import type { Logger } from "../../src/util/runtime.js";
import { jsonWebhookSink, slackPayload, webhookPayload } from "../../src/watch/alert-sinks.js";
import { startStatusServer } from "../../src/watch/status-server/start-status-server.js";
import { WatchManager } from "../../src/watch/watch-manager.js";
import { waitFor, webhookReceiver } from "../watch/watch-setup.js";
import { ACCESS_TOKEN, APP, echoUpstream, expectNoLeak, REFRESH_TOKEN } from "./echo-upstream.js";

/** A grant whose access token has a minute left: `watch` refreshes it at once. */
function dueToken(now: number): TokenSet {
  return {
    mallId: APP.mallId,
    accessToken: ACCESS_TOKEN,
    accessTokenExpiresAt: now + 60_000,
    refreshToken: REFRESH_TOKEN,
    refreshTokenExpiresAt: now + 14 * 86_400_000,
    scopes: ["mall.read_product"],
    issuedAt: now - 2 * 3600_000 + 60_000,
  };
}

function recordingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const line = (fields: Record<string, unknown>, message: string) => {
    lines.push(`${message} ${JSON.stringify(fields)}`);
  };
  return { logger: { debug: line, info: line, warn: line, error: line }, lines };
}

describe("watch when the token endpoint echoes the Basic header and the form", () => {
  it("keeps the client secret, its Basic encoding and the refresh token out of /status, the status page, the alert and the log", async () => {
    const upstream = await echoUpstream();
    const store = new MemoryTokenStore();
    const written = await store.compareAndSet(APP.mallId, undefined, dueToken(Date.now()));
    expect(written.ok).toBe(true);
    const receiver = await webhookReceiver();
    const { logger, lines } = recordingLogger();
    const manager = new WatchManager({
      store,
      oauth: {
        clientId: APP.clientId,
        clientSecret: APP.clientSecret,
        baseUrl: upstream.baseUrlTemplate,
        allowInsecureLoopback: true,
      },
      malls: [APP.mallId],
      tickMs: 5,
      jitterMs: 0,
      logger,
      alerts: { sinks: [jsonWebhookSink({ url: receiver.url })], failuresInARow: 1 },
    });
    onTestFinished(() => manager.stop());
    await manager.start();
    await waitFor(() => receiver.raw.length > 0, "an alert");
    const mall = manager.snapshot().malls[0];
    expect(mall?.lastError?.message).toMatch(/Basic \S+ is not a valid client/);

    const server = await startStatusServer({ source: manager, lang: "en" });
    onTestFinished(() => server.close());
    const status = await (await fetch(`${server.url}/status`)).text();
    const page = await (await fetch(`${server.url}/`)).text();
    expect(status).toContain("is not a valid client");
    expect(page).toContain("is not a valid client");

    expectNoLeak("/status", status);
    expectNoLeak("the status page", page);
    expectNoLeak("the alert", receiver.raw.join("\n"));
    expectNoLeak("the log", lines.join("\n"));
    expectNoLeak("the snapshot", JSON.stringify(manager.snapshot()));
  });

  it("masks anything shaped like a credential in an alert's payloads, whoever worded the message", () => {
    const alert = {
      event: "refresh-failures" as const,
      mallId: APP.mallId,
      message: `Refresh failed: Bearer ${ACCESS_TOKEN}, refresh_token=${REFRESH_TOKEN}, client_secret=${APP.clientSecret}`,
      at: Date.now(),
      command: null,
    };
    expectNoLeak("the webhook payload", JSON.stringify(webhookPayload(alert)));
    expectNoLeak("the Slack payload", JSON.stringify(slackPayload(alert)));
    expect(JSON.stringify(webhookPayload(alert))).toContain("Refresh failed: Bearer Ac…s2");
  });
});
