"""After the machine sleeps, or the network comes back, the worker measures the clock afresh."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from wallet_gui.connection import ConnectionSettings
from wallet_gui.monitor import Monitor
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox
from wallet_gui.worker import BURST_PROBES, RESUME_GAP_S, PollWorker


@pytest.fixture
def worker(sandbox: Sandbox) -> Iterator[PollWorker]:
    """A worker driven on this thread: its logic is under test here, not the thread."""
    settings = ConnectionSettings(
        profile="t", base_url=sandbox.url, client_id=DEMO_CLIENT_ID, wallet_ids=("14471",)
    )
    key = sandbox.clients[DEMO_CLIENT_ID]
    driven = PollWorker(lambda: Monitor(settings, key), settings)
    driven.start()
    assert driven.monitor is not None
    yield driven
    driven.abort()
    driven.cleanup()


def test_a_wall_clock_jump_restarts_the_clock_burst_and_refreshes_once(
    qtbot: QtBot, sandbox: Sandbox, worker: PollWorker
) -> None:
    clock = worker.monitor.clock  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: clock.usable_for_signing, timeout=10_000)
    qtbot.waitUntil(lambda: bool(sandbox.requests_to("/balance")), timeout=10_000)
    balance_requests = len(sandbox.requests_to("/balance"))
    # As after a suspend: wall time moved on while the monotonic clock did not.
    worker._heartbeat_wall -= 10 * RESUME_GAP_S
    worker._check_resume()
    assert clock.estimate() is None  # history dropped: a new burst
    assert worker._burst_left == BURST_PROBES
    qtbot.waitUntil(
        lambda: len(sandbox.requests_to("/balance")) == balance_requests + 1, timeout=5_000
    )
    qtbot.waitUntil(lambda: clock.usable_for_signing, timeout=10_000)
    assert len(sandbox.requests_to("/balance")) == balance_requests + 1  # once, no storm


def test_the_clock_is_measured_afresh_when_the_network_comes_back(
    qtbot: QtBot, sandbox: Sandbox, worker: PollWorker
) -> None:
    clock = worker.monitor.clock  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: clock.acquired, timeout=15_000)
    probes = len(sandbox.requests_to("/server"))
    sandbox.faults.add("reset", path="/server", times=1)  # the network drops once
    worker._clock_timer.start(0)
    qtbot.waitUntil(lambda: worker._network_lost, timeout=5_000)
    worker._clock_backoff = type(worker._clock_backoff)(base=0.05, cap=0.1)
    worker._clock_timer.start(0)  # the retry, without waiting out the real backoff
    qtbot.waitUntil(lambda: not worker._network_lost, timeout=5_000)
    assert not clock.acquired  # history dropped: a new burst runs
    qtbot.waitUntil(lambda: clock.usable_for_signing, timeout=10_000)
    assert len(sandbox.requests_to("/server")) >= probes + 3
