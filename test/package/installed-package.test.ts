import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { files: string[] };

/** Packing builds (tsc) and installing from git installs every dev dependency: minutes on a loaded 2-core box. */
const SETUP_TIMEOUT_MS = 240_000;
const STEP_TIMEOUT_MS = 60_000;

/**
 * The registry is never asked: npm works from its cache only, which `npm ci` filled before the tests ran, and
 * the update check is off (it would ask the registry for npm's own latest version).
 */
const NPM_ENV = { ...process.env, npm_config_offline: "true", npm_config_update_notifier: "false" };

const execFileAsync = promisify(execFile);

/** Runs a command to completion, killed at `timeoutMs`; rejects with all its output (tsc reports on stdout). */
async function run(command: string, args: string[], cwd: string, timeoutMs = STEP_TIMEOUT_MS) {
  try {
    return await execFileAsync(command, args, {
      cwd,
      env: NPM_ENV,
      timeout: timeoutMs,
      killSignal: "SIGKILL",
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const failed = error as Error & { stdout?: string };
    throw new Error(`${failed.message}\n${failed.stdout ?? ""}`);
  }
}

/**
 * A copy of what `npm pack` reads (the build inputs and every path `files` names), so packing runs the real
 * lifecycle — prepack removes dist/, prepare builds it — without touching the dist/ other tests are using.
 */
function copySources(to: string, extra: readonly string[] = []): void {
  mkdirSync(to);
  const shipped = pkg.files.filter((entry) => !entry.startsWith("!") && entry !== "dist");
  for (const name of ["package.json", "tsconfig.json", "tsconfig.build.json", "src", ...shipped, ...extra])
    cpSync(join(ROOT, name), join(to, name), { recursive: true });
}

/**
 * A new project whose lockfile holds this repository's production dependencies. npm 11 resolves a dependency
 * that is not in a lockfile from the registry's full metadata, which `npm ci` never fetched (a lockfile install
 * needs only the abbreviated one), so `npm install --offline <tarball>` into an empty project fails with
 * ENOTCACHED on the first dependency (@hono/node-server). With the lockfile, npm installs the very versions CI
 * installed, from the cache.
 */
function createApp(dir: string): void {
  mkdirSync(dir);
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as {
    packages: Record<string, { dev?: boolean }>;
  };
  const packages: Record<string, unknown> = { "": { name: "app" } };
  for (const [path, entry] of Object.entries(lock.packages))
    if (path !== "" && entry.dev !== true) packages[path] = entry;
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "app", private: true }));
  writeFileSync(
    join(dir, "package-lock.json"),
    JSON.stringify({ name: "app", lockfileVersion: 3, requires: true, packages }),
  );
}

/** The README's first-token example: the ```ts block after the comment that names this test. */
function readmeFirstTokenExample(): string {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const block = /<!-- Compiled and run [^>]*installed-package\.test\.ts\. -->\n```ts\n([\s\S]*?)\n```/.exec(
    readme,
  );
  if (!block?.[1]) throw new Error("README.md has no first-token example marked for this test");
  return block[1];
}

/**
 * Typed use of the core and /doctor, as an app's server would write it: compiles only when the declarations
 * resolve through `exports` and say what they should (the expected error proves they are not `any`).
 */
const TYPED_CORE_USAGE = `
import { Cafe24Client, type Cafe24Response, MemoryTokenStore, TokenManager, type TokenStore } from "cafe24-doctor";
import type { DoctorConfig } from "cafe24-doctor/doctor";

export function clientFor(baseUrl: string, clientId: string, clientSecret: string): Cafe24Client {
  const store: TokenStore = new MemoryTokenStore();
  const oauth = { mallId: "demomall", clientId, clientSecret, baseUrl, allowInsecureLoopback: true };
  const tokens = new TokenManager({ store, oauth });
  return new Cafe24Client({ mallId: "demomall", tokens, baseUrl, allowInsecureLoopback: true });
}
export const products = (client: Cafe24Client): Promise<Cafe24Response<{ products: unknown[] }>> =>
  client.get("/products", { query: { limit: 5 } });
export const reportDir = (config: DoctorConfig): string => config.reportDir;
// @ts-expect-error a TokenManager cannot be made without the store that keeps its tokens
export const storeless = new TokenManager({ oauth: { mallId: "m", clientId: "c", clientSecret: "s" } });
`;

