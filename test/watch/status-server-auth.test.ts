import { afterEach, describe, expect, it } from "vitest";
import { DoctorError } from "../../src/errors/doctor-error.js";
import { isLoopbackHost } from "../../src/util/is-loopback-host.js";
import {
  type RunningStatusServer,
  startStatusServer,
} from "../../src/watch/status-server/start-status-server.js";
import { fakeSource, healthyMall, NOW, reauthMall, snapshotOf } from "./fake-watch-source.js";

const TOKEN = "s3cret-status-token";
const source = () => fakeSource(snapshotOf([healthyMall(), reauthMall()]));

let server: RunningStatusServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("the status server's access control", () => {
  it("requires the bearer token on the page, /status and /metrics when one is set", async () => {
    server = await startStatusServer({ source: source(), lang: "en", bearerToken: TOKEN, now: () => NOW });
    const wrong: Record<string, string>[] = [
      {},
      { authorization: "Bearer wrong-token" },
      { authorization: `Bearer ${TOKEN}x` },
      { authorization: `Basic ${Buffer.from(`user:${TOKEN}`).toString("base64")}` },
      { authorization: TOKEN },
    ];
    for (const path of ["/", "/status", "/metrics", "/?lang=ko"]) {
      for (const headers of wrong) {
        const res = await fetch(`${server.url}${path}`, { headers });
        expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(401);
        expect(res.headers.get("www-authenticate")).toMatch(/^Bearer /);
        expect(await res.text()).not.toContain("shop1");
      }
      const ok = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(ok.status, path).toBe(200);
    }
  });

  it("leaves /healthz open for probes that carry no credentials", async () => {
    server = await startStatusServer({ source: source(), lang: "en", bearerToken: TOKEN, now: () => NOW });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(503);
  });

  it("asks for nothing on loopback without a bearer token", async () => {
    server = await startStatusServer({ source: source(), lang: "en", now: () => NOW });
    expect((await fetch(`${server.url}/status`)).status).toBe(200);
  });

  it("refuses to bind a non-loopback address without a bearer token, and says why", async () => {
    for (const host of ["0.0.0.0", "::", "192.168.0.10"]) {
      const error = await startStatusServer({ source: source(), lang: "en", host }).catch((e: unknown) => e);
      expect(error, host).toBeInstanceOf(DoctorError);
      expect((error as DoctorError).code).toBe("INVALID_OPTIONS");
      expect((error as DoctorError).message).toMatch(/without a bearer token/);
    }
  });

  it("says its refusals in Korean under lang ko: the bind without a token, and a request without one", async () => {
    const error = await startStatusServer({ source: source(), lang: "ko", host: "0.0.0.0" }).catch(
      (e: unknown) => e,
    );
    expect((error as DoctorError).message).toContain(
      "bearer 토큰 없이 0.0.0.0에서 상태 페이지를 열지 않습니다",
    );
    server = await startStatusServer({ source: source(), lang: "ko", bearerToken: TOKEN, now: () => NOW });
    const res = await fetch(`${server.url}/status`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: "unauthorized",
      message: expect.stringContaining("bearer 토큰이 필요합니다"),
    });
    const english = (await (await fetch(`${server.url}/status?lang=en`)).json()) as { message: string };
    expect(english.message).toContain("needs the bearer token");
  });

  it("binds a non-loopback address when a bearer token is set, and then requires it", async () => {
    server = await startStatusServer({ source: source(), lang: "en", host: "0.0.0.0", bearerToken: TOKEN });
    const port = new URL(server.url).port;
    expect((await fetch(`http://127.0.0.1:${port}/status`)).status).toBe(401);
    const res = await fetch(`http://127.0.0.1:${port}/status`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(200);
  });

  it("rejects an empty bearer token instead of treating it as no protection", async () => {
    const error = await startStatusServer({ source: source(), lang: "en", bearerToken: " " }).catch((e) => e);
    expect(error).toBeInstanceOf(DoctorError);
    expect((error as DoctorError).code).toBe("INVALID_OPTIONS");
  });

  it("tells loopback addresses from addresses other machines can reach", () => {
    for (const host of ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "::ffff:127.0.0.1"])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ["0.0.0.0", "::", "10.0.0.1", "192.168.0.10", "example.com", "::ffff:10.0.0.1", ""])
      expect(isLoopbackHost(host), host).toBe(false);
  });
});
