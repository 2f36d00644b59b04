/**
 * "cafe24-doctor/doctor": the diagnosis the CLI runs (`cafe24-doctor`, `check`) as a function, with the
 * configuration loader it reads. Kept out of the core so an app's server does not load the twelve checks.
 */

export type {
  BodyAssertion,
  ConfigSource,
  DoctorConfig,
  ModuleSpec,
  ServiceProbe,
} from "../config/doctor-config.js";
export {
  CONFIG_FILE_NAME,
  type LoadDoctorConfigOptions,
  loadDoctorConfig,
} from "../config/load-doctor-config.js";
export type { Lang } from "../i18n/translate.js";
export type { LookupHost } from "./context.js";
export type { HttpLog, HttpLogEntry } from "./http-log.js";
export type { RankedProblem, RootCause } from "./report/report-input.js";
export type { RootCauseCode } from "./root-cause.js";
export type { RunChecksHooks } from "./run-checks.js";
export { DEFAULT_DEADLINE_MS, type DoctorRun, type DoctorRunOptions, runDoctor } from "./run-doctor.js";
export type {
  CheckId,
  CheckOutcome,
  CheckResult,
  CheckStatus,
  EvidenceValue,
  Finding,
  FindingCode,
  FindingCodeOf,
  Message,
  Urgency,
} from "./types.js";
