import type { conformanceEn } from "./conformance.en.js";

/** `cafe24-doctor conformance` 한국어 메시지: 대상의 응답 형태 기록과 두 기록의 비교. */
export const conformanceKo: Record<keyof typeof conformanceEn, string> = {
  "conformance.description":
    "정해진 읽기 전용 프로브로 카페24(또는 에뮬레이터)의 응답을 측정해 데이터가 아닌 형태만 기록합니다",
  "conformance.run.description":
    "설정된 쇼핑몰에 저장된 토큰으로 프로브를 실행하고(갱신·쓰기 없음) 기록을 저장합니다",
  "conformance.option.out": "기록을 쓸 파일 (기본: conformance-<대상>-<KST 시각>.json)",
  "conformance.option.json": "결과를 JSON으로 출력",
  "conformance.option.paceMs": "호출 간격(ms). 카페24에는 최소 600, 로컬 에뮬레이터에는 제한 없음",
  "conformance.diff.description": "기록 B가 기록 A와 다른 점을 모두 나열합니다",
  "conformance.diff.argumentA": "기준 기록 (예: 실제 쇼핑몰에서 만든 기록)",
  "conformance.diff.argumentB": "비교할 기록 (예: 에뮬레이터에서 만든 기록)",
  "conformance.noToken":
    "쇼핑몰 {mallId}에 저장된 토큰이 없습니다. 먼저 `cafe24-doctor token login`을 실행한 뒤 다시 실행하세요.",
  "conformance.tokenExpired":
    "쇼핑몰 {mallId}에 저장된 액세스 토큰이 만료되었거나 몇 분 안에 만료됩니다. 프로브는 토큰을 갱신하지 않으므로 먼저 `cafe24-doctor token refresh`를 실행하세요.",
  "conformance.run.start": "{host}에 읽기 전용 호출 {count}회를 {paceMs} ms 간격으로 보냅니다…",
  "conformance.run.stopped":
    "카페24가 429(호출 한도)로 응답해 쇼핑몰에 부담을 주지 않도록 프로브 {count}개 뒤에 멈췄습니다. 일부 기록은 저장했습니다. 나중에 다시 실행하세요.",
  "conformance.run.saved": "프로브 결과 {count}개를 {file}에 저장했습니다 (본인만 읽을 수 있음).",
  "conformance.run.share":
    "이 파일에는 형태만 있습니다: 상태 코드, 오류 메시지, 헤더 이름과 형식, JSON 키와 타입. 공유하기 전에 한 번 살펴보세요.",
  "conformance.recordingLabel": "{kind} {host}, {at}, 프로브 {probes}개",
  "conformance.diff.same": "차이가 없습니다: B는 모든 프로브에 A와 같게 응답합니다.",
  "conformance.diff.count": "프로브 {probes}개에서 차이 {count}건.",
  "conformance.kind.probe-missing": "한쪽에만 기록된 프로브",
  "conformance.kind.status": "상태 코드가 다름",
  "conformance.kind.error-code": "오류 코드가 다름",
  "conformance.kind.error-message": "오류 메시지가 다름",
  "conformance.kind.body-kind": "본문 종류가 다름",
  "conformance.kind.key-missing": "B에 없는 키",
  "conformance.kind.key-extra": "B에만 있는 키",
  "conformance.kind.type": "타입이 다름",
  "conformance.kind.format": "값 형식이 다름",
  "conformance.kind.date-format": "날짜 형식이 다름",
  "conformance.kind.header-missing": "B에 없는 헤더",
  "conformance.kind.header-extra": "B에만 있는 헤더",
  "conformance.kind.header-format": "헤더 형식이 다름",
};
