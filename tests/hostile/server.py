"""A misbehaving HTTP server for the hostile-server tests: raw bytes, pauses, no manners.

The emulator plays a correct API with faults; some attacks need a server that breaks the
protocol itself: drip-feeding a body a byte a second, trickling headers, redirecting a
signed request elsewhere, answering with escape sequences. Each request is answered by a
*script*: a list of steps, each either bytes to send or seconds to pause. Pauses end early
when the server stops, and ``stop()`` closes every connection and joins every thread, so a
test never leaves anything behind. It binds 127.0.0.1 only.
"""

from __future__ import annotations

import contextlib
import json
import socket
import ssl
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

Step = bytes | float
Script = Sequence[Step]


@dataclass(frozen=True)
class SeenRequest:
    """What the server received: the request line's parts and the headers."""

    method: str
    target: str
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def path(self) -> str:
        return self.target.split("?", 1)[0]


Responder = Callable[[SeenRequest], Script]


def reply(
    status: int = 200,
    body: bytes | str | Any = b"",
    *,
    headers: dict[str, str] | None = None,
    content_type: str = "application/json",
) -> list[Step]:
    """A whole, well-formed answer in one step (``body`` other than bytes/str is JSON)."""
    if not isinstance(body, bytes | str):
        body = json.dumps(body)
    data = body.encode() if isinstance(body, str) else body
    head = [f"HTTP/1.1 {status} {HTTPStatus(status).phrase}"]
    all_headers = {"Content-Type": content_type, "Content-Length": str(len(data))}
    all_headers.update(headers or {})
    head += [f"{name}: {value}" for name, value in all_headers.items()]
    return [("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + data]


def drip(data: bytes, every: float) -> list[Step]:
    """``data`` one byte at a time, ``every`` seconds apart."""
    steps: list[Step] = []
    for byte in data:
        steps += [bytes([byte]), every]
    return steps


class HostileServer:
    """Answers every request with ``responder(request)``; records what it received.

    ``on_connect`` is a script played on each new connection before anything else, before
    TLS too: ``[60.0]`` accepts TCP and then says nothing (a stalled handshake). ``accepted``
    counts the connections accepted, so a test can tell that nothing at all arrived.
    """

    def __init__(
        self,
        responder: Responder,
        *,
        ssl_context: ssl.SSLContext | None = None,
        on_connect: Script = (),
    ):
        self.responder = responder
        self.requests: list[SeenRequest] = []
        self.accepted = 0
        self._on_connect = on_connect
        self._ssl_context = ssl_context
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._arrived = threading.Condition()
        self._threads: list[threading.Thread] = []
        self._connections: list[socket.socket] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        scheme = "https" if ssl_context else "http"
        self.origin = f"{scheme}://127.0.0.1:{self.port}"
        self.url = f"{self.origin}/rest/v1"
        self._acceptor = threading.Thread(target=self._accept, name="hostile-accept")

    def wait_for_requests(self, count: int = 1, timeout: float = 20.0) -> bool:
        """Block until ``count`` requests have arrived (True) or ``timeout`` passed (False)."""
        with self._arrived:
            return self._arrived.wait_for(lambda: len(self.requests) >= count, timeout)

    def __enter__(self) -> HostileServer:
        self._acceptor.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def stop(self) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
        self._listener.close()
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        self._acceptor.join()
        for thread in self._threads:
            thread.join()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                self._connections.append(connection)
                self.accepted += 1
            thread = threading.Thread(
                target=self._serve, args=(connection,), name="hostile-connection"
            )
            self._threads.append(thread)
            thread.start()

    def _play(self, connection: socket.socket, script: Script) -> bool:
        """Send the script's bytes, wait its pauses; False once the server is stopping."""
        for step in script:
            if isinstance(step, bytes):
                connection.sendall(step)
            elif self._stop.wait(step):
                return False
        return True

    def _serve(self, connection: socket.socket) -> None:
        try:
            if not self._play(connection, self._on_connect):
                return
            if self._ssl_context is not None:
                connection = self._ssl_context.wrap_socket(connection, server_side=True)
                with self._lock:
                    self._connections.append(connection)
            stream = connection.makefile("rb")
            while not self._stop.is_set():
                request = self._read_request(stream)
                if request is None:
                    return
                with self._arrived:
                    self.requests.append(request)
                    self._arrived.notify_all()
                if not self._play(connection, self.responder(request)):
                    return
        except (OSError, ssl.SSLError, ValueError):
            return
        finally:
            connection.close()

    @staticmethod
    def _read_request(stream: Any) -> SeenRequest | None:
        line = stream.readline(65536)
        if not line.strip():
            return None
        method, target, *_ = line.decode("latin-1").split()
        headers: dict[str, str] = {}
        while True:
            header = stream.readline(65536)
            if header in (b"\r\n", b"\n", b""):
                break
            name, _, value = header.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0") or 0)
        if length:
            stream.read(length)
        return SeenRequest(method, target, headers)
