import type { ApiVersionDates } from "../cafe24/api-version-calendar.js";
import type { Lang } from "../i18n/translate.js";

/** A JSON-body assertion on a probed service: the value at a dotted `path` must equal `equals`. */
export interface BodyAssertion {
  /** Dotted path into the JSON body, e.g. "token_status.valid". */
  path: string;
  equals: string | number | boolean | null;
}

/** An HTTP endpoint of the user's own app to probe (a deployed service or a local server). */
export interface ServiceProbe {
  name: string;
  url: string;
  /** @default 200 */
  expectStatus: number;
  assertions: BodyAssertion[];
  /** @default 5000 */
  timeoutMs: number;
}

/** A file of the user's app that must exist, and optionally import without throwing. */
export interface ModuleSpec {
  path: string;
  /** Try `import()`ing it (JS/MJS/CJS only). @default false */
  import: boolean;
}

/** Where the Redis token store is. */
export interface RedisStoreConfig {
  /** `redis://[user:password@]host:port/db` or `rediss://…` (TLS). */
  url: string;
  /** Prefix of every key, e.g. "cafe24-doctor:". */
  prefix: string;
}

/** Where a configuration value came from, for the configuration check's evidence. */
export type ConfigSource = "env" | "dotenv" | "file" | "default";

/**
 * Everything the doctor needs, merged from the environment, `.env` in the working directory and
 * `cafe24-doctor.config.json` (in that order of precedence: env wins). Secrets stay in memory only.
 */
export interface DoctorConfig {
  cwd: string;
  mallId: string | undefined;
  clientId: string | undefined;
  clientSecret: string | undefined;
  /**
   * The secret had leading/trailing whitespace (trimmed away): the old toolkit's "Invalid client_secret" from a
   * stray space or newline. The configuration check reports it so the user fixes the source.
   */
  secretHadWhitespace: boolean;
  redirectUri: string | undefined;
  /** Scopes the app requests at authorization (CAFE24_SCOPES). */
  scopes: string[];
  /** Scopes the app needs to work; defaults to `scopes`. */
  requiredScopes: string[];
  apiVersion: string | undefined;
  /**
   * The config file's `apiVersions`: Cafe24 versions (and dates) beyond the built-in calendar, which they
   * extend or correct (src/cafe24/api-version-calendar.ts). Absent: the built-in calendar alone.
   */
  apiVersions?: readonly ApiVersionDates[] | undefined;
  /** Base-URL template with {mall_id}; undefined = Cafe24's own hosts. */
  baseUrl: string | undefined;
  /** True when baseUrl is plain http on loopback (the emulator), which the user chose explicitly. */
  allowInsecureLoopback: boolean;
  /**
   * The token file (CAFE24_TOKEN_FILE, `store.path`, or ./oauth_token.json). Known even when Redis holds the
   * tokens: `token migrate` moves them between the two.
   */
  tokenFile: string;
  /** Follow a symbolic link at the token path (store.followSymlinks); off by default. */
  tokenFollowSymlinks: boolean;
  /**
   * The Redis token store, when CAFE24_REDIS_URL or `"store": { "type": "redis" }` selects it; undefined: the
   * token file. The URL may hold the password: print it only through `redactRedisUrl`.
   */
  redis?: RedisStoreConfig | undefined;
  /** The old toolkit's CAFE24_ACCESS_TOKEN: a copy that goes stale at the first refresh. */
  legacyAccessToken: string | undefined;
  services: ServiceProbe[];
  localServers: ServiceProbe[];
  modules: ModuleSpec[];
  reportDir: string;
  lang: Lang | undefined;
  /** Source of each known key (no values), e.g. { mallId: "env", clientSecret: "dotenv" }. */
  sources: Record<string, ConfigSource>;
  /** The config file used, if any. */
  configFile: string | undefined;
  /** The .env file read, if any. */
  dotenvFile: string | undefined;
  /** The folders looked in for `.env` and the config file, from the working directory up (none found: said). */
  searched?: readonly string[];
}
