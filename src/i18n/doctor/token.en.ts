/** English messages of the `token` and `api` commands, and of the error codes they explain. */
export const tokenEn = {
  "token.description":
    "Show, refresh, obtain and revoke the mall's OAuth tokens (lock-safe, never printed in full).",
  "token.status.description":
    "Both tokens' expiry in KST and relative, scopes, store location. Exit 0 healthy, 1 refresh token within 3 days, 2 expired or re-authorization needed, 3 could not run.",
  "token.refresh.description":
    "Refresh now through the lock-safe manager (lock, re-read, refresh, save), then verify with one live call. Exit 2 when the merchant must authorize again.",
  "token.exchange.description":
    "Without an argument: print the authorize URL (fresh state, remembered 10 min). With the code or the whole redirected URL: check state, exchange, store, verify. Exit 2 when Cafe24 refuses.",
  "token.exchange.argument": "the authorization code, or the whole URL the browser was redirected to",
  "token.login.description":
    "Open the authorize URL in the browser and catch the redirect on this machine (when the redirect URI is localhost/127.0.0.1, http or https), or read the pasted URL; then exchange, store and verify.",
  "token.revoke.description":
    "Revoke the refresh token (Cafe24 revokes its access token with it) and delete the stored token.",
  "token.option.mall": "the mall to act on (default: CAFE24_MALL_ID)",
  "token.option.verify": "also make one live API call to see whether Cafe24 accepts the access token",
  "token.option.follow": "keep a live countdown on the terminal (Ctrl-C to stop)",
  "token.option.json": "print the status as JSON",
  "token.option.noBrowser": "do not open a browser (also: CAFE24_DOCTOR_NO_BROWSER=1); the URL is printed",
  "token.option.timeout": "seconds to wait for the redirect (default 300)",

  "token.label.access": "Access token ",
  "token.label.refresh": "Refresh token",
  "token.line.expiry": "{label}  expires {at} ({relative})",
  "token.line.expired": "{label}  EXPIRED {at} ({relative})",
  "token.line.expiryUnknown": "{label}  expiry unknown (the store did not record it)",
  "token.line.scopes": "Scopes         {scopes}",
  "token.status.title": "Tokens of mall {mallId}",
  "token.status.location": "Store          {location}",
  "token.status.received": "Received       {at}",
  "token.status.legacy":
    "Legacy file    {traits} (written by another tool; the next save rewrites it cleanly)",
  "token.status.followHint": "(live — Ctrl-C to stop)",
  "token.health.healthy": "Healthy: both tokens are valid.",
  "token.health.warning":
    "Warning: the refresh token ends within 3 days. A refresh renews it for 14 days; run the manager (`cafe24-doctor watch`) so idle malls stay alive.",
  "token.health.access-expired":
    "Expired: the access token has expired. The refresh token is still valid, so one refresh fixes it.",
  "token.health.rejected":
    "Rejected: Cafe24 refuses the access token although it has not expired — it was revoked, or another process refreshed and this copy is stale.",
  "token.health.reauth-required":
    "Re-authorization needed: the refresh token has expired (14 days without a refresh). The merchant must approve the app again.",
  "token.next": "Next: {command}",
  "token.verify.accepted": "Live check     GET {path} → {status}: accepted ({ms} ms)",
  "token.verify.expired": "Live check     GET {path} → {status}: expired ({ms} ms)",
  "token.verify.rejected": "Live check     GET {path} → {status}: rejected although not expired ({ms} ms)",
  "token.verify.forbidden":
    "Live check     GET {path} → {status}: token accepted, but it lacks this endpoint's scope ({ms} ms)",
  "token.verify.unavailable":
    "Live check     GET {path} → {status}: no verdict (network or Cafe24 trouble, {ms} ms)",

  "token.refresh.start": "Refreshing the tokens of mall {mallId} under the lock of {file}…",
  "token.refresh.done": "Refreshed the tokens of mall {mallId}.",
  "token.refresh.rotated":
    "The old refresh token is now dead (Cafe24 rotates it on every refresh); the file holds the only live one — never copy it elsewhere.",
  "token.exchange.open": "Open this URL, sign in as the mall's admin and approve the app:",
  "token.exchange.codeLife":
    "The code in the redirect lives 60 seconds and works once: exchange it right away. This URL's state is remembered for 10 minutes.",
  "token.exchange.stateUnchecked":
    "Warning: no pending authorization from this machine (none started, or older than 10 min), so the redirect's state cannot be checked.",
  "token.exchange.exchanging": "Exchanging the authorization code…",
  "token.authorized": "Authorized mall {mallId}; the token is stored in {file} (mode 0600).",
  "token.store.replacedCorrupt": "The old token file was corrupt; it was deleted and replaced.",
  "token.login.open": "Open this URL to authorize the app (opening your browser):",
  "token.login.noBrowser": "Could not open a browser; open the URL above yourself.",
  "token.login.waiting": "Waiting for the redirect to {redirectUri} (up to {timeout:duration})…",
  "token.login.paste":
    "The redirect URI {redirectUri} is not on this machine. After approving, paste the whole address your browser was sent to, then press Enter (up to {timeout:duration}):",
  "token.login.certWarning":
    "{redirectUri} is https: this machine answers with a self-signed certificate generated just now, so your browser will show a certificate warning. Proceed past it to finish.",
  "token.login.listenFailed":
    "Could not listen on {redirectUri} ({reason}); paste the redirected address instead.",
  "token.login.timeout": "No authorization arrived within {timeout:duration}; nothing was changed.",
  "token.login.ignored":
    "Ignored a request to {redirectUri} that did not come from this login (its state does not match); still waiting.",
  "token.callback.authorized": "Authorized — you can close this tab.",
  "token.callback.failed": "Authorization did not complete — see the terminal for what to do.",
  "token.callback.foreign":
    "This link is not from the login you started, so it was ignored. If you are logging in, keep waiting for the redirect from Cafe24; otherwise close this tab.",
  "token.revoke.done":
    "Revoked the refresh token {token} of mall {mallId}; Cafe24 revoked its access token with it.",
  "token.revoke.deleted": "Deleted the stored token {file}.",
  "token.revoke.nothing": "No stored token for mall {mallId} in {file}; nothing to revoke.",
  "token.cafe24Said": "Cafe24 answered: {error} {description}",

  "api.description":
    "Call the Admin API by hand with the managed token, like `gh api` (paced and refreshed like any client call): JSON to stdout, status, timing and rate-limit headers to stderr. Exit 2 when Cafe24 answers with an error, 3 on bad arguments.",
  "api.argument.method": "GET, POST, PUT or DELETE",
  "api.argument.path":
    "the Admin API path, e.g. /products or /products/count (the /api/v2/admin prefix is added)",
  "api.option.query": "query parameter key=value (repeatable; a repeated key becomes a comma list)",
  "api.option.data": "JSON body, inline ('{\"request\":{…}}') or from a file (@file.json)",
  "api.option.shopNo": "Cafe24 shop number (multi-shop malls)",
  "api.option.paginate": "walk every page of a list endpoint and print one item per line (NDJSON)",
  "api.attempt": "{method} {path} → {status} in {ms} ms · X-Api-Call-Limit {limit}",
  "api.retry": "retrying after {code} ({action})",
  "api.refreshed": "refreshed the access token (lock-safe) before calling",
  "api.pacing": "pacing: waiting {ms} ms to stay under the mall's rate limit",
  "api.done": "Rate limit after {ms} ms: {headers}",
  "api.paginated": "{count} items in {ms} ms",
  "api.failedCall": "Cafe24's message: {message}",
  "api.forbidden.scope":
    "This endpoint needs the scope {scope}: enable it on the app in Developer Center, then authorize again (cafe24-doctor token login).",
  "api.forbidden.unknownScope":
    "The token lacks this endpoint's scope, or the app is no longer installed: check the app's scopes, then authorize again (cafe24-doctor token login).",

  "error.CAFE24_CODE_INVALID":
    "Cafe24 refused the authorization code: it expired, was already used, or is unknown.",
  "error.CAFE24_CODE_INVALID.fix":
    "Codes live 60 s and work once: run `cafe24-doctor token exchange` again (or `token login`) and exchange the new code right away.",
  "error.CAFE24_STATE_MISMATCH":
    "The redirect's state does not match this authorization: it belongs to another attempt, or was forged.",
  "error.CAFE24_STATE_MISMATCH.fix":
    "Start again with `cafe24-doctor token exchange` (or `token login`) and use the redirect of that attempt.",
  "error.CAFE24_REDIRECT_URI_MISMATCH": "Cafe24 rejected the redirect URI.",
  "error.CAFE24_REDIRECT_URI_MISMATCH.fix":
    "CAFE24_REDIRECT_URI must equal the Redirect URI registered in Developer Center exactly: scheme, host, port, path and trailing slash.",
  "error.CAFE24_SCOPE_NOT_ENABLED": "Cafe24 refused the requested scopes.",
  "error.CAFE24_SCOPE_NOT_ENABLED.fix":
    "Enable every requested scope on the app in Developer Center (or request fewer in CAFE24_SCOPES), then authorize again.",
  "error.CAFE24_REAUTH_REQUIRED":
    "Cafe24 refused the refresh token: it expired (14 days), was rotated by another refresh, or was revoked.",
  "error.CAFE24_REAUTH_REQUIRED.fix":
    "The merchant must authorize the app again: run `cafe24-doctor token login`.",
  "error.CAFE24_INVALID_CLIENT": "Cafe24 rejected the app's client id or client secret.",
  "error.CAFE24_INVALID_CLIENT.fix":
    "Copy CAFE24_CLIENT_ID and CAFE24_CLIENT_SECRET again from Developer Center (Apps > Auth Info), without stray spaces.",
  "error.CAFE24_APP_REMOVED":
    "Cafe24 refuses the app: the merchant deleted it from the mall or let its term expire.",
  "error.CAFE24_APP_REMOVED.fix":
    "Not the client secret, a scope or an expired token. Ask the merchant to install the app again (Cafe24 Store), then run `cafe24-doctor token login --mall <mall_id>`.",
  "error.CAFE24_OAUTH_FAILED": "Cafe24's OAuth step failed.",
  "error.CAFE24_OAUTH_FAILED.fix":
    "Read Cafe24's answer below; then start again with `cafe24-doctor token login`.",
  "error.CAFE24_UNAUTHORIZED": "Cafe24 rejects the access token.",
  "error.CAFE24_UNAUTHORIZED.fix":
    "Run `cafe24-doctor token refresh`; if that says re-authorization is needed, run `cafe24-doctor token login`.",
  "error.CAFE24_FORBIDDEN": "Cafe24 refused the call: the token lacks a scope, or the app is not installed.",
  "error.CAFE24_FORBIDDEN.fix": "See the scope named below.",
  "error.CAFE24_NOT_FOUND": "Cafe24 answered 404: no such resource or endpoint.",
  "error.CAFE24_NOT_FOUND.fix": "Check the path and ids against the Admin API reference.",
  "error.CAFE24_INVALID_REQUEST": "Cafe24 refused the request itself (400/409/422); retrying cannot help.",
  "error.CAFE24_INVALID_REQUEST.fix": "Fix the parameters or body named in Cafe24's answer below.",
  "error.CAFE24_RATE_LIMITED": "Cafe24's rate limit stopped the call.",
  "error.CAFE24_RATE_LIMITED.fix": "Wait a little; the mall's bucket drains 2 calls per second.",
  "error.CAFE24_SERVER_ERROR": "Cafe24 answered with a server error.",
  "error.CAFE24_SERVER_ERROR.fix": "Try again later; this is not a token problem.",
  "error.TOKEN_NOT_FOUND": "There is no stored token for this mall.",
  "error.TOKEN_NOT_FOUND.fix": "Authorize the app: run `cafe24-doctor token login`.",
  "error.TOKEN_FILE_INVALID": "The token file is unusable:",
  "error.TOKEN_FILE_INVALID.fix":
    "Authorize again with `cafe24-doctor token login` (the corrupt file is replaced), or restore the file from backup.",
} as const;
