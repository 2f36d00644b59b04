/**
 * "cafe24-doctor/watch": the background token manager behind `cafe24-doctor watch`, its status server and
 * alert sinks. Its own entry because the status server loads hono and prom-client.
 */

export {
  type AccessTokenIssuer,
  AccessTokenUnavailable,
  type IssuedAccessToken,
  type IssueOptions,
  type IssueOutcome,
} from "./access-token-issuer.js";
export {
  jsonWebhookSink,
  slackPayload,
  slackWebhookSink,
  type WebhookSinkOptions,
  webhookPayload,
} from "./alert-sinks.js";
export type { Alert, AlertEvent, AlertOptions, AlertSink } from "./alerts.js";
export type { AppRemoval, AppRemovalSource } from "./app-removal.js";
export type {
  ClaimedMall,
  ClusterView,
  MallCoordinator,
  MallDue,
  MallRelease,
  RemovalMark,
  ReplicaInfo,
} from "./cluster/mall-coordinator.js";
export type { MallRecord } from "./cluster/mall-record.js";
export {
  RedisWatchCluster,
  type RedisWatchClusterOptions,
  WATCH_CLUSTER_DEFAULTS,
} from "./cluster/redis-watch-cluster.js";
export { type DiagnoseMall, type DiagnosisResult, doctorDiagnose } from "./diagnose-mall.js";
export {
  CALLER_RATE_LIMIT_DEFAULTS,
  type CallerRateLimitOptions,
} from "./status-server/caller-rate-limit.js";
export {
  type RunningStatusServer,
  type StartStatusServerOptions,
  startStatusServer,
} from "./status-server/start-status-server.js";
export { type TokenIssueRecord, tokenFingerprint } from "./status-server/token-endpoint-audit.js";
export {
  DEFAULT_TOKEN_MIN_LIFE_MS,
  type TokenEndpointOptions,
} from "./status-server/token-endpoint-routes.js";
export {
  MAX_WEBHOOK_BODY_BYTES,
  WEBHOOK_PATH,
  type WebhookDeliveryRecord,
  type WebhookOutcome,
  type WebhookReceiverOptions,
} from "./status-server/webhook-receiver-route.js";
export { REPLAY_GUARD_DEFAULTS, type ReplayGuardOptions } from "./status-server/webhook-replay-guard.js";
export { WatchManager, type WatchManagerEvents, type WatchRunSummary } from "./watch-manager.js";
export { WATCH_DEFAULTS, type WatchManagerOptions, type WatchOAuth } from "./watch-options.js";
export type {
  MallClusterStatus,
  MallDiagnosis,
  MallWatchState,
  MallWatchStatus,
  WatchCounters,
  WatchEvent,
  WatchSnapshot,
  WatchStatusSource,
} from "./watch-status.js";
