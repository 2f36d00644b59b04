import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CAFE24_SCOPES } from "../../src/cafe24/scopes.js";
import { ADMIN_ROUTES } from "../../src/emulator/admin/routes.js";
import {
  basic,
  httpTarget,
  inProcess,
  issueAccess,
  LOCAL,
  launch,
  START_MS,
  secretOf,
  type TokenJson,
} from "../helpers/emulator.js";

const RUNS = 200;
const MIB = 1024 * 1024;

/** One emulator for the properties: every scope, no rate limit, small data; the properties never reset it. */
function robustEmulator() {
  const emulator = inProcess({
    malls: [{ mallId: "robust", app: { scopes: [...CAFE24_SCOPES] } }],
    rateLimit: { enabled: false },
    autoApprove: true,
  });
  const mall = emulator.malls[0];
  if (!mall) throw new Error("no mall");
  return { emulator, mall, token: issueAccess(emulator, "robust") };
}

// ---- arbitraries -------------------------------------------------------------------------------------------

const PARAM_NAMES = [
  "brand_code",
  "category",
  "category_depth",
  "category_name",
  "category_no",
  "cellphone",
  "created_end_date",
  "created_start_date",
  "date_type",
  "display",
  "embed",
  "end_date",
  "fields",
  "limit",
  "member_id",
  "offset",
  "order",
  "order_id",
  "order_status",
  "parent_category_no",
  "product_code",
  "product_name",
  "product_no",
  "search_type",
  "selling",
  "shop_no",
  "since_product_no",
  "sort",
  "start_date",
  "use_display",
  "use_main",
];

/** Values sent raw into the URL: broken percent-encoding, huge and negative numbers, odd dates. */
const RAW_ODDITIES = [
  "%",
  "%%",
  "%zz",
  "%E0%A4",
  "%FF%FE",
  "%u1234",
  "%2",
  "%00",
  "-1",
  "-0",
  "0",
  "1e309",
  "99999999999999999999999999",
  "2147483648",
  "-2147483649",
  "0x10",
  "1.5",
  "NaN",
  "Infinity",
  "",
  ",,,",
  "1,2,,3",
  "2026-02-30",
  "2026-11-27T25:61:00+09:00",
  "2026-11-27T20:41:00.000",
  "9999-12-31",
  "0000-00-00",
  "T",
  "F",
  "desc",
  "items,receivers,buyer,nope",
  "상품",
  "%EC%83%81%ED%92%88",
  "a=b=c",
  "[]",
  "{}",
  "null",
];

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.string({ unit: fc.constantFrom("%", "2", "F", "E", "0", ",", "-", "9", "z", "+") }),
);

const rawValue = fc.oneof(
  fc.constantFrom(...RAW_ODDITIES),
  fc.integer().map(String),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.double().map(String),
  fc.array(fc.integer({ min: -5, max: 10_000 }), { maxLength: 120 }).map((list) => list.join(",")),
  anyText.map(encodeURIComponent),
);

const rawKey = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PARAM_NAMES) },
  { weight: 1, arbitrary: anyText.map(encodeURIComponent) },
  { weight: 1, arbitrary: fc.constantFrom("%", "%zz", "", "limit[]", "LIMIT") },
);

const rawQuery = fc
  .array(fc.tuple(rawKey, rawValue, fc.boolean()), { maxLength: 8 })
  .map((pairs) => pairs.map(([k, v, withEquals]) => (withEquals ? `${k}=${v}` : k)).join("&"));

const pathParam = fc.oneof(fc.constantFrom(...RAW_ODDITIES.filter((v) => !v.includes("/"))), rawValue);

const getRoutes = ADMIN_ROUTES.filter((r) => r.method === "GET").map((r) => r.path);
const bodyRoutes = ADMIN_ROUTES.filter((r) => r.method !== "GET");

function fillPath(path: string, value: string): string {
  return path.replace(/:[a-z_]+/g, value === "" ? "x" : value);
}

const CONTENT_TYPES = [
  undefined,
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "text/plain",
  "text/plain; charset=utf-8",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=xyz",
  "application/xml",
  "",
  "application/jsonp",
];

