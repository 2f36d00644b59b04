#!/usr/bin/env node
// `npm run test:stress [-- <runs> [vitest args…]]`: the whole suite (`npm test`) while CPU-bound processes run
// beside it, so a test that holds only on an idle machine fails here instead of now and then in CI (issue 9).
//   runs      how many times to run the suite (default 3, or STRESS_RUNS); stops at the first failing run
//   vitest args   passed on, e.g. test/watch to stress one folder
//   STRESS_BURNERS   busy-looping processes beside it (default 2)
// Each run's JSON report goes to test-results/stress/run-<n>.json, never to test-results/vitest.json, which
// belongs to the normal run that CI summarises. The burners are stopped at the end, whatever happens.

import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const runs = positiveInt(process.argv[2] ?? process.env.STRESS_RUNS ?? "3", "runs");
const vitestArgs = process.argv.slice(3);
const burnerCount = positiveInt(process.env.STRESS_BURNERS ?? "2", "STRESS_BURNERS", 0);
const reportDir = join("test-results", "stress");

// A busy loop that looks up now and then to see whether this script is still its parent: if the script is
// killed outright (no exit handler runs), the burner notices it was orphaned and exits instead of spinning on.
const BURNER = `
const parent = process.ppid;
for (;;) {
  for (let i = 0; i < 5e7; i++);
  if (process.ppid !== parent) process.exit(0);
}`;

const burners = [];
function stopBurners() {
  for (const burner of burners)
    if (burner.exitCode === null && burner.signalCode === null) burner.kill("SIGKILL");
}
process.on("exit", stopBurners);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    stopBurners();
    process.exit(130);
  });
}

function positiveInt(text, name, min = 1) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    console.error(`stress: ${name} must be a whole number of at least ${min}, got "${text}"`);
    process.exit(2);
  }
  return value;
}

/** Runs `npm test` with its JSON report at `report`; resolves with the exit code. */
function runSuite(report) {
  return new Promise((resolve) => {
    const child = spawn("npm", ["test", "--", `--outputFile.json=${report}`, ...vitestArgs], {
      stdio: "inherit",
    });
    child.once("error", (error) => {
      console.error(`stress: could not start npm test: ${error.message}`);
      resolve(1);
    });
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** "N passed, N failed" and the failing tests' names, from a vitest JSON report. */
function summarise(report) {
  let r;
  try {
    r = JSON.parse(readFileSync(report, "utf8"));
  } catch {
    return { line: "no JSON report", failed: 1, names: [] };
  }
  const failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
  const pending = r.numPendingTests + r.numTodoTests;
  const names = r.testResults.flatMap((file) => [
    ...(file.status === "failed" && file.assertionResults.length === 0
      ? [`${file.name}: ${file.message}`]
      : []),
    ...file.assertionResults.filter((t) => t.status === "failed").map((t) => `${file.name} > ${t.fullName}`),
  ]);
  return {
    line: `${r.numPassedTests} passed, ${failed} failed${pending > 0 ? `, ${pending} skipped or todo` : ""}`,
    failed: failed + pending,
    names,
  };
}

const minutes = (ms) => `${(ms / 60_000).toFixed(1)} min`;

async function main() {
  rmSync(reportDir, { recursive: true, force: true });
  mkdirSync(reportDir, { recursive: true });
  for (let i = 0; i < burnerCount; i++) {
    burners.push(spawn(process.execPath, ["-e", BURNER], { stdio: "ignore" }));
  }
  console.log(`stress: ${runs} run(s) of npm test beside ${burnerCount} CPU-bound process(es)`);
  const results = [];
  for (let run = 1; run <= runs; run++) {
    const report = join(reportDir, `run-${run}.json`);
    console.log(`\n== stress run ${run}/${runs}`);
    const started = Date.now();
    const code = await runSuite(report);
    const ms = Date.now() - started;
    const summary = summarise(report);
    const ok = code === 0 && summary.failed === 0;
    results.push(`run ${run}: ${ok ? "PASS" : "FAIL"} ${summary.line} in ${minutes(ms)} (exit ${code})`);
    console.log(`\nstress ${results.at(-1)}`);
    for (const name of summary.names) console.log(`  failed: ${name}`);
    if (!ok) break;
  }
  stopBurners();
  console.log(`\nstress results:\n${results.map((r) => `  ${r}`).join("\n")}`);
  return results.length === runs && results.every((r) => r.includes(": PASS ")) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
