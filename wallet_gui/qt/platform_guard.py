"""Create the ``QApplication`` so that a platform plugin that cannot start is one clear line.

When Qt's platform plugin fails (no X server at ``DISPLAY``, a missing xcb library, an
unknown ``-platform``), Qt prints several lines and aborts the process (SIGABRT, exit 134, a
core dump). The entry point already says "no display" when none is configured; this catches
the rest: while the application is being created, Qt's messages are held back, and a fatal
one becomes a single line on stderr (with Qt's first reason in it) and exit status 1. Qt
calls the handler and then aborts, so the handler must end the process itself; nothing has
started yet that would need a cleaner way out.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from wallet_gui.core.display_check import RUN_HINT

_Handler = Callable[[QtMsgType, QMessageLogContext, str], None]

EXIT_NO_PLATFORM = 1


def platform_failure_line(messages: list[str]) -> str:
    """One line for a platform plugin that did not start; Qt's first message is the reason."""
    reason = next((m for m in messages if m.strip()), "no Qt platform plugin could start")
    reason = " ".join(reason.split())  # Qt's messages span lines; ours is one
    return (
        f"wallet-gui: the window cannot open: {reason}; run it in a desktop session, under a "
        f"virtual one with '{RUN_HINT}', or without a screen with QT_QPA_PLATFORM=offscreen"
    )


def create_application(qt_arguments: tuple[str, ...]) -> QApplication:
    """``QApplication`` with Qt's own command-line options; exit 1 with one line if the
    platform plugin cannot start."""
    held: list[tuple[QtMsgType, QMessageLogContext, str]] = []

    def hold(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if kind == QtMsgType.QtFatalMsg:
            sys.stderr.write(platform_failure_line([m for _, _, m in held] + [message]) + "\n")
            sys.stderr.flush()
            os._exit(EXIT_NO_PLATFORM)  # Qt aborts as soon as this returns
        held.append((kind, context, message))

    previous: _Handler | None = qInstallMessageHandler(hold)
    try:
        app = QApplication([sys.argv[0] if sys.argv else "wallet-gui", *qt_arguments])
    finally:
        qInstallMessageHandler(previous)
    for kind, context, message in held:  # what Qt said on a start that worked
        if previous is not None:
            previous(kind, context, message)
        else:
            sys.stderr.write(message + "\n")
    return app


__all__ = ["EXIT_NO_PLATFORM", "create_application", "platform_failure_line"]
