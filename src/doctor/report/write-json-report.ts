import type { DoctorReport } from "./report-model.js";
import { reportFilePath, writeReportFile } from "./write-report-file.js";

/** The report as written to the file and to stdout by `--json`: one serialization, so both match the schema. */
export function serializeReport(report: DoctorReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Writes `comprehensive_test_report_YYYYMMDD_HHMMSS.json` (KST stamp of `finishedAt`) into `dir`; returns its path. */
export async function writeJsonReport(
  dir: string,
  report: DoctorReport,
  finishedAt: number,
): Promise<string> {
  const path = reportFilePath(dir, finishedAt, "json");
  await writeReportFile(path, serializeReport(report));
  return path;
}
