"""The main window: wiring to the poller, actions, status bar, shutdown and geometry."""

from __future__ import annotations

from decimal import Decimal
from types import MappingProxyType

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidget, QToolButton
from pytestqt.qtbot import QtBot

from tests.ui.fakes import NOW, FakePoller
from wallet_gui.api.models import Configuration, CurrencyBalance
from wallet_gui.reports import ErrorReport
from wallet_gui.settings import app_settings
from wallet_gui.state import ClockState, PollStatus, WalletBalances
from wallet_gui.ui.formatting import format_local_time
from wallet_gui.ui.main_window import GEOMETRY_KEY, MainWindow


def status_text(window: MainWindow, name: str) -> str:
    label = window.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def test_window_is_named_and_titled_with_the_suffix(window: MainWindow) -> None:
    assert window.objectName() == "mainWindow"
    assert window.windowTitle() == "Wallet monitor — test"


def test_default_size_fits_the_layout(window: MainWindow) -> None:
    assert (window.width(), window.height()) == (1100, 720)


def test_refresh_button_calls_the_poller(
    qtbot: QtBot, window: MainWindow, poller: FakePoller
) -> None:
    button = window.findChild(QToolButton, "refreshButton")
    assert button is not None
    assert button.text() == "Refresh"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert poller.refresh_calls == 1


def test_f5_calls_the_poller(qtbot: QtBot, window: MainWindow, poller: FakePoller) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert poller.refresh_calls == 1


def test_profiles_action_asks_the_app_to_connect(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.connectRequested, timeout=1000):
        window.connect_action.trigger()


def test_poller_signals_reach_the_panels(window: MainWindow, poller: FakePoller) -> None:
    poller.clockChanged.emit(ClockState(offset=-1.5, half_width=0.02))
    poller.configurationChanged.emit(
        Configuration(
            minimum_password_length=8, raw=MappingProxyType({"minimum_password_length": 8})
        )
    )
    poller.walletChanged.emit(
        WalletBalances(
            wallet_id="14471",
            balances={"EUR": CurrencyBalance("EUR", Decimal("22.99"), Decimal("0.00"))},
            updated_at=NOW,
        )
    )
    assert status_text(window, "clockOffsetLabel") == "−1.500 s ± 0.020 s"
    config = window.findChild(QTableWidget, "configurationTable")
    assert config is not None
    assert config.item(0, 1).text() == "8"
    balances = window.findChild(QTableWidget, "balancesTable")
    assert balances is not None
    assert balances.item(0, 2).text() == "22.99 EUR"


def test_error_reports_reach_the_injected_sink(
    window: MainWindow, poller: FakePoller, reported: list[ErrorReport]
) -> None:
    report = ErrorReport(context="Server time", kind="transport", message="connection refused")
    poller.errorOccurred.emit(report)
    assert reported == [report]


def test_without_a_sink_errors_are_logged(qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    poller = FakePoller()
    win = MainWindow(poller)
    qtbot.addWidget(win)
    poller.errorOccurred.emit(ErrorReport(context="Server time", kind="transport", message="boom"))
    assert "boom" in caplog.text
    win.close()


def test_status_bar_shows_state_and_poll_times(window: MainWindow, poller: FakePoller) -> None:
    poller.statusChanged.emit(PollStatus(state="connected", last_poll=NOW - 5, next_poll=NOW + 25))
    assert status_text(window, "connectionStateLabel") == "Connected"
    times = status_text(window, "pollTimesLabel")
    assert f"Last poll {format_local_time(NOW - 5)}" in times
    assert f"next poll {format_local_time(NOW + 25)}, in 25 s" in times
    assert not window.findChild(QLabel, "intervalLabel").isVisibleTo(window)


def test_status_bar_says_when_the_interval_is_stretched(
    window: MainWindow, poller: FakePoller
) -> None:
    poller.statusChanged.emit(PollStatus(state="connected", interval=45.0, requested_interval=30.0))
    label = window.findChild(QLabel, "intervalLabel")
    assert label is not None
    assert label.isVisibleTo(window)
    assert label.text() == "Poll interval stretched to 45 s to stay within the API's rate limits"
    assert "60 signed requests per minute" in label.toolTip()
    assert "1000 per hour" in label.toolTip()


def test_rate_limited_state_says_when_the_next_try_is(
    window: MainWindow, poller: FakePoller
) -> None:
    poller.statusChanged.emit(PollStatus(state="rate_limited", last_poll=NOW, retry_at=NOW + 40))
    assert status_text(window, "connectionStateLabel") == "Rate limited by the API"
    assert f"next try at {format_local_time(NOW + 40)}, in 40 s" in status_text(
        window, "pollTimesLabel"
    )


def test_backoff_counts_from_when_the_status_arrived(
    window: MainWindow, poller: FakePoller
) -> None:
    poller.statusChanged.emit(
        PollStatus(state="failing", message="connection refused", backoff=8.0)
    )
    assert status_text(window, "connectionStateLabel") == "Connection failing: connection refused"
    assert "in 8 s" in status_text(window, "pollTimesLabel")


def test_countdown_timer_runs_only_while_a_poll_is_ahead(
    window: MainWindow, poller: FakePoller
) -> None:
    timer = window._countdown
    poller.statusChanged.emit(PollStatus(state="connected", next_poll=NOW + 10))
    assert timer.isActive()
    poller.statusChanged.emit(PollStatus(state="paused"))
    assert not timer.isActive()


def test_closing_twice_shuts_the_poller_down_once(window: MainWindow, poller: FakePoller) -> None:
    poller.statusChanged.emit(PollStatus(state="connected", next_poll=NOW + 10))
    window.show()
    window.close()
    window.close()
    assert poller.shutdown_calls == 1
    assert not window._countdown.isActive()


def test_geometry_is_saved_on_close_and_restored(qtbot: QtBot, poller: FakePoller) -> None:
    first = MainWindow(poller)
    qtbot.addWidget(first)
    # Smaller than the offscreen screen (800×600), which restoreGeometry() would clamp to.
    first.resize(700, 500)
    first.close()
    assert app_settings().value(GEOMETRY_KEY) is not None

    second = MainWindow(FakePoller())
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)
    second.close()
