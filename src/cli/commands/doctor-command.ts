import { resolve } from "node:path";
import type { Command } from "commander";
import { loadDoctorConfig } from "../../config/load-doctor-config.js";
import { requireConfiguration } from "../../config/require-configuration.js";
import { canFixByRefresh, refreshForFix } from "../../doctor/fix-by-refresh.js";
import { buildReport } from "../../doctor/report/build-report.js";
import { createProgress } from "../../doctor/report/create-progress.js";
import { renderProblems, renderStatusLines } from "../../doctor/report/render-terminal.js";
import { writeHtmlReport } from "../../doctor/report/write-html-report.js";
import { writeHttpLog } from "../../doctor/report/write-http-log.js";
import { serializeReport, writeJsonReport } from "../../doctor/report/write-json-report.js";
import { reportInputOf } from "../../doctor/report-input-of.js";
import { runDoctor } from "../../doctor/run-doctor.js";
import { createTranslator } from "../../i18n/translate.js";
import type { CliContext } from "../cli-context.js";
import { holdInterrupts } from "../hold-interrupts.js";
import { positiveNumber } from "../parse-number.js";

interface DoctorFlags {
  json?: boolean;
  html?: boolean;
  reportDir?: string;
  deadline?: number;
  fix?: boolean;
  config?: string;
  mall?: string;
  progress: boolean;
}

/** `cafe24-doctor` / `diagnose` (quick) and `check` (full, with report files). Wiring only. */
export function registerDoctorCommands(program: Command, cli: () => CliContext): void {
  const { t } = cli();
  const common = (command: Command) =>
    command
      .option("--json", t("doctor.option.json"))
      .option("--deadline <seconds>", t("doctor.option.deadline"), positiveNumber)
      .option("--fix", t("doctor.option.fix"))
      .option("-c, --config <file>", t("doctor.option.config"))
      .option("--mall <id>", t("cli.option.mall"))
      .option("--no-progress", t("doctor.option.noProgress"));
  common(program.command("diagnose", { isDefault: true }).description(t("diagnose.description"))).action(
    (flags: DoctorFlags) => runDoctorCommand("diagnose", flags, cli()),
  );
  common(program.command("check").description(t("check.description")))
    .option("--html", t("doctor.option.html"))
    .option("--report-dir <dir>", t("doctor.option.reportDir"))
    .action((flags: DoctorFlags) => runDoctorCommand("check", flags, cli()));
}

async function runDoctorCommand(
  kind: "check" | "diagnose",
  flags: DoctorFlags,
  cli: CliContext,
): Promise<void> {
  const loaded = await loadDoctorConfig({
    cwd: cli.cwd,
    env: cli.env,
    ...(flags.config ? { configPath: flags.config } : {}),
  });
  // --mall picks one mall of an agency's many; nothing configured at all is "could not run" (exit 3).
  const config = flags.mall ? { ...loaded, mallId: flags.mall } : loaded;
  const lang = cli.explicitLang ? cli.lang : (config.lang ?? cli.lang);
  const t = createTranslator(lang);
  requireConfiguration(loaded, t);
  // Only on a terminal: piped to a file, cron or CI, progress lines would only bury the result.
  const showProgress = flags.progress && !flags.json && process.stderr.isTTY === true;
  const deadlineMs = flags.deadline === undefined ? undefined : flags.deadline * 1000;

  const store = cli.storeFor(config);
  const diagnose = async () => {
    const progress = showProgress ? createProgress({ stream: process.stderr, isTTY: true, t }) : undefined;
    try {
      return await runDoctor({
        config,
        kind,
        store,
        ...(deadlineMs === undefined ? {} : { deadlineMs }),
        ...(progress ? { onStart: (id) => progress.start(id), onFinish: (r) => progress.finish(r) } : {}),
      });
    } finally {
      progress?.stop();
    }
  };

  let run = await diagnose();
  if (flags.fix) {
    if (canFixByRefresh(run)) {
      cli.err(t("doctor.fix.refreshing"));
      try {
        await holdInterrupts(cli, () => refreshForFix(config, { store }));
        cli.err(t("doctor.fix.done"));
        run = await diagnose();
      } catch (error) {
        cli.err(t("doctor.fix.failed", { message: error instanceof Error ? error.message : String(error) }));
      }
    } else {
      cli.err(t("doctor.fix.notApplicable"));
    }
  }

  const report = buildReport(reportInputOf(run, lang, config.mallId), t);
  const files: string[] = [];
  let unwritten: { dir: string; reason: string } | undefined;
  if (kind === "check") {
    const dir = resolve(cli.cwd, flags.reportDir ?? config.reportDir);
    try {
      files.push(await writeJsonReport(dir, report, run.finishedAt));
      files.push(await writeHttpLog(dir, reportInputOf(run, lang, config.mallId)));
      if (flags.html) files.push(await writeHtmlReport(dir, report, run.finishedAt));
    } catch (error) {
      // The diagnosis is done: print it whatever happened to the files, and say where they could not go.
      const code = (error as NodeJS.ErrnoException).code;
      unwritten = { dir, reason: code ?? (error instanceof Error ? error.message : String(error)) };
    }
  }
  if (flags.json) cli.out(serializeReport(report));
  else {
    cli.out(renderStatusLines(report));
    cli.out(renderProblems(report, { files }));
  }
  if (unwritten) {
    cli.err(t("report.filesFailed", unwritten));
    // `check` was asked for its report files too: not all of its job was done (README: 3, could not run).
    cli.exit(REPORT_NOT_WRITTEN_EXIT_CODE);
    return;
  }
  cli.exit(report.verdict.exitCode);
}

/** The exit code when the diagnosis ran and was printed but its report files could not be written. */
export const REPORT_NOT_WRITTEN_EXIT_CODE = 3;
