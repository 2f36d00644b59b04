import { type Command, Option } from "commander";
import { DoctorError, ERROR_CODES } from "../../errors/doctor-error.js";
import { readLine } from "../../token/read-line.js";
import { runTokenExchange } from "../../token/run-token-exchange.js";
import { runTokenLogin } from "../../token/run-token-login.js";
import { migrationConfigs, runTokenMigrate, type StoreKind } from "../../token/run-token-migrate.js";
import { runTokenRefresh } from "../../token/run-token-refresh.js";
import { runTokenRestore } from "../../token/run-token-restore.js";
import { runTokenRevoke } from "../../token/run-token-revoke.js";
import { runTokenStatus } from "../../token/run-token-status.js";
import type { TokenIo } from "../../token/token-io.js";
import type { TokenSetup } from "../../token/token-setup.js";
import { readTokenStatus, tokenStatusJson } from "../../token/token-status-report.js";
import type { CliContext } from "../cli-context.js";
import { positiveNumber } from "../parse-number.js";
import { runConfigAction, runTokenAction } from "./token-action.js";

interface CommonFlags {
  config?: string;
  mall?: string;
  json?: boolean;
}

/**
 * `--json` for a token command: the human lines go to stderr, and stdout gets one JSON object — the action, its
 * exit code, what the command reported (`io.result`) and, after a command that stores a token, the stored
 * token's status as `token status --json` gives it (no token values). A failure prints `ok: false` and its code.
 */
