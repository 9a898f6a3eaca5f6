"""``--exit-after-first-round``: quit once the first balances reached the window.

A smoke test for an installed or frozen copy (``wallet-gui --demo --exit-after-first-round``
with ``QT_QPA_PLATFORM=offscreen``): the exit status says whether the whole way worked —
Qt's plugins loaded, the window opened, the worker thread measured the clock and fetched a
round, and the round was delivered on the GUI thread. 0 when a round with at least one
wallet's balances arrived; 1, with one line on stderr, when none did within the timeout.

The watcher connects to the poller *after* the window has, and Qt calls a signal's slots in
the order they were connected, so by the time it sees the round the window has shown it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Slot

from wallet_gui.core.state import RoundResult
from wallet_gui.qt.poller import Poller

#: Time for a cold start (a frozen build unpacks nothing, but loads all of Qt) plus the
#: clock burst (about 1.5 s) and the first round.
FIRST_ROUND_TIMEOUT_S = 60.0


class FirstRoundExit(QObject):
    """Calls ``quit`` once, on the first round with balances or at the timeout;
    ``status`` is then 0 or 1 (``None`` while waiting)."""

    def __init__(
        self,
        poller: Poller | None,
        quit: Callable[[], None],
        timeout_s: float = FIRST_ROUND_TIMEOUT_S,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.status: int | None = None
        self._quit = quit
        self._timeout_s = timeout_s
        self._timer = QTimer(self)
        self._timer.setObjectName("firstRoundTimeout")
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)
        self._timer.start(round(timeout_s * 1000))
        if poller is not None:  # None: no connection was opened (a first-run screen)
            poller.roundFinished.connect(self._on_round)

    @Slot(object)
    def _on_round(self, result: RoundResult) -> None:
        if any(w.error is None and w.balances is not None for w in result.wallets):
            self._finish(0)

    @Slot()
    def _on_timeout(self) -> None:
        if self.status is None:
            sys.stderr.write(
                f"wallet-gui: no balances reached the window within {self._timeout_s:g} s\n"
            )
            self._finish(1)

    def _finish(self, status: int) -> None:
        if self.status is not None:
            return
        self.status = status
        self._timer.stop()
        self._quit()


__all__ = ["FIRST_ROUND_TIMEOUT_S", "FirstRoundExit"]
