import { checkCatalogue } from "./check-catalogue.js";

/** Check 6 — authentication: its finding codes and messages. */
export const authenticationCatalogue = checkCatalogue({
  codes: {
    /** → cafe24-doctor token refresh (token login when the refresh token is dead) */
    ACCESS_TOKEN_EXPIRED: "high",
    /**
     * → cafe24-doctor token login while the stored token says it is valid (revoked or rotated elsewhere: the
     * refresh token died with it) or it is the old toolkit's CAFE24_ACCESS_TOKEN copy; token refresh only for a
     * stale (expired) token whose refresh token still lives
     */
    ACCESS_TOKEN_REJECTED: "critical",
    /** Scope missing (403 without the removed-app wording). → cafe24-doctor token login */
    ACCESS_FORBIDDEN: "high",
    /**
     * Cafe24 says the merchant deleted the app from the mall (403 "This app is deleted.", or the token endpoint
     * refusing the probe grant so). Not a scope, not a token: the merchant reinstalls, then token login.
     */
    APP_DELETED: "critical",
    /** The app's Cafe24 Store term ran out (wording OUR ASSUMPTION). The merchant renews, then token login. */
    APP_EXPIRED: "critical",
    RATE_LIMITED: "medium",
    /** → cafe24-doctor check (later: not a token problem) */
    CAFE24_SERVER_ERROR: "medium",
    AUTH_NETWORK_ERROR: "high",
    /** → cafe24-doctor check --debug */
    AUTH_UNEXPECTED_ANSWER: "medium",
    /**
     * The probe grant (a refresh with a refresh token that cannot exist) was refused for the client secret:
     * mistyped, or reissued in Developer Center and not redeployed. No command: copy the secret, redeploy.
     */
    CLIENT_SECRET_REJECTED: "critical",
    /** The probe grant was refused for the client id. No command: copy the id and secret, redeploy. */
    CLIENT_ID_REJECTED: "critical",
  },
  en: {
    "check.authentication.summary.ok": "Cafe24 accepted the token (GET {path} → {status})",
    "check.authentication.summary.accepted":
      "Cafe24 accepted the token (GET {path} → {status}: a request quibble, not a token problem)",
    "check.authentication.summary.expired": "Cafe24: the access token has expired (401)",
    "check.authentication.summary.rejected": "Cafe24 rejects the access token (401 Invalid access_token)",
    "check.authentication.summary.forbidden": "GET {path} forbidden (403)",
    "check.authentication.summary.rateLimited": "rate-limited by Cafe24 (429)",
    "check.authentication.summary.server": "Cafe24 answered {status}",
    "check.authentication.summary.network": "no answer from Cafe24",
    "check.authentication.summary.unexpected": "unexpected answer (GET {path} → {status})",
    "check.authentication.summary.noApi": "skipped: no valid mall id or base URL",
    "check.authentication.summary.noToken": "skipped: no access token",
    "check.authentication.summary.tokenUnusable":
      "skipped: the stored token is unusable (see the token store)",
    "check.authentication.summary.unreachable": "skipped: the API host is unreachable",
    "check.authentication.summary.credentialsRejected":
      "Cafe24 rejects the app's client {which} (token endpoint → {status})",
    "check.authentication.summary.versionRefused":
      "token not proven: Cafe24 refused API version {version} (see API version)",
    "check.authentication.summary.appDeleted": "Cafe24: the app was deleted from mall {mall} (403)",
    "check.authentication.summary.appExpired": "Cafe24: the app has expired for mall {mall} (403)",
    "check.authentication.APP_DELETED.cause":
      'Cafe24 says "{said}": the merchant removed the app from mall {mall}. This is not a scope problem and not an expired token; every API call and every refresh will be refused, and the stored tokens are dead.',
    "check.authentication.APP_DELETED.remedy":
      "Ask the merchant to install the app again (Cafe24 Store or the app's install link), then run `{command}` to store a new token.",
    "check.authentication.APP_EXPIRED.cause":
      'Cafe24 says "{said}": the app\'s term on mall {mall} has run out. This is not a scope problem and not an expired token; every API call and every refresh will be refused until it is renewed.',
    "check.authentication.APP_EXPIRED.remedy":
      "Ask the merchant to renew the app in the Cafe24 Store, then run `{command}` to store a new token.",

    "check.authentication.expired.cause":
      'Cafe24 answered 401 "access_token time expired": the access token has expired.',
    "check.authentication.expired.remedy":
      "Run `{command}` (a refresh while the refresh token lives, otherwise a new authorization).",
    "check.authentication.rejected.cause":
      'Cafe24 rejects the access token (401 "Invalid access_token") although the token file says it is still valid: it was revoked, or another process refreshed and so replaced it.',
    "check.authentication.rejected.remedy":
      "Run `{command}`: a revoked or replaced access token takes its refresh token with it, so a refresh cannot help. Then find the other process or copy that refreshes this mall's token (an old auto-refresher, a second instance, a deployment with its own file) and make it share one token store.",
    "check.authentication.rejectedStale.cause":
      'Cafe24 no longer knows the access token (401 "Invalid access_token"): it had expired, and may also have been revoked or replaced.',
    "check.authentication.rejectedStale.remedy":
      "Run `{command}`. If a refresh fails with invalid_grant, run `cafe24-doctor token login`.",
    "check.authentication.rejectedEnv.cause":
      'Cafe24 rejects the token from CAFE24_ACCESS_TOKEN (401 "Invalid access_token"): the copy went stale when the token was refreshed elsewhere.',
    "check.authentication.rejectedEnv.remedy":
      "Remove CAFE24_ACCESS_TOKEN and authorize once with `{command}`; every process then reads the token file.",
    "check.authentication.forbidden.cause": "Cafe24 refused {path} (403): the token lacks {scope}.",
    "check.authentication.forbidden.remedy":
      "Enable {scope} on the app in Cafe24 Developers and have the merchant authorize again (`cafe24-doctor token login`).",
    "check.authentication.rateLimited.cause":
      "Cafe24 answered 429: the mall's call bucket is full because other processes are calling fast.",
    "check.authentication.rateLimited.remedy":
      "Run the check again in a few seconds, and pace the job that fills the bucket (Cafe24Client paces for you).",
    "check.authentication.server.cause":
      "Cafe24 answered {status}: trouble on Cafe24's side, not a token problem.",
    "check.authentication.server.remedy":
      "Retry later (`cafe24-doctor check`); if it persists, look for a notice from Cafe24 Developers.",
    "check.authentication.network.cause":
      "The authentication call got no answer (network failure or timeout).",
    "check.authentication.network.remedy":
      "See the network check, and run the check again once the host answers.",
    "check.authentication.unexpected.cause": "The authentication call ended unexpectedly ({error}).",
    "check.authentication.unexpected.remedy": "Run `cafe24-doctor check --debug` for details.",
    "check.authentication.CLIENT_SECRET_REJECTED.cause":
      "Cafe24 rejects the app's client secret ({said}): CAFE24_CLIENT_SECRET is mistyped, or the secret was reissued in Developer Center and this deployment still has the old one. The access token may still work, but the next refresh and every login will fail.",
    "check.authentication.CLIENT_SECRET_REJECTED.remedy":
      "Copy the current client secret from Cafe24 Developer Center (Apps > Auth Info) into .env (CAFE24_CLIENT_SECRET, no spaces) and redeploy every process that uses this app's tokens.",
    "check.authentication.CLIENT_ID_REJECTED.cause":
      "Cafe24 does not know the app's client id ({said}): CAFE24_CLIENT_ID is mistyped or belongs to another app.",
    "check.authentication.CLIENT_ID_REJECTED.remedy":
      "Copy the client id and the current client secret from Cafe24 Developer Center (Apps > Auth Info) into .env and redeploy every process that uses this app's tokens.",
  },
  ko: {
    "check.authentication.summary.ok": "카페24가 토큰을 받아들임 (GET {path} → {status})",
    "check.authentication.summary.accepted":
      "카페24가 토큰을 받아들임 (GET {path} → {status}: 요청 형식 문제이며 토큰 문제는 아님)",
    "check.authentication.summary.expired": "카페24: access token 만료 (401)",
    "check.authentication.summary.rejected": "카페24가 access token을 거부함 (401 Invalid access_token)",
    "check.authentication.summary.forbidden": "GET {path} 권한 없음 (403)",
    "check.authentication.summary.rateLimited": "카페24 호출 제한에 걸림 (429)",
    "check.authentication.summary.server": "카페24 응답 {status}",
    "check.authentication.summary.network": "카페24에서 응답이 없음",
    "check.authentication.summary.unexpected": "예상치 못한 응답 (GET {path} → {status})",
    "check.authentication.summary.noApi": "건너뜀: 올바른 쇼핑몰 ID나 기본 URL이 없음",
    "check.authentication.summary.noToken": "건너뜀: access token이 없음",
    "check.authentication.summary.tokenUnusable": "건너뜀: 저장된 토큰을 사용할 수 없음 (토큰 저장소 참고)",
    "check.authentication.summary.unreachable": "건너뜀: API 호스트에 연결할 수 없음",
    "check.authentication.summary.credentialsRejected":
      "카페24가 앱의 client {which}을(를) 거부함 (토큰 엔드포인트 → {status})",
    "check.authentication.summary.versionRefused":
      "토큰 확인 못 함: 카페24가 API 버전 {version}을(를) 거부함 (API 버전 참고)",
    "check.authentication.summary.appDeleted": "카페24: 쇼핑몰 {mall}에서 앱이 삭제됨 (403)",
    "check.authentication.summary.appExpired": "카페24: 쇼핑몰 {mall}의 앱 사용 기간이 만료됨 (403)",
    "check.authentication.APP_DELETED.cause":
      '카페24 응답: "{said}". 쇼핑몰 운영자가 {mall}에서 앱을 삭제했습니다. 권한(scope) 문제도, 토큰 만료도 아닙니다. 모든 API 호출과 토큰 갱신이 거부되며 저장된 토큰은 더 이상 쓸 수 없습니다.',
    "check.authentication.APP_DELETED.remedy":
      "쇼핑몰 운영자에게 앱을 다시 설치해 달라고 요청하고(카페24 스토어 또는 앱 설치 링크), 그다음 `{command}`로 새 토큰을 저장하세요.",
    "check.authentication.APP_EXPIRED.cause":
      '카페24 응답: "{said}". 쇼핑몰 {mall}에서 앱 사용 기간이 끝났습니다. 권한(scope) 문제도, 토큰 만료도 아닙니다. 갱신될 때까지 모든 API 호출과 토큰 갱신이 거부됩니다.',
    "check.authentication.APP_EXPIRED.remedy":
      "쇼핑몰 운영자에게 카페24 스토어에서 앱 사용 기간을 연장해 달라고 요청하고, 그다음 `{command}`로 새 토큰을 저장하세요.",

    "check.authentication.expired.cause":
      '카페24가 401 "access_token time expired"로 응답했습니다. access token이 만료되었습니다.',
    "check.authentication.expired.remedy":
      "`{command}`를 실행하세요(refresh token이 살아 있으면 갱신, 아니면 다시 인증).",
    "check.authentication.rejected.cause":
      '토큰 파일로는 아직 유효한데 카페24가 access token을 거부합니다(401 "Invalid access_token"). 토큰이 폐기되었거나, 다른 프로세스가 갱신해서 새 토큰으로 바뀌었습니다.',
    "check.authentication.rejected.remedy":
      "`{command}`를 실행하세요. 폐기되었거나 교체된 access token은 refresh token도 함께 무효가 되므로 갱신으로는 해결되지 않습니다. 그다음 이 쇼핑몰의 토큰을 따로 갱신하는 프로세스나 사본(예전 자동 갱신기, 두 번째 인스턴스, 자기 파일을 가진 배포본)을 찾아 하나의 토큰 저장소를 함께 쓰게 하세요.",
    "check.authentication.rejectedStale.cause":
      '카페24가 더는 이 access token을 모릅니다(401 "Invalid access_token"). 이미 만료되었고, 폐기되었거나 교체되었을 수도 있습니다.',
    "check.authentication.rejectedStale.remedy":
      "`{command}`를 실행하세요. 갱신이 invalid_grant로 실패하면 `cafe24-doctor token login`을 실행하세요.",
    "check.authentication.rejectedEnv.cause":
      '카페24가 CAFE24_ACCESS_TOKEN의 토큰을 거부합니다(401 "Invalid access_token"). 다른 곳에서 토큰이 갱신되면서 이 사본은 무효가 되었습니다.',
    "check.authentication.rejectedEnv.remedy":
      "CAFE24_ACCESS_TOKEN을 지우고 `{command}`로 한 번 인증하세요. 그러면 모든 프로세스가 토큰 파일을 읽습니다.",
    "check.authentication.forbidden.cause":
      "카페24가 {path}를 거부했습니다(403). 토큰에 {scope} 권한이 없습니다.",
    "check.authentication.forbidden.remedy":
      "카페24 개발자센터에서 앱에 {scope} 권한을 켜고 쇼핑몰 운영자가 다시 인증하게 하세요(`cafe24-doctor token login`).",
    "check.authentication.rateLimited.cause":
      "카페24가 429로 응답했습니다. 다른 프로세스가 빠르게 호출해 쇼핑몰의 호출 버킷이 가득 찼습니다.",
    "check.authentication.rateLimited.remedy":
      "몇 초 뒤 다시 진단하고, 버킷을 채우는 작업의 호출 속도를 조절하세요(Cafe24Client가 알아서 조절합니다).",
    "check.authentication.server.cause":
      "카페24가 {status}로 응답했습니다. 토큰 문제가 아니라 카페24 쪽 문제입니다.",
    "check.authentication.server.remedy":
      "잠시 후 다시 시도하세요(`cafe24-doctor check`). 계속되면 카페24 개발자센터 공지를 확인하세요.",
    "check.authentication.network.cause": "인증 확인 호출에 응답이 없었습니다(네트워크 오류 또는 시간 초과).",
    "check.authentication.network.remedy": "네트워크 확인 결과를 보고, 호스트가 응답하면 다시 진단하세요.",
    "check.authentication.unexpected.cause": "인증 확인 호출이 예상치 못하게 끝났습니다 ({error}).",
    "check.authentication.unexpected.remedy": "`cafe24-doctor check --debug`로 자세한 내용을 확인하세요.",
    "check.authentication.CLIENT_SECRET_REJECTED.cause":
      "카페24가 앱의 client secret을 거부합니다({said}). CAFE24_CLIENT_SECRET에 오타가 있거나, 개발자센터에서 secret을 재발급했는데 이 배포본에는 예전 secret이 남아 있습니다. access token은 아직 동작할 수 있지만 다음 갱신과 모든 로그인이 실패합니다.",
    "check.authentication.CLIENT_SECRET_REJECTED.remedy":
      "카페24 개발자센터(앱 > 인증 정보)에서 현재 client secret을 복사해 .env의 CAFE24_CLIENT_SECRET에 공백 없이 넣고, 이 앱의 토큰을 쓰는 모든 프로세스를 다시 배포하세요.",
    "check.authentication.CLIENT_ID_REJECTED.cause":
      "카페24가 앱의 client id를 모릅니다({said}). CAFE24_CLIENT_ID에 오타가 있거나 다른 앱의 값입니다.",
    "check.authentication.CLIENT_ID_REJECTED.remedy":
      "카페24 개발자센터(앱 > 인증 정보)에서 client id와 현재 client secret을 복사해 .env에 넣고, 이 앱의 토큰을 쓰는 모든 프로세스를 다시 배포하세요.",
  },
});
