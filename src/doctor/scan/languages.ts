import { extname } from "node:path";

/** The languages whose sources the scan reads; each names the comment syntax its code view strips. */
export type Language = "python" | "javascript" | "php" | "java" | "kotlin" | "ruby" | "go";

const BY_EXTENSION: Readonly<Record<string, Language>> = {
  ".py": "python",
  ".js": "javascript",
  ".mjs": "javascript",
  ".cjs": "javascript",
  ".jsx": "javascript",
  ".ts": "javascript",
  ".mts": "javascript",
  ".cts": "javascript",
  ".tsx": "javascript",
  ".php": "php",
  ".java": "java",
  ".kt": "kotlin",
  ".kts": "kotlin",
  ".rb": "ruby",
  ".go": "go",
};

/** The language of a source file by its extension; undefined for everything else (Markdown included). */
export function languageOf(path: string): Language | undefined {
  const name = path.toLowerCase();
  // Declarations and bundles hold no code of the project's own.
  if (name.endsWith(".d.ts") || /\.min\.[cm]?js$/.test(name)) return undefined;
  return BY_EXTENSION[extname(name)];
}

/**
 * Tests and benchmarks run against mocks, fixtures and emulators, not the mall's live refresh token: a test or
 * a benchmark baseline that posts a refresh grant to a local emulator races nothing. Recognised by the
 * conventions of each language.
 */
export function isTestPath(relPath: string): boolean {
  const parts = relPath.split("/");
  const name = parts.at(-1) ?? "";
  if (parts.slice(0, -1).some((dir) => TEST_DIRS.has(dir))) return true;
  return TEST_NAME.test(name);
}

const TEST_DIRS = new Set([
  "test",
  "tests",
  "__tests__",
  "spec",
  "specs",
  "e2e",
  "bench",
  "benchmark",
  "benchmarks",
]);
const TEST_NAME =
  /(?:\.(?:test|spec)\.[cm]?[jt]sx?$|^test_.*\.py$|_test\.(?:py|go)$|^conftest\.py$|_spec\.rb$|_test\.rb$|Tests?\.(?:java|kt)$)/;
