"""The composition root: builds the application, its window and its worker, and wires them.

Start-up decides what to show: the demo (``--demo``), a profile named on the command line or
used last time, or the first-run screen. Everything after that is signals: the poller's
results to the window, its errors to the one error presenter, and the window's intents
(refresh, connect) back. Secrets are read from the environment or the keyring here and
handed straight to the monitor; demo credentials never leave memory.
"""

from __future__ import annotations

import functools
import logging
import os
import random
import time
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication, QWidget

from wallet_gui.api.errors import WalletError
from wallet_gui.app_history import ConnectionHistory, HistoryServices
from wallet_gui.app_profiles import ProfileFlows
from wallet_gui.app_window import WindowFlows
from wallet_gui.core.alert_rules import AlertRules
from wallet_gui.core.app_identity import APP_ID
from wallet_gui.core.connection import MIN_INTERVAL, ConnectionSettings
from wallet_gui.core.credentials import CredentialStore
from wallet_gui.core.logging_setup import configure_logging
from wallet_gui.core.monitor import Monitor
from wallet_gui.core.profiles import ProfileStore, ProfileStoreError, settings_path
from wallet_gui.core.redaction import install_redaction
from wallet_gui.core.reports import ErrorReport
from wallet_gui.core.resolve import resolve_settings
from wallet_gui.core.window_request import WindowRequest
from wallet_gui.qt.collector import GuiThreadCollector
from wallet_gui.qt.first_round import FirstRoundExit
from wallet_gui.qt.platform_guard import create_application
from wallet_gui.qt.poller import Poller
from wallet_gui.qt.single_instance import SingleInstance
from wallet_gui.qt.termination import quit_on_termination
from wallet_gui.ui.app_icon import app_icon
from wallet_gui.ui.disposal import dispose_later
from wallet_gui.ui.error_presenter import report_unexpected_errors
from wallet_gui.ui.i18n import choose_language, install_translators

if TYPE_CHECKING:
    from wallet_gui.sandbox import Sandbox

log = logging.getLogger(__name__)

DEMO_INTERVAL_S = 15.0  # three demo wallets fit the hourly budget unstretched
#: How often the demo server's data changes a little, so highlighting can be seen.
DEMO_ACTIVITY_MS = 25_000


