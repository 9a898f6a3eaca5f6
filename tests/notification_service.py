"""A small freedesktop notification service of the tests' own, on the real session bus.

It owns ``org.freedesktop.Notifications`` on the bus ``.ci/test`` starts (through
``dbus-run-session``) and records every ``Notify`` call with the exact D-Bus signature the
caller sent, so a test asserts what really went over the bus, not what a mock was handed.
It is written with ``jeepney`` (pure Python, already installed as a dependency of
``keyring``), on a plain thread that :meth:`NotificationService.stop` joins after releasing
the name and closing its socket, so the leak checks in ``conftest.py`` stay quiet.
"""

from __future__ import annotations

import os
import selectors
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from jeepney import HeaderFields, MessageType, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
NOTIFY_SIGNATURE = "susssasa{sv}i"
_PRIMARY_OWNER = 1
INTROSPECTION = """<node>
 <interface name="org.freedesktop.Notifications">
  <method name="Notify">
   <arg type="s" direction="in"/><arg type="u" direction="in"/><arg type="s" direction="in"/>
   <arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="as" direction="in"/>
   <arg type="a{sv}" direction="in"/><arg type="i" direction="in"/>
   <arg type="u" direction="out"/>
  </method>
  <method name="GetCapabilities"><arg type="as" direction="out"/></method>
  <method name="GetServerInformation">
   <arg type="s" direction="out"/><arg type="s" direction="out"/>
   <arg type="s" direction="out"/><arg type="s" direction="out"/>
  </method>
 </interface>
</node>
"""  # RequestName's reply when the name is ours


@dataclass(frozen=True)
class NotifyCall:
    """One ``Notify`` call as the service received it."""

    signature: str
    app_name: str
    replaces_id: int
    icon: str
    summary: str
    body: str
    actions: tuple[str, ...]
    hints: dict[str, Any]
    timeout: int
    returned_id: int


class NotificationService:
    """``org.freedesktop.Notifications`` on the session bus, recording ``Notify`` calls.

    Use as a context manager (or ``start()``/``stop()``); ``wait_for_calls(n)`` blocks until
    ``n`` calls have arrived (or the timeout passed) and returns them.
    """

    def __init__(self, *, answer: str = "id") -> None:
        self.answer = answer  # "id" (a normal server), "error", or "nothing" (a hung one)
        self.calls: list[NotifyCall] = []
        self._condition = threading.Condition()
        self._next_id = 1
        self._wake_read, self._wake_write = os.pipe()
        self._connection: DBusConnection | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        connection = open_dbus_connection(bus="SESSION")
        reply = connection.send_and_get_reply(message_bus.RequestName(NAME, 4), timeout=5)
        if reply.body[0] != _PRIMARY_OWNER:  # 4 = DO_NOT_QUEUE: ours now, or not at all
            connection.close()
            raise RuntimeError(f"{NAME} is already owned on this bus (reply {reply.body[0]})")
        self._connection = connection
        self._thread = threading.Thread(target=self._serve, name="notification-service")
        self._thread.start()

    def stop(self) -> None:
        """Stop serving, release the name (and wait for the bus to confirm), close."""
        if self._thread is not None:
            os.write(self._wake_write, b"x")
            self._thread.join()
            self._thread = None
        if self._connection is not None:
            self._connection.send_and_get_reply(message_bus.ReleaseName(NAME), timeout=5)
            self._connection.close()
            self._connection = None
        for fd in (self._wake_read, self._wake_write):
            os.close(fd)
        self._wake_read = self._wake_write = -1

    def __enter__(self) -> NotificationService:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def wait_for_calls(self, count: int, timeout: float = 10.0) -> list[NotifyCall]:
        with self._condition:
            self._condition.wait_for(lambda: len(self.calls) >= count, timeout)
            return list(self.calls)

    # -- the service thread --------------------------------------------------------------

    def _serve(self) -> None:
        connection = self._connection
        assert connection is not None
        with selectors.DefaultSelector() as selector:
            selector.register(connection.sock, selectors.EVENT_READ, "bus")
            selector.register(self._wake_read, selectors.EVENT_READ, "stop")
            while True:
                ready = {key.data for key, _events in selector.select()}
                if "stop" in ready:
                    return
                for message in _pending(connection):
                    self._answer(connection, message)

    def _answer(self, connection: DBusConnection, message: Any) -> None:
        header = message.header
        if header.message_type != MessageType.method_call:
            return  # NameAcquired and other signals from the bus
        member = header.fields.get(HeaderFields.member)
        if member == "Notify":
            returned = self._record(message)
            if self.answer == "id":
                connection.send(new_method_return(message, "u", (returned,)))
            elif self.answer == "error":
                failed = "org.freedesktop.DBus.Error.Failed"
                connection.send(new_error(message, failed, "s", ("out of bubbles",)))
        elif member == "GetCapabilities":
            connection.send(new_method_return(message, "as", (["body"],)))
        elif member == "Introspect":
            connection.send(new_method_return(message, "s", (INTROSPECTION,)))
        elif member == "GetServerInformation":
            info = ("wallet-gui tests", "wallet-gui", "1", "1.2")
            connection.send(new_method_return(message, "ssss", info))
        else:
            error = "org.freedesktop.DBus.Error.UnknownMethod"
            connection.send(new_error(message, error, "s", (f"no method {member}",)))

    def _record(self, message: Any) -> int:
        signature = message.header.fields.get(HeaderFields.signature, "")
        body = message.body
        with self._condition:
            returned = self._next_id
            self._next_id += 1
            if signature == NOTIFY_SIGNATURE:
                app, replaces, icon, summary, text, actions, hints, timeout = body
                call = NotifyCall(
                    signature, app, replaces, icon, summary, text, tuple(actions),
                    dict(hints), timeout, returned,
                )  # fmt: skip
            else:  # recorded anyway, so a test sees the wrong signature it was sent
                call = NotifyCall(signature, "", 0, "", "", repr(body), (), {}, 0, returned)
            self.calls.append(call)
            self._condition.notify_all()
        return returned


def _pending(connection: DBusConnection) -> Iterator[Any]:
    """Every message already readable, without blocking for more."""
    while True:
        try:
            yield connection.receive(timeout=0)
        except TimeoutError:
            return


def name_has_owner(name: str = NAME) -> bool:
    """Ask the bus itself, on a connection of its own, whether ``name`` has an owner now."""
    with open_dbus_connection(bus="SESSION") as connection:
        reply = connection.send_and_get_reply(message_bus.NameHasOwner(name), timeout=5)
        return bool(reply.body[0])


__all__ = ["NAME", "PATH", "NotificationService", "NotifyCall", "name_has_owner"]
