import type { configEn } from "./config.en.js";

export const configKo: Record<keyof typeof configEn, string> = {
  "error.CONFIG_INVALID": "설정에 문제가 있습니다 (문제마다 한 줄):",
  "error.CONFIG_INVALID.fix":
    "각 줄이 가리키는 cafe24-doctor.config.json 항목이나 CAFE24_* 환경변수/.env 값을 고친 뒤 다시 실행하세요. CAFE24_CLIENT_SECRET 같은 비밀값은 .env에만 두세요.",
  "error.CONFIG_UNREADABLE": "설정 파일을 읽을 수 없거나 올바른 JSON이 아닙니다.",
  "error.CONFIG_UNREADABLE.fix":
    "표시된 줄과 칸의 JSON을 고치거나(JSON 검사 기능이 있는 편집기가 편합니다), `cafe24-doctor init --force`로 새 파일을 만드세요.",
  "error.CONFIG_EXISTS": "설정 파일이 이미 있어 그대로 두었습니다.",
  "error.CONFIG_EXISTS.fix": "파일을 직접 고치거나, 새로 만들려면 `cafe24-doctor init --force`를 실행하세요.",
  "error.CONFIG_WRITE_FAILED": "설정 파일을 쓰지 못했습니다.",
  "error.CONFIG_WRITE_FAILED.fix": "폴더가 있는지, 쓰기 권한이 있는지 확인한 뒤 init을 다시 실행하세요.",

  "config.init.intro":
    "cafe24-doctor.config.json 기본 설정 파일을 만듭니다. 괄호 안의 값을 그대로 쓰려면 Enter를 누르세요.",
  "config.init.prompt.mallId": "쇼핑몰 ID (myshop.cafe24.com이면 myshop)",
  "config.init.prompt.redirectUri": "카페24 개발자센터에 등록한 Redirect URI",
  "config.init.prompt.scopes": "앱이 요청하는 권한(scope, 쉼표로 구분)",
  "config.init.prompt.apiVersion": "API 버전 (YYYY-MM-DD, 비워 두면 앱에 설정된 버전)",
  "config.init.prompt.tokenFile": "토큰 파일",
  "config.init.prompt.serviceUrl": "배포된 서비스의 상태 확인(health) URL",
  "config.init.prompt.reportDir": "보고서 저장 폴더",
  "config.init.optional": "선택 사항, 건너뛰려면 Enter",
  "config.init.invalid": "{problem}. 다시 입력하거나, 기본값을 쓰려면 Enter를 누르세요.",
  "config.init.written": "{file} 파일을 만들었습니다.",
  "config.init.envWritten":
    "{file} 파일을 만들었습니다(권한 0600). 비어 있는 값을 채우세요. 비밀값이 들어가므로 절대 커밋하지 마세요.",
  "config.init.envKept": "{file} 파일이 이미 있어 그대로 두었습니다.",
  "config.init.missing.title": "진단을 통과하려면 아직 필요한 것:",
  "config.init.missing.mallId":
    "CAFE24_MALL_ID가 설정되지 않았습니다. .env에 추가하세요(myshop.cafe24.com이면 myshop). 설정 파일의 mallId도 됩니다.",
  "config.init.missing.redirectUri":
    "CAFE24_REDIRECT_URI가 설정되지 않았습니다. 카페24 개발자센터에 등록한 리디렉션 URI를 .env에 추가하세요(`cafe24-doctor token login`에 필요).",
  "config.init.gitignore":
    ".gitignore에 다음 줄을 추가하세요(cafe24-doctor가 여기에 쓰는 모든 파일을 덮습니다: .env, 토큰 파일과 부속 파일, 보고서):",
  "config.init.clientIdMissing": "CAFE24_CLIENT_ID가 설정되지 않았습니다. .env에 추가하세요.",
  "config.init.secretMissing":
    "CAFE24_CLIENT_SECRET이 설정되지 않았습니다. 설정 파일이 아닌 .env에 넣고, .env는 git에 올리지 마세요.",
  "config.init.next":
    "다음 단계: 빠른 진단은 `cafe24-doctor`, 전체 점검은 `cafe24-doctor check`를 실행하세요.",
};
