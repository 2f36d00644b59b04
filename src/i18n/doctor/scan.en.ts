/** English messages of `cafe24-doctor scan` and of the root cause the code scan names. */
export const scanEn = {
  "rootcause.refreshersRace.title": "{count} independent refreshers race for one rotating refresh token",
  "rootcause.refreshersRace.explanation":
    "Cafe24 issues a new refresh token on every refresh and kills the one sent. With {count} refreshers and no lock they all share, whichever refreshes second sends a dead token, gets invalid_grant, and the mall needs re-authorization. Remove the refresh code ({places}) and read tokens from `cafe24-doctor watch`'s endpoint (GET /v1/malls/<mall_id>/access-token) or the shared store (TokenManager).",
  "rootcause.suspect.refreshInApp": "refresh code in the app itself (a background thread, a request handler)",
  "rootcause.suspect.refreshCron": "a cron job or script that refreshes on a timer",

  "scan.description":
    "Find code in a project that handles Cafe24 tokens behind cafe24-doctor's back: refreshers, naive expiry parsing, literal secrets, in-place token writes. Exit 0 clean, 2 findings, 3 could not run.",
  "scan.argument.dir": "the project folder to scan (default: the current folder)",
  "scan.option.json": "print the result as JSON",
  "scan.notFolder":
    "{dir} is not a folder that can be read. Name your project's folder (`cafe24-doctor scan ./my-app`), or run `cafe24-doctor scan` inside it.",
  "scan.clean": "No finding in {files} source file(s) under {root} ({ms} ms).",
  "scan.found": "{count} finding(s) in {files} source file(s) under {root} ({ms} ms):",
  "scan.rule.REFRESHER": "Refreshes the Cafe24 token itself",
  "scan.rule.NAIVE_EXPIRY_PARSE": "Reads expires_at as naive or UTC time (Cafe24's is KST)",
  "scan.rule.LITERAL_SECRET": "A token or client secret written into the source",
  "scan.rule.NON_ATOMIC_TOKEN_WRITE": "Rewrites the token file in place",
  "scan.fix": "Fix",
  "scan.watchRuns": "The project runs `cafe24-doctor watch`, which refreshes too: {places}",
  "scan.rootCause": "Root cause",
  "scan.incomplete":
    "Incomplete: the scan stopped at a bound ({limits}); what lies past it was not looked at.",
};
