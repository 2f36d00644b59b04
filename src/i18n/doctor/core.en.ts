/** English messages of the doctor's runner, root-cause analysis and commands. */
export const coreEn = {
  "doctor.check.crashed": "This check failed unexpectedly ({error}).",
  "doctor.check.crashed.remedy":
    "Run again with --debug and report the output; the other checks are unaffected.",
  "doctor.check.deadline": "Did not finish before the diagnosis deadline.",
  "doctor.check.deadline.remedy":
    "Something did not answer in time (often a service that hangs). Raise --deadline to wait longer.",

  "rootcause.notConfigured.title": "cafe24-doctor does not know which mall and app to check",
  "rootcause.notConfigured.explanation":
    "The mall id or the app's client id/secret is missing, so nothing can be asked of Cafe24. Create the configuration and put the secret in .env.",
  "rootcause.redisUnavailable.title": "The Redis token store cannot be reached",
  "rootcause.redisUnavailable.explanation":
    "The tokens live in Redis ({url}), which does not answer: no token can be read or saved, so every API call and refresh fails until it does. Nothing is wrong with the tokens themselves.",
  "rootcause.hostUnreachable.title": "The mall's API host cannot be reached",
  "rootcause.hostUnreachable.explanation":
    "Every Cafe24 call fails before Cafe24 sees it: the host name does not resolve or the connection is refused. Tokens are not the problem.",
  "rootcause.appDeleted.title": "The merchant removed the app from the mall",
  "rootcause.appDeleted.explanation":
    "Cafe24 refuses every call for mall {mall} because the app was deleted there: it is not a scope problem and not an expired token, so neither a refresh nor enabling scopes helps, and the stored tokens are dead. Ask the merchant to reinstall the app, then run `{command}`.",
  "rootcause.appExpired.title": "The app's term on the mall has expired",
  "rootcause.appExpired.explanation":
    "Cafe24 refuses every call for mall {mall} because the app's Cafe24 Store term ran out: it is not a scope problem and not an expired token. Ask the merchant to renew the app in the Cafe24 Store, then run `{command}`.",
  "rootcause.clientSecret.title": "Cafe24 rejects the app's client secret",
  "rootcause.clientSecret.explanation":
    "The secret in .env (CAFE24_CLIENT_SECRET) is not the app's current one: mistyped, or reissued in Developer Center and not redeployed. The access token may still work for now, but the next refresh and every login will fail. Copy the current secret from Developer Center (Apps > Auth Info) into .env and redeploy.",
  "rootcause.clientId.title": "Cafe24 does not know the app's client id",
  "rootcause.clientId.explanation":
    "CAFE24_CLIENT_ID is mistyped or belongs to another app, so no refresh or login can succeed. Copy the client id and the current client secret from Developer Center (Apps > Auth Info) into .env and redeploy.",
  "rootcause.suspect.secretReissued":
    "the secret reissued in Developer Center, and this deployment not updated",
  "rootcause.suspect.secretTypo": "a typo or stray space in CAFE24_CLIENT_SECRET",
  "rootcause.clock.title": "This machine's clock or time zone is wrong",
  "rootcause.clock.explanation":
    "The local time differs from Cafe24's by about {hours} h. Expiry times are then misjudged: valid tokens look expired and expired ones look valid. Fix the clock before anything else.",
  "rootcause.refreshExpired.title":
    "The refresh token has expired: the merchant must authorize the app again",
  "rootcause.refreshExpired.explanation":
    "Refresh tokens live 14 days and every refresh replaces them. Nothing refreshed for two weeks, so no token can be renewed without a person.",
  "rootcause.noToken.title": "There is no usable token",
  "rootcause.noToken.explanation":
    "The token file is missing or unreadable, so every call would be refused. Authorize the app to create it.",
  "rootcause.rotatedElsewhere.title": "The access token was revoked, or another process refreshed it",
  "rootcause.rotatedElsewhere.explanation":
    "Locally the token has time left, yet Cafe24 rejects it. Every refresh replaces both tokens; a process with its own copy that refreshed (or an admin who revoked the app) made this copy dead.",
  "rootcause.accessExpired.title": "The access token expired and nobody refreshed it",
  "rootcause.accessExpired.explanation":
    "Access tokens live 2 hours. The refresh token is still valid, so one refresh fixes it; run the manager so it does not happen again.",
  "rootcause.scope.title": "The app lacks a permission (scope) it needs",
  "rootcause.scope.explanation":
    "Missing: {scopes}. Enable it on the app in Developer Center, then authorize again: a token only carries the scopes granted when it was issued.",
  "rootcause.version.title": "The pinned API version has expired",
  "rootcause.version.explanation":
    "Calls run as a version that Cafe24 no longer serves. Move X-Cafe24-Api-Version (CAFE24_API_VERSION) to a live version and test.",
  "rootcause.versionUnknown.title": "Cafe24 does not serve the configured API version",
  "rootcause.versionUnknown.explanation":
    "Every call is refused with 400 because X-Cafe24-Api-Version (CAFE24_API_VERSION) names a version Cafe24 does not know. Set it to a live version, or remove it to use the app's version, and test.",
  "rootcause.deployment.title": "The deployed service answers 200, but its token is dead",
  "rootcause.deployment.explanation":
    "Its health endpoint reports an invalid token: the deployment uses its own copy of the token, which a refresh elsewhere has replaced.",
  "rootcause.rateLimited.title": "The mall's rate limit is exhausted",
  "rootcause.rateLimited.explanation":
    "The call bucket or usage quota is full, so Cafe24 answers 429. Some process calls without pacing.",
  "rootcause.server.title": "Cafe24 itself is failing",
  "rootcause.server.explanation":
    "Cafe24 answered 5xx. This is not a token or configuration problem; retry later.",
  "rootcause.suspect.mallIdTypo": "a typo in CAFE24_MALL_ID",
  "rootcause.suspect.baseUrl": "a wrong CAFE24_BASE_URL",
  "rootcause.suspect.redisDown": "Redis is stopped, restarting, or out of memory",
  "rootcause.suspect.redisUrl": "CAFE24_REDIS_URL names the wrong host, port, database or password",
  "rootcause.suspect.redisTls":
    "the server needs TLS (rediss://) or a client certificate, or a firewall blocks the port",
  "rootcause.suspect.firewall": "a firewall or proxy on this network",
  "rootcause.suspect.hwclockLocal": "the hardware clock set to Korean time while the system assumes UTC",
  "rootcause.suspect.noNtp": "time synchronisation (NTP) turned off",
  "rootcause.suspect.idleTwoWeeks": "the app or its refresher stopped for two weeks",
  "rootcause.suspect.secondInstance":
    "a second instance of your app refreshing with its own copy of the token",
  "rootcause.suspect.oldAutoRefresher":
    "the old toolkit's auto_token_manager.py still running somewhere (a cron job, a screen session, another server): it refreshes with its own copy of the token, so every refresh it makes kills yours. Find it (`ps aux | grep auto_token_manager`, `crontab -l`), stop it, and let `cafe24-doctor watch` refresh instead",
  "rootcause.suspect.envCopy":
    "a copy of the token in an environment variable (CAFE24_ACCESS_TOKEN) or a secret store",
  "rootcause.suspect.redeployOldFile": "a redeploy that restored an old oauth_token.json",
  "rootcause.suspect.revokedInAdmin": "the app revoked or reinstalled in the mall's admin",
  "rootcause.suspect.noRefresher": "no process refreshes tokens ahead of expiry",
  "rootcause.suspect.utcParsing": "expiry read as UTC instead of Korean time (refreshing 9 hours late)",
  "rootcause.suspect.scopeAddedLater": "a scope added to the app after the merchant authorized it",
  "rootcause.suspect.deploymentOwnCopy":
    "the deployment keeps its own token file or variable instead of a shared store",
  "rootcause.suspect.unpacedJob": "a bulk job or a second app calling without pacing",

  "watch.description":
    "Keep every mall's tokens alive in the background: refresh ahead of expiry, keep idle malls alive, alert when a person is needed, serve a status page",
  "watch.option.mall":
    "mall to keep (repeatable; default: the configured mall, or every mall in a {mall_id} token store)",
  "watch.option.once": "one pass over all malls, then exit (for cron): exit 0 when all are fine, 2 otherwise",
  "watch.option.noStatus": "do not serve the status page",
  "watch.option.statusHost":
    "status server address (127.0.0.1; anything else needs CAFE24_DOCTOR_STATUS_TOKEN)",
  "watch.option.statusPort": "status server port (0 = any free port)",
  "watch.option.statusAllowHost":
    "also answer status requests under this Host name, e.g. a reverse proxy's (repeatable); any other name gets 421",
  "watch.option.checkEvery":
    "also run the full check of each mall every N minutes (shown on the status page)",
  "watch.option.webhook": "JSON webhook for alerts (repeatable; or CAFE24_DOCTOR_WEBHOOK_URL)",
  "watch.option.slackWebhook":
    "Slack incoming webhook for alerts (repeatable; or CAFE24_DOCTOR_SLACK_WEBHOOK_URL)",
  "watch.option.alertDays": "alert when a refresh token has fewer than this many days left (default 3)",
  "watch.started": "Watching {malls}. Status page: {status}. Stop with Ctrl-C.",
  "watch.refreshed": "{mall}: refreshed ({reason}) at {at}",
  "watch.state": "{mall}: {from} → {to}",
  "watch.once":
    "Refreshed {refreshed}, failed {failed}; re-authorization needed: {reauth}; no token: {noToken}",
  "watch.option.verifyEvery":
    "prove each mall's token with one cheap API call when nothing has for N minutes, so a revoked mall is noticed within that time (default 30; 0 = off)",
  "watch.option.json": "with --once: print the result as one JSON object on stdout (the lines go to stderr)",
  "watch.option.tokenEndpoint":
    "serve live access tokens to your apps at /v1/malls/<mall_id>/access-token on the status server (needs CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET)",
  "watch.option.tokenMinLife":
    "with --token-endpoint: hand out tokens with at least this many minutes left, refreshing first (default 5)",
  "watch.endpoint.noSecret":
    "--token-endpoint needs its secret in CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET (at least {min} characters; make one with `openssl rand -hex 32`). It is required on 127.0.0.1 too.",
  "watch.endpoint.shortSecret":
    "CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET has {length} characters; it needs at least {min}: make one with `openssl rand -hex 32`.",
  "watch.endpoint.sameSecret":
    "CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET must differ from CAFE24_DOCTOR_STATUS_TOKEN: whoever may read the status page must not get access tokens with it. Make another with `openssl rand -hex 32`.",
  "watch.endpoint.needsServer":
    "--token-endpoint is served by the status server: it cannot be combined with --no-status or --once.",
  "watch.endpoint.minLifeAlone": "--token-min-life only applies with --token-endpoint.",
  "watch.endpoint.started":
    "Token endpoint: {url}/v1/malls/<mall_id>/access-token (Authorization: Bearer $CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET), tokens with at least {minutes} min left.",
  "watch.endpoint.issued":
    "{at} token {outcome} · mall {mall} · caller {caller} · {remaining} left · fingerprint {fingerprint}",
  "watch.endpoint.refused": "{at} token refused ({reason}) · mall {mall} · caller {caller}",
  "watch.once.mall":
    "{mall}: {state} · access token until {access} · refresh token until {refresh} · {action}",
  "watch.once.unknown": "unknown",
  "watch.once.state.ok": "OK",
  "watch.once.state.backoff": "FAILING",
  "watch.once.state.reauth-required": "NEEDS RE-AUTHORIZATION",
  "watch.once.state.no-token": "NO TOKEN",
  "watch.once.state.app-deleted": "APP DELETED",
  "watch.once.state.app-expired": "APP EXPIRED",
  "watch.once.action.refreshed": "refreshed at {at}",
  "watch.once.action.verified": "verified with one API call at {at}",
  "watch.once.action.unverified": "could not be verified ({code}); tried again next run",
  "watch.once.action.failed": "refresh failed ({code}); tried again next run",
  "watch.once.action.reauth-required": "Cafe24 refused the token ({code}): run {command}",
  "watch.once.action.no-token": "no token stored: run {command}",
  "watch.once.action.none": "nothing done",
  "watch.once.action.app-deleted":
    "the merchant deleted the app: no longer refreshed; once it is installed again, run {command}",
  "watch.once.action.app-expired":
    "the app's term expired: no longer refreshed; once it is renewed in the Cafe24 Store, run {command}",
  "watch.once.appRemoved": "App removed from the mall (the merchant must install or renew it): {malls}",
  "watch.option.receiveWebhooks":
    "accept Cafe24's app-deleted/app-expired webhooks at POST /v1/webhooks/cafe24 on the status server (needs CAFE24_WEBHOOK_SECRET)",
  "watch.webhooks.noSecret":
    "--receive-webhooks needs the shared secret the webhooks are signed with in CAFE24_WEBHOOK_SECRET (in .env); without it no webhook could be trusted.",
  "watch.webhooks.needsStatus":
    "--receive-webhooks serves on the status server: drop --no-status (and --once, which serves nothing).",
  "watch.webhooks.listening": "Receiving Cafe24 webhooks at {url}",
  "watch.webhooks.received": "{at} webhook {trace}: event {event}, mall {mall} → {outcome}",
  "watch.statusFailed.EADDRINUSE": "{address} is already in use by another process.",
  "watch.statusFailed.EACCES": "No permission to listen on {address} (ports below 1024 need privileges).",
  "watch.statusFailed.EADDRNOTAVAIL": "{address} is not an address of this machine.",
  "watch.statusFailed.needsToken":
    "{address} is reachable from other machines: serving there needs a bearer token in CAFE24_DOCTOR_STATUS_TOKEN.",
  "watch.stopping": "Stopping: letting in-flight refreshes finish writing…",
  "diagnose.description":
    "Quick diagnosis: token, one API call, deployed services and app modules, with problems ranked by urgency",
  "check.description": "Full 12-step check with a JSON report, a log and optionally an HTML report",
  "init.description": "Write a starter cafe24-doctor.config.json (interactive; --yes to accept defaults)",
  "doctor.option.json": "print the JSON report to stdout instead of text",
  "doctor.option.html": "also write a self-contained HTML report",
  "doctor.option.reportDir": "directory for the report files (default: from the config, else .)",
  "doctor.option.deadline": "give up on anything still running after this many seconds",
  "doctor.option.fix":
    "refresh the token through the lock-safe manager when that fixes the problem, then check again",
  "doctor.option.config": "configuration file (default: ./cafe24-doctor.config.json)",
  "doctor.option.noProgress": "no live progress view",
  "doctor.option.yes": "accept the defaults without asking",
  "doctor.option.force": "overwrite an existing configuration file",
  "doctor.fix.refreshing": "--fix: refreshing the token through the lock-safe manager…",
  "doctor.fix.done": "--fix: refreshed. Checking again.",
  "doctor.fix.notApplicable": "--fix: nothing a refresh can fix; see the command above.",
  "doctor.fix.failed": "--fix: the refresh failed: {message}",
} as const;
