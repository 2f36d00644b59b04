/** English messages of the doctor's checks 7–12; keys are prefixed by check id. */
export const checksBEn = {
  "check.scope-coverage.skipped.noApi":
    "Skipped: the mall id is unknown, so the token's scopes cannot be read or probed.",
  "check.scope-coverage.skipped.unreachable":
    "Skipped: the mall's API host is unreachable, and the token lists no scopes to compare.",
  "check.scope-coverage.skipped.notAuthenticated":
    "Skipped: authentication failed ({failure}), and the token lists no scopes to compare.",
  "check.scope-coverage.summary.ok":
    "All {count} required scopes are granted; {confirmed} confirmed by a live call.",
  "check.scope-coverage.summary.unusable": "Scopes the app needs but cannot use: {scopes}.",
  "check.scope-coverage.SCOPE_MISSING.cause":
    "The token was not granted {scopes}, which the app needs. Calls that need them answer 403 “No authority to access”, which looks like a broken API.",
  "check.scope-coverage.SCOPE_MISSING.remedy":
    "Enable {scopes} on the app in Cafe24 Developers (app → 권한 / Permissions), then authorize again: added scopes take effect only after the merchant consents anew.",
  "check.scope-coverage.SCOPE_MISSING.remedy.request":
    "Enable {scopes} on the app in Cafe24 Developers (app → 권한 / Permissions), add {unrequested} to CAFE24_SCOPES, then authorize again: added scopes take effect only after the merchant consents anew.",
  "check.scope-coverage.SCOPE_REVOKED.cause":
    "The token lists {scopes}, but Cafe24 refused them (403 on {paths}): the app's permissions were reduced in Cafe24 Developers, or the app was uninstalled from the mall.",
  "check.scope-coverage.SCOPE_REVOKED.remedy":
    "Check that {scopes} is still enabled on the app (app → 권한 / Permissions) and that the app is installed on the mall, then authorize again.",

  "check.data-apis.skipped.noApi": "Skipped: the mall id is unknown, so there is no API to read from.",
  "check.data-apis.skipped.unreachable": "Skipped: the mall's API host is unreachable.",
  "check.data-apis.skipped.notAuthenticated":
    "Skipped: authentication failed ({failure}); reading data with that token would only repeat the failure.",
  "check.data-apis.skipped.noScopes": "Skipped: the token holds none of the scopes the data reads need.",
  "check.data-apis.summary.ok":
    "Data answers: shop “{shop}”, {products} products, {orders} orders today ({date} KST), {categories} categories.",
  "check.data-apis.summary.quick": "Data answers: {products} products (the full check reads more).",
  "check.data-apis.summary.zero":
    "Data answers, with zero items (an empty result, not an error) in {items}: shop “{shop}”, {products} products, {orders} orders today ({date} KST), {categories} categories.",
  "check.data-apis.summary.failed": "Data reads failed: {items}.",
  "check.data-apis.summary.incomplete": "Some data reads were not answered: {items}.",
  "check.data-apis.CAFE24_SERVER_ERROR.cause":
    "Cafe24 answered {statuses} to {paths}: a fault on Cafe24's side, not in your app or token.",
  "check.data-apis.CAFE24_SERVER_ERROR.remedy":
    "Wait a few minutes and check again; if it persists, look for a Cafe24 developer notice or contact the Developer Center.",
  "check.data-apis.DATA_FORBIDDEN.cause":
    "{paths} answered 403: the token lacks {scopes}, although it lists it (see scope coverage).",
  "check.data-apis.DATA_FORBIDDEN.remedy":
    "Enable {scopes} on the app (app → 권한 / Permissions) or reinstall the app on the mall, then authorize again.",
  "check.data-apis.DATA_BAD_REQUEST.cause":
    "Cafe24 rejected a request parameter of {path} (422: {message}). That is a bad request, not “no data”.",
  "check.data-apis.DATA_BAD_REQUEST.remedy":
    "Fix the parameter Cafe24 names (e.g. an order window over 3 months, a limit or offset above its maximum, a missing required filter).",
  "check.data-apis.DATA_READ_FAILED.cause": "{paths} failed: {status} {message}",
  "check.data-apis.DATA_READ_FAILED.remedy":
    "Fix what the authentication, API version and network checks report, then check again.",

  "check.rate-limit.skipped.noAnswers": "Skipped: no Admin API answer to read rate-limit headers from.",
  "check.rate-limit.summary.ok": "Call bucket at {callLimit} ({percent}%), usage {usage}; no 429.",
  "check.rate-limit.RATE_LIMITED.cause":
    "Cafe24 answered 429 {count} time(s): the mall's call bucket (40 calls, draining 2 per second) was full.",
  "check.rate-limit.RATE_LIMITED.remedy":
    "Find the process calling this mall without pacing (a sync job, a second instance, an old script) and pace it by X-Api-Call-Limit; then check again.",
  "check.rate-limit.USAGE_EXHAUSTED.cause":
    "Cafe24's usage quota is spent ({usage}%): every call to the mall is blocked for {seconds} s.",
  "check.rate-limit.USAGE_EXHAUSTED.remedy":
    "Stop calling the mall for {seconds} s (calls made while blocked extend the block), then reduce the call volume.",
  "check.rate-limit.BUCKET_NEARLY_FULL.cause":
    "The mall's call bucket is at {used}/{capacity} ({percent}%) while the doctor made only {calls} calls: another process is hammering the mall.",
  "check.rate-limit.BUCKET_NEARLY_FULL.remedy":
    "Pace the mall's callers by X-Api-Call-Limit (at most 2 calls per second sustained) before they hit 429.",
  "check.rate-limit.USAGE_HIGH.cause":
    "Cafe24's usage quota is at {usage}%: at 100% every call is blocked for a while.",
  "check.rate-limit.USAGE_HIGH.remedy":
    "Reduce the call volume (batch, cache, fewer polls) before the quota runs out.",

  "check.api-version.skipped.noApi":
    "Skipped: the mall id is unknown, so the app's API version cannot be read.",
  "check.api-version.skipped.unreachable": "Skipped: the mall's API host is unreachable.",
  "check.api-version.skipped.notAuthenticated":
    "Skipped: authentication failed ({failure}), so the app's API version cannot be read.",
  "check.api-version.skipped.noScope":
    "Skipped: reading the app's API version (GET /apps) needs {scope}, which the token does not have.",
  "check.api-version.skipped.unreadable": "Skipped: GET /apps did not answer usably ({status}).",
  "check.api-version.summary.noExpiry": "API version {version}: no expiry set (the newest version).",
  "check.api-version.summary.ok": "API version {version}, live until {date} ({days} days).",
  "check.api-version.expiring.cause": "API version {version} expires on {date}, in {days} days.",
  "check.api-version.API_VERSION_EXPIRED.cause.date":
    "API version {version} expired on {date}: Cafe24 now refuses it or silently runs calls as an older live version.",
  "check.api-version.API_VERSION_EXPIRED.cause.refused":
    "Cafe24 refuses API version {version}: it has expired, and every call made with it fails.",
  "check.api-version.API_VERSION_INVALID.cause":
    "Cafe24 does not know API version {version}; every call made with it fails.",
  "check.api-version.remedy.app":
    "Move the app off {version}: choose a live version in Cafe24 Developers (app → 개발정보 → 인증정보 → 버전관리), or pin one in X-Cafe24-Api-Version / CAFE24_API_VERSION, after testing your calls with it.",
  "check.api-version.remedy.pinned":
    "CAFE24_API_VERSION (sent as X-Cafe24-Api-Version) pins {version}: set it to a live version, or remove it to use the app's version, after testing your calls with it.",

  "check.app-modules.skipped.none":
    "Skipped: no app modules are configured (modules in cafe24-doctor.config.json).",
  "check.app-modules.summary.ok": "All {count} app modules are in place.",
  "check.app-modules.summary.missing": "{count} app module(s) missing: {paths}.",
  "check.app-modules.summary.broken": "App modules that do not load: {paths}.",
  "check.app-modules.MODULE_MISSING.cause": "The app module {path} does not exist.",
  "check.app-modules.MODULE_MISSING.remedy":
    "Restore {path} (from version control or a backup) or redeploy the app.",
  "check.app-modules.MODULE_IMPORT_FAILED.cause": "Importing {path} throws {name}: {message}",
  "check.app-modules.MODULE_IMPORT_FAILED.remedy":
    "Run the module directly to see the full error, then fix it (a missing dependency: npm install; a missing setting: its environment variable).",
  "check.app-modules.MODULE_IMPORT_TIMEOUT.cause":
    "Importing {path} did not finish in time: its top-level code waits on something that never comes (a database, a network call).",
  "check.app-modules.MODULE_IMPORT_TIMEOUT.remedy":
    "Run the module directly and see what it waits for; move slow start-up work out of the module's top level.",

  "check.services.skipped.none": "Skipped: no services or local servers are configured.",
  "check.services.summary.ok": "All {count} services answer as expected.",
  "check.services.summary.problems": "{failed} of {count} services have problems: {names}.",
  "check.services.SERVICE_TOKEN_INVALID.cause":
    "{service} answers {actualType} {actual} for {path} (expected {expected}): the deployment's token is dead although it answers 200.",
  "check.services.SERVICE_TOKEN_INVALID.remedy":
    "The service holds its own token, and it no longer works (expired, rotated by another process, or revoked). Authorize again, give the service the new token through the shared token store rather than a copied variable, and restart it.",
  "check.services.SERVICE_ASSERTION_FAILED.cause":
    "{service} answers {actualType} {actual} for {path}, expected {expected}.",
  "check.services.SERVICE_ASSERTION_FAILED.remedy":
    "Check the service's logs for why it reports {path} that way.",
  "check.services.SERVICE_BAD_STATUS.cause": "{service} answered {actual}, expected {expected} ({url}).",
  "check.services.SERVICE_BAD_STATUS.remedy":
    "Check the service's logs and the URL; restart or redeploy it if it is broken.",
  "check.services.SERVICE_NOT_JSON.cause":
    "{service}'s body is not JSON ({contentType}), so its health cannot be read from it.",
  "check.services.SERVICE_NOT_JSON.remedy":
    "Point the probe at the service's JSON health endpoint ({url}), or fix the endpoint (an error page instead of JSON means it is failing).",
  "check.services.LOCAL_SERVER_DOWN.cause":
    "Nothing listens at {url} (connection refused): is {service} running?",
  "check.services.LOCAL_SERVER_DOWN.remedy": "Start the server, then check again.",
  "check.services.SERVICE_UNREACHABLE.cause": "{service} at {url} cannot be reached ({code}).",
  "check.services.SERVICE_UNREACHABLE.remedy":
    "Check the URL and DNS, and whether the deployment is up in its hosting dashboard.",
  "check.services.SERVICE_TIMEOUT.cause": "{service} did not answer within {timeout} ms ({url}).",
  "check.services.SERVICE_TIMEOUT.remedy":
    "It accepts connections but does not answer: check its logs, and restart it if it hangs.",
  "check.services.SERVICE_CERT_EXPIRED.cause":
    "{service}'s TLS certificate expired on {date}; clients refuse to connect.",
  "check.services.SERVICE_CERT_EXPIRING.cause":
    "{service}'s TLS certificate expires on {date}, in {days} days.",
  "check.services.certificate.remedy":
    "Renew {service}'s certificate (and check that automatic renewal works).",
} as const;
