import type { checksAEn } from "./checks-a.en.js";

/** 진단 1–6단계(설정 … 인증) 메시지. checks-a.en.ts의 모든 키가 있어야 합니다. */
export const checksAKo: Record<keyof typeof checksAEn, string> = {
  "check.configuration.summary.ok":
    "설정 완료 (환경 변수 {fromEnv}개, .env {fromDotenv}개, 설정 파일 {fromFile}개)",
  "check.configuration.summary.missing": "누락: {names}",
  "check.configuration.summary.problems": "확인이 필요한 설정 {count}개",
  "check.configuration.mallIdMissing.cause":
    "CAFE24_MALL_ID가 설정되지 않았습니다. 쇼핑몰 ID 없이는 쇼핑몰 API에 접근할 수 없습니다.",
  "check.configuration.mallIdMissing.remedy":
    "CAFE24_MALL_ID를 쇼핑몰 주소의 ID로 설정하거나(myshop.cafe24.com이면 myshop) `cafe24-doctor init`을 실행하세요.",
  "check.configuration.mallIdInvalid.cause":
    "CAFE24_MALL_ID가 카페24 쇼핑몰 ID 형식이 아닙니다 (영문, 숫자, '-', 최대 40자).",
  "check.configuration.mallIdInvalid.remedy":
    "쇼핑몰 주소의 ID로 고치세요(myshop.cafe24.com이면 myshop). `cafe24-doctor init`이 물어봅니다.",
  "check.configuration.clientIdMissing.cause":
    "CAFE24_CLIENT_ID가 설정되지 않았습니다. 앱의 client id 없이는 토큰을 갱신하거나 발급할 수 없습니다.",
  "check.configuration.clientIdMissing.remedy":
    "카페24 개발자센터의 앱 개발 정보에서 client id를 복사해 CAFE24_CLIENT_ID에 넣거나 `cafe24-doctor init`을 실행하세요.",
  "check.configuration.clientSecretMissing.cause":
    "CAFE24_CLIENT_SECRET이 설정되지 않았습니다. 앱의 client secret 없이는 토큰을 갱신하거나 발급할 수 없습니다.",
  "check.configuration.clientSecretMissing.remedy":
    "카페24 개발자센터에서 client secret을 복사해 CAFE24_CLIENT_SECRET에 넣거나(환경 변수나 .env, 커밋되는 파일은 안 됨) `cafe24-doctor init`을 실행하세요.",
  "check.configuration.clientSecretWhitespace.cause":
    'client secret({source})의 앞뒤에 공백이나 줄바꿈이 있습니다. 카페24는 이런 secret에 "Invalid client_secret"으로 응답합니다.',
  "check.configuration.clientSecretWhitespace.remedy":
    "이번 실행에서는 공백을 잘라 냈습니다. 모든 도구가 같은 secret을 읽도록 설정한 곳({source})에서 공백을 지우세요.",
  "check.configuration.baseUrlInsecure.cause":
    "CAFE24_BASE_URL이 이 컴퓨터가 아닌 호스트에 평문 http를 씁니다. 카페24는 HTTPS만 받으므로 모든 호출이 거부됩니다.",
  "check.configuration.baseUrlInsecure.remedy":
    "https를 쓰거나 CAFE24_BASE_URL을 지워 카페24 기본 호스트를 쓰세요. 평문 http는 로컬 에뮬레이터 전용입니다.",
  "check.configuration.baseUrlInvalid.cause": "CAFE24_BASE_URL이 올바른 URL 템플릿이 아닙니다.",
  "check.configuration.baseUrlInvalid.remedy":
    "지워서 카페24 기본 호스트를 쓰거나, 호스트 이름에 쇼핑몰 ID 자리표시자가 들어간 https URL을 지정하세요.",
  "check.configuration.redirectUriMissing.cause":
    "CAFE24_REDIRECT_URI가 설정되지 않았습니다. 앱 인증(`cafe24-doctor token login`)에는 앱에 등록된 Redirect URI가 필요합니다.",
  "check.configuration.redirectUriMissing.remedy":
    "카페24 개발자센터에 등록된 Redirect URI를 그대로 복사해 CAFE24_REDIRECT_URI에 넣거나 `cafe24-doctor init`을 실행하세요.",
  "check.configuration.redirectUriInvalid.cause":
    "CAFE24_REDIRECT_URI가 http(s) URL이 아닙니다. 등록된 값과 다르면 카페24가 인증을 거부합니다.",
  "check.configuration.redirectUriInvalid.remedy":
    "카페24 개발자센터에 등록된 Redirect URI를 스킴, 호스트, 경로, 끝의 슬래시까지 그대로 복사하거나 `cafe24-doctor init`을 실행하세요.",
  "check.configuration.scopesEmpty.cause":
    "설정된 권한(CAFE24_SCOPES)이 없습니다. 인증할 때 아무 권한도 요청하지 않고, 빠진 권한도 찾아낼 수 없습니다.",
  "check.configuration.scopesEmpty.remedy":
    "앱이 쓰는 권한을 나열하세요. 예: CAFE24_SCOPES=mall.read_product,mall.read_order. 또는 `cafe24-doctor init`을 실행하세요.",
  "check.configuration.scopesUnknown.cause":
    "알 수 없는 권한 이름: {scopes}. 카페24는 이런 인증을 invalid_scope로 거부합니다.",
  "check.configuration.scopesUnknown.remedy":
    "CAFE24_SCOPES나 설정 파일에서 카페24 권한 이름(예: mall.read_product)으로 고치세요.",
  "check.configuration.apiVersionInvalid.cause":
    "CAFE24_API_VERSION이 카페24 API 버전 날짜 형식(YYYY-MM-DD)이 아닙니다.",
  "check.configuration.apiVersionInvalid.remedy":
    "2025-12-01 같은 버전을 지정하거나, 지워서 카페24 개발자센터에서 앱에 지정한 버전을 쓰세요.",
  "check.configuration.legacyAccessToken.cause":
    "CAFE24_ACCESS_TOKEN이 설정되어 있습니다({source}). 이 access token 사본은 처음 갱신될 때 무효가 되고, 그 뒤로 이것을 쓰는 호출은 모두 실패합니다.",
  "check.configuration.legacyAccessToken.remedy":
    "{source}에서 CAFE24_ACCESS_TOKEN을 지우고, 모든 프로세스가 cafe24-doctor가 최신으로 유지하는 토큰 파일을 읽게 하세요.",

  "check.token-store.summary.ok": "{file} 읽음",
  "check.token-store.summary.noMallId": "건너뜀: 토큰을 찾을 올바른 쇼핑몰 ID가 없음",
  "check.token-store.summary.missing": "{file}에 토큰 파일이 없음",
  "check.token-store.summary.missingEnv": "{file}에 토큰 파일이 없고 환경 변수 CAFE24_ACCESS_TOKEN만 있음",
  "check.token-store.summary.invalid": "{file}을(를) 사용할 수 없음",
  "check.token-store.summary.unreadable": "{file}을(를) 읽을 수 없음",
  "check.token-store.summary.otherMall": "{file}에 다른 쇼핑몰의 토큰이 있음",
  "check.token-store.missing.cause":
    "{file}에 토큰 파일이 없습니다. refresh token이 없으면 접근 권한을 갱신할 수 없습니다.",
  "check.token-store.missing.remedy":
    "`cafe24-doctor token login`으로 앱을 한 번 인증하세요. {file}이(가) 만들어집니다.",
  "check.token-store.invalid.cause":
    "토큰 파일 {file}을(를) 쓸 수 없습니다. 비어 있거나, 잘렸거나, 카페24 토큰 JSON이 아닙니다.",
  "check.token-store.invalid.remedy":
    "백업에서 {file}을(를) 복원하거나 `cafe24-doctor token login`으로 다시 인증하세요.",
  "check.token-store.unreadable.cause": "토큰 파일 {file}을(를) 읽을 수 없습니다 ({error}).",
  "check.token-store.unreadable.remedy":
    "{file}을(를) 앱과 cafe24-doctor를 실행하는 사용자만 읽고 쓸 수 있게 하세요.",
  "check.token-store.otherMall.cause": "{file}에는 {mallId}이(가) 아닌 다른 쇼핑몰의 토큰이 있습니다.",
  "check.token-store.otherMall.remedy":
    "쇼핑몰마다 파일을 따로 쓰세요(명령처럼 CAFE24_TOKEN_FILE의 파일 이름에 쇼핑몰 ID 자리표시자를 넣음). 그다음 {mallId}을(를) 인증하세요.",
  "check.token-store.readableByOthers.cause":
    "{file}을(를) 다른 사용자도 읽을 수 있습니다(권한 {mode}). 이 컴퓨터의 누구나 토큰을 가져갈 수 있습니다.",
  "check.token-store.readableByOthers.remedy": "소유자만 읽고 쓸 수 있게 하세요(권한 600).",
  "check.token-store.trackedByGit.cause":
    "{file}이(가) git으로 추적되고 있습니다. 그 안의 토큰이 모든 clone과 push에 함께 퍼집니다.",
  "check.token-store.trackedByGit.remedy":
    "추적을 멈추고 무시 목록에 넣으세요. 한 번이라도 push했다면 토큰이 노출된 것으로 보고 폐기(`cafe24-doctor token revoke`)한 뒤 다시 인증하세요.",
  "check.token-store.clientSecret.cause":
    "{file}에 앱의 client secret이 들어 있습니다(예전 도구가 저장함). 파일을 읽는 누구나 앱 행세를 할 수 있습니다.",
  "check.token-store.clientSecret.remedy":
    "secret은 CAFE24_CLIENT_SECRET에만 두세요. 갱신하면 {file}이(가) secret 없이 다시 쓰입니다. 파일을 공유하거나 커밋한 적이 있다면 카페24 개발자센터에서 secret을 재발급하세요.",
  "check.token-store.legacyFormat.cause": "{file}이(가) 예전 형식입니다 ({traits}).",
  "check.token-store.legacyFormat.remedy":
    "문제는 없습니다. 다음 갱신 때 현재 형식으로 다시 쓰입니다. 지금 바꾸려면 `cafe24-doctor token refresh`를 실행하세요.",

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

  "check.clock.summary.ok": "카페24와 시각 일치 ({seconds}초 이내, 호스트 시간대 {zone})",
  "check.clock.summary.ahead": "호스트 시계가 카페24보다 {seconds}초 빠름",
  "check.clock.summary.behind": "호스트 시계가 카페24보다 {seconds}초 느림",
  "check.clock.summary.nineAhead": "호스트 시계가 카페24보다 9시간 빠름: 시간대 함정",
  "check.clock.summary.nineBehind": "호스트 시계가 카페24보다 9시간 느림: 시간대 함정",
  "check.clock.summary.noServerTime": "건너뜀: 비교할 카페24 응답이 없음",
  "check.clock.nineAhead.cause":
    "이 컴퓨터의 시계가 카페24보다 약 9시간 빠릅니다. 시계를 한국 시각에 맞춰 놓았는데 시스템은 그것을 UTC로 여깁니다(시간대 {zone}). 유효한 토큰이 몇 시간 일찍 만료된 것으로 보입니다.",
  "check.clock.nineAhead.remedy":
    "시스템이 시각을 맞추게 하고(`{command}`), 시계를 옮기는 대신 시간대를 설정하세요(예: `timedatectl set-timezone Asia/Seoul`). 그다음 다시 진단하세요.",
  "check.clock.nineBehind.cause":
    "이 컴퓨터의 시계가 카페24보다 약 9시간 느립니다. UTC 시각을 한국 시각인 것처럼 입력했습니다(시간대 {zone}). 만료된 토큰이 몇 시간 동안 유효해 보이는데 호출은 모두 실패합니다.",
  "check.clock.nineBehind.remedy":
    "시스템이 시각을 맞추게 하고(`{command}`), 시계를 옮기는 대신 시간대를 설정하세요(예: `timedatectl set-timezone Asia/Seoul`). 그다음 다시 진단하세요.",
  "check.clock.skew.cause":
    "이 컴퓨터의 시계가 카페24와 {seconds}초 차이 납니다. 계산하는 토큰 만료 시각도 그만큼 어긋납니다.",
  "check.clock.skew.remedy": "시간 동기화를 켜세요: `{command}`.",

  "check.network.summary.ok": "{host}이(가) {ms}ms 만에 응답 (HTTP {status})",
  "check.network.summary.noTarget": "건너뜀: 올바른 쇼핑몰 ID나 기본 URL이 없음",
  "check.network.summary.unresolvable": "{host}의 주소를 찾을 수 없음",
  "check.network.summary.dnsFailed": "DNS가 {host}에 응답하지 않음",
  "check.network.summary.refused": "{host}이(가) 연결을 거부함",
  "check.network.summary.timeout": "{host}이(가) 제시간에 응답하지 않음",
  "check.network.summary.tls": "{host}와(과)의 TLS 연결 실패",
  "check.network.summary.unreachable": "{host}에 연결할 수 없음",
  "check.network.unresolvable.cause":
    "쇼핑몰 API 호스트 {host}의 주소를 찾을 수 없습니다({error}). 쇼핑몰 ID나 기본 URL이 틀렸거나 DNS에 문제가 있습니다.",
  "check.network.unresolvable.remedy":
    "CAFE24_MALL_ID(myshop.cafe24.com의 myshop)와 CAFE24_BASE_URL을 확인하세요. 그러면 `nslookup {host}`가 응답해야 합니다.",
  "check.network.dnsFailed.cause": "DNS가 {host}에 응답하지 않았습니다 ({error}).",
  "check.network.dnsFailed.remedy": "이 컴퓨터의 DNS 서버를 확인하고(`nslookup {host}`) 다시 진단하세요.",
  "check.network.refused.cause": "{host}이(가) 연결을 거부했습니다 ({error}).",
  "check.network.refused.remedy":
    "CAFE24_BASE_URL의 포트와, 이 컴퓨터와 {host} 사이의 프록시나 방화벽을 확인하세요.",
  "check.network.timeout.cause": "{host}이(가) {seconds}초 안에 응답하지 않았습니다.",
  "check.network.timeout.remedy":
    "{host}까지의 방화벽, 프록시, 경로를 확인하세요. 연결이 조용히 버려지면 이렇게 보입니다.",
  "check.network.tls.cause":
    "{host}와(과)의 TLS 핸드셰이크가 실패했습니다({error}). 대개 HTTPS를 가로채는 프록시나 백신, 또는 잘못된 호스트 때문입니다.",
  "check.network.tls.remedy":
    "가로채는 프록시 없이 연결하거나, NODE_EXTRA_CA_CERTS에 그 프록시의 CA 파일을 지정해 인증서를 신뢰하게 하세요.",
  "check.network.unreachable.cause": "{host}에 연결할 수 없습니다 ({error}).",
  "check.network.unreachable.remedy": "네트워크 연결과 {host}까지의 경로를 확인하고 다시 진단하세요.",
  "check.network.slow.cause": "{host}이(가) 응답하는 데 {ms}ms 걸렸습니다.",
  "check.network.slow.remedy": "API 호출도 모두 그만큼 느립니다. 계속되면 네트워크 경로를 확인하세요.",

  "check.authentication.summary.ok": "카페24가 토큰을 받아들임 (GET {path} → {status})",
  "check.authentication.summary.accepted":
    "카페24가 토큰을 받아들임 (GET {path} → {status}: 요청 형식 문제이며 토큰 문제는 아님)",
  "check.authentication.summary.expired": "카페24: access token 만료 (401)",
  "check.authentication.summary.rejected": "카페24가 access token을 거부함 (401 Invalid access_token)",
  "check.authentication.summary.forbidden": "GET {path} 권한 없음 (403)",
  "check.authentication.summary.rateLimited": "카페24 호출 제한에 걸림 (429)",
  "check.authentication.summary.server": "카페24 응답 {status}",
  "check.authentication.summary.network": "카페24에서 응답이 없음",
  "check.authentication.summary.unexpected": "예상치 못한 응답 (GET {path} → {status})",
  "check.authentication.summary.noApi": "건너뜀: 올바른 쇼핑몰 ID나 기본 URL이 없음",
  "check.authentication.summary.noToken": "건너뜀: access token이 없음",
  "check.authentication.summary.unreachable": "건너뜀: API 호스트에 연결할 수 없음",
  "check.authentication.expired.cause":
    '카페24가 401 "access_token time expired"로 응답했습니다. access token이 만료되었습니다.',
  "check.authentication.expired.remedy":
    "`{command}`를 실행하세요(refresh token이 살아 있으면 갱신, 아니면 다시 인증).",
  "check.authentication.rejected.cause":
    '토큰 파일로는 아직 유효한데 카페24가 access token을 거부합니다(401 "Invalid access_token"). 토큰이 폐기되었거나, 다른 프로세스가 갱신해서 새 토큰으로 바뀌었습니다.',
  "check.authentication.rejected.remedy":
    "`{command}`를 실행하세요. 갱신이 invalid_grant로 실패하면 refresh token도 이미 교체된 것이니 `cafe24-doctor token login`을 실행하세요. 그다음 이 쇼핑몰의 토큰을 따로 갱신하는 프로세스나 사본(예전 자동 갱신기, 두 번째 인스턴스, 자기 파일을 가진 배포본)을 찾아 하나의 토큰 저장소를 함께 쓰게 하세요.",
  "check.authentication.rejectedStale.cause":
    '카페24가 더는 이 access token을 모릅니다(401 "Invalid access_token"). 이미 만료되었고, 폐기되었거나 교체되었을 수도 있습니다.',
  "check.authentication.rejectedStale.remedy":
    "`{command}`를 실행하세요. 갱신이 invalid_grant로 실패하면 `cafe24-doctor token login`을 실행하세요.",
  "check.authentication.rejectedEnv.cause":
    '카페24가 CAFE24_ACCESS_TOKEN의 토큰을 거부합니다(401 "Invalid access_token"). 다른 곳에서 토큰이 갱신되면서 이 사본은 무효가 되었습니다.',
  "check.authentication.rejectedEnv.remedy":
    "CAFE24_ACCESS_TOKEN을 지우고 `{command}`로 한 번 인증하세요. 그러면 모든 프로세스가 토큰 파일을 읽습니다.",
  "check.authentication.forbidden.cause":
    "카페24가 {path}를 거부했습니다(403). 토큰에 {scope} 권한이 없거나, 앱이 쇼핑몰에서 삭제되었습니다.",
  "check.authentication.forbidden.remedy":
    "카페24 개발자센터에서 앱에 {scope} 권한을 켜고 쇼핑몰 운영자가 다시 인증하게 하세요(`cafe24-doctor token login`). 앱이 삭제되었다면 먼저 다시 설치하세요.",
  "check.authentication.rateLimited.cause":
    "카페24가 429로 응답했습니다. 다른 프로세스가 빠르게 호출해 쇼핑몰의 호출 버킷이 가득 찼습니다.",
  "check.authentication.rateLimited.remedy":
    "몇 초 뒤 다시 진단하고, 버킷을 채우는 작업의 호출 속도를 조절하세요(Cafe24Client가 알아서 조절합니다).",
  "check.authentication.server.cause":
    "카페24가 {status}로 응답했습니다. 토큰 문제가 아니라 카페24 쪽 문제입니다.",
  "check.authentication.server.remedy":
    "잠시 후 다시 시도하세요(`cafe24-doctor check`). 계속되면 카페24 개발자센터 공지를 확인하세요.",
  "check.authentication.network.cause": "인증 확인 호출에 응답이 없었습니다(네트워크 오류 또는 시간 초과).",
  "check.authentication.network.remedy": "네트워크 확인 결과를 보고, 호스트가 응답하면 다시 진단하세요.",
  "check.authentication.unexpected.cause": "인증 확인 호출이 예상치 못하게 끝났습니다 ({error}).",
  "check.authentication.unexpected.remedy": "`cafe24-doctor check --debug`로 자세한 내용을 확인하세요.",
};
