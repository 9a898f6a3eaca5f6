"""The poller: real worker thread, real emulator, results on the GUI thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.state import ClockState, PollStatus, RoundResult, WalletBalances
from wallet_gui.qt.poller import Poller
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox


class Recorder:
    """Collects what a poller emits, on the GUI thread."""

    def __init__(self, poller: Poller) -> None:
        self.clock: list[ClockState] = []
        self.configurations: list[object] = []
        self.wallets: list[WalletBalances] = []
        self.statuses: list[PollStatus] = []
        self.errors: list[object] = []
        self.threads: set[str] = set()
        poller.clockChanged.connect(self.on_clock)
        poller.configurationChanged.connect(self.configurations.append)
        self.rounds: list[RoundResult] = []
        poller.roundFinished.connect(self.on_round)
        poller.statusChanged.connect(self.statuses.append)
        poller.errorOccurred.connect(self.errors.append)

    def on_round(self, result: RoundResult) -> None:
        self.threads.add(threading.current_thread().name)
        self.rounds.append(result)
        self.wallets.extend(result.wallets)
        self.statuses.append(result.status)

    def on_clock(self, state: ClockState) -> None:
        self.threads.add(threading.current_thread().name)
        self.clock.append(state)

    def latest(self, wallet_id: str) -> WalletBalances | None:
        return next((w for w in reversed(self.wallets) if w.wallet_id == wallet_id), None)


def settings_for(sandbox: Sandbox, **changes: object) -> ConnectionSettings:
    from dataclasses import replace

    base = ConnectionSettings(
        profile="test",
        base_url=sandbox.url,
        client_id=DEMO_CLIENT_ID,
        wallet_ids=("14471", "20002", "30003"),
        interval=30.0,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_poller_fills_clock_configuration_and_balances_from_the_worker_thread(
    qtbot: QtBot, sandbox: Sandbox, poller_for: Callable[[Sandbox, ConnectionSettings], Poller]
) -> None:
    poller = poller_for(sandbox, settings_for(sandbox))
    seen = Recorder(poller)
    poller.start()
    qtbot.waitUntil(lambda: len(seen.wallets) >= 3 and bool(seen.configurations), timeout=10_000)
    qtbot.waitUntil(lambda: bool(seen.clock) and seen.clock[-1].samples >= 2, timeout=5_000)
    assert seen.threads == {threading.main_thread().name}  # delivered on the GUI thread
    eur = seen.latest("14471").balances["EUR"]  # type: ignore[union-attr]
    assert str(eur.at_disposal) == "22.99"
    assert seen.configurations[-1].minimum_password_length == 8  # type: ignore[attr-defined]
    assert seen.rounds[0].status.state == "connected"
    assert seen.rounds[0].status.next_poll is not None
    clock = seen.clock[-1]
    assert clock.offset is not None
    assert clock.half_width is not None
    # The emulator's clock is this host's: zero lies inside the guaranteed interval (two
    # probes may still leave it about a second wide, so no fixed bound on the midpoint).
    assert abs(clock.offset) <= clock.half_width + 0.001


def test_the_first_balances_do_not_wait_for_the_whole_clock_burst(
    qtbot: QtBot, sandbox: Sandbox, poller_for: Callable[[Sandbox, ConnectionSettings], Poller]
) -> None:
    # The burst takes about 1.5 s; two agreeing probes (after about 0.13 s) suffice to sign.
    # The worker announces the clock when the burst ends, so the order of the two signals on
    # the GUI thread (queued from one thread, so kept) says whether balances waited for it.
    poller = poller_for(sandbox, settings_for(sandbox))
    order: list[str] = []
    poller.roundFinished.connect(lambda _round: order.append("balances"))
    poller.clockChanged.connect(lambda _state: order.append("clock"))
    poller.start()
    qtbot.waitUntil(lambda: "balances" in order and "clock" in order, timeout=10_000)
    assert order[0] == "balances"
    paths = [record.path for record in sandbox.requests_to("/")]
    first_balance = next(i for i, path in enumerate(paths) if path.endswith("/balance"))
    assert sum(path.endswith("/server") for path in paths[:first_balance]) >= 2
    assert any(path.endswith("/server") for path in paths[first_balance:])  # the burst went on


def test_one_round_delivers_every_wallet_together_with_the_status_it_leads_to(
    qtbot: QtBot, sandbox: Sandbox, poller_for: Callable[[Sandbox, ConnectionSettings], Poller]
) -> None:
    sandbox.faults.add("internal_server_error", path="/wallet/20002/balance", times=1)
    poller = poller_for(sandbox, settings_for(sandbox))
    seen = Recorder(poller)
    poller.start()
    qtbot.waitUntil(lambda: bool(seen.rounds), timeout=10_000)
    first = seen.rounds[0]
    assert [w.wallet_id for w in first.wallets] == ["14471", "20002", "30003"]
    assert first.status.state == "connected"
    assert first.status.message == "1 wallet(s) failed"  # the status of this very round
    assert first.wallets[1].error is not None


def test_a_failed_wallet_shows_its_error_and_recovers_on_refresh(
    qtbot: QtBot, sandbox: Sandbox, poller_for: Callable[[Sandbox, ConnectionSettings], Poller]
) -> None:
    sandbox.faults.add("internal_server_error", path="/wallet/20002/balance", times=1)
    poller = poller_for(sandbox, settings_for(sandbox))
    seen = Recorder(poller)
    poller.start()
    qtbot.waitUntil(lambda: seen.latest("20002") is not None, timeout=10_000)
    failed = seen.latest("20002")
    assert failed is not None
    assert failed.balances is None
    assert failed.error is not None
    assert failed.error.code == "internal_server_error"
    assert [e.code for e in seen.errors] == ["internal_server_error"]  # type: ignore[attr-defined]
    poller.refresh()
    qtbot.waitUntil(
        lambda: (w := seen.latest("20002")) is not None and w.balances is not None, timeout=5_000
    )
    assert seen.latest("20002").error is None  # type: ignore[union-attr]


def test_identical_failures_in_one_round_are_reported_once(
    qtbot: QtBot, sandbox: Sandbox, poller_for: Callable[[Sandbox, ConnectionSettings], Poller]
) -> None:
    sandbox.faults.add("html_502", path="/balance", times=3)
    poller = poller_for(sandbox, settings_for(sandbox))
    seen = Recorder(poller)
    poller.start()
    qtbot.waitUntil(lambda: bool(seen.rounds), timeout=10_000)
    assert len(seen.errors) == 1
    assert all(w.error is not None for w in seen.rounds[0].wallets)
    assert seen.rounds[0].status.state == "failing"


def test_many_wallets_at_a_short_interval_stretch_the_plan_and_stay_in_budget(
    qtbot: QtBot, sandbox: Sandbox, poller_for: Callable[[Sandbox, ConnectionSettings], Poller]
) -> None:
    wallets = tuple(str(w) for w in sandbox.add_wallets(30))
    poller = poller_for(sandbox, settings_for(sandbox, wallet_ids=wallets, interval=1.0))
    seen = Recorder(poller)
    poller.start()
    qtbot.waitUntil(lambda: bool(seen.rounds), timeout=10_000)
    status = seen.rounds[0].status
    assert len(seen.rounds[0].wallets) == 30
    assert status.stretched
    assert status.interval >= 30 * 60 / 60
    poller.refresh()
    poller.refresh()
    qtbot.waitUntil(
        lambda: seen.statuses[-1].state == "rate_limited" or len(seen.wallets) >= 60, timeout=5_000
    )
    signed = [r for r in sandbox.records if r.client_id is not None]
    assert len(signed) <= 60
    assert not [r for r in sandbox.records if r.status == 429]


def test_shutdown_with_requests_in_flight_is_prompt(
    qtbot: QtBot, poller_for: Callable[[Sandbox, ConnectionSettings], Poller]
) -> None:
    with Sandbox(latency=4.0) as slow:
        poller = poller_for(slow, settings_for(slow))
        poller.start()
        qtbot.waitUntil(lambda: poller.running, timeout=2_000)
        # The emulator records a request halfway through its 4 s round trip: in flight.
        qtbot.waitUntil(lambda: bool(slow.records), timeout=5_000)
        started = time.monotonic()
        assert poller.shutdown()
        elapsed = time.monotonic() - started
    assert elapsed < 1.0
    assert not poller.running


def test_gui_event_loop_keeps_ticking_while_the_network_is_slow(
    qtbot: QtBot, poller_for: Callable[[Sandbox, ConnectionSettings], Poller]
) -> None:
    with Sandbox(latency=0.4) as slow:
        poller = poller_for(slow, settings_for(slow))
        seen = Recorder(poller)
        gaps: list[float] = []
        last = [time.monotonic()]

        def tick() -> None:
            now = time.monotonic()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.timeout.connect(tick)
        timer.start(5)
        poller.start()
        qtbot.waitUntil(lambda: len(seen.wallets) >= 3, timeout=15_000)
        timer.stop()
    # A design that waited on the network in the GUI thread would stall ≥ 400 ms here.
    assert max(gaps) < 0.2
    assert len(gaps) > 100


def test_retry_after_is_honoured_even_by_a_manual_refresh(
    qtbot: QtBot, sandbox: Sandbox, poller_for: Callable[[Sandbox, ConnectionSettings], Poller]
) -> None:
    sandbox.faults.add("rate_limit_exceeded", path="/balance", times=None, retry_after=120)
    poller = poller_for(sandbox, settings_for(sandbox))
    seen = Recorder(poller)
    poller.start()
    qtbot.waitUntil(lambda: bool(seen.rounds), timeout=10_000)
    status = seen.rounds[0].status
    assert status.state == "rate_limited"
    assert status.retry_at is not None
    assert status.retry_at - time.time() > 100
    asked = len(sandbox.requests_to("/balance"))
    with qtbot.waitSignal(poller.statusChanged, timeout=5_000) as held_back:
        poller.refresh()
    assert held_back.args[0].state == "rate_limited"
    assert held_back.args[0].message == "Rate limited by the API"  # held back by Retry-After
    assert len(seen.rounds) == 1  # no second round went out
    assert len(sandbox.requests_to("/balance")) == asked
