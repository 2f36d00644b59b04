// Builds an old commit of this repository into a temporary directory, for benches that compare BEFORE with this
// tree (bench/kill-window, bench/import).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Builds `ref` from git objects only, so the working tree, index and HEAD of the repository stay untouched; the
 * build uses this tree's node_modules (the dependencies of the commit are assumed to be installed). Returns the
 * short commit id and the directory (its build in `dist/`), which is removed when the process exits, however it
 * exits: the tsc output of an old commit is no use after the run.
 */
export function buildCommit(root, ref, { prefix = "bench-before-" } = {}) {
  const revParse = ["-C", root, "rev-parse", "--short", "--verify", `${ref}^{commit}`];
  const commit = execFileSync("git", revParse, { encoding: "utf8" }).trim();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  const tar = execFileSync(
    "git",
    [
      "-C",
      root,
      "archive",
      "--format=tar",
      commit,
      "--",
      "package.json",
      "tsconfig.json",
      "tsconfig.build.json",
      "src",
    ],
    { maxBuffer: 256 * 1024 * 1024 },
  );
  execFileSync("tar", ["-x", "-C", dir], { input: tar });
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  execFileSync(
    process.execPath,
    [join(dir, "node_modules/typescript/bin/tsc"), "-p", join(dir, "tsconfig.build.json")],
    { stdio: "inherit" },
  );
  return { commit, dir };
}
