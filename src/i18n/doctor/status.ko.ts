import type { statusEn } from "./status.en.js";

export const statusKo: Record<keyof typeof statusEn, string> = {
  "status.title": "cafe24-doctor 감시",
  "status.unauthorized":
    "이 상태 페이지는 bearer 토큰이 필요합니다. `Authorization: Bearer <CAFE24_DOCTOR_STATUS_TOKEN>` 헤더를 보내세요.",
  "status.refused.noToken":
    "bearer 토큰 없이 {host}에서 상태 페이지를 열지 않습니다. 이 컴퓨터에 접근할 수 있는 누구에게나 모든 쇼핑몰의 토큰 상태가 보이기 때문입니다. 127.0.0.1에 바인딩하거나, bearer 토큰을 설정하세요(앞단에 TLS도 두세요).",
  "status.refused.emptyToken": "bearerToken이 비어 있으면 안 됩니다.",
  "status.refused.webhookSecretEmpty": "webhooks.secret과 webhooks.clientId는 비어 있으면 안 됩니다.",
  "status.refused.endpointSecretShort":
    "tokenEndpoint.bearerToken은 {min}자 이상이어야 합니다. 살아 있는 access token을 내주는 비밀값이기 때문입니다. `openssl rand -hex 32`로 만드세요.",
  "status.refused.endpointSecretSame":
    "tokenEndpoint.bearerToken은 상태 페이지의 bearerToken과 달라야 합니다. 상태 페이지를 볼 수 있는 사람이 그 값으로 토큰을 받아 가면 안 됩니다.",
  "status.refused.endpointNoIssuer":
    "토큰 엔드포인트에는 토큰을 발급하는 source(WatchManager)나 tokenEndpoint.issuer가 필요합니다.",
  "status.endpoint.unauthorized":
    "토큰 엔드포인트는 전용 비밀값이 필요합니다. `Authorization: Bearer <CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET>` 헤더를 보내세요(상태 페이지 토큰으로는 열리지 않습니다).",
  "status.endpoint.unknownMall": "watch가 관리하지 않는 쇼핑몰입니다.",
  "status.endpoint.reauthRequired":
    "Cafe24가 쇼핑몰 {mall}의 refresh token을 거부했습니다. 사람이 `{command}`로 앱을 다시 인증해야 합니다.",
  "status.endpoint.noToken": "쇼핑몰 {mall}에 저장된 토큰이 없습니다. `{command}`로 앱을 인증하세요.",
  "status.endpoint.refreshFailed":
    "쇼핑몰 {mall}의 토큰 갱신이 지금은 실패했습니다({code}). {seconds}초 뒤에 다시 요청하세요.",
  "status.endpoint.rateLimited": "이 주소에서 요청이 너무 많습니다. {seconds}초 뒤에 다시 요청하세요.",
  "status.endpoint.badRequest":
    '`Content-Type: application/json`과 `{"access_token": "<Cafe24가 거부한 토큰>"}`을 보내세요.',
  "status.summary":
    "쇼핑몰 {malls}개 · 사람이 필요한 곳 {needPerson}개 · 인스턴스 {instanceId} · {startedAt}부터 실행 중",
  "status.updated": "{at} 갱신",
  "status.stale": "감시 프로세스에 연결할 수 없습니다. 아래 값은 오래된 것일 수 있습니다.",
  "status.noScript": "{at} 기준 값입니다. 새 값을 보려면 페이지를 새로 고치세요.",
  "status.noMalls": "감시 중인 쇼핑몰이 없습니다.",
  "status.unknown": "알 수 없음",
  "status.kst": "{at} KST",
  "status.expired": "{duration} 전 만료",

  "status.state.ok": "정상",
  "status.state.refreshing": "갱신 중",
  "status.state.backoff": "실패 후 재시도 중",
  "status.state.reauth-required": "재인증 필요",
  "status.state.no-token": "저장된 토큰 없음",
  "status.state.app-deleted": "운영자가 앱을 삭제함",
  "status.state.app-expired": "앱 사용 기간 만료",

  "status.banner.reauth-required":
    "사람의 조치가 필요합니다: refresh token이 만료됐거나, 교체되어 무효가 됐거나, 폐기됐습니다. 앱을 다시 인증하세요:",
  "status.banner.no-token": "이 쇼핑몰에 저장된 토큰이 아직 없습니다. 앱을 인증하세요:",
  "status.banner.app-deleted":
    "운영자가 이 쇼핑몰에서 앱을 삭제했습니다. watch는 갱신을 멈췄습니다. 운영자가 앱을 다시 설치하면 앱을 인증하세요:",
  "status.banner.app-expired":
    "이 쇼핑몰에서 앱의 사용 기간이 만료됐습니다. watch는 갱신을 멈췄습니다. 카페24 스토어에서 앱을 연장한 뒤 다시 인증하세요:",
  "status.banner.noCommand": "카페24 관리자에서 이 쇼핑몰의 앱을 다시 인증하세요.",

  "status.accessToken": "Access token",
  "status.refreshToken": "Refresh token",
  "status.lastRefresh": "마지막 갱신",
  "status.nextRefresh": "다음 갱신",
  "status.failures": "연속 실패 {n}회, 마지막 오류: {code} {message}",

  "status.events": "최근 이벤트",
  "status.events.none": "아직 이벤트가 없습니다.",
  "status.event.refreshed": "갱신됨",
  "status.event.refresh-failed": "갱신 실패",
  "status.event.reauth-required": "재인증 필요",
  "status.event.keep-alive": "유지용 갱신",
  "status.event.diagnosis": "진단",
  "status.event.started": "시작",
  "status.event.alert-sent": "알림 전송",
  "status.event.app-removed": "쇼핑몰에서 앱이 제거됨",

  "status.diagnosis": "마지막 진단",
  "status.diagnosis.none": "아직 진단 결과가 없습니다.",

  "status.replica": "레플리카",
  "status.replica.working": "{replica} (지금 작업 중)",
  "status.replica.last": "{replica} (마지막 처리)",
  "status.replica.none": "아직 없음",

  "status.cluster.title": "레플리카",
  "status.cluster.summary":
    "레플리카 {replicas}개가 쇼핑몰 {malls}개를 나눠 맡음 · 작업 중 {inFlight}개 (이 레플리카 {owned}개) · 5분 안에 갱신할 곳 {dueSoon}개 · 사람이 필요한 곳 {needsPerson}개",
  "status.cluster.replica": "레플리카",
  "status.cluster.host": "호스트",
  "status.cluster.pid": "PID",
  "status.cluster.started": "시작",
  "status.cluster.lastSeen": "마지막 응답",
  "status.cluster.held": "작업 중인 쇼핑몰",
  "status.cluster.self": "이 페이지",
};
