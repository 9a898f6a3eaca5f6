"""The main window: the three panels, the Refresh and Profiles actions, and the status bar.

It is a view over the poller facade: it connects the poller's signals to its own slots, hands
each value to the panel that shows it, and turns the user's requests into calls on the poller
(refresh, shutdown) or into signals the app acts on (``connectRequested``). It never touches
the network, the keyring or a thread: everything it gets has already been fetched.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wallet_gui.api.models import Configuration
from wallet_gui.reports import ErrorReport
from wallet_gui.settings import app_settings
from wallet_gui.state import ClockState, PollStatus, WalletBalances
from wallet_gui.ui.balances_panel import BalancesPanel
from wallet_gui.ui.clock_panel import ClockPanel
from wallet_gui.ui.configuration_panel import ConfigurationPanel
from wallet_gui.ui.formatting import format_countdown, format_local_time

log = logging.getLogger(__name__)

GEOMETRY_KEY = "window/geometry"
DEFAULT_SIZE = (1100, 720)
# Published limits of the Wallet API (per access token, and per account).
RATE_LIMIT_PER_MINUTE = 60
RATE_LIMIT_PER_HOUR = 1000

# Colour of the status bar's state dot, per PollStatus.state; calm tones, readable on light
# and dark status bars alike.
_STATE_DOT = {
    "connected": "#2e8b45",
    "connecting": "#c08a00",
    "rate_limited": "#c08a00",
    "failing": "#c0392b",
    "paused": "#8a8a8a",
    "stopped": "#8a8a8a",
}


class PollerFacade(Protocol):
    """What the window needs of ``wallet_gui.worker.Poller`` (a QObject on the GUI thread)."""

    clockChanged: Signal
    configurationChanged: Signal
    walletChanged: Signal
    statusChanged: Signal
    errorOccurred: Signal

    def refresh(self) -> None: ...

    def shutdown(self) -> bool: ...


class MainWindow(QMainWindow):
    """The monitor's one window.

    Args:
        poller: the poller facade; its signals feed the panels, and ``closeEvent`` shuts it down.
        error_sink: receives every ``ErrorReport`` (the app's error presenter); without one,
            errors are only logged.
        title_suffix: shown after "Wallet monitor — ", typically the profile name.
        wall_clock: the time source for countdowns; tests pass a fixed one.

    Signals:
        connectRequested(): the user asked for the profiles / credentials dialog.
    """

    connectRequested = Signal()

    #: How often the status bar's countdown is redrawn while a poll or retry is pending.
    COUNTDOWN_MS = 1000

    def __init__(
        self,
        poller: PollerFacade,
        *,
        error_sink: Callable[[ErrorReport], None] | None = None,
        title_suffix: str = "",
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self._poller = poller
        self._error_sink = error_sink
        self._wall_clock = wall_clock
        self._shut_down = False
        self._status: PollStatus | None = None
        self._retry_deadline: float | None = None
        self.set_title_suffix(title_suffix)

        self.clock_panel = ClockPanel()
        self.configuration_panel = ConfigurationPanel()
        self.balances_panel = BalancesPanel()
        self._build_central()
        self._build_actions()
        self._build_status_bar()

        # The only repeating timer of the window; it runs only while a deadline is ahead.
        self._countdown = QTimer(self)
        self._countdown.setObjectName("statusCountdownTimer")
        self._countdown.setInterval(self.COUNTDOWN_MS)
        self._countdown.timeout.connect(self._tick_countdown)

        # Bound @Slot methods only: the poller re-emits from its worker thread, and a lambda
        # would run there instead of on the GUI thread.
        poller.clockChanged.connect(self._on_clock_changed)
        poller.configurationChanged.connect(self._on_configuration_changed)
        poller.walletChanged.connect(self._on_wallet_changed)
        poller.statusChanged.connect(self._on_status_changed)
        poller.errorOccurred.connect(self._on_error)

        self._restore_geometry()

    # -- public API ----------------------------------------------------------------------

    @property
    def refresh_action(self) -> QAction:
        return self._refresh_action

    @property
    def connect_action(self) -> QAction:
        return self._connect_action

    def set_title_suffix(self, suffix: str) -> None:
        """Name the connected profile in the title (empty: just the app's name)."""
        title = self.tr("Wallet monitor")
        self.setWindowTitle(f"{title} — {suffix}" if suffix else title)

    # -- building ------------------------------------------------------------------------

    def _build_central(self) -> None:
        clock_box = QGroupBox(self.tr("Server clock"))
        clock_box.setObjectName("clockGroup")
        clock_layout = QVBoxLayout(clock_box)
        clock_layout.addWidget(self.clock_panel)

        self._tabs = QTabWidget()
        self._tabs.setObjectName("dataTabs")
        self._tabs.setDocumentMode(True)
        self._tabs.addTab(self.balances_panel, self.tr("Balances"))
        self._tabs.addTab(self.configuration_panel, self.tr("Server configuration"))

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("mainSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(clock_box)
        splitter.addWidget(self._tabs)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(9, 6, 9, 3)
        layout.addWidget(splitter)
        self.setCentralWidget(central)

    def _build_actions(self) -> None:
        style = self.style()
        self._refresh_action = QAction(self.tr("&Refresh"), self)
        self._refresh_action.setObjectName("refreshAction")
        self._refresh_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self._refresh_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        self._refresh_action.setToolTip(self.tr("Fetch balances and configuration now (F5)"))
        self._refresh_action.triggered.connect(self._on_refresh)

        self._connect_action = QAction(self.tr("&Profiles…"), self)
        self._connect_action.setObjectName("connectAction")
        self._connect_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon))
        self._connect_action.setToolTip(self.tr("Choose a profile or enter credentials"))
        self._connect_action.triggered.connect(self.connectRequested)

        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setObjectName("quitAction")
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)

        menu = self.menuBar().addMenu(self.tr("&Connection"))
        menu.addAction(self._connect_action)
        menu.addAction(self._refresh_action)
        menu.addSeparator()
        menu.addAction(quit_action)

        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("mainToolBar")
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self._refresh_action)
        toolbar.addAction(self._connect_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        for action, name in (
            (self._refresh_action, "refreshButton"),
            (self._connect_action, "connectButton"),
        ):
            button = toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setObjectName(name)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setObjectName("statusBar")
        self._state_dot = QLabel("●")
        self._state_dot.setObjectName("connectionStateDot")
        self._state_label = QLabel(self.tr("Not connected"))
        self._state_label.setObjectName("connectionStateLabel")
        self._state_label.setTextFormat(Qt.TextFormat.PlainText)
        # The state line carries server text of any length: let it shrink (and elide by
        # clipping) rather than push the window wider.
        self._state_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._poll_label = QLabel()
        self._poll_label.setObjectName("pollTimesLabel")
        self._poll_label.setTextFormat(Qt.TextFormat.PlainText)
        self._interval_label = QLabel()
        self._interval_label.setObjectName("intervalLabel")
        self._interval_label.setTextFormat(Qt.TextFormat.PlainText)
        self._interval_label.setToolTip(
            self.tr(
                "The Wallet API allows {minute} signed requests per minute and {hour} per hour. "
                "With this many wallets, polling at the requested interval would exceed that, "
                "so the app polls less often."
            ).format(minute=RATE_LIMIT_PER_MINUTE, hour=RATE_LIMIT_PER_HOUR)
        )
        self._interval_label.setContentsMargins(0, 0, 12, 0)  # keep it apart from the times
        self._interval_label.hide()
        bar.addWidget(self._state_dot)
        bar.addWidget(self._state_label, 1)
        bar.addPermanentWidget(self._interval_label)
        bar.addPermanentWidget(self._poll_label)
        self._paint_dot(None)

    # -- slots for the poller ------------------------------------------------------------

    @Slot(object)
    def _on_clock_changed(self, state: ClockState) -> None:
        self.clock_panel.set_state(state)

    @Slot(object)
    def _on_configuration_changed(self, configuration: Configuration) -> None:
        self.configuration_panel.set_configuration(configuration)

    @Slot(object)
    def _on_wallet_changed(self, wallet: WalletBalances) -> None:
        self.balances_panel.set_wallet(wallet)

    @Slot(object)
    def _on_status_changed(self, status: PollStatus) -> None:
        self._status = status
        if status.retry_at is not None:
            self._retry_deadline = status.retry_at
        elif status.backoff is not None:
            self._retry_deadline = self._wall_clock() + status.backoff
        else:
            self._retry_deadline = None
        self._state_label.setText(self._state_text(status))
        self._paint_dot(status.state)
        if status.stretched:
            self._interval_label.setText(
                self.tr(
                    "Poll interval stretched to {0} s to stay within the API's rate limits"
                ).format(f"{status.interval:g}")
            )
        self._interval_label.setVisible(status.stretched)
        self._tick_countdown()

    @Slot(object)
    def _on_error(self, report: ErrorReport) -> None:
        if self._error_sink is not None:
            self._error_sink(report)
        else:
            log.warning("%s: %s", report.context, report.message)

    # -- slots for the user --------------------------------------------------------------

    @Slot()
    def _on_refresh(self) -> None:
        self._poller.refresh()

    # -- status bar ----------------------------------------------------------------------

    def _state_text(self, status: PollStatus) -> str:
        names = {
            "connecting": self.tr("Connecting…"),
            "connected": self.tr("Connected"),
            "failing": self.tr("Connection failing"),
            "rate_limited": self.tr("Rate limited by the API"),
            "paused": self.tr("Paused"),
            "stopped": self.tr("Stopped"),
        }
        text = names.get(status.state, status.state)
        return f"{text}: {status.message}" if status.message else text

    def _paint_dot(self, state: str | None) -> None:
        colour = _STATE_DOT.get(state or "", "#8a8a8a")
        self._state_dot.setStyleSheet(f"QLabel {{ color: {colour}; }}")

    @Slot()
    def _tick_countdown(self) -> None:
        """Redraw the poll times; keep the timer running only while a deadline is ahead."""
        status = self._status
        if status is None:
            self._poll_label.setText("")
            self._countdown.stop()
            return
        now = self._wall_clock()
        parts = [self.tr("Last poll {0}").format(format_local_time(status.last_poll))]
        deadline: float | None
        if self._retry_deadline is not None:
            deadline = self._retry_deadline
            parts.append(
                self.tr("next try at {0}, {1}").format(
                    format_local_time(deadline), format_countdown(deadline - now)
                )
            )
        elif status.next_poll is not None:
            deadline = status.next_poll
            parts.append(
                self.tr("next poll {0}, {1}").format(
                    format_local_time(deadline), format_countdown(deadline - now)
                )
            )
        else:
            deadline = None
        self._poll_label.setText(" · ".join(parts))
        if deadline is not None and deadline > now and not self._shut_down:
            if not self._countdown.isActive():
                self._countdown.start()
        else:
            self._countdown.stop()

    # -- window state --------------------------------------------------------------------

    def _settings(self) -> QSettings:
        # The same file as the profiles: one place for everything that is not a secret.
        return app_settings()

    def _restore_geometry(self) -> None:
        self.resize(*DEFAULT_SIZE)
        saved = self._settings().value(GEOMETRY_KEY)
        if isinstance(saved, QByteArray) and not saved.isEmpty():
            self.restoreGeometry(saved)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop the countdown, stop the poller (once), then remember where the window was."""
        if not self._shut_down:
            self._shut_down = True
            self._countdown.stop()
            if not self._poller.shutdown():
                log.warning("The poller did not stop in time; closing anyway")
            self._settings().setValue(GEOMETRY_KEY, self.saveGeometry())
        super().closeEvent(event)
