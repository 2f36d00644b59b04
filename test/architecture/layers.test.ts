import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../../src", import.meta.url));

/**
 * The directories of src/, bottom first. A directory may import its own files and those of lower layers only;
 * directories sharing a layer do not import each other (errors and util excepted: errors are scrubbed by util).
 * Data flows one way: cli → doctor/watch → http → tokens → store/oauth → cafe24.
 */
const LAYERS: readonly (readonly string[])[] = [
  ["errors", "util"],
  ["cafe24"],
  ["i18n"],
  ["oauth", "store"],
  ["tokens"],
  ["http"],
  ["redis"],
  ["config"],
  ["emulator"],
  ["doctor", "token", "conformance"],
  ["api-command"],
  ["watch"],
  ["demo"],
  ["cli"],
];
/** The emulator shares only the Cafe24 vocabulary with the client side, so a client bug cannot hide in it. */
const EMULATOR_MAY_IMPORT = new Set(["emulator", "cafe24", "errors", "util"]);

const layerOf = new Map(LAYERS.flatMap((dirs, i) => dirs.map((dir) => [dir, i] as const)));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/** Every relative import of a file, as the top directory under src/ it lands in. */
function importedDirs(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)].map(
    (m) => m[1] as string,
  );
  return specifiers.map((spec) => relative(SRC, resolve(dirname(file), spec)).split("/")[0] as string);
}

const topDir = (file: string) => relative(SRC, file).split("/")[0] as string;

describe("the layers of src/", () => {
  const files = sourceFiles(SRC).filter((file) => topDir(file) !== "index.ts");

  it("places every directory in a layer", () => {
    const dirs = new Set(files.map(topDir));
    expect([...dirs].filter((dir) => !layerOf.has(dir))).toEqual([]);
  });

  it("never imports upwards or sideways", () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = topDir(file);
      const own = layerOf.get(from) ?? -1;
      for (const to of importedDirs(file)) {
        if (to === from || to.endsWith(".ts") || to.endsWith(".js")) continue;
        const theirs = layerOf.get(to) ?? Number.POSITIVE_INFINITY;
        const pair = new Set([from, to]);
        const allowed =
          (from === "emulator" ? EMULATOR_MAY_IMPORT.has(to) : theirs < own) ||
          (pair.has("errors") && pair.has("util"));
        if (!allowed) violations.push(`${relative(SRC, file)} imports ${to}/`);
      }
    }
    expect(violations).toEqual([]);
  });
});