/** The same from CommonJS: TypeScript 5.8+ lets \`module: nodenext\` code require() an ES module. */
const TYPED_COMMONJS_USAGE = `
import { MemoryTokenStore, TokenManager } from "cafe24-doctor";

export const manager = new TokenManager({
  store: new MemoryTokenStore(),
  oauth: { mallId: "demomall", clientId: "c", clientSecret: "s" },
});
`;

/** Types of the subpaths that run servers. */
const TYPED_SERVER_USAGE = `
import type { RunningEmulator, StartEmulatorOptions } from "cafe24-doctor/emulator";
import type { WatchSnapshot } from "cafe24-doctor/watch";

export const options: StartEmulatorOptions = { autoApprove: true, port: 0 };
export const template = (emu: RunningEmulator): string => emu.baseUrlTemplate;
export const mallIds = (snapshot: WatchSnapshot): string[] => snapshot.malls.map((mall) => mall.mallId);
`;

/**
 * Type-checks `files` in the app as a strict \`module: nodenext\` project that also checks the libraries'
 * declarations, and resolves with tsc's output (empty when it is clean).
 */
async function typeCheck(app: string, name: string, files: Record<string, string>, lib: string[]) {
  for (const [file, text] of Object.entries(files)) writeFileSync(join(app, file), text);
  const config = `tsconfig.${name}.json`;
  writeFileSync(
    join(app, config),
    JSON.stringify({
      compilerOptions: {
        module: "nodenext",
        moduleResolution: "nodenext",
        target: "es2022",
        lib,
        strict: true,
        skipLibCheck: false,
        noEmit: true,
        // @types/node comes from this repository: installing it would need the registry.
        typeRoots: [join(ROOT, "node_modules/@types")],
        types: ["node"],
      },
      files: Object.keys(files),
    }),
  );
  const { stdout } = await run(process.execPath, [TSC, "-p", config], app);
  return stdout;
}

const ENTRIES = [
  { entry: "cafe24-doctor", name: "TokenManager" },
  { entry: "cafe24-doctor/emulator", name: "startEmulator" },
  { entry: "cafe24-doctor/doctor", name: "runDoctor" },
  { entry: "cafe24-doctor/watch", name: "WatchManager" },
  { entry: "cafe24-doctor/redis", name: "RedisTokenStore" },
];

