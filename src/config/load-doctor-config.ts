import { dirname, resolve } from "node:path";
import type { z } from "zod";
import { splitScopes } from "../cafe24/scopes.js";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import { DEFAULT_REDIS_PREFIX } from "../redis/redis-connection.js";
import { DEFAULT_TOKEN_FILE } from "../store/file-token-store.js";
import { closestMatch } from "./closest-match.js";
import {
  apiVersionSchema,
  baseUrlSchema,
  httpUrlSchema,
  isInsecureLoopback,
  mallIdSchema,
  redisUrlSchema,
  scopeListSchema,
} from "./config-fields.js";
import {
  CONFIG_FILE_NAME,
  type ConfigFile,
  configFileSchema,
  DEFAULT_REPORT_DIR,
} from "./config-file-schema.js";
import type { ConfigSource, DoctorConfig, ServiceProbe } from "./doctor-config.js";
import {
  ENV_NAMES,
  type EnvKey,
  type EnvValue,
  findProjectDir,
  misspeltEnvNames,
  pickEnvValues,
  readDotenv,
} from "./env-values.js";
import { formatConfigIssues } from "./format-config-issues.js";
import { readConfigFile } from "./read-config-file.js";

export { CONFIG_FILE_NAME, configFileSchema };

export interface LoadDoctorConfigOptions {
  /** Where `.env` and `cafe24-doctor.config.json` are looked for; relative environment paths resolve here. */
  cwd: string;
  /** @default process.env */
  env?: NodeJS.ProcessEnv;
  /** A config file other than `<cwd>/cafe24-doctor.config.json`; it must exist. */
  configPath?: string;
}

/** Environment values that have a format, checked with the same rules as the file's keys. */
const ENV_SCHEMAS: Partial<Record<EnvKey, z.ZodType>> = {
  mallId: mallIdSchema,
  redirectUri: httpUrlSchema("https://myapp.example.com/oauth/callback"),
  apiVersion: apiVersionSchema,
  baseUrl: baseUrlSchema,
  redisUrl: redisUrlSchema,
};

/**
 * The doctor's configuration from the environment, `.env` and the config file (env > .env > file > default).
 * Every problem in any of them is reported at once: CONFIG_INVALID with one detail line per problem.
 */
