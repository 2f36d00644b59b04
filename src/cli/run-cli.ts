import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { closestMatch } from "../config/closest-match.js";
import { tokenStoreFromConfig } from "../config/token-store-from-config.js";
import { createTranslator, isLang, resolveLang, type Translate } from "../i18n/translate.js";
import type { TokenStore } from "../store/token-store.js";
import type { CliContext } from "./cli-context.js";
import { registerApiCommand } from "./commands/api-command.js";
import { registerConformanceCommand } from "./commands/conformance-command.js";
import { registerDoctorCommands } from "./commands/doctor-command.js";
import { registerEmulatorCommand } from "./commands/emulator-command.js";
import { registerInitCommand } from "./commands/init-command.js";
import { registerScanCommand } from "./commands/scan-command.js";
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
    .configureHelp(helpIn(cli.t))
    .helpOption("-h, --help", cli.t("cli.option.help"))
    .helpCommand("help [command]", cli.t("cli.help.command"))
    .version(VERSION, "-V, --version", cli.t("cli.option.version"))
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
  registerScanCommand(program, () => cli);
  registerConformanceCommand(program, () => cli);
  for (const command of program.commands) command.exitOverride();
  const unknown = unknownCommand(argv, program);
  if (unknown !== undefined) {
    cli.err(`${cli.t("cli.error.prefix")}: ${cli.t("cli.unknownCommand", { command: unknown.word })}`);
    cli.err(unknown.meant ? cli.t("cli.didYouMean", { command: unknown.meant }) : cli.t("cli.seeHelp"));
    return EXIT.couldNotRun;
  }
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

/** The package's version, read once from the package.json beside dist/ and src/. */
const VERSION = (() => {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      version?: string;
    };
    return pkg.version ?? "unknown";
  } catch {
    return "unknown";
  }
})();

/** Commands users type at the top level out of habit, and the command that does it. */
const TOKEN_HABITS = ["status", "login", "refresh", "exchange", "revoke", "restore", "migrate"];

/** Options of the default command (and global ones) that take a value: their value is not a command. */
const VALUE_OPTIONS = new Set(["--lang", "--deadline", "-c", "--config", "--report-dir", "--mall"]);

/**
 * The first word that commander would hand to the default command as an argument ("too many arguments for
 * 'diagnose'"): a command the CLI does not have. With the nearest command ("chek" → check, "status" → token
 * status), when one is near.
 */
function unknownCommand(argv: string[], program: Command): { word: string; meant?: string } | undefined {
  const names = program.commands.flatMap((c) => [c.name(), ...c.aliases()]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--") return undefined;
    if (arg.startsWith("-")) {
      if (VALUE_OPTIONS.has(arg)) i += 1;
      continue;
    }
    if (names.includes(arg) || arg === "help") return undefined;
    if (TOKEN_HABITS.includes(arg)) return { word: arg, meant: `token ${arg}` };
    const near = closestMatch(arg, [...names.filter((n) => n !== "diagnose"), "diagnose"]);
    return near ? { word: arg, meant: near } : { word: arg };
  }
  return undefined;
}

/** Commander's own help words (titles, "default", "choices") in the user's language. */
function helpIn(t: Translate) {
  const titles: Record<string, string> = {
    "Usage:": t("cli.help.usage"),
    "Options:": t("cli.help.options"),
    "Commands:": t("cli.help.commands"),
    "Arguments:": t("cli.help.arguments"),
    "Global Options:": t("cli.help.globalOptions"),
  };
  const extras = (text: string) =>
    text.replace(/\((default|choices): /g, (_, word: string) =>
      word === "default" ? `(${t("cli.help.default")}: ` : `(${t("cli.help.choices")}: `,
    );
  return {
    styleTitle: (title: string) => titles[title] ?? title,
    styleOptionDescription: extras,
    styleArgumentDescription: extras,
  };
}

/** Closes what the command opened; a store that fails to close has nothing left to give back. */
async function closeStores(stores: readonly TokenStore[]): Promise<void> {
  await Promise.allSettled(stores.map((store) => store.close?.()));
}
