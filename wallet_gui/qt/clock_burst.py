"""The clock's acquisition burst, run beside the poll worker rather than on its thread.

A burst takes about 1.5 s (2 s at most at round trips up to 100 ms). Run on the worker
thread it holds back the first balance round until it ends; on a thread of its own it lets
the worker start balances the moment two probes agree, which the burst reports midway.

Why the burst's thread never touches Qt: objects and signals used from a plain Python
thread are where PySide crashes come from (an earlier version emitted its signals from
there and segfaulted now and then). The burst thread only calls the Qt-free monitor and
sets two ``threading.Event``s; a timer of the worker's own thread looks at them every
:data:`WATCH_MS` and emits this object's signals from there. The poll policy is thus still
only ever touched on the worker thread.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from wallet_gui.core.monitor import Monitor

log = logging.getLogger(__name__)

WATCH_MS = 10
"""How often the worker's thread looks at the burst: a tenth of a fast round trip."""
_JOIN_S = 5.0
"""Longer than any aborted burst needs: joining never waits on a healthy one."""


class ClockBurst(QObject):
    """Runs ``Monitor.burst`` on a named thread, one burst at a time.

    Create it on the worker thread (its timer must live there).

    Signals (emitted on the worker thread):
        signingReady(): two consistent probes allow signed requests (mid-burst).
        finished(object): the burst ended; ``None``, or the exception that ended it.
    """

    signingReady = Signal()
    finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None
        self._signing_ready = threading.Event()
        self._done = threading.Event()
        self._error: BaseException | None = None
        self._ready_told = False
        self._watch = QTimer(self)
        self._watch.setObjectName("clockBurstWatchTimer")
        self._watch.setTimerType(Qt.TimerType.PreciseTimer)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self._look)

    @property
    def running(self) -> bool:
        """Started and its end not yet told: a new burst must wait for ``finished``."""
        return self._thread is not None

    def start(self, monitor: Monitor) -> None:
        if self._thread is not None:
            raise RuntimeError("a clock burst is already running")
        self._signing_ready.clear()
        self._done.clear()
        self._error = None
        self._ready_told = False
        self._thread = threading.Thread(
            target=self._run, args=(monitor,), name="wallet-clock-burst", daemon=True
        )
        self._thread.start()
        self._watch.start()

    def stop(self) -> None:
        """After ``Monitor.abort()`` (which cuts the burst's requests): join, tell nothing."""
        self._watch.stop()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(_JOIN_S)
            if thread.is_alive():
                log.error("the clock burst did not end within %.0f s", _JOIN_S)

    def _run(self, monitor: Monitor) -> None:
        try:
            monitor.burst(on_signing_ready=self._signing_ready.set)
        except Exception as exc:  # noqa: BLE001 - handed to the worker, which reports it
            self._error = exc
        finally:
            self._done.set()

    @Slot()
    def _look(self) -> None:
        if self._signing_ready.is_set() and not self._ready_told:
            self._ready_told = True
            self.signingReady.emit()
        if not self._done.is_set():
            return
        self._watch.stop()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join()  # it has returned from the burst: only its last bytecodes remain
        self.finished.emit(self._error)


__all__ = ["WATCH_MS", "ClockBurst"]
