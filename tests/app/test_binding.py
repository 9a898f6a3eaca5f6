"""Guards against a Qt binding that corrupts Python's own objects.

PySide6 6.12.0 drops one reference to ``True`` each time a signal reaches a Python slot.
Python 3.11's ``True`` is not immortal, so a monitor that polls for hours eventually
aborts with "bool_dealloc: deallocating True or False". ``pyproject.toml`` excludes that
release; this test fails loudly if a binding with the same fault is ever installed.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal, Slot


class _Emitter(QObject):
    fired = Signal(int)


class _Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    @Slot(int)
    def take(self, value: int) -> None:
        self.count += value


def test_delivering_signals_leaves_the_refcount_of_true_alone() -> None:
    emitter, receiver = _Emitter(), _Receiver()
    emitter.fired.connect(receiver.take)
    before = sys.getrefcount(True)
    for _ in range(1000):
        emitter.fired.emit(1)
    after = sys.getrefcount(True)
    assert receiver.count == 1000
    assert abs(after - before) < 50
