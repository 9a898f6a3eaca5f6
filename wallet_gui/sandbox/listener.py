"""An HTTP server that can be closed completely: every connection cut, every thread joined.

``ThreadingHTTPServer`` forgets its handler threads (or, with ``block_on_close``, joins them
without a bound) and never touches the connections they serve, so a keep-alive connection
keeps its thread blocked in a read long after the server "stopped". Tests then inherit the
previous test's threads and sockets. This server remembers the socket of every open
connection and the thread serving it; ``cut_connections`` shuts the sockets down (which
wakes any read or write on them) and ``join_handlers`` waits for the threads to end.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import socket
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from socketserver import _RequestType

log = logging.getLogger(__name__)

#: Builds the handler for one connection, as ``socketserver`` calls it.
HandlerFactory = Callable[[Any, Any, "TrackingHTTPServer"], BaseHTTPRequestHandler]
_Carrier = TypeVar("_Carrier", bound=socket.socket)


class TrackingHTTPServer(ThreadingHTTPServer):
    """A threading HTTP server that tracks its connections and handler threads."""

    # A handler left behind by a caller that never closes the server must not keep the
    # interpreter alive; ``join_handlers`` is how a well-behaved caller waits for them.
    daemon_threads = True
    block_on_close = False
    # The default backlog of 5 drops bursts of new connections (a 40-wallet refresh), and
    # each dropped SYN costs the client a 1 s retransmit: an artefact no real API has.
    request_queue_size = 128

    def __init__(
        self, address: tuple[str, int], handler_factory: HandlerFactory, *, thread_name: str
    ) -> None:
        self._thread_name = thread_name
        self._numbers = itertools.count(1)
        self._lock = threading.Lock()  # guards the three fields below
        self._closing = False
        # Accepted socket → the socket now carrying the connection (a TLS wrapper of it).
        self._connections: dict[socket.socket, socket.socket] = {}
        self._handler_threads: list[threading.Thread] = []
        super().__init__(address, handler_factory)

    # -- one connection ---------------------------------------------------------------------------

    def process_request(self, request: _RequestType, client_address: Any) -> None:
        assert isinstance(request, socket.socket)  # a TCP server accepts stream sockets
        # The suffix is the standard library's name for these threads, which tools that tell
        # the emulator's threads from the app's (tests/reliability/helpers.py) look for.
        thread = threading.Thread(
            target=self.process_request_thread,
            args=(request, client_address),
            name=f"{self._thread_name}-{next(self._numbers)} (process_request_thread)",
            daemon=self.daemon_threads,
        )
        with self._lock:
            accepted = not self._closing
            if accepted:
                self._connections[request] = request
                self._handler_threads = [t for t in self._handler_threads if t.is_alive()]
                self._handler_threads.append(thread)
        if accepted:
            thread.start()
        else:
            self.shutdown_request(request)

    def upgrade_connection(
        self, accepted: socket.socket, wrap: Callable[[socket.socket], _Carrier]
    ) -> _Carrier:
        """Replace the connection's socket by ``wrap(accepted)`` (TLS) and track that one.

        ``wrap`` must not block (no TLS handshake in it): it runs under the lock so that
        ``cut_connections`` never sees the accepted socket after ``wrap`` detached it.
        """
        with self._lock:
            carrier = wrap(accepted)
            if accepted in self._connections:
                self._connections[accepted] = carrier
            if self._closing:
                _cut(carrier)
        return carrier

    def forget_connection(self, accepted: socket.socket) -> None:
        """Stop tracking a connection; call before closing its socket."""
        with self._lock:
            self._connections.pop(accepted, None)

    def shutdown_request(self, request: _RequestType) -> None:
        if isinstance(request, socket.socket):
            self.forget_connection(request)
        super().shutdown_request(request)

    def handle_error(self, request: _RequestType, client_address: Any) -> None:
        # Clients that hang up mid-answer (timeouts, refused huge bodies) are expected here,
        # and so are connections cut by ``cut_connections``.
        log.debug("connection from %s ended abruptly", client_address, exc_info=True)

    # -- closing ------------------------------------------------------------------------------

    def cut_connections(self) -> None:
        """Accept no more connections and shut down every open one.

        Call after ``shutdown()`` (no more accepting). A handler blocked reading the next
        request of a keep-alive connection, or writing to a client that stopped reading,
        wakes up with end-of-file or an error and ends.
        """
        with self._lock:
            self._closing = True
            for carrier in self._connections.values():
                _cut(carrier)

    def join_handlers(self, timeout: float) -> list[threading.Thread]:
        """Wait up to ``timeout`` seconds in all for the handler threads; those still alive."""
        with self._lock:
            threads = list(self._handler_threads)
        deadline = time.monotonic() + timeout
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        return [thread for thread in threads if thread.is_alive()]


def _cut(carrier: socket.socket) -> None:
    """Shut a connection down in both directions, without closing its descriptor.

    The plain ``socket`` method is called even for a TLS socket: ``SSLSocket.shutdown``
    would also drop the TLS state that the handler thread may be using at this moment.
    Its owner still closes it; a connection already closed gives ``OSError``, ignored.
    """
    with contextlib.suppress(OSError):
        socket.socket.shutdown(carrier, socket.SHUT_RDWR)
