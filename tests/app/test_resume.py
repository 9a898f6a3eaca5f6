"""After the machine sleeps, or the network comes back, the worker measures the clock afresh."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.monitor import Monitor
from wallet_gui.core.poll_policy import BURST_PROBES, RESUME_GAP_S, PollPolicy
from wallet_gui.core.rate_budget import Backoff
from wallet_gui.qt.worker import PollWorker
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox


class ShiftableTime:
    """The real clocks, with a wall clock that a test can move as a suspend would."""

    def __init__(self) -> None:
        self.wall_shift = 0.0

    def monotonic(self) -> float:
        return time.monotonic()

    def wall(self) -> float:
        return time.time() + self.wall_shift

    def sleep_until(self, monotonic_deadline: float) -> None:
        raise AssertionError("the worker never sleeps")


@pytest.fixture
def time_source() -> ShiftableTime:
    return ShiftableTime()


@pytest.fixture
def make_worker(
    sandbox: Sandbox, time_source: ShiftableTime
) -> Iterator[Callable[..., PollWorker]]:
    """A worker driven on this thread: its logic is under test here, not the thread."""
    workers: list[PollWorker] = []

    def make(**policy_options: object) -> PollWorker:
        settings = ConnectionSettings(
            profile="t", base_url=sandbox.url, client_id=DEMO_CLIENT_ID, wallet_ids=("14471",)
        )
        key = sandbox.clients[DEMO_CLIENT_ID]
        policy = PollPolicy(
            settings.wallet_ids,
            settings.interval,
            time_source=time_source,
            **policy_options,  # type: ignore[arg-type]
        )
        worker = PollWorker(lambda: Monitor(settings, key), settings, policy)
        worker.start()
        assert worker.monitor is not None
        workers.append(worker)
        return worker

    yield make
    for worker in workers:
        worker.abort()
        worker.cleanup()


def test_a_wall_clock_jump_restarts_the_clock_burst_and_refreshes_once(
    qtbot: QtBot,
    sandbox: Sandbox,
    make_worker: Callable[..., PollWorker],
    time_source: ShiftableTime,
) -> None:
    worker = make_worker()
    clock = worker.monitor.clock  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: clock.usable_for_signing, timeout=10_000)
    qtbot.waitUntil(lambda: bool(sandbox.requests_to("/balance")), timeout=10_000)
    qtbot.waitUntil(lambda: not worker.bursting, timeout=10_000)  # its probes are all in
    balance_requests = len(sandbox.requests_to("/balance"))
    # As after a suspend: wall time moved on while the monotonic clock did not.
    time_source.wall_shift += 10 * RESUME_GAP_S
    worker.check_resume()
    assert clock.estimate() is None  # history dropped: a new burst
    assert worker.policy.burst_left == BURST_PROBES
    qtbot.waitUntil(
        lambda: len(sandbox.requests_to("/balance")) == balance_requests + 1, timeout=5_000
    )
    qtbot.waitUntil(lambda: clock.usable_for_signing, timeout=10_000)
    assert len(sandbox.requests_to("/balance")) == balance_requests + 1  # once, no storm


def test_no_wall_clock_jump_changes_nothing(
    qtbot: QtBot, make_worker: Callable[..., PollWorker]
) -> None:
    worker = make_worker()
    clock = worker.monitor.clock  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: clock.usable_for_signing, timeout=10_000)
    worker.check_resume()
    assert clock.estimate() is not None


def test_the_clock_is_measured_afresh_when_the_network_comes_back(
    qtbot: QtBot, sandbox: Sandbox, make_worker: Callable[..., PollWorker]
) -> None:
    # Clock retries spaced in tens of milliseconds, so the test need not wait out minutes.
    worker = make_worker(clock_backoff=Backoff(base=0.05, cap=0.1))
    clock = worker.monitor.clock  # type: ignore[union-attr]
    # The burst has ended with an estimate (at loopback round trips it may end a little
    # wider than "acquired"; the next probes narrow it, 20 s later).
    qtbot.waitUntil(lambda: clock.usable_for_signing and not worker.bursting, timeout=15_000)
    probes = len(sandbox.requests_to("/server"))
    sandbox.faults.add("reset", path="/server", times=1)  # the network drops once
    worker.clock_timer.start(0)
    qtbot.waitUntil(lambda: worker.policy.network_lost, timeout=5_000)
    qtbot.waitUntil(lambda: not worker.policy.network_lost, timeout=5_000)
    qtbot.waitUntil(lambda: clock.usable_for_signing, timeout=10_000)
    assert len(sandbox.requests_to("/server")) >= probes + 3
