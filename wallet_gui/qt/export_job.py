"""File ▸ Export… off the GUI thread: one ``FileExport`` (core) on a QThread of its own.

A year of balances is two million rows and about forty seconds of work; on the GUI thread
that froze the window, or needed nested event handling that let the user quit, close the
window or start a second export while the export was still on the stack.
Here the GUI thread only starts the job, shows its progress and asks it to stop.

The thread is a ``QThread`` subclass whose ``run`` is the whole export: one blocking call
that needs no event loop of its own, so there is no ``quit()`` to deliver and no worker
object to move between threads. Python owns the thread object and drops it only after
``wait()`` returned (never ``deleteLater``). Its signals reach ``ExportJob``, an object of
the GUI thread, queued; widgets and tests connect only to ``ExportJob``'s signals, which
are emitted on the GUI thread.

``join()`` stops the export and waits for the thread (milliseconds: the stop flag is read
between rows and a sorting query is interrupted), then delivers the outcome at once, so
closing the dialog or quitting the app leaves no thread behind and nothing pending.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QThread, Signal, Slot

from wallet_gui.api.errors import WalletError
from wallet_gui.core.file_export import PROGRESS_EVERY_S, ExportRequest, FileExport

log = logging.getLogger(__name__)

#: How long ``join`` waits for the thread by default; a stopped export ends within a row.
JOIN_TIMEOUT_MS = 5000

#: Jobs whose thread may still run: kept here so that dropping the last other reference
#: to a running job never destroys a running ``QThread`` (Qt aborts the process then).
_LIVE: set[ExportJob] = set()

#: The outcome of an export: the rows written, or why none were.
ExportResult = int | WalletError


class _ExportThread(QThread):
    """Runs one ``FileExport``; ``result`` is set before the thread ends."""

    progressed = Signal(int)

    def __init__(self, export: FileExport) -> None:
        super().__init__()
        self.setObjectName("wallet-export")
        self._export = export
        self.result: ExportResult | None = None

    def run(self) -> None:  # on the export thread
        try:
            self.result = self._export.run(self.progressed.emit)
        except WalletError as error:
            error.__context__ = None  # keep no frames of this thread alive, nor the
            self.result = error.with_traceback(None)  # sqlite3 or OS error it replaced
        except Exception as error:  # a bug: one line for the user, the details in the log
            log.exception("the export failed unexpectedly")
            self.result = WalletError(f"unexpected problem ({type(error).__name__})")


class ExportJob(QObject):
    """One export of the history to a CSV file, run on its own thread.

    Lives on the GUI thread; ``start`` once, then ``stop`` (returns at once) or ``join``
    (stops and waits). ``progress_every_s`` spaces the progress reports.

    Signals (on the GUI thread):
        progress(int): rows written so far, at most once every ``progress_every_s``.
        finished(object): once, the ``ExportResult``: the row count, or a ``WalletError``
            (``ExportStoppedError``, ``ExportWriteError``, ``HistoryError``…).
    """

    progress = Signal(int)
    finished = Signal(object)

    def __init__(
        self,
        request: ExportRequest,
        parent: QObject | None = None,
        *,
        progress_every_s: float = PROGRESS_EVERY_S,
    ) -> None:
        super().__init__(parent)
        self.request = request
        self._export = FileExport(request, progress_every_s=progress_every_s)
        self._thread = _ExportThread(self._export)
        self._thread.progressed.connect(self._on_progress)  # queued: another thread emits
        self._thread.finished.connect(self._on_thread_finished)  # queued as well
        self._started = False
        self._delivered = False

    @property
    def running(self) -> bool:
        """Started and its outcome not delivered yet."""
        return self._started and not self._delivered

    @property
    def thread_running(self) -> bool:
        """Whether the export's thread is still running (for tests and shutdown checks)."""
        return self._thread.isRunning()

    @property
    def result(self) -> ExportResult | None:
        """The outcome, once ``finished`` was emitted."""
        return self._thread.result if self._delivered else None

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        _LIVE.add(self)
        self._thread.start()

    def stop(self) -> None:
        """Ask the export to stop; ``finished`` follows with ``ExportStoppedError`` (or with
        the outcome, when the export was already done)."""
        self._export.stop()

    def join(self, timeout_ms: int = JOIN_TIMEOUT_MS) -> bool:
        """Stop the export, wait for its thread and deliver ``finished`` now (if it was
        not delivered yet); True when no thread is left running."""
        if not self._started:
            return True
        self.stop()
        if not self._thread.wait(timeout_ms):
            log.error("the export thread did not finish within %d ms", timeout_ms)
            return False
        self._deliver()
        return True

    # -- internals -----------------------------------------------------------------------

    @Slot(int)
    def _on_progress(self, rows: int) -> None:
        if not self._delivered:  # a report still queued after join() delivered the end
            self.progress.emit(rows)

    @Slot()
    def _on_thread_finished(self) -> None:
        if self._delivered:  # join() got there first
            return
        self._thread.wait()  # run() has returned; this lets Qt finish the thread
        self._deliver()

    def _deliver(self) -> None:
        if self._delivered:
            return
        self._delivered = True
        _LIVE.discard(self)
        result = self._thread.result
        assert result is not None  # run() always sets it before the thread ends
        self.finished.emit(result)


__all__ = ["JOIN_TIMEOUT_MS", "ExportJob", "ExportResult"]
