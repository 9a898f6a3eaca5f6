"""The composition root: builds the application, its window and its worker, and wires them.

Start-up decides what to show: the demo (``--demo``), a profile named on the command line or
used last time, or the first-run screen. Everything after that is signals: the poller's
results to the window, its errors to the one error presenter, and the window's intents
(refresh, connect) back. Secrets are read from the environment or the keyring here and
handed straight to the monitor; demo credentials never leave memory.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import random
import signal
import socket
import sys
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from wallet_gui.api.errors import WalletError
from wallet_gui.cli import resolve_secret, resolve_settings
from wallet_gui.connection import ConnectionSettings, build_client
from wallet_gui.credentials import CredentialStore, CredentialStoreError
from wallet_gui.monitor import Monitor
from wallet_gui.redaction import install_redaction
from wallet_gui.reports import ErrorReport
from wallet_gui.settings import ProfileStore
from wallet_gui.worker import Poller

if TYPE_CHECKING:
    from wallet_gui.ui.error_dialog import ErrorPresenter

log = logging.getLogger(__name__)

DEMO_INTERVAL_S = 15.0  # three demo wallets fit the hourly budget unstretched
#: How often the demo server's data changes a little, so highlighting can be seen.
DEMO_ACTIVITY_MS = 25_000


class _ConnectionTester(QObject):
    """Runs "Test connection" off the GUI thread and reports back through a signal."""

    finished = Signal(bool, str)

    def test(self, settings: ConnectionSettings, secret: str | None) -> None:
        threading.Thread(
            target=self._run, args=(settings, secret), name="connection-test", daemon=True
        ).start()

    def _run(self, settings: ConnectionSettings, secret: str | None) -> None:
        try:
            with build_client(settings, secret, timeout=10.0) as client:
                server_time = client.server_time()
                info = client.client_info() if (secret or settings.cert_file) else None
        except WalletError as error:
            self.finished.emit(False, str(error))
            return
        except Exception as error:
            log.debug("connection test failed", exc_info=True)
            self.finished.emit(False, f"unexpected problem ({type(error).__name__})")
            return
        who = f"signed in as {info.title or info.type or 'client'}; " if info is not None else ""
        self.finished.emit(True, f"{who}server time {server_time}")


class Application(QObject):
    """Holds the long-lived pieces and swaps connections when the user picks another."""

    def __init__(self, args: argparse.Namespace) -> None:
        super().__init__()
        self.args = args
        self.profiles = ProfileStore()
        self.store = CredentialStore()
        self.sandbox = None
        self.poller: Poller | None = None
        self.window: QWidget | None = None
        self.first_run: QWidget | None = None
        self._tester = _ConnectionTester()
        self._dialog = None
        self._demo_timer: QTimer | None = None
        from wallet_gui.ui.error_dialog import ErrorPresenter

        # WALLET_GUI_NO_DIALOGS=1 logs errors instead of opening dialogs (end-to-end tests).
        show = os.environ.get("WALLET_GUI_NO_DIALOGS", "") != "1"
        self.presenter = ErrorPresenter(None, show_dialogs=show)

    # -- start-up ------------------------------------------------------------------------------

    def start(self) -> None:
        if self.args.demo:
            self.start_demo()
            return
        explicit = any(
            getattr(self.args, name, None)
            for name in ("profile", "client_id", "base_url", "wallets")
        )
        last = self.profiles.last_used
        if not explicit and last:
            self.args.profile = last
        if explicit or last:
            try:
                settings = resolve_settings(self.args)
                secret = resolve_secret(settings, required=False)
            except WalletError as error:
                self._warn("Cannot open the profile", str(error))
                self.show_first_run()
                return
            self.connect_to(settings, secret)
            return
        self.show_first_run()

    @Slot()
    def start_demo(self) -> None:
        from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox

        if self.sandbox is None:
            self.sandbox = Sandbox(
                offset=self.args.demo_offset, latency=self.args.demo_latency, jitter=0.002
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
            interval=self.args.interval or DEMO_INTERVAL_S,
        )
        self.connect_to(settings, self.sandbox.clients[DEMO_CLIENT_ID], demo=True)

    @Slot()
    def _demo_activity(self) -> None:
        """Let money move a little in the demo, so changed amounts light up."""
        if self.sandbox is not None:
            cents = random.randint(1000, 99_999)
            self.sandbox.set_balance(14471, "EUR", f"{cents // 100}.{cents % 100:02d}")

    def show_first_run(self) -> None:
        from wallet_gui.ui.first_run import FirstRunWidget

        widget = FirstRunWidget(profiles=self.profiles.names())
        widget.connectRequested.connect(self.open_credentials)
        widget.demoRequested.connect(self.start_demo)
        widget.profileChosen.connect(self.open_profile)
        self.first_run = widget
        widget.show()

    @Slot(str)
    def open_profile(self, name: str) -> None:
        settings = self.profiles.load(name)
        if settings is None:
            return
        try:
            secret = resolve_secret(settings, required=False)
        except WalletError as error:
            self._warn("The secret could not be read", str(error))
            secret = None
        self.connect_to(settings, secret)

    # -- connections ---------------------------------------------------------------------------

    def connect_to(
        self, settings: ConnectionSettings, secret: str | None, *, demo: bool = False
    ) -> None:
        from wallet_gui.ui.main_window import MainWindow

        if secret:
            install_redaction(secret)
        self.disconnect()
        self.poller = Poller(lambda: Monitor(settings, secret), settings)
        suffix = "demo (local emulator)" if demo else settings.profile
        window = MainWindow(self.poller, error_sink=self.presenter.present, title_suffix=suffix)
        window.connectRequested.connect(self.open_credentials)
        self.window = window
        if self.first_run is not None:
            self.first_run.close()
            self.first_run = None
        if not demo and settings.profile:
            self.profiles.last_used = (
                settings.profile if settings.profile in self.profiles.names() else None
            )
        window.show()
        self.poller.start()

    def disconnect(self) -> None:
        self.presenter.close_all()
        if self.poller is not None:
            self.poller.shutdown()
        if self.window is not None:
            self.window.close()
        self.poller = None
        self.window = None

    # -- credentials ---------------------------------------------------------------------------

    @Slot()
    def open_credentials(self, profile_name: str | None = None) -> None:
        from wallet_gui.ui.credentials_dialog import CredentialsDialog

        name = profile_name or (self.poller.settings.profile if self.poller else None)
        settings = self.profiles.load(name) if name else None
        available = self.store.available()
        has_secret = False
        if settings is not None and available:
            try:
                has_secret = self.store.get(settings.keyring_user) is not None
            except CredentialStoreError:
                has_secret = False
        dialog = CredentialsDialog(
            self.window,
            settings=settings,
            has_stored_secret=has_secret,
            keyring_available=available,
            keyring_message="" if available else self.store.unavailable_reason(),
        )
        dialog.testRequested.connect(self._test_connection)
        self._tester.finished.connect(dialog.show_test_result)
        dialog.deleteRequested.connect(self.delete_profile)
        self._dialog = dialog
        if dialog.exec():
            previous = settings.profile if settings is not None else None
            self.save_and_connect(dialog.result_settings(), dialog.result_secret(), previous)
            dialog.clear_secret()
        self._tester.finished.disconnect(dialog.show_test_result)
        self._dialog = None

    @Slot(object, object)
    def _test_connection(self, settings: ConnectionSettings, secret: str | None) -> None:
        if not secret:
            try:
                secret = self.store.get(settings.keyring_user)
            except CredentialStoreError:
                secret = None
        self._tester.test(settings, secret)

    def save_and_connect(
        self, settings: ConnectionSettings, secret: str | None, previous: str | None = None
    ) -> None:
        """Save the profile (secret to the keyring only) and connect to it.

        ``previous`` is the profile's old name when the dialog renamed it: its keyring entry
        moves with it, and the old profile goes away.
        """
        if previous and previous != settings.profile:
            old = self.profiles.load(previous)
            if old is not None:
                try:
                    kept = self.store.get(old.keyring_user)
                    if kept and not secret:
                        secret = kept
                    self.store.delete(old.keyring_user)
                except CredentialStoreError as error:
                    self._warn("The keyring entry could not be moved", str(error))
                self.profiles.delete(previous)
        self.profiles.save(settings)
        if secret:
            try:
                self.store.set(settings.keyring_user, secret)
            except CredentialStoreError as error:
                self._warn(
                    "The secret was not stored",
                    f"{error}\n\nIt will be used for this session only.",
                )
        else:
            try:
                secret = self.store.get(settings.keyring_user)
            except CredentialStoreError as error:
                self._warn("The secret could not be read", str(error))
        self.profiles.last_used = settings.profile
        self.connect_to(settings, secret)

    @Slot(str)
    def delete_profile(self, name: str) -> None:
        profile = self.profiles.load(name)
        if profile is not None:
            try:
                self.store.delete(profile.keyring_user)
            except CredentialStoreError as error:
                self._warn("The secret could not be removed from the keyring", str(error))
        self.profiles.delete(name)
        if self._dialog is not None:
            self._dialog.reject()

    def _warn(self, title: str, text: str) -> None:
        # Through the one presenter: non-modal, de-duplicated, plain text, loggable in tests.
        self.presenter.present(ErrorReport(context=title, kind="credentials", message=text))

    def shutdown(self) -> None:
        if self.poller is not None:
            self.poller.shutdown()
        if self._demo_timer is not None:
            self._demo_timer.stop()
        if self.sandbox is not None:
            self.sandbox.stop()
            self.sandbox = None


def _quit_on_termination(app: QApplication) -> None:
    """SIGTERM and Ctrl+C close the app cleanly (exit status 0) instead of killing it.

    Python runs signal handlers only between bytecodes, and Qt's event loop is C++: the
    wake-up socket makes Qt notice the signal at once, with no polling timer.
    """
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda *_: None)  # the wake-up byte is what matters
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def drain() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)
        app.quit()

    notifier.activated.connect(drain)
    app.setProperty("_termination_sockets", (reader, writer, notifier))  # keep them alive


def _report_unexpected_errors(presenter: ErrorPresenter) -> None:
    """A bug of ours becomes one readable report, not a traceback in a user's face.

    The traceback goes to the log (redacted like every record); on the GUI thread the person
    gets an "internal error" report through the one presenter; elsewhere it is only logged,
    because widgets may not be touched from other threads.
    """

    def hook(kind: type[BaseException], error: BaseException, trace: object) -> None:
        log.error("unexpected error", exc_info=(kind, error, trace))  # type: ignore[arg-type]
        if threading.current_thread() is threading.main_thread():
            presenter.present(ErrorReport.from_exception(error, "The app itself"))

    sys.excepthook = hook


def run(args: argparse.Namespace) -> int:
    """Start the window; returns the process exit status."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    _quit_on_termination(app)
    app.setApplicationName("wallet-gui")
    app.setOrganizationName("wallet-gui")
    application = Application(args)
    _report_unexpected_errors(application.presenter)
    app.aboutToQuit.connect(application.shutdown)
    if args.interval is not None:
        args.interval = max(1.0, args.interval)
    application.start()
    status = app.exec()
    application.shutdown()
    return int(status)


__all__ = ["Application", "run"]
