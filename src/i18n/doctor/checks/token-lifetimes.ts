import { checkCatalogue } from "./check-catalogue.js";

/** Check 3 — token lifetimes: its finding codes and messages. */
export const tokenLifetimesCatalogue = checkCatalogue({
  codes: {
    /** → cafe24-doctor token refresh */
    ACCESS_TOKEN_EXPIRED: "high",
    /** → cafe24-doctor token login */
    REFRESH_TOKEN_EXPIRED: "critical",
    /** High under 3 days. → cafe24-doctor token refresh */
    REFRESH_TOKEN_EXPIRING: "medium",
    /** Older answers did not say. → cafe24-doctor token refresh */
    REFRESH_TOKEN_EXPIRY_UNKNOWN: "low",
    /** Only CAFE24_ACCESS_TOKEN is known. → cafe24-doctor token login */
    TOKEN_LIFETIME_UNKNOWN: "medium",
    /** The old toolkit's file on a host not at +09:00. → cafe24-doctor token refresh */
    LEGACY_LOCAL_TIME_EXPIRY: "medium",
  },
  en: {
    "check.token-lifetimes.summary.valid":
      "access token valid for {accessMs:duration}, refresh token for {refreshMs:duration}",
    "check.token-lifetimes.summary.accessExpired":
      "access token expired {accessMs:duration} ago; refresh token valid for {refreshMs:duration}",
    "check.token-lifetimes.summary.validRefreshUnknown":
      "access token valid for {accessMs:duration}; refresh token expiry unknown",
    "check.token-lifetimes.summary.accessExpiredRefreshUnknown":
      "access token expired {accessMs:duration} ago; refresh token expiry unknown",
    "check.token-lifetimes.summary.refreshExpired": "refresh token expired {refreshMs:duration} ago",
    "check.token-lifetimes.summary.envToken": "expiry unknown: only CAFE24_ACCESS_TOKEN is set",
    "check.token-lifetimes.summary.noToken": "skipped: no token to check",

    "check.token-lifetimes.accessExpired.cause":
      "The access token expired {accessMs:duration} ago ({expiresAt}); nothing refreshed it in time.",
    "check.token-lifetimes.accessExpired.remedy":
      "Refresh it with `cafe24-doctor token refresh`, and keep `cafe24-doctor watch` running so it never lapses again.",
    "check.token-lifetimes.refreshExpired.cause":
      "The refresh token expired {refreshMs:duration} ago ({expiresAt}): the app went more than 14 days without a refresh, so no refresh is possible.",
    "check.token-lifetimes.refreshExpired.remedy":
      "Authorize again with `cafe24-doctor token login` (a mall admin must approve), then keep `cafe24-doctor watch` running.",
    "check.token-lifetimes.refreshExpiring.cause":
      "The refresh token expires in {refreshMs:duration} ({expiresAt}); after that only a new authorization helps.",
    "check.token-lifetimes.refreshExpiring.remedy":
      "Refresh now: `cafe24-doctor token refresh` brings a new refresh token valid for 14 days.",
    "check.token-lifetimes.refreshUnknown.cause":
      "The token file does not say when the refresh token expires (older Cafe24 answers left it out).",
    "check.token-lifetimes.refreshUnknown.remedy":
      "Run `cafe24-doctor token refresh`: the new answer records it.",
    "check.token-lifetimes.envToken.cause":
      "Only CAFE24_ACCESS_TOKEN is known: a bare access token carries no expiry and no refresh token.",
    "check.token-lifetimes.envToken.remedy":
      "Authorize with `cafe24-doctor token login` so a token file with both tokens and their expiries exists.",
    "check.token-lifetimes.legacyLocalTime.cause":
      "The token file was written by the old toolkit, which stamped times in the host's local time; this host is on {zone} (UTC{offset}), not Korean time, so those times and the expiries computed from them may be off by {hours} h.",
    "check.token-lifetimes.legacyLocalTime.remedy":
      "Run `cafe24-doctor token refresh`: the file is rewritten with Cafe24's own KST times. Until then, trust the authentication check over these numbers.",
  },
  ko: {
    "check.token-lifetimes.summary.valid":
      "access token {accessMs:duration}, refresh token {refreshMs:duration} 남음",
    "check.token-lifetimes.summary.accessExpired":
      "access token {accessMs:duration} 전 만료, refresh token {refreshMs:duration} 남음",
    "check.token-lifetimes.summary.validRefreshUnknown":
      "access token {accessMs:duration} 남음, refresh token 만료 시각 모름",
    "check.token-lifetimes.summary.accessExpiredRefreshUnknown":
      "access token {accessMs:duration} 전 만료, refresh token 만료 시각 모름",
    "check.token-lifetimes.summary.refreshExpired": "refresh token {refreshMs:duration} 전 만료",
    "check.token-lifetimes.summary.envToken": "만료 시각 모름: CAFE24_ACCESS_TOKEN만 설정됨",
    "check.token-lifetimes.summary.noToken": "건너뜀: 확인할 토큰이 없음",

    "check.token-lifetimes.accessExpired.cause":
      "access token이 {accessMs:duration} 전({expiresAt})에 만료되었습니다. 제때 갱신되지 않았습니다.",
    "check.token-lifetimes.accessExpired.remedy":
      "`cafe24-doctor token refresh`로 갱신하고, 다시 만료되지 않도록 `cafe24-doctor watch`를 계속 실행해 두세요.",
    "check.token-lifetimes.refreshExpired.cause":
      "refresh token이 {refreshMs:duration} 전({expiresAt})에 만료되었습니다. 14일 넘게 갱신하지 않아 더는 갱신할 수 없습니다.",
    "check.token-lifetimes.refreshExpired.remedy":
      "`cafe24-doctor token login`으로 다시 인증하고(쇼핑몰 관리자의 승인 필요), `cafe24-doctor watch`를 계속 실행해 두세요.",
    "check.token-lifetimes.refreshExpiring.cause":
      "refresh token이 {refreshMs:duration} 뒤({expiresAt}) 만료됩니다. 그 뒤에는 다시 인증하는 수밖에 없습니다.",
    "check.token-lifetimes.refreshExpiring.remedy":
      "지금 갱신하세요. `cafe24-doctor token refresh`를 실행하면 14일 동안 유효한 새 refresh token을 받습니다.",
    "check.token-lifetimes.refreshUnknown.cause":
      "토큰 파일에 refresh token 만료 시각이 없습니다(예전 카페24 응답에는 빠져 있었습니다).",
    "check.token-lifetimes.refreshUnknown.remedy":
      "`cafe24-doctor token refresh`를 실행하면 새 응답에 기록됩니다.",
    "check.token-lifetimes.envToken.cause":
      "CAFE24_ACCESS_TOKEN만 알고 있습니다. access token 하나만으로는 만료 시각도 refresh token도 알 수 없습니다.",
    "check.token-lifetimes.envToken.remedy":
      "`cafe24-doctor token login`으로 인증해 두 토큰과 만료 시각이 담긴 토큰 파일을 만드세요.",
    "check.token-lifetimes.legacyLocalTime.cause":
      "예전 도구가 쓴 토큰 파일입니다. 예전 도구는 시각을 이 컴퓨터의 현지 시각으로 기록했는데, 이 컴퓨터는 한국 시간이 아닌 {zone}(UTC{offset})이므로 그 시각과 거기서 계산한 만료 시각이 {hours}시간 어긋나 있을 수 있습니다.",
    "check.token-lifetimes.legacyLocalTime.remedy":
      "`cafe24-doctor token refresh`를 실행하면 카페24의 KST 시각으로 파일이 다시 쓰입니다. 그전까지는 이 숫자보다 인증 확인 결과를 믿으세요.",
  },
});
