import { describe, expect, it } from "vitest";
import { scanProject } from "../../../src/doctor/scan/scan-project.js";
import { PY_REFRESHER, project } from "./scan-helpers.js";

const places = async (root: string) =>
  (await scanProject(root)).findings.map((f) => `${f.rule} ${f.file}:${f.line}`);

describe("what the scan reads of a project", () => {
  it("finds the refresher in the project's own folders (the control for the cases below)", async () => {
    const root = await project({ "app/refresh.py": PY_REFRESHER, "jobs/refresh.py": PY_REFRESHER });
    expect(await places(root)).toEqual(["REFRESHER app/refresh.py:3", "REFRESHER jobs/refresh.py:3"]);
  });

  it("skips installed packages, virtualenvs and build output", async () => {
    const root = await project({
      "node_modules/old-sdk/refresh.py": PY_REFRESHER,
      ".venv/lib/python3.12/site-packages/sdk/refresh.py": PY_REFRESHER,
      "venv/lib/refresh.py": PY_REFRESHER,
      "env/pyvenv.cfg": "home = /usr/bin\n",
      "env/lib/python3.12/refresh.py": PY_REFRESHER,
      "pyenv-3.12/pyvenv.cfg": "home = /usr/bin\n",
      "pyenv-3.12/lib/refresh.py": PY_REFRESHER,
      "lib/python3.12/site-packages/sdk/refresh.py": PY_REFRESHER,
      "build/lib/refresh.py": PY_REFRESHER,
      "dist/refresh.py": PY_REFRESHER,
      "out/refresh.py": PY_REFRESHER,
      "target/refresh.py": PY_REFRESHER,
      "vendor/sdk/refresh.py": PY_REFRESHER,
      ".git/hooks/refresh.py": PY_REFRESHER,
    });
    expect(await places(root)).toEqual([]);
  });

  it("respects .gitignore files, a nested one re-including a file", async () => {
    const root = await project({
      ".gitignore": "legacy/\n*.bak.py\nscripts/*.py\n",
      "legacy/refresh.py": PY_REFRESHER,
      "old.bak.py": PY_REFRESHER,
      "scripts/.gitignore": "!keep.py\n",
      "scripts/drop.py": PY_REFRESHER,
      "scripts/keep.py": PY_REFRESHER,
    });
    expect(await places(root)).toEqual(["REFRESHER scripts/keep.py:3"]);
  });

  it("skips test fixture folders below the root, and test and benchmark code (they talk to mocks)", async () => {
    const root = await project({
      "fixtures/refresh.py": PY_REFRESHER,
      "app/__fixtures__/refresh.py": PY_REFRESHER,
      "pkg/testdata/refresh.py": PY_REFRESHER,
      "tests/test_refresh.py": PY_REFRESHER,
      "app/refresh_test.py": PY_REFRESHER,
      "bench/refresh-baseline.py": PY_REFRESHER,
      "src/refresh.test.ts":
        'await fetch("https://x.cafe24api.com/api/v2/oauth/token", { body: "grant_type=refresh_token" });\n',
    });
    const scan = await scanProject(root);
    expect(scan.findings).toEqual([]);
    expect(scan.skipped.tests).toBe(4);
  });

  it("reads no Markdown, binary or minified file", async () => {
    const root = await project({
      "README.md": `\`\`\`python\n${PY_REFRESHER}\`\`\`\n`,
      "blob.py": Buffer.concat([Buffer.from(PY_REFRESHER), Buffer.from([0, 1, 2])]),
      "bundle.js": `${"var a=1;".repeat(300)}fetch("https://x.cafe24api.com/api/v2/oauth/token",{body:"grant_type=refresh_token"})\n`,
      "app.min.js": 'fetch("https://x.cafe24api.com/api/v2/oauth/token",{body:"grant_type=refresh_token"})\n',
    });
    const scan = await scanProject(root);
    expect(scan.findings).toEqual([]);
    expect(scan.skipped).toMatchObject({ binary: 1, minified: 1 });
  });

  it("does not follow symbolic links out of the project", async () => {
    const outside = await project({ "refresh.py": PY_REFRESHER });
    const root = await project({ "app.py": "print('hi')\n" });
    const { symlink } = await import("node:fs/promises");
    await symlink(outside, `${root}/linked`);
    expect(await places(root)).toEqual([]);
  });
});
