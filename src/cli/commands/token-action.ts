import type { DoctorConfig } from "../../config/doctor-config.js";
import { loadDoctorConfig } from "../../config/load-doctor-config.js";
import { createTranslator } from "../../i18n/translate.js";
import { failureExitCode, failureNotes } from "../../token/failure-outcome.js";
import type { TokenIo } from "../../token/token-io.js";
import { type TokenSetup, tokenSetup } from "../../token/token-setup.js";
import type { Logger } from "../../util/runtime.js";
import type { CliContext } from "../cli-context.js";
import { holdInterrupts } from "../hold-interrupts.js";
import { reportError } from "../report-error.js";

/**
 * Shared wiring of the token and api commands: load the configuration (the config file's language applies
 * unless --lang was given), build the setup, run (Ctrl-C waits for a refreshed token to be saved), and turn a
 * thrown error into its message, Cafe24's own words and the exit code (2 refused, 3 could not run).
 */
export async function runTokenAction(
  cli: CliContext,
  flags: { config?: string; mall?: string },
  body: (setup: TokenSetup, io: TokenIo) => Promise<number>,
  options: { logger?: (io: TokenIo) => Logger; holdInterrupts?: boolean; needsSecret?: boolean } = {},
): Promise<void> {
  let context: CliContext = cli;
  try {
    const loaded = await loadDoctorConfig({
      cwd: cli.cwd,
      env: cli.env,
      ...(flags.config ? { configPath: flags.config } : {}),
    });
    // --mall picks one mall of a multi-mall setup (what `watch` tells a person to run for re-authorization).
    const config = flags.mall ? { ...loaded, mallId: flags.mall } : loaded;
    const lang = cli.explicitLang ? cli.lang : (config.lang ?? cli.lang);
    context = { ...cli, lang, t: createTranslator(lang) };
    const logger = options.logger?.(context);
    const setup = tokenSetup(config, {
      store: cli.storeFor(config),
      ...(logger ? { logger } : {}),
      ...(options.needsSecret === false ? { needsSecret: false } : {}),
    });
    const run = async () => {
      const code = await body(setup, context);
      // A refreshed token the store refused lives in this process only: say where its rescue copy is.
      await setup.manager.flush();
      return code;
    };
    cli.exit(options.holdInterrupts === false ? await run() : await holdInterrupts(context, run));
  } catch (error) {
    reportError(error, context);
    for (const note of failureNotes(error, context.t)) context.err(`  ${note}`);
    cli.exit(failureExitCode(error));
  }
}

/**
 * The same wiring for a token command that needs the configuration but not one mall's credentials
 * (`token migrate`): load it (the config file's language applies unless --lang was given), run, and turn a
 * thrown error into its message and exit code.
 */
export async function runConfigAction(
  cli: CliContext,
  flags: { config?: string },
  body: (config: DoctorConfig, io: CliContext) => Promise<number>,
): Promise<void> {
  let context: CliContext = cli;
  try {
    const config = await loadDoctorConfig({
      cwd: cli.cwd,
      env: cli.env,
      ...(flags.config ? { configPath: flags.config } : {}),
    });
    const lang = cli.explicitLang ? cli.lang : (config.lang ?? cli.lang);
    context = { ...cli, lang, t: createTranslator(lang) };
    cli.exit(await body(config, context));
  } catch (error) {
    reportError(error, context);
    cli.exit(failureExitCode(error));
  }
}
