import { describe, expect, it } from "vitest";
import { configProblemInKorean } from "../../src/config/config-problems-ko.js";
import { CONFIG_FILE_NAME, loadDoctorConfig } from "../../src/config/load-doctor-config.js";
import { doctorErrorOf, NO_ENV, project } from "./config-fixtures.js";

const HANGUL = /[\uac00-\ud7a3]/;

/** Every detail line of loading `content`, in English and as said under --lang ko. */
async function problemsOf(content: unknown, env: NodeJS.ProcessEnv = NO_ENV) {
  const cwd = await project({ [CONFIG_FILE_NAME]: content });
  const error = await doctorErrorOf(loadDoctorConfig({ cwd, env }));
  return error.details.map((line) => ({ line, ko: configProblemInKorean(line) }));
}

describe("configuration problems under --lang ko", () => {
  it.each([
    [{ mallId: "my shop!" }],
    [{ mallId: 42 }],
    [{ redirectUri: "myapp/callback" }],
    [{ scopes: "mall.read_product" }],
    [{ scopes: ["mall.read_prodcut"] }],
    [{ requiredScopes: ["admin"] }],
    [{ apiVersion: "2025.06" }],
    [
      {
        apiVersions: [
          { version: "2026-12-01", releasedAt: "December" },
          { version: "2026-03-01", releasedAt: "2026-03-01", endOfSupport: "2026-01-01" },
          { version: "2026-06-01", releasedAt: 20260601 },
          "2026-09-01",
        ],
      },
    ],
    [{ apiVersions: {} }],
    [{ baseUrl: "ftp://{mall_id}.example.com" }],
    [{ baseUrl: "http://10.0.0.5/{mall_id}" }],
    [{ tokenStore: { type: "file" } }],
    [{ services: {} }],
    [{ services: [{ url: "https://a.example.com" }] }],
    [{ services: [{ name: "a", url: "https://a.example.com", expectStatus: 700 }] }],
    [{ services: [{ name: "a", url: "https://a.example.com", timeoutMs: 0 }] }],
    [{ reportDri: ".", clientSecret: "x", access_token: "y", lang: "jp", reportDir: "" }],
  ])("are Korean, keeping the key and the example: %j", async (content) => {
    const problems = await problemsOf(content);
    expect(problems.length).toBeGreaterThan(0);
    for (const { line, ko } of problems) {
      expect(ko, line).toMatch(HANGUL);
      expect(ko.split(": ")[0]).toBe(line.split(": ")[0]);
      for (const quoted of line.match(/"[^"]*"/g) ?? []) {
        if (!line.includes("secrets do not belong")) expect(ko, line).toContain(quoted);
      }
    }
  });

  it("says an unknown key's nearest known key, and where a CAFE24_* value from .env was set", () => {
    expect(configProblemInKorean('reportDri: unknown setting — did you mean "reportDir"?')).toBe(
      'reportDri: 알 수 없는 설정입니다. "reportDir"을(를) 쓰려던 것인가요?',
    );
    expect(
      configProblemInKorean(
        'CAFE24_API_VERSION (in .env): must be a Cafe24 API version date (YYYY-MM-DD) — e.g. "2025-06-01"',
      ),
    ).toBe('CAFE24_API_VERSION (.env): 카페24 API 버전 날짜(YYYY-MM-DD)여야 합니다. 예: "2025-06-01"');
  });

  it("says a misspelt CAFE24_* variable's intended name in Korean", () => {
    expect(
      configProblemInKorean("CAFE24_MALLID (in .env): unknown variable — did you mean CAFE24_MALL_ID?"),
    ).toBe("CAFE24_MALLID (.env): 알 수 없는 변수입니다. CAFE24_MALL_ID을(를) 쓰려던 것인가요?");
  });

  it("leaves a message of an unknown shape as it was rather than guess", () => {
    expect(configProblemInKorean("x: something new")).toBe("x: something new");
  });
});
