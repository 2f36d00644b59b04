import { resolve } from "node:path";
import type { Command } from "commander";
import { pickEnvValues, readDotenv } from "../../config/env-values.js";
import { initDefaults } from "../../config/init-answers.js";
import {
  gitignoreLines,
  gitignoreMissing,
  missingAfterInit,
  writeEnvTemplate,
} from "../../config/init-files.js";
import { runInitInteractive } from "../../config/run-init-interactive.js";
import { writeStarterConfig } from "../../config/starter-config.js";
import type { CliContext } from "../cli-context.js";

export function registerInitCommand(program: Command, cli: () => CliContext): void {
  const { t } = cli();
  program
    .command("init")
    .description(t("init.description"))
    .option("-y, --yes", t("doctor.option.yes"))
    .option("--force", t("doctor.option.force"))
    .action(async (flags: { yes?: boolean; force?: boolean }) => {
      const { t, out, lang, env } = cli();
      const cwd = resolve(cli().cwd);
      const defaults = await initDefaults({ cwd, env });
      const answers = flags.yes
        ? defaults
        : await runInitInteractive({ stdin: process.stdin, stdout: process.stdout, lang, defaults });
      const { file } = await writeStarterConfig({ cwd, answers, force: flags.force ?? false, env });
      out(t("config.init.written", { file }));

      // A .env template next to it (never replacing one), then what is still missing, then the ignore lines.
      const dotenv = await writeEnvTemplate(cwd, answers, env);
      out(t(dotenv.written ? "config.init.envWritten" : "config.init.envKept", { file: dotenv.file }));
      const missing = missingAfterInit(answers, pickEnvValues(env, await readDotenv(cwd)));
      if (missing.length > 0) {
        out(t("config.init.missing.title"));
        for (const key of missing) out(`  - ${t(key)}`);
      }
      const ignore = await gitignoreMissing(cwd, gitignoreLines(cwd, answers));
      if (ignore.length > 0) {
        out(t("config.init.gitignore"));
        for (const line of ignore) out(`  ${line}`);
      }
      out(t("config.init.next"));
    });
}
