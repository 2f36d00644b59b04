import { chmod, readFile, writeFile } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import type { MessageKey } from "../i18n/en.js";
import { ENV_NAMES, type EnvKey, type EnvValue } from "./env-values.js";
import type { InitAnswers } from "./init-answers.js";

/** What is still needed before the doctor can run green, one message key each, in the order to do them. */
export function missingAfterInit(
  answers: InitAnswers,
  vars: Partial<Record<EnvKey, EnvValue>>,
): MessageKey[] {
  const missing: MessageKey[] = [];
  if (!answers.mallId && !vars.mallId) missing.push("config.init.missing.mallId");
  if (!vars.clientId) missing.push("config.init.clientIdMissing");
  if (!vars.clientSecret) missing.push("config.init.secretMissing");
  if (!answers.redirectUri && !vars.redirectUri) missing.push("config.init.missing.redirectUri");
  return missing;
}

/** The variables the `.env` template lists, in this order: the app's identity first, then its secret. */
const TEMPLATE_KEYS: readonly EnvKey[] = ["mallId", "clientId", "clientSecret", "redirectUri"];

/**
 * A `.env` for this project: the CAFE24_* names the doctor reads, each filled only from what is already known
 * (the answers, the environment) and otherwise left empty. Nothing is invented, and a secret appears only when
 * the environment gave it.
 */
export function envTemplate(answers: InitAnswers, env: NodeJS.ProcessEnv): string {
  const known: Partial<Record<EnvKey, string | undefined>> = {
    mallId: answers.mallId,
    redirectUri: answers.redirectUri,
  };
  const lines = [
    "# cafe24-doctor: this project's Cafe24 app settings and secret. Keep this file out of git (see .gitignore).",
    "# cafe24-doctor: 이 프로젝트의 카페24 앱 설정과 비밀값입니다. git에 올리지 마세요(.gitignore 참고).",
    "# Client ID and secret: Cafe24 Developer Center > your app > App info. / 클라이언트 ID와 시크릿: 카페24 개발자센터 > 앱 > 앱 정보.",
  ];
  for (const key of TEMPLATE_KEYS) {
    const name = ENV_NAMES[key];
    const value = env[name]?.trim() || known[key] || "";
    lines.push(`${name}=${quoted(value)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Node's .env parser reads plain values up to a `#`; quote anything it could misread. */
function quoted(value: string): string {
  if (value === "" || /^[\w.:/@+=-]+$/.test(value)) return value;
  return value.includes('"') ? `'${value}'` : `"${value}"`;
}

export interface EnvTemplateResult {
  file: string;
  /** False when a `.env` was already there: it is never overwritten. */
  written: boolean;
}

/** Writes `.env` from envTemplate() with mode 0600, unless one exists (then it is left exactly as it was). */
export async function writeEnvTemplate(
  cwd: string,
  answers: InitAnswers,
  env: NodeJS.ProcessEnv = process.env,
): Promise<EnvTemplateResult> {
  const file = join(resolve(cwd), ".env");
  try {
    await writeFile(file, envTemplate(answers, env), { flag: "wx", mode: 0o600 });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "EEXIST") return { file, written: false };
    throw cause;
  }
  // The mode given to open() is masked by the umask; a secret's file must be 0600 whatever it is.
  await chmod(file, 0o600);
  return { file, written: true };
}

/**
 * The `.gitignore` lines that cover everything cafe24-doctor writes here: `.env`, the token file with its
 * side files (`oauth_token.json*`: the lock, the pending authorization, migration leftovers) and the report
 * folder. Paths outside the project are left out: git cannot see them.
 */
export function gitignoreLines(cwd: string, answers: InitAnswers): string[] {
  const lines = [".env"];
  // One file per mall (`tokens/{mall_id}.json`): a wildcard for the mall, unless that would hide the whole root.
  const token = projectPath(cwd, answers.tokenFile.replaceAll("{mall_id}", "\u0000"))?.replaceAll(
    "\u0000",
    "*",
  );
  if (token !== undefined && !(token.startsWith("*") && !token.includes("/"))) lines.push(`${token}*`);
  const reports = projectPath(cwd, answers.reportDir);
  if (reports !== undefined && reports !== "") lines.push(`${reports}/`);
  return lines;
}

/** `oauth_token.json` for `./oauth_token.json`; undefined for a path outside `cwd` (or `cwd` itself: ""). */
function projectPath(cwd: string, path: string): string | undefined {
  const rel = relative(resolve(cwd), resolve(cwd, path)).split("\\").join("/");
  if (rel.startsWith("..") || isAbsolute(rel)) return undefined;
  return rel.endsWith("/") ? rel.slice(0, -1) : rel;
}

/** The suggested lines the project's `.gitignore` does not have yet (compared line by line, as written). */
export async function gitignoreMissing(cwd: string, lines: readonly string[]): Promise<string[]> {
  const text = await readFile(join(resolve(cwd), ".gitignore"), "utf8").catch(() => "");
  const present = new Set(
    text
      .split(/\r?\n/)
      .map((line) => line.trim().replace(/^\//, ""))
      .filter(Boolean),
  );
  return lines.filter((line) => !present.has(line) && !present.has(line.replace(/\/$/, "")));
}
