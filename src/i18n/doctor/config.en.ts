/** English messages of the doctor's config part; keys are prefixed by area. */
export const configEn = {
  "error.CONFIG_INVALID": "The configuration has problems, one per line:",
  "error.CONFIG_INVALID.fix":
    "Fix each line in cafe24-doctor.config.json, or in the CAFE24_* variable or .env it names, then run again. Secrets such as CAFE24_CLIENT_SECRET belong in .env only.",
  "error.CONFIG_UNREADABLE": "The configuration file cannot be read, or is not valid JSON.",
  "error.CONFIG_UNREADABLE.fix":
    "Fix the JSON at the line and column shown (an editor that checks JSON helps), or write a fresh file with `cafe24-doctor init --force`.",
  "error.CONFIG_EXISTS": "A configuration file already exists; it was left unchanged.",
  "error.CONFIG_EXISTS.fix": "Edit it, or run `cafe24-doctor init --force` to replace it.",
  "error.CONFIG_WRITE_FAILED": "The configuration file could not be written.",
  "error.CONFIG_WRITE_FAILED.fix":
    "Check that the folder exists and that you may write to it, then run init again.",

  "config.init.intro":
    "Writing a starter cafe24-doctor.config.json. Press Enter to keep the value in brackets.",
  "config.init.prompt.mallId": "Mall ID (myshop for myshop.cafe24.com)",
  "config.init.prompt.redirectUri": "Redirect URI registered in Cafe24 Developer Center",
  "config.init.prompt.scopes": "Scopes the app requests (comma-separated)",
  "config.init.prompt.apiVersion": "API version (YYYY-MM-DD; blank = the app's version)",
  "config.init.prompt.tokenFile": "Token file",
  "config.init.prompt.serviceUrl": "Health URL of your deployed service",
  "config.init.prompt.reportDir": "Folder for reports",
  "config.init.optional": "optional, Enter to skip",
  "config.init.invalid": "{problem}. Try again, or press Enter to keep the default.",
  "config.init.written": "Wrote {file}.",
  "config.init.envWritten":
    "Wrote {file} (mode 0600): fill in the empty values there; it holds your secret, so never commit it.",
  "config.init.envKept": "Left {file} as it was (it already exists).",
  "config.init.missing.title": "Still missing before the doctor can pass:",
  "config.init.missing.mallId":
    "CAFE24_MALL_ID is not set: add it to .env (myshop for myshop.cafe24.com), or mallId to the config file.",
  "config.init.missing.redirectUri":
    "CAFE24_REDIRECT_URI is not set: add the redirect URI registered in Cafe24 Developer Center to .env (needed by `cafe24-doctor token login`).",
  "config.init.gitignore":
    "Add these lines to .gitignore (they cover everything cafe24-doctor writes here: .env, the token file and its side files, the reports):",
  "config.init.clientIdMissing": "CAFE24_CLIENT_ID is not set: add it to .env.",
  "config.init.secretMissing":
    "CAFE24_CLIENT_SECRET is not set: put it in .env (never in the config file), and keep .env out of git.",
  "config.init.next":
    "Next: run `cafe24-doctor` for a quick diagnosis, or `cafe24-doctor check` for the full one.",
} as const;
