"""``Monitor.burst`` on real loopback sockets against the emulator.

The emulator's clock is this host's plus ``offset``, so the truth is known exactly
whatever the host's own accuracy. The precise claims (error percentiles, half-width,
time to the answer) are made in virtual time by ``tests/clock/test_burst.py``; here the
bounds are the product's promises with room for a busy machine.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from wallet_gui.api.errors import WalletError
from wallet_gui.clock.burst import MAX_REQUESTS
from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.monitor import Monitor
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox

#: The answer is due two seconds after the call at these round trips; a loaded CI machine
#: gets one more.
PROMISE_S = 3.0


@pytest.fixture
def monitor(sandbox: Sandbox) -> Iterator[Monitor]:
    settings = ConnectionSettings(
        base_url=sandbox.url, client_id=DEMO_CLIENT_ID, wallet_ids=("14471", "20002")
    )
    monitor = Monitor(settings, sandbox.clients[DEMO_CLIENT_ID])
    yield monitor
    monitor.close()


@pytest.mark.parametrize(
    ("offset", "latency", "forward_share"),
    [
        (-3600.37, 0.1, 0.5),
        (0.999, 0.1, 0.2),
        (42.25, 0.02, 0.5),
        (-0.6, 0.002, 0.5),
        (12.999, 0.1, 0.8),
    ],
)
def test_the_truth_is_inside_and_the_answer_comes_in_about_two_seconds(
    sandbox: Sandbox, monitor: Monitor, offset: float, latency: float, forward_share: float
) -> None:
    sandbox.offset = offset
    sandbox.latency = latency
    sandbox.forward_share = forward_share
    started = time.monotonic()
    estimate = monitor.burst()
    elapsed = time.monotonic() - started
    assert estimate is not None
    assert estimate.lower <= offset <= estimate.upper
    assert elapsed < PROMISE_S
    assert len(sandbox.requests_to("/server")) <= MAX_REQUESTS
    # The interval is near the round trip (a sweep gap and scheduling noise on top).
    assert estimate.half_width < 0.5 * estimate.rtt_min + 0.06
    # The server cannot read its clock sooner than the forward delay after a send, nor
    # answer faster than the backward delay, so the truth sits at least the shorter leg
    # inside either bound and the midpoint can be off by the half-width less that leg.
    # (Not a fixed few milliseconds: when the tick falls where the refinement no longer
    # fits in the two seconds, a sweep gap of about 0.1 s answers alone, as
    # tests/clock/test_burst.py::test_every_phase_of_the_server_tick measures; at 20 ms
    # one run in a fresh-clone CI gave a 57 ms half-width and a 39 ms midpoint error.)
    # One millisecond covers mapping the monotonic clock onto the emulator's wall clock.
    shorter_leg = latency * min(forward_share, 1 - forward_share)
    assert abs(estimate.offset - offset) <= estimate.half_width - shorter_leg + 0.001
    assert monitor.clock.usable_for_signing
    # Not "acquired" (converged to about the round trip, or 8 probes): the burst stops when
    # nothing it can still send in time would split the interval, which may leave fewer
    # than 8 probes and an interval a little wider; the maintenance probes carry on.


def test_signed_requests_start_while_the_burst_goes_on(sandbox: Sandbox, monitor: Monitor) -> None:
    sandbox.offset = 120.5  # unsigned-by-the-local-clock requests would be refused
    sandbox.latency = 0.1
    ready = threading.Event()
    results: list[object] = []
    burst = threading.Thread(
        target=lambda: results.append(monitor.burst(on_signing_ready=ready.set)),
        name="test-burst",
    )
    started = time.monotonic()
    burst.start()
    try:
        assert ready.wait(PROMISE_S)
        ready_after = time.monotonic() - started
        balances = monitor.balances(["14471", "20002"])
        assert all(result.error is None for result in balances)
    finally:
        burst.join(10.0)
    assert ready_after < 1.0  # two sweep answers, not the whole burst
    assert results
    assert results[0] is not None
    assert monitor.resyncs == 0


def test_answers_after_the_deadline_still_reach_the_clock(
    sandbox: Sandbox, monitor: Monitor
) -> None:
    sandbox.latency = 0.4
    estimate = monitor.burst(deadline_s=0.5)
    assert estimate is None or estimate.lower <= 0.0 <= estimate.upper
    deadline = time.monotonic() + 5.0
    while time.monotonic() < deadline and len(monitor.clock.history()) < 2:
        time.sleep(0.05)
    late = monitor.clock.estimate()
    assert late is not None
    assert late.samples >= 2
    assert late.lower <= 0.0 <= late.upper


def test_an_unreachable_server_raises_soon(monitor: Monitor, sandbox: Sandbox) -> None:
    sandbox.stop()
    started = time.monotonic()
    with pytest.raises(WalletError):
        monitor.burst()
    assert time.monotonic() - started < PROMISE_S
    assert monitor.clock.estimate() is None


def test_abort_ends_a_burst_at_once(sandbox: Sandbox, monitor: Monitor) -> None:
    sandbox.latency = 0.3
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(monitor.burst())
        except WalletError as error:
            outcome.append(error)

    burst = threading.Thread(target=run, name="test-burst")
    burst.start()
    time.sleep(0.5)
    aborted = time.monotonic()
    monitor.abort()
    burst.join(PROMISE_S)
    assert not burst.is_alive()
    assert time.monotonic() - aborted < 1.5
    assert outcome  # an estimate from the answers so far, or the cancellation


def test_abort_wakes_a_burst_waiting_with_nothing_in_flight(monitor: Monitor) -> None:
    # Between the sweep and the refinement a burst waits up to a second for the next tick
    # with no request out, so cutting requests alone would not end it: abort() wakes the
    # wait itself. The burst's launcher is private; this drives its wait directly.
    from wallet_gui.core.monitor import _ProbeLauncher

    launcher = _ProbeLauncher(
        monitor._clock_pool, lambda: pytest.fail("no probe is sent"), monitor.clock, monitor.time
    )
    monitor._launcher = launcher
    woken: list[object] = []
    waiting = threading.Thread(
        target=lambda: woken.append(launcher.wait(time.monotonic() + 60.0)), name="test-wait"
    )
    waiting.start()
    monitor.abort()
    waiting.join(10.0)  # a sixth of the wait: only a wake can end it this soon
    assert not waiting.is_alive()
    assert woken == [None]
    launcher.close()
