/**
 * cafe24-doctor's core: OAuth helpers, token stores, TokenManager, Cafe24Client and typed errors. What a server
 * loads needs no web server, prompt or metrics library, so those live behind their own entries:
 * "cafe24-doctor/emulator", "cafe24-doctor/doctor" and "cafe24-doctor/watch" (test/package pins each graph).
 */

export { HEADER } from "./cafe24/headers.js";
export {
  formatKstDate,
  formatKstIso,
  formatKstNaive,
  KST_OFFSET_MS,
  parseCafe24Time,
  startOfKstDay,
} from "./cafe24/kst.js";
export { type BaseUrlOptions, DEFAULT_BASE_URL_TEMPLATE, mallBaseUrl } from "./cafe24/mall-base-url.js";
export { isMallId } from "./cafe24/mall-id.js";
export { PAGING, type PagingRule } from "./cafe24/paging.js";
export { CAFE24_SCOPES, isKnownScope, scopeForAdminPath, splitScopes } from "./cafe24/scopes.js";
export { toTokenSet } from "./cafe24/token-response.js";
export type { TokenSet } from "./cafe24/token-set.js";
export { DoctorError, ERROR_CODES, type ErrorCode } from "./errors/doctor-error.js";
export { Cafe24Client, type RequestOptions } from "./http/cafe24-client.js";
export { type Cafe24ErrorBody, Cafe24HttpError } from "./http/cafe24-http-error.js";
export type { Cafe24ClientOptions, PacingOptions } from "./http/client-options.js";
export type { Cafe24Response } from "./http/interpret-response.js";
export {
  MemoryPacerState,
  type PacerObservation,
  type PacerState,
  type Reservation,
} from "./http/pacer-state.js";
export type { PaginateOptions } from "./http/paginate.js";
export type { CallLimit } from "./http/rate-headers.js";
export type { Query, QueryValue } from "./http/request-target.js";
export type { RetryOptions } from "./http/retry-policy.js";
export { type AuthorizeUrlOptions, buildAuthorizeUrl } from "./oauth/build-authorize-url.js";
export { type ExchangeCodeOptions, exchangeCode } from "./oauth/exchange-code.js";
export type { OAuthClientConfig } from "./oauth/oauth-client-config.js";
export { type OAuthOperation, OAuthRequestError } from "./oauth/oauth-error.js";
export { type ParsedRedirect, parseRedirect } from "./oauth/parse-redirect.js";
export { refreshToken } from "./oauth/refresh-token.js";
export { type RevokeTokenOptions, revokeToken } from "./oauth/revoke-token.js";
export { DEFAULT_TOKEN_FILE, FileTokenStore, type FileTokenStoreOptions } from "./store/file-token-store.js";
export { MemoryTokenStore, type MemoryTokenStoreOptions } from "./store/memory-token-store.js";
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
export {
  type FetchLike,
  type Logger,
  type Now,
  type RandomSource,
  type Sleep,
  silentLogger,
} from "./util/runtime.js";
