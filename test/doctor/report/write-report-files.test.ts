import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildReport } from "../../../src/doctor/report/build-report.js";
import { writeHtmlReport } from "../../../src/doctor/report/write-html-report.js";
import { serializeReport, writeJsonReport } from "../../../src/doctor/report/write-json-report.js";
import { createTranslator } from "../../../src/i18n/translate.js";
import { fullInput, RUN_END } from "./fixtures.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "doctor-report-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const report = () => buildReport(fullInput("en"), createTranslator("en"));

describe("report files", () => {
  it("writes the JSON report under the KST-stamped name, creating the directory, with no temp file left", async () => {
    const target = join(dir, "reports", "nested");
    const path = await writeJsonReport(target, report(), RUN_END);
    expect(path).toBe(join(target, "comprehensive_test_report_20261128_003006.json"));
    expect(await readdir(target)).toEqual(["comprehensive_test_report_20261128_003006.json"]);
    expect(await readFile(path, "utf8")).toBe(serializeReport(report()));
    expect(JSON.parse(await readFile(path, "utf8"))).toEqual(report());
  });

  it("writes the HTML report next to the JSON one with the same stamp", async () => {
    const json = await writeJsonReport(dir, report(), RUN_END);
    const html = await writeHtmlReport(dir, report(), RUN_END);
    expect(html).toBe(json.replace(/\.json$/, ".html"));
    expect(await readFile(html, "utf8")).toMatch(/^<!doctype html>/);
  });

  it("names and stamps the files in KST whatever the host time zone", () => {
    const dist = (file: string) =>
      JSON.stringify(fileURLToPath(new URL(`../../../dist/${file}`, import.meta.url)));
    // Imports the build (run `npm run build` first): TZ must be set before the process starts.
    const script = `
      const { buildReport } = await import(${dist("doctor/report/build-report.js")});
      const { writeJsonReport } = await import(${dist("doctor/report/write-json-report.js")});
      const { createTranslator } = await import(${dist("i18n/translate.js")});
      const input = JSON.parse(process.argv[1]);
      const report = buildReport(input, createTranslator("en"));
      const path = await writeJsonReport(process.argv[2], report, input.finishedAt);
      console.log(JSON.stringify([path.split(/[\\\\/]/).pop(), report.generatedAt, report.http.map((h) => h.at)]));`;
    const outputs = ["UTC", "Asia/Seoul", "America/Los_Angeles"].map((tz) =>
      execFileSync(
        process.execPath,
        ["--input-type=module", "-e", script, JSON.stringify(fullInput("en")), dir],
        {
          env: { ...process.env, TZ: tz },
        },
      ).toString(),
    );
    expect(new Set(outputs).size).toBe(1);
    expect(JSON.parse(outputs[0] ?? "[]")).toEqual([
      "comprehensive_test_report_20261128_003006.json",
      "2026-11-28T00:30:06+09:00",
      ["2026-11-28T00:30:05+09:00", "2026-11-28T00:30:05+09:00", "2026-11-28T00:30:05+09:00"],
    ]);
  });
});
