"""Desktop notifications through the freedesktop Notifications service on the session bus.

``org.freedesktop.Notifications.Notify`` takes ``susssasa{sv}i``: app name, ``replaces_id``
(an *unsigned* 32-bit integer), icon, summary, body, actions, hints, timeout. PySide6's
QtDBus can only marshal Python ints as signed ``i`` and empty lists as ``av``, which strict
servers (every GDBus-based one: GNOME Shell, dunst, xfce4-notifyd) refuse, so the message is
built with ``jeepney`` (pure Python, installed with ``keyring`` on Linux) and its socket is
watched by a ``QSocketNotifier``: nothing blocks the GUI thread but connecting to the local
bus. Without a bus, without the service (the bus answers ``ServiceUnknown``), on an error
reply or without a reply in time, the notification goes to ``fallback`` (the tray icon's
message) instead: one log line, never an exception.

Example::

    notifier = DesktopNotifier(fallback=tray.show_message)
    notifier.notify("Low balance: wallet 14471 EUR", "12.50 EUR at disposal…")
    ...
    notifier.close()  # on quit: the bus socket is closed
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal, Slot

from wallet_gui.core.app_identity import APP_ID

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
SIGNATURE = "susssasa{sv}i"
#: How long a notification service may take to answer before the fallback is used.
REPLY_TIMEOUT_MS = 5000
_URGENCY_NORMAL, _URGENCY_CRITICAL = 1, 2

Fallback = Callable[[str, str], object]


def escape_body(text: str) -> str:
    """The body as plain text: servers may read a markup subset in it, so ``&<>`` are escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def one_line(text: str) -> str:
    """The summary is a single line by the specification."""
    return " ".join(text.split())


class NotifierError(Exception):
    """The session bus cannot be used; its message is the one line that is logged."""


class DesktopNotifier(QObject):
    """Send desktop notifications; fall back to ``fallback(title, body)`` when that fails.

    Lives on the GUI thread (its socket is watched by that thread's event loop).
    ``icon`` is an icon name of the desktop's theme (the app's id, which the desktop
    installer puts there) or a ``file://`` URI; a server that finds neither shows none.

    Signals:
        sent(int): the service accepted a notification and gave it this id.
        fellBack(str): a notification went to the fallback; the argument says why.
    """

    sent = Signal(int)
    fellBack = Signal(str)

    def __init__(
        self,
        fallback: Fallback | None = None,
        *,
        app_name: str = "wallet-gui",
        icon: str = APP_ID,
        reply_timeout_ms: int = REPLY_TIMEOUT_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("desktopNotifier")
        self._fallback = fallback
        self._app_name = app_name
        self._icon = icon
        self._connection: Any = None
        self._watcher: QSocketNotifier | None = None
        # serial of a Notify call -> (title, body) until its reply arrives
        self._pending: dict[int, tuple[str, str]] = {}
        self._timeout = QTimer(self)
        self._timeout.setObjectName("notifierReplyTimeout")
        self._timeout.setSingleShot(True)
        self._timeout.setInterval(reply_timeout_ms)
        self._timeout.timeout.connect(self._on_timeout)

    def set_fallback(self, fallback: Fallback | None) -> None:
        self._fallback = fallback

    def notify(self, title: str, body: str, *, critical: bool = False) -> bool:
        """Ask the desktop to show a notification; True when it went to the bus.

        False means the fallback was used at once (no bus). A service that is missing or
        fails answers later; then the fallback is used too and ``fellBack`` says why.
        """
        try:
            connection = self._connect()
            serial = self._send(connection, title, body, critical)
        except NotifierError as error:
            self._use_fallback(title, body, str(error))
            return False
        self._pending[serial] = (title, body)
        self._timeout.start()
        return True

    def close(self) -> None:
        """Close the bus connection; pending notifications are not waited for."""
        self._timeout.stop()
        self._pending.clear()
        if self._watcher is not None:
            self._watcher.setEnabled(False)
            self._watcher.deleteLater()
            self._watcher = None
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    # -- the bus -----------------------------------------------------------------------

    def _connect(self) -> Any:
        if self._connection is not None:
            return self._connection
        try:
            from jeepney.io.blocking import open_dbus_connection  # type: ignore[import-untyped]

            connection = open_dbus_connection(bus="SESSION", auth_timeout=1.0)
        except ImportError as error:
            raise NotifierError("no D-Bus support here (jeepney is not installed)") from error
        except (OSError, KeyError, ValueError, RuntimeError) as error:  # KeyError: no address
            raise NotifierError(f"no session bus ({type(error).__name__}: {error})") from error
        self._connection = connection
        self._watcher = QSocketNotifier(connection.sock.fileno(), QSocketNotifier.Type.Read, self)
        self._watcher.activated.connect(self._on_readable)
        return connection

    def _send(self, connection: Any, title: str, body: str, critical: bool) -> int:
        from jeepney import DBusAddress, new_method_call  # type: ignore[import-untyped]

        address = DBusAddress(PATH, bus_name=SERVICE, interface=SERVICE)
        urgency = _URGENCY_CRITICAL if critical else _URGENCY_NORMAL
        hints = {"urgency": ("y", urgency), "desktop-entry": ("s", APP_ID)}
        arguments: tuple[Any, ...] = (
            self._app_name, 0, self._icon, one_line(title), escape_body(body), [], hints, -1,
        )  # fmt: skip
        message = new_method_call(address, "Notify", SIGNATURE, arguments)
        serial: int = next(connection.outgoing_serial)
        try:
            connection.send(message, serial=serial)
        except OSError as error:
            self.close()
            raise NotifierError(f"the session bus connection failed ({error})") from error
        return serial

    @Slot()
    def _on_readable(self) -> None:
        from jeepney import HeaderFields, MessageType

        connection = self._connection
        if connection is None:
            return
        while True:
            try:
                message = connection.receive(timeout=0)
            except TimeoutError:
                break
            except (OSError, ValueError) as error:  # the bus went away, or sent garbage
                pending = list(self._pending.values())
                self.close()
                for title, body in pending:
                    self._use_fallback(title, body, f"the session bus connection failed ({error})")
                return
            serial = message.header.fields.get(HeaderFields.reply_serial)
            if serial not in self._pending:
                continue  # NameAcquired and other signals
            title, body = self._pending.pop(serial)
            if message.header.message_type == MessageType.error:
                name = message.header.fields.get(HeaderFields.error_name, "an error")
                self._use_fallback(title, body, f"the notification service answered {name}")
            else:
                self.sent.emit(int(message.body[0]) if message.body else 0)
        if not self._pending:
            self._timeout.stop()

    @Slot()
    def _on_timeout(self) -> None:
        pending = list(self._pending.values())
        self._pending.clear()
        for title, body in pending:
            self._use_fallback(title, body, "the notification service did not answer in time")

    def _use_fallback(self, title: str, body: str, why: str) -> None:
        log.info("desktop notification not shown by the desktop: %s; using the fallback", why)
        self.fellBack.emit(why)
        if self._fallback is None:
            return
        try:
            self._fallback(title, body)
        except Exception as error:  # noqa: BLE001 - a notification must never take the app down
            log.warning("the notification fallback failed: %s", type(error).__name__)


__all__ = ["SERVICE", "DesktopNotifier", "escape_body"]
