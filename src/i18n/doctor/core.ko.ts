import type { coreEn } from "./core.en.js";

export const coreKo: Record<keyof typeof coreEn, string> = {
  "doctor.check.crashed": "이 점검이 예기치 않게 실패했습니다 ({error}).",
  "doctor.check.crashed.remedy":
    "--debug로 다시 실행해 출력 내용을 알려 주세요. 다른 점검에는 영향이 없습니다.",
  "doctor.check.deadline": "진단 제한 시간 안에 끝나지 않았습니다.",
  "doctor.check.deadline.remedy":
    "제때 응답하지 않은 대상이 있습니다(멈춘 서비스인 경우가 많음). 더 기다리려면 --deadline을 늘리세요.",

  "rootcause.notConfigured.title": "어떤 쇼핑몰과 앱을 점검할지 알 수 없습니다",
  "rootcause.notConfigured.explanation":
    "쇼핑몰 ID나 앱의 client id/secret이 없어 카페24에 아무것도 요청할 수 없습니다. 설정을 만들고 secret은 .env에 넣으세요.",
  "rootcause.redisUnavailable.title": "Redis 토큰 저장소에 연결할 수 없습니다",
  "rootcause.redisUnavailable.explanation":
    "토큰이 Redis({url})에 있는데 Redis가 응답하지 않습니다. 응답할 때까지 토큰을 읽거나 저장할 수 없어 모든 API 호출과 갱신이 실패합니다. 토큰 자체에는 문제가 없습니다.",
  "rootcause.hostUnreachable.title": "쇼핑몰 API 호스트에 연결할 수 없습니다",
  "rootcause.hostUnreachable.explanation":
    "모든 카페24 호출이 카페24에 닿기 전에 실패합니다: 호스트 이름을 찾을 수 없거나 연결이 거부됩니다. 토큰 문제가 아닙니다.",
  "rootcause.appDeleted.title": "쇼핑몰 운영자가 앱을 삭제했습니다",
  "rootcause.appDeleted.explanation":
    "쇼핑몰 {mall}에서 앱이 삭제되어 카페24가 모든 호출을 거부합니다. 권한(scope) 문제도, 토큰 만료도 아니므로 토큰 갱신이나 권한 추가로는 해결되지 않으며, 저장된 토큰은 더 이상 쓸 수 없습니다. 쇼핑몰 운영자에게 앱을 다시 설치해 달라고 요청한 뒤 `{command}`를 실행하세요.",
  "rootcause.appExpired.title": "쇼핑몰의 앱 사용 기간이 만료되었습니다",
  "rootcause.appExpired.explanation":
    "쇼핑몰 {mall}에서 앱의 카페24 스토어 사용 기간이 끝나 카페24가 모든 호출을 거부합니다. 권한(scope) 문제도, 토큰 만료도 아닙니다. 쇼핑몰 운영자에게 카페24 스토어에서 앱 사용 기간을 연장해 달라고 요청한 뒤 `{command}`를 실행하세요.",
  "rootcause.clientSecret.title": "카페24가 앱의 client secret을 거부합니다",
  "rootcause.clientSecret.explanation":
    ".env의 secret(CAFE24_CLIENT_SECRET)이 앱의 현재 secret이 아닙니다. 오타가 있거나, 개발자센터에서 재발급한 뒤 다시 배포하지 않았습니다. access token은 당분간 동작할 수 있지만 다음 갱신과 모든 로그인이 실패합니다. 개발자센터(앱 > 인증 정보)에서 현재 secret을 복사해 .env에 넣고 다시 배포하세요.",
  "rootcause.clientId.title": "카페24가 앱의 client id를 모릅니다",
  "rootcause.clientId.explanation":
    "CAFE24_CLIENT_ID에 오타가 있거나 다른 앱의 값이라 갱신도 로그인도 성공할 수 없습니다. 개발자센터(앱 > 인증 정보)에서 client id와 현재 client secret을 복사해 .env에 넣고 다시 배포하세요.",
  "rootcause.suspect.secretReissued": "개발자센터에서 secret을 재발급했는데 이 배포본은 갱신하지 않음",
  "rootcause.suspect.secretTypo": "CAFE24_CLIENT_SECRET의 오타나 공백",
  "rootcause.clock.title": "이 컴퓨터의 시계나 시간대가 틀렸습니다",
  "rootcause.clock.explanation":
    "로컬 시각이 카페24와 약 {hours}시간 차이 납니다. 그러면 만료 시각을 잘못 판단해 유효한 토큰이 만료된 것처럼, 만료된 토큰이 유효한 것처럼 보입니다. 먼저 시계를 고치세요.",
  "rootcause.refreshExpired.title":
    "refresh token이 만료되었습니다: 쇼핑몰 운영자가 앱을 다시 인증해야 합니다",
  "rootcause.refreshExpired.explanation":
    "refresh token은 14일 동안 유효하며 갱신할 때마다 바뀝니다. 2주 동안 아무도 갱신하지 않아 사람 없이는 토큰을 다시 받을 수 없습니다.",
  "rootcause.noToken.title": "사용할 수 있는 토큰이 없습니다",
  "rootcause.noToken.explanation":
    "토큰 파일이 없거나 읽을 수 없어 모든 호출이 거부됩니다. 앱을 인증해 토큰 파일을 만드세요.",
  "rootcause.rotatedElsewhere.title": "access token이 폐기되었거나 다른 프로세스가 갱신했습니다",
  "rootcause.rotatedElsewhere.explanation":
    "로컬에서는 토큰 시간이 남아 있는데 카페24가 거부합니다. 갱신할 때마다 두 토큰이 모두 바뀝니다. 자기 사본으로 갱신한 다른 프로세스(또는 앱을 폐기한 관리자) 때문에 이 사본은 무효가 되었습니다.",
  "rootcause.accessExpired.title": "access token이 만료되었는데 아무도 갱신하지 않았습니다",
  "rootcause.accessExpired.explanation":
    "access token은 2시간 동안 유효합니다. refresh token은 아직 유효하므로 한 번 갱신하면 해결됩니다. 재발하지 않도록 관리자(watch)를 실행하세요.",
  "rootcause.scope.title": "앱에 필요한 권한(scope)이 없습니다",
  "rootcause.scope.explanation":
    "없는 권한: {scopes}. 개발자센터에서 앱에 권한을 추가한 뒤 다시 인증하세요. 토큰에는 발급 당시 승인된 권한만 담깁니다.",
  "rootcause.version.title": "고정한 API 버전이 만료되었습니다",
  "rootcause.version.explanation":
    "카페24가 더 이상 제공하지 않는 버전으로 호출하고 있습니다. X-Cafe24-Api-Version(CAFE24_API_VERSION)을 유효한 버전으로 바꾸고 테스트하세요.",
  "rootcause.versionUnknown.title": "카페24가 설정한 API 버전을 제공하지 않습니다",
  "rootcause.versionUnknown.explanation":
    "X-Cafe24-Api-Version(CAFE24_API_VERSION)이 카페24가 모르는 버전이라 모든 호출이 400으로 거부됩니다. 살아 있는 버전으로 바꾸거나, 지워서 앱의 버전을 쓰게 한 뒤 테스트하세요.",
  "rootcause.deployment.title": "배포된 서비스는 200으로 응답하지만 그 토큰은 이미 무효입니다",
  "rootcause.deployment.explanation":
    "헬스 체크가 토큰이 무효라고 알립니다. 배포 환경이 자기만의 토큰 사본을 쓰고 있고, 다른 곳에서 갱신하면서 그 사본이 바뀌었습니다.",
  "rootcause.rateLimited.title": "쇼핑몰 호출 제한을 다 썼습니다",
  "rootcause.rateLimited.explanation":
    "호출 버킷이나 사용량 한도가 가득 차 카페24가 429로 응답합니다. 속도 조절 없이 호출하는 프로세스가 있습니다.",
  "rootcause.server.title": "카페24 쪽에서 오류가 나고 있습니다",
  "rootcause.server.explanation":
    "카페24가 5xx로 응답했습니다. 토큰이나 설정 문제가 아닙니다. 잠시 후 다시 시도하세요.",
  "rootcause.suspect.mallIdTypo": "CAFE24_MALL_ID 오타",
  "rootcause.suspect.baseUrl": "잘못된 CAFE24_BASE_URL",
  "rootcause.suspect.redisDown": "Redis가 멈췄거나, 재시작 중이거나, 메모리가 부족함",
  "rootcause.suspect.redisUrl": "CAFE24_REDIS_URL의 호스트, 포트, 데이터베이스 번호나 비밀번호가 틀림",
  "rootcause.suspect.redisTls":
    "서버가 TLS(rediss://)나 클라이언트 인증서를 요구하거나, 방화벽이 포트를 막음",
  "rootcause.suspect.firewall": "이 네트워크의 방화벽이나 프록시",
  "rootcause.suspect.hwclockLocal": "시스템은 UTC로 아는데 하드웨어 시계가 한국 시각으로 설정됨",
  "rootcause.suspect.noNtp": "시간 동기화(NTP)가 꺼짐",
  "rootcause.suspect.idleTwoWeeks": "앱이나 갱신 프로세스가 2주 동안 멈춤",
  "rootcause.suspect.secondInstance": "자기 토큰 사본으로 갱신하는 앱의 두 번째 인스턴스",
  "rootcause.suspect.oldAutoRefresher":
    "예전 도구의 auto_token_manager.py가 어딘가(cron, screen 세션, 다른 서버)에서 아직 실행 중: 자기 토큰 사본으로 갱신하므로 갱신할 때마다 이쪽 토큰이 무효가 됩니다. 찾아서(`ps aux | grep auto_token_manager`, `crontab -l`) 멈추고, 갱신은 `cafe24-doctor watch`에 맡기세요",
  "rootcause.suspect.envCopy": "환경 변수(CAFE24_ACCESS_TOKEN)나 비밀 저장소에 있는 토큰 사본",
  "rootcause.suspect.redeployOldFile": "예전 oauth_token.json을 되살린 재배포",
  "rootcause.suspect.revokedInAdmin": "쇼핑몰 관리자 화면에서 앱을 폐기하거나 재설치함",
  "rootcause.suspect.noRefresher": "만료 전에 토큰을 갱신하는 프로세스가 없음",
  "rootcause.suspect.utcParsing": "만료 시각을 한국 시각이 아닌 UTC로 읽음 (9시간 늦게 갱신)",
  "rootcause.suspect.scopeAddedLater": "운영자가 인증한 뒤에 앱에 추가한 권한",
  "rootcause.suspect.deploymentOwnCopy": "배포 환경이 공유 저장소 대신 자기 토큰 파일이나 변수를 사용",
  "rootcause.suspect.unpacedJob": "속도 조절 없이 호출하는 대량 작업이나 다른 앱",

  "watch.description":
    "백그라운드에서 모든 쇼핑몰의 토큰을 유지합니다: 만료 전 갱신, 호출 없는 쇼핑몰 유지, 사람이 필요할 때 알림, 상태 페이지 제공",
  "watch.option.mall":
    "유지할 쇼핑몰 (여러 번 지정 가능, 기본값: 설정된 쇼핑몰 또는 {mall_id} 토큰 저장소의 모든 쇼핑몰)",
  "watch.option.once": "모든 쇼핑몰을 한 번 처리하고 종료 (cron용): 모두 정상이면 0, 아니면 2",
  "watch.option.noStatus": "상태 페이지를 제공하지 않음",
  "watch.option.statusHost": "상태 서버 주소 (127.0.0.1, 다른 주소는 CAFE24_DOCTOR_STATUS_TOKEN 필요)",
  "watch.option.statusPort": "상태 서버 포트 (0 = 빈 포트 자동 선택)",
  "watch.option.statusAllowHost":
    "이 Host 이름(예: 리버스 프록시 이름)으로 온 상태 요청에도 응답 (여러 번 지정 가능). 그 밖의 이름은 421",
  "watch.option.checkEvery": "N분마다 각 쇼핑몰 종합 점검도 실행 (상태 페이지에 표시)",
  "watch.option.webhook": "알림용 JSON 웹훅 (여러 번 지정 가능, 또는 CAFE24_DOCTOR_WEBHOOK_URL)",
  "watch.option.slackWebhook":
    "알림용 Slack incoming webhook (여러 번 지정 가능, 또는 CAFE24_DOCTOR_SLACK_WEBHOOK_URL)",
  "watch.option.alertDays": "refresh token 남은 기간이 이 일수보다 짧으면 알림 (기본값 3)",
  "watch.started": "{malls} 감시 중. 상태 페이지: {status}. Ctrl-C로 종료.",
  "watch.refreshed": "{mall}: {at}에 갱신함 ({reason})",
  "watch.state": "{mall}: {from} → {to}",
  "watch.once": "갱신 {refreshed}, 실패 {failed}, 재인증 필요: {reauth}, 토큰 없음: {noToken}",
  "watch.option.verifyEvery":
    "N분 동안 아무것도 토큰을 확인하지 않았으면 가벼운 API 호출 1회로 각 쇼핑몰 토큰을 확인 (폐기된 쇼핑몰을 그 시간 안에 발견; 기본값 30, 0 = 끔)",
  "watch.option.json": "--once와 함께: 결과를 JSON 객체 하나로 stdout에 출력 (사람이 읽는 줄은 stderr로)",
  "watch.option.tokenEndpoint":
    "상태 서버의 /v1/malls/<mall_id>/access-token에서 앱에 살아 있는 access token을 제공 (CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET 필요)",
  "watch.option.tokenMinLife":
    "--token-endpoint와 함께: 최소 이 시간(분)이 남은 토큰을 내줌. 모자라면 먼저 갱신 (기본 5)",
  "watch.endpoint.noSecret":
    "--token-endpoint에는 CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET에 비밀값이 필요합니다({min}자 이상, `openssl rand -hex 32`로 만드세요). 127.0.0.1에서도 필요합니다.",
  "watch.endpoint.shortSecret":
    "CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET이 {length}자입니다. {min}자 이상이어야 합니다. `openssl rand -hex 32`로 만드세요.",
  "watch.endpoint.sameSecret":
    "CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET은 CAFE24_DOCTOR_STATUS_TOKEN과 달라야 합니다. 상태 페이지를 볼 수 있는 사람이 그 값으로 access token을 받아 가면 안 됩니다. `openssl rand -hex 32`로 새로 만드세요.",
  "watch.endpoint.needsServer":
    "--token-endpoint는 상태 서버가 제공합니다. --no-status나 --once와 함께 쓸 수 없습니다.",
  "watch.endpoint.minLifeAlone": "--token-min-life는 --token-endpoint와 함께일 때만 쓸 수 있습니다.",
  "watch.endpoint.started":
    "토큰 엔드포인트: {url}/v1/malls/<mall_id>/access-token (Authorization: Bearer $CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET), 최소 {minutes}분 남은 토큰을 제공합니다.",
  "watch.endpoint.issued":
    "{at} 토큰 {outcome} · 쇼핑몰 {mall} · 요청자 {caller} · {remaining} 남음 · 지문 {fingerprint}",
  "watch.endpoint.refused": "{at} 토큰 거절({reason}) · 쇼핑몰 {mall} · 요청자 {caller}",
  "watch.once.mall": "{mall}: {state} · access token 만료 {access} · refresh token 만료 {refresh} · {action}",
  "watch.once.unknown": "알 수 없음",
  "watch.once.state.ok": "정상",
  "watch.once.state.backoff": "실패 중",
  "watch.once.state.reauth-required": "재인증 필요",
  "watch.once.state.no-token": "토큰 없음",
  "watch.once.state.app-deleted": "앱 삭제됨",
  "watch.once.state.app-expired": "앱 만료됨",
  "watch.once.action.refreshed": "{at}에 갱신함",
  "watch.once.action.verified": "{at}에 API 호출 1회로 확인함",
  "watch.once.action.unverified": "확인하지 못함 ({code}); 다음 실행 때 다시 시도",
  "watch.once.action.failed": "갱신 실패 ({code}); 다음 실행 때 다시 시도",
  "watch.once.action.reauth-required": "Cafe24가 토큰을 거부함 ({code}): {command} 실행",
  "watch.once.action.no-token": "저장된 토큰 없음: {command} 실행",
  "watch.once.action.none": "한 일 없음",
  "watch.once.action.app-deleted":
    "운영자가 앱을 삭제함: 더 이상 갱신하지 않음. 앱을 다시 설치하면 {command} 실행",
  "watch.once.action.app-expired":
    "앱 사용 기간 만료: 더 이상 갱신하지 않음. 카페24 스토어에서 연장한 뒤 {command} 실행",
  "watch.once.appRemoved": "쇼핑몰에서 앱이 제거됨 (운영자가 다시 설치하거나 연장해야 함): {malls}",
  "watch.option.receiveWebhooks":
    "카페24의 앱 삭제/만료 웹훅을 상태 서버의 POST /v1/webhooks/cafe24로 받음 (CAFE24_WEBHOOK_SECRET 필요)",
  "watch.webhooks.noSecret":
    "--receive-webhooks에는 웹훅 서명에 쓰는 공유 비밀값이 CAFE24_WEBHOOK_SECRET(.env)에 있어야 합니다. 없으면 어떤 웹훅도 믿을 수 없습니다.",
  "watch.webhooks.needsStatus":
    "--receive-webhooks는 상태 서버에서 받습니다. --no-status를 빼세요(--once도 서버를 열지 않습니다).",
  "watch.webhooks.listening": "카페24 웹훅을 {url}에서 받는 중",
  "watch.webhooks.received": "{at} 웹훅 {trace}: 이벤트 {event}, 쇼핑몰 {mall} → {outcome}",
  "watch.statusFailed.EADDRINUSE": "{address}은(는) 다른 프로세스가 이미 사용 중입니다.",
  "watch.statusFailed.EACCES": "{address}에서 수신할 권한이 없습니다 (1024 미만 포트는 권한 필요).",
  "watch.statusFailed.EADDRNOTAVAIL": "{address}은(는) 이 컴퓨터의 주소가 아닙니다.",
  "watch.statusFailed.needsToken":
    "{address}은(는) 다른 컴퓨터에서 접근할 수 있는 주소라 CAFE24_DOCTOR_STATUS_TOKEN에 bearer token이 필요합니다.",
  "watch.stopping": "종료 중: 진행 중인 갱신이 저장을 마칠 때까지 기다립니다…",
  "diagnose.description":
    "빠른 진단: 토큰, API 호출 한 번, 배포 서비스, 앱 모듈을 확인하고 문제를 긴급도 순으로 보여 줍니다",
  "check.description": "12단계 종합 점검: JSON 보고서, 로그, 선택적으로 HTML 보고서",
  "init.description": "시작용 cafe24-doctor.config.json 작성 (대화형, --yes는 기본값 사용)",
  "doctor.option.json": "텍스트 대신 JSON 보고서를 표준 출력으로",
  "doctor.option.html": "독립 실행형 HTML 보고서도 작성",
  "doctor.option.reportDir": "보고서 파일을 둘 디렉터리 (기본값: 설정, 없으면 .)",
  "doctor.option.deadline": "이 시간(초)이 지나도 끝나지 않은 작업은 중단",
  "doctor.option.fix": "갱신으로 해결되는 문제면 잠금을 지키는 관리자로 토큰을 갱신한 뒤 다시 점검",
  "doctor.option.config": "설정 파일 (기본값: ./cafe24-doctor.config.json)",
  "doctor.option.noProgress": "실시간 진행 화면 끄기",
  "doctor.option.yes": "묻지 않고 기본값 사용",
  "doctor.option.force": "기존 설정 파일 덮어쓰기",
  "doctor.fix.refreshing": "--fix: 잠금을 지키는 관리자로 토큰을 갱신하는 중…",
  "doctor.fix.done": "--fix: 갱신했습니다. 다시 점검합니다.",
  "doctor.fix.notApplicable": "--fix: 갱신으로 해결할 수 있는 문제가 아닙니다. 위의 명령을 참고하세요.",
  "doctor.fix.failed": "--fix: 갱신에 실패했습니다: {message}",
};
