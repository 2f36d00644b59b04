import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { type AddressInfo, createServer as createTcpServer, type Socket } from "node:net";
import { describe, expect, it, onTestFinished } from "vitest";
import type { ServiceProbe } from "../../../src/config/doctor-config.js";
import { servicesCheck } from "../../../src/doctor/checks/services.js";
import type { DoctorContext } from "../../../src/doctor/context.js";
import { offlineContext, testConfig } from "./context-helper.js";

const DAY = 86_400_000;

/** A self-signed certificate for localhost, valid until 2036: only its expiry date matters here. */
const TLS = {
  cert: readFileSync(new URL("./fixtures/services-tls.cert.pem", import.meta.url)),
  key: readFileSync(new URL("./fixtures/services-tls.key.pem", import.meta.url)),
};
const CERT_VALID_TO = Date.parse(new X509Certificate(TLS.cert).validTo);

/** Listens on an ephemeral loopback port until the test ends; `sockets` are cut first so close() returns. */
async function listening(
  server: Server | ReturnType<typeof createTcpServer>,
  sockets: Socket[] = [],
): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        if ("closeAllConnections" in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return (server.address() as AddressInfo).port;
}

/** An HTTP server answering every request with this status, content type and body. */
async function answering(status: number, body: string, type = "application/json"): Promise<string> {
  const port = await listening(
    createHttpServer((_req, res) => {
      res.writeHead(status, { "content-type": type });
      res.end(body);
    }),
  );
  return `http://127.0.0.1:${port}/health`;
}

/** Accepts connections and never says a word; `onConnection` hears of each. */
async function blackHole(onConnection: () => void = () => {}): Promise<string> {
  const sockets: Socket[] = [];
  const server = createTcpServer((socket) => {
    sockets.push(socket);
    onConnection();
  });
  return `http://127.0.0.1:${await listening(server, sockets)}/health`;
}

