import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { projectFilesCheck } from "../../../src/doctor/checks/project-files.js";
import { runDoctor } from "../../../src/doctor/run-doctor.js";
import { tempDir } from "../../helpers/token-files.js";
import { offlineContext, testConfig } from "./context-helper.js";

const git = promisify(execFile);

/** A project directory with these files (relative path → contents). */
async function project(files: Record<string, string>): Promise<string> {
  const dir = await tempDir();
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, ".."), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

function run(cwd: string, isTrackedByGit: (path: string) => Promise<boolean> = async () => false) {
  return projectFilesCheck.run({ ...offlineContext(testConfig({ cwd })), isTrackedByGit }, {});
}

const OLD_REFRESH = [
  "import requests",
  "def refresh():",
  "    data = {'grant_type': 'refresh_token', 'refresh_token': token['refresh_token']}",
  "    return requests.post(url, data=data)",
].join("\n");

describe("check 14: project files", () => {
  it("is OK for a project with none of the old toolkit's files and an untracked .env", async () => {
    const cwd = await project({ ".env": "CAFE24_CLIENT_SECRET=x\n", "scripts/build.sh": "" });
    const outcome = await run(cwd);
    expect(outcome).toMatchObject({ status: "ok", findings: [] });
    expect(outcome.evidence).toMatchObject({ looked: [".", "scripts"], oldToolkitScripts: [] });
  });

  it("flags a .env tracked by git (high) with the untrack command and the secret reissue", async () => {
    const cwd = await project({ ".env": "CAFE24_CLIENT_SECRET=x\n", ".env.example": "", "server/.env": "" });
    const asked: string[] = [];
    const outcome = await run(cwd, async (path) => {
      asked.push(path);
      return true;
    });
    expect(outcome.status).toBe("warn");
    expect(outcome.findings).toEqual([
      expect.objectContaining({
        code: "ENV_FILE_TRACKED_BY_GIT",
        urgency: "high",
        command: "git rm --cached .env && echo .env >> .gitignore",
        remedy: { key: "check.project-files.envTracked.remedy", params: { file: ".env" } },
      }),
      expect.objectContaining({
        code: "ENV_FILE_TRACKED_BY_GIT",
        command: "git rm --cached server/.env && echo server/.env >> .gitignore",
      }),
    ]);
    // A template is meant to be committed: git is not even asked about it.
    expect(asked).toEqual([join(cwd, ".env"), join(cwd, "server/.env")]);
  });

  it("recognises the old refreshers, at the root and one level down, with what replaces each", async () => {
    const cwd = await project({
      "auto_token_manager.py": OLD_REFRESH,
      "scripts/token_refresh_helper.py": OLD_REFRESH,
      "tools/quick_token_exchange.py": "",
    });
    const outcome = await run(cwd);
    expect(outcome.status).toBe("warn");
    const byFile = Object.fromEntries(outcome.findings.map((f) => [f.evidence?.path, f]));
    expect(byFile["auto_token_manager.py"]).toMatchObject({
      code: "LEGACY_REFRESHER_SCRIPT",
      urgency: "high", // a background refresher races watch and the app
      command: "rm auto_token_manager.py",
      cause: { params: { replacement: "`cafe24-doctor watch`" } },
    });
    expect(byFile["scripts/token_refresh_helper.py"]).toMatchObject({
      code: "LEGACY_REFRESHER_SCRIPT",
      urgency: "medium",
      cause: { params: { replacement: "`cafe24-doctor token refresh`" } },
    });
    expect(byFile["tools/quick_token_exchange.py"]).toMatchObject({
      code: "LEGACY_REFRESHER_SCRIPT",
      cause: { params: { replacement: "`cafe24-doctor token login`" } },
    });
    expect(outcome.evidence.oldToolkitScripts).toHaveLength(3);
  });

  it("tells a diagnosis script that refreshes from one that only reads", async () => {
    const cwd = await project({
      "comprehensive_api_test.py": `from token_refresh_helper import refresh\n${OLD_REFRESH}`,
      "simple_diagnosis_report.py": "import json\nprint(json.load(open('oauth_token.json'))['expires_at'])\n",
    });
    const outcome = await run(cwd);
    const byFile = Object.fromEntries(outcome.findings.map((f) => [f.evidence?.path, f]));
    expect(byFile["comprehensive_api_test.py"]).toMatchObject({
      code: "LEGACY_REFRESHER_SCRIPT",
      urgency: "medium",
      cause: { key: "check.project-files.refreshingDiagnosis.cause" },
      evidence: { refreshes: true },
    });
    expect(byFile["simple_diagnosis_report.py"]).toMatchObject({
      code: "LEGACY_DIAGNOSIS_SCRIPT",
      urgency: "low",
      cause: { params: { replacement: "`cafe24-doctor`" } },
      evidence: { refreshes: false },
    });
    expect(byFile["simple_diagnosis_report.py"]?.command).toBeUndefined();
  });

  it("stays bounded: nothing deeper than one obvious folder, nothing in other folders", async () => {
    const cwd = await project({
      "scripts/old/auto_token_manager.py": OLD_REFRESH,
      "vendor/auto_token_manager.py": OLD_REFRESH,
      "node_modules/x/token_refresh_helper.py": OLD_REFRESH,
    });
    const outcome = await run(cwd);
    expect(outcome).toMatchObject({ status: "ok", findings: [] });
  });

  it("finds a .env committed to a real git repository, through runDoctor's own git probe", async () => {
    const cwd = await project({ ".env": "CAFE24_CLIENT_SECRET=WrongSecret123\n", "README.md": "" });
    await git("git", ["init", "-q"], { cwd });
    await git("git", ["add", ".env"], { cwd });
    for (const kind of ["diagnose", "check"] as const) {
      const doctor = await runDoctor({
        config: testConfig({ cwd }),
        kind,
        lookup: async () => ({ address: "127.0.0.1", family: 4 }),
      });
      const result = doctor.results.find((r) => r.id === "project-files");
      expect(
        result?.findings.map((f) => f.code),
        kind,
      ).toEqual(["ENV_FILE_TRACKED_BY_GIT"]);
      expect(
        doctor.problems.map((p) => p.finding.code),
        kind,
      ).toContain("ENV_FILE_TRACKED_BY_GIT");
    }
    // Untracked (the command the finding gives), the same project is clean.
    await git("git", ["rm", "-q", "--cached", ".env"], { cwd });
    const after = await runDoctor({
      config: testConfig({ cwd }),
      kind: "check",
      lookup: async () => ({ address: "127.0.0.1", family: 4 }),
    });
    expect(after.results.find((r) => r.id === "project-files")?.status).toBe("ok");
  });
});
