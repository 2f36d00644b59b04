import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/doctor/report/build-report.js";
import { renderProblems, renderStatusLines } from "../../../src/doctor/report/render-terminal.js";
import { createTranslator } from "../../../src/i18n/translate.js";
import { finding, fullInput, result, say } from "./fixtures.js";

const report = (lang: "ko" | "en") => buildReport(fullInput(lang), createTranslator(lang));

describe("terminal status lines", () => {
  it("prints one tagged line per check in Korean", () => {
    expect(renderStatusLines(report("ko"), { color: false })).toMatchInlineSnapshot(`
      "[정상] 설정: configuration summary
      [경고] 토큰 저장소: token-store summary
      [정상] 토큰 상태: 1시간 32분 남음
      [정상] 시계: clock summary
      [정상] 네트워크: network summary
      [만료] 인증: authentication summary
      [누락] 권한 범위: scope-coverage summary
      [건너뜀] 데이터 API: data-apis summary
      [경고] 호출 한도 여유: rate-limit summary
      [실패] API 버전: api-version summary
      [정상] 앱 모듈: app-modules summary
      [실패] 서비스: <script>alert("x")</script><img src="http://evil.example/x.png">"
    `);
  });

  it("prints one tagged line per check in English", () => {
    expect(renderStatusLines(report("en"), { color: false })).toMatchInlineSnapshot(`
      "[OK] Configuration: configuration summary
      [WARN] Token store: token-store summary
      [OK] Token lifetimes: in 1 h 32 min
      [OK] Clock: clock summary
      [OK] Network: network summary
      [EXPIRED] Authentication: authentication summary
      [MISSING] Scope coverage: scope-coverage summary
      [SKIP] Data APIs: data-apis summary
      [WARN] Rate-limit headroom: rate-limit summary
      [FAIL] API version: api-version summary
      [OK] App modules: app-modules summary
      [FAIL] Services: <script>alert("x")</script><img src="http://evil.example/x.png">"
    `);
  });

  it("keeps escape sequences and line breaks from checked services out of the terminal", () => {
    const hostile = result("services", "fail", [], [0, 1], say("body\x1b[2J\x1b]0;pwned\x07\nFAKE LINE"));
    const text = renderStatusLines(
      buildReport({ ...fullInput("en"), results: [hostile] }, createTranslator("en")),
      {
        color: false,
      },
    );
    expect(text).toBe("[FAIL] Services: body\ufffd[2J\ufffd]0;pwned\ufffd FAKE LINE");
  });

  it("colors tags only when color is on", () => {
    expect(renderStatusLines(report("en"), { color: true })).toContain("\x1b[32m[OK]\x1b[39m");
    expect(renderStatusLines(report("en"), { color: false })).not.toContain("\x1b[");
  });
});

describe("terminal problems", () => {
  it("groups problems by urgency with cause, evidence, remedy and command, then root cause and verdict (ko)", () => {
    const files = [
      "reports/comprehensive_test_report_20261128_003006.json",
      "reports/comprehensive_test.log",
    ];
    expect(renderProblems(report("ko"), { color: false, files })).toMatchInlineSnapshot(`
      "긴급도별 문제
      긴급
        1. cause of ACCESS_TOKEN_EXPIRED (인증 · ACCESS_TOKEN_EXPIRED)
           근거: status=401 · scopes=mall.read_order, mall.read_product
           해결: remedy for ACCESS_TOKEN_EXPIRED
           실행: cafe24-doctor token refresh
      높음
        2. cause of SERVICE_TOKEN_INVALID (서비스 · SERVICE_TOKEN_INVALID)
           근거: status=401 · scopes=mall.read_order, mall.read_product
           해결: remedy for SERVICE_TOKEN_INVALID
        3. cause of SCOPE_MISSING (권한 범위 · SCOPE_MISSING)
           근거: status=401 · scopes=mall.read_order, mall.read_product
           해결: remedy for SCOPE_MISSING
           실행: cafe24-doctor token login
      보통
        4. cause of API_VERSION_EXPIRED (API 버전 · API_VERSION_EXPIRED)
           근거: status=401 · scopes=mall.read_order, mall.read_product
           해결: remedy for API_VERSION_EXPIRED
      낮음
        5. cause of TOKEN_FILE_READABLE_BY_OTHERS (토큰 저장소 · TOKEN_FILE_READABLE_BY_OTHERS)
           근거: status=401 · scopes=mall.read_order, mall.read_product
           해결: remedy for TOKEN_FILE_READABLE_BY_OTHERS
           실행: chmod 600 oauth_token.json

      근본 원인: The access token expired and nothing refreshed it
        Every API call answered 401 while the refresh token is still valid.
        의심 대상: the auto-refresher is not running
        실행: cafe24-doctor token refresh

      문제 있음 — 위 순서대로 해결하세요 (종료 코드 2) · 검사 12개 · 1.2초 · API 호출 3/20회
      보고서 저장 위치: reports/comprehensive_test_report_20261128_003006.json, reports/comprehensive_test.log"
    `);
  });

  it("says so when there is nothing wrong (en)", () => {
    const healthy = buildReport(
      { ...fullInput("en"), results: [result("clock", "ok")], problems: [], rootCause: undefined },
      createTranslator("en"),
    );
    expect(renderProblems(healthy, { color: false })).toMatchInlineSnapshot(`
      "No problems found.

      Healthy — every check passed (exit code 0) · checks: 1 · 1.2 s · API calls: 3/20"
    `);
  });

  it("reports a hit deadline and highlights commands when color is on", () => {
    const input = fullInput("en");
    const hit = buildReport(
      {
        ...input,
        deadline: { ms: 15_000, hit: true },
        problems: [
          { rank: 1, checkId: "clock", finding: finding("CLOCK_SKEW", "medium", "sudo chronyc makestep") },
        ],
      },
      createTranslator("en"),
    );
    const text = renderProblems(hit, { color: true });
    expect(text).toContain("\x1b[1m\x1b[36msudo chronyc makestep\x1b[39m\x1b[22m");
    expect(text).toContain("The 15.0 s deadline stopped the run");
  });
});
