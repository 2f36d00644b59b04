import type { scanEn } from "./scan.en.js";

/** `cafe24-doctor scan`과 코드 검사가 짚는 근본 원인의 한국어 메시지. */
export const scanKo: Record<keyof typeof scanEn, string> = {
  "rootcause.refreshersRace.title":
    "서로 독립된 갱신 주체 {count}개가 하나뿐인 회전형 refresh token을 두고 경쟁합니다",
  "rootcause.refreshersRace.explanation":
    "카페24는 갱신할 때마다 새 refresh token을 발급하고 보낸 토큰을 폐기합니다. 모두가 공유하는 잠금 없이 갱신 주체가 {count}개이면 나중에 갱신하는 쪽은 죽은 토큰을 보내 invalid_grant를 받고, 쇼핑몰을 다시 인증해야 합니다. 갱신 코드({places})를 지우고 토큰은 `cafe24-doctor watch`의 엔드포인트(GET /v1/malls/<mall_id>/access-token)나 공유 저장소(TokenManager)에서 읽으세요.",
  "rootcause.suspect.refreshInApp": "앱 안의 갱신 코드(백그라운드 스레드, 요청 핸들러)",
  "rootcause.suspect.refreshCron": "타이머로 갱신하는 cron 작업이나 스크립트",

  "scan.description":
    "프로젝트에서 cafe24-doctor 모르게 카페24 토큰을 다루는 코드를 찾습니다: 자체 갱신, 시간대 없는 만료 시각 해석, 하드코딩된 비밀 값, 제자리 토큰 쓰기. 종료 코드 0 깨끗함, 2 발견, 3 실행 불가.",
  "scan.argument.dir": "검사할 프로젝트 폴더(기본값: 현재 폴더)",
  "scan.option.json": "결과를 JSON으로 출력",
  "scan.notFolder":
    "{dir}은(는) 읽을 수 있는 폴더가 아닙니다. 프로젝트 폴더를 지정하거나(`cafe24-doctor scan ./my-app`), 그 폴더 안에서 `cafe24-doctor scan`을 실행하세요.",
  "scan.clean": "{root} 아래 소스 파일 {files}개에서 발견된 것이 없습니다({ms} ms).",
  "scan.found": "{root} 아래 소스 파일 {files}개에서 {count}건 발견({ms} ms):",
  "scan.rule.REFRESHER": "카페24 토큰을 직접 갱신함",
  "scan.rule.NAIVE_EXPIRY_PARSE": "expires_at을 시간대 없는 시각이나 UTC로 읽음(카페24는 KST)",
  "scan.rule.LITERAL_SECRET": "소스에 적힌 토큰이나 client secret",
  "scan.rule.NON_ATOMIC_TOKEN_WRITE": "토큰 파일을 제자리에서 덮어씀",
  "scan.fix": "해결",
  "scan.watchRuns": "이 프로젝트는 `cafe24-doctor watch`를 실행하며, watch도 갱신합니다: {places}",
  "scan.rootCause": "근본 원인",
  "scan.incomplete": "불완전: 검사가 한도({limits})에 걸려 멈췄고, 그 뒤는 살펴보지 못했습니다.",
};
