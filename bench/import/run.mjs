// bench/import: what importing each entry of the package costs, next to the single entry it replaced.
// BEFORE is `--before` (default e34094d, whose dist/index.js exported everything and so loaded hono, prom-client,
// the emulator's data generator, the doctor and the watch) built into a temp directory; AFTER is this tree's
// dist/ (hence `npm run bench:import`, which builds first). Every import runs in a fresh node process, timed
// inside it from just before `import()` to just after, so node's own start-up is left out; the entries take
// turns in each round, so a slow moment of the machine is spread over all of them.
//   --before <ref> (e34094d) · --runs N (7 per entry; the median is reported)
import { spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { buildCommit } from "../lib/build-commit.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const { values: args } = parseArgs({
  options: {
    before: { type: "string", default: "e34094d" },
    runs: { type: "string", default: "7" },
  },
});
const runs = Number(args.runs);
/** One import in a fresh process; a hung import is reported, not waited on forever. */
const RUN_TIMEOUT_MS = 30_000;

const buildStarted = performance.now();
const before = buildCommit(root, args.before, { prefix: "bench-import-before-" });
const buildMs = performance.now() - buildStarted;

const entries = [
  { label: `old single entry (${before.commit})`, file: join(before.dir, "dist/index.js") },
  { label: "cafe24-doctor", file: join(root, "dist/index.js") },
  { label: "cafe24-doctor/emulator", file: join(root, "dist/emulator/index.js") },
  { label: "cafe24-doctor/doctor", file: join(root, "dist/doctor/index.js") },
  { label: "cafe24-doctor/watch", file: join(root, "dist/watch/index.js") },
];

/** Milliseconds one fresh node process spends in `import()` of `file`. */
function importMs(file) {
  const script = [
    "const started = performance.now();",
    `await import(${JSON.stringify(pathToFileURL(file).href)});`,
    "console.log(performance.now() - started);",
  ].join("\n");
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
    timeout: RUN_TIMEOUT_MS,
  });
  const ms = Number(child.stdout.trim());
  if (child.status !== 0 || !Number.isFinite(ms))
    throw new Error(
      `importing ${file} failed (${child.status ?? child.signal}): ${child.stderr.trim().slice(0, 300)}`,
    );
  return ms;
}

const times = new Map(entries.map((entry) => [entry, []]));
for (let round = 0; round < runs; round++)
  for (const entry of entries) times.get(entry).push(importMs(entry.file));

const sorted = (values) => [...values].sort((a, b) => a - b);
const median = (values) => {
  const s = sorted(values);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const oldMedian = median(times.get(entries[0]));

console.log(`bench/import: ${runs} fresh node processes per entry, time inside import() (median; min–max)`);
console.log(
  `machine: nproc ${availableParallelism()}, node ${process.version}, ${process.platform} ${process.arch}`,
);
console.log(`BEFORE ${before.commit} built in ${(buildMs / 1000).toFixed(1)} s`);
console.log();
console.log(`${"entry".padEnd(34)}${"median".padStart(10)}${"min–max".padStart(18)}${"vs old".padStart(10)}`);
for (const entry of entries) {
  const values = times.get(entry);
  const s = sorted(values);
  const m = median(values);
  const range = `${s[0].toFixed(0)}–${s[s.length - 1].toFixed(0)} ms`;
  console.log(
    `${entry.label.padEnd(34)}${`${m.toFixed(1)} ms`.padStart(10)}${range.padStart(18)}${`${(m / oldMedian).toFixed(2)}×`.padStart(10)}`,
  );
}
