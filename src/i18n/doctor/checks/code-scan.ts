import { checkCatalogue } from "./check-catalogue.js";

/** Check 15 — the project's code: its finding codes and messages (also the fixes `cafe24-doctor scan` prints). */
export const codeScanCatalogue = checkCatalogue({
  codes: {
    /**
     * Two or more refreshers of the same rotating refresh token: places in the code that post a refresh grant,
     * plus `watch` when the project runs it. → remove them, read tokens from watch's endpoint or the store
     */
    REFRESHERS_RACE: "high",
    /** One place in the code refreshes, and nothing else does: safe only as the only one, under a lock. */
    LONE_REFRESHER: "medium",
    /** expires_at / refresh_token_expires_at parsed as naive or UTC time (Cafe24's are KST without offset). */
    NAIVE_EXPIRY_PARSE: "medium",
    /** A literal access token, refresh token or client secret in the source. */
    LITERAL_SECRET: "high",
    /** The token file rewritten in place (no temp file renamed over it). */
    NON_ATOMIC_TOKEN_WRITE: "medium",
    /** A bound (files, bytes, time) cut the scan short: what it did not read was not looked at. */
    SCAN_INCOMPLETE: "low",
  },
  en: {
    "check.code-scan.summary.ok":
      "no refresher, naive expiry, literal secret or in-place token write in the code",
    "check.code-scan.summary.found": "{count} place(s) in the project's code need attention",

    "check.code-scan.race.cause":
      "{count} independent refreshers race for one rotating refresh token: {places}. Cafe24 issues a new refresh token on every refresh and kills the old one, so whichever refreshes second sends a dead token and gets invalid_grant.",
    "check.code-scan.race.remedy":
      "Remove the refresh code from the app and let one refresher keep the tokens: run `cafe24-doctor watch --token-endpoint` and read the access token from GET /v1/malls/<mall_id>/access-token (or, in Node, from the shared store through TokenManager).",
    "check.code-scan.lone.cause":
      "{places} refreshes the token on its own. That holds only while it is the one and only refresher and refreshes under a lock: a second copy of the app, a cron run or `cafe24-doctor watch` next to it makes them race for the rotating refresh token.",
    "check.code-scan.lone.remedy":
      "Prefer `cafe24-doctor watch --token-endpoint` and read tokens from it. If this code stays, make sure nothing else ever refreshes, and that it refreshes under a lock every process shares.",
    "check.code-scan.naive.cause":
      "{count} place(s) read Cafe24's expiry as naive or UTC time: {places}. Cafe24 writes expires_at in KST without an offset, so the token looks valid up to nine hours after it died, or dead while it is still valid.",
    "check.code-scan.naive.remedy":
      'Parse it in Asia/Seoul (Python: .replace(tzinfo=ZoneInfo("Asia/Seoul")); JavaScript: append "+09:00"; PHP: new DateTimeZone("Asia/Seoul"); Java: atZone(ZoneId.of("Asia/Seoul")); Go: time.ParseInLocation; Ruby: append " +09:00"), or use the expires_at of watch\'s endpoint, which carries its offset.',
    "check.code-scan.literal.cause":
      "{count} credential(s) written into the source: {places}. They travel with every clone and push, and a token copied in is dead at the next refresh.",
    "check.code-scan.literal.remedy":
      "Read them from the environment (a .env kept out of git) or from watch's endpoint. If the code was ever pushed, reissue the client secret in Cafe24 Developers (Developer Center).",
    "check.code-scan.write.cause":
      "{count} place(s) rewrite the token file in place: {places}. A crash or kill between truncating and writing leaves it empty or half-written, and the rotated refresh token it held is lost.",
    "check.code-scan.write.remedy":
      "Write to a temporary file in the same folder and rename it over the token file (os.replace, fs.rename, rename, Files.move with ATOMIC_MOVE, os.Rename), or let cafe24-doctor's store keep the tokens.",
    "check.code-scan.incomplete.cause":
      "The code scan stopped early ({limits}) after {files} source file(s): what lies past the bound was not looked at.",
    "check.code-scan.incomplete.remedy":
      "Run `cafe24-doctor scan <folder>` on the part of the project that talks to Cafe24, or add generated folders to .gitignore.",
  },
  ko: {
    "check.code-scan.summary.ok":
      "코드에 자체 갱신, 시간대 없는 만료 시각 해석, 하드코딩된 비밀 값, 제자리 토큰 쓰기가 없음",
    "check.code-scan.summary.found": "프로젝트 코드에서 손볼 곳 {count}군데",

    "check.code-scan.race.cause":
      "서로 독립된 갱신 주체 {count}개가 하나뿐인 회전형 refresh token을 두고 경쟁합니다: {places}. 카페24는 갱신할 때마다 새 refresh token을 발급하고 이전 것을 폐기하므로, 나중에 갱신하는 쪽은 죽은 토큰을 보내 invalid_grant를 받습니다.",
    "check.code-scan.race.remedy":
      "앱에서 갱신 코드를 지우고 갱신은 한 곳에 맡기세요. `cafe24-doctor watch --token-endpoint`를 실행하고 access token은 GET /v1/malls/<mall_id>/access-token에서(Node라면 TokenManager로 공유 저장소에서) 읽으세요.",
    "check.code-scan.lone.cause":
      "{places}에서 토큰을 직접 갱신합니다. 이 코드가 유일한 갱신 주체이고 잠금을 잡고 갱신할 때만 안전합니다. 앱을 하나 더 띄우거나 cron 실행, `cafe24-doctor watch`가 함께 돌면 회전형 refresh token을 두고 경쟁하게 됩니다.",
    "check.code-scan.lone.remedy":
      "`cafe24-doctor watch --token-endpoint`를 쓰고 토큰은 거기서 읽는 것을 권합니다. 이 코드를 남긴다면 다른 어떤 곳도 갱신하지 않게 하고, 모든 프로세스가 공유하는 잠금 아래에서 갱신하게 하세요.",
    "check.code-scan.naive.cause":
      "{count}군데에서 카페24의 만료 시각을 시간대 없는 시각이나 UTC로 읽습니다: {places}. 카페24의 expires_at은 오프셋 없는 KST라서, 토큰이 죽은 뒤 최대 9시간 동안 유효해 보이거나 아직 유효한데 만료된 것처럼 보입니다.",
    "check.code-scan.naive.remedy":
      'Asia/Seoul로 해석하세요(Python: .replace(tzinfo=ZoneInfo("Asia/Seoul")), JavaScript: "+09:00"을 붙임, PHP: new DateTimeZone("Asia/Seoul"), Java: atZone(ZoneId.of("Asia/Seoul")), Go: time.ParseInLocation, Ruby: " +09:00"을 붙임). 또는 오프셋이 들어 있는 watch 엔드포인트의 expires_at을 쓰세요.',
    "check.code-scan.literal.cause":
      "소스에 인증 값 {count}개가 그대로 적혀 있습니다: {places}. 모든 clone과 push에 함께 퍼지고, 복사해 둔 토큰은 다음 갱신 때 죽습니다.",
    "check.code-scan.literal.remedy":
      "환경 변수(git에 올리지 않는 .env)나 watch 엔드포인트에서 읽으세요. 코드를 한 번이라도 push했다면 카페24 개발자센터에서 client secret을 재발급하세요.",
    "check.code-scan.write.cause":
      "{count}군데에서 토큰 파일을 제자리에서 덮어씁니다: {places}. 비우고 쓰는 사이에 프로세스가 죽으면 파일이 비거나 반쯤 쓰인 채로 남고, 그 안의 회전된 refresh token은 사라집니다.",
    "check.code-scan.write.remedy":
      "같은 폴더의 임시 파일에 쓴 뒤 토큰 파일 위로 이름을 바꾸세요(os.replace, fs.rename, rename, ATOMIC_MOVE를 쓴 Files.move, os.Rename). 또는 토큰 보관을 cafe24-doctor 저장소에 맡기세요.",
    "check.code-scan.incomplete.cause":
      "코드 검사가 한도({limits})에 걸려 소스 파일 {files}개를 읽고 멈췄습니다. 그 뒤는 살펴보지 못했습니다.",
    "check.code-scan.incomplete.remedy":
      "카페24와 통신하는 부분의 폴더에 `cafe24-doctor scan <폴더>`를 실행하거나, 생성된 폴더를 .gitignore에 넣으세요.",
  },
});
