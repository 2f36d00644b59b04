import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it, onTestFinished } from "vitest";
import { verifyWebhookSignature } from "../../src/cafe24/webhook-signature.js";
import {
  adminGet,
  authorizeCode,
  exchangeCode,
  httpTarget,
  launch,
  obtainTokens,
  refreshGrant,
  START_MS,
  type Target,
} from "../helpers/emulator.js";

const DELETED_403 = {
  error: { code: 403, message: "This app is deleted. Receive the consent of the operator again." },
};
const EXPIRED_403 = {
  error: {
    code: 403,
    message:
      "This app has expired. Renew the app in the Cafe24 Store and receive the consent of the operator again.",
  },
};
const SECRET = "whsec-emulator-test";

interface Received {
  headers: IncomingHttpHeaders;
  rawBody: string;
}

/** A webhook receiver on 127.0.0.1 answering request N with statuses[N] (the last one after that). */
async function receiver(statuses: number[]) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, rawBody: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(statuses[received.length - 1] ?? statuses.at(-1) ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received };
}

/** A running emulator with the control API, its first mall as a target, a recorder of (injected) backoff sleeps. */
async function setup(options: Parameters<typeof launch>[0] = {}) {
  const sleeps: number[] = [];
  const running = await launch(
    { controlApi: true, autoApprove: true, ...options },
    {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    },
  );
  const target = httpTarget(running);
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${running.url}/__emulator${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  return { running, target, control, sleeps, mallId: target.mall.mallId };
}

async function statusAndBody(response: Response) {
  return { status: response.status, body: (await response.json()) as unknown };
}

async function tokenAnswer(target: Target, refreshToken: string) {
  return statusAndBody(await refreshGrant(target, refreshToken));
}

describe("a mall whose app the merchant deleted", () => {
  it("answers every Admin call with Cafe24's 403, whatever token comes with it", async () => {
    const { running, target, mallId } = await setup();
    const tokens = await obtainTokens(target);
    running.control.setAppState(mallId, "deleted");
    for (const path of ["/store", "/products?limit=1", "/apps"]) {
      expect(await statusAndBody(await adminGet(target, path, tokens.access_token))).toEqual({
        status: 403,
        body: DELETED_403,
      });
    }
    expect(await statusAndBody(await adminGet(target, "/store", undefined))).toEqual({
      status: 403,
      body: DELETED_403,
    });
  });

  it("refuses the refresh grant with invalid_client 'This app is deleted.' and rotates nothing", async () => {
    const { running, target, mallId } = await setup();
    const tokens = await obtainTokens(target);
    running.control.setAppState(mallId, "deleted");
    expect(await tokenAnswer(target, tokens.refresh_token)).toEqual({
      status: 401,
      body: { error: "invalid_client", error_description: "This app is deleted." },
    });
    const stats = running.control.stats(mallId);
    expect(stats.grants.refresh_token).toBe(0);
    expect(stats.oauthErrors.invalid_client).toBe(1);
  });

  it("refuses the authorization_code grant too", async () => {
    const { running, target, mallId } = await setup();
    const code = await authorizeCode(target);
    running.control.setAppState(mallId, "deleted");
    expect(await statusAndBody(await exchangeCode(target, code))).toEqual({
      status: 401,
      body: { error: "invalid_client", error_description: "This app is deleted." },
    });
  });

  it("kills the app's tokens for good: re-installed, the old ones are invalid and a new consent works", async () => {
    const { running, target, mallId } = await setup();
    const old = await obtainTokens(target);
    expect(running.control.setAppState(mallId, "deleted")).toMatchObject({
      previous: "active",
      state: "deleted",
      revoked: 1,
    });
    running.control.setAppState(mallId, "active");
    expect((await adminGet(target, "/store", old.access_token)).status).toBe(401);
    expect((await refreshGrant(target, old.refresh_token)).status).not.toBe(200);
    const fresh = await obtainTokens(target);
    expect((await adminGet(target, "/store", fresh.access_token)).status).toBe(200);
  });
});

describe("a mall whose app expired", () => {
  it("answers Admin calls with the expired 403 and refuses refresh with 'This app has expired.'", async () => {
    const { running, target, mallId } = await setup();
    const tokens = await obtainTokens(target);
    running.control.setAppState(mallId, "expired");
    expect(await statusAndBody(await adminGet(target, "/store", tokens.access_token))).toEqual({
      status: 403,
      body: EXPIRED_403,
    });
    expect(await tokenAnswer(target, tokens.refresh_token)).toEqual({
      status: 401,
      body: { error: "invalid_client", error_description: "This app has expired." },
    });
  });

  it("serves the same tokens again once the app is renewed", async () => {
    const { running, target, mallId } = await setup();
    const tokens = await obtainTokens(target);
    expect(running.control.setAppState(mallId, "expired").revoked).toBe(0);
    running.control.setAppState(mallId, "active");
    expect((await adminGet(target, "/store", tokens.access_token)).status).toBe(200);
    expect((await refreshGrant(target, tokens.refresh_token)).status).toBe(200);
  });
});

describe("the app-state control route", () => {
  it("sets the state over HTTP, reports it in the statistics and refuses unknown states and malls", async () => {
    const { control, target, mallId } = await setup();
    const tokens = await obtainTokens(target);
    expect(await control("POST", `/malls/${mallId}/app-state`, { state: "deleted" })).toEqual({
      status: 200,
      json: { mallId, previous: "active", state: "deleted", revoked: 1, webhook: "none" },
    });
    expect((await control("GET", `/malls/${mallId}/stats`)).json.appState).toBe("deleted");
    expect((await adminGet(target, "/store", tokens.access_token)).status).toBe(403);
    expect((await control("POST", `/malls/${mallId}/app-state`, { state: "gone" })).status).toBe(400);
    expect((await control("POST", "/malls/nosuchmall/app-state", { state: "deleted" })).status).toBe(400);
    await control("POST", `/malls/${mallId}/app-state`, { state: "active" });
    expect((await control("GET", `/malls/${mallId}/stats`)).json.appState).toBe("active");
  });

  it("goes back to an installed app on reset", async () => {
    const { running, control, mallId } = await setup();
    running.control.setAppState(mallId, "expired");
    await control("POST", "/reset");
    expect(running.control.stats(mallId).appState).toBe("active");
  });
});

describe("app-deleted and app-expired webhooks", () => {
  it("POSTs event 90077 with Cafe24's sample fields (mall, app, KST deleted_date), signed so the receiver can verify it", async () => {
    const hook = await receiver([200]);
    const { running, mallId, target } = await setup({ webhooks: { url: hook.url, secret: SECRET } });
    const delivery = await running.control.setAppState(mallId, "deleted").webhook;
    expect(delivery).toMatchObject({ eventNo: 90077, outcome: "delivered", attempts: 1, status: 200 });
    expect(hook.received).toHaveLength(1);
    const [only] = hook.received as [Received];
    expect(only.headers["content-type"]).toBe("application/json");
    expect(only.headers["x-trace-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(only.headers["x-cafe24-webhook-timestamp"]).toBe(String(Math.floor(START_MS / 1000)));
    expect(JSON.parse(only.rawBody)).toEqual({
      event_no: 90077,
      resource: {
        mall_id: mallId,
        client_id: target.mall.clientId,
        app_name: "cafe24-doctor demo app",
        deleted_date: "2026-11-27T20:41:00+09:00",
      },
    });
    const verdict = (secret: string) =>
      verifyWebhookSignature({
        secret,
        timestamp: only.headers["x-cafe24-webhook-timestamp"] as string,
        signature: only.headers["x-cafe24-webhook-signature"] as string,
        rawBody: only.rawBody,
        now: START_MS,
      });
    expect(verdict(SECRET)).toBe("ok");
    expect(verdict("not-the-secret")).toBe("bad-signature");
    expect(running.control.stats(mallId).webhooks).toEqual({
      sent: 1,
      attempts: 1,
      delivered: 1,
      failed: 0,
    });
  });

  it("sends 90078 when the app expires, and nothing when the state does not change or becomes active", async () => {
    const hook = await receiver([200]);
    const { running, mallId } = await setup({ webhooks: { url: hook.url, secret: SECRET } });
    await running.control.setAppState(mallId, "expired").webhook;
    expect(running.control.setAppState(mallId, "expired").webhook).toBeUndefined();
    expect(running.control.setAppState(mallId, "active").webhook).toBeUndefined();
    expect(hook.received.map((r) => JSON.parse(r.rawBody))).toEqual([
      {
        event_no: 90078,
        resource: expect.objectContaining({ mall_id: mallId, expired_date: "2026-11-27T20:41:00+09:00" }),
      },
    ]);
  });

  it("retries a 500 with backoff, keeping the trace id, until the receiver accepts", async () => {
    const hook = await receiver([500, 503, 200]);
    const { running, mallId, sleeps } = await setup({ webhooks: { url: hook.url, secret: SECRET } });
    const delivery = await running.control.setAppState(mallId, "deleted").webhook;
    expect(delivery).toMatchObject({ outcome: "delivered", attempts: 3, status: 200 });
    expect(new Set(hook.received.map((r) => r.headers["x-trace-id"])).size).toBe(1);
    expect(sleeps).toEqual([1000, 2000]);
    expect(running.control.stats(mallId).webhooks).toEqual({
      sent: 1,
      attempts: 3,
      delivered: 1,
      failed: 0,
    });
  });

  it("gives up after three retries and counts the failure", async () => {
    const hook = await receiver([500]);
    const { running, mallId, sleeps } = await setup({ webhooks: { url: hook.url, secret: SECRET } });
    const delivery = await running.control.setAppState(mallId, "deleted").webhook;
    expect(delivery).toMatchObject({ outcome: "failed", attempts: 4, status: 500 });
    expect(hook.received).toHaveLength(4);
    expect(sleeps).toEqual([1000, 2000, 4000]);
    expect(running.control.stats(mallId).webhooks.failed).toBe(1);
  });

  it("counts a receiver that is not listening as a failed delivery, bounded the same way", async () => {
    // Port 9 (discard) has no listener on a test machine: every attempt is refused at once.
    const { running, mallId } = await setup({
      webhooks: { url: "http://127.0.0.1:9/hooks", secret: SECRET },
    });
    const delivery = await running.control.setAppState(mallId, "deleted").webhook;
    expect(delivery).toMatchObject({ outcome: "failed", attempts: 4 });
    expect(delivery?.status).toBeUndefined();
    expect(running.control.stats(mallId).webhooks).toEqual({ sent: 1, attempts: 4, delivered: 0, failed: 1 });
  });

  it("delivers nothing when no URL is set", async () => {
    const hook = await receiver([200]);
    const { running, mallId } = await setup();
    expect(running.control.setAppState(mallId, "deleted").webhook).toBeUndefined();
    await running.control.webhooksSettled();
    expect(hook.received).toHaveLength(0);
    expect(running.control.stats(mallId).webhooks.sent).toBe(0);
  });

  it("is pointed at a URL through the control API, and the settle route waits for the delivery", async () => {
    const hook = await receiver([500, 200]);
    const { control, mallId } = await setup();
    expect((await control("PUT", "/webhook", { url: "ftp://127.0.0.1/x" })).status).toBe(400);
    await control("PUT", "/webhook", { url: hook.url, secret: SECRET });
    expect((await control("POST", `/malls/${mallId}/app-state`, { state: "expired" })).json.webhook).toBe(
      "sending",
    );
    await control("POST", "/webhooks/settle");
    expect(hook.received).toHaveLength(2);
    expect((await control("GET", `/malls/${mallId}/stats`)).json.webhooks).toEqual({
      sent: 1,
      attempts: 2,
      delivered: 1,
      failed: 0,
    });
    await control("PUT", "/webhook", { url: null });
    expect((await control("POST", `/malls/${mallId}/app-state`, { state: "deleted" })).json.webhook).toBe(
      "none",
    );
  });

  it("sends no signature header when no secret is configured", async () => {
    const hook = await receiver([200]);
    const { running, mallId } = await setup({ webhooks: { url: hook.url } });
    await running.control.setAppState(mallId, "deleted").webhook;
    expect(hook.received[0]?.headers["x-cafe24-webhook-signature"]).toBeUndefined();
  });
});
