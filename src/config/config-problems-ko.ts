/**
 * Korean for the configuration's problem lines (`key: message`, from formatConfigIssues and the CAFE24_*
 * checks). The schemas word their messages in English, where they are defined; this turns the known shapes
 * into Korean at the edge, keeping key names, examples and values exactly as they were. A message of an unknown
 * shape stays English rather than being guessed at.
 */
export function configProblemInKorean(line: string): string {
  const split = line.indexOf(": ");
  if (split < 0) return line;
  const key = line.slice(0, split).replace(" (in .env)", " (.env)").replace("(top level)", "(최상위)");
  return `${key}: ${messageInKorean(line.slice(split + 2))}`;
}

/** What a value should be (the argument of `expected()` in the schemas), in Korean. */
const WHAT: Record<string, string> = {
  "text or a list of lines": "텍스트 또는 줄 목록",
  "the expected value: text, a number, true, false or null": "기대값(텍스트, 숫자, true, false, null)",
  "an HTTP status code, e.g. 200": "HTTP 상태 코드(예: 200)",
  "milliseconds, e.g. 5000": "밀리초(예: 5000)",
  "your app's client id as text": "앱의 클라이언트 ID(텍스트)",
  "the path or URL of the JSON Schema": "JSON Schema의 경로나 URL",
};

/** Fixed messages, whole. */
const FIXED: Record<string, string> = {
  "must not be empty": "비어 있으면 안 됩니다",
  "must be an HTTP status code, e.g. 200": "HTTP 상태 코드여야 합니다(예: 200)",
  "must be an HTTP status code (100–599), e.g. 200": "HTTP 상태 코드(100–599)여야 합니다(예: 200)",
  "must be whole milliseconds, e.g. 5000": "정수 밀리초여야 합니다(예: 5000)",
  "must be at least 100 ms — e.g. 5000": "100 ms 이상이어야 합니다(예: 5000)",
  "must be at most 60000 ms (the whole diagnosis has a deadline) — e.g. 5000":
    "60000 ms 이하여야 합니다(진단 전체에 제한 시간이 있습니다). 예: 5000",
  'must be "file" or "redis"': '"file" 또는 "redis"여야 합니다',
  'must be "ko" or "en"': '"ko" 또는 "en"이어야 합니다',
  'must be a JSON object, e.g. { "mallId": "myshop" }': 'JSON 객체여야 합니다(예: { "mallId": "myshop" })',
  'must be a scope name, e.g. "mall.read_product"': '권한 이름이어야 합니다(예: "mall.read_product")',
  'must be a Cafe24 mall id (letters, digits, "-") — e.g. "myshop" for myshop.cafe24.com':
    '카페24 쇼핑몰 ID(영문, 숫자, "-")여야 합니다. 예: myshop.cafe24.com이면 "myshop"',
  'must be a Cafe24 API version date (YYYY-MM-DD) — e.g. "2025-06-01"':
    '카페24 API 버전 날짜(YYYY-MM-DD)여야 합니다. 예: "2025-06-01"',
  'must be a day (YYYY-MM-DD) — e.g. "2026-12-01"': '날짜(YYYY-MM-DD)여야 합니다. 예: "2026-12-01"',
  "must be after releasedAt (the first day it is no longer served)":
    "releasedAt보다 뒤여야 합니다(더 이상 제공되지 않는 첫날)",
  'must be an object, e.g. { "version": "2026-12-01", "releasedAt": "2026-12-01" }':
    '객체여야 합니다(예: { "version": "2026-12-01", "releasedAt": "2026-12-01" })',
  "holds a password, and secrets do not belong in this file — move the whole URL to .env as CAFE24_REDIS_URL (and change the Redis password if this file was ever committed)":
    "비밀번호가 들어 있습니다. 비밀값은 이 파일에 두면 안 됩니다. URL 전체를 .env의 CAFE24_REDIS_URL로 옮기세요(이 파일이 커밋된 적이 있다면 Redis 비밀번호도 바꾸세요).",
  'needs "type": "file" (a token file) or "type": "redis" (with CAFE24_REDIS_URL in .env)':
    '"type": "file"(토큰 파일) 또는 "type": "redis"(.env에 CAFE24_REDIS_URL)가 필요합니다',
  'must be "file" — for Redis write "store": { "type": "redis" } instead of "tokenStore"':
    '"file"이어야 합니다. Redis라면 "tokenStore" 대신 "store": { "type": "redis" }로 쓰세요',
  "secrets do not belong in this file — move it to CAFE24_CLIENT_SECRET in .env (and reissue the secret in Developer Center if this file was ever committed)":
    "비밀값은 이 파일에 두면 안 됩니다. .env의 CAFE24_CLIENT_SECRET으로 옮기세요(이 파일이 커밋된 적이 있다면 개발자센터에서 시크릿을 재발급하세요).",
  "tokens do not belong in this file — cafe24-doctor keeps them in the token store (store); remove it":
    "토큰은 이 파일에 두면 안 됩니다. cafe24-doctor는 토큰을 토큰 저장소(store)에 보관합니다. 지우세요.",
};

