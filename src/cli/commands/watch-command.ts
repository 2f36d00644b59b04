import { isIP } from "node:net";
import { type Command, InvalidArgumentError } from "commander";
import { formatKstIso } from "../../cafe24/kst.js";
import { loadDoctorConfig } from "../../config/load-doctor-config.js";
import { assertClientCredentials } from "../../doctor/verify-client-credentials.js";
import { DoctorError, ERROR_CODES } from "../../errors/doctor-error.js";
import { formatDuration } from "../../i18n/translate.js";
import { RedisTokenStore } from "../../redis/redis-token-store.js";
import { criticalWorkPending, criticalWorkSettled } from "../../util/critical-work.js";
import { isLoopbackHost } from "../../util/is-loopback-host.js";
import { jsonWebhookSink, slackWebhookSink } from "../../watch/alert-sinks.js";
import type { AlertSink } from "../../watch/alerts.js";
import { RedisWatchCluster } from "../../watch/cluster/redis-watch-cluster.js";
import { doctorDiagnose } from "../../watch/diagnose-mall.js";
import { type OnceReport, onceReport } from "../../watch/once-report.js";
import {
  type RunningStatusServer,
  startStatusServer,
} from "../../watch/status-server/start-status-server.js";
import type { TokenIssueRecord } from "../../watch/status-server/token-endpoint-audit.js";
import {
  DEFAULT_TOKEN_MIN_LIFE_MS,
  MIN_ENDPOINT_SECRET_LENGTH,
  type TokenEndpointOptions,
} from "../../watch/status-server/token-endpoint-routes.js";
import {
  WEBHOOK_PATH,
  type WebhookReceiverOptions,
} from "../../watch/status-server/webhook-receiver-route.js";
import { WatchManager } from "../../watch/watch-manager.js";
import type { CliContext } from "../cli-context.js";
import { nonNegativeInt, positiveNumber } from "../parse-number.js";
import { EXIT } from "../report-error.js";

