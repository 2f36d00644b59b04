/** English messages of the doctor's checks 1–6 (configuration … authentication); keys are prefixed by check. */
export const checksAEn = {
  "check.configuration.summary.ok":
    "complete ({fromEnv} from the environment, {fromDotenv} from .env, {fromFile} from the config file)",
  "check.configuration.summary.missing": "missing: {names}",
  "check.configuration.summary.problems": "{count} setting(s) need attention",
  "check.configuration.mallIdMissing.cause":
    "CAFE24_MALL_ID is not set: without the mall id nothing can reach the mall's API.",
  "check.configuration.mallIdMissing.remedy":
    "Set CAFE24_MALL_ID to the id in your shop's address (myshop for myshop.cafe24.com), or run `cafe24-doctor init`.",
  "check.configuration.mallIdInvalid.cause":
    "CAFE24_MALL_ID is not a Cafe24 mall id (letters, digits and '-', at most 40).",
  "check.configuration.mallIdInvalid.remedy":
    "Set it to the id in your shop's address (myshop for myshop.cafe24.com); `cafe24-doctor init` asks for it.",
  "check.configuration.clientIdMissing.cause":
    "CAFE24_CLIENT_ID is not set: tokens can be neither refreshed nor issued without the app's client id.",
  "check.configuration.clientIdMissing.remedy":
    "Copy the client id from Cafe24 Developers (your app's development info) into CAFE24_CLIENT_ID, or run `cafe24-doctor init`.",
  "check.configuration.clientSecretMissing.cause":
    "CAFE24_CLIENT_SECRET is not set: tokens can be neither refreshed nor issued without the app's client secret.",
  "check.configuration.clientSecretMissing.remedy":
    "Copy the client secret from Cafe24 Developers into CAFE24_CLIENT_SECRET (environment or .env, never a committed file), or run `cafe24-doctor init`.",
  "check.configuration.clientSecretWhitespace.cause":
    'The client secret (from {source}) has spaces or a line break around it; Cafe24 answers such a secret with "Invalid client_secret".',
  "check.configuration.clientSecretWhitespace.remedy":
    "This run trimmed it; remove the whitespace where it is set ({source}) so every tool reads the same secret.",
  "check.configuration.baseUrlInsecure.cause":
    "CAFE24_BASE_URL uses plain http for a host other than this machine; Cafe24 is HTTPS only, so every call would be refused.",
  "check.configuration.baseUrlInsecure.remedy":
    "Use https, or unset CAFE24_BASE_URL to use Cafe24's own host; plain http is only for the local emulator.",
  "check.configuration.baseUrlInvalid.cause": "CAFE24_BASE_URL is not a usable URL template.",
  "check.configuration.baseUrlInvalid.remedy":
    "Unset it to use Cafe24's own host, or give an https URL with the mall id placeholder in the host name.",
  "check.configuration.redirectUriMissing.cause":
    "CAFE24_REDIRECT_URI is not set: authorizing the app (`cafe24-doctor token login`) needs the redirect URI registered for it.",
  "check.configuration.redirectUriMissing.remedy":
    "Copy the redirect URI exactly as registered in Cafe24 Developers into CAFE24_REDIRECT_URI, or run `cafe24-doctor init`.",
  "check.configuration.redirectUriInvalid.cause":
    "CAFE24_REDIRECT_URI is not an http(s) URL; Cafe24 refuses an authorization whose redirect URI differs from the registered one.",
  "check.configuration.redirectUriInvalid.remedy":
    "Copy the redirect URI exactly as registered in Cafe24 Developers (scheme, host, path, trailing slash), or run `cafe24-doctor init`.",
  "check.configuration.scopesEmpty.cause":
    "No scopes are configured (CAFE24_SCOPES): an authorization would ask for nothing, and missing permissions cannot be detected.",
  "check.configuration.scopesEmpty.remedy":
    "List the scopes your app uses, e.g. CAFE24_SCOPES=mall.read_product,mall.read_order, or run `cafe24-doctor init`.",
  "check.configuration.scopesUnknown.cause":
    "Unknown scope names: {scopes}. Cafe24 refuses such an authorization with invalid_scope.",
  "check.configuration.scopesUnknown.remedy":
    "Correct them to Cafe24's names (e.g. mall.read_product) in CAFE24_SCOPES or in the config file.",
  "check.configuration.apiVersionInvalid.cause":
    "CAFE24_API_VERSION is not a Cafe24 API version date (YYYY-MM-DD).",
  "check.configuration.apiVersionInvalid.remedy":
    "Set a version such as 2025-12-01, or unset it to use the version chosen for the app in Cafe24 Developers.",
  "check.configuration.legacyAccessToken.cause":
    "CAFE24_ACCESS_TOKEN is set ({source}): a copy of the access token that goes stale at the first refresh, after which every call made with it fails.",
  "check.configuration.legacyAccessToken.remedy":
    "Remove CAFE24_ACCESS_TOKEN from {source} and let every process read the token file, which cafe24-doctor keeps current.",

  "check.token-store.summary.ok": "{file} read",
  "check.token-store.summary.noMallId": "skipped: no valid mall id to look the token up for",
  "check.token-store.summary.missing": "no token file at {file}",
  "check.token-store.summary.missingEnv":
    "no token file at {file}; only CAFE24_ACCESS_TOKEN from the environment",
  "check.token-store.summary.invalid": "{file} is unusable",
  "check.token-store.summary.unreadable": "{file} cannot be read",
  "check.token-store.summary.otherMall": "{file} holds another mall's token",
  "check.token-store.missing.cause":
    "There is no token file at {file}: without a refresh token nothing can renew access.",
  "check.token-store.missing.remedy":
    "Authorize the app once with `cafe24-doctor token login`; it writes {file}.",
  "check.token-store.invalid.cause":
    "The token file {file} cannot be used: it is empty, truncated, or not Cafe24's token JSON.",
  "check.token-store.invalid.remedy":
    "Restore {file} from a backup, or authorize again with `cafe24-doctor token login`.",
  "check.token-store.unreadable.cause": "The token file {file} cannot be read ({error}).",
  "check.token-store.unreadable.remedy":
    "Make {file} readable and writable by the user that runs the app and cafe24-doctor, and by no one else.",
  "check.token-store.otherMall.cause": "{file} holds another mall's token, not {mallId}'s.",
  "check.token-store.otherMall.remedy":
    "Give each mall its own file (CAFE24_TOKEN_FILE with the mall id placeholder in the file name, as in the command), then authorize {mallId}.",
  "check.token-store.readableByOthers.cause":
    "{file} can be read by other users (mode {mode}): anyone on this machine can take the tokens.",
  "check.token-store.readableByOthers.remedy": "Make it private to its owner (mode 600).",
  "check.token-store.trackedByGit.cause":
    "{file} is tracked by git: the tokens in it travel with every clone and push.",
  "check.token-store.trackedByGit.remedy":
    "Untrack and ignore it. If it was ever pushed, treat the tokens as exposed: revoke them (`cafe24-doctor token revoke`) and authorize again.",
  "check.token-store.clientSecret.cause":
    "{file} holds the app's client secret (the old toolkit saved it there): whoever reads the file can act as the app.",
  "check.token-store.clientSecret.remedy":
    "Keep the secret only in CAFE24_CLIENT_SECRET. A refresh rewrites {file} without it; if the file was ever shared or committed, reissue the secret in Cafe24 Developers.",
  "check.token-store.legacyFormat.cause": "{file} is in an older format ({traits}).",
  "check.token-store.legacyFormat.remedy":
    "Nothing breaks: the next refresh rewrites it in the current format. To do it now, run `cafe24-doctor token refresh`.",

  "check.token-lifetimes.summary.valid":
    "access token valid for {accessMs:duration}, refresh token for {refreshMs:duration}",
  "check.token-lifetimes.summary.accessExpired":
    "access token expired {accessMs:duration} ago; refresh token valid for {refreshMs:duration}",
  "check.token-lifetimes.summary.validRefreshUnknown":
    "access token valid for {accessMs:duration}; refresh token expiry unknown",
  "check.token-lifetimes.summary.accessExpiredRefreshUnknown":
    "access token expired {accessMs:duration} ago; refresh token expiry unknown",
  "check.token-lifetimes.summary.refreshExpired": "refresh token expired {refreshMs:duration} ago",
  "check.token-lifetimes.summary.envToken": "expiry unknown: only CAFE24_ACCESS_TOKEN is set",
  "check.token-lifetimes.summary.noToken": "skipped: no token to check",
  "check.token-lifetimes.accessExpired.cause":
    "The access token expired {accessMs:duration} ago ({expiresAt}); nothing refreshed it in time.",
  "check.token-lifetimes.accessExpired.remedy":
    "Refresh it with `cafe24-doctor token refresh`, and keep `cafe24-doctor watch` running so it never lapses again.",
  "check.token-lifetimes.refreshExpired.cause":
    "The refresh token expired {refreshMs:duration} ago ({expiresAt}): the app went more than 14 days without a refresh, so no refresh is possible.",
  "check.token-lifetimes.refreshExpired.remedy":
    "Authorize again with `cafe24-doctor token login` (a mall admin must approve), then keep `cafe24-doctor watch` running.",
  "check.token-lifetimes.refreshExpiring.cause":
    "The refresh token expires in {refreshMs:duration} ({expiresAt}); after that only a new authorization helps.",
  "check.token-lifetimes.refreshExpiring.remedy":
    "Refresh now: `cafe24-doctor token refresh` brings a new refresh token valid for 14 days.",
  "check.token-lifetimes.refreshUnknown.cause":
    "The token file does not say when the refresh token expires (older Cafe24 answers left it out).",
  "check.token-lifetimes.refreshUnknown.remedy":
    "Run `cafe24-doctor token refresh`: the new answer records it.",
  "check.token-lifetimes.envToken.cause":
    "Only CAFE24_ACCESS_TOKEN is known: a bare access token carries no expiry and no refresh token.",
  "check.token-lifetimes.envToken.remedy":
    "Authorize with `cafe24-doctor token login` so a token file with both tokens and their expiries exists.",
  "check.token-lifetimes.legacyLocalTime.cause":
    "The token file was written by the old toolkit, which stamped times in the host's local time; this host is on {zone} (UTC{offset}), not Korean time, so those times and the expiries computed from them may be off by {hours} h.",
  "check.token-lifetimes.legacyLocalTime.remedy":
    "Run `cafe24-doctor token refresh`: the file is rewritten with Cafe24's own KST times. Until then, trust the authentication check over these numbers.",

  "check.clock.summary.ok": "in step with Cafe24 (within {seconds} s; host zone {zone})",
  "check.clock.summary.ahead": "host clock {seconds} s ahead of Cafe24",
  "check.clock.summary.behind": "host clock {seconds} s behind Cafe24",
  "check.clock.summary.nineAhead": "host clock 9 h ahead of Cafe24: the time-zone trap",
  "check.clock.summary.nineBehind": "host clock 9 h behind Cafe24: the time-zone trap",
  "check.clock.summary.noServerTime": "skipped: no answer from Cafe24 to compare with",
  "check.clock.nineAhead.cause":
    "This host's clock is about 9 hours ahead of Cafe24's: it was set to Korean wall time while the system takes it for UTC (zone {zone}). Valid tokens look expired hours early.",
  "check.clock.nineAhead.remedy":
    "Let the system keep time (`{command}`) and set the time zone instead of moving the clock (e.g. `timedatectl set-timezone Asia/Seoul`); then run the check again.",
  "check.clock.nineBehind.cause":
    "This host's clock is about 9 hours behind Cafe24's: UTC wall time was entered as if it were Korean time (zone {zone}). Expired tokens look valid for hours while every call fails.",
  "check.clock.nineBehind.remedy":
    "Let the system keep time (`{command}`) and set the time zone instead of moving the clock (e.g. `timedatectl set-timezone Asia/Seoul`); then run the check again.",
  "check.clock.skew.cause":
    "This host's clock differs from Cafe24's by {seconds} s, so every token expiry it computes is off by as much.",
  "check.clock.skew.remedy": "Turn on time synchronization: `{command}`.",

  "check.network.summary.ok": "{host} answered in {ms} ms (HTTP {status})",
  "check.network.summary.noTarget": "skipped: no valid mall id or base URL",
  "check.network.summary.unresolvable": "{host} does not resolve",
  "check.network.summary.dnsFailed": "DNS did not answer for {host}",
  "check.network.summary.refused": "{host} refused the connection",
  "check.network.summary.timeout": "{host} did not answer in time",
  "check.network.summary.tls": "TLS with {host} failed",
  "check.network.summary.unreachable": "{host} cannot be reached",
  "check.network.unresolvable.cause":
    "The mall's API host {host} does not resolve ({error}): the mall id or the base URL is wrong, or DNS is broken.",
  "check.network.unresolvable.remedy":
    "Check CAFE24_MALL_ID (the id in myshop.cafe24.com) and CAFE24_BASE_URL; then `nslookup {host}` should answer.",
  "check.network.dnsFailed.cause": "DNS did not answer for {host} ({error}).",
  "check.network.dnsFailed.remedy":
    "Check this machine's DNS server (`nslookup {host}`), then run the check again.",
  "check.network.refused.cause": "{host} refused the connection ({error}).",
  "check.network.refused.remedy":
    "Check the port in CAFE24_BASE_URL, and any proxy or firewall between this machine and {host}.",
  "check.network.timeout.cause": "{host} did not answer within {seconds} s.",
  "check.network.timeout.remedy":
    "Check the firewall, proxy and route to {host}: a connection that is silently dropped looks like this.",
  "check.network.tls.cause":
    "The TLS handshake with {host} failed ({error}): usually a proxy or antivirus intercepting HTTPS, or a wrong host.",
  "check.network.tls.remedy":
    "Connect without the intercepting proxy, or trust its certificate with NODE_EXTRA_CA_CERTS pointing to its CA file.",
  "check.network.unreachable.cause": "{host} cannot be reached ({error}).",
  "check.network.unreachable.remedy":
    "Check the network connection and the route to {host}, then run the check again.",
  "check.network.slow.cause": "{host} took {ms} ms to answer.",
  "check.network.slow.remedy": "Every API call will be as slow; check the network path if it persists.",

  "check.authentication.summary.ok": "Cafe24 accepted the token (GET {path} → {status})",
  "check.authentication.summary.accepted":
    "Cafe24 accepted the token (GET {path} → {status}: a request quibble, not a token problem)",
  "check.authentication.summary.expired": "Cafe24: the access token has expired (401)",
  "check.authentication.summary.rejected": "Cafe24 rejects the access token (401 Invalid access_token)",
  "check.authentication.summary.forbidden": "GET {path} forbidden (403)",
  "check.authentication.summary.rateLimited": "rate-limited by Cafe24 (429)",
  "check.authentication.summary.server": "Cafe24 answered {status}",
  "check.authentication.summary.network": "no answer from Cafe24",
  "check.authentication.summary.unexpected": "unexpected answer (GET {path} → {status})",
  "check.authentication.summary.noApi": "skipped: no valid mall id or base URL",
  "check.authentication.summary.noToken": "skipped: no access token",
  "check.authentication.summary.unreachable": "skipped: the API host is unreachable",
  "check.authentication.expired.cause":
    'Cafe24 answered 401 "access_token time expired": the access token has expired.',
  "check.authentication.expired.remedy":
    "Run `{command}` (a refresh while the refresh token lives, otherwise a new authorization).",
  "check.authentication.rejected.cause":
    'Cafe24 rejects the access token (401 "Invalid access_token") although the token file says it is still valid: it was revoked, or another process refreshed and so replaced it.',
  "check.authentication.rejected.remedy":
    "Run `{command}`. If a refresh fails with invalid_grant, the refresh token was rotated away as well: run `cafe24-doctor token login`. Then find the other process or copy that refreshes this mall's token (an old auto-refresher, a second instance, a deployment with its own file) and make it share one token store.",
  "check.authentication.rejectedStale.cause":
    'Cafe24 no longer knows the access token (401 "Invalid access_token"): it had expired, and may also have been revoked or replaced.',
  "check.authentication.rejectedStale.remedy":
    "Run `{command}`. If a refresh fails with invalid_grant, run `cafe24-doctor token login`.",
  "check.authentication.rejectedEnv.cause":
    'Cafe24 rejects the token from CAFE24_ACCESS_TOKEN (401 "Invalid access_token"): the copy went stale when the token was refreshed elsewhere.',
  "check.authentication.rejectedEnv.remedy":
    "Remove CAFE24_ACCESS_TOKEN and authorize once with `{command}`; every process then reads the token file.",
  "check.authentication.forbidden.cause":
    "Cafe24 refused {path} (403): the token lacks {scope}, or the app was uninstalled from the mall.",
  "check.authentication.forbidden.remedy":
    "Enable {scope} on the app in Cafe24 Developers and have the merchant authorize again (`cafe24-doctor token login`); if the app was removed, reinstall it first.",
  "check.authentication.rateLimited.cause":
    "Cafe24 answered 429: the mall's call bucket is full because other processes are calling fast.",
  "check.authentication.rateLimited.remedy":
    "Run the check again in a few seconds, and pace the job that fills the bucket (Cafe24Client paces for you).",
  "check.authentication.server.cause":
    "Cafe24 answered {status}: trouble on Cafe24's side, not a token problem.",
  "check.authentication.server.remedy":
    "Retry later (`cafe24-doctor check`); if it persists, look for a notice from Cafe24 Developers.",
  "check.authentication.network.cause": "The authentication call got no answer (network failure or timeout).",
  "check.authentication.network.remedy":
    "See the network check, and run the check again once the host answers.",
  "check.authentication.unexpected.cause": "The authentication call ended unexpectedly ({error}).",
  "check.authentication.unexpected.remedy": "Run `cafe24-doctor check --debug` for details.",
} as const;
