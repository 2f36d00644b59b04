import { checkCatalogue } from "./check-catalogue.js";

/** Check 8 — data APIs: its finding codes and messages. */
export const dataApisCatalogue = checkCatalogue({
  codes: {
    /** 5xx from Cafe24 (its side, not the app's). → `cafe24-doctor check` again later */
    CAFE24_SERVER_ERROR: "high",
    /**
     * 403 on a scope the token claims (not already reported by scope coverage). → `cafe24-doctor token login`
     * after enabling the scope or reinstalling the app
     */
    DATA_FORBIDDEN: "high",
    /** 422: a request parameter Cafe24 rejects (NOT "no data"); shows Cafe24's message. */
    DATA_BAD_REQUEST: "medium",
    /**
     * Anything else (401, 404, network, timeout, unexpected body), one per status. → `cafe24-doctor check`
     * after fixing what the other checks report
     */
    DATA_READ_FAILED: "medium",
  },
  en: {
    "check.data-apis.skipped.noApi": "Skipped: the mall id is unknown, so there is no API to read from.",
    "check.data-apis.skipped.unreachable": "Skipped: the mall's API host is unreachable.",
    "check.data-apis.skipped.notAuthenticated":
      "Skipped: authentication failed ({failure:authFailure}); reading data with that token would only repeat the failure.",
    "check.data-apis.skipped.noScopes": "Skipped: the token holds none of the scopes the data reads need.",
    "check.data-apis.skipped.versionRefused":
      "Not read: Cafe24 refused API version {version} for every read (see API version).",
    "check.data-apis.summary.ok":
      "Data answers: shop “{shop}”, {products} products, {orders} orders today ({date} KST), {categories} categories.",
    "check.data-apis.summary.quick": "Data answers: {products} products (the full check reads more).",
    "check.data-apis.summary.zero":
      "Data answers, with zero items (an empty result, not an error) in {items}: shop “{shop}”, {products} products, {orders} orders today ({date} KST), {categories} categories.",
    "check.data-apis.summary.failed": "Data reads failed: {items}.",
    "check.data-apis.summary.incomplete": "Some data reads were held back or not answered: {items}.",

    "check.data-apis.CAFE24_SERVER_ERROR.cause":
      "Cafe24 answered {statuses} to {paths}: a fault on Cafe24's side, not in your app or token.",
    "check.data-apis.CAFE24_SERVER_ERROR.remedy":
      "Wait a few minutes and check again; if it persists, look for a Cafe24 developer notice or contact the Developer Center.",
    "check.data-apis.DATA_FORBIDDEN.cause":
      "{paths} answered 403: the token lacks {scopes}, although it lists it (see scope coverage).",
    "check.data-apis.DATA_FORBIDDEN.remedy":
      "Enable {scopes} on the app (app → 권한 / Permissions) or reinstall the app on the mall, then authorize again.",
    "check.data-apis.DATA_BAD_REQUEST.cause":
      "Cafe24 rejected a request parameter of {path} (422: {message}). That is a bad request, not “no data”.",
    "check.data-apis.DATA_BAD_REQUEST.remedy":
      "Fix the parameter Cafe24 names (e.g. an order window over 3 months, a limit or offset above its maximum, a missing required filter).",
    "check.data-apis.DATA_READ_FAILED.cause": "{paths} failed: {status} {message}",
    "check.data-apis.DATA_READ_FAILED.remedy":
      "Fix what the authentication, API version and network checks report, then check again.",
  },
  ko: {
    "check.data-apis.skipped.noApi": "건너뜀: 쇼핑몰 ID를 알 수 없어 데이터를 읽을 API가 없습니다.",
    "check.data-apis.skipped.unreachable": "건너뜀: 쇼핑몰 API 호스트에 연결할 수 없습니다.",
    "check.data-apis.skipped.notAuthenticated":
      "건너뜀: 인증에 실패했습니다({failure:authFailure}). 이 토큰으로 데이터를 읽어도 같은 실패만 반복됩니다.",
    "check.data-apis.skipped.noScopes": "건너뜀: 데이터 조회에 필요한 권한이 토큰에 하나도 없습니다.",
    "check.data-apis.skipped.versionRefused":
      "읽지 못함: 카페24가 모든 조회에서 API 버전 {version}을(를) 거부했습니다 (API 버전 참고).",
    "check.data-apis.summary.ok":
      "데이터 응답 정상: 쇼핑몰 “{shop}”, 상품 {products}개, 오늘({date} KST) 주문 {orders}건, 분류 {categories}개.",
    "check.data-apis.summary.quick": "데이터 응답 정상: 상품 {products}개 (종합 점검은 더 많이 확인합니다).",
    "check.data-apis.summary.zero":
      "데이터 응답 정상, {items}은(는) 0건입니다(오류가 아니라 비어 있는 결과): 쇼핑몰 “{shop}”, 상품 {products}개, 오늘({date} KST) 주문 {orders}건, 분류 {categories}개.",
    "check.data-apis.summary.failed": "데이터 조회 실패: {items}",
    "check.data-apis.summary.incomplete": "보류했거나 응답을 받지 못한 데이터 조회: {items}",

    "check.data-apis.CAFE24_SERVER_ERROR.cause":
      "카페24가 {paths}에 {statuses}로 응답했습니다. 앱이나 토큰이 아니라 카페24 쪽 장애입니다.",
    "check.data-apis.CAFE24_SERVER_ERROR.remedy":
      "몇 분 뒤 다시 점검하세요. 계속되면 카페24 개발자 공지를 확인하거나 개발자센터에 문의하세요.",
    "check.data-apis.DATA_FORBIDDEN.cause":
      "{paths}가 403으로 응답했습니다. 토큰 목록에는 있지만 실제로는 {scopes} 권한이 없습니다(권한 점검 참고).",
    "check.data-apis.DATA_FORBIDDEN.remedy":
      "앱에서 {scopes} 권한을 켜거나(앱 → 권한) 쇼핑몰에 앱을 다시 설치한 뒤 다시 인증하세요.",
    "check.data-apis.DATA_BAD_REQUEST.cause":
      "카페24가 {path}의 요청 파라미터를 거부했습니다(422: {message}). “데이터 없음”이 아니라 잘못된 요청입니다.",
    "check.data-apis.DATA_BAD_REQUEST.remedy":
      "카페24가 지적한 파라미터를 고치세요(예: 3개월을 넘는 주문 조회 기간, 최대값을 넘는 limit·offset, 빠진 필수 조건).",
    "check.data-apis.DATA_READ_FAILED.cause": "{paths} 조회 실패: {status} {message}",
    "check.data-apis.DATA_READ_FAILED.remedy":
      "인증·API 버전·네트워크 점검에서 나온 문제를 먼저 해결한 뒤 다시 점검하세요.",
  },
});
