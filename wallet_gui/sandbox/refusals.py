"""The one way the emulator says no: an API error object, raised from wherever it is decided.

Authentication, the rate limit and routing each find their own reasons to refuse a request;
raising a ``RefusalError`` lets them stop at once while the request handler alone turns it into
the status, JSON body and headers the real API would send.
"""

from __future__ import annotations

from typing import Any

from wallet_gui.sandbox.faults import API_ERRORS


class RefusalError(Exception):
    """Answer with the API error object ``name``, optionally with a more precise description."""

    def __init__(
        self, name: str, description: str | None = None, *, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(name)
        status, body = API_ERRORS[name]
        self.status = status
        self.body: dict[str, Any] = dict(body)
        if description:
            self.body["error_description"] = description
        self.headers = dict(headers or {})
