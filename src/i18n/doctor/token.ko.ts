import type { tokenEn } from "./token.en.js";

/** `token`·`api` 명령과 그 명령이 설명하는 오류 코드의 한국어 메시지. */
export const tokenKo: Record<keyof typeof tokenEn, string> = {
  "token.description":
    "쇼핑몰 OAuth 토큰을 확인·갱신·발급·폐기합니다 (잠금 안전, 토큰 전체는 절대 출력하지 않음).",
  "token.status.description":
    "두 토큰의 만료 시각(KST)과 남은 시간, 권한, 저장 위치. 종료 코드 0 정상, 1 refresh token 3일 이내 만료, 2 만료 또는 재인증 필요, 3 실행 불가.",
  "token.refresh.description":
    "잠금 안전 관리자로 지금 갱신(잠금 → 다시 읽기 → 갱신 → 저장)하고 API 한 번으로 확인합니다. 재인증이 필요하면 종료 코드 2.",
  "token.exchange.description":
    "인수 없이: 인증 URL 출력(새 state, 10분간 기억). code 또는 리디렉트된 전체 URL과 함께: state 확인 → 교환 → 저장 → 확인. 카페24가 거절하면 종료 코드 2.",
  "token.exchange.argument": "인증 코드, 또는 브라우저가 리디렉트된 전체 주소",
  "token.login.description":
    "브라우저로 인증 URL을 열고, 리디렉트 URI가 이 컴퓨터(localhost/127.0.0.1, http 또는 https)이면 리디렉트를 직접 받고, 아니면 붙여넣은 주소를 읽은 뒤 교환·저장·확인합니다.",
  "token.revoke.description":
    "refresh token을 폐기하고(카페24가 짝인 access token도 함께 폐기) 저장된 토큰을 삭제합니다.",
  "token.option.mall": "대상 쇼핑몰 (기본값: CAFE24_MALL_ID)",
  "token.option.verify": "API를 한 번 실제로 호출해 카페24가 access token을 받아들이는지도 확인",
  "token.option.follow": "터미널에 실시간 카운트다운 표시 (Ctrl-C로 종료)",
  "token.option.json": "상태를 JSON으로 출력",
  "token.option.noBrowser": "브라우저를 열지 않음 (CAFE24_DOCTOR_NO_BROWSER=1도 가능). URL은 항상 출력",
  "token.option.timeout": "리디렉트를 기다릴 시간(초, 기본 300)",

  "token.label.access": "Access token ",
  "token.label.refresh": "Refresh token",
  "token.line.expiry": "{label}  만료 {at} ({relative})",
  "token.line.expired": "{label}  만료됨 {at} ({relative})",
  "token.line.expiryUnknown": "{label}  만료 시각 모름 (저장소에 기록 없음)",
  "token.line.scopes": "권한           {scopes}",
  "token.status.title": "쇼핑몰 {mallId}의 토큰",
  "token.status.location": "저장 위치      {location}",
  "token.status.received": "받은 시각      {at}",
  "token.status.legacy":
    "이전 형식 파일 {traits} (다른 도구가 쓴 파일. 다음 저장 때 깨끗한 형식으로 다시 씀)",
  "token.status.followHint": "(실시간 — Ctrl-C로 종료)",
  "token.health.healthy": "[정상] 두 토큰 모두 유효합니다.",
  "token.health.warning":
    "[주의] refresh token이 3일 안에 만료됩니다. 갱신하면 14일 연장됩니다. 쉬는 쇼핑몰도 유지되도록 관리자(`cafe24-doctor watch`)를 실행하세요.",
  "token.health.access-expired":
    "[만료] access token이 만료되었습니다. refresh token은 아직 유효하므로 한 번 갱신하면 해결됩니다.",
  "token.health.rejected":
    "[실패] 만료 전인데 카페24가 access token을 거부합니다. 폐기되었거나, 다른 프로세스가 갱신해 이 사본이 낡았습니다.",
  "token.health.reauth-required":
    "[만료] 재인증 필요: refresh token이 만료되었습니다(14일간 갱신 없음). 쇼핑몰 관리자가 앱을 다시 승인해야 합니다.",
  "token.next": "다음: {command}",
  "token.verify.accepted": "실제 호출      GET {path} → {status}: 정상 ({ms} ms)",
  "token.verify.expired": "실제 호출      GET {path} → {status}: 만료됨 ({ms} ms)",
  "token.verify.rejected": "실제 호출      GET {path} → {status}: 만료 전인데 거부됨 ({ms} ms)",
  "token.verify.forbidden":
    "실제 호출      GET {path} → {status}: 토큰은 유효하나 이 API의 권한이 없음 ({ms} ms)",
  "token.verify.unavailable":
    "실제 호출      GET {path} → {status}: 판정 불가 (네트워크 또는 카페24 문제, {ms} ms)",

  "token.refresh.start": "{file}을(를) 잠그고 쇼핑몰 {mallId}의 토큰을 갱신하는 중…",
  "token.refresh.done": "쇼핑몰 {mallId}의 토큰을 갱신했습니다.",
  "token.refresh.rotated":
    "이전 refresh token은 이제 무효입니다(갱신할 때마다 교체됨). 살아 있는 토큰은 파일에 있는 것 하나뿐이니 다른 곳에 복사하지 마세요.",
  "token.exchange.open": "이 URL을 열고 쇼핑몰 관리자로 로그인해 앱을 승인하세요:",
  "token.exchange.codeLife":
    "리디렉트에 담긴 code는 60초 동안 한 번만 쓸 수 있으니 바로 교환하세요. 이 URL의 state는 10분간 기억됩니다.",
  "token.exchange.stateUnchecked":
    "주의: 이 컴퓨터에서 시작한 인증이 없어(시작하지 않았거나 10분이 지남) 리디렉트의 state를 확인할 수 없습니다.",
  "token.exchange.exchanging": "인증 코드를 교환하는 중…",
  "token.authorized": "쇼핑몰 {mallId} 인증 완료. 토큰을 {file}에 저장했습니다 (권한 0600).",
  "token.store.replacedCorrupt": "기존 토큰 파일이 손상되어 삭제하고 새로 저장했습니다.",
  "token.login.open": "이 URL을 열어 앱을 승인하세요 (브라우저를 엽니다):",
  "token.login.noBrowser": "브라우저를 열 수 없습니다. 위 URL을 직접 여세요.",
  "token.login.waiting": "{redirectUri}(으)로 리디렉트되기를 기다리는 중 (최대 {timeout:duration})…",
  "token.login.paste":
    "리디렉트 URI {redirectUri}는 이 컴퓨터가 아닙니다. 승인 후 브라우저가 이동한 전체 주소를 붙여넣고 Enter를 누르세요 (최대 {timeout:duration}):",
  "token.login.certWarning":
    "{redirectUri}는 https입니다. 방금 만든 자체 서명 인증서로 응답하므로 브라우저에 인증서 경고가 표시됩니다. 경고를 지나 계속 진행하세요.",
  "token.login.listenFailed":
    "{redirectUri}에서 수신할 수 없습니다({reason}). 대신 리디렉트된 주소를 붙여넣으세요.",
  "token.login.timeout": "{timeout:duration} 안에 인증이 도착하지 않았습니다. 아무것도 바꾸지 않았습니다.",
  "token.login.ignored":
    "{redirectUri}(으)로 온 요청을 무시했습니다. 이번 로그인에서 온 것이 아닙니다(state 불일치). 계속 기다립니다.",
  "token.callback.authorized": "인증되었습니다. 이 탭을 닫아도 됩니다.",
  "token.callback.failed": "인증이 완료되지 않았습니다. 터미널의 안내를 확인하세요.",
  "token.callback.foreign":
    "이 링크는 지금 시작한 로그인에서 온 것이 아니어서 무시했습니다. 로그인 중이라면 카페24에서 돌아오는 리디렉트를 계속 기다리고, 아니라면 이 탭을 닫으세요.",
  "token.revoke.done":
    "쇼핑몰 {mallId}의 refresh token {token}을 폐기했습니다. 짝인 access token도 함께 폐기되었습니다.",
  "token.revoke.deleted": "저장된 토큰 {file}을 삭제했습니다.",
  "token.revoke.nothing": "{file}에 쇼핑몰 {mallId}의 토큰이 없어 폐기할 것이 없습니다.",
  "token.cafe24Said": "카페24 응답: {error} {description}",

  "api.description":
    "관리 중인 토큰으로 Admin API를 직접 호출합니다(`gh api`처럼, 일반 클라이언트 호출과 같이 속도 조절·자동 갱신). JSON은 stdout, 상태·시간·호출 제한 헤더는 stderr. 카페24 오류 응답이면 종료 코드 2, 잘못된 인수면 3.",
  "api.argument.method": "GET, POST, PUT 또는 DELETE",
  "api.argument.path": "Admin API 경로. 예: /products, /products/count (/api/v2/admin 접두어 자동)",
  "api.option.query": "쿼리 파라미터 key=value (반복 가능, 같은 키를 반복하면 쉼표 목록)",
  "api.option.data": "JSON 본문: 직접('{\"request\":{…}}') 또는 파일(@file.json)",
  "api.option.shopNo": "카페24 멀티쇼핑몰 번호(shop_no)",
  "api.option.paginate": "목록 API의 모든 페이지를 받아 한 줄에 항목 하나씩 출력 (NDJSON)",
  "api.attempt": "{method} {path} → {status} · {ms} ms · X-Api-Call-Limit {limit}",
  "api.retry": "{code} 이후 재시도 ({action})",
  "api.refreshed": "호출 전에 access token을 갱신했습니다 (잠금 안전)",
  "api.pacing": "속도 조절: 쇼핑몰 호출 제한을 넘지 않도록 {ms} ms 대기",
  "api.done": "{ms}ms 후 호출 한도: {headers}",
  "api.paginated": "항목 {count}개 · {ms} ms",
  "api.failedCall": "카페24의 메시지: {message}",
  "api.forbidden.scope":
    "이 API에는 {scope} 권한이 필요합니다. 개발자센터에서 앱에 권한을 추가한 뒤 다시 인증하세요 (cafe24-doctor token login).",
  "api.forbidden.unknownScope":
    "토큰에 이 API의 권한이 없거나 앱이 삭제되었습니다. 앱의 권한을 확인한 뒤 다시 인증하세요 (cafe24-doctor token login).",

  "error.CAFE24_CODE_INVALID":
    "카페24가 인증 코드를 거절했습니다: 만료되었거나, 이미 사용되었거나, 알 수 없는 코드입니다.",
  "error.CAFE24_CODE_INVALID.fix":
    "code는 60초 동안 한 번만 쓸 수 있습니다: `cafe24-doctor token exchange`(또는 `token login`)를 다시 실행하고 새 code를 바로 교환하세요.",
  "error.CAFE24_STATE_MISMATCH":
    "리디렉트의 state가 이번 인증과 다릅니다: 다른 시도의 것이거나 위조되었습니다.",
  "error.CAFE24_STATE_MISMATCH.fix":
    "`cafe24-doctor token exchange`(또는 `token login`)로 다시 시작하고 그 시도의 리디렉트를 사용하세요.",
  "error.CAFE24_REDIRECT_URI_MISMATCH": "카페24가 리디렉트 URI를 거절했습니다.",
  "error.CAFE24_REDIRECT_URI_MISMATCH.fix":
    "CAFE24_REDIRECT_URI는 개발자센터에 등록한 Redirect URI와 정확히 같아야 합니다: 스킴, 호스트, 포트, 경로, 끝의 슬래시까지.",
  "error.CAFE24_SCOPE_NOT_ENABLED": "카페24가 요청한 권한(scope)을 거절했습니다.",
  "error.CAFE24_SCOPE_NOT_ENABLED.fix":
    "개발자센터에서 요청한 모든 권한을 앱에 추가하거나(CAFE24_SCOPES를 줄이거나) 한 뒤 다시 인증하세요.",
  "error.CAFE24_REAUTH_REQUIRED":
    "카페24가 refresh token을 거절했습니다: 만료(14일)되었거나, 다른 갱신으로 교체되었거나, 폐기되었습니다.",
  "error.CAFE24_REAUTH_REQUIRED.fix":
    "쇼핑몰 관리자가 앱을 다시 승인해야 합니다: `cafe24-doctor token login`을 실행하세요.",
  "error.CAFE24_INVALID_CLIENT": "카페24가 앱의 client id 또는 client secret을 거절했습니다.",
  "error.CAFE24_INVALID_CLIENT.fix":
    "개발자센터(앱 > 인증 정보)에서 CAFE24_CLIENT_ID와 CAFE24_CLIENT_SECRET을 공백 없이 다시 복사하세요.",
  "error.CAFE24_APP_REMOVED":
    "카페24가 앱을 거부합니다: 쇼핑몰 운영자가 앱을 삭제했거나 사용 기간이 만료되었습니다.",
  "error.CAFE24_APP_REMOVED.fix":
    "client secret, 권한(scope), 만료된 토큰 문제가 아닙니다. 쇼핑몰 운영자에게 앱을 다시 설치해 달라고 요청한 뒤(카페24 스토어) `cafe24-doctor token login --mall <mall_id>`을 실행하세요.",
  "error.CAFE24_OAUTH_FAILED": "카페24 OAuth 단계가 실패했습니다.",
  "error.CAFE24_OAUTH_FAILED.fix":
    "아래 카페24 응답을 확인한 뒤 `cafe24-doctor token login`으로 다시 시작하세요.",
  "error.CAFE24_UNAUTHORIZED": "카페24가 access token을 거부합니다.",
  "error.CAFE24_UNAUTHORIZED.fix":
    "`cafe24-doctor token refresh`를 실행하고, 재인증이 필요하다고 나오면 `cafe24-doctor token login`을 실행하세요.",
  "error.CAFE24_FORBIDDEN": "카페24가 호출을 거절했습니다: 토큰에 권한이 없거나 앱이 설치되어 있지 않습니다.",
  "error.CAFE24_FORBIDDEN.fix": "아래에 적힌 권한을 확인하세요.",
  "error.CAFE24_NOT_FOUND": "카페24가 404로 답했습니다: 그런 리소스나 API가 없습니다.",
  "error.CAFE24_NOT_FOUND.fix": "경로와 번호를 Admin API 문서와 비교하세요.",
  "error.CAFE24_INVALID_REQUEST":
    "카페24가 요청 자체를 거절했습니다(400/409/422). 다시 시도해도 소용없습니다.",
  "error.CAFE24_INVALID_REQUEST.fix": "아래 카페24 응답에 나온 파라미터나 본문을 고치세요.",
  "error.CAFE24_RATE_LIMITED": "카페24 호출 제한으로 호출이 멈췄습니다.",
  "error.CAFE24_RATE_LIMITED.fix": "잠시 기다리세요. 쇼핑몰 버킷은 초당 2회씩 비워집니다.",
  "error.CAFE24_SERVER_ERROR": "카페24가 서버 오류로 답했습니다.",
  "error.CAFE24_SERVER_ERROR.fix": "잠시 후 다시 시도하세요. 토큰 문제가 아닙니다.",
  "error.TOKEN_NOT_FOUND": "이 쇼핑몰의 저장된 토큰이 없습니다.",
  "error.TOKEN_NOT_FOUND.fix": "앱을 인증하세요: `cafe24-doctor token login`을 실행하세요.",
  "error.TOKEN_FILE_INVALID": "토큰 파일을 쓸 수 없습니다:",
  "error.TOKEN_FILE_INVALID.fix":
    "`cafe24-doctor token login`으로 다시 인증하거나(손상된 파일은 교체됨) 백업에서 파일을 복구하세요.",
};
