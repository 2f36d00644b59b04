import { readFileSync } from "node:fs";
import { normalize } from "node:path";

/** The columns every table of docs/cafe24-facts.md has. */
export const FACT_COLUMNS = ["Fact", "Value", "Source", "Status", "Pinned by"] as const;
export const STATUSES = ["confirmed", "observed", "assumption"] as const;

export interface FactRow {
  line: number;
  fact: string;
  status: string;
  pinnedBy: string;
}

export interface TestReference {
  file: string;
  name: string;
}

const cellsOf = (line: string): string[] =>
  line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());

/** Every row of every table, and a problem for each table whose header is not the facts' five columns. */
export function readFactTables(markdown: string): { rows: FactRow[]; problems: string[] } {
  const lines = markdown.split("\n");
  const rows: FactRow[] = [];
  const problems: string[] = [];
  let inTable = false;
  let foreignTable = false;
  let inFence = false;
  lines.forEach((text, index) => {
    if (text.trimStart().startsWith("```")) inFence = !inFence;
    const isRow = !inFence && text.trimStart().startsWith("|");
    if (!isRow) {
      inTable = false;
      return;
    }
    const cells = cellsOf(text);
    if (!inTable) {
      inTable = true;
      foreignTable = cells.join("|") !== FACT_COLUMNS.join("|");
      if (foreignTable)
        problems.push(`line ${index + 1}: a table's columns must be ${FACT_COLUMNS.join(" | ")}`);
      return;
    }
    if (foreignTable) return;
    if (cells.every((cell) => /^:?-+:?$/.test(cell))) return;
    if (cells.length !== FACT_COLUMNS.length) {
      problems.push(`line ${index + 1}: a row needs ${FACT_COLUMNS.length} cells, has ${cells.length}`);
      return;
    }
    rows.push({ line: index + 1, fact: cells[0] ?? "", status: cells[3] ?? "", pinnedBy: cells[4] ?? "" });
  });
  return { rows, problems };
}

const REFERENCE = /^`([^`]+)` › (.+)$/;
const NOT_PINNED = /^not pinned: (.+)$/;
const MIN_REASON = 15;

/** A test file's text, or undefined when there is none at that path (relative to the project root). */
export type ReadTestFile = (path: string) => string | undefined;

export const readFromDisk =
  (root: string): ReadTestFile =>
  (path) => {
    try {
      return readFileSync(`${root}/${path}`, "utf8");
    } catch {
      return undefined;
    }
  };

/** What is wrong with a row: its status, and every test it names (file, and a test of that name in it). */
export function rowProblems(row: FactRow, readTest: ReadTestFile): string[] {
  const where = `line ${row.line} (${row.fact})`;
  const problems: string[] = [];
  if (!STATUSES.some((s) => row.status === s || row.status.startsWith(`${s} `))) {
    problems.push(`${where}: status must be one of ${STATUSES.join(", ")} (got "${row.status}")`);
  }
  const unpinned = NOT_PINNED.exec(row.pinnedBy);
  if (unpinned) {
    if ((unpinned[1] ?? "").trim().length < MIN_REASON)
      problems.push(`${where}: "not pinned" needs a reason`);
    return problems;
  }
  const parts = row.pinnedBy.split("<br>").map((p) => p.trim());
  if (parts.length === 0 || parts.every((p) => p === "")) {
    problems.push(`${where}: names no test and says no "not pinned: <why>"`);
    return problems;
  }
  for (const part of parts) {
    const ref = REFERENCE.exec(part);
    if (!ref) {
      problems.push(`${where}: "${part}" is not \`test file\` › test name`);
      continue;
    }
    problems.push(...referenceProblems(where, { file: ref[1] ?? "", name: ref[2] ?? "" }, readTest));
  }
  return problems;
}

function referenceProblems(where: string, { file, name }: TestReference, readTest: ReadTestFile): string[] {
  if (normalize(file) !== file || !file.startsWith("test/") || !file.endsWith(".test.ts")) {
    return [`${where}: ${file} is not a test file under test/`];
  }
  const text = readTest(file);
  if (text === undefined) return [`${where}: ${file} does not exist`];
  const quoted = ['"', "'", "`"].some((q) => text.includes(`${q}${name}${q}`));
  return quoted ? [] : [`${where}: ${file} has no test named "${name}"`];
}
