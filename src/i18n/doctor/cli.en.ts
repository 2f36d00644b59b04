/** English messages of the CLI's own conventions: unknown commands, help titles, confirmations, `--json`. */
export const cliEn = {
  "cli.option.version": "print the version and exit",
  "cli.option.help": "show help for the command",
  "cli.option.mall": "the mall to diagnose (default: CAFE24_MALL_ID)",
  "cli.option.json": "print the result as JSON on stdout (the human-readable lines go to stderr)",
  "cli.option.yes": "do not ask for confirmation (needed when not on a terminal)",
  "cli.help.command": "show help for a command",
  "cli.help.usage": "Usage:",
  "cli.help.options": "Options:",
  "cli.help.commands": "Commands:",
  "cli.help.arguments": "Arguments:",
  "cli.help.globalOptions": "Global Options:",
  "cli.help.default": "default",
  "cli.help.choices": "choices",
  "cli.unknownCommand": "unknown command '{command}'",
  "cli.didYouMean": "Did you mean `cafe24-doctor {command}`?",
  "cli.seeHelp": "See `cafe24-doctor --help` for the commands.",
  "cli.noConfig":
    "No configuration found: no .env, no cafe24-doctor.config.json and no CAFE24_* variables in the environment.",
  "cli.noConfig.looked": "Looked for .env and cafe24-doctor.config.json in: {dirs}",
  "cli.noConfig.fix":
    "Run `cafe24-doctor init` in your project's folder, or set CAFE24_MALL_ID, CAFE24_CLIENT_ID and CAFE24_CLIENT_SECRET.",
  "token.login.openNoBrowser": "Open this URL in a browser to authorize the app:",
  "token.revoke.confirm":
    "Revoke the tokens of mall {mallId} at Cafe24 and delete {file}? The app stops working until someone runs token login. [y/N] ",
  "token.revoke.cancelled": "Nothing was revoked.",
  "token.revoke.needsYes":
    "token revoke is destructive and asks for confirmation on a terminal; not on a terminal, pass --yes to confirm.",
  "token.health.unverified":
    "Could not verify: Cafe24 gave no verdict on the access token (unreachable, 5xx or rate-limited). The stored expiries alone look valid; try again, or run cafe24-doctor check.",
  "api.paginateLimit":
    "With --paginate, -q limit=… is the page size (at most the endpoint's maximum); every page is still walked. Use it without --paginate to get only the first {limit} items.",
  "api.paginateOffset":
    "--paginate walks the pages itself: drop -q offset=…, or call without --paginate for one page from that offset.",
} as const;
