import { afterEach, describe, expect, it } from "vitest";
import {
  type RunningStatusServer,
  startStatusServer,
} from "../../src/watch/status-server/start-status-server.js";
import type { StatusView } from "../../src/watch/status-server/status-view.js";
import type { WatchSnapshot } from "../../src/watch/watch-status.js";
import { fakeSource, healthyMall, NOW, REAUTH_COMMAND, reauthMall, snapshotOf } from "./fake-watch-source.js";

let server: RunningStatusServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(snapshot: WatchSnapshot) {
  server = await startStatusServer({ source: fakeSource(snapshot), lang: "en", now: () => NOW });
  return server.url;
}

describe("the status server's routes", () => {
  it("listens on 127.0.0.1 on a free port by default", async () => {
    const url = await serve(snapshotOf([healthyMall()]));
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("answers /status with the snapshot plus each token's remaining seconds at the server's now", async () => {
    const url = await serve(snapshotOf([healthyMall(), reauthMall()]));
    const res = await fetch(`${url}/status`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as StatusView;
    expect(body.now).toBe(NOW);
    expect(body.instanceId).toBe("host-a#1234");
    const [shop1, shop2] = body.malls;
    expect(shop1).toMatchObject({
      mallId: "shop1",
      state: "ok",
      accessTokenExpiresInSeconds: 3600 + 32 * 60 + 5,
      refreshTokenExpiresInSeconds: 13 * 86_400 + 4 * 3600 + 5 * 60 + 9,
      needsReauth: false,
    });
    expect(shop2).toMatchObject({
      state: "reauth-required",
      accessTokenExpiresInSeconds: -600,
      refreshTokenExpiresInSeconds: -3600,
      needsReauth: true,
      reauthCommand: REAUTH_COMMAND,
    });
    expect(body.counters.refreshes).toEqual({ shop1: 12, shop2: 3 });
  });

  it("copies only the contract's fields to /status and the page, so anything extra never leaks", async () => {
    const mall = { ...healthyMall(), accessToken: "SECRET-ACCESS-TOKEN" };
    const snapshot = { ...snapshotOf([mall]), clientSecret: "SECRET-CLIENT" } as WatchSnapshot;
    const url = await serve(snapshot);
    for (const path of ["/status", "/", "/metrics", "/healthz"]) {
      const text = await (await fetch(`${url}${path}`)).text();
      expect(text, path).not.toContain("SECRET");
    }
  });

  it("says /healthz ok while no mall needs a person, even when one is retrying", async () => {
    const retrying = { ...healthyMall("shop3"), state: "backoff" as const, consecutiveFailures: 2 };
    const url = await serve(snapshotOf([healthyMall(), retrying]));
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("answers /healthz 503 naming each mall that needs re-authorization or has no token", async () => {
    const noToken = {
      ...healthyMall("shop4"),
      state: "no-token" as const,
      accessTokenExpiresAt: null,
      refreshTokenExpiresAt: null,
      reauthCommand: "cafe24-doctor token login --mall shop4",
    };
    const url = await serve(snapshotOf([healthyMall(), reauthMall(), noToken]));
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      status: "reauth-required",
      malls: [
        { mallId: "shop2", state: "reauth-required", reauthCommand: REAUTH_COMMAND },
        { mallId: "shop4", state: "no-token", reauthCommand: "cafe24-doctor token login --mall shop4" },
      ],
    });
  });

  it("reads the source on every request: /healthz recovers once the mall is authorized again", async () => {
    const source = fakeSource(snapshotOf([reauthMall()]));
    server = await startStatusServer({ source, lang: "en", now: () => NOW });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(503);
    source.set(snapshotOf([healthyMall("shop2")]));
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("serves the page as HTML under a CSP that allows only its own inline style, script and ./status", async () => {
    const url = await serve(snapshotOf([healthyMall()]));
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    const page = await res.text();
    expect(page).toContain(`<script nonce="${nonce}">`);
    expect(page).toContain(`<style nonce="${nonce}">`);
  });

  it("answers 404 for anything else", async () => {
    const url = await serve(snapshotOf([]));
    expect((await fetch(`${url}/admin`)).status).toBe(404);
  });
});
