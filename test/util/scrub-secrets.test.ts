import { describe, expect, it } from "vitest";
import { clientCredentialSecrets } from "../../src/oauth/client-credential-secrets.js";
import { scrubSecrets } from "../../src/util/scrub-secrets.js";
import { scrubSecretsDeep } from "../../src/util/scrub-secrets-deep.js";

const ACCESS = "0iqR5nM5EJIqWxYz1234Ab"; // 22 characters, like Cafe24's
const REFRESH = "Rf9kLmNoPqRsTuVwXyZ0Ab";
const CLIENT_ID = "TokenCliApp0001";
const SECRET = "Se/cr+et-0123456789abcdef=="; // base64 punctuation on purpose: escapes must still match
const CODE = "Cd7hJk2LmN4pQr6StUv8Wx";
const BASIC = Buffer.from(`${CLIENT_ID}:${SECRET}`).toString("base64");
const BASIC_URL = BASIC.replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
const KNOWN = [ACCESS, REFRESH, CODE, ...clientCredentialSecrets(CLIENT_ID, SECRET)];

/** Every secret of the table, and a 12-character slice from its middle: neither may survive. */
const FORBIDDEN = [ACCESS, REFRESH, SECRET, CODE, BASIC, BASIC_URL].flatMap((s) => [s, s.slice(5, 17)]);

function expectScrubbed(text: string): void {
  for (const secret of FORBIDDEN) expect(text).not.toContain(secret);
}

describe("scrubSecrets with known values", () => {
  it.each([
    ["as written", `invalid token ${ACCESS}`, "invalid token 0i…Ab"],
    ["JSON-escaped", JSON.stringify({ echo: `secret ${SECRET}` }), undefined],
    ["with `/` escaped as `\\/`", `{"echo":"${SECRET.replaceAll("/", "\\/")}"}`, '{"echo":"Se…=="}'],
    ["percent-encoded, upper-case hex", `echo=${encodeURIComponent(SECRET)}`, "echo=Se…=="],
    [
      "percent-encoded, lower-case hex",
      `echo=${encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())}`,
      "echo=Se…==",
    ],
    [
      "as Go's JSON escapes it (`\\u002b`)",
      `{"echo":"${SECRET.replace("+", "\\u002b")}"}`,
      '{"echo":"Se…=="}',
    ],
    ["as a Basic header value", `got ${BASIC}`, undefined],
    ["as a URL-safe Basic value without padding", `got ${BASIC_URL}`, undefined],
    ["cut short by the server", `token ${REFRESH.slice(0, 15)} is unknown`, "token Rf…Ab is unknown"],
    ["an authorization code", `code ${CODE} was used`, "code Cd…Wx was used"],
  ])("masks a known secret %s", (_, text, expected) => {
    const out = scrubSecrets(text, KNOWN);
    expectScrubbed(out);
    if (expected !== undefined) expect(out).toBe(expected);
  });
});

describe("scrubSecrets by shape, whatever the value", () => {
  const unknown = "UnKnown7Token8Value9XyZ"; // 23 characters, never passed as known
  it.each([
    ["a Bearer header", `Authorization: Bearer ${unknown}`, "Authorization: Bearer Un…yZ"],
    ["a lower-case bearer", `bearer ${unknown} rejected`, "bearer Un…yZ rejected"],
    ["a Basic header", "Basic VG9rZW5DbGlBcHAwMDAxOnNlY3JldA==", "Basic VG…=="],
    ["a short Basic value after Authorization", "authorization: Basic YTpi", "authorization: Basic …"],
    [
      "a JSON access_token",
      `{"access_token":"${unknown}","expires_at":"x"}`,
      `{"access_token":"Un…yZ","expires_at":"x"}`,
    ],
    ["JSON with spaces", `{ "refresh_token" : "${unknown}" }`, `{ "refresh_token" : "Un…yZ" }`],
    ["JSON inside JSON", `{\\"client_secret\\":\\"${unknown}\\"}`, `{\\"client_secret\\":\\"Un…yZ\\"}`],
    ["single quotes", `{'access_token': '${unknown}'}`, `{'access_token': 'Un…yZ'}`],
    [
      "a form body",
      `grant_type=refresh_token&refresh_token=${unknown}&x=1`,
      "grant_type=refresh_token&refresh_token=Un…yZ&x=1",
    ],
    ["a query string", `/cb?code=${unknown}&state=abc`, "/cb?code=Un…yZ&state=abc"],
    [
      "a query inside a query",
      `next=%2Fcb%3Fcode%3D${unknown}%26state%3Dabc`,
      "next=%2Fcb%3Fcode%3DUn…yZ%26state%3Dabc",
    ],
    ["camelCase", `accessToken=${unknown}`, "accessToken=Un…yZ"],
    ["a header", `X-Refresh-Token: ${unknown}`, "X-Refresh-Token: Un…yZ"],
    ["upper case", `CLIENT_SECRET=${unknown}`, "CLIENT_SECRET=Un…yZ"],
    ["a short secret", "client_secret=hunter2", "client_secret=…"],
    ["a value dressed as a mask", `Bearer …${unknown}`, "Bearer …U…yZ"],
  ])("masks %s", (_, text, expected) => {
    expect(scrubSecrets(text)).toBe(expected);
  });

  it.each([
    ["an error code", '{"error":{"code":422,"message":"limit must be ≤ 100"}}'],
    ["an OAuth error word", '{"code":"invalid_grant"}'],
    ["one of our codes", "code=CAFE24_REAUTH_REQUIRED"],
    ["prose about Basic authentication", "Basic authentication failed for this app"],
    ["prose about a bearer token", "The Bearer token is missing"],
    ["a token type", '{"token_type":"bearer","token_hint":"refresh_token"}'],
    ["a word after a colon", "the refresh token: expired"],
    ["a resource path", "GET /api/v2/admin/products/1234 → 404"],
  ])("leaves %s alone", (_, text) => {
    expect(scrubSecrets(text)).toBe(text);
  });
});

