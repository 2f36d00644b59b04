import type { migrateEn } from "./migrate.en.js";

/** `token migrate`의 한국어 메시지: 토큰 파일과 Redis 사이에서 모든 쇼핑몰의 토큰을 옮깁니다. */
export const migrateKo: Record<keyof typeof migrateEn, string> = {
  "token.migrate.description":
    "토큰 파일과 Redis 사이에서 모든 쇼핑몰의 토큰을 옮깁니다(--to redis|file). 더 새 토큰은 덮어쓰지 않고 복사하고, 하나씩 다시 읽어 확인한 뒤 원본을 정리합니다(파일은 <파일>.migrated-<시각>으로 이름을 바꾸고, Redis 레코드는 지움). 종료 코드 0 완료, 1 옮길 것 없음, 2 사람이 봐야 할 쇼핑몰 있음, 3 실행할 수 없음.",
  "token.migrate.option.to": "토큰을 옮겨 갈 저장소: redis(토큰 파일에서) 또는 file(Redis에서)",
  "token.migrate.option.dryRun": "무엇을 할지 보여 주기만 함: 아무것도 쓰거나 잠그거나 정리하지 않음",
  "token.migrate.option.keepSource":
    "확인 후에도 원본을 그대로 둠(두 저장소가 같은 살아 있는 refresh token을 갖게 되니 모든 앱을 한 번에 바꾸세요)",
  "token.migrate.option.file":
    "옮겨 오거나 옮겨 갈 토큰 파일(기본값: CAFE24_TOKEN_FILE 또는 설정의 store.path, 쇼핑몰마다 파일을 두려면 이름에 {mall_id})",
  "token.migrate.option.json": "결과를 JSON으로 출력",

  "token.migrate.kind.file": "토큰 파일 {location}",
  "token.migrate.kind.redis": "Redis {location}",
  "token.migrate.nothing":
    "{source}에 토큰이 없어 옮길 것이 없습니다. (--to는 토큰이 갈 곳이고, 토큰은 다른 쪽 저장소에서 옵니다.)",
  "token.migrate.start": "쇼핑몰 {count}개의 토큰을 {source}에서 {target}(으)로 옮깁니다:",
  "token.migrate.mall.moved": "{mallId}: 옮김 (refresh token {refresh}, 만료 {expires})",
  "token.migrate.mall.would-move": "{mallId}: 옮길 예정 (refresh token {refresh}, 만료 {expires})",
  "token.migrate.mall.already": "{mallId}: 이미 {target}에 있음 (같은 refresh token {refresh})",
  "token.migrate.mall.target-newer":
    "{mallId}: {target}에 같거나 더 새 토큰({targetRefresh})이 있습니다. 덮어쓰지 않았고 원본 토큰({refresh})은 복사하지 않았습니다",
  "token.migrate.mall.other-app":
    "{mallId}: 다른 앱의 토큰입니다(CAFE24_CLIENT_ID와 client id가 다름). 복사하지 않았습니다",
  "token.migrate.mall.mismatch": "{mallId}: 확인 실패: {target}에서 다시 읽은 토큰의 {field}이(가) 다릅니다",
  "token.migrate.mall.source-changed":
    "{mallId}: 옮기는 동안 원본이 바뀌었습니다(갱신됨). 원본은 그대로 두었으니 다시 실행하세요",
  "token.migrate.mall.failed": "{mallId}: 실패 — {code}: {message}",
  "token.migrate.retired.file": "원본 정리: {file}",
  "token.migrate.retired.redis": "원본 정리: {source}에서 레코드를 지움",
  "token.migrate.dryRun": "시험 실행: 아무것도 쓰거나 잠그거나 정리하지 않았습니다.",
  "token.migrate.verified":
    "{target}에서 쇼핑몰 {total}개 중 {count}개를 확인했습니다: refresh token, access token, 만료 시각, 권한이 원본과 같습니다.",
  "token.migrate.incomplete":
    "모든 쇼핑몰이 {target}에 들어간 것은 아닙니다. 옮겨 확인하지 못한 쇼핑몰의 원본은 건드리지 않았고(이유는 위의 줄 참고), 옮긴 쇼핑몰의 원본은 정리했습니다. 고친 뒤 다시 실행하면 아직 원본에 남은 쇼핑몰만 옮깁니다.",
  "token.migrate.keptSource":
    "원본을 남겼습니다(--keep-source). 이제 두 저장소에 같은 토큰이 있고, 어느 쪽이든 먼저 갱신하면 다른 쪽 사본은 죽습니다. 지금 모든 앱을 {target}(으)로 바꾼 뒤 원본을 지우세요.",
  "token.migrate.next.redis":
    '다음: 모든 앱과 `cafe24-doctor watch`가 Redis를 쓰게 하고(.env의 CAFE24_REDIS_URL, cafe24-doctor.config.json의 "store": { "type": "redis" }) 다시 시작한 뒤 `cafe24-doctor check`를 실행하세요. 모두 Redis로 돌아가면 이름을 바꾼 파일을 지우세요.',
  "token.migrate.next.file":
    '다음: CAFE24_REDIS_URL과 "store": { "type": "redis" }를 지워 모든 앱과 `cafe24-doctor watch`가 {target}을(를) 쓰게 하고, 다시 시작한 뒤 `cafe24-doctor check`를 실행하세요.',
};
