"""The window recovers by itself after each class of fault, and backs off while failing.

Real ``Poller`` (worker thread, rate budget, backoff), real emulator, real ``MainWindow``.
One wallet per poller keeps the rate plan at its floor (one signed request per 4.5 s, the
hourly limit's share); the fault classes run side by side, one emulator client each, so
the whole recovery test costs one plan interval rather than one per class.
"""

from __future__ import annotations

import itertools
import secrets
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtWidgets import QLabel, QTableWidget
from pytestqt.qtbot import QtBot

from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.monitor import Monitor
from wallet_gui.core.poll_policy import PollPolicy
from wallet_gui.core.rate_budget import Backoff
from wallet_gui.core.reports import ErrorReport
from wallet_gui.core.state import PollStatus, RoundResult, WalletBalances
from wallet_gui.qt.poller import Poller
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox
from wallet_gui.ui.main_window import MainWindow

#: Fault class → (emulator fault, parameters, the ``ErrorReport.kind`` the window shows).
FAULT_CLASSES: dict[str, tuple[str, dict[str, object], str]] = {
    "api_error": ("internal_server_error", {}, "api"),
    "html_502": ("html_502", {}, "api"),
    "proxy_503_retry_after": ("empty_503", {"retry_after": 2}, "api"),
    "invalid_json": ("invalid_json", {}, "format"),
    "wrong_shape": ("wrong_shape", {}, "format"),
    "reset": ("reset", {}, "transport"),
    "timeout": ("slow", {"seconds": 3.0}, "transport"),
}
CLIENT_TIMEOUT_S = 1.0


@dataclass
class Watched:
    """One poller, its window, and what it emitted (on the GUI thread), timestamped."""

    label: str
    wallet_id: str
    poller: Poller
    window: MainWindow
    wallets: list[tuple[float, WalletBalances]] = field(default_factory=list)
    statuses: list[PollStatus] = field(default_factory=list)
    errors: list[ErrorReport] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.poller.roundFinished.connect(self._on_round)
        self.poller.statusChanged.connect(self.statuses.append)

    def _on_round(self, result: RoundResult) -> None:
        now = time.monotonic()
        self.wallets.extend((now, wallet) for wallet in result.wallets)
        self.statuses.append(result.status)

    def failed_then_recovered(self) -> bool:
        seen_error = False
        for _, wallet in self.wallets:
            seen_error = seen_error or wallet.error is not None
            if seen_error and wallet.error is None and wallet.balances is not None:
                return bool(self.statuses) and self.statuses[-1].state == "connected"
        return False


@pytest.fixture
def windows(qtbot: QtBot) -> Iterator[list[Watched]]:
    opened: list[Watched] = []
    yield opened
    for watched in opened:
        watched.window.close()  # shuts its poller down
    assert not [w.label for w in opened if w.poller.running]


class UnstretchedPolicy(PollPolicy):
    """Polls at the interval asked for: the plan's floor would hide a sub-second backoff."""

    @property
    def interval(self) -> float:
        return self.requested_interval


def watch(
    qtbot: QtBot,
    windows: list[Watched],
    label: str,
    settings: ConnectionSettings,
    key: str,
    *,
    timeout: float = CLIENT_TIMEOUT_S,
    policy: PollPolicy | None = None,
) -> Watched:
    poller = Poller(lambda: Monitor(settings, key, timeout=timeout), settings, policy=policy)
    errors: list[ErrorReport] = []
    window = MainWindow(poller, error_sink=errors.append, title_suffix=label)
    qtbot.addWidget(window)
    watched = Watched(label, settings.wallet_ids[0], poller, window, errors=errors)
    windows.append(watched)
    poller.start()
    return watched


def table_text(window: MainWindow) -> str:
    table = window.findChild(QTableWidget, "balancesTable")
    assert table is not None
    return " | ".join(
        table.item(r, c).text()
        for r in range(table.rowCount())
        for c in range(table.columnCount())
        if table.item(r, c) is not None
    )


