import type { ReportInput } from "../../../src/doctor/report/report-input.js";
import {
  type CheckId,
  type CheckResult,
  type CheckStatus,
  type Finding,
  type FindingCode,
  type Message,
  URGENCY_RANK,
  type Urgency,
} from "../../../src/doctor/types.js";
import type { Lang } from "../../../src/i18n/translate.js";

/** 2026-11-28 00:30:05 in Seoul, still 2026-11-27 in UTC and Los Angeles: a wrong zone shows in the stamp. */
export const RUN_START = Date.UTC(2026, 10, 27, 15, 30, 5);
export const RUN_END = RUN_START + 1_234;

/** A message whose text is given as is ("cli.error.usage" is "{message}" in both languages). */
export const say = (message: string): Message => ({ key: "cli.error.usage", params: { message } });

export const TOKEN_IN_PATH = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
export const HOSTILE = `<script>alert("x")</script><img src="http://evil.example/x.png">`;

export function finding(code: FindingCode, urgency: Urgency, command?: string): Finding {
  return {
    code,
    urgency,
    cause: say(`cause of ${code}`),
    remedy: say(`remedy for ${code}`),
    ...(command ? { command } : {}),
    evidence: { status: 401, scopes: ["mall.read_order", "mall.read_product"] },
  };
}

export function result(
  id: CheckId,
  status: CheckStatus,
  findings: Finding[] = [],
  timing: [startOffset: number, duration: number] = [0, 1],
  summary: Message = say(`${id} summary`),
): CheckResult {
  return {
    id,
    status,
    summary,
    evidence: { checked: true },
    findings,
    startedAt: RUN_START + timing[0],
    durationMs: timing[1],
  };
}

/** Every status and every urgency at least once, in completion order (not report order). */
export function fullInput(lang: Lang): ReportInput {
  const services = result(
    "services",
    "fail",
    [finding("SERVICE_TOKEN_INVALID", "high")],
    [3, 700],
    say(HOSTILE),
  );
  services.evidence.body = HOSTILE;
  const results: CheckResult[] = [
    services,
    result("configuration", "ok", [], [0, 3]),
    result(
      "token-store",
      "warn",
      [finding("TOKEN_FILE_READABLE_BY_OTHERS", "low", "chmod 600 oauth_token.json")],
      [3, 5],
    ),
    result("token-lifetimes", "ok", [], [8, 1], {
      key: "time.in",
      params: { duration: lang === "ko" ? "1시간 32분" : "1 h 32 min" },
    }),
    result("clock", "ok", [], [3, 120]),
    result("network", "ok", [], [3, 80]),
    result(
      "authentication",
      "expired",
      [finding("ACCESS_TOKEN_EXPIRED", "critical", "cafe24-doctor token refresh")],
      [90, 110],
    ),
    result(
      "scope-coverage",
      "missing",
      [finding("SCOPE_MISSING", "high", "cafe24-doctor token login")],
      [200, 60],
    ),
    result("data-apis", "skipped", [], [200, 0]),
    result("rate-limit", "warn", [], [260, 2]),
    result("api-version", "fail", [finding("API_VERSION_EXPIRED", "medium")], [262, 40]),
    result("app-modules", "ok", [], [3, 4]),
  ];
  const ranked = results
    .flatMap((r) => r.findings.map((f) => ({ checkId: r.id, finding: f })))
    .sort((a, b) => URGENCY_RANK[a.finding.urgency] - URGENCY_RANK[b.finding.urgency])
    .map((p, i) => ({ rank: i + 1, ...p }));
  return {
    kind: "check",
    startedAt: RUN_START,
    finishedAt: RUN_END,
    lang,
    mallId: "myshop",
    results,
    problems: ranked,
    rootCause: {
      code: "ACCESS_TOKEN_NOT_REFRESHED",
      title: say("The access token expired and nothing refreshed it"),
      explanation: say("Every API call answered 401 while the refresh token is still valid."),
      suspects: [say("the auto-refresher is not running")],
      command: "cafe24-doctor token refresh",
    },
    http: [
      {
        at: RUN_START + 95,
        method: "GET",
        url: "https://myshop.cafe24api.com/api/v2/admin/store",
        status: 401,
        ms: 104,
        callLimit: "1/40",
      },
      {
        at: RUN_START + 5,
        method: "GET",
        url: `https://svc.example.com/hook/${TOKEN_IN_PATH}/status`,
        status: 200,
        ms: 690,
      },
      {
        at: RUN_START + 4,
        method: "HEAD",
        url: "https://down.example.com/health",
        status: null,
        ms: 700,
        error: "TimeoutError",
      },
    ],
    apiCalls: { spent: 3, budget: 20 },
    deadline: { ms: 15_000, hit: false },
    toolVersion: "0.1.0",
  };
}
