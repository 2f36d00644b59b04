import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { CHECK_CATALOGUES } from "../../src/i18n/doctor/checks/check-catalogues.js";
import { en } from "../../src/i18n/en.js";
import { ko } from "../../src/i18n/ko.js";

/** Type-checks `source` as if it were a file in test/doctor/; returns each error as "line: message". */
function typeErrors(source: string): string[] {
  const file = fileURLToPath(new URL("./finding-codes.typecheck.ts", import.meta.url));
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists } = host;
  host.fileExists = (name) => name === file || fileExists(name);
  host.getSourceFile = (name, version, ...rest) =>
    name === file ? ts.createSourceFile(name, source, version) : getSourceFile(name, version, ...rest);
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    return `${line}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
  });
}

describe("finding codes", () => {
  it("are a closed union of the checks' tables: a misspelt code, or another check's, does not compile", () => {
    const errors = typeErrors(
      [
        'import type { FindingCode, FindingCodeOf } from "../../src/doctor/types.js";',
        'export const listed: FindingCode = "ACCESS_TOKEN_EXPIRED";',
        'export const runners: FindingCode = "CHECK_CRASHED";',
        'export const misspelt: FindingCode = "ACCESS_TOKEN_EXPIRD";',
        'export const borrowed: FindingCodeOf<"clock"> = "SCOPE_MISSING";',
      ].join("\n"),
    );
    expect(errors).toEqual([
      expect.stringMatching(/^4: .*"ACCESS_TOKEN_EXPIRD"/),
      expect.stringMatching(/^5: .*"SCOPE_MISSING"/),
    ]);
  });

  it("are told by each check's own messages, which reach both languages unshadowed by another catalogue", () => {
    const catalogues: Record<
      string,
      Record<"en" | "ko", Readonly<Record<string, string>>>
    > = CHECK_CATALOGUES;
    const languages: Record<"en" | "ko", Readonly<Record<string, string>>> = { en, ko };
    for (const [id, catalogue] of Object.entries(catalogues)) {
      for (const key of Object.keys(catalogue.en)) {
        expect(key.startsWith(`check.${id}.`), key).toBe(true);
        expect(languages.en[key], key).toBe(catalogue.en[key]);
        expect(languages.ko[key], key).toBe(catalogue.ko[key]);
      }
    }
  });
});
