"""The catalogue of bad answers the emulator can give, and the plan that schedules them.

Each fault is a name the tests, the benchmarks and ``--fault-rate`` share. A plan holds
one-shot or repeated faults (optionally only for paths containing a given text) and an
optional random fault rate, so that a soak run sees a realistic mix.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass, field
from typing import Any

#: API error objects, as (status, body) — codes and texts from the API documentation.
API_ERRORS: dict[str, tuple[int, dict[str, Any]]] = {
    "invalid_request": (
        400,
        {"error": "invalid_request", "error_description": "Request content is invalid"},
    ),
    "invalid_parameters": (
        400,
        {"error": "invalid_parameters", "error_description": "Parameter wallet_id is invalid"},
    ),
    "unauthorized": (
        401,
        {"error": "unauthorized", "error_description": "Authentication parameters are incorrect"},
    ),
    "invalid_timestamp": (
        401,
        {"error": "invalid_timestamp", "error_description": "Timestamp lifetime exceeded"},
    ),
    "forbidden": (
        403,
        {
            "error": "forbidden",
            "error_description": "This resource is assigned to other project, "
            "client has no rights to read it",
            "error_uri": "https://developers.paysera.com/en/wallet/",
        },
    ),
    "forbidden_bad_link": (
        403,
        {
            "error": "forbidden",
            "error_description": "No rights for this wallet",
            "error_uri": "javascript:alert(1)",
        },
    ),
    "not_found": (404, {"error": "not_found", "error_description": "Resource was not found"}),
    "not_acceptable": (406, {"error": "not_acceptable"}),
    "invalid_state": (409, {"error": "invalid_state", "error_description": "Wallet is blocked"}),
    "rate_limit_exceeded": (
        429,
        {"error": "rate_limit_exceeded", "error_description": "Too many requests"},
    ),
    "internal_server_error": (
        500,
        {"error": "internal_server_error", "error_description": "Unexpected internal system error"},
    ),
}

#: Faults that are not API error objects: broken bodies, proxies, transport tricks.
OTHER_FAULTS = (
    "html_502",  # a proxy's HTML error page
    "empty_500",  # an empty 500
    "empty_503",  # an empty 503 with Retry-After
    "invalid_json",  # 200 with a body that is not JSON
    "wrong_shape",  # 200 with a JSON array where an object belongs
    "wrong_types",  # 200 with the right keys holding the wrong types
    "huge_body",  # 200 that would stream far past any sane size
    "redirect_other_host",  # 302 to another origin
    "redirect_same_origin",  # 302 to the same URL on the same origin (followed once)
    "reset",  # the connection is reset without an answer
    "close",  # the connection is closed without an answer
    "slow",  # the answer takes longer than any client timeout
    "cached",  # an old /server answer served with an Age header
)

ALL_FAULTS = tuple(API_ERRORS) + OTHER_FAULTS
#: What ``--fault-rate`` draws from: faults a monitor must ride out without a person.
RANDOM_FAULTS = (
    "internal_server_error",
    "html_502",
    "empty_503",
    "invalid_json",
    "rate_limit_exceeded",
    "reset",
    "wrong_shape",
)


@dataclass
class _Planned:
    name: str
    path: str | None
    remaining: int | None
    params: dict[str, Any] = field(default_factory=dict)


class FaultPlan:
    """Thread-safe schedule of faults; the request handler asks it for each request."""

    def __init__(self, seed: int | None = None) -> None:
        self._lock = threading.Lock()
        self._planned: list[_Planned] = []
        self._rate = 0.0
        self._random_names: tuple[str, ...] = RANDOM_FAULTS
        self._random = random.Random(seed)

    def add(
        self, name: str, *, path: str | None = None, times: int | None = 1, **params: Any
    ) -> None:
        """Answer the next ``times`` matching requests (``None``: all) with fault ``name``."""
        if name not in ALL_FAULTS:
            raise ValueError(f"unknown fault {name!r}; known: {', '.join(ALL_FAULTS)}")
        with self._lock:
            self._planned.append(_Planned(name, path, times, params))

    def set_rate(self, rate: float, names: tuple[str, ...] = RANDOM_FAULTS) -> None:
        """Answer a random share ``rate`` of requests with a fault drawn from ``names``."""
        unknown = set(names) - set(ALL_FAULTS)
        if unknown:
            raise ValueError(f"unknown faults: {sorted(unknown)}")
        with self._lock:
            self._rate = rate
            self._random_names = names

    def clear(self) -> None:
        with self._lock:
            self._planned.clear()
            self._rate = 0.0

    def take(self, path: str) -> tuple[str, dict[str, Any]] | None:
        """The fault for this request, if any, consuming one use of it."""
        with self._lock:
            for planned in self._planned:
                if planned.path is None or planned.path in path:
                    if planned.remaining is not None:
                        planned.remaining -= 1
                        if planned.remaining <= 0:
                            self._planned.remove(planned)
                    return planned.name, planned.params
            if self._rate and self._random.random() < self._rate:
                return self._random.choice(self._random_names), {}
        return None