export async function loadDoctorConfig(options: LoadDoctorConfigOptions): Promise<DoctorConfig> {
  const userCwd = resolve(options.cwd);
  // Run from a subfolder, the project's .env and config file are found up to the project root.
  const project = await findProjectDir(userCwd, CONFIG_FILE_NAME);
  const cwd = project.dir;
  const dotenv = await readDotenv(cwd);
  const env = options.env ?? process.env;
  const vars = pickEnvValues(env, dotenv);
  const configFile = options.configPath
    ? resolve(userCwd, options.configPath)
    : resolve(cwd, CONFIG_FILE_NAME);
  const json = await readConfigFile(configFile, options.configPath === undefined);

  let file: Partial<ConfigFile> = {};
  let fileProblems: string[] = [];
  if (json !== undefined) {
    const parsed = configFileSchema.safeParse(json);
    if (parsed.success) file = parsed.data;
    else fileProblems = formatConfigIssues(configFileSchema, parsed.error, json);
  }
  const store = storeOf(file);
  if (file.store && file.tokenStore) {
    fileProblems.push(
      'tokenStore: is the old name of "store" — keep only "store" (move "path" and "followSymlinks" into it)',
    );
  }
  if (store?.type === "redis" && !store.url && !vars.redisUrl) {
    fileProblems.push(
      'store.url: is required for the Redis store — set CAFE24_REDIS_URL in .env (e.g. "redis://:password@127.0.0.1:6379/0"), or write a URL without a password here',
    );
  }
  const envScopes = vars.scopes ? splitScopes(vars.scopes.value) : undefined;
  const varProblems = [
    ...envProblems(vars, envScopes),
    ...misspeltEnvNames(env, dotenv, vars, closestMatch).map(
      ({ name, meant, source }) =>
        `${name}${source === "dotenv" ? " (in .env)" : ""}: unknown variable — did you mean ${meant}?`,
    ),
  ];
  const problems = [...fileProblems, ...varProblems];
  if (problems.length > 0) {
    const where = [
      fileProblems.length > 0 && configFile,
      varProblems.length > 0 && "the environment (CAFE24_*, .env)",
    ];
    throw new DoctorError(
      ERROR_CODES.configInvalid,
      `Invalid configuration (${problems.length} problem${problems.length === 1 ? "" : "s"}) in ${where.filter(Boolean).join(" and ")}`,
      { details: problems },
    );
  }

  const sources: Record<string, ConfigSource> = {};
  /** The winning value of a key, recording where it came from. */
  const pick = <T>(key: string, fromEnv: T | undefined, fromFile: T | undefined): T | undefined => {
    const source =
      fromEnv !== undefined ? vars[key as EnvKey]?.source : fromFile !== undefined ? "file" : undefined;
    if (source) sources[key] = source;
    return fromEnv ?? fromFile;
  };
  /** Keys with a schema default count as coming from the file only when written there. */
  const written = <T>(key: keyof ConfigFile, value: T): T | undefined =>
    isRecord(json) && key in json ? value : undefined;
  const withDefault = <T>(key: string, value: T | undefined, fallback: T): T => {
    if (value !== undefined) return value;
    sources[key] = "default";
    return fallback;
  };
  const fileDir = dirname(configFile);
  const fromFileDir = (path: string | undefined) => (path === undefined ? undefined : resolve(fileDir, path));
  // A relative path in .env is the project's; one exported in the shell is where the command was run.
  const fromCwd = (value: EnvValue | undefined) =>
    value === undefined ? undefined : resolve(value.source === "dotenv" ? cwd : userCwd, value.value);

  const scopes = pick("scopes", envScopes, file.scopes) ?? [];
  const baseUrl = pick("baseUrl", vars.baseUrl?.value, file.baseUrl);
  const tokenFile = pick(
    "tokenFile",
    fromCwd(vars.tokenFile),
    fromFileDir(store?.type === "file" ? store.path : undefined),
  );
  const redisUrl = pick("redisUrl", vars.redisUrl?.value, store?.type === "redis" ? store.url : undefined);
  // Which store: said by CAFE24_REDIS_URL or the file's store (unrecorded when neither says, i.e. the file).
  if (vars.redisUrl) sources.store = vars.redisUrl.source;
  else if (store) sources.store = "file";
  const reportDir = pick("reportDir", undefined, fromFileDir(written("reportDir", file.reportDir)));
  const modules = pick("modules", undefined, written("modules", file.modules)) ?? [];

  return {
    cwd,
    mallId: pick("mallId", vars.mallId?.value, file.mallId),
    clientId: pick("clientId", vars.clientId?.value, file.clientId),
    clientSecret: pick("clientSecret", vars.clientSecret?.value, undefined),
    secretHadWhitespace: vars.clientSecret?.hadWhitespace ?? false,
    redirectUri: pick("redirectUri", vars.redirectUri?.value, file.redirectUri),
    scopes,
    requiredScopes: withDefault(
      "requiredScopes",
      pick("requiredScopes", undefined, file.requiredScopes),
      scopes,
    ),
    apiVersion: pick("apiVersion", vars.apiVersion?.value, file.apiVersion),
    apiVersions: pick(
      "apiVersions",
      undefined,
      file.apiVersions?.map(({ version, releasedAt, endOfSupport }) => ({
        version,
        releasedAt,
        endOfSupport,
      })),
    ),
    baseUrl,
    allowInsecureLoopback: baseUrl !== undefined && isInsecureLoopback(baseUrl),
    tokenFile: withDefault("tokenFile", tokenFile, resolve(cwd, DEFAULT_TOKEN_FILE)),
    tokenFollowSymlinks: store?.type === "file" ? store.followSymlinks : false,
    // CAFE24_REDIS_URL selects Redis whatever the file says: the environment wins, as for every key.
    redis:
      redisUrl === undefined
        ? undefined
        : { url: redisUrl, prefix: store?.type === "redis" ? store.prefix : DEFAULT_REDIS_PREFIX },
    legacyAccessToken: pick("legacyAccessToken", vars.legacyAccessToken?.value, undefined),
    services: pick("services", undefined, written("services", file.services)?.map(toProbe)) ?? [],
    localServers:
      pick("localServers", undefined, written("localServers", file.localServers)?.map(toProbe)) ?? [],
    modules: modules.map((m) => ({ path: resolve(fileDir, m.path), import: m.import })),
    reportDir: withDefault("reportDir", reportDir, resolve(cwd, DEFAULT_REPORT_DIR)),
    lang: pick("lang", undefined, file.lang),
    sources,
    configFile: json === undefined ? undefined : configFile,
    dotenvFile: dotenv.file,
    searched: project.searched,
  };
}

/** One line per bad CAFE24_* value, naming the variable and where it was set. */
function envProblems(vars: Partial<Record<EnvKey, EnvValue>>, envScopes: string[] | undefined): string[] {
  const lines: string[] = [];
  const check = (key: EnvKey, schema: z.ZodType, value: unknown) => {
    const result = schema.safeParse(value);
    if (result.success) return;
    const name = `${ENV_NAMES[key]}${vars[key]?.source === "dotenv" ? " (in .env)" : ""}`;
    for (const issue of result.error.issues) lines.push(`${name}: ${issue.message}`);
  };
  for (const [key, schema] of Object.entries(ENV_SCHEMAS) as [EnvKey, z.ZodType][]) {
    const value = vars[key];
    if (value) check(key, schema, value.value);
  }
  if (envScopes) check("scopes", scopeListSchema, envScopes);
  return lines;
}

/** `store`, or the old `tokenStore` (a token file) it replaces. */
function storeOf(file: Partial<ConfigFile>): ConfigFile["store"] {
  return file.store ?? file.tokenStore;
}

function toProbe(service: ConfigFile["services"][number]): ServiceProbe {
  return {
    name: service.name,
    url: service.url,
    expectStatus: service.expectStatus,
    assertions: service.expect.map(({ path, equals }) => ({ path, equals })),
    timeoutMs: service.timeoutMs,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
