import { checksEn } from "./doctor/checks/check-catalogues.js";
import { cliEn } from "./doctor/cli.en.js";
import { configEn } from "./doctor/config.en.js";
import { conformanceEn } from "./doctor/conformance.en.js";
import { coreEn } from "./doctor/core.en.js";
import { errorsEn } from "./doctor/errors.en.js";
import { migrateEn } from "./doctor/migrate.en.js";
import { reportEn } from "./doctor/report.en.js";
import { scanEn } from "./doctor/scan.en.js";
import { statusEn } from "./doctor/status.en.js";
import { storeEn } from "./doctor/store.en.js";
import { tokenEn } from "./doctor/token.en.js";

/** English messages: the source of truth. Every key must exist in ko.ts too (enforced by its type). */
export const en = {
  ...configEn,
  ...checksEn,
  ...reportEn,
  ...tokenEn,
  ...statusEn,
  ...storeEn,
  ...coreEn,
  ...errorsEn,
  ...migrateEn,
  ...cliEn,
  ...scanEn,
  ...conformanceEn,
  "cli.description": "Diagnose and keep alive everything between your Cafe24 app and the Cafe24 Admin API.",
  "cli.option.lang": "language of messages: ko or en (default: from the locale)",
  "cli.option.debug": "show stack traces and internal details on errors",
  "cli.error.prefix": "Error",
  "cli.error.fix": "Fix",
  "cli.error.unexpected":
    "Unexpected error: {message}. Run again with --debug for details, and report it if it persists.",
  "cli.error.usage": "{message}",
  "cli.error.usage.fix": "See `cafe24-doctor {command} --help`.",

  "emulator.description":
    "Run a local Cafe24 (OAuth, Admin API, rate limits, faults, controllable clock) on 127.0.0.1 for development and tests.",
  "emulator.option.port": "port to listen on (0 = any free port)",
  "emulator.option.host": "address to bind; anything but 127.0.0.1 must be given explicitly",
  "emulator.option.config": "JSON file with malls, apps and any emulator option",
  "emulator.option.autoApprove": "skip the consent page: authorize redirects with a code at once",
  "emulator.option.codeTtl": "authorization code lifetime in seconds",
  "emulator.option.accessTtl": "access token lifetime in seconds",
  "emulator.option.refreshTtl": "refresh token lifetime in seconds",
  "emulator.option.bucket": "rate-limit bucket size per mall",
  "emulator.option.drain": "bucket drain rate in calls per second",
  "emulator.option.noRateLimit": "turn the call bucket off",
  "emulator.option.usage": "turn on the usage quota (X-Cafe24-*-Usage/-Remain headers; on by default)",
  "emulator.option.noUsage": "turn off the usage quota (about 3,000 calls and 600 s per 10 minutes per mall)",
  "emulator.option.faults": "fault profile (none, flaky, slow, down) or a JSON file of fault rules",
  "emulator.option.control": "serve the control API under /__emulator/ (loopback clients only)",
  "emulator.option.seed": "seed of the generated data and fault decisions",
  "emulator.option.products": "number of seeded products",
  "emulator.option.orders": "number of seeded orders",
  "emulator.option.customers": "number of seeded customers",
  "emulator.option.quiet": "print only the ready line, no request log",
  "emulator.option.webhookUrl":
    "POST app-deleted/expired webhooks (90077/90078) to this URL, signed with CAFE24_WEBHOOK_SECRET when set",
  "emulator.option.allowHost":
    "also answer requests under this Host name (repeatable); any other name gets 421 (DNS-rebinding guard)",
  "emulator.nonLoopback":
    "Listening on {host}, reachable from other machines. The emulator is for local use.",
  "emulator.stopped": "Emulator stopped.",
  "error.EMULATOR_CONFIG_INVALID": "The emulator configuration is invalid.",
  "error.EMULATOR_CONFIG_INVALID.fix":
    "Correct each key listed above; see README's emulator section for the format.",
  "error.EMULATOR_CONFIG_UNREADABLE": "Could not read the emulator configuration file.",
  "error.EMULATOR_CONFIG_UNREADABLE.fix": "Check the path and that the file is valid JSON.",
  "error.EMULATOR_LISTEN_FAILED": "The emulator could not listen.",
  "error.EMULATOR_LISTEN_FAILED.fix":
    "Pick another --port (0 picks a free one) or stop the process using it.",
  "error.STATUS_LISTEN_FAILED": "The status server could not start, so watch did not start either.",
  "error.STATUS_LISTEN_FAILED.fix":
    "Pick another --status-port (0 picks a free one) or stop the process using it, run without the page (--no-status), or to serve beyond 127.0.0.1 set CAFE24_DOCTOR_STATUS_TOKEN.",

  "demo.title": "cafe24-doctor demo — the real diagnosis against the built-in Cafe24 emulator",
  "demo.emulator": "Emulator running at {url} (mall '{mallId}', nothing leaves 127.0.0.1)",
  "demo.scene.authorize": "Authorize the demo app (authorize URL → consent → code → token file)",
  "demo.authorized": "token stored in {file} (mode 0600)",
  "demo.scene.healthy": "Full check of a healthy app: cafe24-doctor check",
  "demo.reports": "reports: {files}",
  "demo.scene.expired": "Break it: the access token expires and nobody refreshes it — cafe24-doctor diagnose",
  "demo.scene.fix": "Fix it the lock-safe way (what --fix does), then diagnose again",
  "demo.scene.scope": "Break it again: mall.read_order is removed from the app — cafe24-doctor check",
  "demo.done": "Done in {seconds} s. Next: `npm test`, or `npx cafe24-doctor emulator --help`.",
  "demo.failed": "The demo failed: {message}",
  "demo.scene.tokenEndpoint":
    "One refresher, many readers: an app in another language reads its tokens from cafe24-doctor watch --token-endpoint",
  "demo.tokenEndpoint.watch":
    "watch keeps mall '{mallId}' alive and serves its access tokens at {url}/v1/malls/{mallId}/access-token",
  "demo.tokenEndpoint.noPython":
    "python3 is not installed here, so the Node client (examples/token-clients/node) plays the app instead of the Python one",
  "demo.tokenEndpoint.reader":
    "a {language} app (examples/token-clients) made {calls} calls to Cafe24 while time ran {elapsed:duration} ahead and Cafe24 expired its token early {early} times",
  "demo.tokenEndpoint.result":
    "the app: {ok} of {calls} calls succeeded, {failed} failed; it refreshed {refreshes} times and never saw a refresh token (watch's answers held only {keys})",
  "demo.tokenEndpoint.rejected":
    "Cafe24 refused its token {count} times; each time one report to watch (…/access-token/rejected) and one retry fixed it",
  "demo.tokenEndpoint.refreshed":
    "watch refreshed {count} times, under the store's lock — the only refresher ({invalidGrant} invalid_grant at Cafe24)",
  "time.in": "in {duration}",
  "time.ago": "{duration} ago",
  "time.days": "{n} d",
  "time.hours": "{n} h",
  "time.minutes": "{n} min",
  "time.seconds": "{n} s",
} as const;

export type MessageKey = keyof typeof en;
