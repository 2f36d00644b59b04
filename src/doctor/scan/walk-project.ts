import type { Dirent } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import ignore, { type Ignore } from "ignore";
import type { Now } from "../../util/runtime.js";
import { isTestPath, type Language, languageOf } from "./languages.js";
import { isDeploymentFile } from "./watch-evidence.js";

/** Folders never looked into: installed packages, virtualenvs, build output, VCS data. */
const SKIPPED_DIRS = new Set([
  "node_modules",
  "bower_components",
  ".git",
  ".hg",
  ".svn",
  "venv",
  ".venv",
  "site-packages",
  "__pycache__",
  ".tox",
  ".mypy_cache",
  ".pytest_cache",
  "build",
  "dist",
  "out",
  "target",
  "vendor",
  ".next",
  ".nuxt",
  ".gradle",
]);

/** Sample projects kept for tests, below the scanned folder (scanning one of them directly still works). */
const FIXTURE_DIRS = new Set(["fixtures", "__fixtures__", "testdata"]);

export interface WalkLimits {
  /** Source files taken at most; the walk stops at the next one. */
  maxFiles: number;
  /** Time the walk may take, by `now`. */
  maxMs: number;
}

export interface WalkedFile {
  path: string;
  /** Relative to the scanned root, with forward slashes. */
  rel: string;
}

export interface SourceFile extends WalkedFile {
  language: Language;
}

export interface ProjectWalk {
  sources: SourceFile[];
  /** Files that say how the project is run (package.json, Procfile, compose files, units, crontabs). */
  deployment: WalkedFile[];
  /** Test and benchmark sources left out (see isTestPath). */
  testFiles: number;
  /** Which bound stopped the walk early, if one did. */
  cut: "files" | "time" | undefined;
}

interface Rules {
  /** Folder of the .gitignore, relative to the root ("" for the root's). */
  base: string;
  matcher: Ignore;
}

/**
 * Walks the project the way git sees it: every .gitignore on the way applies to its folder (a deeper one can
 * re-include), symbolic links are not followed (no loops, nothing outside the project). Depth first, names in
 * order, so that a cut-short walk is the same walk every time.
 */
export async function walkProject(root: string, limits: WalkLimits, now: Now): Promise<ProjectWalk> {
  const started = now();
  const walk: ProjectWalk = { sources: [], deployment: [], testFiles: 0, cut: undefined };
  const stack: { dir: string; rel: string; rules: readonly Rules[] }[] = [{ dir: root, rel: "", rules: [] }];
  while (stack.length > 0 && walk.cut === undefined) {
    const { dir, rel, rules: inherited } = stack.pop() as (typeof stack)[number];
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => [] as Dirent[]);
    const own = entries.some((e) => e.name === ".gitignore" && e.isFile())
      ? await readFile(join(dir, ".gitignore"), "utf8").catch(() => "")
      : "";
    const rules = own ? [...inherited, { base: rel, matcher: ignore().add(own) }] : inherited;
    const hasPyvenv = entries.some((e) => e.name === "pyvenv.cfg");
    // A virtualenv under any name (env, .env-py, …) carries pyvenv.cfg at its top.
    if (hasPyvenv && rel !== "") continue;
    const subdirs: { dir: string; rel: string }[] = [];
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (now() - started > limits.maxMs) {
        walk.cut = "time";
        break;
      }
      const path = join(dir, entry.name);
      const entryRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (SKIPPED_DIRS.has(entry.name) || FIXTURE_DIRS.has(entry.name)) continue;
        if (isIgnored(rules, `${entryRel}/`)) continue;
        subdirs.push({ dir: path, rel: entryRel });
      } else if (entry.isFile()) {
        if (isIgnored(rules, entryRel)) continue;
        if (isDeploymentFile(entryRel)) walk.deployment.push({ path, rel: entryRel });
        const language = languageOf(entry.name);
        if (!language) continue;
        if (isTestPath(entryRel)) {
          walk.testFiles++;
          continue;
        }
        if (walk.sources.length >= limits.maxFiles) {
          walk.cut = "files";
          break;
        }
        walk.sources.push({ path, rel: entryRel, language });
      }
    }
    for (const sub of subdirs.reverse()) stack.push({ ...sub, rules });
  }
  return walk;
}

/** Git's answer: the deepest .gitignore that has a say wins, so a nested `!keep.py` re-includes a file. */
function isIgnored(rules: readonly Rules[], rel: string): boolean {
  let ignored = false;
  for (const { base, matcher } of rules) {
    const inner = base === "" ? rel : rel.slice(base.length + 1);
    const verdict = matcher.test(inner);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}
