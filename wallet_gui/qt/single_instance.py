"""One window per user and settings file: a second launch shows the running window instead.

Two windows on one profile would poll the same API client twice (its rate limits are per
client, not per window), show two tray icons, send every desktop notification twice and
record every round twice in the one history file. So the window listens on a local socket
(``core.app_identity.instance_server_path``); a launch that can connect to it sends one line
of JSON, ``{"profile": NAME or null}``, and exits; the window comes to the front and, for a
named saved profile, switches to it. Which launches do this is
``WindowRequest.for_a_running_window``: not the demo, ``--new-instance`` or a connection
given by its options.

Claiming is done under a ``QLockFile`` beside the socket, so two launches at the same moment
cannot both decide they are the first and take the socket from each other. A socket file
left by a window that crashed accepts no connection; it is removed and taken over. A
socket file of another user's (possible only in a shared temporary folder) is never trusted.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal, Slot

from wallet_gui.core.app_identity import instance_server_path

if TYPE_CHECKING:  # imported when claiming: the demo, which never claims, starts sooner
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

#: What a second launch says before it exits 0.
ALREADY_RUNNING = "wallet-gui is already running: its window was brought to the front"
NEW_INSTANCE_HINT = "(--new-instance starts another)"

#: How long a launch waits to reach a running window, and for its lock; a live window
#: answers a local connection in microseconds, a hung one is not worth waiting for longer.
CONNECT_MS = 1000
LOCK_MS = 3000
#: The longest request line read: a profile name is short, anything longer is not ours.
MAX_REQUEST = 4096


def _request_line(profile: str | None) -> bytes:
    """What a launch sends: one line of JSON naming the saved profile it asked for."""
    return json.dumps({"profile": profile}).encode("utf-8") + b"\n"


def _requested_profile(line: bytes) -> str:
    """The profile a request line names; "" for none, or for anything unreadable."""
    try:
        request = json.loads(line.decode("utf-8"))
    except ValueError:  # not UTF-8, not JSON: come forward all the same
        return ""
    profile = request.get("profile") if isinstance(request, dict) else None
    return profile if isinstance(profile, str) and "/" not in profile else ""


class SingleInstance(QObject):
    """Claims the window of ``settings_file`` for this process, or reaches the one that has
    it (``core.app_identity.instance_server_path`` says where).

    ``activated(profile)`` is emitted (on the GUI thread) each time another launch asks
    this window to come to the front; ``profile`` is the saved profile it asked for, or "".
    """

    activated = Signal(str)

    def __init__(self, settings_file: Path, *, off: bool = False) -> None:
        super().__init__()
        self.path = instance_server_path(settings_file)
        self.off = off
        self._server: QLocalServer | None = None

    def claim(self, profile: str | None = None) -> bool:
        """True if this process is the one window now (or ``off``); False if another one
        was reached: it was asked to come to the front (on ``profile``, if one is named),
        and stderr says so."""
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
            if self._reach_running(profile):
                on = f" to monitor profile {profile!r}" if profile else ""
                sys.stderr.write(f"{ALREADY_RUNNING}{on} {NEW_INSTANCE_HINT}\n")
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

    def _reach_running(self, profile: str | None) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(str(self.path))
        if not socket.waitForConnected(CONNECT_MS):
            return False
        socket.write(_request_line(profile))
        socket.waitForBytesWritten(CONNECT_MS)
        socket.disconnectFromServer()  # after what is written has gone
        if socket.state() is not QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(CONNECT_MS)
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
            answer = functools.partial(self._answer, connection, [])
            connection.readyRead.connect(answer)
            connection.disconnected.connect(answer)
            answer()  # the line may have come with the connection

    def _answer(self, connection: QLocalSocket, answered: list[bool]) -> None:
        """Read the launch's line (or what came before it hung up) and come forward, once."""
        from PySide6.QtNetwork import QLocalSocket

        hung_up = connection.state() is QLocalSocket.LocalSocketState.UnconnectedState
        complete = connection.canReadLine() or connection.bytesAvailable() >= MAX_REQUEST
        if answered or not (complete or hung_up):
            return
        answered.append(True)
        line = connection.readLine(MAX_REQUEST).data()
        connection.disconnectFromServer()
        connection.deleteLater()
        self.activated.emit(_requested_profile(bytes(line)))


__all__ = ["ALREADY_RUNNING", "SingleInstance"]
