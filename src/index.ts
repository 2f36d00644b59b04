/** cafe24-doctor's public API. Everything a user's code may import is exported here and nowhere else. */

export { HEADER } from "./cafe24/headers.js";
export {
  formatKstDate,
  formatKstIso,
  formatKstNaive,
  KST_OFFSET_MS,
  parseCafe24Time,
  startOfKstDay,
} from "./cafe24/kst.js";
export { PAGING, type PagingRule } from "./cafe24/paging.js";
export { CAFE24_SCOPES, isKnownScope, scopeForAdminPath, splitScopes } from "./cafe24/scopes.js";
export { EmulatorClock } from "./emulator/clock.js";
export type { RequestLogEntry } from "./emulator/context.js";
export { EmulatorControl, type MallStatistics } from "./emulator/control/emulator-control.js";
export {
  createEmulator,
  type Emulator,
  type EmulatorMall,
  type EmulatorRuntime,
} from "./emulator/emulator.js";
export { FAULT_PROFILES } from "./emulator/faults.js";
export { loadEmulatorConfig, loadFaultRules } from "./emulator/load-emulator-config.js";
export type {
  EmulatorOptions,
  EmulatorOptionsInput,
  FaultRuleInput,
  MallConfig,
} from "./emulator/options.js";
export { type RunningEmulator, type StartEmulatorOptions, startEmulator } from "./emulator/server.js";
export { tokenId } from "./emulator/state/tokens.js";
export { DEFAULT_API_VERSIONS } from "./emulator/versions.js";
export { DoctorError, ERROR_CODES } from "./errors/doctor-error.js";
export { maskSecret } from "./util/mask-secret.js";
