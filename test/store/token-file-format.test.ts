import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DoctorError, ERROR_CODES } from "../../src/errors/doctor-error.js";
import { FileTokenStore } from "../../src/store/file-token-store.js";
import { parseTokenFile, serializeTokenFile } from "../../src/store/token-file-format.js";
import { expectNoSecrets } from "../helpers/oauth.js";
import { sampleToken, tempDir } from "../helpers/token-files.js";

const AT = "AccessTokenAccessToken";
const RT = "RefreshTokenRefreshTok";
const SECRET = "ClientSecretClientSecr";
/** 16:37:10.197 KST on 2025-08-05. */
const AUG5_1637 = Date.UTC(2025, 7, 5, 7, 37, 10, 197);
const HOUR = 3_600_000;

/** Shapes users already have on disk, as the tools that wrote them wrote them. */
const SHAPES: Record<
  string,
  { text: string; expiresAt: number; refreshExpiresAt: number | null; legacy: string[] }
> = {
  "Cafe24's token answer": {
    text: `{"access_token":"${AT}","expires_at":"2025-08-05T18:37:10.197","refresh_token":"${RT}","refresh_token_expires_at":"2025-08-19T16:37:10.197","client_id":"BrIfqEKoPxeE","mall_id":"myshop","user_id":"admin","scopes":["mall.read_order"],"issued_at":"2025-08-05T16:37:10.197","shop_no":"1","token_type":"Bearer"}`,
    expiresAt: AUG5_1637 + 2 * HOUR,
    refreshExpiresAt: AUG5_1637 + 14 * 24 * HOUR,
    legacy: [],
  },
  "the 2021 answer without refresh_token_expires_at, shop_no, token_type": {
    text: `{"access_token":"${AT}","expires_at":"2025-08-05T18:37:10.197","refresh_token":"${RT}","client_id":"BrIfqEKoPxeE","mall_id":"myshop","user_id":"admin","scopes":["mall.read_order"],"issued_at":"2025-08-05T16:37:10.197"}`,
    expiresAt: AUG5_1637 + 2 * HOUR,
    refreshExpiresAt: null,
    legacy: [],
  },
  "the old toolkit's microseconds with a fake .000 and a client_secret": {
    text: JSON.stringify(
      {
        access_token: AT,
        refresh_token: RT,
        expires_at: "2025-08-05T18:37:10.197740.000",
        refresh_token_expires_at: "2025-08-19T16:37:10.197740.000",
        issued_at: "2025-08-05T16:37:10.197740.000",
        client_id: "BrIfqEKoPxeE",
        client_secret: SECRET,
        mall_id: "myshop",
        scopes: ["mall.read_order"],
      },
      null,
      4,
    ),
    expiresAt: AUG5_1637 + 2 * HOUR,
    refreshExpiresAt: AUG5_1637 + 14 * 24 * HOUR,
    legacy: ["microsecond-timestamps", "client-secret"],
  },
  "the old toolkit's expires_in with token_date and no mall_id": {
    text: `{"access_token":"${AT}","refresh_token":"${RT}","expires_in":7200,"token_date":"2025-08-05T16:37:10.197740.000","client_secret":"${SECRET}","scopes":"mall.read_order"}`,
    expiresAt: AUG5_1637 + 2 * HOUR,
    refreshExpiresAt: null,
    legacy: ["microsecond-timestamps", "client-secret", "expires-in", "token-date", "no-mall-id"],
  },
  "expires_in as a string counted from issued_at": {
    text: `{"access_token":"${AT}","refresh_token":"${RT}","expires_in":"7200","issued_at":"2025-08-05T16:37:10.197","mall_id":"myshop","scopes":["mall.read_order"]}`,
    expiresAt: AUG5_1637 + 2 * HOUR,
    refreshExpiresAt: null,
    legacy: ["expires-in"],
  },
  "a valid file saved with a UTF-8 BOM": {
    text: `\uFEFF{"access_token":"${AT}","expires_at":"2025-08-05T18:37:10.197","refresh_token":"${RT}","mall_id":"myshop","scopes":["mall.read_order"]}`,
    expiresAt: AUG5_1637 + 2 * HOUR,
    refreshExpiresAt: null,
    legacy: ["utf8-bom"],
  },
};

async function storeWith(text: string | Buffer): Promise<{ store: FileTokenStore; path: string }> {
  const path = join(await tempDir(), "oauth_token.json");
  await writeFile(path, text);
  return { store: new FileTokenStore({ path }), path };
}

