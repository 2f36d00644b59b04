import { checkCatalogue } from "./check-catalogue.js";

/** Check 1 — configuration: its finding codes and messages. */
export const configurationCatalogue = checkCatalogue({
  codes: {
    /** → cafe24-doctor init */
    MALL_ID_MISSING: "critical",
    /** → cafe24-doctor init */
    MALL_ID_INVALID: "critical",
    /** → cafe24-doctor init */
    CLIENT_ID_MISSING: "high",
    /** → cafe24-doctor init */
    CLIENT_SECRET_MISSING: "high",
    /** The old toolkit's "Invalid client_secret". */
    CLIENT_SECRET_WHITESPACE: "medium",
    /** Plain http to a host that is not loopback. */
    BASE_URL_INSECURE: "critical",
    BASE_URL_INVALID: "critical",
    /** → cafe24-doctor init */
    REDIRECT_URI_MISSING: "medium",
    /** → cafe24-doctor init */
    REDIRECT_URI_INVALID: "medium",
    SCOPES_UNKNOWN: "medium",
    /** → cafe24-doctor init */
    SCOPES_EMPTY: "low",
    API_VERSION_INVALID: "medium",
    /** → unset CAFE24_ACCESS_TOKEN (when it comes from the environment) */
    LEGACY_ACCESS_TOKEN_SET: "medium",
  },
  en: {
    "check.configuration.summary.ok":
      "complete ({fromEnv} from the environment, {fromDotenv} from .env, {fromFile} from the config file)",
    "check.configuration.summary.missing": "missing: {names}",
    "check.configuration.summary.problems": "{count} setting(s) need attention",

    "check.configuration.mallIdMissing.cause":
      "CAFE24_MALL_ID is not set: without the mall id nothing can reach the mall's API.",
    "check.configuration.mallIdMissing.remedy":
      "Set CAFE24_MALL_ID to the id in your shop's address (myshop for myshop.cafe24.com), or run `cafe24-doctor init`.",
    "check.configuration.mallIdInvalid.cause":
      "CAFE24_MALL_ID is not a Cafe24 mall id (letters, digits and '-', at most 40).",
    "check.configuration.mallIdInvalid.remedy":
      "Set it to the id in your shop's address (myshop for myshop.cafe24.com); `cafe24-doctor init` asks for it.",
    "check.configuration.clientIdMissing.cause":
      "CAFE24_CLIENT_ID is not set: tokens can be neither refreshed nor issued without the app's client id.",
    "check.configuration.clientIdMissing.remedy":
      "Copy the client id from Cafe24 Developers (your app's development info) into CAFE24_CLIENT_ID, or run `cafe24-doctor init`.",
    "check.configuration.clientSecretMissing.cause":
      "CAFE24_CLIENT_SECRET is not set: tokens can be neither refreshed nor issued without the app's client secret.",
    "check.configuration.clientSecretMissing.remedy":
      "Copy the client secret from Cafe24 Developers into CAFE24_CLIENT_SECRET (environment or .env, never a committed file), or run `cafe24-doctor init`.",
    "check.configuration.clientSecretWhitespace.cause":
      'The client secret (from {source}) has spaces or a line break around it; Cafe24 answers such a secret with "Invalid client_secret".',
    "check.configuration.clientSecretWhitespace.remedy":
      "This run trimmed it; remove the whitespace where it is set ({source}) so every tool reads the same secret.",
    "check.configuration.baseUrlInsecure.cause":
      "CAFE24_BASE_URL uses plain http for a host other than this machine; Cafe24 is HTTPS only, so every call would be refused.",
    "check.configuration.baseUrlInsecure.remedy":
      "Use https, or unset CAFE24_BASE_URL to use Cafe24's own host; plain http is only for the local emulator.",
    "check.configuration.baseUrlInvalid.cause": "CAFE24_BASE_URL is not a usable URL template.",
    "check.configuration.baseUrlInvalid.remedy":
      "Unset it to use Cafe24's own host, or give an https URL with the mall id placeholder in the host name.",
    "check.configuration.redirectUriMissing.cause":
      "CAFE24_REDIRECT_URI is not set: authorizing the app (`cafe24-doctor token login`) needs the redirect URI registered for it.",
    "check.configuration.redirectUriMissing.remedy":
      "Copy the redirect URI exactly as registered in Cafe24 Developers into CAFE24_REDIRECT_URI, or run `cafe24-doctor init`.",
    "check.configuration.redirectUriInvalid.cause":
      "CAFE24_REDIRECT_URI is not an http(s) URL; Cafe24 refuses an authorization whose redirect URI differs from the registered one.",
    "check.configuration.redirectUriInvalid.remedy":
      "Copy the redirect URI exactly as registered in Cafe24 Developers (scheme, host, path, trailing slash), or run `cafe24-doctor init`.",
    "check.configuration.scopesEmpty.cause":
      "No scopes are configured (CAFE24_SCOPES): an authorization would ask for nothing, and missing permissions cannot be detected.",
    "check.configuration.scopesEmpty.remedy":
      "List the scopes your app uses, e.g. CAFE24_SCOPES=mall.read_product,mall.read_order, or run `cafe24-doctor init`.",
    "check.configuration.scopesUnknown.cause":
      "Unknown scope names: {scopes}. Cafe24 refuses such an authorization with invalid_scope.",
    "check.configuration.scopesUnknown.remedy":
      "Correct them to Cafe24's names (e.g. mall.read_product) in CAFE24_SCOPES or in the config file.",
    "check.configuration.apiVersionInvalid.cause":
      "CAFE24_API_VERSION is not a Cafe24 API version date (YYYY-MM-DD).",
    "check.configuration.apiVersionInvalid.remedy":
      "Set a version such as 2025-12-01, or unset it to use the version chosen for the app in Cafe24 Developers.",
    "check.configuration.legacyAccessToken.cause":
      "CAFE24_ACCESS_TOKEN is set ({source}): a copy of the access token that goes stale at the first refresh, after which every call made with it fails.",
    "check.configuration.legacyAccessToken.remedy":
      "Remove CAFE24_ACCESS_TOKEN from {source} and let every process read the token file, which cafe24-doctor keeps current.",
  },
  ko: {
    "check.configuration.summary.ok":
      "설정 완료 (환경 변수 {fromEnv}개, .env {fromDotenv}개, 설정 파일 {fromFile}개)",
    "check.configuration.summary.missing": "누락: {names}",
    "check.configuration.summary.problems": "확인이 필요한 설정 {count}개",

    "check.configuration.mallIdMissing.cause":
      "CAFE24_MALL_ID가 설정되지 않았습니다. 쇼핑몰 ID 없이는 쇼핑몰 API에 접근할 수 없습니다.",
    "check.configuration.mallIdMissing.remedy":
      "CAFE24_MALL_ID를 쇼핑몰 주소의 ID로 설정하거나(myshop.cafe24.com이면 myshop) `cafe24-doctor init`을 실행하세요.",
    "check.configuration.mallIdInvalid.cause":
      "CAFE24_MALL_ID가 카페24 쇼핑몰 ID 형식이 아닙니다 (영문, 숫자, '-', 최대 40자).",
    "check.configuration.mallIdInvalid.remedy":
      "쇼핑몰 주소의 ID로 고치세요(myshop.cafe24.com이면 myshop). `cafe24-doctor init`이 물어봅니다.",
    "check.configuration.clientIdMissing.cause":
      "CAFE24_CLIENT_ID가 설정되지 않았습니다. 앱의 client id 없이는 토큰을 갱신하거나 발급할 수 없습니다.",
    "check.configuration.clientIdMissing.remedy":
      "카페24 개발자센터의 앱 개발 정보에서 client id를 복사해 CAFE24_CLIENT_ID에 넣거나 `cafe24-doctor init`을 실행하세요.",
    "check.configuration.clientSecretMissing.cause":
      "CAFE24_CLIENT_SECRET이 설정되지 않았습니다. 앱의 client secret 없이는 토큰을 갱신하거나 발급할 수 없습니다.",
    "check.configuration.clientSecretMissing.remedy":
      "카페24 개발자센터에서 client secret을 복사해 CAFE24_CLIENT_SECRET에 넣거나(환경 변수나 .env, 커밋되는 파일은 안 됨) `cafe24-doctor init`을 실행하세요.",
    "check.configuration.clientSecretWhitespace.cause":
      'client secret({source})의 앞뒤에 공백이나 줄바꿈이 있습니다. 카페24는 이런 secret에 "Invalid client_secret"으로 응답합니다.',
    "check.configuration.clientSecretWhitespace.remedy":
      "이번 실행에서는 공백을 잘라 냈습니다. 모든 도구가 같은 secret을 읽도록 설정한 곳({source})에서 공백을 지우세요.",
    "check.configuration.baseUrlInsecure.cause":
      "CAFE24_BASE_URL이 이 컴퓨터가 아닌 호스트에 평문 http를 씁니다. 카페24는 HTTPS만 받으므로 모든 호출이 거부됩니다.",
    "check.configuration.baseUrlInsecure.remedy":
      "https를 쓰거나 CAFE24_BASE_URL을 지워 카페24 기본 호스트를 쓰세요. 평문 http는 로컬 에뮬레이터 전용입니다.",
    "check.configuration.baseUrlInvalid.cause": "CAFE24_BASE_URL이 올바른 URL 템플릿이 아닙니다.",
    "check.configuration.baseUrlInvalid.remedy":
      "지워서 카페24 기본 호스트를 쓰거나, 호스트 이름에 쇼핑몰 ID 자리표시자가 들어간 https URL을 지정하세요.",
    "check.configuration.redirectUriMissing.cause":
      "CAFE24_REDIRECT_URI가 설정되지 않았습니다. 앱 인증(`cafe24-doctor token login`)에는 앱에 등록된 Redirect URI가 필요합니다.",
    "check.configuration.redirectUriMissing.remedy":
      "카페24 개발자센터에 등록된 Redirect URI를 그대로 복사해 CAFE24_REDIRECT_URI에 넣거나 `cafe24-doctor init`을 실행하세요.",
    "check.configuration.redirectUriInvalid.cause":
      "CAFE24_REDIRECT_URI가 http(s) URL이 아닙니다. 등록된 값과 다르면 카페24가 인증을 거부합니다.",
    "check.configuration.redirectUriInvalid.remedy":
      "카페24 개발자센터에 등록된 Redirect URI를 스킴, 호스트, 경로, 끝의 슬래시까지 그대로 복사하거나 `cafe24-doctor init`을 실행하세요.",
    "check.configuration.scopesEmpty.cause":
      "설정된 권한(CAFE24_SCOPES)이 없습니다. 인증할 때 아무 권한도 요청하지 않고, 빠진 권한도 찾아낼 수 없습니다.",
    "check.configuration.scopesEmpty.remedy":
      "앱이 쓰는 권한을 나열하세요. 예: CAFE24_SCOPES=mall.read_product,mall.read_order. 또는 `cafe24-doctor init`을 실행하세요.",
    "check.configuration.scopesUnknown.cause":
      "알 수 없는 권한 이름: {scopes}. 카페24는 이런 인증을 invalid_scope로 거부합니다.",
    "check.configuration.scopesUnknown.remedy":
      "CAFE24_SCOPES나 설정 파일에서 카페24 권한 이름(예: mall.read_product)으로 고치세요.",
    "check.configuration.apiVersionInvalid.cause":
      "CAFE24_API_VERSION이 카페24 API 버전 날짜 형식(YYYY-MM-DD)이 아닙니다.",
    "check.configuration.apiVersionInvalid.remedy":
      "2025-12-01 같은 버전을 지정하거나, 지워서 카페24 개발자센터에서 앱에 지정한 버전을 쓰세요.",
    "check.configuration.legacyAccessToken.cause":
      "CAFE24_ACCESS_TOKEN이 설정되어 있습니다({source}). 이 access token 사본은 처음 갱신될 때 무효가 되고, 그 뒤로 이것을 쓰는 호출은 모두 실패합니다.",
    "check.configuration.legacyAccessToken.remedy":
      "{source}에서 CAFE24_ACCESS_TOKEN을 지우고, 모든 프로세스가 cafe24-doctor가 최신으로 유지하는 토큰 파일을 읽게 하세요.",
  },
});
