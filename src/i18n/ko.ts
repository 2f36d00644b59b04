import { checksKo } from "./doctor/checks/check-catalogues.js";
import { cliKo } from "./doctor/cli.ko.js";
import { configKo } from "./doctor/config.ko.js";
import { conformanceKo } from "./doctor/conformance.ko.js";
import { coreKo } from "./doctor/core.ko.js";
import { errorsKo } from "./doctor/errors.ko.js";
import { migrateKo } from "./doctor/migrate.ko.js";
import { reportKo } from "./doctor/report.ko.js";
import { scanKo } from "./doctor/scan.ko.js";
import { statusKo } from "./doctor/status.ko.js";
import { storeKo } from "./doctor/store.ko.js";
import { tokenKo } from "./doctor/token.ko.js";
import type { MessageKey } from "./en.js";

/** 한국어 메시지. en.ts의 모든 키가 있어야 합니다 (타입으로 강제). */
export const ko: Record<MessageKey, string> = {
  ...configKo,
  ...checksKo,
  ...reportKo,
  ...tokenKo,
  ...statusKo,
  ...storeKo,
  ...coreKo,
  ...errorsKo,
  ...migrateKo,
  ...cliKo,
  ...scanKo,
  ...conformanceKo,
  "cli.description": "카페24 앱과 카페24 Admin API 사이의 모든 것을 진단하고 연결을 유지합니다.",
  "cli.option.lang": "메시지 언어: ko 또는 en (기본값: 로캘)",
  "cli.option.debug": "오류 시 스택 트레이스와 내부 정보를 표시",
  "cli.error.prefix": "오류",
  "cli.error.fix": "해결",
  "cli.error.unexpected":
    "예상치 못한 오류: {message}. --debug로 다시 실행해 자세히 확인하고, 반복되면 알려 주세요.",
  "cli.error.usage": "{message}",
  "cli.error.usage.fix": "`cafe24-doctor {command} --help`를 확인하세요.",

  "emulator.description":
    "로컬 카페24(OAuth, Admin API, 호출 제한, 장애 주입, 조작 가능한 시계)를 127.0.0.1에서 실행합니다 (개발·테스트용).",
  "emulator.option.port": "수신 포트 (0 = 빈 포트 자동 선택)",
  "emulator.option.host": "바인드 주소. 127.0.0.1 외에는 명시적으로 지정해야 합니다",
  "emulator.option.config": "쇼핑몰·앱·에뮬레이터 옵션이 담긴 JSON 파일",
  "emulator.option.autoApprove": "동의 화면 생략: authorize가 즉시 code와 함께 리디렉트",
  "emulator.option.codeTtl": "인증 코드 유효 시간(초)",
  "emulator.option.accessTtl": "access token 유효 시간(초)",
  "emulator.option.refreshTtl": "refresh token 유효 시간(초)",
  "emulator.option.bucket": "쇼핑몰별 호출 제한 버킷 크기",
  "emulator.option.drain": "버킷이 비워지는 속도(초당 호출 수)",
  "emulator.option.noRateLimit": "호출 제한 버킷 끄기",
  "emulator.option.usage": "사용량 제한 켜기 (X-Cafe24-*-Usage/-Remain 헤더, 기본값 켜짐)",
  "emulator.option.noUsage": "사용량 제한 끄기 (쇼핑몰당 10분에 약 3,000회 호출, 처리 시간 600초)",
  "emulator.option.faults": "장애 프로필 (none, flaky, slow, down) 또는 장애 규칙 JSON 파일",
  "emulator.option.control": "/__emulator/ 아래 제어 API 제공 (루프백 클라이언트만)",
  "emulator.option.seed": "생성 데이터와 장애 결정의 시드",
  "emulator.option.products": "생성할 상품 수",
  "emulator.option.orders": "생성할 주문 수",
  "emulator.option.customers": "생성할 회원 수",
  "emulator.option.quiet": "준비 완료 줄만 출력하고 요청 로그는 생략",
  "emulator.option.webhookUrl":
    "앱 삭제/만료 웹훅(90077/90078)을 이 URL로 POST (CAFE24_WEBHOOK_SECRET이 있으면 그 값으로 서명)",
  "emulator.option.allowHost":
    "이 Host 이름으로 온 요청에도 응답 (여러 번 지정 가능). 그 밖의 이름은 421 (DNS 리바인딩 방지)",
  "emulator.nonLoopback":
    "{host}에서 수신 중이므로 다른 컴퓨터에서 접근할 수 있습니다. 에뮬레이터는 로컬용입니다.",
  "emulator.stopped": "에뮬레이터를 종료했습니다.",
  "error.EMULATOR_CONFIG_INVALID": "에뮬레이터 설정이 올바르지 않습니다.",
  "error.EMULATOR_CONFIG_INVALID.fix":
    "위에 나열된 각 키를 고치세요. 형식은 README의 에뮬레이터 절을 참고하세요.",
  "error.EMULATOR_CONFIG_UNREADABLE": "에뮬레이터 설정 파일을 읽을 수 없습니다.",
  "error.EMULATOR_CONFIG_UNREADABLE.fix": "경로와 파일이 올바른 JSON인지 확인하세요.",
  "error.EMULATOR_LISTEN_FAILED": "에뮬레이터가 포트를 열 수 없습니다.",
  "error.EMULATOR_LISTEN_FAILED.fix":
    "다른 --port를 지정하거나(0은 빈 포트 자동 선택) 그 포트를 쓰는 프로세스를 종료하세요.",
  "error.STATUS_LISTEN_FAILED": "상태 서버를 시작할 수 없어 watch도 시작하지 않았습니다.",
  "error.STATUS_LISTEN_FAILED.fix":
    "다른 --status-port를 지정하거나(0은 빈 포트 자동 선택) 그 포트를 쓰는 프로세스를 종료하세요. 상태 페이지 없이 실행하려면 --no-status, 127.0.0.1 밖으로 제공하려면 CAFE24_DOCTOR_STATUS_TOKEN을 설정하세요.",

  "demo.title": "cafe24-doctor 데모 — 내장 카페24 에뮬레이터로 실제 진단을 실행합니다",
  "demo.emulator": "에뮬레이터 실행 중: {url} (쇼핑몰 '{mallId}', 127.0.0.1 밖으로 나가는 요청 없음)",
  "demo.scene.authorize": "데모 앱 인증 (인증 URL → 동의 → code → 토큰 파일)",
  "demo.authorized": "토큰을 {file}에 저장함 (권한 0600)",
  "demo.scene.healthy": "정상 앱 종합 점검: cafe24-doctor check",
  "demo.reports": "보고서: {files}",
  "demo.scene.expired": "고장 1: access token이 만료됐는데 아무도 갱신하지 않음 — cafe24-doctor diagnose",
  "demo.scene.fix": "잠금을 지키는 방식으로 해결(--fix가 하는 일) 후 다시 진단",
  "demo.scene.scope": "고장 2: 앱에서 mall.read_order 권한을 뺌 — cafe24-doctor check",
  "demo.done": "{seconds}초 만에 완료. 다음: `npm test` 또는 `npx cafe24-doctor emulator --help`.",
  "demo.failed": "데모가 실패했습니다: {message}",
  "demo.scene.tokenEndpoint":
    "갱신은 한 곳에서, 읽기는 어디서나: 다른 언어로 만든 앱이 cafe24-doctor watch --token-endpoint에서 토큰을 받아 씀",
  "demo.tokenEndpoint.watch":
    "watch가 쇼핑몰 '{mallId}'의 토큰을 유지하며 {url}/v1/malls/{mallId}/access-token 에서 access token을 제공함",
  "demo.tokenEndpoint.noPython":
    "이 컴퓨터에 python3가 없어 Python 클라이언트 대신 Node 클라이언트(examples/token-clients/node)가 앱 역할을 함",
  "demo.tokenEndpoint.reader":
    "{language} 앱(examples/token-clients)이 시간이 {elapsed:duration} 흐르고 카페24가 토큰을 {early}번 일찍 만료시키는 동안 카페24 API를 {calls}번 호출함",
  "demo.tokenEndpoint.result":
    "앱: {calls}번 중 {ok}번 성공, {failed}번 실패. 직접 갱신은 {refreshes}번, refresh token은 한 번도 받지 않음 (watch의 응답에는 {keys}만 있음)",
  "demo.tokenEndpoint.rejected":
    "카페24가 앱의 토큰을 {count}번 거부했고, 그때마다 watch에 한 번 알리고(…/access-token/rejected) 한 번 다시 호출해 해결함",
  "demo.tokenEndpoint.refreshed":
    "watch가 저장소 잠금 아래에서 {count}번 갱신함 — 갱신한 곳은 watch뿐 (카페24의 invalid_grant {invalidGrant}번)",
  "time.in": "{duration} 남음",
  "time.ago": "{duration} 전",
  "time.days": "{n}일",
  "time.hours": "{n}시간",
  "time.minutes": "{n}분",
  "time.seconds": "{n}초",
};
