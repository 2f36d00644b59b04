import type { checksBEn } from "./checks-b.en.js";

export const checksBKo: Record<keyof typeof checksBEn, string> = {
  "check.scope-coverage.skipped.noApi":
    "건너뜀: 쇼핑몰 ID를 알 수 없어 토큰 권한을 읽거나 확인할 수 없습니다.",
  "check.scope-coverage.skipped.unreachable":
    "건너뜀: 쇼핑몰 API 호스트에 연결할 수 없고, 토큰에 비교할 권한 목록도 없습니다.",
  "check.scope-coverage.skipped.notAuthenticated":
    "건너뜀: 인증에 실패했고({failure}), 토큰에 비교할 권한 목록도 없습니다.",
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

  "check.data-apis.skipped.noApi": "건너뜀: 쇼핑몰 ID를 알 수 없어 데이터를 읽을 API가 없습니다.",
  "check.data-apis.skipped.unreachable": "건너뜀: 쇼핑몰 API 호스트에 연결할 수 없습니다.",
  "check.data-apis.skipped.notAuthenticated":
    "건너뜀: 인증에 실패했습니다({failure}). 이 토큰으로 데이터를 읽어도 같은 실패만 반복됩니다.",
  "check.data-apis.skipped.noScopes": "건너뜀: 데이터 조회에 필요한 권한이 토큰에 하나도 없습니다.",
  "check.data-apis.summary.ok":
    "데이터 응답 정상: 쇼핑몰 “{shop}”, 상품 {products}개, 오늘({date} KST) 주문 {orders}건, 분류 {categories}개.",
  "check.data-apis.summary.quick": "데이터 응답 정상: 상품 {products}개 (종합 점검은 더 많이 확인합니다).",
  "check.data-apis.summary.zero":
    "데이터 응답 정상, {items}은(는) 0건입니다(오류가 아니라 비어 있는 결과): 쇼핑몰 “{shop}”, 상품 {products}개, 오늘({date} KST) 주문 {orders}건, 분류 {categories}개.",
  "check.data-apis.summary.failed": "데이터 조회 실패: {items}",
  "check.data-apis.summary.incomplete": "응답을 받지 못한 데이터 조회: {items}",
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

  "check.api-version.skipped.noApi": "건너뜀: 쇼핑몰 ID를 알 수 없어 앱의 API 버전을 읽을 수 없습니다.",
  "check.api-version.skipped.unreachable": "건너뜀: 쇼핑몰 API 호스트에 연결할 수 없습니다.",
  "check.api-version.skipped.notAuthenticated":
    "건너뜀: 인증에 실패해({failure}) 앱의 API 버전을 읽을 수 없습니다.",
  "check.api-version.skipped.noScope":
    "건너뜀: 앱의 API 버전 조회(GET /apps)에는 {scope} 권한이 필요한데 토큰에 없습니다.",
  "check.api-version.skipped.unreadable": "건너뜀: GET /apps 응답을 사용할 수 없습니다({status}).",
  "check.api-version.summary.noExpiry": "API 버전 {version}: 만료일이 없습니다(최신 버전).",
  "check.api-version.summary.ok": "API 버전 {version}, {date}까지 사용 가능({days}일 남음).",
  "check.api-version.expiring.cause": "API 버전 {version}이(가) {date}에 만료됩니다. {days}일 남았습니다.",
  "check.api-version.API_VERSION_EXPIRED.cause.date":
    "API 버전 {version}은(는) {date}에 만료되었습니다. 카페24가 이 버전을 거부하거나, 호출을 더 오래된 유효 버전으로 조용히 처리합니다.",
  "check.api-version.API_VERSION_EXPIRED.cause.refused":
    "카페24가 API 버전 {version}을(를) 거부합니다. 만료된 버전이라 이 버전으로 하는 호출은 모두 실패합니다.",
  "check.api-version.API_VERSION_INVALID.cause":
    "카페24가 모르는 API 버전 {version}입니다. 이 버전으로 하는 호출은 모두 실패합니다.",
  "check.api-version.remedy.app":
    "앱을 {version}에서 옮기세요. 카페24 개발자센터(앱 → 개발정보 → 인증정보 → 버전관리)에서 유효한 버전을 고르거나, 호출을 시험해 본 뒤 X-Cafe24-Api-Version / CAFE24_API_VERSION에 유효한 버전을 지정하세요.",
  "check.api-version.remedy.pinned":
    "CAFE24_API_VERSION(X-Cafe24-Api-Version으로 전송)이 {version}으로 고정되어 있습니다. 호출을 시험해 본 뒤 유효한 버전으로 바꾸거나, 지우고 앱의 버전을 쓰세요.",

  "check.app-modules.skipped.none": "건너뜀: 설정된 앱 모듈이 없습니다(cafe24-doctor.config.json의 modules).",
  "check.app-modules.summary.ok": "앱 모듈 {count}개가 모두 있습니다.",
  "check.app-modules.summary.missing": "앱 모듈 {count}개 누락: {paths}",
  "check.app-modules.summary.broken": "불러올 수 없는 앱 모듈: {paths}",
  "check.app-modules.MODULE_MISSING.cause": "앱 모듈 {path}이(가) 없습니다.",
  "check.app-modules.MODULE_MISSING.remedy":
    "{path} 파일을 복구하거나(버전 관리 또는 백업에서) 앱을 다시 배포하세요.",
  "check.app-modules.MODULE_IMPORT_FAILED.cause": "{path}을(를) 불러오면 {name} 오류가 납니다: {message}",
  "check.app-modules.MODULE_IMPORT_FAILED.remedy":
    "모듈을 직접 실행해 전체 오류를 확인하고 고치세요(의존성 누락이면 npm install, 설정 누락이면 해당 환경변수).",
  "check.app-modules.MODULE_IMPORT_TIMEOUT.cause":
    "{path}을(를) 불러오는 작업이 제시간에 끝나지 않았습니다. 모듈 최상위 코드가 오지 않는 무언가(데이터베이스, 네트워크 호출)를 기다리고 있습니다.",
  "check.app-modules.MODULE_IMPORT_TIMEOUT.remedy":
    "모듈을 직접 실행해 무엇을 기다리는지 확인하고, 오래 걸리는 초기화 작업은 모듈 최상위에서 빼세요.",

  "check.services.skipped.none": "건너뜀: 설정된 서비스나 로컬 서버가 없습니다.",
  "check.services.summary.ok": "서비스 {count}개가 모두 기대한 대로 응답합니다.",
  "check.services.summary.problems": "서비스 {count}개 중 {failed}개에 문제가 있습니다: {names}",
  "check.services.SERVICE_TOKEN_INVALID.cause":
    "{service}가 {path}에 {actualType} {actual}로 응답합니다(기대값 {expected}). 200으로 응답하지만 배포된 서비스의 토큰은 이미 죽었습니다.",
  "check.services.SERVICE_TOKEN_INVALID.remedy":
    "서비스가 자체 토큰을 들고 있는데 그 토큰이 더는 동작하지 않습니다(만료, 다른 프로세스의 갱신으로 교체, 또는 폐기). 다시 인증하고, 복사한 환경변수 대신 공유 토큰 저장소로 새 토큰을 서비스에 전달한 뒤 재시작하세요.",
  "check.services.SERVICE_ASSERTION_FAILED.cause":
    "{service}가 {path}에 {actualType} {actual}로 응답합니다. 기대값은 {expected}입니다.",
  "check.services.SERVICE_ASSERTION_FAILED.remedy":
    "서비스 로그에서 {path}가 왜 그렇게 보고되는지 확인하세요.",
  "check.services.SERVICE_BAD_STATUS.cause":
    "{service}가 {actual}로 응답했습니다. 기대값은 {expected}입니다({url}).",
  "check.services.SERVICE_BAD_STATUS.remedy":
    "서비스 로그와 URL을 확인하고, 고장 났다면 재시작하거나 다시 배포하세요.",
  "check.services.SERVICE_NOT_JSON.cause":
    "{service}의 응답 본문이 JSON이 아니어서({contentType}) 상태를 읽을 수 없습니다.",
  "check.services.SERVICE_NOT_JSON.remedy":
    "서비스의 JSON 상태 엔드포인트({url})를 점검 대상으로 지정하거나 엔드포인트를 고치세요(JSON 대신 오류 페이지가 온다면 실패 중입니다).",
  "check.services.LOCAL_SERVER_DOWN.cause":
    "{url}에서 응답하는 서버가 없습니다(연결 거부). {service}가 실행 중인가요?",
  "check.services.LOCAL_SERVER_DOWN.remedy": "서버를 시작한 뒤 다시 점검하세요.",
  "check.services.SERVICE_UNREACHABLE.cause": "{url}의 {service}에 연결할 수 없습니다({code}).",
  "check.services.SERVICE_UNREACHABLE.remedy":
    "URL과 DNS를 확인하고, 호스팅 대시보드에서 배포가 살아 있는지 확인하세요.",
  "check.services.SERVICE_TIMEOUT.cause": "{service}가 {timeout}ms 안에 응답하지 않았습니다({url}).",
  "check.services.SERVICE_TIMEOUT.remedy":
    "연결은 받지만 응답하지 않습니다. 로그를 확인하고 멈춰 있다면 재시작하세요.",
  "check.services.SERVICE_CERT_EXPIRED.cause":
    "{service}의 TLS 인증서가 {date}에 만료되어 클라이언트가 연결을 거부합니다.",
  "check.services.SERVICE_CERT_EXPIRING.cause":
    "{service}의 TLS 인증서가 {date}에 만료됩니다. {days}일 남았습니다.",
  "check.services.certificate.remedy":
    "{service}의 인증서를 갱신하세요(자동 갱신이 동작하는지도 확인하세요).",
};
