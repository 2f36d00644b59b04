/** cafe24-doctor's public API. Everything a user's code may import is exported here and nowhere else. */

export { type AuthorizeUrlOptions, buildAuthorizeUrl } from "./auth/build-authorize-url.js";
export { toTokenSet } from "./auth/cafe24-token-response.js";
export { type ExchangeCodeOptions, exchangeCode } from "./auth/exchange-code.js";
export type { OAuthClientConfig } from "./auth/oauth-client-config.js";
export { OAuthRequestError } from "./auth/oauth-error.js";
export { type ParsedRedirect, parseRedirect } from "./auth/parse-redirect.js";
export { refreshToken } from "./auth/refresh-token.js";
export { type RevokeTokenOptions, revokeToken } from "./auth/revoke-token.js";
export {
  DEFAULT_REFRESH_BEFORE_MS,
  type RefreshReason,
  type TokenLife,
  TokenManager,
  type TokenManagerEvents,
  type TokenManagerOptions,
  type TokenStatus,
} from "./auth/token-manager.js";
export type { TokenSet } from "./auth/token-set.js";
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
export type { DoctorConfig } from "./config/doctor-config.js";
export { loadDoctorConfig } from "./config/load-doctor-config.js";
export { jsonWebhookSink, slackPayload, slackWebhookSink, webhookPayload } from "./daemon/alert-sinks.js";
export type { Alert, AlertEvent, AlertOptions, AlertSink } from "./daemon/alerts.js";
export { type DiagnoseMall, doctorDiagnose } from "./daemon/diagnose-mall.js";
export {
  type RunningStatusServer,
  type StartStatusServerOptions,
  startStatusServer,
} from "./daemon/status-server/start-status-server.js";
export { WatchManager, type WatchRunSummary } from "./daemon/watch-manager.js";
export type { WatchManagerOptions } from "./daemon/watch-options.js";
export type {
  MallWatchState,
  MallWatchStatus,
  WatchSnapshot,
  WatchStatusSource,
} from "./daemon/watch-status.js";
export { type DoctorRun, type DoctorRunOptions, runDoctor } from "./doctor/run-doctor.js";
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
export type { AccessTokenProvider } from "./http/access-token-provider.js";
export { Cafe24Client, type RequestOptions } from "./http/cafe24-client.js";
export { Cafe24HttpError } from "./http/cafe24-http-error.js";
export type { Cafe24ClientOptions, PacingOptions } from "./http/client-options.js";
export type { Cafe24Response } from "./http/interpret-response.js";
export { DEFAULT_BASE_URL_TEMPLATE, mallBaseUrl } from "./http/mall-base-url.js";
export { MemoryPacerState, type PacerState } from "./http/pacer-state.js";
export type { PaginateOptions } from "./http/paginate.js";
export type { RetryOptions } from "./http/retry-policy.js";
export { DEFAULT_TOKEN_FILE, FileTokenStore, type FileTokenStoreOptions } from "./store/file-token-store.js";
export { MemoryTokenStore } from "./store/memory-token-store.js";
export type { CompareAndSetResult, RecoveredToken, StoredToken, TokenStore } from "./store/token-store.js";
export { criticalWorkPending, criticalWorkSettled } from "./util/critical-work.js";
export { maskSecret } from "./util/mask-secret.js";
export { type FetchLike, type Logger, type Now, type Sleep, silentLogger } from "./util/runtime.js";