class Application(QObject):
    """Holds the long-lived pieces and swaps connections when the user picks another."""

    def __init__(self, request: WindowRequest) -> None:
        super().__init__()
        self.request = request
        self.profiles = ProfileStore()
        self.store = CredentialStore()
        self.sandbox: Sandbox | None = None
        self.poller: Poller | None = None
        self.window: QWidget | None = None
        self.first_run: QWidget | None = None
        #: The saved profile being monitored (``None``: none, or the demo).
        self.current_profile: str | None = None
        self._quitting = False
        #: ``run()`` sets this while ``app.exec()`` runs: ``quit()`` then ends the loop.
        self.ends_event_loop = False
        self._demo_timer: QTimer | None = None
        from wallet_gui.ui.error_presenter import ErrorPresenter

        # WALLET_GUI_NO_DIALOGS=1 logs errors instead of opening dialogs (end-to-end tests).
        show = os.environ.get("WALLET_GUI_NO_DIALOGS", "") != "1"
        self.presenter = ErrorPresenter(None, show_dialogs=show)
        self.flows = ProfileFlows(self)
        self.history = HistoryServices()
        self.connection_history: ConnectionHistory | None = None
        self.window_flows = WindowFlows(self)  # the tray's Show/Hide/Refresh, File ▸ Export…

    # -- start-up ------------------------------------------------------------------------------

    def start(self) -> None:
        if self.request.demo:
            self.start_demo()
            return
        options = self.request.options
        explicit = options.names_a_connection
        try:
            last = self.profiles.last_used
        except ProfileStoreError as error:
            self._warn("The profiles file could not be read", error)
            last = None
        if not explicit and last:
            options = replace(options, profile=last)
        if explicit or last:
            try:
                settings = resolve_settings(options, self.profiles)
            except WalletError as error:
                self._warn("Cannot open the profile", error)
                self.show_first_run()
                return
            self.flows.connect_profile(settings)  # or asks for a key that cannot be read
            return
        self.show_first_run()

    @Slot()
    def start_demo(self) -> None:
        from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox

        if self.sandbox is None:
            self.sandbox = Sandbox(
                offset=self.request.demo_offset, latency=self.request.demo_latency, jitter=0.002
            ).start()
            self._demo_timer = QTimer(self)
            self._demo_timer.setObjectName("demoActivityTimer")
            self._demo_timer.timeout.connect(self._demo_activity)
            self._demo_timer.start(DEMO_ACTIVITY_MS)
        settings = ConnectionSettings(
            profile="demo",
            base_url=self.sandbox.url,
            client_id=DEMO_CLIENT_ID,
            wallet_ids=tuple(str(w) for w in self.sandbox.wallets),
            interval=max(MIN_INTERVAL, self.request.options.interval or DEMO_INTERVAL_S),
        )
        self.connect_to(settings, self.sandbox.clients[DEMO_CLIENT_ID], demo=True)

    @Slot()
    def _demo_activity(self) -> None:
        """Let money move now and then in the demo: a payment or a transfer in, with its
        statement, so changed amounts light up and the Transactions tab has news."""
        if self.sandbox is None:
            return
        amount = Decimal(random.randint(100, 4999)).scaleb(-2)
        outgoing = random.random() < 0.5
        try:
            if outgoing:
                self.sandbox.move_money(
                    14471, "EUR", amount, "out", "Card payment", "MAXIMA LT, UAB"
                )
                return
        except ValueError:  # not that much at disposal: a transfer in instead
            pass
        self.sandbox.move_money(14471, "EUR", amount, "in", "Transfer received", "Jonas Petraitis")

    def show_first_run(self) -> None:
        from wallet_gui.ui.first_run import FirstRunWidget

        try:
            names = self.profiles.names()
        except ProfileStoreError as error:
            self._warn("The profiles file could not be read", error)
            names = []
        previous, self.first_run = self.first_run, None
        if previous is not None:
            self._retire(previous)
        widget = FirstRunWidget(profiles=names)
        widget.connectRequested.connect(self.open_credentials)
        widget.demoRequested.connect(self.start_demo)
        widget.profileChosen.connect(self.open_profile)
        self.first_run = widget
        widget.show()
        self._quit_when_closed(widget)  # Esc, Ctrl+Q, ×

    @Slot(str)
    def open_profile(self, name: str) -> None:
        self.flows.open_profile(name)

    # -- connections ---------------------------------------------------------------------------

    def connect_to(
        self, settings: ConnectionSettings, secret: str | None, *, demo: bool = False
    ) -> None:
        from wallet_gui.ui.main_window import MainWindow

        if secret:
            install_redaction(secret)
        self.close_connection()
        self.poller = Poller(lambda: Monitor(settings, secret), settings)
        suffix = self.tr("demo (local emulator)") if demo else settings.profile
        profile = "demo" if demo else settings.profile  # the demo's history is "demo"'s
        window = MainWindow(
            self.poller,
            error_sink=self.presenter.present,
            title_suffix=suffix,
            history=self.history.reader,
            profile=profile,
        )
        window.connectRequested.connect(self.flows.open_manager)
        window.exportRequested.connect(self.window_flows.open_export)
        self.connection_history = ConnectionHistory(
            self.history,
            profile,
            AlertRules() if demo else self.alert_rules(profile),
            self.poller,
            window,
            self.presenter.present,
        )
        # The one error window belongs to this window; successes resolve its problems.
        self.presenter.attach(window, window.status_line.problems_indicator)
        self.poller.roundFinished.connect(self.presenter.note_round)
        self.poller.clockChanged.connect(self.presenter.note_clock_ok)
        self.poller.configurationChanged.connect(self.presenter.note_configuration_ok)
        self.window = window
        self.current_profile = None if demo else settings.profile
        first_run, self.first_run = self.first_run, None
        if first_run is not None:
            self._retire(first_run)
        self.flows.window_replaced(window)
        if not demo and settings.profile:
            self._remember_last_used(settings.profile)
        window.show()
        self._quit_when_closed(window)  # Quit, Ctrl+Q, ×
        self.poller.start()

    def _remember_last_used(self, profile: str) -> None:
        """The next start opens this profile, if it is a saved one (not a command line's)."""
        try:
            self.profiles.last_used = profile if profile in self.profiles.names() else None
        except ProfileStoreError as error:
            self._warn("The profiles file could not be written", error)

    def alert_rules(self, profile: str) -> AlertRules:
        try:
            return self.profiles.load_alert_rules(profile)
        except (ProfileStoreError, WalletError) as error:
            self._warn("The profile's alert rules could not be read", error)
            return AlertRules()

    def close_connection(self) -> None:
        self.presenter.close_all()
        self.window_flows.stop_export()  # its dialog goes with the window; its thread first
        if self.connection_history is not None:
            self.connection_history.stop()
            self.connection_history = None
        if self.poller is not None:
            self.poller.shutdown()
            self.poller.deleteLater()  # on this thread, with its stopped QThread
        window, self.window = self.window, None
        if window is not None:
            self._retire(window)
        self.poller = None
        self.current_profile = None

    def _retire(self, widget: QWidget) -> None:
        """Close a window that is being replaced; Qt deletes it back in the event loop.

        Never at once: the window may be the one whose signal led here, and dialogs it
        parents may still be finishing.
        """
        widget.close()  # not the app's window any more: this does not quit
        dispose_later(widget)

    # -- profiles (``ProfileFlows`` in app_profiles.py does the work) ------------------------

    @Slot()
    def open_credentials(self, profile_name: str | None = None) -> None:
        """The Connect dialog: a new profile, or the saved one named; Save connects."""
        try:
            settings = self.profiles.load(profile_name) if profile_name else None
        except ProfileStoreError as error:
            self._warn("The profile could not be read", error)
            return
        self.flows.open_credentials(settings)

    def save_and_connect(
        self, settings: ConnectionSettings, secret: str | None, previous: str | None = None
    ) -> None:
        """Save the profile (secret to the keyring only) and connect to it."""
        self.flows.save_and_connect(settings, secret, previous)

    @Slot(str)
    def delete_profile(self, name: str) -> None:
        self.flows.delete_profile(name)

    def warn(self, title: str, text: str | WalletError) -> None:
        self._warn(title, text)

    # -- quitting ------------------------------------------------------------------------------

    @property
    def quitting(self) -> bool:
        return self._quitting

    @Slot()
    def quit(self) -> None:
        """Quit the app (Quit, Ctrl+Q, the main window's ×, SIGTERM), within milliseconds.

        Requests in flight are cut (their sockets shut), a connection test is cancelled,
        every window and dialog closes, and from the first line on nothing opens any more.
        """
        if self._quitting:
            return
        self._quitting = True
        started = time.perf_counter()
        self.shutdown()  # the poller, the demo server; no error window opens from now on
        self.flows.close_all()
        for widget in (self.window, self.first_run):
            if widget is not None and shiboken6.isValid(widget):
                widget.close()
        # Whatever else is open (About, a message box, a file chooser) goes too.
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                widget.close()
        if self.ends_event_loop:
            # Unconditionally, whatever a window says, and from any dialog's loop within.
            QApplication.exit(0)
        log.info("quit took %.0f ms", 1000 * (time.perf_counter() - started))

    def _quit_when_closed(self, widget: QWidget) -> None:
        """Closing this shown window by hand quits the app, even with other windows open.

        Watched through its native window's ``visibleChanged`` rather than an event filter:
        that would run Python for every event the window gets.
        """
        handle = widget.windowHandle()
        if handle is not None:
            handle.visibleChanged.connect(functools.partial(self._on_visibility_changed, widget))

    def _on_visibility_changed(self, widget: QWidget, visible: bool) -> None:
        # By identity only (no Qt call): the window may be in the middle of being deleted.
        ours = widget is self.window or widget is self.first_run
        hidden = self.window_flows.hidden_to_tray
        if ours and not visible and not self._quitting and not hidden:
            self.quit()

    def _warn(self, title: str, text: str | WalletError) -> None:
        # Through the one presenter: non-modal, de-duplicated, plain text, loggable in tests.
        # An error goes as itself, so the window can say its message in its own language.
        if isinstance(text, WalletError):
            report = ErrorReport.from_exception(text, title)
            self.presenter.present(replace(report, kind="credentials"))  # needs the user
        else:
            self.presenter.present(ErrorReport(context=title, kind="credentials", message=text))

    def shutdown(self) -> None:
        self.presenter.closing = True  # an error arriving from now on opens no window
        self.window_flows.stop_export()  # a running export: stopped, its thread joined
        if self.poller is not None:
            self.poller.shutdown()
        if self._demo_timer is not None:
            self._demo_timer.stop()
        if self.sandbox is not None:
            self.sandbox.stop()
            self.sandbox = None
        if self.connection_history is not None:
            self.connection_history.stop()
        self.history.close()  # everything recorded so far is committed


