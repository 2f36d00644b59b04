import { afterEach, describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import type { Cafe24Client } from "../../src/http/cafe24-client.js";
import { Cafe24HttpError } from "../../src/http/cafe24-http-error.js";
import type { Cafe24ClientOptions } from "../../src/http/client-options.js";
import {
  endlessBody,
  type ScriptedServer,
  scriptedClient,
  scriptedServer,
} from "../helpers/scripted-server.js";

const MiB = 1024 * 1024;
/** What may sit in socket buffers between the server's writes and the client's cancel. */
const IN_FLIGHT_SLACK = 8 * MiB;

const servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(script: Parameters<typeof scriptedServer>[0]): Promise<ScriptedServer> {
  const server = await scriptedServer(script);
  servers.push(server);
  return server;
}

function clientOf(server: ScriptedServer, options: Partial<Cafe24ClientOptions> = {}): Cafe24Client {
  // Only a client without a cap ever meets the 10 s timeout: it turns "reads forever" into a failure, not a hang.
  return scriptedClient(server, { timeoutMs: 10_000, ...options });
}

async function caught(promise: Promise<unknown>): Promise<Cafe24HttpError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Cafe24HttpError);
  return error as Cafe24HttpError;
}

describe("answers bigger than maxResponseBytes", () => {
  it("stops a never-ending 200 at maxResponseBytes with CAFE24_BAD_RESPONSE naming the limit, and drops the connection", async () => {
    const endless = endlessBody();
    const server = await serve(endless.script);
    const error = await caught(clientOf(server, { maxResponseBytes: MiB }).get("/products"));

    expect(error.code).toBe(ERROR_CODES.badResponse);
    expect(error.status).toBe(200);
    expect(error.message).toContain("GET /api/v2/admin/products");
    expect(error.message).toContain("1 MiB");
    expect(error.message).toContain("maxResponseBytes");
    // The server's stream was closed under it, after little more than the limit: memory stayed bounded.
    const written = await endless.closed;
    expect(written).toBeGreaterThan(MiB);
    expect(written).toBeLessThan(MiB + IN_FLIGHT_SLACK);
    // A GET answered too big is not retried: it would be as big again.
    expect(server.requests).toHaveLength(1);
  });

  it("caps answers at 16 MiB by default", async () => {
    const endless = endlessBody();
    const server = await serve(endless.script);
    const error = await caught(clientOf(server).get("/products"));

    expect(error.code).toBe(ERROR_CODES.badResponse);
    expect(error.message).toContain("16 MiB");
    expect(await endless.closed).toBeLessThan(16 * MiB + IN_FLIGHT_SLACK);
  });

  it("does not retry an oversized answer even when its status is a retryable 503", async () => {
    const endless = endlessBody({ status: 503 });
    const server = await serve(endless.script);
    const error = await caught(clientOf(server, { maxResponseBytes: MiB }).get("/products"));

    expect(error.code).toBe(ERROR_CODES.badResponse);
    expect(error.status).toBe(503);
    await endless.closed;
    expect(server.requests).toHaveLength(1);
  });

  it("refuses an answer whose Content-Length is over the limit without waiting for its body", async () => {
    let closed: () => void = () => {};
    const serverSawClose = new Promise<void>((resolve) => {
      closed = resolve;
    });
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(32 * MiB) });
      // Headers and one small piece, then nothing: only a client that trusts Content-Length gets past this.
      res.write('{"products":[');
      res.on("close", closed);
    });
    const error = await caught(clientOf(server, { maxResponseBytes: MiB }).get("/products"));

    expect(error.code).toBe(ERROR_CODES.badResponse);
    expect(error.message).toContain("1 MiB");
    await serverSawClose;
  });

  it("reads an answer under the limit whole, Korean split across chunk boundaries intact", async () => {
    const products = Array.from({ length: 4000 }, (_, i) => ({
      product_no: i,
      product_name: `상품 ${i} 한글`,
    }));
    const body = Buffer.from(JSON.stringify({ products }));
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "x-api-call-limit": "1/40" });
      // 1,001-byte pieces: most boundaries fall inside a three-byte Hangul character.
      for (let at = 0; at < body.byteLength; at += 1001) res.write(body.subarray(at, at + 1001));
      res.end();
    });
    const response = await clientOf(server, { maxResponseBytes: MiB }).get<{ products: unknown[] }>(
      "/products",
    );

    expect(body.byteLength).toBeLessThan(MiB);
    expect(response.data).toEqual({ products });
  });

  it("rejects a maxResponseBytes that is not a positive number, naming the option", () => {
    for (const maxResponseBytes of [0, -1, Number.NaN]) {
      expect(() =>
        clientOf({ baseUrlTemplate: "https://{mall_id}.cafe24api.com" } as ScriptedServer, {
          maxResponseBytes,
        }),
      ).toThrow(/maxResponseBytes/);
    }
  });
});
