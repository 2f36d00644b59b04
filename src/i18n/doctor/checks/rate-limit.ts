import { checkCatalogue } from "./check-catalogue.js";

/** Check 9 — rate-limit headroom: its finding codes and messages. */
export const rateLimitCatalogue = checkCatalogue({
  codes: {
    /** A 429 from the bucket: calls are rejected. → pace the callers, then `cafe24-doctor check` */
    RATE_LIMITED: "high",
    /** A usage quota at ≥ 100%: Cafe24 blocks every call for N s (-Remain). */
    USAGE_EXHAUSTED: "high",
    /** `X-Api-Call-Limit` ≥ 80% of the bucket: another process is hammering the mall. */
    BUCKET_NEARLY_FULL: "medium",
    /** A usage quota at ≥ 80%. */
    USAGE_HIGH: "medium",
  },
  en: {
    "check.rate-limit.skipped.noAnswers": "Skipped: no Admin API answer to read rate-limit headers from.",
    "check.rate-limit.summary.ok": "Call bucket at {callLimit} ({percent}%), usage {usage}; no 429.",

    "check.rate-limit.RATE_LIMITED.cause":
      "Cafe24 answered 429 {count} time(s): the mall's call bucket (40 calls, draining 2 per second) was full.",
    "check.rate-limit.RATE_LIMITED.remedy":
      "Find the process calling this mall without pacing (a sync job, a second instance, an old script) and pace it by X-Api-Call-Limit; then check again.",
    "check.rate-limit.USAGE_EXHAUSTED.cause":
      "Cafe24's usage quota is spent ({usage}%): every call to the mall is blocked for {seconds} s.",
    "check.rate-limit.USAGE_EXHAUSTED.remedy":
      "Stop calling the mall for {seconds} s (calls made while blocked extend the block), then reduce the call volume.",
    "check.rate-limit.BUCKET_NEARLY_FULL.cause":
      "The mall's call bucket is at {used}/{capacity} ({percent}%) while the doctor made only {calls} calls: another process is hammering the mall.",
    "check.rate-limit.BUCKET_NEARLY_FULL.remedy":
      "Pace the mall's callers by X-Api-Call-Limit (at most 2 calls per second sustained) before they hit 429.",
    "check.rate-limit.USAGE_HIGH.cause":
      "Cafe24's usage quota is at {usage}%: at 100% every call is blocked for a while.",
    "check.rate-limit.USAGE_HIGH.remedy":
      "Reduce the call volume (batch, cache, fewer polls) before the quota runs out.",
  },
  ko: {
    "check.rate-limit.skipped.noAnswers": "건너뜀: 호출 제한 헤더를 읽을 Admin API 응답이 없습니다.",
    "check.rate-limit.summary.ok": "호출 버킷 {callLimit}({percent}%), 사용량 {usage}, 429 없음.",

    "check.rate-limit.RATE_LIMITED.cause":
      "카페24가 429로 {count}번 응답했습니다. 쇼핑몰의 호출 버킷(40건, 초당 2건씩 비워짐)이 가득 찼습니다.",
    "check.rate-limit.RATE_LIMITED.remedy":
      "속도 조절 없이 이 쇼핑몰을 호출하는 프로세스(동기화 작업, 두 번째 인스턴스, 옛 스크립트)를 찾아 X-Api-Call-Limit에 맞춰 호출 속도를 늦춘 뒤 다시 점검하세요.",
    "check.rate-limit.USAGE_EXHAUSTED.cause":
      "카페24 사용량 한도를 다 썼습니다({usage}%). {seconds}초 동안 이 쇼핑몰로의 모든 호출이 차단됩니다.",
    "check.rate-limit.USAGE_EXHAUSTED.remedy":
      "{seconds}초 동안 호출을 멈추세요(차단 중에 호출하면 차단이 길어집니다). 그다음 호출량을 줄이세요.",
    "check.rate-limit.BUCKET_NEARLY_FULL.cause":
      "점검 도구는 {calls}건만 호출했는데 호출 버킷이 {used}/{capacity}({percent}%)입니다. 다른 프로세스가 쇼핑몰을 과도하게 호출하고 있습니다.",
    "check.rate-limit.BUCKET_NEARLY_FULL.remedy":
      "429가 나기 전에 쇼핑몰을 호출하는 프로그램들이 X-Api-Call-Limit에 맞춰 속도를 조절하게 하세요(지속적으로는 초당 2건 이하).",
    "check.rate-limit.USAGE_HIGH.cause":
      "카페24 사용량이 {usage}%입니다. 100%가 되면 한동안 모든 호출이 차단됩니다.",
    "check.rate-limit.USAGE_HIGH.remedy":
      "한도를 다 쓰기 전에 호출량을 줄이세요(묶음 처리, 캐시, 폴링 횟수 줄이기).",
  },
});
