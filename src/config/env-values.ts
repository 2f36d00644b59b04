import { access, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
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

export interface ProjectDir {
  /** Where `.env` and `cafe24-doctor.config.json` are read: the folder that has one of them, else `cwd`. */
  dir: string;
  /** Every folder looked in, from `cwd` up: said when nothing is found. */
  searched: string[];
}

/**
 * The project's folder, run from it or any subfolder: from `cwd` up, the first folder with a `.env` or a
 * `cafe24-doctor.config.json`. The walk stops at the project root (a folder holding `.git` or `package.json`)
 * and at the filesystem root; when it finds neither file, `cwd` it is, as before.
 */
export async function findProjectDir(cwd: string, configFileName: string): Promise<ProjectDir> {
  const searched: string[] = [];
  for (let dir = cwd; ; dir = dirname(dir)) {
    searched.push(dir);
    if ((await exists(join(dir, ".env"))) || (await exists(join(dir, configFileName)))) {
      return { dir, searched };
    }
    if ((await exists(join(dir, ".git"))) || (await exists(join(dir, "package.json")))) break;
    if (dirname(dir) === dir) break;
  }
  return { dir: cwd, searched };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Names that look like a misspelt CAFE24_* variable ("CAFE24_MALLID"), each with the name it is near, when that
 * name itself is not set: the value would otherwise be ignored without a word.
 */
export function misspeltEnvNames(
  env: NodeJS.ProcessEnv,
  dotenv: Dotenv,
  picked: Partial<Record<EnvKey, EnvValue>>,
  closest: (word: string, candidates: readonly string[]) => string | undefined,
): { name: string; meant: string; source: "env" | "dotenv" }[] {
  const known = Object.values(ENV_NAMES) as string[];
  const unset = (Object.entries(ENV_NAMES) as [EnvKey, string][])
    .filter(([key]) => picked[key] === undefined)
    .map(([, name]) => name);
  const found: { name: string; meant: string; source: "env" | "dotenv" }[] = [];
  for (const [source, names] of [
    ["dotenv", Object.keys(dotenv.values)],
    ["env", Object.keys(env).filter((name) => env[name]?.trim())],
  ] as const) {
    for (const name of names) {
      if (!/^CAFE24/i.test(name) || known.includes(name) || /^CAFE24_DOCTOR_/.test(name)) continue;
      if (found.some((f) => f.name === name)) continue;
      const meant = closest(name, unset);
      if (meant) found.push({ name, meant, source });
    }
  }
  return found;
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
