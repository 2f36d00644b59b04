import type { DoctorConfig } from "../config/doctor-config.js";
import { verdictOf } from "../doctor/report/verdict.js";
import { type DoctorRunOptions, runDoctor } from "../doctor/run-doctor.js";
import { createTranslator } from "../i18n/translate.js";
import type { MallDiagnosis } from "./watch-status.js";

/** What a periodic check reports; the manager stamps the time. */
export interface DiagnosisResult extends Omit<MallDiagnosis, "at"> {
  /** Cafe24 API calls the check made, added to the mall's apiCalls counter. */
  apiCalls?: number;
}

/** A full check of one mall (the doctor's `check`, or a fake in tests). */
export type DiagnoseMall = (mallId: string, options: { signal: AbortSignal }) => Promise<DiagnosisResult>;

/**
 * The doctor's 12-step check as the watch's periodic diagnosis: the same config with the mall swapped in.
 * The doctor never refreshes, so it cannot race the manager for the token.
 */
export function doctorDiagnose(
  config: DoctorConfig,
  options: Omit<DoctorRunOptions, "config" | "kind"> = {},
): DiagnoseMall {
  const t = createTranslator("en");
  return async (mallId) => {
    const run = await runDoctor({ ...options, config: { ...config, mallId }, kind: "check" });
    const verdict = verdictOf(run.results);
    const cause = run.rootCause;
    return {
      status: verdict.status,
      exitCode: verdict.exitCode,
      rootCause: cause
        ? { code: cause.code, title: t(cause.title.key, cause.title.params), command: cause.command ?? null }
        : null,
      apiCalls: run.apiCalls.spent,
    };
  };
}
