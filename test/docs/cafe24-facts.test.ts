import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type FactRow, readFactTables, readFromDisk, rowProblems } from "./fact-rows.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FACTS = readFileSync(`${ROOT}/docs/cafe24-facts.md`, "utf8");

const row = (pinnedBy: string, status = "confirmed"): FactRow => ({
  line: 7,
  fact: "Bucket size",
  status,
  pinnedBy,
});
const files: Record<string, string> = {
  "test/emulator/rate-limit.test.ts": `it("refuses the 41st call with 429", async () => {});`,
};
const readFake = (path: string) => files[path];

describe("docs/cafe24-facts.md: every fact says how sure it is and which test pins it", () => {
  const { rows, problems } = readFactTables(FACTS);

  it("keeps every fact in a table with the columns Fact | Value | Source | Status | Pinned by", () => {
    expect(problems).toEqual([]);
    expect(rows.length).toBeGreaterThan(100);
  });

  it("gives every row a status and real tests, or a reason it cannot be pinned", () => {
    expect(rows.flatMap((r) => rowProblems(r, readFromDisk(ROOT)))).toEqual([]);
  });

  it("has a section for the evidence of 2026-12-02", () => {
    expect(FACTS).toMatch(/^## .*Evidence of 2026-12-02/m);
  });
});

describe("the fact-row check itself", () => {
  const ref = "`test/emulator/rate-limit.test.ts` › refuses the 41st call with 429";

  it("accepts a row with a status and a test that exists", () => {
    expect(rowProblems(row(ref), readFake)).toEqual([]);
    expect(rowProblems(row(`${ref}<br>${ref}`, "observed"), readFake)).toEqual([]);
  });

  it("fails a row without a status or with an unknown one", () => {
    expect(rowProblems(row(ref, ""), readFake)).toEqual([expect.stringMatching(/status must be one of/)]);
    expect(rowProblems(row(ref, "probably"), readFake)).toEqual([
      expect.stringMatching(/status must be one of/),
    ]);
  });

  it("fails a row that names no test", () => {
    expect(rowProblems(row(""), readFake)).toEqual([expect.stringMatching(/names no test/)]);
    expect(rowProblems(row("see the emulator"), readFake)).toEqual([
      expect.stringMatching(/is not `test file`/),
    ]);
  });

  it("fails a test file that does not exist, or is not a test under test/", () => {
    expect(
      rowProblems(row("`test/emulator/nope.test.ts` › refuses the 41st call with 429"), readFake),
    ).toEqual([expect.stringMatching(/does not exist/)]);
    expect(rowProblems(row("`src/emulator/emulator.ts` › anything"), readFake)).toEqual([
      expect.stringMatching(/is not a test file under test\//),
    ]);
    expect(rowProblems(row("`test/../src/x.test.ts` › anything"), readFake)).toEqual([
      expect.stringMatching(/is not a test file under test\//),
    ]);
  });

  it("fails a test name the file does not have", () => {
    expect(rowProblems(row("`test/emulator/rate-limit.test.ts` › refuses the 42nd call"), readFake)).toEqual([
      expect.stringMatching(/has no test named "refuses the 42nd call"/),
    ]);
  });

  it("accepts 'not pinned' only with a reason", () => {
    expect(rowProblems(row("not pinned: the emulator serves no Front API"), readFake)).toEqual([]);
    expect(rowProblems(row("not pinned: no"), readFake)).toEqual([expect.stringMatching(/needs a reason/)]);
    expect(rowProblems(row("not pinned"), readFake)).toEqual([expect.stringMatching(/is not `test file`/)]);
  });

  it("fails a table with other columns, and a row with a missing cell", () => {
    const other = "| Item | Value | Source |\n|---|---|---|\n| a | b | c |\n";
    expect(readFactTables(other).problems).toEqual([
      expect.stringMatching(/^line 1: a table's columns must be/),
    ]);
    const short =
      "| Fact | Value | Source | Status | Pinned by |\n|---|---|---|---|---|\n| a | b | c | confirmed |\n";
    expect(readFactTables(short).problems).toEqual([
      expect.stringMatching(/^line 3: a row needs 5 cells, has 4/),
    ]);
  });

  it("ignores table-like lines inside code blocks", () => {
    expect(readFactTables("```\n| not | a | table |\n```\n").problems).toEqual([]);
  });
});
