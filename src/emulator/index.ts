/**
 * "cafe24-doctor/emulator": a local Cafe24 (OAuth, Admin API, rate limits, faults, clock) for tests and demos.
 * Its own entry because it loads hono and @hono/node-server, which an app using only the core never needs.
 */

export type { RequestLogEntry } from "./context.js";
export type { EmulatorControl, MallStatistics } from "./control/emulator-control.js";
export {
  createEmulator,
  type Emulator,
  type EmulatorMall,
  type EmulatorRuntime,
} from "./emulator.js";
export { FAULT_PROFILES } from "./faults.js";
export { loadEmulatorConfig, loadFaultRules } from "./load-emulator-config.js";
export type {
  EmulatorOptions,
  EmulatorOptionsInput,
  FaultRule,
  FaultRuleInput,
  MallConfig,
} from "./options.js";
export { type RunningEmulator, type StartEmulatorOptions, startEmulator } from "./server.js";
export { type ApiVersion, DEFAULT_API_VERSIONS, SERVED_VERSION_HEADER } from "./versions.js";
