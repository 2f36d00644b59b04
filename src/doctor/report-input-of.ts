import type { Lang } from "../i18n/translate.js";
import { TOOL_VERSION } from "../util/tool-version.js";
import type { ReportInput } from "./report/report-input.js";
import type { DoctorRun } from "./run-doctor.js";

/** What the report writers need from one run. */
export function reportInputOf(run: DoctorRun, lang: Lang, mallId: string | undefined): ReportInput {
  return {
    kind: run.kind,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    lang,
    mallId,
    results: run.results,
    problems: run.problems,
    rootCause: run.rootCause,
    http: run.http.entries,
    apiCalls: run.apiCalls,
    deadline: run.deadline,
    toolVersion: TOOL_VERSION,
  };
}
