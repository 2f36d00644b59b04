import { resolve } from "node:path";
import type { Command } from "commander";
import { formatKstStamp } from "../../cafe24/kst.js";
import { diffRecordings } from "../../conformance/diff-recordings.js";
import { PROBES } from "../../conformance/probes.js";
import { readRecording, writeRecording } from "../../conformance/recording-file.js";
import { probeLine, renderDiff } from "../../conformance/render-conformance.js";
import { MIN_PACE_MS, runConformance } from "../../conformance/run-conformance.js";
import { realSleep } from "../../util/runtime.js";
import type { CliContext } from "../cli-context.js";
import { nonNegativeInt } from "../parse-number.js";
import { EXIT, reportError } from "../report-error.js";
import { runTokenAction } from "./token-action.js";

interface RunFlags {
  out?: string;
  json?: boolean;
  paceMs?: number;
  config?: string;
  mall?: string;
}

/** `conformance run` and `conformance diff`. Wiring only: the work is in src/conformance/. */
export function registerConformanceCommand(program: Command, cli: () => CliContext): void {
  const { t } = cli();
  const group = program.command("conformance").description(t("conformance.description"));
  group
    .command("run")
    .description(t("conformance.run.description"))
    .option("--out <file>", t("conformance.option.out"))
    .option("--json", t("conformance.option.json"))
    .option("--pace-ms <ms>", t("conformance.option.paceMs"), nonNegativeInt)
    .option("-c, --config <file>", t("doctor.option.config"))
    .option("--mall <id>", t("token.option.mall"))
    .action((flags: RunFlags) =>
      runTokenAction(
        cli(),
        flags,
        async (setup, io) => {
          const { config } = setup;
          const paceMs = flags.paceMs ?? MIN_PACE_MS;
          if (!flags.json)
            io.err(
              io.t("conformance.run.start", { host: hostOf(config.baseUrl), count: PROBES.length, paceMs }),
            );
          const outcome = await runConformance({
            target: {
              mallId: setup.mallId,
              clientId: setup.oauth.clientId,
              clientSecret: setup.oauth.clientSecret,
              allowInsecureLoopback: config.allowInsecureLoopback,
              ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
              ...(config.redirectUri ? { redirectUri: config.redirectUri } : {}),
              ...(config.apiVersion ? { apiVersion: config.apiVersion } : {}),
            },
            store: setup.store,
            sleep: realSleep,
            paceMs,
            onProbe: (result, index, total) => {
              if (!flags.json) io.err(probeLine(result, index, total));
            },
          });
          if (outcome.kind === "no-token") {
            io.err(io.t("conformance.noToken", { mallId: setup.mallId }));
            return EXIT.couldNotRun;
          }
          if (outcome.kind === "token-expired") {
            io.err(io.t("conformance.tokenExpired", { mallId: setup.mallId }));
            return EXIT.couldNotRun;
          }
          const { recording } = outcome;
          const file = resolve(
            cli().cwd,
            flags.out ?? `conformance-${recording.target.kind}-${formatKstStamp(Date.now())}.json`,
          );
          await writeRecording(file, recording);
          if (flags.json) {
            io.out(JSON.stringify({ file, probes: recording.probes.length, complete: recording.complete }));
          } else {
            io.out(io.t("conformance.run.saved", { count: recording.probes.length, file }));
            io.out(io.t("conformance.run.share"));
          }
          if (!recording.complete) {
            io.err(io.t("conformance.run.stopped", { count: recording.probes.length }));
            return EXIT.couldNotRun;
          }
          return EXIT.ok;
        },
        { holdInterrupts: false },
      ),
    );
  group
    .command("diff")
    .description(t("conformance.diff.description"))
    .argument("<a>", t("conformance.diff.argumentA"))
    .argument("<b>", t("conformance.diff.argumentB"))
    .option("--json", t("conformance.option.json"))
    .action(async (fileA: string, fileB: string, flags: { json?: boolean }) => {
      const io = cli();
      try {
        const a = await readRecording(resolve(io.cwd, fileA));
        const b = await readRecording(resolve(io.cwd, fileB));
        const divergences = diffRecordings(a, b);
        if (flags.json) io.out(JSON.stringify({ same: divergences.length === 0, divergences }, null, 2));
        else for (const line of renderDiff(a, b, divergences, io.t)) io.out(line);
        io.exit(divergences.length === 0 ? EXIT.ok : EXIT.problems);
      } catch (error) {
        io.exit(reportError(error, io));
      }
    });
}

/** The API host the probes go to, without the mall id (it is not shown even in progress lines). */
function hostOf(baseUrl: string | undefined): string {
  return (baseUrl ?? "https://{mall_id}.cafe24api.com").replace(/^https?:\/\//, "");
}
