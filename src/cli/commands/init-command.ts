import type { Command } from "commander";
import { initDefaults } from "../../config/init-answers.js";
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
      const { t, out, lang } = cli();
      const cwd = cli().cwd;
      const defaults = await initDefaults({ cwd });
      const answers = flags.yes
        ? defaults
        : await runInitInteractive({ stdin: process.stdin, stdout: process.stdout, lang, defaults });
      const { file, notes } = await writeStarterConfig({ cwd, answers, force: flags.force ?? false });
      out(t("config.init.written", { file }));
      for (const note of notes) out(t(note));
      out(t("config.init.next"));
    });
}
