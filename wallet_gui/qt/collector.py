"""Cyclic garbage is collected on the GUI thread, never on a worker's.

Python runs its cycle collector on whichever thread happens to allocate past the threshold:
with a pool of fetch threads that is usually one of them. When the garbage holds a Qt
object (a retired poller, a timer, a socket notifier), it is then destroyed off its thread,
which Qt does not survive (segfaults seen in the shutdown tests). So the window turns
automatic collection off and collects from a timer on the GUI thread instead, as often as
the thresholds would have.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer, Slot

#: How often the counts are looked at; a generation-0 pass costs well under a millisecond.
CHECK_MS = 500


class GuiThreadCollector(QObject):
    """Turns automatic collection off while it lives; ``stop()`` turns it back on."""

    def __init__(self, parent: QObject | None = None, *, interval_ms: int = CHECK_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self.collections = 0
        self._timer = QTimer(self)
        self._timer.setObjectName("garbageCollectionTimer")
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start(interval_ms)
        gc.disable()

    @Slot()
    def collect_if_due(self) -> None:
        """Collect the oldest generation whose count passed its threshold, if any."""
        counts = gc.get_count()
        due = [g for g in range(3) if counts[g] > max(1, self._thresholds[g])]
        if due:
            gc.collect(max(due))
            self.collections += 1

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()


__all__ = ["CHECK_MS", "GuiThreadCollector"]
