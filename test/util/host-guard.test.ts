import { networkInterfaces } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { startEmulator } from "../../src/emulator/server.js";
import { DoctorError } from "../../src/errors/doctor-error.js";
import { hostPolicy } from "../../src/util/host-guard.js";
import {
  type RunningStatusServer,
  startStatusServer,
} from "../../src/watch/status-server/start-status-server.js";
import { launch } from "../helpers/emulator.js";
import { requestWithHost } from "../helpers/request-with-host.js";
import { fakeSource, healthyMall, NOW, snapshotOf } from "../watch/fake-watch-source.js";

const TOKEN = "s3cret-status-token";
const source = () => fakeSource(snapshotOf([healthyMall()]));

let server: RunningStatusServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("the status server's Host check", () => {
  it("refuses a request whose Host is not the server's own (DNS rebinding) with 421, naming the Host and the fix", async () => {
    server = await startStatusServer({ source: source(), lang: "en", now: () => NOW });
    const port = new URL(server.url).port;
    for (const path of ["/", "/status", "/healthz", "/metrics"]) {
      const answer = await requestWithHost(`${server.url}${path}`, `evil.example:${port}`);
      expect(answer.status, path).toBe(421);
      expect(answer.body).not.toContain("shop1");
      const body = JSON.parse(answer.body) as { error: string; host: string; message: string };
      expect(body.error).toBe("misdirected_request");
      expect(body.host).toBe(`evil.example:${port}`);
      expect(body.message).toContain("--status-allow-host evil.example");
    }
  });

  it("answers its URL, and localhost, 127.0.0.1 and [::1] with its own port when bound on loopback", async () => {
    server = await startStatusServer({ source: source(), lang: "en", now: () => NOW });
    const port = new URL(server.url).port;
    expect((await fetch(`${server.url}/status`)).status).toBe(200);
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`]) {
      expect((await requestWithHost(`${server.url}/status`, host)).status, host).toBe(200);
    }
    for (const host of ["localhost:1", "localhost", `127.0.0.2:${port}`]) {
      expect((await requestWithHost(`${server.url}/status`, host)).status, host).toBe(421);
    }
  });

  it("answers a name the operator allowed (allowedHosts), with any port or none", async () => {
    server = await startStatusServer({
      source: source(),
      lang: "en",
      allowedHosts: ["status.internal"],
      now: () => NOW,
    });
    for (const host of ["status.internal", "status.internal:8443", "STATUS.internal"]) {
      expect((await requestWithHost(`${server.url}/status`, host)).status, host).toBe(200);
    }
    expect((await requestWithHost(`${server.url}/status`, "other.internal")).status).toBe(421);
  });

  it("on a wildcard address with a bearer token, answers this machine's interface addresses and refuses other names", async () => {
    server = await startStatusServer({
      source: source(),
      lang: "en",
      host: "0.0.0.0",
      bearerToken: TOKEN,
      now: () => NOW,
    });
    const port = new URL(server.url).port;
    const local = `http://127.0.0.1:${port}/status`;
    const auth = { authorization: `Bearer ${TOKEN}` };
    const ipv4 = Object.values(networkInterfaces())
      .flatMap((list) => list ?? [])
      .filter((i) => i.family === "IPv4")
      .map((i) => i.address);
    for (const address of ipv4) {
      expect((await requestWithHost(local, `${address}:${port}`, { headers: auth })).status, address).toBe(
        200,
      );
    }
    expect((await requestWithHost(local, `localhost:${port}`, { headers: auth })).status).toBe(200);
    expect((await requestWithHost(local, `evil.example:${port}`, { headers: auth })).status).toBe(421);
  });

  it("refuses an allowedHosts entry that is not a host name, before listening", async () => {
    for (const entry of ["http://status.internal", "status.internal:8443", "a/b", ""]) {
      const error = await startStatusServer({ source: source(), lang: "en", allowedHosts: [entry] }).catch(
        (e: unknown) => e,
      );
      expect(error, entry).toBeInstanceOf(DoctorError);
      expect((error as DoctorError).code).toBe("INVALID_OPTIONS");
    }
  });
});

describe("the emulator's Host check", () => {
  it("refuses a request whose Host is not the emulator's own with 421, so a rebinding page can neither authorize nor mint tokens", async () => {
    const emu = await launch({ autoApprove: true, controlApi: true });
    const mall = emu.malls[0];
    if (!mall) throw new Error("no mall");
    const port = new URL(emu.url).port;
    const evil = `evil.example:${port}`;
    const authorize = new URLSearchParams({
      response_type: "code",
      client_id: mall.clientId,
      state: "s",
      redirect_uri: mall.redirectUri,
      scope: mall.scopes.join(","),
    });
    const consent = await requestWithHost(`${emu.url}/api/v2/oauth/authorize?${authorize}`, evil);
    expect(consent.status).toBe(421);
    expect(consent.body).toContain("--allow-host evil.example");
    const minted = await requestWithHost(`${emu.url}/__emulator/malls/${mall.mallId}/tokens`, evil, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(minted.status).toBe(421);
    const store = await requestWithHost(`${emu.url}/api/v2/admin/store`, evil);
    expect(store.status).toBe(421);
    const stats = emu.control.stats(mall.mallId);
    expect(stats.liveGrants).toBe(0);
    expect(stats.responses).toEqual({});
  });

  it("keeps answering its own URL and the names allowed with allowedHosts", async () => {
    const emu = await launch({ controlApi: true, allowedHosts: ["emulator.internal"] });
    const port = new URL(emu.url).port;
    expect((await fetch(`${emu.url}/__emulator/clock`)).status).toBe(200);
    for (const host of [`localhost:${port}`, "emulator.internal", `emulator.internal:${port}`]) {
      expect((await requestWithHost(`${emu.url}/__emulator/clock`, host)).status, host).toBe(200);
    }
  });

  it("still serves in-process callers under any origin: the check belongs to the socket server", async () => {
    const running = await startEmulator({ controlApi: true });
    try {
      const response = await running.emulator.fetch("http://emulator.test/__emulator/clock");
      expect(response.status).toBe(200);
    } finally {
      await running.close();
    }
  });
});

describe("hostPolicy", () => {
  it("matches Host values the way browsers send them", () => {
    const loopback = hostPolicy([])({ requested: "127.0.0.1", address: "127.0.0.1", port: 8725 });
    const accepted = ["127.0.0.1:8725", "localhost:8725", "[::1]:8725", "LocalHost:8725"];
    const refused = [undefined, "", "evil.example:8725", "127.0.0.1", "127.0.0.1:80", "localhost:8724"];
    for (const host of accepted) expect(loopback(host), host).toBe(true);
    for (const host of [...refused, "localhost:8725/x", "u@localhost:8725", "[::1]"])
      expect(loopback(host), String(host)).toBe(false);

    const onPort80 = hostPolicy([])({ requested: "localhost", address: "::1", port: 80 });
    for (const host of ["localhost", "localhost:80", "[::1]", "127.0.0.1"])
      expect(onPort80(host), host).toBe(true);

    const lan = hostPolicy(["[fd00::5]", "app.local"])({
      requested: "192.168.0.10",
      address: "192.168.0.10",
      port: 9000,
    });
    for (const host of ["192.168.0.10:9000", "[fd00::5]:1234", "app.local"])
      expect(lan(host), host).toBe(true);
    for (const host of ["localhost:9000", "127.0.0.1:9000", "192.168.0.10:9001"])
      expect(lan(host), host).toBe(false);
  });
});
