"""``PollLoop``: the window's polling on a plain thread, against the emulator over loopback.

Each test waits for the exact state it checks (a condition on the published snapshots,
with a bounded deadline), never for a fixed time.
"""

from __future__ import annotations

import itertools
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal

import pytest

from wallet_gui.api.errors import ApiError, ResponseFormatError, TransportError
from wallet_gui.api.urls import ConfigurationError
from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.monitor import Monitor
from wallet_gui.core.poll_loop import LoopSnapshot, PollLoop, error_code
from wallet_gui.core.poll_policy import PollPolicy
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox

KEY = "poll-loop-test-key-0123456789"
WALLETS = ("14471", "30003")
#: Limits generous enough for rounds a fraction of a second apart (emulator and policy alike).
FAST_LIMITS = ((1.0, 1000),)


class Recorder:
    """The loop's listener: keeps every snapshot and what the emulator had seen by then.

    The listener runs on the loop's thread between two steps, when none of the loop's
    requests is in flight, so the emulator's request log is exactly what the loop sent.
    """

    def __init__(self, sandbox: Sandbox | None = None) -> None:
        self.sandbox = sandbox
        self.snapshots: list[tuple[LoopSnapshot, int, int]] = []
        self._changed = threading.Condition()

    def __call__(self, snapshot: LoopSnapshot) -> None:
        records = list(self.sandbox.records) if self.sandbox is not None else []
        signed = sum(1 for r in records if "/wallet/" in r.path)
        with self._changed:
            self.snapshots.append((snapshot, len(records), signed))
            self._changed.notify_all()

    def wait_for(
        self, condition: Callable[[LoopSnapshot], bool], timeout: float = 20.0
    ) -> tuple[LoopSnapshot, int, int]:
        def found() -> tuple[LoopSnapshot, int, int] | None:
            return next((item for item in self.snapshots if condition(item[0])), None)

        with self._changed:
            assert self._changed.wait_for(lambda: found() is not None, timeout), (
                f"no such snapshot within {timeout} s; the last: {self.snapshots[-1:]}"
            )
            item = found()
        assert item is not None
        return item


def settings_for(server: Sandbox, wallets: tuple[str, ...] = WALLETS) -> ConnectionSettings:
    return ConnectionSettings(
        profile="shop", base_url=server.url, client_id=DEMO_CLIENT_ID, wallet_ids=wallets
    )


@contextmanager
def running(
    settings: ConnectionSettings,
    listener: Recorder,
    *,
    interval: float | None = None,
    secret: str | None = KEY,
) -> Iterator[PollLoop]:
    """A started loop (with fast limits when ``interval`` is given), stopped and joined after."""
    policy = None
    if interval is not None:
        policy = PollPolicy(settings.wallet_ids, interval, limits=FAST_LIMITS)
    loop = PollLoop(Monitor(settings, secret), listener, policy=policy)
    loop.start()
    try:
        yield loop
    finally:
        loop.stop()
        assert loop.join(5.0), "the loop did not end"


def test_offset_balances_and_request_counts_match_the_emulator() -> None:
    truth = -42.371
    recorder: Recorder
    with Sandbox(
        offset=truth, latency=0.04, jitter=0.002, seed=3, clients={DEMO_CLIENT_ID: KEY}
    ) as server:
        recorder = Recorder(server)
        with running(settings_for(server), recorder):
            # The burst narrows the interval towards RTT/2 within a few probes (at most 8).
            snapshot, requests, signed = recorder.wait_for(
                lambda s: (
                    s.clock.samples >= 4
                    and (s.clock.half_width or 1.0) < 0.08
                    and s.last_round is not None
                    and s.configuration is not None
                )
            )
    clock = snapshot.clock
    assert clock.offset is not None
    assert clock.half_width is not None
    assert abs(clock.offset - truth) <= clock.half_width + 0.002
    assert clock.rtt_min is not None
    assert clock.rtt_min >= 0.04
    wallets = {w.wallet_id: w for w in snapshot.wallets}
    assert wallets["14471"].balances is not None
    assert wallets["14471"].balances["EUR"].at_disposal == Decimal("22.99")
    assert wallets["14471"].balances["USD"].reserved == Decimal("98.00")
    assert wallets["30003"].balances is not None
    assert wallets["30003"].balances["KWD"].at_disposal == Decimal("3.250")
    assert wallets["30003"].balances["EUR"].reserved is None
    assert snapshot.configuration is not None
    assert snapshot.configuration.minimum_password_length == 8
    assert snapshot.up
    assert snapshot.last_success is not None
    assert snapshot.counts.requests == requests  # every request the emulator saw, no more
    assert snapshot.counts.signed == signed == 2
    assert snapshot.counts.errors == {}
    assert snapshot.status.state == "connected"


