"""The GUI-thread face of the poll worker: owns its thread, forwards intents, relays results.

Widgets and tests connect only to the ``Poller``, an object of the GUI thread, so every
result arrives there as a queued signal; the worker's signals are connected straight to the
poller's own (signal to signal), with no relay code in between.

Shutdown is staged and idempotent: cancel requests in flight (``Monitor.abort`` shuts the
sockets from the GUI thread), ask the thread to quit, wait for it; the worker's timers are
stopped on its own thread as it finishes. It never calls ``terminate()``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal

from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.monitor import Monitor
from wallet_gui.core.poll_policy import PollPolicy
from wallet_gui.qt.worker import PollWorker

log = logging.getLogger(__name__)


class Poller(QObject):
    """Runs a ``PollWorker`` on a named thread and re-emits its results on the GUI thread.

    Signals:
        clockChanged(ClockState), configurationChanged(Configuration),
        roundFinished(RoundResult), statusChanged(PollStatus), errorOccurred(ErrorReport),
        requestChanged(RequestInFlight | None), statementsFetched(StatementsResult): the
        worker's results, delivered on the GUI thread.
    """

    clockChanged = Signal(object)
    configurationChanged = Signal(object)
    roundFinished = Signal(object)
    statusChanged = Signal(object)
    errorOccurred = Signal(object)
    requestChanged = Signal(object)
    statementsFetched = Signal(object)
    _refreshRequested = Signal()
    _statementsRequested = Signal(str, object)

    def __init__(
        self,
        monitor_factory: Callable[[], Monitor],
        settings: ConnectionSettings,
        parent: QObject | None = None,
        *,
        policy: PollPolicy | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._thread = QThread()
        self._thread.setObjectName("wallet-worker")
        self._worker = PollWorker(monitor_factory, settings, policy)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.start)
        # Direct: runs on the worker thread as it ends, even though the GUI thread waits.
        self._thread.finished.connect(self._worker.cleanup, Qt.ConnectionType.DirectConnection)
        self._refreshRequested.connect(self._worker.refresh)
        self._statementsRequested.connect(self._worker.fetch_statements)
        # Signal to signal: queued, because this object lives on the GUI thread.
        self._worker.clockChanged.connect(self.clockChanged)
        self._worker.configurationChanged.connect(self.configurationChanged)
        self._worker.roundFinished.connect(self.roundFinished)
        self._worker.statusChanged.connect(self.statusChanged)
        self._worker.errorOccurred.connect(self.errorOccurred)
        self._worker.requestChanged.connect(self.requestChanged)
        self._worker.statementsFetched.connect(self.statementsFetched)
        self._started = False
        self._shut_down = False

    @property
    def policy(self) -> PollPolicy:
        """The worker's poll policy (read it from the GUI thread only for display or tests)."""
        return self._worker.policy

    def start(self) -> None:
        if not self._started:
            self._started = True
            self._thread.start()

    def refresh(self) -> None:
        self._refreshRequested.emit()

    def request_statements(self, wallet_id: str, older_than: str | None) -> None:
        """Read the page below ``older_than`` (a page's ``last`` cursor): the user scrolled."""
        self._statementsRequested.emit(wallet_id, older_than)

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def shutdown(self, timeout_ms: int = 3000) -> bool:
        """Stop the worker and its thread; True when the thread has finished. Idempotent."""
        if self._shut_down:
            return not self._thread.isRunning()
        self._shut_down = True
        self._worker.abort()
        self._thread.quit()
        finished = self._thread.wait(timeout_ms)
        if not finished:
            log.error("worker thread did not finish within %d ms", timeout_ms)
        return bool(finished)


__all__ = ["Poller"]
