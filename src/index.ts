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
export { DEFAULT_BASE_URL_TEMPLATE, mallBaseUrl } from "./cafe24/mall-base-url.js";
export { PAGING, type PagingRule } from "./cafe24/paging.js";
export { CAFE24_SCOPES, isKnownScope, scopeForAdminPath, splitScopes } from "./cafe24/scopes.js";
export { toTokenSet } from "./cafe24/token-response.js";
export type { TokenSet } from "./cafe24/token-set.js";
export type { DoctorConfig } from "./config/doctor-config.js";
export { loadDoctorConfig } from "./config/load-doctor-config.js";
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
export { Cafe24Client, type RequestOptions } from "./http/cafe24-client.js";
export { Cafe24HttpError } from "./http/cafe24-http-error.js";
export type { Cafe24ClientOptions, PacingOptions } from "./http/client-options.js";
export type { Cafe24Response } from "./http/interpret-response.js";
export { MemoryPacerState, type PacerState } from "./http/pacer-state.js";
export type { PaginateOptions } from "./http/paginate.js";
export type { RetryOptions } from "./http/retry-policy.js";
export { type AuthorizeUrlOptions, buildAuthorizeUrl } from "./oauth/build-authorize-url.js";
export { type ExchangeCodeOptions, exchangeCode } from "./oauth/exchange-code.js";
export type { OAuthClientConfig } from "./oauth/oauth-client-config.js";
export { OAuthRequestError } from "./oauth/oauth-error.js";
export { type ParsedRedirect, parseRedirect } from "./oauth/parse-redirect.js";
export { refreshToken } from "./oauth/refresh-token.js";
export { type RevokeTokenOptions, revokeToken } from "./oauth/revoke-token.js";
export { DEFAULT_TOKEN_FILE, FileTokenStore, type FileTokenStoreOptions } from "./store/file-token-store.js";
export { MemoryTokenStore } from "./store/memory-token-store.js";
export type { CompareAndSetResult, RecoveredToken, StoredToken, TokenStore } from "./store/token-store.js";
export type { AccessTokenProvider } from "./tokens/access-token-provider.js";
export {
  DEFAULT_REFRESH_BEFORE_MS,
  type RefreshReason,
  type TokenLife,
  TokenManager,
  type TokenManagerEvents,
  type TokenManagerOptions,
  type TokenStatus,
} from "./tokens/token-manager.js";
export { criticalWorkPending, criticalWorkSettled } from "./util/critical-work.js";
export { maskSecret } from "./util/mask-secret.js";
export { type FetchLike, type Logger, type Now, type Sleep, silentLogger } from "./util/runtime.js";
export { jsonWebhookSink, slackPayload, slackWebhookSink, webhookPayload } from "./watch/alert-sinks.js";
export type { Alert, AlertEvent, AlertOptions, AlertSink } from "./watch/alerts.js";
export { type DiagnoseMall, doctorDiagnose } from "./watch/diagnose-mall.js";
export {
  type RunningStatusServer,
  type StartStatusServerOptions,
  startStatusServer,
} from "./watch/status-server/start-status-server.js";
export { WatchManager, type WatchRunSummary } from "./watch/watch-manager.js";
export type { WatchManagerOptions } from "./watch/watch-options.js";
export type {
  MallWatchState,
  MallWatchStatus,
  WatchSnapshot,
  WatchStatusSource,
} from "./watch/watch-status.js";
