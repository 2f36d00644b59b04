import { checkCatalogue } from "./check-catalogue.js";

/** Check 13 — Redis (run only when the tokens live in Redis): its finding codes and messages. */
export const redisCatalogue = checkCatalogue({
  codes: {
    /** No connection, or every command refused (wrong password, TLS, host). → redis-cli -u … ping */
    REDIS_UNAVAILABLE: "critical",
    /** PING round trips over 50 ms (median). */
    REDIS_SLOW: "low",
    /** Below 5.0: the store's scripts (multi-field HSET, TIME before writes) cannot run. */
    REDIS_VERSION_UNSUPPORTED: "critical",
    /** 5.x: works, but past its end of life (no ACL users). */
    REDIS_VERSION_OLD: "low",
    /** allkeys-* eviction can drop token records; medium while no memory limit is set. */
    REDIS_EVICTION_POLICY: "high",
    /** Neither CONFIG GET nor INFO told the eviction policy (managed Redis). */
    REDIS_EVICTION_UNKNOWN: "low",
    /** Neither RDB snapshots nor AOF: a restart loses every token. */
    REDIS_NO_PERSISTENCE: "high",
    /** RDB snapshots only: a crash restores refresh tokens that were rotated since the last snapshot. */
    REDIS_SNAPSHOTS_ONLY: "low",
    /** AOF is off and the snapshot schedule could not be read (CONFIG refused). */
    REDIS_PERSISTENCE_UNKNOWN: "low",
    /** A token lock without a lease: the mall can never be refreshed. → redis-cli DEL <key> */
    REDIS_LOCK_NO_TTL: "high",
    /** A token lock whose lease runs far beyond the store's (15 s): not set by cafe24-doctor's lock. */
    REDIS_LOCK_LONG_LEASE: "medium",
    /** A record the store cannot read as a token. → cafe24-doctor token login --mall <id> */
    REDIS_RECORD_INVALID: "high",
    /** A record whose token names another mall than its key. */
    REDIS_RECORD_WRONG_MALL: "high",
    /** A record missing from the mall index: `watch` and `token migrate` do not see that mall. */
    REDIS_RECORD_NOT_INDEXED: "medium",
    /** Index entries without a record (harmless: list() skips them). */
    REDIS_INDEX_STALE: "low",
  },
  en: {
    "check.redis.summary.ok": "{location}: Redis {version}, {ms} ms, {malls} mall(s)",
    "check.redis.summary.notRedis": "skipped: the tokens are not in Redis",
    "check.redis.summary.unavailable": "{location} cannot be reached",
    "check.redis.summary.problems": "{location}: Redis {version}, {count} problem(s)",

    "check.redis.unavailable.cause":
      "The Redis token store at {url} does not answer ({reason}): no token can be read or saved, so every refresh and API call fails.",
    "check.redis.unavailable.remedy":
      "Start Redis or fix CAFE24_REDIS_URL (host, port, password, rediss:// for TLS), then run the check again; `redis-cli -u <url> ping` must answer PONG.",
    "check.redis.slow.cause": "Redis answers a PING in {ms} ms (median of {count}; slowest {maxMs} ms).",
    "check.redis.slow.remedy":
      "Every refresh takes several round trips under a lock: run Redis close to the app (same region or network).",
    "check.redis.versionUnsupported.cause":
      "Redis {version} is too old for the token store: its scripts need Redis 5.0 or later (multi-field HSET, TIME before writes).",
    "check.redis.versionUnsupported.remedy":
      "Upgrade to Redis 6.2 or later (or Valkey), then run the check again.",
    "check.redis.versionOld.cause": "Redis {version} works, but it is past its end of life.",
    "check.redis.versionOld.remedy":
      "Plan an upgrade to Redis 6.2 or later (or Valkey) for security fixes and ACL users.",
    "check.redis.eviction.cause":
      "Redis evicts any key when memory runs out (maxmemory-policy {policy}, maxmemory {maxmemory}): a token record can vanish, and the mall then needs authorizing again. Eviction spans every database number of the instance.",
    "check.redis.eviction.remedy":
      "Set maxmemory-policy noeviction (or a volatile-* policy, which never evicts keys without a TTL), or keep the tokens on a Redis instance of their own.",
    "check.redis.evictionUnknown.cause":
      "The eviction policy could not be read ({reason}): managed Redis often refuses CONFIG GET.",
    "check.redis.evictionUnknown.remedy":
      "In the provider's console make sure maxmemory-policy is noeviction (or volatile-*): an allkeys-* policy can evict token records.",
    "check.redis.noPersistence.cause":
      "Redis keeps neither snapshots (save) nor an append-only file (appendonly no): a restart loses every token, and every merchant must authorize the app again.",
    "check.redis.noPersistence.remedy":
      "Turn on the append-only file: `CONFIG SET appendonly yes` (and appendonly yes in redis.conf), appendfsync everysec.",
    "check.redis.snapshotsOnly.cause":
      "Redis saves snapshots only (save {save}): after a crash it restores the tokens of the last snapshot, and a refresh token rotated since then is dead.",
    "check.redis.snapshotsOnly.remedy":
      "Turn on the append-only file as well (appendonly yes, appendfsync everysec), so no rotated token is lost.",
    "check.redis.persistenceUnknown.cause":
      "The append-only file is off and the snapshot schedule could not be read ({reason}).",
    "check.redis.persistenceUnknown.remedy":
      "In the provider's console make sure the data is persisted (AOF or backups with replication): without it a restart loses every token.",
    "check.redis.lockNoTtl.cause":
      "The token lock of mall {mallId} ({key}) has no expiry: no process can take it, so the mall's tokens can never be refreshed.",
    "check.redis.lockNoTtl.remedy":
      "Delete the lock (the command); cafe24-doctor's own locks always carry a lease. Look for a tool that wrote it.",
    "check.redis.lockLongLease.cause":
      "The token lock of mall {mallId} ({key}) is held for another {seconds} s, far beyond cafe24-doctor's {leaseSeconds} s lease: something other than cafe24-doctor's lock set it.",
    "check.redis.lockLongLease.remedy":
      "Delete the lock if no refresh is running (the command), and find the tool that set it.",
    "check.redis.recordInvalid.cause":
      "The token record of mall {mallId} ({key}) is not a token cafe24-doctor can read: {problem}.",
    "check.redis.recordInvalid.remedy":
      "Authorize the mall again (the command replaces the record), or restore it from a backup.",
    "check.redis.recordWrongMall.cause":
      "The token record {key} belongs to mall {mallId}, but the token inside names mall {recordMall}: it was copied or written by hand.",
    "check.redis.recordWrongMall.remedy":
      "Authorize mall {mallId} again (the command replaces the record); never copy records between keys.",
    "check.redis.notIndexed.cause":
      "Redis holds tokens for {malls}, but the mall index ({key}) does not list them: `watch` and `token migrate` do not see those malls, so nothing keeps them alive.",
    "check.redis.notIndexed.remedy":
      "Add them to the index (the command), or run `cafe24-doctor token refresh --mall <id>` once for each (a save indexes it).",
    "check.redis.indexStale.cause":
      "The mall index ({key}) lists {malls} without a token record (deleted or evicted).",
    "check.redis.indexStale.remedy":
      "Harmless (the store skips them); remove them with the command, or authorize those malls again if they should have tokens.",
  },
  ko: {
    "check.redis.summary.ok": "{location}: Redis {version}, {ms}ms, 쇼핑몰 {malls}개",
    "check.redis.summary.notRedis": "건너뜀: 토큰이 Redis에 있지 않음",
    "check.redis.summary.unavailable": "{location}에 연결할 수 없음",
    "check.redis.summary.problems": "{location}: Redis {version}, 문제 {count}개",

    "check.redis.unavailable.cause":
      "{url}의 Redis 토큰 저장소가 응답하지 않습니다 ({reason}). 토큰을 읽거나 저장할 수 없어 모든 갱신과 API 호출이 실패합니다.",
    "check.redis.unavailable.remedy":
      "Redis를 시작하거나 CAFE24_REDIS_URL(호스트, 포트, 비밀번호, TLS는 rediss://)을 고친 뒤 다시 점검하세요. `redis-cli -u <url> ping`이 PONG을 돌려줘야 합니다.",
    "check.redis.slow.cause":
      "Redis의 PING 응답이 {ms}ms 걸립니다 ({count}회 중앙값, 가장 느린 응답 {maxMs}ms).",
    "check.redis.slow.remedy":
      "갱신 한 번에 잠금을 잡은 채 여러 번 왕복합니다. Redis를 앱과 가까운 곳(같은 리전·네트워크)에 두세요.",
    "check.redis.versionUnsupported.cause":
      "Redis {version}은(는) 토큰 저장소에 너무 오래되었습니다. 저장소 스크립트는 Redis 5.0 이상이 필요합니다(여러 필드 HSET, 쓰기 전 TIME).",
    "check.redis.versionUnsupported.remedy": "Redis 6.2 이상(또는 Valkey)으로 올린 뒤 다시 점검하세요.",
    "check.redis.versionOld.cause": "Redis {version}은(는) 동작하지만 지원이 끝난 버전입니다.",
    "check.redis.versionOld.remedy":
      "보안 수정과 ACL 사용자를 위해 Redis 6.2 이상(또는 Valkey)으로 올릴 계획을 세우세요.",
    "check.redis.eviction.cause":
      "메모리가 모자라면 Redis가 아무 키나 지웁니다(maxmemory-policy {policy}, maxmemory {maxmemory}). 토큰 레코드가 사라지면 그 쇼핑몰은 다시 인증해야 합니다. 제거(eviction)는 인스턴스의 모든 데이터베이스 번호에 걸쳐 일어납니다.",
    "check.redis.eviction.remedy":
      "maxmemory-policy를 noeviction(또는 TTL 없는 키는 지우지 않는 volatile-* 정책)으로 설정하거나, 토큰 전용 Redis 인스턴스를 쓰세요.",
    "check.redis.evictionUnknown.cause":
      "제거 정책을 읽을 수 없습니다 ({reason}). 관리형 Redis는 CONFIG GET을 거부하는 경우가 많습니다.",
    "check.redis.evictionUnknown.remedy":
      "제공업체 콘솔에서 maxmemory-policy가 noeviction(또는 volatile-*)인지 확인하세요. allkeys-* 정책은 토큰 레코드를 지울 수 있습니다.",
    "check.redis.noPersistence.cause":
      "Redis가 스냅샷(save)도 AOF(appendonly no)도 남기지 않습니다. 재시작하면 모든 토큰이 사라지고, 모든 쇼핑몰 운영자가 앱을 다시 인증해야 합니다.",
    "check.redis.noPersistence.remedy":
      "AOF를 켜세요: `CONFIG SET appendonly yes`(redis.conf에도 appendonly yes), appendfsync everysec.",
    "check.redis.snapshotsOnly.cause":
      "Redis가 스냅샷만 저장합니다(save {save}). 장애 후에는 마지막 스냅샷의 토큰이 복원되는데, 그 뒤에 교체된 refresh token은 이미 죽어 있습니다.",
    "check.redis.snapshotsOnly.remedy":
      "AOF도 켜서(appendonly yes, appendfsync everysec) 교체된 토큰을 잃지 않게 하세요.",
    "check.redis.persistenceUnknown.cause": "AOF가 꺼져 있고 스냅샷 일정을 읽을 수 없습니다 ({reason}).",
    "check.redis.persistenceUnknown.remedy":
      "제공업체 콘솔에서 데이터가 보존되는지(AOF, 또는 복제와 백업) 확인하세요. 보존하지 않으면 재시작할 때 모든 토큰이 사라집니다.",
    "check.redis.lockNoTtl.cause":
      "쇼핑몰 {mallId}의 토큰 잠금({key})에 만료가 없습니다. 어떤 프로세스도 잠금을 잡을 수 없어 이 쇼핑몰의 토큰은 영영 갱신되지 않습니다.",
    "check.redis.lockNoTtl.remedy":
      "잠금을 지우세요(명령 참고). cafe24-doctor의 잠금에는 항상 임대 기간이 있으니, 이 잠금을 쓴 도구를 찾아보세요.",
    "check.redis.lockLongLease.cause":
      "쇼핑몰 {mallId}의 토큰 잠금({key})이 앞으로 {seconds}초 더 유지됩니다. cafe24-doctor의 임대 기간 {leaseSeconds}초보다 훨씬 깁니다. cafe24-doctor가 아닌 무언가가 잠금을 걸었습니다.",
    "check.redis.lockLongLease.remedy":
      "진행 중인 갱신이 없다면 잠금을 지우고(명령 참고), 잠금을 건 도구를 찾아보세요.",
    "check.redis.recordInvalid.cause":
      "쇼핑몰 {mallId}의 토큰 레코드({key})를 cafe24-doctor가 토큰으로 읽을 수 없습니다: {problem}.",
    "check.redis.recordInvalid.remedy":
      "쇼핑몰을 다시 인증하거나(명령이 레코드를 바꿉니다) 백업에서 복원하세요.",
    "check.redis.recordWrongMall.cause":
      "토큰 레코드 {key}은(는) 쇼핑몰 {mallId}의 것인데, 안의 토큰은 쇼핑몰 {recordMall}의 것입니다. 복사했거나 손으로 쓴 레코드입니다.",
    "check.redis.recordWrongMall.remedy":
      "쇼핑몰 {mallId}을(를) 다시 인증하세요(명령이 레코드를 바꿉니다). 레코드를 다른 키로 복사하지 마세요.",
    "check.redis.notIndexed.cause":
      "Redis에 {malls}의 토큰이 있지만 쇼핑몰 목록({key})에 없습니다. `watch`와 `token migrate`가 이 쇼핑몰들을 보지 못해 아무도 토큰을 살려 두지 않습니다.",
    "check.redis.notIndexed.remedy":
      "목록에 추가하거나(명령 참고), 쇼핑몰마다 `cafe24-doctor token refresh --mall <id>`를 한 번 실행하세요(저장하면 목록에 들어갑니다).",
    "check.redis.indexStale.cause":
      "쇼핑몰 목록({key})에 토큰 레코드가 없는 {malls}이(가) 있습니다(삭제되었거나 제거됨).",
    "check.redis.indexStale.remedy":
      "문제는 없습니다(저장소가 건너뜁니다). 명령으로 지우거나, 토큰이 있어야 할 쇼핑몰이면 다시 인증하세요.",
  },
});
