import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const DIST = fileURLToPath(new URL("../../dist", import.meta.url));

/** Heavy packages the core must never load: web servers, metrics, certificates, a browser opener, the CLI parser. */
const NOT_IN_CORE = ["hono", "@hono/node-server", "prom-client", "selfsigned", "open", "commander"];

interface Graph {
  /** Packages imported anywhere in the graph (`zod`, `@hono/node-server`); node: built-ins left out. */
  packages: string[];
  /** Directories of dist/ the graph's files live in (`cafe24`, `http`, …); the entry file itself aside. */
  dirs: string[];
}

const packageOf = (specifier: string) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");

/**
 * Every module a built entry can load: follows relative imports, re-exports and literal dynamic imports of the
 * JavaScript (type-only imports are gone from it), read by TypeScript's own scanner rather than a regex.
 */
function importGraph(entry: string): Graph {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const pending = [resolve(DIST, entry)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    for (const { fileName } of importedFiles) {
      if (fileName.startsWith(".")) pending.push(resolve(dirname(file), fileName));
      else if (!fileName.startsWith("node:")) packages.add(packageOf(fileName));
    }
  }
  const dirs = new Set(
    [...seen]
      .map((file) => relative(DIST, file).split("/"))
      .flatMap((parts) => (parts.length > 1 ? [parts[0]] : [])),
  );
  return { packages: [...packages].sort(), dirs: [...dirs].sort() as string[] };
}

describe("the import graphs of the built entries", () => {
  it("loads no server, metrics, certificate, browser or CLI package from the core", () => {
    const { packages } = importGraph("index.js");
    expect(packages.filter((name) => NOT_IN_CORE.includes(name))).toEqual([]);
  });

  it("keeps the core to cafe24, oauth, store, tokens, http, errors and util, with zod and proper-lockfile", () => {
    expect(importGraph("index.js")).toEqual({
      packages: ["proper-lockfile", "zod"],
      dirs: ["cafe24", "errors", "http", "oauth", "store", "tokens", "util"],
    });
  });

  it("gives /emulator the Cafe24 vocabulary and hono, and nothing of the client side", () => {
    expect(importGraph("emulator/index.js")).toEqual({
      packages: ["@hono/node-server", "hono", "zod"],
      dirs: ["cafe24", "emulator", "errors", "util"],
    });
  });

  // ioredis is reached by a dynamic import only, made when the configuration names a Redis store; ignore reads the
  // project's .gitignore files for the code scan.
  it("gives /doctor the checks with their config, messages and client, but no server", () => {
    expect(importGraph("doctor/index.js")).toEqual({
      packages: ["ignore", "ioredis", "proper-lockfile", "zod"],
      dirs: ["cafe24", "config", "doctor", "errors", "http", "i18n", "oauth", "redis", "store", "util"],
    });
  });

  it("gives /redis the Redis store and pacer with ioredis", () => {
    expect(importGraph("redis/index.js")).toEqual({
      packages: ["ioredis", "zod"],
      dirs: ["cafe24", "errors", "http", "redis", "store", "util"],
    });
  });

  it("gives /watch the manager, the doctor and the status server with its metrics", () => {
    expect(importGraph("watch/index.js")).toEqual({
      packages: ["@hono/node-server", "hono", "ignore", "ioredis", "prom-client", "proper-lockfile", "zod"],
      dirs: [
        "cafe24",
        "config",
        "doctor",
        "errors",
        "http",
        "i18n",
        "oauth",
        "redis",
        "store",
        "tokens",
        "util",
        "watch",
      ],
    });
  });
});
