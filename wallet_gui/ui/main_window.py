"""The main window: the clock, the data tabs, the File, Connection and Help menus, the status bar.

It is a view over the poller facade: it connects the poller's signals to its own slots, hands
each value to the panel that shows it, and turns the user's requests into calls on the poller
(refresh, shutdown) or into signals the app acts on (``connectRequested``). It never touches
the network, the keyring or a thread: everything it gets has already been fetched.

What it remembers between sessions (geometry, tab, splitter, columns, the chart's range) is
``window_state``'s business; the Help menu is ``help_menu``'s. The History, Transactions and
Events tabs are filled by the app's history wiring (``app_history``), which owns the store.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QSettings, QSize, Qt, Signal, SignalInstance, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QGroupBox,
    QMainWindow,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wallet_gui.api.models import Configuration
from wallet_gui.api.urls import is_cleartext_remote
from wallet_gui.core.clock_continuity import through_history
from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.history.series import DriftEstimate
from wallet_gui.core.reports import ErrorReport
from wallet_gui.core.state import (
    ClockPoint,
    ClockState,
    PollState,
    PollStatus,
    RequestInFlight,
    RoundResult,
)
from wallet_gui.ui.balances_panel import BalancesPanel
from wallet_gui.ui.clock_panel import ClockPanel
from wallet_gui.ui.configuration_panel import ConfigurationPanel
from wallet_gui.ui.events_panel import EventsPanel
from wallet_gui.ui.help_menu import HelpMenu
from wallet_gui.ui.history_panel import HistoryPanel, HistoryReader
from wallet_gui.ui.plain_text import plain_label
from wallet_gui.ui.statements_panel import StatementsPanel
from wallet_gui.ui.status_line import StatusLine
from wallet_gui.ui.window_settings import window_settings
from wallet_gui.ui.window_state import GEOMETRY_KEY, WindowState

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1100, 720)
PROFILES_SHORTCUT = QKeySequence("Ctrl+P")

__all__ = ["DEFAULT_SIZE", "GEOMETRY_KEY", "PROFILES_SHORTCUT", "MainWindow", "PollerFacade"]


class PollerFacade(Protocol):
    """What the window needs of ``wallet_gui.qt.poller.Poller`` (a QObject on the GUI thread)."""

    @property
    def clockChanged(self) -> SignalInstance: ...
    @property
    def configurationChanged(self) -> SignalInstance: ...
    @property
    def roundFinished(self) -> SignalInstance: ...
    @property
    def statusChanged(self) -> SignalInstance: ...
    @property
    def errorOccurred(self) -> SignalInstance: ...
    @property
    def requestChanged(self) -> SignalInstance: ...

    def refresh(self) -> None: ...

    def shutdown(self) -> bool: ...


class MainWindow(QMainWindow):
    """The monitor's one window.

    Args:
        poller: the poller facade; its signals feed the panels, and ``closeEvent`` shuts it down.
        error_sink: receives every ``ErrorReport`` (the app's error presenter); without one,
            errors are only logged.
        title_suffix: shown after "Wallet monitor — ", typically the profile name.
        wall_clock: the time source for countdowns and the clock estimate's age; tests pass a
            fixed one.
        wallet_ids: the wallets being watched, for the empty table's hint; by default the
            poller's ``settings.wallet_ids`` when it has settings (``None``: not known).
        history: the history store to chart from (``None``: no history), and
        profile: whose history it is.

    Signals:
        connectRequested(): the user asked for the profiles / credentials dialog.
        exportRequested(): File ▸ Export… (the app opens the export dialog on its store).
    """

    connectRequested = Signal()
    exportRequested = Signal()

    def __init__(
        self,
        poller: PollerFacade,
        *,
        error_sink: Callable[[ErrorReport], None] | None = None,
        title_suffix: str = "",
        wall_clock: Callable[[], float] = time.time,
        wallet_ids: tuple[str, ...] | None = None,
        history: HistoryReader | None = None,
        profile: str | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self._poller = poller
        self._error_sink = error_sink
        self._wall_clock = wall_clock
        self._shut_down = False
        self.set_title_suffix(title_suffix)

        self.clock_panel = ClockPanel(wall_clock=wall_clock)
        self.configuration_panel = ConfigurationPanel()
        shortcut = PROFILES_SHORTCUT.toString(QKeySequence.SequenceFormat.NativeText)
        self.balances_panel = BalancesPanel(profiles_shortcut=shortcut)
        self.statements_panel = StatementsPanel()
        self.history_panel = HistoryPanel(history, profile)  # reads only once shown
        self._has_history = history is not None
        self.events_panel = EventsPanel()
        self._wallet_labels: tuple[tuple[str, str], ...] = ()
        self._clock_state: ClockState | None = None
        self._earlier_clock: tuple[ClockPoint, ...] = ()
        self._drift: DriftEstimate | None = None
        settings = getattr(poller, "settings", None)
        if not isinstance(settings, ConnectionSettings):
            settings = None
        if wallet_ids is None and settings is not None:
            wallet_ids = settings.wallet_ids
        self.balances_panel.set_expected_wallets(wallet_ids)
        self._build_central(
            cleartext=settings is not None and is_cleartext_remote(settings.base_url)
        )
        self._build_actions()
        self._build_help_menu()
        self.status_line = StatusLine(self.statusBar(), wall_clock=wall_clock)

        # Bound @Slot methods only: the poller re-emits from its worker thread, and a lambda
        # would run there instead of on the GUI thread.
        poller.clockChanged.connect(self._on_clock_changed)
        poller.configurationChanged.connect(self._on_configuration_changed)
        poller.roundFinished.connect(self._on_round_finished)
        poller.statusChanged.connect(self._on_status_changed)
        poller.errorOccurred.connect(self._on_error)
        poller.requestChanged.connect(self._on_request_changed)

        self._window_state = WindowState(
            self._settings,
            self,
            self._tabs,
            self._splitter,
            {
                "balances": self.balances_panel.columns,
                "configuration": self.configuration_panel.columns,
            },
            self.clock_panel.chart,
        )
        self._window_state.restore(QSize(*DEFAULT_SIZE))

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

    def _build_central(self, *, cleartext: bool) -> None:
        clock_box = QGroupBox(self.tr("Server clock"))
        clock_box.setObjectName("clockGroup")
        clock_layout = QVBoxLayout(clock_box)
        clock_layout.addWidget(self.clock_panel)

        self._tabs = QTabWidget()
        self._tabs.setObjectName("dataTabs")
        self._tabs.setDocumentMode(True)
        self._tabs.addTab(self.balances_panel, self.tr("Balances"))
        self._tabs.addTab(self.statements_panel, self.tr("Transactions"))
        self._tabs.addTab(self.history_panel, self.tr("History"))
        self._tabs.addTab(self.events_panel, self.tr("Events"))
        self._tabs.addTab(self.configuration_panel, self.tr("Server configuration"))

        self._splitter = splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("mainSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(clock_box)
        splitter.addWidget(self._tabs)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(9, 6, 9, 3)
        if cleartext:
            # Persistent: plain http:// to another computer is readable on the way.
            note = plain_label("cleartextNote")
            note.setText(
                self.tr(
                    "This profile uses plain http:// to another computer: requests and answers "
                    "cross the network unencrypted. Use https:// unless you know why not."
                )
            )
            note.setStyleSheet("QLabel { font-weight: bold; }")
            layout.addWidget(note)
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
        self._connect_action.setShortcut(PROFILES_SHORTCUT)
        self._connect_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon))
        self._connect_action.setToolTip(
            self.tr("Choose a profile or enter credentials ({0})").format(
                PROFILES_SHORTCUT.toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self._connect_action.triggered.connect(self.connectRequested)
        self.balances_panel.profilesRequested.connect(self._connect_action.trigger)

        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setObjectName("quitAction")
        # The platform's Quit key is empty on some platforms (Windows, offscreen): Ctrl+Q too,
        # and from any window of the app (the error window may have the focus).
        keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
        if QKeySequence("Ctrl+Q") not in keys:
            keys.append(QKeySequence("Ctrl+Q"))
        quit_action.setShortcuts(keys)
        quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        quit_action.triggered.connect(self.close)

        self._export_action = QAction(self.tr("&Export…"), self)
        self._export_action.setObjectName("exportAction")
        self._export_action.setToolTip(
            self.tr("Write balances, clock, transactions or events as CSV")
        )
        self._export_action.setEnabled(self._has_history)
        self._export_action.triggered.connect(self.exportRequested)
        menu = self.menuBar().addMenu(self.tr("&File"))
        menu.setObjectName("fileMenu")
        menu.addAction(self._export_action)
        menu.addSeparator()
        menu.addAction(quit_action)
        menu = self.menuBar().addMenu(self.tr("&Connection"))
        menu.addAction(self._connect_action)
        menu.addAction(self._refresh_action)

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

    def _build_help_menu(self) -> None:
        self._help_menu = HelpMenu(self)
        self.menuBar().addMenu(self._help_menu)

    @Slot()
    def show_about(self) -> None:
        """Show the About box (one at a time; it stays open beside the window)."""
        self._help_menu.show_about()

    # -- slots for the poller ------------------------------------------------------------

    @Slot(object)
    def _on_clock_changed(self, state: ClockState) -> None:
        self._clock_state = state
        self.clock_panel.set_state(through_history(state, self._earlier_clock, self._drift))

    def set_clock_history(
        self, earlier: tuple[ClockPoint, ...], drift: DriftEstimate | None
    ) -> None:
        """Estimates of earlier sessions (the chart goes on) and the long-baseline drift."""
        self._earlier_clock, self._drift = earlier, drift
        if self._clock_state is not None:
            self._on_clock_changed(self._clock_state)

    @Slot(object)
    def _on_configuration_changed(self, configuration: Configuration) -> None:
        self.configuration_panel.set_configuration(configuration)

    @Slot(object)
    def _on_round_finished(self, result: RoundResult) -> None:
        self.balances_panel.set_wallets(result.wallets)
        labels = dict(self._wallet_labels)  # every wallet seen, in the order first seen
        labels.update((w.wallet_id, w.display_name or w.wallet_id) for w in result.wallets)
        if tuple(labels.items()) != self._wallet_labels:
            self._wallet_labels = tuple(labels.items())
            self.statements_panel.set_wallets(self._wallet_labels)
            self.history_panel.set_wallet_names(labels)
        if any(w.error is None or w.error.kind != "transport" for w in result.wallets):
            self.clock_panel.set_reachable(True)  # the server answered, if only with an error
        self.status_line.show_status(result.status)

    @Slot(object)
    def _on_status_changed(self, status: PollStatus) -> None:
        if status.state is PollState.CONNECTED:
            self.clock_panel.set_reachable(True)
        self.status_line.show_status(status)

    @Slot(object)
    def _on_request_changed(self, request: RequestInFlight | None) -> None:
        self.status_line.show_request(request)

    @Slot(object)
    def _on_error(self, report: ErrorReport) -> None:
        if report.kind == "transport":
            # No answer at all: the clock estimate is no longer checked against the server.
            self.clock_panel.set_reachable(False)
        if self._error_sink is not None:
            self._error_sink(report)
        else:
            log.warning("%s: %s", report.context, report.message)

    # -- slots for the user --------------------------------------------------------------

    @Slot()
    def _on_refresh(self) -> None:
        self._poller.refresh()

    # -- window state --------------------------------------------------------------------

    def _settings(self) -> QSettings:
        # The same file as the profiles: one place for everything that is not a secret.
        return window_settings()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop the countdown, stop the poller (once), then remember the window's state."""
        if not self._shut_down:
            self._shut_down = True
            self.status_line.stop()
            self.balances_panel.clear()  # and with it, its highlight timer
            if not self._poller.shutdown():
                log.warning("The poller did not stop in time; closing anyway")
            self._window_state.save()
        super().closeEvent(event)