def run(request: WindowRequest) -> int:
    """Start the window; returns the process exit status."""
    configure_logging(verbose=False)
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:  # with Qt's own options (-style, -reverse…); a platform that fails: one line, exit 1
        app = create_application(request.qt_arguments)
    app.setApplicationName("wallet-gui")
    app.setOrganizationName("wallet-gui")
    # Before any widget is built: widgets translate their texts as they are made.
    install_translators(app, choose_language(request.language))
    # The desktop matches windows to io.github….desktop (Wayland's app id) and its icon.
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    one_window = SingleInstance(settings_path(), off=not request.for_a_running_window)
    if not one_window.claim(request.options.profile):
        return 0  # the running window came to the front instead (said on stderr)
    collector = GuiThreadCollector(app)  # cycles die on this thread, not a fetch thread's
    application = Application(request)
    one_window.activated.connect(application.window_flows.bring_to_front)
    quit_on_termination(app, application.quit)  # SIGTERM, Ctrl+C: the same way as Quit
    report_unexpected_errors(application.presenter)
    app.aboutToQuit.connect(application.shutdown)
    application.start()
    application.ends_event_loop = True
    smoke_test = None
    if request.exit_after_first_round:  # 0 once balances are shown, 1 if not in a minute
        smoke_test = FirstRoundExit(application.poller, application.quit, parent=application)
    status = app.exec()
    application.shutdown()
    one_window.release()
    collector.stop()
    if smoke_test is not None and smoke_test.status is not None:
        return smoke_test.status
    return int(status)


__all__ = ["Application", "run"]
