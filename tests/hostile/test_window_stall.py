"""A stalled server reads as such in the window, times out into a normal error, and polling
goes on; a bug in a poll step becomes one report and polling goes on too."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.hostile.server import HostileServer, SeenRequest, Step, drip, reply
from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.monitor import Monitor
from wallet_gui.core.poll_policy import PollPolicy
from wallet_gui.core.rate_budget import Backoff
from wallet_gui.core.reports import ErrorReport
from wallet_gui.qt.poller import Poller
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox
from wallet_gui.ui.main_window import MainWindow

#: Longer than the window's 2 s "slow request" threshold, so the waiting line shows first.
DEADLINE_S = 4.0
HEADERS = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n"


def balances_drip(request: SeenRequest) -> list[Step]:
    if request.path.endswith("/server"):
        return reply(200, {"time": int(time.time())})
    if request.path.endswith("/configuration"):
        return reply(200, {"minimum_password_length": 8})
    return [HEADERS, *drip(b"{}" * 20, 1.0)]


class FastRetries(PollPolicy):
    """Retries in about a second, so the test sees polling go on without waiting minutes."""

    @property
    def interval(self) -> float:
        return 1.0


@pytest.fixture
def hostile() -> Iterator[HostileServer]:
    with HostileServer(balances_drip) as server:
        yield server


def open_window(
    qtbot: QtBot, settings: ConnectionSettings, key: str, errors: list[ErrorReport]
) -> tuple[Poller, MainWindow]:
    policy = FastRetries(settings.wallet_ids, 1.0, backoff=Backoff(base=0.5, cap=1.0))
    poller = Poller(lambda: Monitor(settings, key, timeout=DEADLINE_S), settings, policy=policy)
    window = MainWindow(poller, error_sink=errors.append, title_suffix="stall")
    qtbot.addWidget(window)
    window.show()
    poller.start()
    return poller, window


def test_a_dripping_answer_shows_as_waiting_then_times_out_and_polling_goes_on(
    qtbot: QtBot, hostile: HostileServer
) -> None:
    settings = ConnectionSettings(
        profile="stall", base_url=hostile.url, client_id="x", wallet_ids=("14471",)
    )
    errors: list[ErrorReport] = []
    _poller, window = open_window(qtbot, settings, "k" * 32, errors)
    try:
        waiting = window.findChild(QLabel, "slowRequestLabel")
        assert waiting is not None
        qtbot.waitUntil(lambda: waiting.isVisible(), timeout=10_000)  # {hostile.requests}
        assert "Waiting for the server: Balances" in waiting.text()
        qtbot.waitUntil(lambda: any(e.kind == "transport" for e in errors), timeout=15_000)
        timed_out = next(e for e in errors if e.kind == "transport")
        assert "within" in timed_out.message  # a normal, readable timeout error
        balance_requests = [r for r in hostile.requests if r.path.endswith("/balance")]
        assert hostile.wait_for_requests(len(hostile.requests) + 1)  # still polling
        qtbot.waitUntil(
            lambda: (
                len([r for r in hostile.requests if r.path.endswith("/balance")])
                > len(balance_requests)
            ),
            timeout=10_000,
        )
    finally:
        window.close()


def test_a_bug_in_a_poll_step_is_one_internal_error_and_polling_goes_on(
    qtbot: QtBot, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    original = Monitor.balances

    def broken_once(self: Monitor, wallet_ids: object) -> object:
        calls.append(1)
        if len(calls) == 1:
            raise ZeroDivisionError("a bug of ours")
        return original(self, wallet_ids)  # type: ignore[arg-type]

    monkeypatch.setattr(Monitor, "balances", broken_once)
    settings = ConnectionSettings(
        profile="bug", base_url=sandbox.url, client_id=DEMO_CLIENT_ID, wallet_ids=("14471",)
    )
    errors: list[ErrorReport] = []
    poller, window = open_window(qtbot, settings, sandbox.clients[DEMO_CLIENT_ID], errors)
    rounds: list[object] = []
    poller.roundFinished.connect(rounds.append)
    try:
        qtbot.waitUntil(lambda: bool(rounds), timeout=15_000)  # a later round succeeded
        internal = [e for e in errors if e.kind == "internal"]
        assert len(internal) == 1
        assert internal[0].message == "internal error (ZeroDivisionError)"
        assert "a bug of ours" not in internal[0].message  # the traceback goes to the log only
    finally:
        window.close()
