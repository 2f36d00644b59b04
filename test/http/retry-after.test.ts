import type { OutgoingHttpHeaders } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import { Cafe24HttpError } from "../../src/http/cafe24-http-error.js";
import {
  manualClock,
  recordingLogger,
  type ScriptedServer,
  scriptedClient,
  scriptedServer,
} from "../helpers/scripted-server.js";

const servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/**
 * A mall whose first answer is `status` with `headers`, every later one a 200. `sentAt` holds the injected
 * clock's time of each request the server received.
 */
async function mallFirstAnswering(status: number, headers: OutgoingHttpHeaders) {
  const clock = manualClock();
  const logger = recordingLogger();
  const sentAt: number[] = [];
  const server = await scriptedServer((_req, res, index) => {
    sentAt.push(clock.now());
    if (index === 0) {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify({ error: { code: status, message: "Please wait" } }));
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"products":[]}');
  });
  servers.push(server);
  const client = scriptedClient(server, { clock, logger });
  const gap = () => (sentAt[1] ?? Number.NaN) - (sentAt[0] ?? Number.NaN);
  return { server, client, logger, gap };
}

describe("Retry-After", () => {
  it("waits the 3 s a 429's Retry-After: 3 asks before sending again", async () => {
    const { server, client, gap } = await mallFirstAnswering(429, { "retry-after": "3" });
    await client.get("/products");

    expect(server.requests).toHaveLength(2);
    expect(gap()).toBe(3000);
  });

  it("reads an HTTP-date Retry-After against the answer's own Date, not the local clock", async () => {
    const { client, gap } = await mallFirstAnswering(429, {
      date: "Tue, 01 Dec 2026 09:00:00 GMT",
      "retry-after": "Tue, 01 Dec 2026 09:00:05 GMT",
    });
    await client.get("/products");

    expect(gap()).toBe(5000);
  });

  it("waits at most 120 s for a long Retry-After: 600, and says so once", async () => {
    const { client, logger, gap } = await mallFirstAnswering(429, { "retry-after": "600" });
    await client.get("/products");

    expect(gap()).toBe(120_000);
    expect(logger.warnings.map((w) => w.fields)).toEqual([
      { mallId: "demomall", header: "retry-after", value: "600", action: "capped" },
    ]);
  });

  it("ignores an absurd Retry-After: 99999999 (over a day), logs it, and goes on pacing by the bucket", async () => {
    const { server, client, logger, gap } = await mallFirstAnswering(429, { "retry-after": "99999999" });
    await client.get("/products");

    expect(server.requests).toHaveLength(2);
    // The bucket model's own wait after a 429 (assumed full: 3 units over the ceiling at 2/s), not a day.
    expect(gap()).toBe(1500);
    expect(logger.warnings.map((w) => w.fields)).toEqual([
      { mallId: "demomall", header: "retry-after", value: "99999999", action: "ignored" },
    ]);
  });

  it("waits a 503's Retry-After before retrying a GET, instead of the random jitter", async () => {
    const { server, client, gap } = await mallFirstAnswering(503, { "retry-after": "2" });
    const response = await client.get("/products");

    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(2);
    expect(gap()).toBe(2000);
  });

  it("never re-sends a POST after a 503 with Retry-After, yet holds the mall's next call until then", async () => {
    const { server, client, gap } = await mallFirstAnswering(503, { "retry-after": "4" });
    const error = await client.post("/products", { body: { request: {} } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Cafe24HttpError);
    expect((error as Cafe24HttpError).code).toBe(ERROR_CODES.serverError);
    expect(server.requests).toHaveLength(1);

    await client.get("/products");
    expect(gap()).toBe(4000);
  });
});
