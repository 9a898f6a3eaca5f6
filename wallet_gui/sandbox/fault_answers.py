"""The bad answers of the fault catalogue that are ordinary HTTP responses, ready to send.

``faults`` names and schedules every fault; this module says what the ones that are
answers (an API error object, a proxy's HTML page, broken JSON, a redirect, a stale cached
body) look like on the wire. Faults that break the connection itself (``reset``, ``close``,
``slow``, ``huge_body``) need the socket and live in the request handler.
"""

from __future__ import annotations

import json
import math
import secrets
from typing import Any

from wallet_gui.sandbox.faults import API_ERRORS

#: A complete answer: status, body bytes, extra headers.
Answer = tuple[int, bytes, dict[str, str]]

_PROXY_PAGE = (
    b"<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1>"
    b"<script>alert('x')</script></body></html>"
)

#: Every field a monitor reads, holding a value of the wrong type.
_WRONG_TYPES = {
    "time": "soon",
    "minimum_password_length": "eight",
    "id": "x",
    "owner": [],
    "account": "none",
    "EUR": {"at_disposal": "lots", "at_disposal_decimal": 5},
    "statements": {"id": 1},
}


def fault_answer(
    name: str, params: dict[str, Any], *, request_target: str, port: int, now: float
) -> Answer:
    """The answer for fault ``name`` to a request for ``request_target`` (path and query)."""
    if name in API_ERRORS:
        status, body = API_ERRORS[name]
        headers = {"paysera-correlation-id": f"corr-{secrets.token_hex(6)}"}
        if name == "rate_limit_exceeded":
            headers["Retry-After"] = str(params.get("retry_after", 30))
        return status, json.dumps(body).encode(), headers
    if name == "html_502":
        return 502, _PROXY_PAGE, {"Content-Type": "text/html"}
    if name == "empty_500":
        return 500, b"", {}
    if name == "empty_503":
        return 503, b"", {"Retry-After": str(params.get("retry_after", 5))}
    if name == "invalid_json":
        return 200, b'{"time": 12', {}
    if name == "wrong_shape":
        return 200, b"[1, 2, 3]", {}
    if name == "wrong_types":
        return 200, json.dumps(_WRONG_TYPES).encode(), {}
    if name == "redirect_other_host":
        # 127.0.0.2 reaches the same emulator, yet is another origin to the client.
        return 302, b"", {"Location": f"http://127.0.0.2:{port}{request_target}"}
    if name == "redirect_same_origin":
        return 302, b"", {"Location": request_target}
    if name == "cached":
        return 200, json.dumps({"time": math.floor(now) - 100}).encode(), {"Age": "100"}
    raise ValueError(f"fault {name!r} is not an answer")
