import type { Command } from "commander";
import { apiCallLogger } from "../../api-command/api-call-logger.js";
import { parseApiRequest } from "../../api-command/api-request.js";
import { runApiCall } from "../../api-command/run-api-call.js";
import { scrubSecrets } from "../../util/scrub-secrets.js";
import type { CliContext } from "../cli-context.js";
import { runTokenAction } from "./token-action.js";

interface ApiFlags {
  query: string[];
  data?: string;
  shopNo?: string;
  paginate?: boolean;
  config?: string;
  mall?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `api METHOD PATH`, like `gh api`. Wiring only: the work is in src/api-command/. */
export function registerApiCommand(program: Command, cli: () => CliContext): void {
  const { t } = cli();
  program
    .command("api")
    .description(t("api.description"))
    .argument("<method>", t("api.argument.method"))
    .argument("<path>", t("api.argument.path"))
    .option("-q, --query <key=value>", t("api.option.query"), collect, [])
    .option("-d, --data <json|@file>", t("api.option.data"))
    .option("--shop-no <n>", t("api.option.shopNo"))
    .option("--paginate", t("api.option.paginate"))
    .option("-c, --config <file>", t("doctor.option.config"))
    .option("--mall <id>", t("token.option.mall"))
    .action((method: string, path: string, flags: ApiFlags) =>
      runTokenAction(
        scrubbedStderr(cli()),
        flags,
        async (setup, io) => {
          const request = await parseApiRequest(
            {
              method,
              path,
              query: flags.query,
              ...(flags.data === undefined ? {} : { data: flags.data }),
              ...(flags.shopNo === undefined ? {} : { shopNo: flags.shopNo }),
              ...(flags.paginate ? { paginate: true } : {}),
            },
            cli().cwd,
          );
          return runApiCall(setup, request, io, { logger: apiCallLogger(io.err, io.t) });
        },
        { logger: (io) => apiCallLogger(io.err, io.t) },
      ),
    );
}

/**
 * Server text reaches the api command's stderr by several paths (the error, Cafe24's message, retry lines):
 * every line is scrubbed of anything shaped like a credential. Stdout, the answer the user asked for, is not.
 */
const scrubbedStderr = (cli: CliContext): CliContext => ({
  ...cli,
  err: (line) => cli.err(scrubSecrets(line, [], { maxLength: 2000 })),
});
