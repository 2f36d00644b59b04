import { z } from "zod";
import { DEFAULT_REDIS_PREFIX } from "../redis/redis-connection.js";
import {
  apiVersionSchema,
  baseUrlSchema,
  expected,
  httpUrlSchema,
  mallIdSchema,
  redisPrefixSchema,
  redisUrlInFileSchema,
  scopeListSchema,
} from "./config-fields.js";

export const CONFIG_FILE_NAME = "cafe24-doctor.config.json";

/** Where `check` writes its reports and log unless told otherwise: one folder, one ignore line, not the project root. */
export const DEFAULT_REPORT_DIR = "./cafe24-doctor-reports";

// JSON has no comments, so any object may carry "$comment" (text or a list of lines) for people to read.
const comment = z
  .union([z.string(), z.array(z.string())], expected("text or a list of lines"))
  .optional()
  .describe("Notes for people; cafe24-doctor ignores them. / 설명용 메모 (무시됨)");

const bodyAssertionSchema = z.strictObject({
  $comment: comment,
  path: z
    .string(expected('a dotted path into the JSON body, e.g. "token_status.valid"'))
    .min(1, { error: 'must not be empty — e.g. "token_status.valid"' }),
  equals: z.union(
    [z.string(), z.number(), z.boolean(), z.null()],
    expected("the expected value: text, a number, true, false or null"),
  ),
});

const serviceSchema = z.strictObject({
  $comment: comment,
  name: z
    .string(expected('a short name for reports, e.g. "api"'))
    .min(1, { error: 'must not be empty — e.g. "api"' }),
  url: httpUrlSchema("https://myapp.example.com/health"),
  expectStatus: z
    .number(expected("an HTTP status code, e.g. 200"))
    .int({ error: "must be an HTTP status code, e.g. 200" })
    .min(100, { error: "must be an HTTP status code (100–599), e.g. 200" })
    .max(599, { error: "must be an HTTP status code (100–599), e.g. 200" })
    .default(200),
  expect: z
    .array(
      bodyAssertionSchema,
      expected('a list of body checks, e.g. [{ "path": "token_status.valid", "equals": true }]'),
    )
    .default([])
    .describe("JSON body assertions: the value at `path` must equal `equals`. / 응답 본문 검사"),
  timeoutMs: z
    .number(expected("milliseconds, e.g. 5000"))
    .int({ error: "must be whole milliseconds, e.g. 5000" })
    .min(100, { error: "must be at least 100 ms — e.g. 5000" })
    .max(60_000, { error: "must be at most 60000 ms (the whole diagnosis has a deadline) — e.g. 5000" })
    .default(5000),
});

const SERVICES_EXAMPLE = '[{ "name": "api", "url": "https://myapp.example.com/health" }]';

const moduleSchema = z.strictObject({
  $comment: comment,
  path: z
    .string(expected('a file path relative to this file, e.g. "src/server.js"'))
    .min(1, { error: 'must not be empty — e.g. "src/server.js"' }),
  import: z
    .boolean(expected("true to try importing it (JS only), or false"))
    .default(false)
    .describe("Also import() it (JS/MJS/CJS) to catch load errors. / import()로 로드 오류까지 확인"),
});

const followSymlinksSchema = z
  .boolean(expected("true to follow a symbolic link at the path (only one you made), or false"))
  .default(false)
  .describe(
    "Read and write through a symbolic link at the token path; off, a link there is refused. / 토큰 경로의 심볼릭 링크를 따라 읽고 씀 (끄면 링크를 거부)",
  );

const fileStoreSchema = z.strictObject({
  $comment: comment,
  type: z.literal("file", { error: 'must be "file" or "redis"' }),
  path: z
    .string(expected('the token file path, e.g. "./oauth_token.json" or "./tokens/{mall_id}.json"'))
    .min(1, { error: 'must not be empty — e.g. "./oauth_token.json"' })
    .optional()
    .describe(
      "Token file; {mall_id} in the file name gives one file per mall (CAFE24_TOKEN_FILE). Default ./oauth_token.json. / 토큰 파일 경로",
    ),
  followSymlinks: followSymlinksSchema,
});

const redisStoreSchema = z.strictObject({
  $comment: comment,
  type: z.literal("redis", { error: 'must be "file" or "redis"' }),
  url: redisUrlInFileSchema
    .optional()
    .describe(
      "redis://host:6379/0 or rediss://… without a password (CAFE24_REDIS_URL, which wins and may hold the password). / Redis 주소 (비밀번호는 .env의 CAFE24_REDIS_URL에)",
    ),
  prefix: redisPrefixSchema
    .default(DEFAULT_REDIS_PREFIX)
    .describe("Prefix of every key cafe24-doctor keeps in Redis. / Redis 키 접두사"),
});

/** `store`: the token file (the default) or Redis, shared by every instance of the app. */
const storeSchema = z.discriminatedUnion("type", [fileStoreSchema, redisStoreSchema], {
  error: (issue) =>
    // zod types this as a union issue only, but a non-object arrives here as invalid_type.
    String(issue.code) === "invalid_type"
      ? 'must be an object, e.g. { "type": "file", "path": "./oauth_token.json" } or { "type": "redis" }'
      : 'needs "type": "file" (a token file) or "type": "redis" (with CAFE24_REDIS_URL in .env)',
});

