import type { storeEn } from "./store.en.js";

/** 토큰 보존 관련 한국어 메시지: 중단된 갱신, 저장되지 못한 토큰, 구조 사본과 복원. */
export const storeKo: Record<keyof typeof storeEn, string> = {
  "cli.interrupt.waiting":
    "중단 요청을 받았습니다. 갱신된 토큰을 먼저 저장하는 중입니다. 카페24가 이미 이전 토큰을 교체했으므로 지금 멈추면 인증을 잃을 수 있습니다…",
  "cli.interrupt.saved": "토큰을 저장했습니다. 요청대로 종료합니다.",
  "token.restore.description":
    "저장에 실패했을 때 만들어진 구조 사본(rescue) 토큰을 저장된 토큰보다 새것일 때 토큰 저장소로 되돌립니다",
  "token.restore.argument": "오류 메시지에 나온 구조 사본 파일 (cafe24-doctor-rescue-….json)",
  "token.option.force": "저장된 토큰이 같거나 더 새것이어도 교체",
  "token.restore.done": "{file}의 토큰으로 쇼핑몰 {mallId}의 토큰을 {location}에 복원했습니다.",
  "token.restore.removed": "구조 사본 파일 {file}을(를) 삭제했습니다.",
  "token.restore.older":
    "쇼핑몰 {mallId}에 저장된 토큰이 {file}과(와) 같거나 더 새것이라 아무것도 바꾸지 않았습니다 (--force로 강제 교체).",
  "error.TOKEN_STORE_UNSAFE":
    "토큰 파일이 심볼릭 링크입니다. 링크를 만든 사람이 토큰을 받게 되므로 cafe24-doctor는 링크를 통해 토큰을 읽거나 쓰지 않습니다:",
  "error.TOKEN_STORE_UNSAFE.fix":
    '링크를 실제 파일로 바꾸세요. 직접 만든 링크라면 cafe24-doctor.config.json에 "store": { "type": "file", "followSymlinks": true }를 넣어 허용하세요.',
  "error.TOKEN_NOT_SAVED": "갱신된 토큰을 토큰 저장소에 저장하지 못했습니다 (위치, 원인, 복원 명령):",
  "error.TOKEN_NOT_SAVED.fix":
    "토큰 저장소의 디스크 공간이나 권한 문제를 해결한 뒤 위 명령을 실행하세요. 그전까지 저장소의 토큰은 쓸 수 없습니다 (카페24가 이미 교체함).",
};
