import type { errorsEn } from "./errors.en.js";

/** 다른 카탈로그에 없는 오류 코드의 한국어 문구: 무슨 일이 있었는지와 해결 방법. errors.en.ts의 모든 키가 있어야 합니다. */
export const errorsKo: Record<keyof typeof errorsEn, string> = {
  "error.CAFE24_BAD_RESPONSE": "카페24 응답을 사용할 수 없습니다. 문서에 나온 형식이 아니거나 너무 큽니다.",
  "error.CAFE24_BAD_RESPONSE.fix":
    "한 번뿐이라면 다시 시도해도 됩니다. 계속되면 --debug로 다시 실행해 그 출력을 알려 주세요.",
  "error.CAFE24_NETWORK": "카페24에서 응답이 없습니다. 연결에 실패했습니다(DNS, 연결 거부, 연결 끊김, TLS).",
  "error.CAFE24_NETWORK.fix":
    "네트워크와 CAFE24_MALL_ID / CAFE24_BASE_URL을 확인하세요. `cafe24-doctor check`가 어느 단계에서 실패하는지 알려 줍니다.",
  "error.CAFE24_TIMEOUT": "카페24가 제시간에 응답하지 않았습니다.",
  "error.CAFE24_TIMEOUT.fix":
    "다시 시도하세요. 계속 시간이 초과되면 `cafe24-doctor check`로 연결이 어디서 멈추는지 확인하세요.",
  "error.CAFE24_ABORTED": "작업이 끝나기 전에 중단되었습니다(취소되었거나 제한 시간이 지남).",
  "error.CAFE24_ABORTED.fix":
    "다시 실행하세요. 제한 시간이 있는 작업이면 시간을 늘리세요(예: `cafe24-doctor check --deadline 30`).",
  "error.CAFE24_INSECURE_URL":
    "평문 http:// URL을 거부했습니다. 카페24는 HTTPS만 받으며, http는 이 컴퓨터의 에뮬레이터에 명시적으로 허용했을 때만 쓸 수 있습니다.",
  "error.CAFE24_INSECURE_URL.fix": "https를 쓰거나, CAFE24_BASE_URL을 지워 카페24 자체 호스트를 쓰세요.",
  "error.TOKEN_STORE_IO": "토큰 저장소를 읽거나 쓸 수 없습니다:",
  "error.TOKEN_STORE_IO.fix":
    "토큰 파일의 디렉터리가 있는지, 이 사용자가 읽고 쓸 수 있는지 확인하세요(위 줄에 경로와 시스템 오류가 나옵니다).",
  "error.TOKEN_LOCK_TIMEOUT": "다른 프로세스가 토큰 저장소 잠금을 너무 오래 잡고 있습니다.",
  "error.TOKEN_LOCK_TIMEOUT.fix":
    "이 쇼핑몰의 토큰을 갱신하고 있는 프로세스(다른 cafe24-doctor나 앱)가 끝나게 한 뒤 다시 시도하세요. 종료된 프로세스가 남긴 잠금은 10초 뒤 넘겨받습니다.",
  "error.REDIS_UNAVAILABLE": "Redis에 연결할 수 없거나 Redis가 명령을 거부했습니다:",
  "error.REDIS_UNAVAILABLE.fix":
    "Redis가 실행 중인지, CAFE24_REDIS_URL(또는 cafe24-doctor.config.json의 store.url)이 그 주소를 가리키는지 확인하세요. 비밀번호는 URL에, TLS는 rediss://로 지정합니다. `cafe24-doctor check`가 연결을 점검합니다.",
  "error.INVALID_OPTIONS": "옵션이나 인수가 올바르지 않습니다:",
  "error.INVALID_OPTIONS.fix": "위에 나온 값을 고치세요. 각 옵션은 `cafe24-doctor <명령> --help`에 나옵니다.",
  "error.DIAGNOSIS_BUDGET_SPENT": "호출을 보내지 않았습니다. 진단이 Admin API 호출 예산을 다 썼습니다.",
  "error.DIAGNOSIS_BUDGET_SPENT.fix":
    "고장이 아닙니다. 진단은 쇼핑몰 버킷을 앱에 남겨 두려고 최대 20번만 호출합니다. 읽지 못한 항목은 `cafe24-doctor check`를 다시 실행해 확인하세요.",
};