const jsonBody = fc.oneof(
  fc.json(),
  fc.jsonValue().map((v) => JSON.stringify({ request: v })),
  fc.jsonValue().map((v) => JSON.stringify({ shop_no: v, request: { product_name: v, price: v } })),
  fc
    .record({
      product_name: fc.oneof(fc.string(), fc.jsonValue()),
      price: fc.oneof(fc.constantFrom("1000", "-1", "1e9", "12.345", "99999999999"), fc.jsonValue()),
      display: fc.oneof(fc.constantFrom("T", "F", "X"), fc.jsonValue()),
      category: fc.oneof(fc.constant([{ category_no: 1 }]), fc.jsonValue()),
      version: fc.oneof(fc.constantFrom("2026-03-01", "2024-06-01", "9999-99-99"), fc.jsonValue()),
      reception_status: fc.oneof(fc.constantFrom("T", "F", "Y"), fc.jsonValue()),
    })
    .map((request) => JSON.stringify({ shop_no: 1, request })),
);
const anyBody = fc.oneof(
  jsonBody,
  anyText,
  fc.constant(""),
  fc.constantFrom("{", "[", '{"request":', "\u0000"),
);

// ---- response shape checks ---------------------------------------------------------------------------------

async function expectCafe24Answer(response: Response, label: string): Promise<void> {
  expect(response.status, label).toBeLessThan(500);
  expect(response.headers.get("content-type"), label).toMatch(/^application\/json/);
  const text = await response.text();
  const body = JSON.parse(text) as unknown;
  expect(typeof body, label).toBe("object");
  expect(body, label).not.toBeNull();
  if (response.status >= 400) {
    expect(body, label).toEqual({
      error: { code: response.status, message: expect.any(String) },
    });
  }
}

async function expectOAuthAnswer(response: Response, label: string): Promise<void> {
  expect(response.status, label).toBeLessThan(500);
  if (response.status === 302) {
    expect(response.headers.get("location"), label).toBeTruthy();
    return;
  }
  const type = response.headers.get("content-type") ?? "";
  if (response.status === 200 && type.startsWith("text/html")) return;
  if (response.status === 200 && type === "") {
    expect(await response.text(), label).toBe("");
    return;
  }
  expect(type, label).toMatch(/^application\/json/);
  const body = (await response.json()) as Record<string, unknown>;
  if (response.status === 200) {
    expect(body.access_token, label).toEqual(expect.any(String));
    return;
  }
  expect(body, label).toEqual({ error: expect.any(String), error_description: expect.any(String) });
}

// ---- properties ----------------------------------------------------------------------------------------------

describe("property: GET Admin routes take any query string", () => {
  it("never answer 5xx; always JSON, errors in Cafe24's envelope", async () => {
    const { emulator, token } = robustEmulator();
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...getRoutes), pathParam, rawQuery, async (route, param, query) => {
        const url = `${LOCAL}/api/v2/admin${fillPath(route, param)}?${query}`;
        const response = await emulator.fetch(url, {
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        });
        seen.add(response.status);
        await expectCafe24Answer(response, `GET ${url}`);
      }),
      { numRuns: RUNS * 2 },
    );
    // The generators reach both sides: successes and parameter errors.
    expect(seen.has(200)).toBe(true);
    expect(seen.has(422)).toBe(true);
  });

  it("keep answering for arbitrary extra path segments", async () => {
    const { emulator, token } = robustEmulator();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(pathParam, fc.constantFrom(...getRoutes.map((p) => p.split("/")[1] ?? ""))), {
          minLength: 1,
          maxLength: 4,
        }),
        rawQuery,
        async (segments, query) => {
          const url = `${LOCAL}/api/v2/admin/${segments.join("/")}?${query}`;
          const response = await emulator.fetch(url, { headers: { authorization: `Bearer ${token}` } });
          await expectCafe24Answer(response, `GET ${url}`);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("property: POST/PUT Admin routes take any body and content type", () => {
  it("never answer 5xx; always JSON, errors in Cafe24's envelope", async () => {
    const { emulator, token } = robustEmulator();
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...bodyRoutes),
        anyBody,
        fc.constantFrom(...CONTENT_TYPES),
        rawQuery,
        async (route, body, contentType, query) => {
          const headers: Record<string, string> = { authorization: `Bearer ${token}` };
          if (contentType !== undefined) headers["content-type"] = contentType;
          const url = `${LOCAL}/api/v2/admin${route.path}?${query}`;
          const response = await emulator.fetch(url, {
            method: route.method,
            headers,
            body: new TextEncoder().encode(body),
          });
          seen.add(response.status);
          await expectCafe24Answer(
            response,
            `${route.method} ${route.path} ${contentType} ${body.slice(0, 200)}`,
          );
        },
      ),
      { numRuns: RUNS * 2 },
    );
    expect(seen.has(400)).toBe(true);
    expect(seen.has(422)).toBe(true);
  });
});

