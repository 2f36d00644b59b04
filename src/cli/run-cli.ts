import { Command, CommanderError, Option } from "commander";
import { tokenStoreFromConfig } from "../config/token-store-from-config.js";
import { createTranslator, isLang, resolveLang } from "../i18n/translate.js";
import type { TokenStore } from "../store/token-store.js";
import type { CliContext } from "./cli-context.js";
import { registerApiCommand } from "./commands/api-command.js";
import { registerDoctorCommands } from "./commands/doctor-command.js";
import { registerEmulatorCommand } from "./commands/emulator-command.js";
import { registerInitCommand } from "./commands/init-command.js";
import { registerTokenCommands } from "./commands/token-command.js";
import { registerWatchCommand } from "./commands/watch-command.js";
import { EXIT, reportError } from "./report-error.js";

/**
 * What the CLI needs from its surroundings; the bin passes the process's, tests their own. `storeFor` makes a
 * store for one command: the CLI closes it (`close()`) when that command ends.
 */
export type CliDeps = Pick<CliContext, "out" | "err" | "cwd" | "env" | "storeFor">;

/** Reads --lang/--debug before commander so that help text itself is in the user's language. */
function preScan(argv: string[]): { lang: string | undefined; debug: boolean } {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const raw = i < 0 ? undefined : argv[i]?.includes("=") ? argv[i]?.split("=")[1] : argv[i + 1];
  return { lang: raw, debug: argv.includes("--debug") };
}

/** Runs one command line and returns its exit code; never sets process.exitCode, so it runs in-process too. */
export async function runCli(argv: string[], deps: Partial<CliDeps> = {}): Promise<number> {
  const pre = preScan(argv);
  const lang = resolveLang(pre.lang);
  let exitCode: number = EXIT.ok;
  // Every store a command is handed is closed when the command ends, however it ends: a Redis store holds
  // sockets that would otherwise keep a one-shot command's process alive.
  const stores: TokenStore[] = [];
  const makeStore = deps.storeFor ?? tokenStoreFromConfig;
  const cli: CliContext = {
    lang,
    explicitLang: pre.lang !== undefined,
    t: createTranslator(lang),
    debug: pre.debug,
    out: deps.out ?? ((line) => process.stdout.write(`${line}\n`)),
    err: deps.err ?? ((line) => process.stderr.write(`${line}\n`)),
    cwd: deps.cwd ?? process.cwd(),
    env: deps.env ?? process.env,
    storeFor: (config) => {
      const store = makeStore(config);
      stores.push(store);
      return store;
    },
    exit: (code) => {
      exitCode = code;
    },
  };
  const write = (line: (text: string) => void) => (text: string) => line(text.replace(/\n$/, ""));
  const program = new Command("cafe24-doctor")
    .description(cli.t("cli.description"))
    .addOption(new Option("--lang <lang>", cli.t("cli.option.lang")).choices(["ko", "en"]))
    .option("--debug", cli.t("cli.option.debug"))
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: write(cli.out), writeErr: write(cli.err) });
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
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError && (error.exitCode === 0 || error.code === "commander.helpDisplayed"))
      return EXIT.ok;
    return reportError(error, cli);
  } finally {
    await closeStores(stores);
  }
}

/** Closes what the command opened; a store that fails to close has nothing left to give back. */
async function closeStores(stores: readonly TokenStore[]): Promise<void> {
  await Promise.allSettled(stores.map((store) => store.close?.()));
}
