"""SIGTERM and Ctrl+C quit the app cleanly (exit status 0) instead of killing it.

Python runs signal handlers only between bytecodes, and Qt's event loop is C++: a wake-up
socket makes Qt notice the signal at once, with no polling timer. The signal then takes the
same way out as the Quit menu item (``on_quit``), so dialogs close and requests are
cancelled the same way.
"""

from __future__ import annotations

import contextlib
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication


def quit_on_termination(app: QApplication, on_quit: Callable[[], None] | None = None) -> None:
    """Make SIGTERM and SIGINT call ``on_quit`` (default: ``app.quit``) on the GUI thread."""
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda *_: None)  # the wake-up byte is what matters
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)
    quit_now = on_quit if on_quit is not None else app.quit

    def drain() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)
        quit_now()

    notifier.activated.connect(drain)
    app.setProperty("_termination_sockets", (reader, writer, notifier))  # keep them alive


__all__ = ["quit_on_termination"]
