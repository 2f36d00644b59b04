import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ModuleSpec } from "../../../src/config/doctor-config.js";
import { appModulesCheck, createAppModulesCheck } from "../../../src/doctor/checks/app-modules.js";
import { tempDir } from "../../helpers/token-files.js";
import { offlineContext, testConfig } from "./context-helper.js";

const SECRET = "sk_live_0123456789abcdefghijklmnop";

/** An app directory with these files (relative path → source). */
async function appDir(files: Record<string, string>): Promise<string> {
  const dir = await tempDir();
  for (const [path, source] of Object.entries(files)) {
    await mkdir(join(dir, path, ".."), { recursive: true });
    await writeFile(join(dir, path), source);
  }
  return dir;
}

const quick = createAppModulesCheck({ importTimeoutMs: 1_000 });

function run(cwd: string, modules: ModuleSpec[], signal?: AbortSignal) {
  return quick.run(offlineContext(testConfig({ cwd, modules }), signal), {});
}

describe("check 11: app modules", () => {
  it("passes when every module exists and the importable ones load", async () => {
    const cwd = await appDir({
      "src/app.mjs": "export const ready = true;\n",
      "src/lib.cjs": "module.exports = 1;\n",
      "README.md": "",
    });
    const outcome = await run(cwd, [
      { path: "src/app.mjs", import: true },
      { path: "src/lib.cjs", import: true },
      { path: "README.md", import: false },
    ]);
    expect(outcome).toMatchObject({ status: "ok", findings: [] });
    expect(outcome.evidence).toEqual({
      "src/app.mjs": "imported",
      "src/lib.cjs": "imported",
      "README.md": "present",
    });
  });

  it("tags a missing module [누락] with the restore command", async () => {
    const cwd = await appDir({ "src/app.mjs": "" });
    const outcome = await run(cwd, [
      { path: "src/app.mjs", import: false },
      { path: "src/token_manager.js", import: true },
    ]);
    expect(outcome.status).toBe("missing");
    expect(outcome.findings).toEqual([
      expect.objectContaining({
        code: "MODULE_MISSING",
        urgency: "high",
        command: "git restore -- src/token_manager.js",
        evidence: { path: "src/token_manager.js" },
      }),
    ]);
  });

  it("fails a module whose import throws, naming the error with any secret in it masked", async () => {
    const cwd = await appDir({ "boot.mjs": `throw new TypeError("bad key ${SECRET} in config");\n` });
    const outcome = await run(cwd, [{ path: "boot.mjs", import: true }]);
    expect(outcome.status).toBe("fail");
    const [finding] = outcome.findings;
    expect(finding).toMatchObject({
      code: "MODULE_IMPORT_FAILED",
      urgency: "high",
      evidence: { error: "TypeError" },
    });
    expect(String(finding?.evidence?.message)).toMatch(/^bad key sk…op in config$/);
    expect(JSON.stringify(outcome)).not.toContain(SECRET);
  });

  it.each([
    [
      "a top-level await on a slow start-up",
      "await new Promise((resolve) => setTimeout(resolve, 60_000));\n",
    ],
    ["a synchronous endless loop", "for (;;) {}\n"],
  ])("cannot hang on %s: it times out", async (_name, source) => {
    const cwd = await appDir({ "hang.mjs": source });
    // Without the check's own timeout this would outlast the test's; its finding says which one ended it.
    const outcome = await run(cwd, [{ path: "hang.mjs", import: true }]);
    expect(outcome.status).toBe("fail");
    expect(outcome.findings.map((f) => [f.code, f.urgency])).toEqual([["MODULE_IMPORT_TIMEOUT", "medium"]]);
  });

  it("fails a module whose top-level await can never settle (Node would exit with code 13)", async () => {
    const cwd = await appDir({ "stuck.mjs": "await new Promise(() => {});\n" });
    const outcome = await run(cwd, [{ path: "stuck.mjs", import: true }]);
    expect(outcome.findings).toEqual([
      expect.objectContaining({
        code: "MODULE_IMPORT_FAILED",
        evidence: expect.objectContaining({ error: "ExitedWhileLoading" }),
      }),
    ]);
  });

  it("stops at the global deadline", async () => {
    const cwd = await appDir({
      "hang.mjs": "await new Promise((resolve) => setTimeout(resolve, 60_000));\n",
    });
    const slow = createAppModulesCheck({ importTimeoutMs: 60_000 });
    const ctx = offlineContext(
      testConfig({ cwd, modules: [{ path: "hang.mjs", import: true }] }),
      AbortSignal.timeout(200),
    );
    await expect(slow.run(ctx, {})).rejects.toMatchObject({ code: "CAFE24_ABORTED" });
  });

  it("does not import files that are not JavaScript", async () => {
    const cwd = await appDir({ "main.py": "raise SystemExit(1)\n" });
    const outcome = await run(cwd, [{ path: "main.py", import: true }]);
    expect(outcome).toMatchObject({ status: "ok", evidence: { "main.py": "notImportable" } });
  });

  it("is skipped when no modules are configured", async () => {
    const outcome = await appModulesCheck.run(offlineContext(testConfig()), {});
    expect(outcome).toMatchObject({ status: "skipped", summary: { key: "check.app-modules.skipped.none" } });
  });
});
