import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import { findProjectDir } from "../../config/env-values.js";
import { CONFIG_FILE_NAME } from "../../config/load-doctor-config.js";
import { scanProject } from "../../doctor/scan/scan-project.js";
import { renderScanReport, scanReport } from "../../doctor/scan/scan-report.js";
import type { CliContext } from "../cli-context.js";
import { EXIT } from "../report-error.js";

/** `cafe24-doctor scan [DIR]`: the code scan of `check` on its own, every place listed. Wiring only. */
export function registerScanCommand(program: Command, cli: () => CliContext): void {
  const { t } = cli();
  program
    .command("scan")
    .description(t("scan.description"))
    .argument("[dir]", t("scan.argument.dir"))
    .option("--json", t("scan.option.json"))
    .action(async (dir: string | undefined, flags: { json?: boolean }) => {
      const { t, out, err } = cli();
      // Without a folder: the project the configuration is read from, as `check` scans it.
      const root = dir
        ? resolve(cli().cwd, dir)
        : (await findProjectDir(resolve(cli().cwd), CONFIG_FILE_NAME)).dir;
      const shown = dir ?? ".";
      if (!(await stat(root).catch(() => undefined))?.isDirectory()) {
        err(`${t("cli.error.prefix")}: ${t("scan.notFolder", { dir: shown })}`);
        cli().exit(EXIT.couldNotRun);
        return;
      }
      const report = scanReport(shown, await scanProject(root), t);
      out(flags.json ? JSON.stringify(report, null, 2) : renderScanReport(report, t));
      cli().exit(report.findings.length > 0 ? EXIT.problems : EXIT.ok);
    });
}