/** A port nothing listens on any more. */
async function closedPort(): Promise<string> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/health`;
}

const VALID_TOKEN = [{ path: "token_status.valid", equals: true }];

/** A generous timeout by default: a local answer must never be cut off because the machine is busy. */
function probe(name: string, url: string, extra: Partial<ServiceProbe> = {}): ServiceProbe {
  return { name, url, expectStatus: 200, assertions: [], timeoutMs: 10_000, ...extra };
}

function context(
  services: ServiceProbe[],
  localServers: ServiceProbe[] = [],
  signal?: AbortSignal,
): DoctorContext {
  return offlineContext(testConfig({ services, localServers }), signal);
}

describe("check 12: services", () => {
  it("passes services whose status and body are as expected", async () => {
    const url = await answering(200, JSON.stringify({ token_status: { valid: true }, mall: "demomall" }));
    const outcome = await servicesCheck.run(context([probe("api", url, { assertions: VALID_TOKEN })]), {});
    expect(outcome).toMatchObject({ status: "ok", findings: [] });
    expect(outcome.evidence).toMatchObject({ "deployed.api.status": 200, "deployed.api.result": "ok" });
    expect(outcome.evidence["deployed.api.ms"]).toEqual(expect.any(Number));
  });

  it("fails a deployment that answers 200 while its body says the token is invalid", async () => {
    const url = await answering(200, JSON.stringify({ status: "ok", token_status: { valid: false } }));
    const outcome = await servicesCheck.run(
      context([probe("dashboard", url, { assertions: VALID_TOKEN })]),
      {},
    );
    expect(outcome.status).toBe("fail");
    expect(outcome.findings).toEqual([
      expect.objectContaining({
        code: "SERVICE_TOKEN_INVALID",
        urgency: "critical",
        command: "cafe24-doctor token login",
        evidence: expect.objectContaining({
          service: "dashboard",
          kind: "deployed",
          status: 200,
          path: "token_status.valid",
          actualType: "boolean",
          actual: "false",
        }),
      }),
    ]);
  });

  it("masks a failed assertion's actual value when it could be a secret", async () => {
    const secret = "EAAGm0PX4ZCpsBAKZCmZB7Q1x9";
    const url = await answering(200, JSON.stringify({ access_token: secret }));
    const assertions = [{ path: "access_token", equals: "expected" }];
    const outcome = await servicesCheck.run(context([probe("api", url, { assertions })]), {});
    expect(outcome.findings[0]?.evidence).toMatchObject({ actualType: "string", actual: "EA…x9" });
    expect(JSON.stringify(outcome)).not.toContain(secret);
  });

  it("fails when assertions are configured but the body is not JSON", async () => {
    const url = await answering(200, "<html>Bad gateway</html>", "text/html");
    const outcome = await servicesCheck.run(context([probe("api", url, { assertions: VALID_TOKEN })]), {});
    expect(outcome.findings.map((f) => [f.code, f.evidence?.contentType])).toEqual([
      ["SERVICE_NOT_JSON", "text/html"],
    ]);
  });

  it("fails an unexpected status", async () => {
    const url = await answering(503, "{}");
    const outcome = await servicesCheck.run(context([probe("api", url)]), {});
    expect(outcome.findings).toEqual([
      expect.objectContaining({
        code: "SERVICE_BAD_STATUS",
        evidence: expect.objectContaining({ expected: 200, actual: 503 }),
      }),
    ]);
  });

  it("asks whether a refused local server is running", async () => {
    const outcome = await servicesCheck.run(context([], [probe("local app", await closedPort())]), {});
    expect(outcome.status).toBe("fail");
    expect(outcome.findings.map((f) => [f.code, f.urgency])).toEqual([["LOCAL_SERVER_DOWN", "high"]]);
  });

  it("probes concurrently, each cut off by its own timeout", async () => {
    const [hole1, hole2, healthy] = await Promise.all([blackHole(), blackHole(), answering(200, "{}")]);
    const ctx = context(
      [probe("a", hole1, { timeoutMs: 400 }), probe("b", hole2, { timeoutMs: 400 })],
      [probe("c", healthy)],
    );
    // Counts the probes in flight at once: one at a time would never have more than one.
    let inFlight = 0;
    let mostInFlight = 0;
    const probes: typeof ctx.fetch = async (input, init) => {
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      try {
        return await ctx.fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    // The deadline (15 s) is far off: only each probe's own timeout can end the silent ones.
    const outcome = await servicesCheck.run({ ...ctx, fetch: probes }, {});
    expect(mostInFlight).toBe(3);
    expect(outcome.findings.map((f) => [f.code, f.evidence?.service])).toEqual([
      ["SERVICE_TIMEOUT", "a"],
      ["SERVICE_TIMEOUT", "b"],
    ]);
    expect(outcome.summary).toEqual({
      key: "check.services.summary.problems",
      params: { count: 3, failed: 2, names: "a, b" },
    });
  });

  it("stops at the global deadline", async () => {
    const deadline = new AbortController();
    const hole = await blackHole(() => deadline.abort());
    const ctx = context([probe("a", hole, { timeoutMs: 60_000 })], [], deadline.signal);
    await expect(servicesCheck.run(ctx, {})).rejects.toMatchObject({ code: "CAFE24_ABORTED" });
  });

  it("shows no query string, which can hold a key", async () => {
    const url = await answering(500, "{}");
    const outcome = await servicesCheck.run(context([probe("api", `${url}?key=hunter2`)]), {});
    expect(JSON.stringify(outcome)).not.toContain("hunter2");
  });

  describe("https certificates", () => {
    async function httpsService(now: number) {
      const port = await listening(
        createHttpsServer(TLS, (_req, res) => {
          res.end("{}");
        }),
      );
      const ctx = context([probe("shop", `https://localhost:${port}/health`)]);
      // Whether the fixture's self-signed certificate is trusted is not this test's subject: the HTTP answer
      // is stubbed, the certificate is read from the real TLS server.
      return { ...ctx, now: () => now, fetch: async () => new Response("{}") };
    }

    it("warns when the certificate expires within 14 days", async () => {
      const outcome = await servicesCheck.run(await httpsService(CERT_VALID_TO - 7 * DAY), {});
      expect(outcome.status).toBe("warn");
      expect(outcome.findings.map((f) => [f.code, f.urgency])).toEqual([["SERVICE_CERT_EXPIRING", "medium"]]);
      expect(outcome.findings[0]?.cause.params?.days).toBe(7);
    });

    it("fails when the certificate has expired", async () => {
      const outcome = await servicesCheck.run(await httpsService(CERT_VALID_TO + DAY), {});
      expect(outcome.status).toBe("fail");
      expect(outcome.findings.map((f) => [f.code, f.urgency])).toEqual([["SERVICE_CERT_EXPIRED", "high"]]);
    });

    it("passes a certificate with time left, and reads none for plain http", async () => {
      const outcome = await servicesCheck.run(await httpsService(CERT_VALID_TO - 100 * DAY), {});
      expect(outcome).toMatchObject({ status: "ok", findings: [] });
      expect(outcome.evidence["deployed.shop.certificate"]).toMatch(/\(100 d\)$/);
      const plain = await servicesCheck.run(context([probe("api", await answering(200, "{}"))]), {});
      expect(plain.evidence).not.toHaveProperty("deployed.api.certificate");
    });
  });

  it("is skipped when nothing is configured", async () => {
    const outcome = await servicesCheck.run(context([]), {});
    expect(outcome).toMatchObject({ status: "skipped", summary: { key: "check.services.skipped.none" } });
  });
});
