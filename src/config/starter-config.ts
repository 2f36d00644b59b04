import { randomUUID } from "node:crypto";
import { link, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import type { MessageKey } from "../i18n/en.js";
import { CONFIG_FILE_NAME, configFileSchema } from "./config-file-schema.js";
import { CONFIG_SCHEMA_REF } from "./config-json-schema.js";
import { pickEnvValues, readDotenv } from "./env-values.js";
import { formatConfigIssues } from "./format-config-issues.js";
import type { InitAnswers } from "./init-answers.js";

// JSON has no comments: "$comment" keys (which the schema allows in every object) carry the explanations,
// in English and Korean, since one file is often read by both.
const COMMENTS = [
  "cafe24-doctor settings. CAFE24_* environment variables and .env override the values here. / cafe24-doctor 설정 파일입니다. CAFE24_* 환경변수와 .env 값이 이 파일보다 우선합니다.",
  "No secrets here: put CAFE24_CLIENT_SECRET in .env and keep .env out of git. / 비밀값은 여기에 넣지 마세요. CAFE24_CLIENT_SECRET은 .env에 두고, .env는 git에 올리지 마세요.",
  "mallId, redirectUri, scopes, apiVersion: your app as registered in Cafe24 Developer Center; scopes must match the permissions enabled there. / mallId, redirectUri, scopes, apiVersion: 카페24 개발자센터에 등록한 앱 정보입니다. scopes는 개발자센터에서 켠 권한과 같아야 합니다.",
  "requiredScopes (optional): the scopes your app cannot work without; default: scopes. / requiredScopes(선택): 앱 동작에 꼭 필요한 권한입니다. 기본값은 scopes입니다.",
  'store: the token file cafe24-doctor reads and refreshes; keep it out of git. For several app instances use Redis: { "type": "redis" } with CAFE24_REDIS_URL in .env (then `cafe24-doctor token migrate --to redis`). / store: cafe24-doctor가 읽고 갱신하는 토큰 파일입니다. git에 올리지 마세요. 앱 인스턴스가 여럿이면 Redis를 쓰세요: { "type": "redis" }와 .env의 CAFE24_REDIS_URL (그다음 `cafe24-doctor token migrate --to redis`).',
  'services: deployed endpoints to probe — expected status and JSON body checks such as { "path": "token_status.valid", "equals": true }. / services: 배포된 서비스 점검 — 기대 상태 코드와 JSON 본문 검사(예: token_status.valid가 true인지).',
  'localServers: the same, for servers on this machine, e.g. "http://127.0.0.1:3000/health". / localServers: 이 컴퓨터에서 실행 중인 서버 점검입니다.',
  'modules: app files that must exist, e.g. { "path": "src/server.js", "import": true } (import also loads it to catch errors). / modules: 반드시 있어야 하는 앱 파일입니다. "import": true면 직접 불러와 오류까지 확인합니다.',
  'reportDir: where check writes its JSON report and log (default ./cafe24-doctor-reports; keep it out of git). lang (optional): "ko" or "en". / reportDir: check 보고서(JSON)와 로그를 저장할 폴더입니다(기본값 ./cafe24-doctor-reports, git에 올리지 마세요). lang(선택): "ko" 또는 "en".',
];

/** The starter cafe24-doctor.config.json for these answers. Never contains a secret: answers have none. */
export function starterConfig(answers: InitAnswers): string {
  const services = answers.serviceUrl
    ? [
        {
          name: serviceName(answers.serviceUrl),
          url: answers.serviceUrl,
          expectStatus: 200,
          expect: [],
          timeoutMs: 5000,
        },
      ]
    : [];
  const config = {
    $schema: CONFIG_SCHEMA_REF,
    $comment: COMMENTS,
    mallId: answers.mallId,
    redirectUri: answers.redirectUri,
    scopes: answers.scopes,
    apiVersion: answers.apiVersion,
    store: { type: "file", path: answers.tokenFile },
    services,
    localServers: [],
    modules: [],
    reportDir: answers.reportDir,
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** "myapp.example.com" for "https://myapp.example.com/health": a readable name for reports. */
function serviceName(url: string): string {
  return URL.canParse(url) ? new URL(url).host : "service";
}

export interface WriteStarterConfigOptions {
  cwd: string;
  answers: InitAnswers;
  /** Replace an existing config file. @default false */
  force?: boolean;
  /** Consulted only to tell whether CAFE24_CLIENT_ID/SECRET still need setting. @default process.env */
  env?: NodeJS.ProcessEnv;
}

export interface WriteStarterConfigResult {
  file: string;
  /** What the user should do next (message keys), e.g. put CAFE24_CLIENT_SECRET in .env. */
  notes: MessageKey[];
}

/**
 * Writes the starter config atomically: a temp file in the same folder, then a hard link (which fails if the
 * file appeared meanwhile, so nothing is ever overwritten without `force`) or, with `force`, a rename.
 */
export async function writeStarterConfig(
  options: WriteStarterConfigOptions,
): Promise<WriteStarterConfigResult> {
  const cwd = resolve(options.cwd);
  const file = join(cwd, CONFIG_FILE_NAME);
  const text = starterConfig(options.answers);
  const parsed = configFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new DoctorError(ERROR_CODES.configInvalid, `The answers would make ${file} invalid`, {
      details: formatConfigIssues(configFileSchema, parsed.error, JSON.parse(text)),
    });
  }
  const temp = join(dirname(file), `.${basename(file)}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    await writeFile(temp, text, { flag: "wx" });
    if (options.force) await rename(temp, file);
    else await link(temp, file);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "EEXIST") {
      throw new DoctorError(ERROR_CODES.configExists, `${file} already exists; left unchanged`, {
        cause,
        details: [file],
      });
    }
    throw new DoctorError(ERROR_CODES.configWriteFailed, `Cannot write ${file} (${code ?? "error"})`, {
      cause,
      details: [`${file}: ${code ?? "write failed"}`],
    });
  } finally {
    await rm(temp, { force: true });
  }

  const vars = pickEnvValues(options.env ?? process.env, await readDotenv(cwd));
  const notes: MessageKey[] = [];
  if (!vars.clientId) notes.push("config.init.clientIdMissing");
  if (!vars.clientSecret) notes.push("config.init.secretMissing");
  return { file, notes };
}