describe("token file format — every shape users have loads", () => {
  it.each(Object.entries(SHAPES))("loads %s", async (_name, shape) => {
    const { store } = await storeWith(shape.text);
    const contents = await store.inspect("myshop");
    expect(contents?.token).toMatchObject({
      mallId: "myshop",
      accessToken: AT,
      refreshToken: RT,
      accessTokenExpiresAt: shape.expiresAt,
      refreshTokenExpiresAt: shape.refreshExpiresAt,
      scopes: ["mall.read_order"],
    });
    expect(contents?.legacy).toEqual(shape.legacy);
    expect(contents?.hasClientSecret).toBe(shape.legacy.includes("client-secret"));
    expect(contents?.token).not.toHaveProperty("clientSecret");
    expect(JSON.stringify(contents?.token)).not.toContain(SECRET);
    expect((await store.get("myshop"))?.revision).toMatch(/^sha256-[0-9a-f]{32}$/);
  });

  it("round-trips our own shape exactly, with its metadata", () => {
    const token = sampleToken(7);
    const text = serializeTokenFile(token, {
      receivedAt: Date.UTC(2026, 10, 27, 11, 41, 0, 5),
      revision: "rev-1",
    });
    expect(JSON.parse(text)._cafe24_doctor).toEqual({
      version: 1,
      received_at: "2026-11-27T20:41:00.005+09:00",
      revision: "rev-1",
    });
    expect(parseTokenFile(Buffer.from(text), { path: "t.json", mallId: "myshop" })).toEqual({
      token,
      revision: "rev-1",
      receivedAt: Date.UTC(2026, 10, 27, 11, 41, 0, 5),
      legacy: [],
      hasClientSecret: false,
      fileMallId: "myshop",
    });
  });
});

const valid = SHAPES["Cafe24's token answer"]?.text ?? "";
const CORRUPT: Record<string, string | Buffer> = {
  "an empty file": "",
  "only whitespace": " \n\t\n",
  "truncated JSON": valid.slice(0, valid.length / 2),
  "a BOM before truncated JSON": `\uFEFF${valid.slice(0, 40)}`,
  "UTF-16 text (PowerShell's > redirect)": Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from(valid, "utf16le"),
  ]),
  "wrong types": `{"access_token":"${AT}","refresh_token":12345,"expires_at":1754382000,"scopes":{"a":1}}`,
  "a JSON array": "[1,2,3]",
  "JSON null": "null",
  "invalid UTF-8": Buffer.from([0x7b, 0xc3, 0x28, 0x7d]),
  "an expiry that cannot be worked out": `{"access_token":"${AT}","refresh_token":"${RT}","expires_in":7200}`,
  "a file from a newer cafe24-doctor": `{"access_token":"${AT}","refresh_token":"${RT}","expires_at":"2025-08-05T18:37:10.197","_cafe24_doctor":{"version":2}}`,
};

describe("token file format — corrupt files give TOKEN_FILE_INVALID naming the file and the fix", () => {
  it.each(Object.entries(CORRUPT))("refuses %s", async (_name, text) => {
    const { store, path } = await storeWith(text);
    const error = await store.get("myshop").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DoctorError);
    expect(error).toMatchObject({ code: ERROR_CODES.tokenFileInvalid });
    const { message, details } = error as DoctorError;
    expect(message).toContain(path);
    expect(message).toContain("cafe24-doctor token exchange");
    expect(message).toContain("restore the file from backup");
    expect(details.length).toBeGreaterThan(0);
    expectNoSecrets(error, [AT, RT]);
  });

  it("lists each wrong field without its value", async () => {
    const { store } = await storeWith(CORRUPT["wrong types"] ?? "");
    const error = (await store.get("myshop").catch((e: unknown) => e)) as DoctorError;
    expect(error.details).toEqual([
      expect.stringMatching(/^expires_at: /),
      expect.stringMatching(/^refresh_token: /),
      expect.stringMatching(/^scopes: /),
    ]);
    expect(error.details.join()).not.toMatch(/12345|1754382000/);
  });

  it("refuses 10 MB of garbage by its size, before reading it", async () => {
    const { store } = await storeWith(Buffer.alloc(10 * 1024 * 1024, "x"));
    const error = (await store.get("myshop").catch((e: unknown) => e)) as DoctorError;
    expect(error.code).toBe(ERROR_CODES.tokenFileInvalid);
    expect(error.details).toEqual([expect.stringMatching(/10485760 bytes/)]);
  });
});
