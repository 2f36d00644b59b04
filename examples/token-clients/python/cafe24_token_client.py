#!/usr/bin/env python3
"""Read Cafe24 access tokens from `cafe24-doctor watch` instead of refreshing them yourself.

Copy this file into your app (Python 3.8+, no dependency: it uses `requests` when installed, else the
standard library). `cafe24-doctor watch --token-endpoint` keeps each mall's tokens alive and is the only
process that refreshes them; Cafe24 rotates the refresh token on every refresh, so a second refresher
(a cron job, a worker, another web process) sooner or later refreshes with a dead one and the mall needs a
new login. This client only reads:

- it caches the access token until shortly before its `expires_at`, so most calls cost nothing extra;
- when Cafe24 answers 401 (the token was replaced or revoked meanwhile), it reports the refused token to
  watch's `.../access-token/rejected` once and retries the call once with the token it gets back;
- it never sees a refresh token or the client secret, never refreshes, and never logs or prints a token.

Usage:

    from cafe24_token_client import Cafe24TokenClient

    tokens = Cafe24TokenClient("myshop")  # endpoint + secret from CAFE24_DOCTOR_TOKEN_ENDPOINT(_SECRET)
    answer = tokens.request("GET", "https://myshop.cafe24api.com/api/v2/admin/store")
    print(answer.status, answer.json()["store"]["shop_name"])

Or run it to try the endpoint: one GET /api/v2/admin/store, printed without the token.

    CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET=... python3 cafe24_token_client.py myshop

Environment: CAFE24_DOCTOR_TOKEN_ENDPOINT (watch's status server, default http://127.0.0.1:8725),
CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET (required), CAFE24_MALL_ID (when no argument is given),
CAFE24_BASE_URL (default https://{mall_id}.cafe24api.com), CAFE24_API_VERSION (optional),
CAFE24_TOKEN_CLIENT_NO_REQUESTS=1 (use the standard library even when `requests` is installed).
"""

import json
import os
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from urllib.error import HTTPError, URLError
from urllib.parse import quote
from urllib.request import Request, urlopen

try:
    if os.environ.get("CAFE24_TOKEN_CLIENT_NO_REQUESTS") == "1":
        raise ImportError("the standard library was asked for")
    import requests
except ImportError:
    requests = None

DEFAULT_ENDPOINT = "http://127.0.0.1:8725"
DEFAULT_BASE_URL = "https://{mall_id}.cafe24api.com"
# Cafe24 writes times without an offset in Seoul time; watch adds the offset, this covers anything else.
KST = timezone(timedelta(hours=9))


class Cafe24TokenClientError(Exception):
    """Anything that kept a call from being made: watch unreachable or refusing, Cafe24 unreachable."""


class TokenEndpointError(Cafe24TokenClientError):
    """watch's token endpoint answered with an error.

    `error` is its code (unauthorized, unknown_mall, reauth_required, refresh_failed, rate_limited, ...),
    `retry_after` the seconds it asks to wait (429, 503), `command` what a person runs to fix it.
    """

    def __init__(self, message, status=None, error=None, retry_after=None, command=None):
        super().__init__(message)
        self.status = status
        self.error = error
        self.retry_after = retry_after
        self.command = command


class HttpResponse:
    """An HTTP answer, the same whichever library made the call."""

    def __init__(self, status, headers, body):
        self.status = status
        self.headers = {k.lower(): v for k, v in headers.items()}
        self.body = body

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body.decode("utf-8"))


def requests_transport(method, url, headers, body, timeout):
    try:
        answer = requests.request(method, url, headers=headers, data=body, timeout=timeout)
    except requests.RequestException as error:
        raise Cafe24TokenClientError(f"{method} {url} failed: {_describe(error)}") from None
    return HttpResponse(answer.status_code, dict(answer.headers), answer.content)


def urllib_transport(method, url, headers, body, timeout):
    try:
        with urlopen(Request(url, data=body, headers=headers, method=method), timeout=timeout) as answer:
            return HttpResponse(answer.status, dict(answer.headers), answer.read())
    except HTTPError as error:  # urllib raises for 4xx and 5xx; those are answers here
        with error:
            return HttpResponse(error.code, dict(error.headers), error.read())
    except (URLError, OSError) as error:
        raise Cafe24TokenClientError(f"{method} {url} failed: {_describe(error)}") from None


def _describe(error):
    return f"{type(error).__name__}: {error}"[:200]


def default_transport():
    return requests_transport if requests is not None else urllib_transport


