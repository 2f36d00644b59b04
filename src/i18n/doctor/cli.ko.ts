import type { cliEn } from "./cli.en.js";

/** CLI 규칙 메시지: 알 수 없는 명령, 도움말 제목, 확인, `--json`. */
export const cliKo: Record<keyof typeof cliEn, string> = {
  "cli.option.version": "버전을 출력하고 종료",
  "cli.option.help": "명령의 도움말 표시",
  "cli.option.mall": "진단할 몰 (기본값: CAFE24_MALL_ID)",
  "cli.option.json": "결과를 stdout에 JSON으로 출력 (사람이 읽는 줄은 stderr로)",
  "cli.option.yes": "확인을 묻지 않음 (터미널이 아닐 때 필요)",
  "cli.help.command": "명령의 도움말 표시",
  "cli.help.usage": "사용법:",
  "cli.help.options": "옵션:",
  "cli.help.commands": "명령:",
  "cli.help.arguments": "인자:",
  "cli.help.globalOptions": "전역 옵션:",
  "cli.help.default": "기본값",
  "cli.help.choices": "선택",
  "cli.unknownCommand": "알 수 없는 명령 '{command}'",
  "cli.didYouMean": "`cafe24-doctor {command}`을(를) 실행하려던 것인가요?",
  "cli.seeHelp": "명령 목록은 `cafe24-doctor --help`를 보세요.",
  "cli.noConfig":
    "설정을 찾지 못했습니다: .env도, cafe24-doctor.config.json도, 환경의 CAFE24_* 변수도 없습니다.",
  "cli.noConfig.looked": ".env와 cafe24-doctor.config.json을 찾아본 곳: {dirs}",
  "cli.noConfig.fix":
    "프로젝트 폴더에서 `cafe24-doctor init`을 실행하거나 CAFE24_MALL_ID, CAFE24_CLIENT_ID, CAFE24_CLIENT_SECRET을 설정하세요.",
  "token.login.openNoBrowser": "브라우저에서 이 URL을 열어 앱을 승인하세요:",
  "token.revoke.confirm":
    "몰 {mallId}의 토큰을 카페24에서 폐기하고 {file}을(를) 삭제할까요? 누군가 token login을 실행할 때까지 앱이 동작하지 않습니다. [y/N] ",
  "token.revoke.cancelled": "아무것도 폐기하지 않았습니다.",
  "token.revoke.needsYes":
    "token revoke는 되돌릴 수 없어 터미널에서는 확인을 묻습니다. 터미널이 아니면 --yes로 확인하세요.",
  "token.health.unverified":
    "확인 불가: 카페24가 액세스 토큰에 대해 판정을 주지 않았습니다 (연결 불가, 5xx 또는 호출 제한). 저장된 만료 시각만으로는 유효해 보입니다. 다시 시도하거나 cafe24-doctor check를 실행하세요.",
  "api.paginateLimit":
    "--paginate와 함께 쓴 -q limit=…는 페이지 크기입니다 (엔드포인트 최대값 이하). 모든 페이지를 계속 순회합니다. 처음 {limit}개만 받으려면 --paginate 없이 호출하세요.",
  "api.paginateOffset":
    "--paginate는 페이지를 직접 순회합니다: -q offset=…를 빼거나, 그 위치부터 한 페이지만 받으려면 --paginate 없이 호출하세요.",
};
