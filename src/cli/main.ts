#!/usr/bin/env node
import { Command, CommanderError, Option } from "commander";
import { createTranslator, isLang, resolveLang } from "../i18n/translate.js";
import { scrubSecrets } from "../util/scrub-secrets.js";
import type { CliContext } from "./cli-context.js";
import { registerApiCommand } from "./commands/api-command.js";
import { registerDoctorCommands } from "./commands/doctor-command.js";
import { registerEmulatorCommand } from "./commands/emulator-command.js";
import { registerInitCommand } from "./commands/init-command.js";
import { registerTokenCommands } from "./commands/token-command.js";
import { registerWatchCommand } from "./commands/watch-command.js";
import { EXIT, reportError } from "./report-error.js";

/** Reads --lang/--debug before commander so that help text itself is in the user's language. */
function preScan(argv: string[]): { lang: string | undefined; debug: boolean } {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const raw = i < 0 ? undefined : argv[i]?.includes("=") ? argv[i]?.split("=")[1] : argv[i + 1];
  return { lang: raw, debug: argv.includes("--debug") };
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  const pre = preScan(argv);
  const lang = resolveLang(pre.lang);
  const cli: CliContext = {
    lang,
    explicitLang: pre.lang !== undefined,
    t: createTranslator(lang),
    debug: pre.debug,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  };
  const program = new Command("cafe24-doctor")
    .description(cli.t("cli.description"))
    .addOption(new Option("--lang <lang>", cli.t("cli.option.lang")).choices(["ko", "en"]))
    .option("--debug", cli.t("cli.option.debug"))
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });
  if (pre.lang !== undefined && !isLang(pre.lang)) {
    cli.err(`--lang: ko | en`);
    return EXIT.couldNotRun;
  }
  registerDoctorCommands(program, () => cli);
  registerInitCommand(program, () => cli);
  registerWatchCommand(program, () => cli);
  registerEmulatorCommand(program, () => cli);
  registerTokenCommands(program, () => cli);
  registerApiCommand(program, () => cli);
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError && (error.exitCode === 0 || error.code === "commander.helpDisplayed"))
      return EXIT.ok;
    return reportError(error, cli);
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${scrubSecrets(String(error))}\n`);
    process.exitCode = EXIT.couldNotRun;
  },
);
