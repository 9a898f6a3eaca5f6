"""A local emulator of the Wallet API: a real HTTP(S) server on 127.0.0.1, not a mock.

``Sandbox`` is the one object tests, benchmarks and the demo hold: it owns the server's
lifecycle and the knobs of the simulated world. It serves the endpoints a monitor uses with
demo data, verifies MAC signatures exactly as the API does, accepts TLS client
certificates, enforces the published rate limits (``wallet_gui.api.limits``) and can
answer with every bad answer of ``faults``. Its clock is the host's plus ``offset``, floored
like PHP's ``time()``; its ``Date`` header comes from the same clock. Latency is split into
a forward leg (before the clock is read) and a return leg (after), so tests know exactly
where the truth lies.

Stopping it is complete: when ``stop()`` returns, no connection is open and no thread of
the emulator is alive, even with keep-alive clients connected or answers in their
simulated latency.
"""

from __future__ import annotations

import functools
import math
import random
import secrets
import ssl
import threading
import time
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from wallet_gui.api.limits import RATE_LIMITS
from wallet_gui.sandbox import data
from wallet_gui.sandbox.faults import FaultPlan
from wallet_gui.sandbox.handler import RequestHandler
from wallet_gui.sandbox.listener import TrackingHTTPServer
from wallet_gui.sandbox.routes import API_PREFIX
from wallet_gui.sandbox.state import EmulatorState, RequestRecord

#: How far a signature's timestamp may be from the server's clock (Hawk uses the same 60 s).
DEFAULT_TIMESTAMP_WINDOW = 60.0
#: How long ``stop()`` waits for handler threads once their connections are cut; they end
#: within milliseconds, so running out of it means a handler blocks where it must not.
HANDLER_JOIN_TIMEOUT_S = 5.0


