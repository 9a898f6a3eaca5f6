"""After the machine sleeps, the worker re-acquires the clock and refreshes once."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from wallet_gui.connection import ConnectionSettings
from wallet_gui.monitor import Monitor
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox
from wallet_gui.worker import BURST_PROBES, RESUME_GAP_S, PollWorker


def test_a_wall_clock_jump_restarts_the_clock_burst_and_refreshes_once(
    qtbot: QtBot, sandbox: Sandbox
) -> None:
    settings = ConnectionSettings(
        profile="t", base_url=sandbox.url, client_id=DEMO_CLIENT_ID, wallet_ids=("14471",)
    )
    key = sandbox.clients[DEMO_CLIENT_ID]
    # Driven on this thread: the resume logic is what is under test, not the thread.
    worker = PollWorker(lambda: Monitor(settings, key), settings)
    worker.start()
    try:
        assert worker.monitor is not None
        qtbot.waitUntil(lambda: worker.monitor.clock.usable_for_signing, timeout=10_000)
        qtbot.waitUntil(lambda: bool(sandbox.requests_to("/balance")), timeout=10_000)
        balance_requests = len(sandbox.requests_to("/balance"))
        # As after a suspend: wall time moved on while the monotonic clock did not.
        worker._heartbeat_wall -= 10 * RESUME_GAP_S
        worker._check_resume()
        assert worker.monitor.clock.estimate() is None  # history dropped: a new burst
        assert worker._burst_left == BURST_PROBES
        qtbot.waitUntil(
            lambda: len(sandbox.requests_to("/balance")) == balance_requests + 1, timeout=5_000
        )
        qtbot.waitUntil(lambda: worker.monitor.clock.usable_for_signing, timeout=10_000)
        assert len(sandbox.requests_to("/balance")) == balance_requests + 1  # once, no storm
    finally:
        worker.abort()
        worker.cleanup()


def test_the_clock_is_measured_afresh_when_the_network_comes_back(
    qtbot: QtBot, sandbox: Sandbox
) -> None:
    settings = ConnectionSettings(
        profile="t", base_url=sandbox.url, client_id=DEMO_CLIENT_ID, wallet_ids=("14471",)
    )
    key = sandbox.clients[DEMO_CLIENT_ID]
    worker = PollWorker(lambda: Monitor(settings, key), settings)
    worker.start()
    try:
        assert worker.monitor is not None
        qtbot.waitUntil(lambda: worker.monitor.clock.acquired, timeout=15_000)
        probes = len(sandbox.requests_to("/server"))
        sandbox.faults.add("reset", path="/server", times=1)  # the network drops once
        worker._clock_timer.start(0)
        qtbot.waitUntil(lambda: worker._network_lost, timeout=5_000)
        worker._clock_backoff = type(worker._clock_backoff)(base=0.05, cap=0.1)
        worker._clock_timer.start(0)  # the retry, without waiting out the real backoff
        qtbot.waitUntil(lambda: not worker._network_lost, timeout=5_000)
        assert not worker.monitor.clock.acquired  # history dropped: a new burst runs
        qtbot.waitUntil(lambda: worker.monitor.clock.usable_for_signing, timeout=10_000)
        assert len(sandbox.requests_to("/server")) >= probes + 3
    finally:
        worker.abort()
        worker.cleanup()
