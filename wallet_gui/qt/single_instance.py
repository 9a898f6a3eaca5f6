"""One window per user and settings file: a second launch shows the running window instead.

Two windows on one profile would poll the same API client twice (its rate limits are per
client, not per window), show two tray icons, send every desktop notification twice and
record every round twice in the one history file. So the window listens on a local socket
(``core.app_identity.instance_server_path``); a launch that can connect to it asks it to
come to the front and exits. ``--new-instance`` and the demo skip this.

Claiming is done under a ``QLockFile`` beside the socket, so two launches at the same moment
cannot both decide they are the first and take the socket from each other. A socket file
left by a window that crashed accepts no connection; it is removed and taken over. A
socket file of another user's (possible only in a shared temporary folder) is never trusted.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal, Slot

from wallet_gui.core.app_identity import instance_server_path

if TYPE_CHECKING:  # imported when claiming: the demo, which never claims, starts sooner
    from PySide6.QtNetwork import QLocalServer

log = logging.getLogger(__name__)

#: What a second launch says before it exits 0.
ALREADY_RUNNING = (
    "wallet-gui is already running: its window was brought to the front "
    "(--new-instance starts another)"
)

#: How long a launch waits to reach a running window, and for its lock; a live window
#: answers a local connection in microseconds, a hung one is not worth waiting for longer.
CONNECT_MS = 1000
LOCK_MS = 3000


class SingleInstance(QObject):
    """Claims the window of ``settings_file`` for this process, or reaches the one that has
    it (``core.app_identity.instance_server_path`` says where).

    ``activated`` is emitted (on the GUI thread) each time another launch asks this window
    to come to the front.
    """

    activated = Signal()

    def __init__(self, settings_file: Path, *, off: bool = False) -> None:
        super().__init__()
        self.path = instance_server_path(settings_file)
        self.off = off
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        """True if this process is the one window now (or ``off``); False if another one
        was reached: it was asked to come to the front, and stderr says so."""
        if self.off:
            return True
        lock = QLockFile(f"{self.path}.lock")
        if not lock.tryLock(LOCK_MS):
            log.warning("could not take %s.lock; starting without the one-window check", self.path)
            return True
        try:
            if not self._ours():
                log.warning("%s belongs to another user; starting without the one-window check",
                            self.path)  # fmt: skip
                return True
            if self._reach_running():
                sys.stderr.write(f"{ALREADY_RUNNING}\n")
                return False
            return self._listen()
        finally:
            lock.unlock()

    def release(self) -> None:
        """Stop listening (the socket file goes): a launch from now on starts its own."""
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    @property
    def listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def _ours(self) -> bool:
        """False if someone else made the socket file (in a shared temporary folder, another
        user could otherwise answer for "the running window" and keep ours from starting)."""
        try:
            owner = os.lstat(self.path).st_uid
        except FileNotFoundError:
            return True
        return not hasattr(os, "getuid") or owner == os.getuid()

    def _reach_running(self) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(str(self.path))
        if not socket.waitForConnected(CONNECT_MS):
            return False
        socket.write(b"show\n")
        socket.waitForBytesWritten(CONNECT_MS)
        socket.disconnectFromServer()
        return True

    def _listen(self) -> bool:
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(str(self.path))  # a crashed window's socket file
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._on_new_connection)
        if not server.listen(str(self.path)):
            log.warning("cannot listen on %s: %s", self.path, server.errorString())
            server.deleteLater()
            return True  # a window all the same, only without the one-window check
        self._server = server
        return True

    @Slot()
    def _on_new_connection(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            connection = server.nextPendingConnection()
            connection.disconnected.connect(connection.deleteLater)
            connection.disconnectFromServer()
            self.activated.emit()


__all__ = ["ALREADY_RUNNING", "SingleInstance"]