interface WatchFlags {
  mall?: string[];
  once?: boolean;
  status: boolean;
  statusHost: string;
  statusPort: number;
  statusAllowHost?: string[];
  checkEvery?: number;
  verifyEvery?: number;
  json?: boolean;
  webhook?: string[];
  slackWebhook?: string[];
  alertDays?: number;
  config?: string;
  tokenEndpoint?: boolean;
  tokenMinLife?: number;
  receiveWebhooks?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `cafe24-doctor watch`: wiring only — the manager, its status server, alerts and signals. */
export function registerWatchCommand(program: Command, cli: () => CliContext): void {
  const { t } = cli();
  program
    .command("watch")
    .description(t("watch.description"))
    .option("--mall <id>", t("watch.option.mall"), collect)
    .option("--once", t("watch.option.once"))
    .option("--no-status", t("watch.option.noStatus"))
    .option("--status-host <address>", t("watch.option.statusHost"), "127.0.0.1")
    .option("--status-port <port>", t("watch.option.statusPort"), nonNegativeInt, 8725)
    .option("--status-allow-host <name>", t("watch.option.statusAllowHost"), collect)
    .option("--check-every <minutes>", t("watch.option.checkEvery"), positiveNumber)
    .option("--verify-every <minutes>", t("watch.option.verifyEvery"), nonNegativeMinutes)
    .option("--json", t("watch.option.json"))
    .option("--webhook <url>", t("watch.option.webhook"), collect)
    .option("--slack-webhook <url>", t("watch.option.slackWebhook"), collect)
    .option("--alert-days <days>", t("watch.option.alertDays"), positiveNumber)
    .option("--token-endpoint", t("watch.option.tokenEndpoint"))
    .option("--token-min-life <minutes>", t("watch.option.tokenMinLife"), nonNegativeMinutes)
    .option("--receive-webhooks", t("watch.option.receiveWebhooks"))
    .option("-c, --config <file>", t("doctor.option.config"))
    .action((flags: WatchFlags) => runWatch(flags, cli()));
}

async function runWatch(flags: WatchFlags, cli: CliContext): Promise<void> {
  const { t } = cli;
  // Checked before anything touches the network: a refused endpoint secret must not leave a watch running.
  const endpoint = tokenEndpointOf(flags, cli);
  const webhookSecret = webhookSecretOf(flags, cli);
  const config = await loadDoctorConfig({
    cwd: cli.cwd,
    env: cli.env,
    ...(flags.config ? { configPath: flags.config } : {}),
  });
  if (!config.clientId || !config.clientSecret) {
    throw new DoctorError(
      ERROR_CODES.invalidOptions,
      "watch needs CAFE24_CLIENT_ID and CAFE24_CLIENT_SECRET (in .env).",
    );
  }
  // Webhook URLs are secrets too (a Slack URL lets anyone post): the environment is the better place for them.
  const webhooks = [...(flags.webhook ?? []), ...envList(cli.env, "CAFE24_DOCTOR_WEBHOOK_URL")];
  const slack = [...(flags.slackWebhook ?? []), ...envList(cli.env, "CAFE24_DOCTOR_SLACK_WEBHOOK_URL")];
  const sinks: AlertSink[] = [
    ...webhooks.map((url, i) => jsonWebhookSink({ url, name: `webhook#${i + 1}` })),
    ...slack.map((url, i) => slackWebhookSink({ url, name: `slack#${i + 1}` })),
  ];
  const store = cli.storeFor(config);
  // A secret Cafe24 refuses would fail every refresh: refuse to start, with the doctor's cause and fix. The probe
  // needs a mall's token endpoint: the one named, else the first the store holds (Redis without CAFE24_MALL_ID).
  const probeMall = flags.mall?.[0] ?? config.mallId ?? (await store.list().catch(() => [] as string[]))[0];
  await assertClientCredentials({ ...config, mallId: probeMall }, t);
  // A token file holds one mall; Redis (like a per-mall file template) holds all of the app's: watch them all.
  const oneMall = !(store instanceof RedisTokenStore) && !config.tokenFile.includes("{mall_id}");
  const malls = flags.mall ?? (config.mallId && oneMall ? [config.mallId] : undefined);
  // Over Redis, every `watch` process joins the cluster of the app's malls and shares the work (--once does its
  // one pass alone: safe through the store's lock, and nothing to hand on).
  const cluster =
    !flags.once && store instanceof RedisTokenStore ? RedisWatchCluster.forStore(store) : undefined;
  const manager = new WatchManager({
    store,
    ...(cluster ? { cluster } : {}),
    oauth: {
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      allowInsecureLoopback: config.allowInsecureLoopback,
      ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
    },
    ...(malls ? { malls } : {}),
    ...(flags.verifyEvery !== undefined ? { verifyEveryMs: flags.verifyEvery * 60_000 } : {}),
    ...(config.apiVersion ? { apiVersion: config.apiVersion } : {}),
    ...(flags.checkEvery
      ? { checkEveryMs: flags.checkEvery * 60_000, diagnose: doctorDiagnose(config, { store }) }
      : {}),
    ...(sinks.length > 0
      ? {
          alerts: {
            sinks,
            ...(flags.alertDays ? { refreshTokenWithinMs: flags.alertDays * 86_400_000 } : {}),
          },
        }
      : {}),
  });
  // With --once --json, stdout carries the JSON object alone; the lines go to stderr.
  const say = flags.once && flags.json ? cli.err : cli.out;
  manager.on("refreshed", (info) =>
    say(t("watch.refreshed", { mall: info.mallId, reason: info.reason, at: formatKstIso(info.at) })),
  );

  if (flags.once) {
    const summary = await manager.runOnce();
    const report = onceReport(summary, summary.snapshot.now);
    for (const line of onceLines(report, t)) say(line);
    say(
      t("watch.once", {
        refreshed: summary.refreshed.length,
        failed: summary.failed.length,
        reauth: summary.reauthRequired.join(", ") || "-",
        noToken: summary.noToken.join(", ") || "-",
      }),
    );
    if (summary.appRemoved.length > 0)
      say(t("watch.once.appRemoved", { malls: summary.appRemoved.join(", ") }));
    if (flags.json) cli.out(JSON.stringify(report, null, 2));
    cli.exit(summary.ok ? EXIT.ok : EXIT.problems);
    return;
  }

  // The status server comes first: if it cannot serve, the command fails with exit 3 before anything runs,
  // instead of a manager running headless that a supervisor takes for healthy. Until start() it shows no mall.
  const receiver = webhookSecret ? webhookReceiver(webhookSecret, config.clientId, manager, cli) : undefined;
  const server = flags.status ? await startStatus(flags, manager, cli, endpoint, receiver) : undefined;
  try {
    await manager.start();
  } catch (error) {
    await server?.close();
    throw error;
  }
  // Subscribed after start: the first reading of each mall's token is not news.
  manager.on("state", (change) =>
    cli.out(t("watch.state", { mall: change.mallId, from: change.previous, to: change.state })),
  );
  const watched = manager.snapshot().malls.map((m) => m.mallId);
  cli.out(t("watch.started", { malls: watched.join(", ") || "-", status: server?.url ?? "-" }));
  if (endpoint && server)
    cli.out(
      t("watch.endpoint.started", {
        url: server.url,
        minutes: (endpoint.minLifeMs ?? DEFAULT_TOKEN_MIN_LIFE_MS) / 60_000,
      }),
    );
  if (receiver && server)
    cli.out(t("watch.webhooks.listening", { url: new URL(WEBHOOK_PATH, server.url).href }));

  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = () => {
      // A second Ctrl-C while a refreshed token is still being written only repeats why we wait.
      if (stopping) {
        if (criticalWorkPending() > 0) cli.err(t("cli.interrupt.waiting"));
        return;
      }
      stopping = true;
      cli.err(t("watch.stopping"));
      void Promise.allSettled([manager.stop(), server?.close()]).then(async () => {
        if (criticalWorkPending() > 0) {
          cli.err(t("cli.interrupt.waiting"));
          await criticalWorkSettled();
        }
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        resolve();
      });
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

/** Errors of listen() that the person can fix by choosing another address or port. */
const LISTEN_ERRORS = new Set(["EADDRINUSE", "EACCES", "EADDRNOTAVAIL"]);

/** The status server on --status-host:--status-port, or STATUS_LISTEN_FAILED naming the address and the fix. */
async function startStatus(
  flags: WatchFlags,
  source: WatchManager,
  cli: CliContext,
  tokenEndpoint: TokenEndpointOptions | undefined,
  webhooks?: WebhookReceiverOptions,
): Promise<RunningStatusServer> {
  const bearerToken = cli.env.CAFE24_DOCTOR_STATUS_TOKEN;
  const address = `${isIP(flags.statusHost) === 6 ? `[${flags.statusHost}]` : flags.statusHost}:${flags.statusPort}`;
  try {
    return await startStatusServer({
      source,
      host: flags.statusHost,
      port: flags.statusPort,
      lang: cli.lang,
      ...(bearerToken ? { bearerToken } : {}),
      ...(flags.statusAllowHost ? { allowedHosts: flags.statusAllowHost } : {}),
      ...(tokenEndpoint ? { tokenEndpoint } : {}),
      ...(webhooks ? { webhooks } : {}),
    });
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    let detail: string;
    if (code !== undefined && LISTEN_ERRORS.has(code))
      detail = cli.t(`watch.statusFailed.${code as "EADDRINUSE" | "EACCES" | "EADDRNOTAVAIL"}`, { address });
    else if (!isLoopbackHost(flags.statusHost) && !bearerToken)
      detail = cli.t("watch.statusFailed.needsToken", { address });
    // Any other refusal (an empty token, a bad --status-allow-host) already names the option to correct.
    else if (cause instanceof DoctorError) throw cause;
    else detail = `${address}: ${code ?? (cause instanceof Error ? cause.message : String(cause))}`;
    throw new DoctorError(ERROR_CODES.statusListenFailed, `Cannot serve the status page on ${address}`, {
      cause,
      details: [detail],
    });
  }
}

/**
 * `--token-endpoint`: its secret from CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET (never a flag: command lines are
 * visible to every user of the machine), long enough and not the status page's token; an audit line per request.
 */
function tokenEndpointOf(flags: WatchFlags, cli: CliContext): TokenEndpointOptions | undefined {
  const { t } = cli;
  const refuse = (message: string) => new DoctorError(ERROR_CODES.invalidOptions, message);
  if (!flags.tokenEndpoint) {
    if (flags.tokenMinLife !== undefined) throw refuse(t("watch.endpoint.minLifeAlone"));
    return undefined;
  }
  if (!flags.status || flags.once) throw refuse(t("watch.endpoint.needsServer"));
  const secret = cli.env.CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET?.trim() ?? "";
  const min = MIN_ENDPOINT_SECRET_LENGTH;
  if (secret === "") throw refuse(t("watch.endpoint.noSecret", { min }));
  if (secret.length < min) throw refuse(t("watch.endpoint.shortSecret", { length: secret.length, min }));
  if (secret === cli.env.CAFE24_DOCTOR_STATUS_TOKEN?.trim()) throw refuse(t("watch.endpoint.sameSecret"));
  return {
    bearerToken: secret,
    ...(flags.tokenMinLife !== undefined ? { minLifeMs: flags.tokenMinLife * 60_000 } : {}),
    onIssue: (record) => cli.out(auditLine(record, t)),
  };
}

function auditLine(record: TokenIssueRecord, t: CliContext["t"]): string {
  const common = { at: record.at, mall: record.mallId ?? "-", caller: record.caller };
  if (record.outcome === "refused")
    return t("watch.endpoint.refused", { ...common, reason: record.reason ?? "-" });
  return t("watch.endpoint.issued", {
    ...common,
    outcome: record.outcome,
    remaining: formatDuration(record.remainingMs ?? 0, t),
    fingerprint: record.fingerprint ?? "-",
  });
}

/**
 * `--receive-webhooks`: the shared secret from CAFE24_WEBHOOK_SECRET (never a flag: command lines are visible to
 * every user of the machine), checked before anything touches the network.
 */
function webhookSecretOf(flags: WatchFlags, cli: CliContext): string | undefined {
  if (!flags.receiveWebhooks) return undefined;
  const refuse = (detail: string) =>
    new DoctorError(ERROR_CODES.invalidOptions, detail, { details: [detail] });
  if (!flags.status || flags.once) throw refuse(cli.t("watch.webhooks.needsStatus"));
  const secret = cli.env.CAFE24_WEBHOOK_SECRET?.trim() ?? "";
  if (secret === "") throw refuse(cli.t("watch.webhooks.noSecret"));
  return secret;
}

/** The receiver wired to the manager, with one line per delivery (never the secret, the signature or the body). */
function webhookReceiver(
  secret: string,
  clientId: string,
  manager: WatchManager,
  cli: CliContext,
): WebhookReceiverOptions {
  return {
    secret,
    clientId,
    onAppRemoved: (mallId, removal) => manager.appRemoved(mallId, removal, "webhook"),
    onDelivery: (record) =>
      cli.out(
        cli.t("watch.webhooks.received", {
          at: formatKstIso(record.at),
          outcome: record.outcome,
          event: record.eventNo ?? "-",
          mall: record.mallId ?? "-",
          trace: record.traceId ?? "-",
        }),
      ),
  };
}

/** One line per mall: state, both expiries (KST), and what this pass did or what a person must run. */
function onceLines(report: OnceReport, t: CliContext["t"]): string[] {
  const unknown = t("watch.once.unknown");
  return report.malls.map((m) => {
    const code = m.lastError?.code ?? "-";
    const action = t(`watch.once.action.${m.action}`, {
      at: (m.action === "verified" ? m.lastVerifiedAt : m.lastRefreshAt) ?? unknown,
      code,
      command: m.command ?? "-",
    });
    return t("watch.once.mall", {
      mall: m.mallId,
      state: t(`watch.once.state.${m.state}`),
      access: m.accessTokenExpiresAt ?? unknown,
      refresh: m.refreshTokenExpiresAt ?? unknown,
      action,
    });
  });
}

function nonNegativeMinutes(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError("expected a number of minutes ≥ 0 (0 = off)");
  return n;
}

function envList(env: NodeJS.ProcessEnv, name: string): string[] {
  return (env[name] ?? "").split(/[\s,]+/).filter((s) => s.length > 0);
}
