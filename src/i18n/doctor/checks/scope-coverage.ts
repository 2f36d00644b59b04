import { checkCatalogue } from "./check-catalogue.js";

/** Check 7 — scope coverage: its finding codes and messages. */
export const scopeCoverageCatalogue = checkCatalogue({
  codes: {
    /**
     * Required scopes the token was never granted (evidence.missing lists them). → enable them on the app
     * (Developer Center → 권한), then `cafe24-doctor token login`
     */
    SCOPE_MISSING: "high",
    /**
     * Scopes the token claims but Cafe24 refuses (403 on the probe): the app's scopes were reduced, or the app
     * was uninstalled (evidence.missing lists them). → the same command, after checking the app
     */
    SCOPE_REVOKED: "high",
  },
  en: {
    "check.scope-coverage.skipped.noApi":
      "Skipped: the mall id is unknown, so the token's scopes cannot be read or probed.",
    "check.scope-coverage.skipped.unreachable":
      "Skipped: the mall's API host is unreachable, and the token lists no scopes to compare.",
    "check.scope-coverage.skipped.notAuthenticated":
      "Skipped: authentication failed ({failure:authFailure}), and the token lists no scopes to compare.",
    "check.scope-coverage.summary.ok":
      "All {count} required scopes are granted; {confirmed} confirmed by a live call.",
    "check.scope-coverage.summary.unusable": "Scopes the app needs but cannot use: {scopes}.",

    "check.scope-coverage.SCOPE_MISSING.cause":
      "The token was not granted {scopes}, which the app needs. Calls that need them answer 403 “No authority to access”, which looks like a broken API.",
    "check.scope-coverage.SCOPE_MISSING.remedy":
      "Enable {scopes} on the app in Cafe24 Developers (app → 권한 / Permissions), then authorize again: added scopes take effect only after the merchant consents anew.",
    "check.scope-coverage.SCOPE_MISSING.remedy.request":
      "Enable {scopes} on the app in Cafe24 Developers (app → 권한 / Permissions), add {unrequested} to CAFE24_SCOPES, then authorize again: added scopes take effect only after the merchant consents anew.",
    "check.scope-coverage.SCOPE_REVOKED.cause":
      "The token lists {scopes}, but Cafe24 refused them (403 on {paths}): the app's permissions were reduced in Cafe24 Developers, or the app was uninstalled from the mall.",
    "check.scope-coverage.SCOPE_REVOKED.remedy":
      "Check that {scopes} is still enabled on the app (app → 권한 / Permissions) and that the app is installed on the mall, then authorize again.",
  },
  ko: {
    "check.scope-coverage.skipped.noApi":
      "건너뜀: 쇼핑몰 ID를 알 수 없어 토큰 권한을 읽거나 확인할 수 없습니다.",
    "check.scope-coverage.skipped.unreachable":
      "건너뜀: 쇼핑몰 API 호스트에 연결할 수 없고, 토큰에 비교할 권한 목록도 없습니다.",
    "check.scope-coverage.skipped.notAuthenticated":
      "건너뜀: 인증에 실패했고({failure:authFailure}), 토큰에 비교할 권한 목록도 없습니다.",
    "check.scope-coverage.summary.ok":
      "필요한 권한 {count}개가 모두 부여되어 있습니다. 그중 {confirmed}개는 실제 호출로 확인했습니다.",
    "check.scope-coverage.summary.unusable": "앱에 필요하지만 쓸 수 없는 권한: {scopes}",

    "check.scope-coverage.SCOPE_MISSING.cause":
      "토큰에 앱이 필요로 하는 {scopes} 권한이 없습니다. 이 권한이 필요한 호출은 403 “No authority to access”로 응답하므로 API가 고장 난 것처럼 보입니다.",
    "check.scope-coverage.SCOPE_MISSING.remedy":
      "카페24 개발자센터에서 앱의 {scopes} 권한을 켠 뒤(앱 → 권한) 다시 인증하세요. 추가한 권한은 쇼핑몰 운영자가 새로 동의해야 적용됩니다.",
    "check.scope-coverage.SCOPE_MISSING.remedy.request":
      "카페24 개발자센터에서 앱의 {scopes} 권한을 켜고(앱 → 권한) CAFE24_SCOPES에 {unrequested}를 추가한 뒤 다시 인증하세요. 추가한 권한은 쇼핑몰 운영자가 새로 동의해야 적용됩니다.",
    "check.scope-coverage.SCOPE_REVOKED.cause":
      "토큰에는 {scopes} 권한이 있다고 되어 있지만 카페24가 거부했습니다({paths}에서 403). 개발자센터에서 앱 권한이 줄었거나 쇼핑몰에서 앱이 삭제되었습니다.",
    "check.scope-coverage.SCOPE_REVOKED.remedy":
      "앱에 {scopes} 권한이 아직 켜져 있는지(앱 → 권한), 쇼핑몰에 앱이 설치되어 있는지 확인한 뒤 다시 인증하세요.",
  },
});
