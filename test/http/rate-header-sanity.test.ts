import type { OutgoingHttpHeaders } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import type { Cafe24ClientOptions } from "../../src/http/client-options.js";
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

/** A mall whose every answer is a 200 with `headers`, e.g. a proxy that mangles Cafe24's rate headers. */
async function mallAnswering(headers: OutgoingHttpHeaders, options: Partial<Cafe24ClientOptions> = {}) {
  const server = await scriptedServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json", ...headers });
    res.end('{"products":[]}');
  });
  servers.push(server);
  const clock = manualClock();
  const logger = recordingLogger();
  const client = scriptedClient(server, { clock, logger, ...options });
  return { server, clock, logger, client };
}

describe("rate headers that cannot be true", () => {
  it("keeps sending after X-Api-Call-Limit: 99999999999/40 and X-Cafe24-Call-Remain: 1e308, warning once per header", async () => {
    const { server, clock, logger, client } = await mallAnswering({
      "x-api-call-limit": "99999999999/40",
      "x-cafe24-call-remain": "1e308",
    });
    for (let i = 0; i < 5; i++) await client.get("/products");

    expect(server.requests).toHaveLength(5);
    // Only the 8/s spacing between sends: no block, on the client's own clock.
    expect(Math.max(0, ...clock.slept)).toBeLessThanOrEqual(125);
    expect(logger.warnings.map((w) => w.fields)).toEqual([
      { mallId: "demomall", header: "x-api-call-limit", value: "99999999999/40", action: "ignored" },
      { mallId: "demomall", header: "x-cafe24-call-remain", value: "1e308", action: "ignored" },
    ]);
  });

  it.each([
    ["X-Cafe24-Time-Remain: -5", { "x-cafe24-time-remain": "-5" }],
    ["X-Cafe24-Call-Remain: NaN", { "x-cafe24-call-remain": "NaN" }],
    ["X-Api-Call-Limit: 3/0", { "x-api-call-limit": "3/0" }],
    ["X-Api-Call-Limit: 3/100000", { "x-api-call-limit": "3/100000" }],
  ])("ignores %s and keeps sending", async (_name, headers) => {
    const { server, logger, client } = await mallAnswering(headers);
    for (let i = 0; i < 3; i++) await client.get("/products");

    expect(server.requests).toHaveLength(3);
    expect(logger.warnings).toHaveLength(1);
  });

  it("believes a usage block of at most one 10-minute window: X-Cafe24-Call-Remain: 5000 waits 600 s", async () => {
    const { server, clock, logger, client } = await mallAnswering(
      { "x-cafe24-call-remain": "5000" },
      { pacing: { maxWaitMs: 3_600_000 } },
    );
    await client.get("/products");
    const blockedAt = clock.now();
    await client.get("/products");

    expect(server.requests).toHaveLength(2);
    expect(clock.now() - blockedAt).toBe(600_000);
    expect(logger.warnings.map((w) => w.fields.action)).toEqual(["capped"]);
  });

  it("cuts a long header value in the warning", async () => {
    const { logger, client } = await mallAnswering({ "x-api-call-limit": `${"9".repeat(200)}/40` });
    await client.get("/products");

    const value = String(logger.warnings[0]?.fields.value);
    expect(value).toHaveLength(40);
    expect(value.endsWith("…")).toBe(true);
  });
});
