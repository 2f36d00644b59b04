#!/usr/bin/env node
import { scrubSecrets } from "../util/scrub-secrets.js";
import { EXIT } from "./report-error.js";
import { runCli } from "./run-cli.js";

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${scrubSecrets(String(error))}\n`);
    process.exitCode = EXIT.couldNotRun;
  },
);
