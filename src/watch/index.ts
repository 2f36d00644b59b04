/**
 * "cafe24-doctor/watch": the background token manager behind `cafe24-doctor watch`, its status server and
 * alert sinks. Its own entry because the status server loads hono and prom-client.
 */

export {
  jsonWebhookSink,
  slackPayload,
  slackWebhookSink,
  type WebhookSinkOptions,
  webhookPayload,
} from "./alert-sinks.js";
export type { Alert, AlertEvent, AlertOptions, AlertSink } from "./alerts.js";
export type {
  ClaimedMall,
  ClusterView,
  MallCoordinator,
  MallDue,
  MallRelease,
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
  type RunningStatusServer,
  type StartStatusServerOptions,
  startStatusServer,
} from "./status-server/start-status-server.js";
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