def test_failures_are_counted_by_code_and_known_balances_kept() -> None:
    with Sandbox(rate_limits=FAST_LIMITS, clients={DEMO_CLIENT_ID: KEY}) as server:
        recorder = Recorder(server)
        server.faults.add("internal_server_error", path="/configuration", times=1)
        with running(settings_for(server), recorder, interval=0.2):
            first, _, _ = recorder.wait_for(lambda s: s.last_round is not None)
            server.faults.add("forbidden", path="/wallet/14471/balance", times=None)
            failing, _, _ = recorder.wait_for(
                lambda s: (
                    s.last_round is not None
                    and s.last_round.wallets[0].error is not None
                    and "internal_server_error" in s.counts.errors
                )
            )
    assert first.wallets[0].balances is not None
    kept = failing.wallets[0]
    assert kept.wallet_id == "14471"
    assert kept.error is not None
    assert kept.error.code == "forbidden"
    # The last known balances stay, with the time they were read, beside the new error.
    assert kept.balances == first.wallets[0].balances
    assert kept.updated_at == first.wallets[0].updated_at
    assert failing.last_round is not None
    assert failing.last_round.wallets[0].balances is None
    assert failing.counts.errors["forbidden"] >= 1
    assert failing.counts.errors["internal_server_error"] == 1
    assert failing.up  # the other wallet still answers


def test_rounds_follow_the_policy_and_retry_after_holds_them_back() -> None:
    interval, retry_after = 0.25, 1
    with Sandbox(rate_limits=FAST_LIMITS, clients={DEMO_CLIENT_ID: KEY}) as server:
        recorder = Recorder(server)
        with running(settings_for(server, ("14471",)), recorder, interval=interval):
            recorder.wait_for(lambda s: s.counts.signed >= 3)
            server.faults.add(
                "rate_limit_exceeded", path="/balance", times=1, retry_after=retry_after
            )
            recorder.wait_for(lambda s: s.counts.errors.get("rate_limit_exceeded") == 1)
            recorder.wait_for(lambda s: s.counts.signed >= 6)
        sent = [r.server_time for r in server.records if r.path.endswith("/balance")]
    gaps = [later - earlier for earlier, later in itertools.pairwise(sent)]
    refused = next(i for i, r in enumerate(server.requests_to("/balance")) if r.status == 429)
    assert min(gaps) >= interval - 0.05, gaps
    assert gaps[refused] >= retry_after - 0.05, gaps  # not even backoff goes sooner


def test_a_profile_without_wallets_is_up_once_the_clock_answers() -> None:
    with Sandbox() as server:
        recorder = Recorder(server)
        with running(settings_for(server, ()), recorder, secret=None):
            snapshot, requests, _ = recorder.wait_for(lambda s: s.up and s.clock.samples >= 2)
    assert snapshot.wallets == ()
    assert snapshot.last_round is None
    assert snapshot.counts.signed == 0
    assert snapshot.counts.requests == requests


def test_stop_cuts_a_request_in_flight_and_the_thread_ends_at_once() -> None:
    # A server that accepts and never answers: the first probe is surely in flight.
    with socket.create_server(("127.0.0.1", 0)) as listening:
        port = listening.getsockname()[1]
        settings = ConnectionSettings(profile="stuck", base_url=f"http://127.0.0.1:{port}/rest/v1")
        loop = PollLoop(Monitor(settings, None))
        loop.start()
        listening.settimeout(10)
        connection, _ = listening.accept()
        with connection:
            started = time.monotonic()
            loop.stop()
            ended = loop.join(5.0)
            elapsed = time.monotonic() - started
    assert ended
    assert elapsed < 0.5, elapsed
    assert loop.snapshot.counts.errors == {}  # the cut at shutdown is not a failure


def test_a_listener_that_raises_does_not_stop_the_polling(
    caplog: pytest.LogCaptureFixture,
) -> None:
    calls: list[LoopSnapshot] = []
    done = threading.Event()

    def broken(snapshot: LoopSnapshot) -> None:
        calls.append(snapshot)
        if snapshot.clock.samples >= 2:
            done.set()
        raise RuntimeError("listener bug")

    with Sandbox() as server:
        loop = PollLoop(Monitor(settings_for(server, ()), None), broken)
        loop.start()
        try:
            assert done.wait(20)
        finally:
            loop.stop()
            assert loop.join(5.0)
    assert "the snapshot listener failed" in caplog.text


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (ApiError(status=401, error="invalid_timestamp"), "invalid_timestamp"),
        (ApiError(status=502, error="http_502"), "http_502"),
        (
            ApiError(status=400, error="Bad Code\n<script>" + "x" * 80),
            "bad_code_script_" + "x" * 24,
        ),
        (ApiError(status=400, error="  "), "unknown"),
        (TransportError("gone", kind="timeout"), "timeout"),
        (ResponseFormatError("not json"), "format"),
        (ConfigurationError("bad url"), "configuration"),
        (ValueError("a bug"), "internal"),
    ],
)
def test_error_codes_are_short_safe_labels(error: BaseException, code: str) -> None:
    assert error_code(error) == code
