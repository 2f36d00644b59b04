/*
 * Check 14 — project files: what lies in the project that endangers the tokens. A `.env` tracked by git (the
 * client secret travels with every clone, as a committed token file's tokens do: the token-store check flags
 * that one), and the old toolkit's scripts: those that refresh the rotating refresh token without a lock
 * (auto_token_manager.py, token_refresh_helper.py, quick_token_exchange.py, and a diagnosis script that
 * refreshes), and its diagnosis scripts that cafe24-doctor replaces. The old token file shapes are the
 * token-store check's. Bounded: the working directory and one level of a few obvious folders, never a full
 * scan. Finding codes and messages: src/i18n/doctor/checks/project-files.ts.
 */
import { open, stat } from "node:fs/promises";
import { join } from "node:path";
import { projectFilesCatalogue } from "../../i18n/doctor/checks/project-files.js";
import type { CheckDefinition } from "../context.js";
import type { CheckOutcome, EvidenceValue, Finding, FindingCodeOf } from "../types.js";
import { findingBuilder } from "./finding-of.js";
import { shellPath } from "./shell-path.js";

const finding = findingBuilder(projectFilesCatalogue);
type Code = FindingCodeOf<"project-files">;

/** Where the old toolkit's scripts and a project's `.env` usually sit, besides the project root. */
export const PROJECT_FOLDERS = [
  "scripts",
  "script",
  "tools",
  "bin",
  "cafe24",
  "api",
  "app",
  "server",
  "backend",
  "src",
  "utils",
] as const;

/** Files holding secrets; templates (`.env.example`, `.env.sample`) are meant to be committed. */
const ENV_FILES = [".env", ".env.local", ".env.production", ".env.development"] as const;

/** The old toolkit's scripts, and the cafe24-doctor command that replaces each. */
const REFRESHERS: Readonly<Record<string, string>> = {
  "auto_token_manager.py": "`cafe24-doctor watch`",
  "token_refresh_helper.py": "`cafe24-doctor token refresh`",
  "quick_token_exchange.py": "`cafe24-doctor token login`",
};
const DIAGNOSES: Readonly<Record<string, string>> = {
  "simple_diagnosis_report.py": "`cafe24-doctor`",
  "comprehensive_api_test.py": "`cafe24-doctor check`",
};

/** How much of a diagnosis script is read to see whether it refreshes. */
const READ_LIMIT = 512 * 1024;

/** A refresh grant in Python source, or a call into the old refresher. */
const REFRESHES =
  /grant_type['"]?\s*[:=]\s*['"]refresh_token|\b(?:import|from)\s+(?:token_refresh_helper|auto_token_manager)\b/;

export const projectFilesCheck: CheckDefinition<"project-files"> = {
  id: "project-files",
  dependsOn: [],
  async run(ctx): Promise<CheckOutcome<Code>> {
    const root = ctx.config.cwd;
    const folders = [root, ...(await existingFolders(root))];
    const findings: Finding<Code>[] = [];
    const envTracked: string[] = [];
    const scripts: string[] = [];
    for (const folder of folders) {
      if (ctx.signal.aborted) break;
      for (const name of ENV_FILES) {
        const path = join(folder, name);
        if (!(await isFile(path))) continue;
        if (!(await ctx.isTrackedByGit(path).catch(() => false))) continue;
        const file = shellPath(path, root);
        envTracked.push(file);
        findings.push(
          finding("ENV_FILE_TRACKED_BY_GIT", {
            text: "check.project-files.envTracked",
            params: { file },
            command: `git rm --cached ${file} && echo ${file} >> .gitignore`,
            evidence: { path: file },
          }),
        );
      }
      for (const [script, replacement] of Object.entries(REFRESHERS)) {
        const path = join(folder, script);
        if (!(await isFile(path))) continue;
        const file = shellPath(path, root);
        scripts.push(file);
        findings.push(
          finding("LEGACY_REFRESHER_SCRIPT", {
            text: "check.project-files.refresher",
            params: { file, script, replacement },
            command: `rm ${file}`,
            ...(script === "auto_token_manager.py" ? { urgency: "high" as const } : {}),
            evidence: { path: file },
          }),
        );
      }
      for (const [script, replacement] of Object.entries(DIAGNOSES)) {
        const path = join(folder, script);
        if (!(await isFile(path))) continue;
        const file = shellPath(path, root);
        scripts.push(file);
        const refreshes = REFRESHES.test(await head(path));
        findings.push(
          refreshes
            ? finding("LEGACY_REFRESHER_SCRIPT", {
                text: "check.project-files.refreshingDiagnosis",
                params: { file, script, replacement },
                command: `rm ${file}`,
                evidence: { path: file, refreshes: true },
              })
            : finding("LEGACY_DIAGNOSIS_SCRIPT", {
                text: "check.project-files.diagnosis",
                params: { file, script, replacement },
                evidence: { path: file, refreshes: false },
              }),
        );
      }
    }
    const evidence: Record<string, EvidenceValue> = {
      looked: folders.map((folder) => (folder === root ? "." : shellPath(folder, root))),
      envTrackedByGit: envTracked,
      oldToolkitScripts: scripts,
    };
    return findings.length === 0
      ? { status: "ok", summary: { key: "check.project-files.summary.ok" }, evidence, findings }
      : {
          status: "warn",
          summary: { key: "check.project-files.summary.found", params: { count: findings.length } },
          evidence,
          findings,
        };
  },
};

/** The obvious folders that exist under the root (symbolic links to folders included). */
async function existingFolders(root: string): Promise<string[]> {
  const found = await Promise.all(
    PROJECT_FOLDERS.map(async (name) => {
      const path = join(root, name);
      const info = await stat(path).catch(() => undefined);
      return info?.isDirectory() ? path : undefined;
    }),
  );
  return found.filter((path): path is string => path !== undefined);
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

/** The first READ_LIMIT bytes of a file as text ("" when it cannot be read). */
async function head(path: string): Promise<string> {
  const handle = await open(path, "r").catch(() => undefined);
  if (!handle) return "";
  try {
    const buffer = Buffer.alloc(READ_LIMIT);
    const { bytesRead } = await handle.read(buffer, 0, READ_LIMIT, 0);
    return buffer.subarray(0, bytesRead).toString("utf8");
  } catch {
    return "";
  } finally {
    await handle.close();
  }
}