const kstDaySchema = z
  .string(expected('a day in KST as YYYY-MM-DD, e.g. "2026-12-01"'))
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)), {
    error: 'must be a day (YYYY-MM-DD) — e.g. "2026-12-01"',
  });

/** One entry of Cafe24's API version calendar: adds a version the built-in calendar lacks, or corrects one. */
const apiVersionDatesSchema = z
  .strictObject(
    {
      $comment: comment,
      version: apiVersionSchema,
      releasedAt: kstDaySchema.describe("The day Cafe24 released it (KST). / 출시일 (KST)"),
      endOfSupport: kstDaySchema
        .optional()
        .describe(
          "The first day Cafe24 no longer serves it (KST); default: one year after the next version's release. / 지원 종료일 (KST)",
        ),
    },
    { error: 'must be an object, e.g. { "version": "2026-12-01", "releasedAt": "2026-12-01" }' },
  )
  .refine((v) => v.endOfSupport === undefined || v.endOfSupport > v.releasedAt, {
    error: "must be after releasedAt (the first day it is no longer served)",
    path: ["endOfSupport"],
  });

/** The old name of `store` (a token file only), still read so existing files keep working. */
const legacyTokenStoreSchema = z.strictObject({
  $comment: comment,
  type: z.literal("file", {
    error: 'must be "file" — for Redis write "store": { "type": "redis" } instead of "tokenStore"',
  }),
  path: z
    .string(expected('the token file path, e.g. "./oauth_token.json"'))
    .min(1, { error: 'must not be empty — e.g. "./oauth_token.json"' }),
  followSymlinks: followSymlinksSchema,
});

/**
 * cafe24-doctor.config.json. Strict everywhere: an unknown key is an error, so a typo cannot silently turn a
 * check off. No secrets: the client secret belongs in the environment or .env.
 */
export const configFileSchema = z
  .strictObject(
    {
      $schema: z.string(expected("the path or URL of the JSON Schema")).optional(),
      $comment: comment,
      mallId: mallIdSchema.optional().describe("Mall id (CAFE24_MALL_ID). / 쇼핑몰 ID"),
      clientId: z
        .string(expected("your app's client id as text"))
        .min(1, { error: "must not be empty" })
        .optional()
        .describe("App client id (CAFE24_CLIENT_ID); the secret goes in .env. / 앱 클라이언트 ID"),
      redirectUri: httpUrlSchema("https://myapp.example.com/oauth/callback")
        .optional()
        .describe("Redirect URI registered in Developer Center (CAFE24_REDIRECT_URI). / 리디렉션 URI"),
      scopes: scopeListSchema.optional().describe("Scopes the app requests (CAFE24_SCOPES). / 요청 권한"),
      requiredScopes: scopeListSchema
        .optional()
        .describe("Scopes the app needs to work; default: scopes. / 앱에 꼭 필요한 권한"),
      apiVersion: apiVersionSchema
        .optional()
        .describe("X-Cafe24-Api-Version (CAFE24_API_VERSION). / API 버전"),
      apiVersions: z
        .array(
          apiVersionDatesSchema,
          expected('a list of versions, e.g. [{ "version": "2026-12-01", "releasedAt": "2026-12-01" }]'),
        )
        .optional()
        .describe(
          "Cafe24's API version calendar beyond the built-in one: new versions, corrected dates. / API 버전 일정 (내장 일정에 추가·수정)",
        ),
      baseUrl: baseUrlSchema
        .optional()
        .describe("API base URL template with {mall_id} (CAFE24_BASE_URL). / API 주소 템플릿"),
      store: storeSchema
        .optional()
        .describe(
          "Where tokens are stored: a file (CAFE24_TOKEN_FILE) or Redis (CAFE24_REDIS_URL). / 토큰 저장소: 파일 또는 Redis",
        ),
      tokenStore: legacyTokenStoreSchema
        .optional()
        .describe("The old name of store (a token file only); still read. Use store. / store의 예전 이름"),
      services: z
        .array(serviceSchema, expected(`a list of services, e.g. ${SERVICES_EXAMPLE}`))
        .default([])
        .describe("Deployed endpoints to probe. / 배포된 서비스 점검"),
      localServers: z
        .array(
          serviceSchema,
          expected('a list of servers, e.g. [{ "name": "dev", "url": "http://127.0.0.1:3000/health" }]'),
        )
        .default([])
        .describe("Local servers to probe. / 로컬 서버 점검"),
      modules: z
        .array(moduleSchema, expected('a list of files, e.g. [{ "path": "src/server.js" }]'))
        .default([])
        .describe("App files that must exist (and optionally import). / 필수 앱 모듈"),
      reportDir: z
        .string(expected('a folder, e.g. "./reports"'))
        .min(1, { error: 'must not be empty — e.g. "./cafe24-doctor-reports"' })
        .default(DEFAULT_REPORT_DIR)
        .describe("Where reports and the log are written. / 보고서 폴더"),
      lang: z
        .enum(["ko", "en"], { error: 'must be "ko" or "en"' })
        .optional()
        .describe("Message language; default: --lang or the locale. / 메시지 언어"),
    },
    { error: 'must be a JSON object, e.g. { "mallId": "myshop" }' },
  )
  .describe("cafe24-doctor settings; secrets go in .env, never here. / cafe24-doctor 설정 (비밀값은 .env에)");

export type ConfigFileInput = z.input<typeof configFileSchema>;
export type ConfigFile = z.output<typeof configFileSchema>;
