import { CommanderError } from "commander";
import { configProblemInKorean } from "../config/config-problems-ko.js";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import type { MessageKey } from "../i18n/en.js";
import { en } from "../i18n/en.js";
import { scrubSecrets } from "../util/scrub-secrets.js";
import type { CliContext } from "./cli-context.js";

/** Exit codes, documented in the README: 0 healthy, 1 warnings only, 2 problems found, 3 could not run. */
export const EXIT = { ok: 0, warnings: 1, problems: 2, couldNotRun: 3 } as const;

/**
 * Prints an error the way users can act on — what happened, each detail, the fix — and returns the exit code.
 * The last stop before a terminal or a CI log: every line (stack traces with --debug included) is scrubbed of
 * anything shaped like a credential, whatever code worded it.
 */
export function reportError(
  error: unknown,
  cli: Pick<CliContext, "t" | "err" | "debug"> & { lang?: CliContext["lang"] },
): number {
  const { t } = cli;
  const err = (text: string) => {
    for (const line of text.split("\n")) cli.err(scrubSecrets(line, [], { maxLength: 2000 }));
  };
  if (error instanceof DoctorError) {
    const key = `error.${error.code}` as MessageKey;
    const worded = key in en;
    err(`${t("cli.error.prefix")}: ${worded ? t(key) : error.message}`);
    // The catalogue's sentence is the same for every error of a code; without details, only the error's own
    // message says what exactly happened (which host, file or option).
    const details = worded && error.details.length === 0 ? [error.message] : error.details;
    // The schemas word configuration problems in English; under --lang ko they are said in Korean here.
    const say =
      cli.lang === "ko" && error.code === ERROR_CODES.configInvalid
        ? configProblemInKorean
        : (line: string) => line;
    for (const line of details) err(`  - ${say(line)}`);
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
