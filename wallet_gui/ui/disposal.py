"""Deleting a widget later, safely, whoever owns it.

``deleteLater()`` on a widget without a parent that Python owns is a trap: drop the last
Python reference before Qt gets round to it, and Python deletes the C++ object at once,
after which Qt's pending deletion frees it a second time (a crash, some runs out of many).
``dispose_later`` keeps the Python wrapper until Qt has destroyed the object; wrappers are
let go later, from an ordinary call, once they are empty shells (never from inside the
object's own destruction, which would free it twice all the same).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject

_PENDING: list[QObject] = []


def dispose_later(obj: QObject | None) -> None:
    """Have Qt delete ``obj`` in the event loop, keeping its wrapper alive until then."""
    _PENDING[:] = [kept for kept in _PENDING if shiboken6.isValid(kept)]
    if obj is None or not shiboken6.isValid(obj) or any(kept is obj for kept in _PENDING):
        return
    _PENDING.append(obj)
    obj.deleteLater()


__all__ = ["dispose_later"]
