"""The clock's acquisition burst, run beside the poll worker rather than on its thread.

A burst takes about 1.5 s (2 s at most at round trips up to 100 ms). Run on the worker
thread it would hold back the first balance round until it ends; on a thread of its own it
lets the worker start balances the moment two probes agree, which the burst reports midway.
Its results come back as signals, which Qt queues onto the worker's thread, so the poll
policy is still only ever touched there.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal

from wallet_gui.core.monitor import Monitor

log = logging.getLogger(__name__)

#: Longer than any burst's own deadline: joining never waits on a healthy burst.
_JOIN_S = 5.0


class ClockBurst(QObject):
    """Runs ``Monitor.burst`` on a named thread, one burst at a time.

    Signals:
        signingReady(): two consistent probes allow signed requests (mid-burst).
        finished(object): the burst ended; ``None``, or the exception that ended it.
    """

    signingReady = Signal()
    finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, monitor: Monitor) -> None:
        self._thread = threading.Thread(
            target=self._run, args=(monitor,), name="wallet-clock-burst"
        )
        self._thread.start()

    def join(self) -> None:
        """After ``Monitor.abort()``: the burst's requests are cut, so this is quick."""
        if self._thread is not None:
            self._thread.join(_JOIN_S)
            if self._thread.is_alive():
                log.error("the clock burst did not end within %.0f s", _JOIN_S)

    def _run(self, monitor: Monitor) -> None:
        error: BaseException | None = None
        try:
            monitor.burst(on_signing_ready=self.signingReady.emit)
        except Exception as exc:  # noqa: BLE001 - handed to the worker, which reports it
            error = exc
        self.finished.emit(error)


__all__ = ["ClockBurst"]
