import { describe, expect, it } from "vitest";
import { createTranslator, type Lang } from "../../src/i18n/translate.js";
import { renderTokenStatus } from "../../src/token/render-token-status.js";
import { tokenSummaryLines, verificationLine } from "../../src/token/token-lines.js";
import { alignLabelColumn, displayWidth } from "../../src/util/display-width.js";

const NOW = Date.UTC(2026, 10, 27, 3, 0, 0);
const HOUR = 3_600_000;

/** The display column where each `label  value` line's value starts. */
function valueColumns(lines: readonly string[]): number[] {
  return lines.flatMap((line) => {
    const m = /^(\S+(?: \S+)*) {2,}/.exec(line);
    return m ? [displayWidth(m[0])] : [];
  });
}

describe("displayWidth", () => {
  it("counts Hangul and CJK as two columns, ASCII as one, escapes and combining marks as none", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("실제 호출")).toBe(9);
    expect(displayWidth("漢字")).toBe(4);
    expect(displayWidth("\x1b[31m권한\x1b[39m")).toBe(4);
    expect(displayWidth("e\u0301")).toBe(1);
  });

  it("lines up label columns by what the terminal shows, leaving other lines alone", () => {
    expect(alignLabelColumn(["권한  a", "Access token  b", "제목 한 줄"])).toEqual([
      "권한          a",
      "Access token  b",
      "제목 한 줄",
    ]);
  });
});

describe.each<Lang>(["ko", "en"])("the token tables under --lang %s", (lang) => {
  const t = createTranslator(lang);

  it("start every value in one display column: token status with its live check", () => {
    const lines = renderTokenStatus(
      {
        status: {
          mallId: "myshop",
          location: "/p/oauth_token.json",
          accessToken: { expiresAt: NOW + HOUR, remainingMs: HOUR, expired: false },
          refreshToken: { expiresAt: NOW + 14 * 24 * HOUR, remainingMs: 14 * 24 * HOUR, expired: false },
          scopes: ["mall.read_product"],
          receivedAt: NOW - HOUR,
        },
        legacy: [],
        verification: { outcome: "accepted", path: "/apps", status: 200, ms: 42 },
        verdict: { health: "healthy", exitCode: 0, next: undefined },
        at: NOW,
      },
      t,
    );
    const columns = valueColumns(lines);
    expect(columns.length).toBe(6);
    expect(new Set(columns), lines.join("\n")).toEqual(new Set([15]));
  });

  it("start every value in one display column: the summary after login or refresh, and its live check", () => {
    const token = {
      mallId: "myshop",
      accessToken: "access-token-value-123456",
      refreshToken: "refresh-token-value-123456",
      accessTokenExpiresAt: NOW + HOUR,
      refreshTokenExpiresAt: NOW + 14 * 24 * HOUR,
      scopes: ["mall.read_product"],
    } as unknown as Parameters<typeof tokenSummaryLines>[1];
    const lines = [
      ...tokenSummaryLines(t, token, NOW),
      verificationLine(t, { outcome: "accepted", path: "/apps", status: 200, ms: 42 }),
    ];
    expect(new Set(valueColumns(lines)), lines.join("\n")).toEqual(new Set([15]));
  });
});
