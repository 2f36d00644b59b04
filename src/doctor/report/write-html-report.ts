import { renderHtml } from "./render-html.js";
import type { DoctorReport } from "./report-model.js";
import { reportFilePath, writeReportFile } from "./write-report-file.js";

/** Writes `comprehensive_test_report_YYYYMMDD_HHMMSS.html` next to the JSON report; returns its path. */
export async function writeHtmlReport(
  dir: string,
  report: DoctorReport,
  finishedAt: number,
): Promise<string> {
  const path = reportFilePath(dir, finishedAt, "html");
  await writeReportFile(path, renderHtml(report));
  return path;
}
