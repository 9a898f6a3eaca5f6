"""The main window: wiring to the poller, actions, status bar, shutdown and geometry."""

from __future__ import annotations

import html
from dataclasses import replace
from decimal import Decimal
from types import MappingProxyType

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.fakes import NOW, FakePoller
from wallet_gui.api.models import Configuration, CurrencyBalance
from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.reports import ErrorReport
from wallet_gui.core.state import ClockState, PollStatus, RoundResult, WalletBalances
from wallet_gui.ui.formatting import ClockLevel, format_local_time
from wallet_gui.ui.main_window import GEOMETRY_KEY, MainWindow
from wallet_gui.ui.status_line import Tone
from wallet_gui.ui.window_settings import window_settings


def status_text(window: MainWindow, name: str) -> str:
    label = window.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def test_window_is_named_and_titled_with_the_suffix(window: MainWindow) -> None:
    assert window.objectName() == "mainWindow"
    assert window.windowTitle() == "Wallet monitor — test"


def test_first_window_fits_the_available_screen(window: MainWindow) -> None:
    # The offscreen screen (800×800) is narrower than the 1100×720 default: the window
    # shrinks to it, leaving room for the frame, instead of hanging off the edge.
    available = window.screen().availableGeometry()
    assert available.width() < 1100
    assert window.width() <= available.width() - 16
    assert window.height() == 720
    assert available.contains(window.frameGeometry())


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
    poller.roundFinished.emit(
        RoundResult(
            wallets=(
                WalletBalances(
                    wallet_id="14471",
                    balances={"EUR": CurrencyBalance("EUR", Decimal("22.99"), Decimal("0.00"))},
                    updated_at=NOW,
                ),
            ),
            status=PollStatus(state="connected", last_poll=NOW, next_poll=NOW + 30),
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


def test_a_rate_limit_message_reads_once_and_leaves_the_wait_to_the_countdown(
    window: MainWindow, poller: FakePoller
) -> None:
    poller.statusChanged.emit(
        PollStatus(
            state="rate_limited",
            message="Rate limited by the API; next try in 30 s",
            last_poll=NOW,
            retry_at=NOW + 30,
        )
    )
    assert status_text(window, "connectionStateLabel") == "Rate limited by the API"
    assert "in 30 s" in status_text(window, "pollTimesLabel")
    assert window.status_line.tone is Tone.WARNING


@pytest.mark.parametrize(
    ("message", "text"),
    [
        ("1 wallet(s) failed", "Connected, 1 wallet failed"),
        ("3 wallet(s) failed", "Connected, 3 wallets failed"),
    ],
)
def test_connected_with_failed_wallets_says_so_once_with_an_amber_dot(
    window: MainWindow, poller: FakePoller, message: str, text: str
) -> None:
    poller.statusChanged.emit(PollStatus(state="connected", message=message))
    assert status_text(window, "connectionStateLabel") == text
    assert window.status_line.tone is Tone.WARNING


@pytest.mark.parametrize(
    ("status", "text", "tone"),
    [
        (PollStatus(state="connecting"), "Connecting…", Tone.WARNING),
        (
            PollStatus(state="connecting", message="Measuring the clock and the configuration…"),
            "Connecting: measuring the clock and the configuration…",
            Tone.WARNING,
        ),
        (PollStatus(state="connected"), "Connected", Tone.GOOD),
        (
            PollStatus(state="rate_limited", message="Waiting for the API's rate budget"),
            "Waiting for the API's rate budget",
            Tone.WARNING,
        ),
        (
            PollStatus(state="failing", message="HTTP 502 from the proxy"),
            "Connection failing: HTTP 502 from the proxy",
            Tone.BAD,
        ),
        (
            PollStatus(state="failing", message="Connection failing: reset"),
            "Connection failing: reset",
            Tone.BAD,
        ),
        (PollStatus(state="paused"), "Paused", Tone.IDLE),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_each_state_text_says_each_thing_once_beside_a_matching_dot(
    window: MainWindow, poller: FakePoller, status: PollStatus, text: str, tone: Tone
) -> None:
    poller.statusChanged.emit(status)
    assert status_text(window, "connectionStateLabel") == text
    assert window.status_line.tone is tone
    dot = window.findChild(QWidget, "connectionStateDot")
    assert dot is not None
    assert text in html.unescape(dot.toolTip())


def test_a_long_state_text_is_elided_not_widening_the_window(
    qtbot: QtBot, window: MainWindow, poller: FakePoller
) -> None:
    window.show()
    qtbot.waitExposed(window)
    width = window.width()
    message = "forbidden (HTTP 403): " + "no rights to read this wallet " * 20
    poller.statusChanged.emit(PollStatus(state="failing", message=message))
    label = window.findChild(QLabel, "connectionStateLabel")
    assert label is not None
    assert label.text().startswith("Connection failing: forbidden (HTTP 403)")
    assert "no rights to read this wallet" in label.toolTip()
    assert window.width() == width
    assert label.width() < label.fontMetrics().horizontalAdvance(label.text())


def test_the_problems_indicator_shows_the_open_count_and_hides_at_zero(
    window: MainWindow,
) -> None:
    indicator = window.findChild(QToolButton, "problemsIndicator")
    assert indicator is not None
    assert not indicator.isVisibleTo(window)

    window.status_line.show_problems(2)
    assert indicator.isVisibleTo(window)
    assert indicator.text() == "2 problems"

    window.status_line.show_problems(0)
    assert not indicator.isVisibleTo(window)


def test_the_dot_colour_suits_a_dark_palette_too(window: MainWindow, poller: FakePoller) -> None:
    poller.statusChanged.emit(PollStatus(state="failing", message="reset"))
    dot = window.findChild(QWidget, "connectionStateDot")
    assert dot is not None
    light = dot.colour()  # type: ignore[attr-defined]
    palette = dot.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    dot.setPalette(palette)
    dark = dot.colour()  # type: ignore[attr-defined]
    assert dark.lightness() > light.lightness()


def test_countdown_timer_runs_only_while_a_poll_is_ahead(
    window: MainWindow, poller: FakePoller
) -> None:
    timer = window.status_line.countdown
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
    assert not window.status_line.countdown.isActive()


def test_geometry_is_saved_on_close_and_restored(qtbot: QtBot, poller: FakePoller) -> None:
    first = MainWindow(poller)
    qtbot.addWidget(first)
    # Smaller than the offscreen screen (800×600), which restoreGeometry() would clamp to.
    first.resize(700, 500)
    first.close()
    assert window_settings().value(GEOMETRY_KEY) is not None

    second = MainWindow(FakePoller())
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)
    second.close()


def test_profiles_action_has_ctrl_p(window: MainWindow) -> None:
    assert window.connect_action.shortcut() == QKeySequence("Ctrl+P")
    assert "Ctrl+P" in window.connect_action.toolTip()


def test_no_wallet_ids_shows_how_to_add_them(qtbot: QtBot, poller: FakePoller) -> None:
    win = MainWindow(poller, wallet_ids=())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    hint = win.findChild(QLabel, "balancesPlaceholderLabel")
    assert hint is not None
    assert hint.isVisible()
    assert "No wallets to watch" in hint.text()
    assert "Profiles…" in hint.text()
    button = win.findChild(QPushButton, "balancesPlaceholderButton")
    assert button is not None
    with qtbot.waitSignal(win.connectRequested, timeout=1000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    win.close()


def test_an_unreachable_server_turns_the_clock_badge_grey(
    window: MainWindow, poller: FakePoller
) -> None:
    poller.clockChanged.emit(ClockState(offset=0.2, half_width=0.02, measured_at=NOW - 5))
    assert window.clock_panel.level is ClockLevel.FINE
    poller.errorOccurred.emit(
        ErrorReport(context="Clock measurement", kind="transport", message="connection refused")
    )
    assert window.clock_panel.level is ClockLevel.STALE
    assert status_text(window, "clockStatusLabel") == "Clock unknown"
    # An answer from the server (a good round) lifts it again.
    poller.roundFinished.emit(
        RoundResult(
            wallets=(WalletBalances(wallet_id="1", balances={}, updated_at=NOW),),
            status=PollStatus(state="connected"),
        )
    )
    assert window.clock_panel.level is ClockLevel.FINE


def test_help_menu_has_the_readme_and_about(qtbot: QtBot, window: MainWindow) -> None:
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Connection", "&Help"]
    readme = window.findChild(QAction, "readmeAction")
    about = window.findChild(QAction, "aboutAction")
    assert readme is not None
    assert about is not None
    assert readme.isEnabled()  # the tests run from a clone
    assert readme.toolTip().endswith("README.md")

    about.trigger()

    dialog = window.findChild(QDialog, "aboutDialog")
    assert dialog is not None
    assert dialog.isVisible()
    dialog.close()


def test_plain_http_to_another_computer_shows_a_persistent_note(qtbot: QtBot) -> None:
    remote, local = FakePoller(), FakePoller()
    remote.settings = ConnectionSettings(base_url="http://wallet.example.com/rest/v1")  # type: ignore[attr-defined]
    local.settings = replace(remote.settings, base_url="http://127.0.0.1:8080/rest/v1")  # type: ignore[attr-defined]
    windows = [MainWindow(poller, title_suffix="t") for poller in (remote, local)]
    for window in windows:
        qtbot.addWidget(window)
    note = windows[0].findChild(QLabel, "cleartextNote")
    assert note is not None
    assert "unencrypted" in note.text()
    assert windows[1].findChild(QLabel, "cleartextNote") is None
    for window in windows:
        window.close()