def test_every_fault_class_clears_by_itself_on_the_next_good_answer(
    qtbot: QtBot, windows: list[Watched]
) -> None:
    clients = {f"client-{label}": secrets.token_urlsafe(24) for label in FAULT_CLASSES}
    with Sandbox(clients=clients, seed=5) as sandbox:
        wallet_ids = [str(w) for w in sandbox.add_wallets(len(FAULT_CLASSES))]
        watched: dict[str, Watched] = {}
        for (label, (fault, params, _kind)), wallet_id in zip(
            FAULT_CLASSES.items(), wallet_ids, strict=True
        ):
            sandbox.faults.add(fault, path=f"/wallet/{wallet_id}/balance", times=1, **params)
            settings = ConnectionSettings(
                profile=label,
                base_url=sandbox.url,
                client_id=f"client-{label}",
                wallet_ids=(wallet_id,),
                interval=1.0,
            )
            watched[label] = watch(qtbot, windows, label, settings, clients[f"client-{label}"])

        qtbot.waitUntil(
            lambda: all(w.failed_then_recovered() for w in watched.values()), timeout=25_000
        )
        records = {w: sandbox.requests_to(f"/wallet/{w}/balance") for w in wallet_ids}
        truth = {w: sandbox.balances[int(w)]["EUR"]["at_disposal_decimal"] for w in wallet_ids}

    for label, w in watched.items():
        fault, params, kind = FAULT_CLASSES[label]
        failed_at, failed = w.wallets[0]
        assert failed.balances is None, label
        assert failed.error is not None, label
        assert failed.error.kind == kind, (label, failed.error)
        failing = next(s for s in w.statuses if s.state in ("failing", "rate_limited"))
        assert failing.retry_at is not None, label
        # The next good answer replaced the error: balances back, error gone, state connected.
        recovered_at, recovered = next((t, x) for t, x in w.wallets if x.error is None)
        assert recovered.balances is not None, label
        assert recovered.updated_at is not None, label
        assert str(recovered.balances["EUR"].at_disposal) == truth[w.wallet_id], label
        final = w.statuses[-1]
        assert final.state == "connected", (label, final)
        assert final.retry_at is None, (label, final)
        assert final.message == "", (label, final)
        # By itself, at the next planned poll (or after Retry-After): not early, not late.
        wait = max(final.interval, float(params.get("retry_after", 0)))  # type: ignore[arg-type]
        assert recovered_at - failed_at <= wait + 2.5, (label, recovered_at - failed_at)
        # One failed request, then one good one: no retry storm in between.
        first_two = records[w.wallet_id][:2]
        assert [r.fault for r in first_two] == [fault, None], (label, first_two)
        assert first_two[1].status == 200, label
        # And the window shows it: the amounts, no failure text, "Connected".
        text = table_text(w.window)
        assert "Balance unavailable" not in text, (label, text)
        assert "EUR" in text, (label, text)
        state = w.window.findChild(QLabel, "connectionStateLabel")
        assert state is not None
        assert state.text().startswith("Connected"), (label, state.text())
        assert [e.kind for e in w.errors] == [kind], (label, w.errors)


def test_backoff_grows_after_repeated_total_failures_is_capped_and_resets_on_success(
    qtbot: QtBot,
    windows: list[Watched],
    sandbox: Sandbox,
    demo_key: str,
) -> None:
    """The worker's own backoff, scaled down so that the cap is reached in seconds.

    The rate plan's floor (4.5 s for one wallet) would hide a sub-second backoff, so the
    plan is set to the requested interval here; ``RateBudget`` still limits what is sent.
    """
    base, cap, interval = 0.4, 1.6, 0.25
    path = "/wallet/14471/balance"
    failures = ("html_502", "reset", "invalid_json", "internal_server_error", "empty_500", "close")
    for fault in failures:
        sandbox.faults.add(fault, path=path, times=1)
    settings = ConnectionSettings(
        profile="backoff",
        base_url=sandbox.url,
        client_id=DEMO_CLIENT_ID,
        wallet_ids=("14471",),
        interval=interval,
    )
    policy = UnstretchedPolicy(
        settings.wallet_ids,
        interval,
        backoff=Backoff(base=base, cap=cap),
        clock_backoff=Backoff(base=base, cap=cap),
    )
    w = watch(qtbot, windows, "backoff", settings, demo_key, timeout=2.0, policy=policy)

    def connected_after_failures() -> bool:
        states = [s.state for s in w.statuses]
        return "failing" in states and states[-1] == "connected"

    qtbot.waitUntil(connected_after_failures, timeout=20_000)
    failing = [s for s in w.statuses if s.state == "failing"]
    delays = [s.backoff for s in failing]
    assert len(delays) == len(failures), delays
    assert all(d is not None for d in delays)
    for number, delay in enumerate(delays, start=1):
        ceiling = min(cap, base * 2 ** (number - 1))
        # Full jitter in [ceiling/2, ceiling], never below the poll interval.
        assert max(interval, ceiling / 2) - 0.02 <= delay <= ceiling + 0.01, (number, delays)  # type: ignore[operator]
    assert delays[0] < delays[1] < delays[2]  # type: ignore[operator]
    assert max(delays) <= cap + 0.01  # type: ignore[type-var]
    # The waits really happened: no request went out before its retry time.
    sent = [r.server_time for r in sandbox.requests_to(path)]
    for gap, delay in zip((b - a for a, b in itertools.pairwise(sent)), delays, strict=False):
        assert gap >= 0.9 * delay - 0.05, (sent, delays)  # type: ignore[operator]
    # Immediate recovery: the first success goes straight back to the plain interval.
    after_failures = w.statuses[w.statuses.index(failing[-1]) :]
    recovered = next(s for s in after_failures if s.state == "connected")
    assert recovered.retry_at is None
    assert recovered.next_poll is not None
    assert recovered.last_poll is not None
    assert recovered.next_poll - recovered.last_poll == pytest.approx(interval, abs=0.1)

    # After a success the backoff starts from the beginning again.
    seen = len(failing)
    sandbox.faults.add("html_502", path=path, times=1)
    qtbot.waitUntil(
        lambda: (
            len([s for s in w.statuses if s.state == "failing"]) > seen
            and w.statuses[-1].state == "connected"
        ),
        timeout=10_000,
    )
    again = [s for s in w.statuses if s.state == "failing"][seen]
    assert again.backoff is not None
    assert again.backoff <= base + 0.01
