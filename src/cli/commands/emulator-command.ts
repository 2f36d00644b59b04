import type { Command } from "commander";
import { formatKstIso } from "../../cafe24/kst.js";
import type { RequestLogEntry } from "../../emulator/context.js";
import { FAULT_PROFILES } from "../../emulator/faults.js";
import { loadEmulatorConfig, loadFaultRules } from "../../emulator/load-emulator-config.js";
import { type EmulatorOptionsInput, emulatorOptionsSchema } from "../../emulator/options.js";
import { startEmulator } from "../../emulator/server.js";
import { DoctorError, ERROR_CODES } from "../../errors/doctor-error.js";
import { formatZodIssues } from "../../util/format-zod-issues.js";
import type { CliContext } from "../cli-context.js";
import { nonNegativeInt, positiveNumber } from "../parse-number.js";

interface EmulatorFlags {
  port: number;
  host: string;
  allowHost?: string[];
  config?: string;
  autoApprove?: boolean;
  codeTtl?: number;
  accessTtl?: number;
  refreshTtl?: number;
  bucketSize?: number;
  drainRate?: number;
  rateLimit: boolean;
  usage?: boolean;
  faults?: string;
  controlApi?: boolean;
  seed?: number;
  products?: number;
  orders?: number;
  customers?: number;
  quiet?: boolean;
  webhookUrl?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerEmulatorCommand(program: Command, cli: () => CliContext): void {
  const { t } = cli();
  program
    .command("emulator")
    .description(t("emulator.description"))
    .option("-p, --port <port>", t("emulator.option.port"), nonNegativeInt, 8724)
    .option("--host <address>", t("emulator.option.host"), "127.0.0.1")
    .option("--allow-host <name>", t("emulator.option.allowHost"), collect)
    .option("-c, --config <file>", t("emulator.option.config"))
    .option("--auto-approve", t("emulator.option.autoApprove"))
    .option("--code-ttl <seconds>", t("emulator.option.codeTtl"), positiveNumber)
    .option("--access-ttl <seconds>", t("emulator.option.accessTtl"), positiveNumber)
    .option("--refresh-ttl <seconds>", t("emulator.option.refreshTtl"), positiveNumber)
    .option("--bucket-size <calls>", t("emulator.option.bucket"), nonNegativeInt)
    .option("--drain-rate <perSecond>", t("emulator.option.drain"), positiveNumber)
    .option("--no-rate-limit", t("emulator.option.noRateLimit"))
    .option("--usage", t("emulator.option.usage"))
    .option("--no-usage", t("emulator.option.noUsage"))
    .option("--faults <profile|file>", t("emulator.option.faults"))
    .option("--control-api", t("emulator.option.control"))
    .option("--seed <n>", t("emulator.option.seed"), nonNegativeInt)
    .option("--products <n>", t("emulator.option.products"), nonNegativeInt)
    .option("--orders <n>", t("emulator.option.orders"), nonNegativeInt)
    .option("--customers <n>", t("emulator.option.customers"), nonNegativeInt)
    .option("--quiet", t("emulator.option.quiet"))
    .option("--webhook-url <url>", t("emulator.option.webhookUrl"))
    .action(async (flags: EmulatorFlags) => runEmulator(flags, cli()));
}

/** Flags override the config file, which overrides the defaults. */
async function toOptions(flags: EmulatorFlags, env: NodeJS.ProcessEnv): Promise<EmulatorOptionsInput> {
  const base = flags.config ? await loadEmulatorConfig(flags.config) : {};
  const faults = flags.faults === undefined ? base.faults : await resolveFaults(flags.faults);
  return {
    ...base,
    ...(flags.autoApprove ? { autoApprove: true } : {}),
    ...(flags.seed === undefined ? {} : { seed: flags.seed }),
    ...(flags.controlApi ? { controlApi: true } : {}),
    ...(faults === undefined ? {} : { faults }),
    // The secret comes from the environment only: a command-line argument is visible to every local user.
    ...(flags.webhookUrl === undefined
      ? {}
      : {
          webhooks: {
            ...base.webhooks,
            url: flags.webhookUrl,
            ...(env.CAFE24_WEBHOOK_SECRET ? { secret: env.CAFE24_WEBHOOK_SECRET } : {}),
          },
        }),
    ttl: {
      ...base.ttl,
      ...(flags.codeTtl === undefined ? {} : { codeSec: flags.codeTtl }),
      ...(flags.accessTtl === undefined ? {} : { accessSec: flags.accessTtl }),
      ...(flags.refreshTtl === undefined ? {} : { refreshSec: flags.refreshTtl }),
    },
    rateLimit: {
      ...base.rateLimit,
      ...(flags.rateLimit ? {} : { enabled: false }),
      ...(flags.bucketSize === undefined ? {} : { capacity: flags.bucketSize }),
      ...(flags.drainRate === undefined ? {} : { drainPerSec: flags.drainRate }),
    },
    usage: { ...base.usage, ...(flags.usage === undefined ? {} : { enabled: flags.usage }) },
    data: {
      ...base.data,
      ...(flags.products === undefined ? {} : { products: flags.products }),
      ...(flags.orders === undefined ? {} : { orders: flags.orders }),
      ...(flags.customers === undefined ? {} : { customers: flags.customers }),
    },
  };
}

async function resolveFaults(value: string) {
  const profile = FAULT_PROFILES[value];
  return profile ?? (await loadFaultRules(value));
}

async function runEmulator(flags: EmulatorFlags, cli: CliContext): Promise<void> {
  const options = await toOptions(flags, cli.env);
  const log = (e: RequestLogEntry) =>
    cli.out(
      `${formatKstIso(e.at).slice(11, 19)} ${e.mallId} ${e.method} ${e.path} ${e.status || "RESET"} ${e.ms}ms${e.callLimit ? ` ${e.callLimit}` : ""}`,
    );
  const valid = emulatorOptionsSchema.safeParse(options);
  if (!valid.success) {
    throw new DoctorError(ERROR_CODES.emulatorConfigInvalid, "Invalid emulator options", {
      details: formatZodIssues(valid.error),
    });
  }
  let running: Awaited<ReturnType<typeof startEmulator>>;
  try {
    running = await startEmulator(
      {
        ...options,
        port: flags.port,
        host: flags.host,
        ...(flags.allowHost ? { allowedHosts: flags.allowHost } : {}),
      },
      flags.quiet ? {} : { onRequest: log },
    );
  } catch (cause) {
    // A bad --allow-host is the caller's mistake, reported as such rather than as a busy port.
    if (cause instanceof DoctorError) throw cause;
    throw new DoctorError(ERROR_CODES.emulatorListenFailed, `Cannot listen on ${flags.host}:${flags.port}`, {
      cause,
      details: [
        `${flags.host}:${flags.port}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}`,
      ],
    });
  }
  if (flags.host !== "127.0.0.1" && flags.host !== "localhost")
    cli.err(cli.t("emulator.nonLoopback", { host: flags.host }));
  cli.out(
    JSON.stringify({
      event: "ready",
      url: running.url,
      baseUrlTemplate: running.baseUrlTemplate,
      controlApi: running.emulator.options.controlApi,
      autoApprove: running.emulator.options.autoApprove,
      malls: running.malls,
    }),
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      void running.close().finally(() => {
        cli.err(cli.t("emulator.stopped"));
        resolve();
      });
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
