""" "Test connection" off the GUI thread: one unsigned and one signed request, then a verdict.

The credentials dialog asks; this runs the requests on a short-lived thread of its own and
answers through a signal, which Qt delivers on the GUI thread. A test can be cancelled from
the GUI thread (the dialog closed, the app quits): its sockets are shut at once, the thread
ends within milliseconds, and its verdict is dropped.
"""

from __future__ import annotations

import logging
import threading
import time

from PySide6.QtCore import QCoreApplication, QObject, Signal

from wallet_gui.api.client import DEFAULT_TIMEOUT_S, WalletClient
from wallet_gui.api.errors import WalletError
from wallet_gui.core.clock_text import describe_server_clock
from wallet_gui.core.connection import ConnectionSettings, build_client

log = logging.getLogger(__name__)

#: A connection test that takes longer than this has failed anyway.
TEST_TIMEOUT_S = DEFAULT_TIMEOUT_S
#: How long ``stop`` waits for cancelled tests' threads: they end as their sockets close.
STOP_WAIT_S = 0.5


class ConnectionTester(QObject):
    """Runs connection tests and reports the latest one.

    Signals:
        finished(bool, str): success, and one line saying what was found, for the latest
            test that was not cancelled.
    """

    finished = Signal(bool, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()  # guards the three fields below
        self._threads: list[threading.Thread] = []
        self._clients: set[WalletClient] = set()
        self._generation = 0  # a test reports only while it is the latest one

    def test(self, settings: ConnectionSettings, secret: str | None) -> None:
        """Start testing ``settings``; a test still running is not reported any more."""
        with self._lock:
            self._generation += 1
            generation = self._generation
            self._threads = [t for t in self._threads if t.is_alive()]
            thread = threading.Thread(
                target=self._run,
                args=(settings, secret, generation),
                name="connection-test",
                daemon=True,
            )
            self._threads.append(thread)
        thread.start()

    def cancel(self) -> None:
        """Abort every test in flight (any thread); none of them reports."""
        with self._lock:
            self._generation += 1
            clients = list(self._clients)
        for client in clients:
            client.abort()

    def stop(self, timeout: float = STOP_WAIT_S) -> bool:
        """Cancel, then wait for the tests' threads; True when none is left running."""
        self.cancel()
        with self._lock:
            threads = list(self._threads)
        deadline = time.monotonic() + timeout
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        alive = [thread for thread in threads if thread.is_alive()]
        if alive:
            log.warning("%d connection test(s) still running after %.1f s", len(alive), timeout)
        return not alive

    def _run(self, settings: ConnectionSettings, secret: str | None, generation: int) -> None:
        try:
            client = build_client(settings, secret, timeout=TEST_TIMEOUT_S)
        except WalletError as error:
            self._report(generation, False, str(error))
            return
        with self._lock:
            cancelled = generation != self._generation
            if not cancelled:
                self._clients.add(client)
        try:
            if cancelled:
                return
            ok, text = self._exchange(client, settings, secret)
        finally:
            with self._lock:
                self._clients.discard(client)
            client.close()
        self._report(generation, ok, text)

    @staticmethod
    def _exchange(
        client: WalletClient, settings: ConnectionSettings, secret: str | None
    ) -> tuple[bool, str]:
        try:
            sample = client.server_time_sample()
            info = client.client_info() if (secret or settings.cert_file) else None
        except WalletError as error:
            return False, str(error)
        except Exception as error:
            log.debug("connection test failed", exc_info=True)
            return False, f"unexpected problem ({type(error).__name__})"
        clock = describe_server_clock(
            sample.server_time,
            sample.sent + sample.wall_offset,
            sample.received + sample.wall_offset,
            translate=QCoreApplication.translate,  # the dialog shows it in its language
        )
        if info is None:
            return True, clock
        who = info.title or info.type or QCoreApplication.translate("ClockText", "client")
        return True, QCoreApplication.translate("ClockText", "signed in as {0}; {1}").format(
            who, clock
        )

    def _report(self, generation: int, ok: bool, text: str) -> None:
        with self._lock:
            latest = generation == self._generation
        if latest:
            self.finished.emit(ok, text)


__all__ = ["ConnectionTester"]
