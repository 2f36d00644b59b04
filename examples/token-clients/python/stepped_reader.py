#!/usr/bin/env python3
"""Drives cafe24_token_client.py one Cafe24 call per input line, on the caller's clock.

How cafe24-doctor's CI test and `npm run demo` run the client against `watch` and the emulator, whose clock
they move: each stdin line is JSON `{"now_ms": <epoch ms>}` — the time the client's cache should see — and
makes one GET /api/v2/admin/store. Every output line is JSON: a first `{"ready": ...}`, one line per call
(`source` says where its token came from: cache, endpoint, or rejected after a Cafe24 401), and a last
`{"done": ...}` at end of input. `keys` are the fields watch's answers carried; tokens are never printed.

Environment: as cafe24_token_client.py (CAFE24_MALL_ID is required here).
"""

import json
import os
import sys

from cafe24_token_client import (
    Cafe24TokenClient,
    Cafe24TokenClientError,
    default_transport,
    requests_transport,
    store_url,
)


def main():
    mall_id = os.environ["CAFE24_MALL_ID"]
    clock_ms = [0]
    keys_seen = set()
    send = default_transport()

    def watching_transport(method, url, headers, body, timeout):
        answer = send(method, url, headers, body, timeout)
        if url.startswith(client.endpoint):
            try:
                payload = answer.json()
            except ValueError:
                payload = None
            if isinstance(payload, dict):
                keys_seen.update(payload.keys())
        return answer

    client = Cafe24TokenClient(mall_id, clock=lambda: clock_ms[0] / 1000, transport=watching_transport)
    url = store_url(mall_id)
    emit({"ready": True, "transport": "requests" if send is requests_transport else "urllib"})
    calls = failed = 0
    for line in sys.stdin:
        if not line.strip():
            continue
        clock_ms[0] = json.loads(line)["now_ms"]
        reads, rejections = client.endpoint_reads, client.rejections_reported
        calls += 1
        result = {"call": calls, "ok": False, "status": None, "error": None}
        try:
            answer = client.request("GET", url)
            result["status"] = answer.status
            result["ok"] = answer.status == 200
        except Cafe24TokenClientError as error:
            result["error"] = str(error)
        if client.rejections_reported > rejections:
            result["source"] = "rejected"
        elif client.endpoint_reads > reads:
            result["source"] = "endpoint"
        else:
            result["source"] = "cache"
        failed += 0 if result["ok"] else 1
        emit(result)
    emit(
        {
            "done": True,
            "calls": calls,
            "failed": failed,
            "endpoint_reads": client.endpoint_reads,
            "rejections": client.rejections_reported,
            "keys": sorted(keys_seen),
        }
    )


def emit(record):
    print(json.dumps(record), flush=True)


if __name__ == "__main__":
    main()