def parse_expires_at(text):
    """Epoch seconds of an ISO 8601 time; one without an offset is Seoul time, as Cafe24 means it."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=KST)
    return moment.timestamp()


class Cafe24TokenClient:
    """Access tokens for one mall from watch's token endpoint, and Cafe24 calls made with them.

    Thread-safe: one instance per mall can serve a whole web app.
    """

    def __init__(
        self,
        mall_id,
        endpoint=None,
        secret=None,
        *,
        timeout=10.0,
        refresh_margin=60.0,
        clock=time.time,
        transport=None,
    ):
        """
        timeout: seconds for each HTTP call (watch and Cafe24).
        refresh_margin: ask watch again once the cached token has less than this many seconds left
            (watch itself hands out tokens with at least its --token-min-life left).
        clock: epoch seconds; injectable for tests.
        transport: `(method, url, headers, body, timeout) -> HttpResponse`; default requests or urllib.
        """
        secret = secret if secret is not None else os.environ.get("CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET", "")
        if not secret:
            raise Cafe24TokenClientError(
                "CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET is not set: use the secret "
                "`cafe24-doctor watch --token-endpoint` was started with"
            )
        endpoint = endpoint or os.environ.get("CAFE24_DOCTOR_TOKEN_ENDPOINT") or DEFAULT_ENDPOINT
        self.mall_id = mall_id
        self.endpoint = endpoint.rstrip("/")
        self._token_url = f"{self.endpoint}/v1/malls/{quote(mall_id, safe='')}/access-token"
        self._secret = secret
        self.timeout = timeout
        self.refresh_margin = refresh_margin
        self._clock = clock
        self._send = transport or default_transport()
        self._lock = threading.Lock()
        self._token = None
        self._expires_at = 0.0
        self.endpoint_reads = 0
        self.rejections_reported = 0

    def access_token(self):
        """A live access token: the cached one unless it is about to expire, else a fresh read from watch."""
        with self._lock:
            if self._token is None or self._clock() >= self._expires_at - self.refresh_margin:
                self._remember(self._ask("GET", self._token_url, None))
                self.endpoint_reads += 1
            return self._token

    def report_rejected(self, refused_token):
        """Tells watch Cafe24 refused this token; returns the token to use now (fresh, or already current)."""
        body = json.dumps({"access_token": refused_token}).encode("utf-8")
        with self._lock:
            if self._token is not None and self._token != refused_token:
                return self._token  # another thread has already been given its replacement
            self._remember(self._ask("POST", f"{self._token_url}/rejected", body))
            self.rejections_reported += 1
            return self._token

    def request(self, method, url, *, headers=None, json_body=None, api_version=None):
        """One Cafe24 Admin API call; on 401, reports the token and retries once. Returns the HttpResponse."""
        body = None if json_body is None else json.dumps(json_body).encode("utf-8")
        sent_headers = {"Content-Type": "application/json", **(headers or {})}
        version = api_version or os.environ.get("CAFE24_API_VERSION")
        if version:
            sent_headers["X-Cafe24-Api-Version"] = version
        token = self.access_token()
        answer = self._call(method, url, sent_headers, body, token)
        if answer.status != 401:
            return answer
        return self._call(method, url, sent_headers, body, self.report_rejected(token))

    def _call(self, method, url, headers, body, token):
        return self._send(method, url, {**headers, "Authorization": f"Bearer {token}"}, body, self.timeout)

    def _ask(self, method, url, body):
        headers = {"Authorization": f"Bearer {self._secret}", "Accept": "application/json"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        try:
            answer = self._send(method, url, headers, body, self.timeout)
        except Cafe24TokenClientError as error:
            raise Cafe24TokenClientError(
                f"could not reach cafe24-doctor watch at {self.endpoint} ({error}): "
                "is `cafe24-doctor watch --token-endpoint` running there?"
            ) from None
        try:
            payload = answer.json()
        except ValueError:
            payload = None
        if answer.status == 200 and isinstance(payload, dict) and isinstance(payload.get("access_token"), str):
            return payload
        raise self._endpoint_error(answer, payload if isinstance(payload, dict) else {})

    def _endpoint_error(self, answer, payload):
        error = payload.get("error") if isinstance(payload.get("error"), str) else None
        retry_after = answer.headers.get("retry-after")
        command = payload.get("command") if isinstance(payload.get("command"), str) else None
        hint = {
            "unauthorized": "check CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET",
            "unknown_mall": f"watch does not keep mall '{self.mall_id}'",
            "reauth_required": f"a person must run: {command}" if command else "the mall needs a new login",
            "rate_limited": f"asked too often; retry after {retry_after} s",
            "refresh_failed": f"watch could not refresh; retry after {retry_after} s",
        }.get(error or "", "unexpected answer")
        return TokenEndpointError(
            f"cafe24-doctor watch answered {answer.status} {error or ''} for mall '{self.mall_id}': {hint}",
            status=answer.status,
            error=error,
            retry_after=float(retry_after) if retry_after and retry_after.isdigit() else None,
            command=command,
        )

    def _remember(self, payload):
        expires_at = payload.get("expires_at")
        if not isinstance(expires_at, str):
            raise Cafe24TokenClientError("cafe24-doctor watch answered without expires_at")
        self._token = payload["access_token"]
        self._expires_at = parse_expires_at(expires_at)


def store_url(mall_id):
    """GET /api/v2/admin/store of the mall, under CAFE24_BASE_URL (a template with {mall_id})."""
    base = os.environ.get("CAFE24_BASE_URL") or DEFAULT_BASE_URL
    return base.replace("{mall_id}", mall_id).rstrip("/") + "/api/v2/admin/store"


def main(argv):
    mall_id = argv[1] if len(argv) > 1 else os.environ.get("CAFE24_MALL_ID", "")
    if not mall_id:
        print("usage: cafe24_token_client.py MALL_ID  (or set CAFE24_MALL_ID)", file=sys.stderr)
        return 2
    try:
        answer = Cafe24TokenClient(mall_id).request("GET", store_url(mall_id))
    except Cafe24TokenClientError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if answer.status != 200:
        print(f"Cafe24 answered {answer.status}: {answer.text[:300]}", file=sys.stderr)
        return 1
    print(f"{mall_id}: {answer.json()['store'].get('shop_name')} (Cafe24 answered 200)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
