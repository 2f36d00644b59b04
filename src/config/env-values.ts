import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";

/** The variable names users of the old toolkit already have, plus the new ones. */
export const ENV_NAMES = {
  mallId: "CAFE24_MALL_ID",
  clientId: "CAFE24_CLIENT_ID",
  clientSecret: "CAFE24_CLIENT_SECRET",
  redirectUri: "CAFE24_REDIRECT_URI",
  legacyAccessToken: "CAFE24_ACCESS_TOKEN",
  scopes: "CAFE24_SCOPES",
  apiVersion: "CAFE24_API_VERSION",
  tokenFile: "CAFE24_TOKEN_FILE",
  baseUrl: "CAFE24_BASE_URL",
  /** Selects the Redis token store; password and TLS (rediss://) go in the URL, which is never printed. */
  redisUrl: "CAFE24_REDIS_URL",
} as const;

export type EnvKey = keyof typeof ENV_NAMES;

export interface EnvValue {
  /** Trimmed. */
  value: string;
  source: "env" | "dotenv";
  /** Trimming changed the value: a stray space or newline (the old toolkit's "Invalid client_secret"). */
  hadWhitespace: boolean;
}

export interface Dotenv {
  file: string | undefined;
  values: Record<string, string>;
}

/** `.env` in `cwd`, parsed by Node's own parser (no dotenv dependency); none is fine. */
export async function readDotenv(cwd: string): Promise<Dotenv> {
  const file = join(cwd, ".env");
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { file: undefined, values: {} };
    throw new DoctorError(ERROR_CODES.configUnreadable, `Cannot read ${file} (${code ?? "unreadable"})`, {
      cause,
      details: [`${file}: ${code ?? "unreadable"}`],
    });
  }
  // parseEnv would keep a BOM as part of the first variable's name.
  return { file, values: parseEnv(text.replace(/^\uFEFF/, "")) as Record<string, string> };
}

/**
 * Each CAFE24_* value: the real environment wins over .env. Values are trimmed; one that is empty after
 * trimming counts as unset, so an empty export does not hide the value in .env.
 */
export function pickEnvValues(env: NodeJS.ProcessEnv, dotenv: Dotenv): Partial<Record<EnvKey, EnvValue>> {
  const picked: Partial<Record<EnvKey, EnvValue>> = {};
  for (const [key, name] of Object.entries(ENV_NAMES) as [EnvKey, string][]) {
    for (const [source, raw] of [
      ["env", env[name]],
      ["dotenv", dotenv.values[name]],
    ] as const) {
      const value = raw?.trim();
      if (raw === undefined || !value) continue;
      picked[key] = { value, source, hadWhitespace: value !== raw };
      break;
    }
  }
  return picked;
}
