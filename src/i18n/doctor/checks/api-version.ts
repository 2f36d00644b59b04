import { checkCatalogue } from "./check-catalogue.js";

/** Check 10 — API version: its finding codes and messages. */
export const apiVersionCatalogue = checkCatalogue({
  codes: {
    /**
     * Expired: a 400 naming it, an expiry date in the past, or a pinned version past its end in the version
     * calendar (Cafe24 silently serves another). → CAFE24_API_VERSION=<live version> cafe24-doctor check
     */
    API_VERSION_EXPIRED: "critical",
    /** Not a version Cafe24 knows (a 400 naming it). → the same command */
    API_VERSION_INVALID: "critical",
    /** Expires within 30 days: update the version before that date. */
    API_VERSION_EXPIRING: "medium",
    /** Expires within 90 days. */
    API_VERSION_EXPIRY_NOTICE: "low",
  },
  en: {
    "check.api-version.skipped.noApi":
      "Skipped: the mall id is unknown, so the app's API version cannot be read.",
    "check.api-version.skipped.unreachable": "Skipped: the mall's API host is unreachable.",
    "check.api-version.skipped.notAuthenticated":
      "Skipped: authentication failed ({failure:authFailure}), so the app's API version cannot be read.",
    "check.api-version.skipped.noScope":
      "Skipped: reading the app's API version (GET /apps) needs {scope}, which the token does not have.",
    "check.api-version.skipped.unreadable": "Skipped: GET /apps did not answer usably ({status}).",
    "check.api-version.skipped.quick":
      "Not read in the quick diagnosis (no call of its own): `cafe24-doctor check` reads the app's version and its expiry.",
    "check.api-version.summary.noExpiry": "API version {version}: no expiry set (the newest version).",
    "check.api-version.summary.ok": "API version {version}, live until {date} ({days} days).",

    "check.api-version.expiring.cause": "API version {version} expires on {date}, in {days} days.",
    "check.api-version.API_VERSION_EXPIRED.cause.date":
      "API version {version} expired on {date}: Cafe24 now refuses it or silently runs calls as an older live version.",
    "check.api-version.API_VERSION_EXPIRED.cause.silent":
      "API version {version} expired on {date}: Cafe24 is silently serving version {served}; response shapes may have changed.",
    "check.api-version.API_VERSION_EXPIRED.cause.pinnedSilent":
      "CAFE24_API_VERSION pins API version {version}, which expired on {date}: Cafe24 is silently serving version {served}; response shapes may have changed.",
    "check.api-version.expiring.pinned.cause":
      "CAFE24_API_VERSION pins API version {version}, which expires on {date}, in {days} days; after that Cafe24 silently serves another version.",
    "check.api-version.remedy.pinnedSilent":
      "Test your calls against {latest}, then pin it: CAFE24_API_VERSION={latest} (or apiVersion in cafe24-doctor.config.json) instead of {version}.",
    "check.api-version.API_VERSION_EXPIRED.cause.refused":
      "Cafe24 refuses API version {version}: it has expired, and every call made with it fails.",
    "check.api-version.API_VERSION_INVALID.cause":
      "Cafe24 does not know API version {version}; every call made with it fails.",
    "check.api-version.remedy.app":
      "Move the app off {version}: choose a live version in Cafe24 Developers (app → 개발정보 → 인증정보 → 버전관리), or pin one in X-Cafe24-Api-Version / CAFE24_API_VERSION, after testing your calls with it.",
    "check.api-version.remedy.pinned":
      "CAFE24_API_VERSION (sent as X-Cafe24-Api-Version) pins {version}: set it to a live version, or remove it to use the app's version, after testing your calls with it.",
  },
  ko: {
    "check.api-version.skipped.noApi": "건너뜀: 쇼핑몰 ID를 알 수 없어 앱의 API 버전을 읽을 수 없습니다.",
    "check.api-version.skipped.unreachable": "건너뜀: 쇼핑몰 API 호스트에 연결할 수 없습니다.",
    "check.api-version.skipped.notAuthenticated":
      "건너뜀: 인증에 실패해({failure:authFailure}) 앱의 API 버전을 읽을 수 없습니다.",
    "check.api-version.skipped.noScope":
      "건너뜀: 앱의 API 버전 조회(GET /apps)에는 {scope} 권한이 필요한데 토큰에 없습니다.",
    "check.api-version.skipped.unreadable": "건너뜀: GET /apps 응답을 사용할 수 없습니다({status}).",
    "check.api-version.skipped.quick":
      "빠른 진단에서는 따로 호출하지 않아 읽지 않았습니다. 앱의 버전과 만료일은 `cafe24-doctor check`가 읽습니다.",
    "check.api-version.summary.noExpiry": "API 버전 {version}: 만료일이 없습니다(최신 버전).",
    "check.api-version.summary.ok": "API 버전 {version}, {date}까지 사용 가능({days}일 남음).",

    "check.api-version.expiring.cause": "API 버전 {version}이(가) {date}에 만료됩니다. {days}일 남았습니다.",
    "check.api-version.API_VERSION_EXPIRED.cause.date":
      "API 버전 {version}은(는) {date}에 만료되었습니다. 카페24가 이 버전을 거부하거나, 호출을 더 오래된 유효 버전으로 조용히 처리합니다.",
    "check.api-version.API_VERSION_EXPIRED.cause.silent":
      "API 버전 {version}은(는) {date}에 만료되었습니다. 카페24가 알리지 않고 {served} 버전으로 응답하고 있어 응답 형식이 달라졌을 수 있습니다.",
    "check.api-version.API_VERSION_EXPIRED.cause.pinnedSilent":
      "CAFE24_API_VERSION이 API 버전 {version}으로 고정되어 있는데, 이 버전은 {date}에 만료되었습니다. 카페24가 알리지 않고 {served} 버전으로 응답하고 있어 응답 형식이 달라졌을 수 있습니다.",
    "check.api-version.expiring.pinned.cause":
      "CAFE24_API_VERSION이 고정한 API 버전 {version}이(가) {date}에 만료됩니다. {days}일 남았으며, 그 뒤에는 카페24가 알리지 않고 다른 버전으로 응답합니다.",
    "check.api-version.remedy.pinnedSilent":
      "{latest} 버전으로 호출을 시험해 본 뒤 {version} 대신 그 버전을 고정하세요: CAFE24_API_VERSION={latest} (또는 cafe24-doctor.config.json의 apiVersion).",
    "check.api-version.API_VERSION_EXPIRED.cause.refused":
      "카페24가 API 버전 {version}을(를) 거부합니다. 만료된 버전이라 이 버전으로 하는 호출은 모두 실패합니다.",
    "check.api-version.API_VERSION_INVALID.cause":
      "카페24가 모르는 API 버전 {version}입니다. 이 버전으로 하는 호출은 모두 실패합니다.",
    "check.api-version.remedy.app":
      "앱을 {version}에서 옮기세요. 카페24 개발자센터(앱 → 개발정보 → 인증정보 → 버전관리)에서 유효한 버전을 고르거나, 호출을 시험해 본 뒤 X-Cafe24-Api-Version / CAFE24_API_VERSION에 유효한 버전을 지정하세요.",
    "check.api-version.remedy.pinned":
      "CAFE24_API_VERSION(X-Cafe24-Api-Version으로 전송)이 {version}으로 고정되어 있습니다. 호출을 시험해 본 뒤 유효한 버전으로 바꾸거나, 지우고 앱의 버전을 쓰세요.",
  },
});
