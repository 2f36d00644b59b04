import { readFile } from "node:fs/promises";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";

/**
 * The parsed JSON of a config file, or undefined when `optional` and the file does not exist (no config file
 * is fine; a path the user named explicitly must exist). Errors never quote the file, which may hold secrets.
 */
export async function readConfigFile(path: string, optional: boolean): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? "unreadable";
    if (code === "ENOENT" && optional) return undefined;
    throw new DoctorError(ERROR_CODES.configUnreadable, `Cannot read ${path} (${code})`, {
      cause,
      details: [`${path}: ${code === "ENOENT" ? "no such file" : code}`],
    });
  }
  // Editors on Windows save a byte-order mark, which JSON.parse rejects.
  const json = text.replace(/^\uFEFF/, "");
  try {
    return JSON.parse(json);
  } catch (cause) {
    const problem = describeJsonError(json, cause as Error);
    throw new DoctorError(ERROR_CODES.configUnreadable, `${path} is not valid JSON: ${problem}`, {
      details: [`${path}: ${problem}`],
    });
  }
}

/**
 * V8's message minus any quoted excerpt of the file, with a line and column. Some messages give no position
 * ("Unexpected token 'x', "…" is not valid JSON"); the shortest failing prefix of the text locates them.
 */
function describeJsonError(text: string, error: Error): string {
  if (text.trim() === "") return "the file is empty — it should hold a JSON object, e.g. {}";
  const positioned = /^(.*?) in JSON at position (\d+)/.exec(error.message);
  if (positioned) return `${positioned[1]} at ${lineAndColumn(text, Number(positioned[2]))}`;
  if (/end of JSON input/.test(error.message)) {
    return 'the JSON ends too early — a closing } or ] or " is missing';
  }
  return `unexpected character at ${lineAndColumn(text, firstBadOffset(text))}`;
}

/** Prefixes up to the bad character fail only for ending early; from it on they fail on that character. */
function firstBadOffset(text: string): number {
  const failsOnContent = (length: number) => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      return /Unexpected token|Unexpected non-whitespace/.test((error as Error).message);
    }
  };
  let low = 1;
  let high = text.length;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (failsOnContent(mid)) high = mid;
    else low = mid + 1;
  }
  return low - 1;
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}
