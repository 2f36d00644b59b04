import { checkCatalogue } from "./check-catalogue.js";

/** Check 2 — token store: its finding codes and messages. */
export const tokenStoreCatalogue = checkCatalogue({
  codes: {
    /** No token file. → cafe24-doctor token login */
    TOKEN_FILE_MISSING: "critical",
    /** Empty, truncated or not Cafe24's token JSON. → cafe24-doctor token login (or restore it from a backup) */
    TOKEN_FILE_INVALID: "critical",
    /** Permissions or I/O. */
    TOKEN_FILE_UNREADABLE: "critical",
    /** → CAFE24_TOKEN_FILE='./tokens/{mall_id}.json' cafe24-doctor token login */
    TOKEN_FILE_OTHER_MALL: "critical",
    /** → chmod 600 <file> */
    TOKEN_FILE_READABLE_BY_OTHERS: "high",
    /** → git rm --cached <file> && echo <file> >> .gitignore */
    TOKEN_FILE_TRACKED_BY_GIT: "high",
    /** → CAFE24_TOKEN_FILE=<file> cafe24-doctor token refresh (rewrites it without the secret) */
    TOKEN_FILE_HAS_CLIENT_SECRET: "high",
    /** → cafe24-doctor token refresh (rewritten in the current format) */
    TOKEN_FILE_LEGACY_FORMAT: "low",
    /** A store other than a file holds no token for the mall. → cafe24-doctor token login */
    TOKEN_MISSING: "critical",
    /** A store other than a file holds something that is not a token. → cafe24-doctor token login */
    TOKEN_INVALID: "critical",
    /** A store other than a file cannot be read (unreachable, refused). */
    TOKEN_STORE_UNREADABLE: "critical",
  },
  en: {
    "check.token-store.summary.ok": "{file} read",
    "check.token-store.summary.noMallId": "skipped: no valid mall id to look the token up for",
    "check.token-store.summary.missing": "no token file at {file}",
    "check.token-store.summary.missingEnv":
      "no token file at {file}; only CAFE24_ACCESS_TOKEN from the environment",
    "check.token-store.summary.invalid": "{file} is unusable",
    "check.token-store.summary.unreadable": "{file} cannot be read",
    "check.token-store.summary.otherMall": "{file} holds another mall's token",
    "check.token-store.summary.stored": "token read from {location}",
    "check.token-store.summary.storeMissing": "no token for {mallId} in {location}",
    "check.token-store.summary.storeMissingEnv":
      "no token for {mallId} in {location}; only CAFE24_ACCESS_TOKEN from the environment",
    "check.token-store.summary.storeInvalid": "the token in {location} is unusable",
    "check.token-store.summary.storeUnreadable": "{location} cannot be read",

    "check.token-store.missing.cause":
      "There is no token file at {file}: without a refresh token nothing can renew access.",
    "check.token-store.missing.remedy":
      "Authorize the app once with `cafe24-doctor token login`; it writes {file}.",
    "check.token-store.invalid.cause":
      "The token file {file} cannot be used: it is empty, truncated, or not Cafe24's token JSON.",
    "check.token-store.invalid.remedy":
      "Restore {file} from a backup, or authorize again with `cafe24-doctor token login`.",
    "check.token-store.unreadable.cause": "The token file {file} cannot be read ({error}).",
    "check.token-store.unreadable.remedy":
      "Make {file} readable and writable by the user that runs the app and cafe24-doctor, and by no one else.",
    "check.token-store.otherMall.cause": "{file} holds another mall's token, not {mallId}'s.",
    "check.token-store.otherMall.remedy":
      "Give each mall its own file (CAFE24_TOKEN_FILE with the mall id placeholder in the file name, as in the command), then authorize {mallId}.",
    "check.token-store.readableByOthers.cause":
      "{file} can be read by other users (mode {mode}): anyone on this machine can take the tokens.",
    "check.token-store.readableByOthers.remedy": "Make it private to its owner (mode 600).",
    "check.token-store.trackedByGit.cause":
      "{file} is tracked by git: the tokens in it travel with every clone and push.",
    "check.token-store.trackedByGit.remedy":
      "Untrack and ignore it. If it was ever pushed, treat the tokens as exposed: revoke them (`cafe24-doctor token revoke`) and authorize again.",
    "check.token-store.clientSecret.cause":
      "{file} holds the app's client secret (the old toolkit saved it there): whoever reads the file can act as the app.",
    "check.token-store.clientSecret.remedy":
      "Keep the secret only in CAFE24_CLIENT_SECRET. A refresh rewrites {file} without it; if the file was ever shared or committed, reissue the secret in Cafe24 Developers.",
    "check.token-store.legacyFormat.cause": "{file} is in an older format ({traits}).",
    "check.token-store.legacyFormat.remedy":
      "Nothing breaks: the next refresh rewrites it in the current format. To do it now, run `cafe24-doctor token refresh`.",
    "check.token-store.storeMissing.cause":
      "The token store ({location}) holds no token for mall {mallId}: without a refresh token nothing can renew access.",
    "check.token-store.storeMissing.remedy":
      "Authorize the app once with `cafe24-doctor token login`; it stores the token in {location}.",
    "check.token-store.storeInvalid.cause":
      "The token stored for mall {mallId} in {location} cannot be used: it is not Cafe24's token in a shape cafe24-doctor reads.",
    "check.token-store.storeInvalid.remedy":
      "Authorize again with `cafe24-doctor token login`; it replaces the stored token.",
    "check.token-store.storeUnreadable.cause": "The token store ({location}) cannot be read ({error}).",
    "check.token-store.storeUnreadable.remedy":
      "Check that the store is reachable and that this process may read it, then run the check again.",
  },
  ko: {
    "check.token-store.summary.ok": "{file} 읽음",
    "check.token-store.summary.noMallId": "건너뜀: 토큰을 찾을 올바른 쇼핑몰 ID가 없음",
    "check.token-store.summary.missing": "{file}에 토큰 파일이 없음",
    "check.token-store.summary.missingEnv": "{file}에 토큰 파일이 없고 환경 변수 CAFE24_ACCESS_TOKEN만 있음",
    "check.token-store.summary.invalid": "{file}을(를) 사용할 수 없음",
    "check.token-store.summary.unreadable": "{file}을(를) 읽을 수 없음",
    "check.token-store.summary.otherMall": "{file}에 다른 쇼핑몰의 토큰이 있음",
    "check.token-store.summary.stored": "{location}에서 토큰을 읽음",
    "check.token-store.summary.storeMissing": "{location}에 {mallId}의 토큰이 없음",
    "check.token-store.summary.storeMissingEnv":
      "{location}에 {mallId}의 토큰이 없고 환경 변수 CAFE24_ACCESS_TOKEN만 있음",
    "check.token-store.summary.storeInvalid": "{location}의 토큰을 사용할 수 없음",
    "check.token-store.summary.storeUnreadable": "{location}을(를) 읽을 수 없음",

    "check.token-store.missing.cause":
      "{file}에 토큰 파일이 없습니다. refresh token이 없으면 접근 권한을 갱신할 수 없습니다.",
    "check.token-store.missing.remedy":
      "`cafe24-doctor token login`으로 앱을 한 번 인증하세요. {file}이(가) 만들어집니다.",
    "check.token-store.invalid.cause":
      "토큰 파일 {file}을(를) 쓸 수 없습니다. 비어 있거나, 잘렸거나, 카페24 토큰 JSON이 아닙니다.",
    "check.token-store.invalid.remedy":
      "백업에서 {file}을(를) 복원하거나 `cafe24-doctor token login`으로 다시 인증하세요.",
    "check.token-store.unreadable.cause": "토큰 파일 {file}을(를) 읽을 수 없습니다 ({error}).",
    "check.token-store.unreadable.remedy":
      "{file}을(를) 앱과 cafe24-doctor를 실행하는 사용자만 읽고 쓸 수 있게 하세요.",
    "check.token-store.otherMall.cause": "{file}에는 {mallId}이(가) 아닌 다른 쇼핑몰의 토큰이 있습니다.",
    "check.token-store.otherMall.remedy":
      "쇼핑몰마다 파일을 따로 쓰세요(명령처럼 CAFE24_TOKEN_FILE의 파일 이름에 쇼핑몰 ID 자리표시자를 넣음). 그다음 {mallId}을(를) 인증하세요.",
    "check.token-store.readableByOthers.cause":
      "{file}을(를) 다른 사용자도 읽을 수 있습니다(권한 {mode}). 이 컴퓨터의 누구나 토큰을 가져갈 수 있습니다.",
    "check.token-store.readableByOthers.remedy": "소유자만 읽고 쓸 수 있게 하세요(권한 600).",
    "check.token-store.trackedByGit.cause":
      "{file}이(가) git으로 추적되고 있습니다. 그 안의 토큰이 모든 clone과 push에 함께 퍼집니다.",
    "check.token-store.trackedByGit.remedy":
      "추적을 멈추고 무시 목록에 넣으세요. 한 번이라도 push했다면 토큰이 노출된 것으로 보고 폐기(`cafe24-doctor token revoke`)한 뒤 다시 인증하세요.",
    "check.token-store.clientSecret.cause":
      "{file}에 앱의 client secret이 들어 있습니다(예전 도구가 저장함). 파일을 읽는 누구나 앱 행세를 할 수 있습니다.",
    "check.token-store.clientSecret.remedy":
      "secret은 CAFE24_CLIENT_SECRET에만 두세요. 갱신하면 {file}이(가) secret 없이 다시 쓰입니다. 파일을 공유하거나 커밋한 적이 있다면 카페24 개발자센터에서 secret을 재발급하세요.",
    "check.token-store.legacyFormat.cause": "{file}이(가) 예전 형식입니다 ({traits}).",
    "check.token-store.legacyFormat.remedy":
      "문제는 없습니다. 다음 갱신 때 현재 형식으로 다시 쓰입니다. 지금 바꾸려면 `cafe24-doctor token refresh`를 실행하세요.",
    "check.token-store.storeMissing.cause":
      "토큰 저장소({location})에 쇼핑몰 {mallId}의 토큰이 없습니다. refresh token이 없으면 접근 권한을 갱신할 수 없습니다.",
    "check.token-store.storeMissing.remedy":
      "`cafe24-doctor token login`으로 앱을 한 번 인증하세요. 토큰이 {location}에 저장됩니다.",
    "check.token-store.storeInvalid.cause":
      "{location}에 저장된 쇼핑몰 {mallId}의 토큰을 쓸 수 없습니다. cafe24-doctor가 읽을 수 있는 카페24 토큰 형식이 아닙니다.",
    "check.token-store.storeInvalid.remedy":
      "`cafe24-doctor token login`으로 다시 인증하세요. 저장된 토큰이 새 토큰으로 바뀝니다.",
    "check.token-store.storeUnreadable.cause": "토큰 저장소({location})를 읽을 수 없습니다 ({error}).",
    "check.token-store.storeUnreadable.remedy":
      "저장소에 연결할 수 있는지, 이 프로세스에 읽기 권한이 있는지 확인한 뒤 다시 점검하세요.",
  },
});
