import { CommanderError } from "commander";
import { DoctorError } from "../errors/doctor-error.js";
import type { MessageKey } from "../i18n/en.js";
import { en } from "../i18n/en.js";
import type { CliContext } from "./cli-context.js";

/** Exit codes, documented in the README: 0 healthy, 1 warnings only, 2 problems found, 3 could not run. */
export const EXIT = { ok: 0, warnings: 1, problems: 2, couldNotRun: 3 } as const;

/** Prints an error the way users can act on — what happened, each detail, the fix — and returns the exit code. */
export function reportError(error: unknown, cli: CliContext): number {
  const { t, err } = cli;
  if (error instanceof DoctorError) {
    const key = `error.${error.code}` as MessageKey;
    err(`${t("cli.error.prefix")}: ${key in en ? t(key) : error.message}`);
    for (const line of error.details) err(`  - ${line}`);
    const fix = `${key}.fix` as MessageKey;
    if (fix in en) err(`${t("cli.error.fix")}: ${t(fix)}`);
  } else if (error instanceof CommanderError) {
    return EXIT.couldNotRun;
  } else {
    err(
      `${t("cli.error.prefix")}: ${t("cli.error.unexpected", { message: error instanceof Error ? error.message : String(error) })}`,
    );
  }
  if (cli.debug && error instanceof Error && error.stack) err(error.stack);
  return EXIT.couldNotRun;
}
