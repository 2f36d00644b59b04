import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { toTokenSet } from "../../src/cafe24/token-response.js";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import { expectNoSecrets } from "../helpers/oauth.js";

/** §2.4's documented example. */
const DOCUMENTED = {
  access_token: "0iqR5nM5EJIq0000000000",
  expires_at: "2021-03-01T14:00:00.000",
  refresh_token: "JeTJ7XpnFC0P0000000000",
  refresh_token_expires_at: "2021-03-15T12:00:00.000",
  client_id: "BrIfqEKoPxeE",
  mall_id: "yourmall",
  user_id: "test",
  scopes: ["mall.read_order", "mall.read_product", "mall.read_store"],
  issued_at: "2021-03-01T12:00:00.000",
  shop_no: "1",
  token_type: "Bearer",
};

describe("toTokenSet", () => {
  it("reads Cafe24's offset-less timestamps as Seoul time", () => {
    expect(toTokenSet(DOCUMENTED, "yourmall")).toEqual({
      mallId: "yourmall",
      accessToken: DOCUMENTED.access_token,
      accessTokenExpiresAt: Date.UTC(2021, 2, 1, 5, 0, 0),
      refreshToken: DOCUMENTED.refresh_token,
      refreshTokenExpiresAt: Date.UTC(2021, 2, 15, 3, 0, 0),
      scopes: DOCUMENTED.scopes,
      issuedAt: Date.UTC(2021, 2, 1, 3, 0, 0),
      clientId: "BrIfqEKoPxeE",
      userId: "test",
      shopNo: "1",
    });
  });

  it("accepts the 2021 shape without refresh_token_expires_at, shop_no and token_type", () => {
    const { refresh_token_expires_at, shop_no, token_type, ...old } = DOCUMENTED;
    const token = toTokenSet(old, "yourmall");
    expect(token.refreshTokenExpiresAt).toBeNull();
    expect(token.shopNo).toBeUndefined();
  });

  it("names each malformed field without echoing any value", () => {
    const bad = { ...DOCUMENTED, expires_at: "tomorrow", refresh_token: 42, scopes: "mall.read_order" };
    let thrown: unknown;
    try {
      toTokenSet(bad, "yourmall");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: ERROR_CODES.badResponse });
    const error = thrown as Error & { details: string[] };
    expect(error.message).toMatch(/expires_at, refresh_token/);
    expect(error.details).toHaveLength(2);
    expectNoSecrets(error, [DOCUMENTED.access_token, "tomorrow"]);
  });

  it("refuses an answer for another mall", () => {
    expect(() => toTokenSet(DOCUMENTED, "othermall")).toThrowError(
      expect.objectContaining({ code: ERROR_CODES.badResponse }),
    );
  });

  it("gives identical expiry instants whatever the host time zone", () => {
    const response = fileURLToPath(new URL("../../dist/cafe24/token-response.js", import.meta.url));
    const file = fileURLToPath(new URL("../../dist/store/token-file-format.js", import.meta.url));
    const legacy = JSON.stringify({
      access_token: "A".repeat(22),
      refresh_token: "R".repeat(22),
      expires_in: 7200,
      token_date: "2025-08-05T16:37:10.197740.000",
      client_secret: "S".repeat(22),
    });
    const script = `
      const r = await import(${JSON.stringify(response)});
      const f = await import(${JSON.stringify(file)});
      const a = r.toTokenSet(${JSON.stringify(DOCUMENTED)}, "yourmall");
      const b = f.parseTokenFile(new TextEncoder().encode(${JSON.stringify(legacy)}), { path: "t.json", mallId: "yourmall" }).token;
      console.log(JSON.stringify([a.accessTokenExpiresAt, a.refreshTokenExpiresAt, a.issuedAt, b.accessTokenExpiresAt, b.issuedAt]));`;
    const outputs = ["UTC", "Asia/Seoul", "America/Los_Angeles"].map((tz) =>
      execFileSync(process.execPath, ["--input-type=module", "-e", script], {
        env: { ...process.env, TZ: tz },
      }).toString(),
    );
    expect(new Set(outputs).size).toBe(1);
    expect(JSON.parse(outputs[0] ?? "[]")).toEqual([
      Date.UTC(2021, 2, 1, 5),
      Date.UTC(2021, 2, 15, 3),
      Date.UTC(2021, 2, 1, 3),
      Date.UTC(2025, 7, 5, 9, 37, 10, 197),
      Date.UTC(2025, 7, 5, 7, 37, 10, 197),
    ]);
  });
});