async function withJson(
  json: boolean | undefined,
  action: string,
  setup: TokenSetup,
  io: TokenIo,
  body: (io: TokenIo) => Promise<number>,
  options: { status?: boolean } = {},
): Promise<number> {
  if (!json) return body(io);
  const fields: Record<string, unknown> = {};
  const quiet: TokenIo = { ...io, out: io.err, result: (more) => Object.assign(fields, more) };
  const print = (value: Record<string, unknown>) => io.out(JSON.stringify(value, null, 2));
  try {
    const code = await body(quiet);
    const stored =
      options.status && !("authorizeUrl" in fields)
        ? await readTokenStatus(setup).catch(() => undefined)
        : undefined;
    print({
      action,
      mallId: setup.mallId,
      ok: code === 0,
      exitCode: code,
      ...fields,
      ...(stored ? { token: tokenStatusJson(stored) } : {}),
    });
    return code;
  } catch (error) {
    print({
      action,
      mallId: setup.mallId,
      ok: false,
      error: error instanceof DoctorError ? error.code : "UNEXPECTED",
      message: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
}

interface MigrateFlags {
  config?: string;
  to: StoreKind;
  dryRun?: boolean;
  keepSource?: boolean;
  file?: string;
  json?: boolean;
}

/** `token status|refresh|exchange|login|revoke|restore|migrate`. Wiring only: the work is in src/token/. */
export function registerTokenCommands(program: Command, cli: () => CliContext): void {
  const { t } = cli();
  const token = program.command("token").description(t("token.description"));
  const withConfig = (command: Command) =>
    command
      .option("-c, --config <file>", t("doctor.option.config"))
      .option("--mall <id>", t("token.option.mall"));

  withConfig(token.command("status").description(t("token.status.description")))
    .option("--verify", t("token.option.verify"))
    .option("--follow", t("token.option.follow"))
    .option("--json", t("token.option.json"))
    .action((flags: CommonFlags & { verify?: boolean; follow?: boolean; json?: boolean }) =>
      runTokenAction(
        cli(),
        flags,
        (setup, io) => {
          // A countdown needs a terminal to redraw on; piped output gets one snapshot.
          const follow = flags.follow && !flags.json && process.stdout.isTTY === true;
          if (!follow)
            return runTokenStatus(setup, io, { verify: flags.verify ?? false, json: flags.json ?? false });
          const stop = new AbortController();
          process.once("SIGINT", () => stop.abort());
          return runTokenStatus(setup, io, {
            verify: flags.verify ?? false,
            follow: { write: (text) => process.stdout.write(text), signal: stop.signal },
          });
        },
        // Reading only: its own Ctrl-C ends the countdown; the client secret is never used.
        { holdInterrupts: false, needsSecret: false },
      ),
    );

  const withJsonOption = (command: Command) => command.option("--json", t("cli.option.json"));

  withJsonOption(withConfig(token.command("refresh").description(t("token.refresh.description")))).action(
    (flags: CommonFlags) =>
      runTokenAction(cli(), flags, (setup, io) =>
        withJson(flags.json, "refresh", setup, io, (io) => runTokenRefresh(setup, io), { status: true }),
      ),
  );

  withJsonOption(
    withConfig(
      token
        .command("exchange")
        .description(t("token.exchange.description"))
        .argument("[code-or-url]", t("token.exchange.argument")),
    ),
  ).action((input: string | undefined, flags: CommonFlags) =>
    runTokenAction(cli(), flags, (setup, io) =>
      withJson(flags.json, "exchange", setup, io, (io) => runTokenExchange(setup, input, io), {
        status: true,
      }),
    ),
  );

  withJsonOption(withConfig(token.command("login").description(t("token.login.description"))))
    .option("--no-browser", t("token.option.noBrowser"))
    .addOption(new Option("--timeout <seconds>", t("token.option.timeout")).argParser(positiveNumber))
    .action((flags: CommonFlags & { browser: boolean; timeout?: number }) =>
      runTokenAction(cli(), flags, (setup, io) =>
        withJson(
          flags.json,
          "login",
          setup,
          io,
          (io) =>
            runTokenLogin(setup, io, {
              browser: flags.browser && cli().env.CAFE24_DOCTOR_NO_BROWSER !== "1",
              stdin: process.stdin,
              ...(flags.timeout === undefined ? {} : { timeoutMs: flags.timeout * 1000 }),
            }),
          { status: true },
        ),
      ),
    );

  withJsonOption(withConfig(token.command("revoke").description(t("token.revoke.description"))))
    .option("-y, --yes", t("cli.option.yes"))
    .action((flags: CommonFlags & { yes?: boolean }) =>
      runTokenAction(cli(), flags, (setup, io) => {
        // Destructive: a person on a terminal confirms; a script says so with --yes.
        const onTerminal = process.stdin.isTTY === true && process.stderr.isTTY === true;
        if (!flags.yes && !onTerminal)
          throw new DoctorError(ERROR_CODES.invalidOptions, io.t("token.revoke.needsYes"));
        const confirm = async (question: string) => {
          process.stderr.write(question);
          return /^(y|yes|예|네|ㅇ)$/i.test((await readLine(process.stdin))?.trim() ?? "");
        };
        return withJson(flags.json, "revoke", setup, io, (io) =>
          runTokenRevoke(setup, io, flags.yes ? {} : { confirm }),
        );
      }),
    );

  withJsonOption(
    withConfig(
      token
        .command("restore")
        .description(t("token.restore.description"))
        .argument("<file>", t("token.restore.argument")),
    ),
  )
    .option("--force", t("token.option.force"))
    .action((file: string, flags: CommonFlags & { force?: boolean }) =>
      runTokenAction(cli(), flags, (setup, io) =>
        withJson(
          flags.json,
          "restore",
          setup,
          io,
          (io) => runTokenRestore(setup, file, io, { force: flags.force ?? false }),
          { status: true },
        ),
      ),
    );

  token
    .command("migrate")
    .description(t("token.migrate.description"))
    .addOption(
      new Option("--to <store>", t("token.migrate.option.to"))
        .choices(["redis", "file"])
        .makeOptionMandatory(),
    )
    .option("--dry-run", t("token.migrate.option.dryRun"))
    .option("--keep-source", t("token.migrate.option.keepSource"))
    .option("--file <path>", t("token.migrate.option.file"))
    .option("--json", t("token.migrate.option.json"))
    .option("-c, --config <file>", t("doctor.option.config"))
    .action((flags: MigrateFlags) =>
      runConfigAction(cli(), flags, (config, io) => {
        const configs = migrationConfigs(config, { file: flags.file });
        const stores = { file: io.storeFor(configs.file), redis: io.storeFor(configs.redis) };
        return runTokenMigrate(stores, io, {
          to: flags.to,
          dryRun: flags.dryRun ?? false,
          keepSource: flags.keepSource ?? false,
          json: flags.json ?? false,
          mallIds: [config.mallId],
          clientId: config.clientId,
        });
      }),
    );
}