describe("scrubSecrets output", () => {
  it("is the same when scrubbed twice", () => {
    const once = scrubSecrets(`Bearer ${ACCESS} refresh_token=${REFRESH} {"code":"${CODE}"}`, KNOWN);
    expect(scrubSecrets(once, KNOWN)).toBe(once);
    expect(scrubSecrets(once)).toBe(once);
  });

  it("keeps what the server said around the masks", () => {
    expect(scrubSecrets(`Invalid client_secret ${SECRET} for ${CLIENT_ID}`, KNOWN)).toBe(
      `Invalid client_secret Se…== for ${CLIENT_ID}`,
    );
  });

  it("is at most maxLength characters, ending in an ellipsis when cut", () => {
    const out = scrubSecrets(`${"x".repeat(5000)} Bearer ${ACCESS}`, KNOWN, { maxLength: 100 });
    expect(out).toHaveLength(100);
    expect(out.endsWith("…")).toBe(true);
  });

  it("masks a secret even when it straddles the cut", () => {
    const text = `${"x".repeat(90)}${ACCESS}`;
    expectScrubbed(scrubSecrets(text, KNOWN, { maxLength: 100 }));
  });

  it("reads at most 64 KiB of a huge text", () => {
    const out = scrubSecrets(`Bearer ${ACCESS} ${"y".repeat(10_000_000)}`, KNOWN);
    expect(out.startsWith("Bearer 0i…Ab")).toBe(true);
    expect(out).toHaveLength(1000);
  });
});

describe("scrubSecretsDeep", () => {
  it("masks credential-named fields and scrubs every string of Cafe24's more_info", () => {
    const moreInfo = {
      access_token: "plain-looking",
      clientSecret: SECRET,
      code: 422,
      request: { headers: [`Authorization: Bearer ${ACCESS}`], body: `refresh_token=${REFRESH}` },
      list: [1, true, null, `echo ${BASIC}`],
    };
    const out = scrubSecretsDeep(moreInfo, KNOWN) as typeof moreInfo;
    expectScrubbed(JSON.stringify(out));
    expect(out).toEqual({
      access_token: "…",
      clientSecret: "Se…==",
      code: 422,
      request: { headers: ["Authorization: Bearer 0i…Ab"], body: "refresh_token=Rf…Ab" },
      list: [1, true, null, `echo ${BASIC.slice(0, 4)}…${BASIC.slice(-4)}`],
    });
    expect(moreInfo.clientSecret).toBe(SECRET);
  });

  it("bounds depth and size", () => {
    let nested: unknown = "bottom";
    for (let i = 0; i < 20; i++) nested = { inner: nested };
    expect(JSON.stringify(scrubSecretsDeep(nested))).toContain("(…)");
    const wide = scrubSecretsDeep(
      Array.from({ length: 10_000 }, (_, i) => i),
      [],
      { maxNodes: 50 },
    ) as unknown[];
    expect(wide.length).toBeLessThanOrEqual(50);
    expect(wide.at(-1)).toBe("(…)");
  });
});
