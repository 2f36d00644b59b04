import { isAbsolute, relative } from "node:path";

/**
 * A file path as a command line should show it: relative to the working directory when inside it (shorter,
 * and no home directory, which names the user), single-quoted when the shell would otherwise split or expand it.
 */
export function shellPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  const shown = rel === "" || rel.startsWith("..") || isAbsolute(rel) ? path : rel;
  return /^[\w./@%+=:,-]+$/.test(shown) ? shown : `'${shown.replaceAll("'", `'\\''`)}'`;
}