// A test spawns node, npm or tsc, each several seconds on a loaded machine; vitest's default would cut tsc off.
describe("the packed package, installed into a new project", { timeout: STEP_TIMEOUT_MS }, () => {
  let work: string;
  let app: string;
  let files: { path: string; size: number }[];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "cafe24-doctor-package-"));
    const source = join(work, "source");
    copySources(source);
    // prepare's tsc: this repository's, as after `npm ci` in a fresh clone.
    symlinkSync(join(ROOT, "node_modules"), join(source, "node_modules"), "dir");
    const { stdout } = await run(
      "npm",
      ["pack", "--json", "--pack-destination", work],
      source,
      SETUP_TIMEOUT_MS,
    );
    const [packed] = JSON.parse(stdout) as {
      filename: string;
      size: number;
      unpackedSize: number;
      entryCount: number;
      files: typeof files;
    }[];
    if (!packed) throw new Error(`npm pack printed no package: ${stdout}`);
    files = packed.files;
    console.log(
      `${packed.filename}: ${packed.size} bytes packed, ${packed.unpackedSize} unpacked, ${packed.entryCount} files`,
    );
    app = join(work, "app");
    createApp(app);
    await run("npm", ["install", "--offline", "--no-audit", "--no-fund", join(work, packed.filename)], app);
  }, SETUP_TIMEOUT_MS);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("ships dist/ without source maps or the demo, the schemas, LICENSE and both READMEs", () => {
    const paths = files.map((file) => file.path);
    expect(paths.filter((path) => path.endsWith(".map"))).toEqual([]);
    expect(paths.filter((path) => path.startsWith("dist/demo/"))).toEqual([]);
    expect(paths).toEqual(
      expect.arrayContaining([
        "LICENSE",
        "README.md",
        "README.ko.md",
        "package.json",
        "schema/cafe24-doctor.config.schema.json",
        "schema/comprehensive-test-report.schema.json",
        "dist/cli/main.js",
        "dist/index.js",
        "dist/index.d.ts",
      ]),
    );
    const outside = paths.filter(
      (path) =>
        !/^(dist|schema)\//.test(path) &&
        !["LICENSE", "README.md", "README.ko.md", "package.json"].includes(path),
    );
    expect(outside).toEqual([]);
  });

  it("runs the cafe24-doctor command from node_modules/.bin", async () => {
    const { stdout } = await run(join(app, "node_modules/.bin/cafe24-doctor"), ["--help"], app);
    expect(stdout).toContain("Usage: cafe24-doctor");
  });

  it.each(ENTRIES)("imports $entry as an ES module", async ({ entry, name }) => {
    const script = `import { ${name} } from "${entry}"; console.log(typeof ${name});`;
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], app);
    expect(stdout.trim()).toBe("function");
  });

  it("requires the core and each subpath from CommonJS (require of ESM, on by default from Node 20.19)", async () => {
    const script = ENTRIES.map(({ entry, name }) => `console.log(typeof require("${entry}").${name});`).join(
      "\n",
    );
    writeFileSync(join(app, "require-entries.cjs"), script);
    const { stdout } = await run(process.execPath, ["require-entries.cjs"], app);
    expect(stdout.trim().split("\n")).toEqual(ENTRIES.map(() => "function"));
  });

  it("type-checks typed use of the core and /doctor from ESM and CommonJS, without the DOM library", async () => {
    const files = { "core-usage.mts": TYPED_CORE_USAGE, "core-usage.cts": TYPED_COMMONJS_USAGE };
    await expect(typeCheck(app, "core", files, ["es2023"])).resolves.toBe("");
  });

  it("type-checks the README's first-token example and the /emulator and /watch types", async () => {
    const files = { "first-token.mts": readmeFirstTokenExample(), "server-usage.mts": TYPED_SERVER_USAGE };
    // Their declarations reach @hono/node-server's, which use the DOM's WebSocket event types.
    await expect(typeCheck(app, "servers", files, ["es2023", "dom"])).resolves.toBe("");
  });

  it("runs the README's first-token example against the emulator on 127.0.0.1", async () => {
    const { outputText } = ts.transpileModule(readmeFirstTokenExample(), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    writeFileSync(join(app, "first-token.mjs"), outputText);
    const { stdout } = await run(process.execPath, ["first-token.mjs"], app);
    expect(stdout.trim()).toBe("5 products");
  });
});

describe("installing from a git checkout", () => {
  let work: string;

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it(
    "builds dist/ and the bin with the prepare script, from npm's cache only",
    async () => {
      work = mkdtempSync(join(tmpdir(), "cafe24-doctor-git-"));
      const repo = join(work, "repo");
      // With its lockfile, from which npm installs the clone's dev dependencies (tsc among them) before prepare.
      copySources(repo, ["package-lock.json"]);
      const git = (...args: string[]) =>
        run("git", ["-c", "user.name=test", "-c", "user.email=test@127.0.0.1", ...args], repo);
      await git("init", "--quiet");
      await git("add", "--all");
      await git("commit", "--quiet", "--no-gpg-sign", "--message", "package under test");
      const app = join(work, "app");
      createApp(app);
      await run(
        "npm",
        ["install", "--offline", "--no-audit", "--no-fund", `git+file://${repo}`],
        app,
        SETUP_TIMEOUT_MS,
      );
      const { stdout } = await run(join(app, "node_modules/.bin/cafe24-doctor"), ["--help"], app);
      expect(stdout).toContain("Usage: cafe24-doctor");
      const script = `import { TokenManager } from "cafe24-doctor"; console.log(typeof TokenManager);`;
      const imported = await run(process.execPath, ["--input-type=module", "-e", script], app);
      expect(imported.stdout.trim()).toBe("function");
    },
    SETUP_TIMEOUT_MS + STEP_TIMEOUT_MS,
  );
});
