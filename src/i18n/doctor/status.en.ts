/** English messages of the watch manager's status page. Durations and relative times reuse the `time.*` keys. */
export const statusEn = {
  "status.title": "cafe24-doctor watch",
  "status.unauthorized":
    "This status page needs the bearer token: send `Authorization: Bearer <CAFE24_DOCTOR_STATUS_TOKEN>`.",
  "status.refused.noToken":
    "Refusing to serve the status page on {host} without a bearer token: it would show every mall's token state to anyone who can reach this machine. Bind 127.0.0.1, or set a bearer token (and put TLS in front).",
  "status.refused.emptyToken": "bearerToken must not be empty.",
  "status.refused.webhookSecretEmpty": "webhooks.secret and webhooks.clientId must not be empty.",
  "status.refused.endpointSecretShort":
    "tokenEndpoint.bearerToken must have at least {min} characters: it opens live access tokens. Make one with `openssl rand -hex 32`.",
  "status.refused.endpointSecretSame":
    "tokenEndpoint.bearerToken must differ from the status page's bearerToken: whoever may read the page must not get tokens with it.",
  "status.refused.endpointNoIssuer":
    "The token endpoint needs a source that issues tokens (a WatchManager) or tokenEndpoint.issuer.",
  "status.endpoint.unauthorized":
    "The token endpoint needs its own secret: send `Authorization: Bearer <CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET>` (the status page's token does not open it).",
  "status.endpoint.unknownMall": "watch does not keep this mall.",
  "status.endpoint.reauthRequired":
    "Cafe24 refused mall {mall}'s refresh token: a person must authorize the app again with `{command}`.",
  "status.endpoint.noToken": "No token is stored for mall {mall}: authorize the app with `{command}`.",
  "status.endpoint.refreshFailed":
    "Refreshing mall {mall}'s token failed for now ({code}); ask again in {seconds} s.",
  "status.endpoint.rateLimited": "Too many requests from this address; ask again in {seconds} s.",
  "status.endpoint.badRequest":
    'Send `Content-Type: application/json` and `{"access_token": "<the token Cafe24 refused>"}`.',
  "status.summary":
    "{malls} malls · {needPerson} need a person · instance {instanceId} · running since {startedAt}",
  "status.updated": "Updated {at}",
  "status.stale": "Cannot reach the watch manager: the values below may be out of date.",
  "status.noScript": "Values as of {at}. Reload the page for fresh values.",
  "status.noMalls": "No malls are being watched.",
  "status.unknown": "unknown",
  "status.kst": "{at} KST",
  "status.expired": "expired {duration} ago",

  "status.state.ok": "Healthy",
  "status.state.refreshing": "Refreshing",
  "status.state.backoff": "Retrying after a failure",
  "status.state.reauth-required": "Re-authorization required",
  "status.state.no-token": "No token stored",
  "status.state.app-deleted": "App deleted by the merchant",
  "status.state.app-expired": "App expired",

  "status.banner.reauth-required":
    "This mall needs a person: its refresh token is expired, rotated away or revoked. Authorize the app again:",
  "status.banner.no-token": "No token is stored for this mall yet. Authorize the app:",
  "status.banner.app-deleted":
    "The merchant deleted the app from this mall: watch stopped refreshing it. Once the merchant installs the app again, authorize it:",
  "status.banner.app-expired":
    "The app's term on this mall has expired: watch stopped refreshing it. Once the app is renewed in the Cafe24 Store, authorize it again:",
  "status.banner.noCommand": "Authorize the app again for this mall in the Cafe24 admin.",

  "status.accessToken": "Access token",
  "status.refreshToken": "Refresh token",
  "status.lastRefresh": "Last refresh",
  "status.nextRefresh": "Next refresh",
  "status.failures": "{n} consecutive failures; last: {code} {message}",

  "status.events": "Recent events",
  "status.events.none": "No events yet.",
  "status.event.refreshed": "refreshed",
  "status.event.refresh-failed": "refresh failed",
  "status.event.reauth-required": "re-authorization required",
  "status.event.keep-alive": "keep-alive refresh",
  "status.event.diagnosis": "diagnosis",
  "status.event.started": "started",
  "status.event.alert-sent": "alert sent",
  "status.event.app-removed": "app removed from the mall",

  "status.diagnosis": "Last diagnosis",
  "status.diagnosis.none": "No diagnosis yet.",

  "status.replica": "Replica",
  "status.replica.working": "{replica} (working on it now)",
  "status.replica.last": "{replica} (last)",
  "status.replica.none": "none yet",

  "status.cluster.title": "Replicas",
  "status.cluster.summary":
    "{malls} malls across {replicas} replicas · {inFlight} being worked on ({owned} by this one) · {dueSoon} due within 5 minutes · {needsPerson} need a person",
  "status.cluster.replica": "Replica",
  "status.cluster.host": "Host",
  "status.cluster.pid": "PID",
  "status.cluster.started": "Started",
  "status.cluster.lastSeen": "Last seen",
  "status.cluster.held": "Malls held",
  "status.cluster.self": "this page",
} as const;
