import type { statusEn } from "./status.en.js";

export const statusKo: Record<keyof typeof statusEn, string> = {
  "status.title": "cafe24-doctor 감시",
  "status.unauthorized":
    "이 상태 페이지는 bearer 토큰이 필요합니다. `Authorization: Bearer <CAFE24_DOCTOR_STATUS_TOKEN>` 헤더를 보내세요.",
  "status.refused.noToken":
    "bearer 토큰 없이 {host}에서 상태 페이지를 열지 않습니다. 이 컴퓨터에 접근할 수 있는 누구에게나 모든 쇼핑몰의 토큰 상태가 보이기 때문입니다. 127.0.0.1에 바인딩하거나, bearer 토큰을 설정하세요(앞단에 TLS도 두세요).",
  "status.refused.emptyToken": "bearerToken이 비어 있으면 안 됩니다.",
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

  "status.banner.reauth-required":
    "사람의 조치가 필요합니다: refresh token이 만료됐거나, 교체되어 무효가 됐거나, 폐기됐습니다. 앱을 다시 인증하세요:",
  "status.banner.no-token": "이 쇼핑몰에 저장된 토큰이 아직 없습니다. 앱을 인증하세요:",
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