describe("property: OAuth endpoints take any form, header and content type", () => {
  const formKeys = fc.constantFrom(
    "grant_type",
    "code",
    "redirect_uri",
    "refresh_token",
    "client_id",
    "client_secret",
    "token",
    "token_hint",
    "ticket",
    "decision",
    "scope",
    "state",
  );

  it("the token and revoke endpoints answer 200 or a flat {error, error_description}, never 5xx", async () => {
    const { emulator, mall } = robustEmulator();
    const secret = secretOf(mall);
    const live = Array.from(
      { length: 5 },
      () => emulator.control.issueTokens("robust") as unknown as TokenJson,
    );
    const value = fc.oneof(
      fc.constantFrom(
        "authorization_code",
        "refresh_token",
        "password",
        mall.clientId,
        secret,
        mall.redirectUri,
        "access_token",
        "id_token",
        ...live.flatMap((t) => [t.access_token, t.refresh_token]),
      ),
      anyText,
    );
    const authorization = fc.oneof(
      fc.constant(undefined),
      fc.constant(basic(mall.clientId, secret)),
      fc.constant(basic(mall.clientId, `${secret}x`)),
      fc.constantFrom("Basic", "Basic !!!", "Basic Og==", "Bearer abc", "basic   "),
      fc.tuple(anyText, anyText).map(([id, s]) => basic(id, s)),
    );
    const body = fc.oneof(
      fc.dictionary(formKeys, value, { maxKeys: 6 }).map((form) => new URLSearchParams(form).toString()),
      anyText,
      jsonBody,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("/api/v2/oauth/token", "/api/v2/oauth/revoke", `/malls/robust/api/v2/oauth/token`),
        body,
        authorization,
        fc.constantFrom(...CONTENT_TYPES, "application/x-www-form-urlencoded; charset=utf-8"),
        async (path, text, auth, contentType) => {
          const headers: Record<string, string> = {};
          if (auth !== undefined) headers.authorization = auth;
          if (contentType !== undefined) headers["content-type"] = contentType;
          const response = await emulator.fetch(`${LOCAL}${path}`, {
            method: "POST",
            headers,
            body: new TextEncoder().encode(text),
          });
          await expectOAuthAnswer(response, `${path} ${contentType} ${auth} ${text.slice(0, 200)}`);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it("authorize (GET query, POST consent) answers a redirect, the consent page or a flat error", async () => {
    const { emulator, mall } = robustEmulator();
    emulator.control.setAutoApprove(false);
    const value = fc.oneof(
      fc.constantFrom(
        "code",
        mall.clientId,
        mall.redirectUri,
        "mall.read_product,mall.read_order",
        "approve",
      ),
      rawValue,
    );
    const pairs = fc.array(fc.tuple(fc.oneof(formKeys, rawKey), value), { maxLength: 7 });
    await fc.assert(
      fc.asyncProperty(pairs, fc.boolean(), async (list, asPost) => {
        const query = list.map(([k, v]) => `${k}=${v}`).join("&");
        const response = asPost
          ? await emulator.fetch(`${LOCAL}/api/v2/oauth/authorize`, {
              method: "POST",
              headers: { "content-type": "application/x-www-form-urlencoded" },
              body: query,
            })
          : await emulator.fetch(`${LOCAL}/api/v2/oauth/authorize?${query}`);
        await expectOAuthAnswer(response, `${asPost ? "POST" : "GET"} authorize ${query}`);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("bodies over 1 MiB", () => {
  it("are refused with 413 in the envelope, whether declared by Content-Length or streamed (real HTTP)", async () => {
    const running = await launch({ controlApi: true });
    const target = httpTarget(running);
    const token = issueAccess(running, target.mall.mallId);
    const big = `{"request":{"product_name":"${"가".repeat(MIB / 3)}"}}`;
    expect(Buffer.byteLength(big)).toBeGreaterThan(MIB);
    const declared = await fetch(`${running.url}/api/v2/admin/products`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: big,
    });
    expect(declared.status).toBe(413);
    await expectCafe24Answer(declared, "declared");

    const chunk = new Uint8Array(64 * 1024).fill(0x61);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Bounded: 2 MiB at most, far past the cap.
        if (sent >= 2 * MIB) controller.close();
        else {
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        }
      },
    });
    const streamed = await fetch(`${running.url}/api/v2/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    await expectCafe24Answer(streamed, "streamed");

    const control = await fetch(`${running.url}/__emulator/clock/advance`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: `{"ms":1${" ".repeat(MIB)}}`,
    });
    expect(control.status).toBe(413);
    expect(running.control.now()).toBe(START_MS);
  });

  it("are accepted up to exactly 1 MiB", async () => {
    const { emulator, token } = robustEmulator();
    const prefix = '{"request":{"product_name":"경계 상품","price":"1000"}}';
    const exact = prefix + " ".repeat(MIB - Buffer.byteLength(prefix));
    expect(Buffer.byteLength(exact)).toBe(MIB);
    const send = (body: string) =>
      emulator.fetch(`${LOCAL}/api/v2/admin/products`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body,
      });
    expect((await send(exact)).status).toBe(201);
    expect((await send(`${exact} `)).status).toBe(413);
  });
});

describe("odd methods and paths", () => {
  const registered = new Map<string, Set<string>>();
  for (const route of ADMIN_ROUTES) {
    const methods = registered.get(route.path) ?? new Set<string>();
    methods.add(route.method);
    registered.set(route.path, methods);
  }
  const oddMethodCases: [string, string][] = [];
  for (const [path, methods] of registered) {
    for (const method of ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND", "FROB"]) {
      if (!methods.has(method)) oddMethodCases.push([method, fillPath(path, "1")]);
    }
  }

  it.each(oddMethodCases)("%s /api/v2/admin%s → 404 envelope", async (method, path) => {
    const { emulator, token } = robustEmulator();
    const response = await emulator.fetch(`${LOCAL}/api/v2/admin${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      ...(["GET", "OPTIONS"].includes(method) ? {} : { body: "{}" }),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 404, message: "No API found." },
    });
  });

  it.each([
    ["GET", "/"],
    ["GET", "/api"],
    ["GET", "/api/v2"],
    ["GET", "/api/v3/admin/products"],
    ["GET", "/api/v2/admin"],
    ["GET", "/api/v2/oauth/token"],
    ["GET", "/api/v2/oauth/revoke"],
    ["PUT", "/api/v2/oauth/authorize"],
    ["GET", "/api/v2/oauth/unknown"],
    ["GET", "/malls/nosuchmall/api/v2/admin/products"],
    ["POST", "/malls/nosuchmall/api/v2/oauth/token"],
    ["GET", "/malls/robust"],
    ["GET", "/favicon.ico"],
    ["DELETE", "/__emulator/reset"],
  ])("%s %s → 404 envelope", async (method, path) => {
    const { emulator, token } = robustEmulator();
    const response = await emulator.fetch(`${LOCAL}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 404, message: "No API found." },
    });
  });
});

describe("malformed Admin bodies", () => {
  const post = (emulator: ReturnType<typeof robustEmulator>["emulator"], token: string, init: RequestInit) =>
    emulator.fetch(`${LOCAL}/api/v2/admin/products`, {
      method: "POST",
      ...init,
      headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
    });

  it.each(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"])(
    "refuses a %s body with 400 and Cafe24's Content-Type message",
    async (type) => {
      const { emulator, token } = robustEmulator();
      const response = await post(emulator, token, {
        headers: { "content-type": type },
        body: '{"request":{"product_name":"x","price":"1"}}',
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: {
          code: 400,
          message: "Content-type is not an application/json in the header.",
        },
      });
    },
  );

  it("refuses malformed JSON with 400 in the envelope", async () => {
    const { emulator, token } = robustEmulator();
    const response = await post(emulator, token, {
      headers: { "content-type": "application/json" },
      body: '{"request": {"product_name": "x",',
    });
    expect(response.status).toBe(400);
    await expectCafe24Answer(response, "malformed");
  });
});