/** Shapes with a variable part, tried in order; `$1`… keep what the English said (names, examples). */
const SHAPES: readonly [RegExp, (m: RegExpMatchArray) => string][] = [
  [
    /^unknown variable — did you mean (\S+)\?$/,
    (m) => `알 수 없는 변수입니다. ${m[1]}을(를) 쓰려던 것인가요?`,
  ],
  [
    /^unknown setting — did you mean "(.+)"\?$/,
    (m) => `알 수 없는 설정입니다. "${m[1]}"을(를) 쓰려던 것인가요?`,
  ],
  [
    /^unknown setting — remove it \(allowed here: (.*)\)$/,
    (m) => `알 수 없는 설정입니다. 지우세요(여기서 쓸 수 있는 키: ${m[1]})`,
  ],
  [
    /^secrets do not belong in this file — move it to \.env as CAFE24_REDIS_URL, (.*)$/,
    () =>
      '비밀값은 이 파일에 두면 안 됩니다. .env의 CAFE24_REDIS_URL로 옮기세요(비밀번호를 포함한 URL 전체, 예: "redis://:password@127.0.0.1:6379/0"). 이 파일이 커밋된 적이 있다면 Redis 비밀번호도 바꾸세요.',
  ],
  [
    /^"(.+)" is not a Cafe24 scope — did you mean "(.+)"\?$/,
    (m) => `"${m[1]}"은(는) 카페24 권한이 아닙니다. "${m[2]}"을(를) 쓰려던 것인가요?`,
  ],
  [
    /^"(.+)" is not a Cafe24 scope — use names like "(.+)"$/,
    (m) => `"${m[1]}"은(는) 카페24 권한이 아닙니다. "${m[2]}" 같은 이름을 쓰세요`,
  ],
  [/^must not be empty — e\.g\. (.+)$/, (m) => `비어 있으면 안 됩니다. 예: ${m[1]}`],
  [/^is required — (.+)$/, (m) => `필수 항목입니다. 필요한 값: ${what(m[1] ?? "")}`],
  [/^must be (.+)$/, (m) => `형식이 맞지 않습니다. 필요한 값: ${what(m[1] ?? "")}`],
  [
    /^plain http is allowed only for a loopback host \(the local emulator\) — use https, e\.g\. (.+)$/,
    (m) => `일반 http는 루프백 호스트(로컬 에뮬레이터)에서만 쓸 수 있습니다. https를 쓰세요. 예: ${m[1]}`,
  ],
];

function messageInKorean(message: string): string {
  const fixed = FIXED[message];
  if (fixed) return fixed;
  for (const [shape, say] of SHAPES) {
    const match = message.match(shape);
    if (match) return say(match);
  }
  return message;
}

/** `a folder, e.g. "./reports"` → `폴더. 예: "./reports"`: the article and "e.g." in Korean, examples kept. */
function what(text: string): string {
  const known = WHAT[text];
  if (known) return known;
  const [head = text, example] = text.split(/,? (?:— )?e\.g\. /, 2);
  const noun = NOUNS[head.replace(/^(an?|the|your) /, "")] ?? head;
  return example === undefined ? noun : `${noun}. 예: ${example}`;
}

/** The nouns the schemas use before "e.g.". */
const NOUNS: Record<string, string> = {
  "dotted path into the JSON body": "JSON 본문 안의 점 경로",
  "short name for reports": "보고서에 쓸 짧은 이름",
  "list of body checks": "본문 검사 목록",
  "file path relative to this file": "이 파일 기준 상대 경로",
  "token file path": "토큰 파일 경로",
  "list of services": "서비스 목록",
  "list of servers": "서버 목록",
  "list of files": "파일 목록",
  folder: "폴더",
  "mall id as text": "쇼핑몰 ID(텍스트)",
  "list of scopes": "권한 목록",
  "Cafe24 API version date": "카페24 API 버전 날짜",
  "day in KST as YYYY-MM-DD": "KST 기준 날짜(YYYY-MM-DD)",
  "list of versions": "버전 목록",
  "URL template": "URL 템플릿",
  "Redis URL": "Redis URL",
  "key prefix": "키 접두사",
  "http(s) URL": "http(s) URL",
  "https URL template with {mall_id}": "{mall_id}가 들어간 https URL 템플릿",
  "redis:// or rediss:// URL with a host": "호스트가 있는 redis:// 또는 rediss:// URL",
  "key prefix without spaces, braces or glob characters": "공백, 중괄호, glob 문자가 없는 키 접두사",
  object: "객체",
};