class Sandbox:
    """The emulator. Use as a context manager, or ``start()`` / ``stop()``.

    Args:
        port: 0 picks a free port.
        offset: seconds added to the host clock (the truth a clock test checks against).
        latency: added round-trip time in seconds; ``forward_share`` of it before the
            clock is read, the rest after.
        jitter: mean of an exponential extra delay added to each leg.
        clients: client id → MAC key; by default one demo client with a fresh random key.
        cert_clients: certificate subject common name → client id, for TLS client auth.
        ssl_context: serve HTTPS with this server-side context.
        rate_limit: enforce ``rate_limits`` on signed requests.
        rate_limits: (window in seconds, requests allowed in it) pairs; the published
            limits by default. Tests compress time by passing smaller windows.
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        offset: float = 0.0,
        latency: float = 0.0,
        jitter: float = 0.0,
        forward_share: float = 0.5,
        clients: dict[str, str] | None = None,
        cert_clients: dict[str, str] | None = None,
        ssl_context: ssl.SSLContext | None = None,
        timestamp_window: float = DEFAULT_TIMESTAMP_WINDOW,
        rate_limit: bool = True,
        rate_limits: Sequence[tuple[float, int]] = RATE_LIMITS,
        seed: int | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not host.startswith("127."):
            raise ValueError("the emulator serves on loopback addresses only")
        self.offset = offset
        self.latency = latency
        self.jitter = jitter
        self.forward_share = forward_share
        self.timestamp_window = timestamp_window
        self.rate_limit = rate_limit
        self.rate_limits = tuple(rate_limits)
        self.faults = FaultPlan(seed)
        self.state = EmulatorState(
            clients=(
                clients if clients is not None else {data.DEMO_CLIENT_ID: secrets.token_urlsafe(24)}
            ),
            cert_clients=cert_clients or {},
            now=clock() + offset,
        )
        self._ssl_context = ssl_context
        self._clock = clock
        self._random = random.Random(seed)
        self._random_lock = threading.Lock()
        self._closing = threading.Event()
        self._listener = TrackingHTTPServer(
            (host, port),
            functools.partial(RequestHandler, emulator=self),
            thread_name="wallet-sandbox-request",
        )
        self._serving: threading.Thread | None = None

    # -- where it serves -------------------------------------------------------------------------

    @property
    def port(self) -> int:
        return int(self._listener.server_address[1])

    @property
    def ssl_context(self) -> ssl.SSLContext | None:
        return self._ssl_context

    @property
    def origin(self) -> str:
        scheme = "https" if self._ssl_context else "http"
        return f"{scheme}://{self._listener.server_address[0]!s}:{self.port}"

    @property
    def url(self) -> str:
        """The API base URL to give a client."""
        return self.origin + API_PREFIX

    # -- lifecycle -----------------------------------------------------------------------------

    def start(self) -> Sandbox:
        if self._closing.is_set():
            raise RuntimeError("a stopped emulator cannot be started again")
        self._serving = threading.Thread(
            target=self._listener.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="wallet-sandbox",
            daemon=True,
        )
        self._serving.start()
        return self

    def stop(self) -> None:
        """Stop serving, cut every open connection and wait until its thread has ended.

        Raises ``RuntimeError`` if a handler thread outlives ``HANDLER_JOIN_TIMEOUT_S``.
        """
        self._closing.set()  # ends simulated latency and stalls at once
        try:
            if self._serving is not None:
                self._listener.shutdown()
                self._serving.join()
                self._serving = None
            self._listener.cut_connections()
            stuck = self._listener.join_handlers(HANDLER_JOIN_TIMEOUT_S)
        finally:
            self._listener.server_close()
        if stuck:
            names = ", ".join(thread.name for thread in stuck)
            raise RuntimeError(f"emulator handler threads did not end: {names}")

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- the simulated world -------------------------------------------------------------------

    def now(self) -> float:
        """The emulator's clock: the host's plus ``offset``."""
        return self._clock() + self.offset

    def leg_delay(self, forward: bool) -> float:
        """The simulated network time of one leg (to the server, or back) of a request."""
        share = self.forward_share if forward else 1.0 - self.forward_share
        delay = self.latency * share
        if self.jitter:
            with self._random_lock:
                delay += self._random.expovariate(1.0 / self.jitter)
        return delay

    def pause(self, seconds: float) -> bool:
        """Wait ``seconds`` in a handler; False, at once, when the emulator is stopping."""
        return not self._closing.wait(max(0.0, seconds))

    # -- state the tests and the demo read and change ------------------------------------------

    @property
    def clients(self) -> dict[str, str]:
        """Client id → MAC key."""
        return self.state.clients

    @property
    def cert_clients(self) -> dict[str, str]:
        """Certificate common name → client id."""
        return self.state.cert_clients

    @property
    def configuration(self) -> dict[str, Any]:
        return self.state.configuration

    @property
    def wallets(self) -> dict[int, dict[str, Any]]:
        return self.state.wallets

    @property
    def balances(self) -> dict[int, dict[str, dict[str, Any]]]:
        return self.state.balances

    @property
    def records(self) -> list[RequestRecord]:
        """Every request seen (the latest 10 000), oldest first."""
        return self.state.records

    def set_balance(
        self, wallet_id: int, currency: str, at_disposal: str, reserved: str = "0.00"
    ) -> None:
        """Replace one currency's balance (decimal strings in major units); a change of the
        total appears in the statements as an ``adjustment`` dated now."""
        self.state.set_balance(
            wallet_id, currency, at_disposal, reserved, date=math.floor(self.now())
        )

    def move_money(
        self,
        wallet_id: int,
        currency: str,
        amount: Decimal,
        direction: str,
        details: str,
        other_party_name: str | None = None,
    ) -> int:
        """Move ``amount`` (major units, positive) into (``"in"``) or out of (``"out"``) a
        wallet's ``at_disposal``, and record the statement, dated now, in the same step;
        the new statement's id. ``ValueError`` for an unknown wallet, a bad amount or
        direction, or more going out than is at disposal."""
        item = self.state.move_money(
            wallet_id,
            currency,
            amount,
            direction,
            details,
            other_party_name,
            date=math.floor(self.now()),
        )
        return int(item["id"])

    @property
    def statements(self) -> dict[int, list[dict[str, Any]]]:
        """Wallet id → its statements (JSON-ready dicts), oldest first."""
        return self.state.statements

    def add_wallets(self, count: int, first_id: int = 50000) -> list[int]:
        """Add ``count`` generated wallets (for many-wallet tests and benchmarks)."""
        return self.state.add_wallets(count, first_id, now=self.now())

    def requests_to(self, text: str) -> list[RequestRecord]:
        return self.state.requests_to(text)
