/**
 * English texts of the error codes no other catalogue words: what happened (`error.<CODE>`) and the fix
 * (`error.<CODE>.fix`), as the CLI prints them; the error's own message or details follow the first line.
 */
export const errorsEn = {
  "error.CAFE24_BAD_RESPONSE":
    "Cafe24's answer could not be used: it is not in the documented shape, or too big.",
  "error.CAFE24_BAD_RESPONSE.fix":
    "A one-off is safe to retry. If it keeps happening, run again with --debug and report the output.",
  "error.CAFE24_NETWORK": "No answer from Cafe24: the connection failed (DNS, refused, reset or TLS).",
  "error.CAFE24_NETWORK.fix":
    "Check the network and CAFE24_MALL_ID / CAFE24_BASE_URL; `cafe24-doctor check` shows which step fails.",
  "error.CAFE24_TIMEOUT": "Cafe24 did not answer in time.",
  "error.CAFE24_TIMEOUT.fix":
    "Try again; if it keeps timing out, run `cafe24-doctor check` to see where the connection stalls.",
  "error.CAFE24_ABORTED": "The operation was stopped before it finished (cancelled, or its deadline passed).",
  "error.CAFE24_ABORTED.fix":
    "Run it again; where a deadline applies, give it more time (e.g. `cafe24-doctor check --deadline 30`).",
  "error.CAFE24_INSECURE_URL":
    "A plain http:// URL was refused: Cafe24 is HTTPS only, and http is allowed only for an emulator on this machine, when asked for explicitly.",
  "error.CAFE24_INSECURE_URL.fix": "Use https, or unset CAFE24_BASE_URL to use Cafe24's own host.",
  "error.TOKEN_STORE_IO": "The token store could not be read or written:",
  "error.TOKEN_STORE_IO.fix":
    "Check that the token file's directory exists and that this user may read and write it (the line above names the path and the system error).",
  "error.TOKEN_LOCK_TIMEOUT": "Another process held the token store's lock for too long.",
  "error.TOKEN_LOCK_TIMEOUT.fix":
    "Let the process that is refreshing this mall's token (another cafe24-doctor, or your app) finish, then try again; a lock left by a dead process is taken over after 10 s.",
  "error.REDIS_UNAVAILABLE": "Redis could not be reached, or refused the command:",
  "error.REDIS_UNAVAILABLE.fix":
    "Check that Redis is running and that CAFE24_REDIS_URL (or store.url in cafe24-doctor.config.json) names it, with its password and rediss:// for TLS; `cafe24-doctor check` tests the connection.",
  "error.INVALID_OPTIONS": "An option or argument is not valid:",
  "error.INVALID_OPTIONS.fix":
    "Correct the value named above; `cafe24-doctor <command> --help` describes each option.",
  "error.DIAGNOSIS_BUDGET_SPENT":
    "The call was not sent: the diagnosis had spent its budget of Admin API calls.",
  "error.DIAGNOSIS_BUDGET_SPENT.fix":
    "Nothing is broken: a diagnosis makes at most 20 calls, leaving the mall's bucket to your app. Run `cafe24-doctor check` again for what it could not read.",
} as const;
