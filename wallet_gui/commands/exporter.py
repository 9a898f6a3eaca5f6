"""``wallet-gui exporter``: the monitor's figures for Prometheus, polled without pause.

It runs the window's polling (the same ``Monitor`` and ``PollPolicy``, one ``PollLoop``
thread per profile) with no Qt at all, so it fits a headless monitoring host, and serves
what the loops last saw on ``/metrics`` — or, with ``--textfile``, rewrites a file for
node_exporter's textfile collector after each poll (atomically: a temporary file renamed
over it, so the collector never reads half a file).

It listens on loopback only unless told otherwise (``--listen-any-address``): the balances
are nobody else's business, and the exposition has no authentication. SIGTERM or SIGINT
stops it within a second: requests in flight are cut, every thread is joined, and it exits
0 without a traceback. A usage error, a missing profile or key is one line and exit 2.
Secrets come from ``WALLET_GUI_MAC_KEY`` or each profile's keyring entry and are never
printed or logged.
"""

from __future__ import annotations

import ipaddress
import logging
import signal
import socket
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from socketserver import TCPServer, ThreadingMixIn
from types import FrameType
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

from prometheus_client import CollectorRegistry, make_wsgi_app, write_to_textfile

from wallet_gui.api.client import DEFAULT_TIMEOUT_S
from wallet_gui.api.errors import WalletError
from wallet_gui.commands.metrics import SnapshotCollector
from wallet_gui.core.connection import AUTH_CERTIFICATE
from wallet_gui.core.credentials import CredentialStore
from wallet_gui.core.logging_setup import configure_logging
from wallet_gui.core.monitor import Monitor
from wallet_gui.core.poll_loop import LoopSnapshot, PollLoop
from wallet_gui.core.profiles import ProfileStore
from wallet_gui.core.redaction import install_redaction
from wallet_gui.core.resolve import ConnectionOptions, UsageError, resolve_secret, resolve_settings
from wallet_gui.core.terminal_text import terminal_safe

EXIT_OK, EXIT_ERROR = 0, 2
DEFAULT_LISTEN = "127.0.0.1:9717"
log = logging.getLogger(__name__)

#: How often the HTTP server's loop looks for a shutdown request: a stop costs at most this.
_SERVE_POLL_S = 0.1
#: A scrape is one short request; a client that holds a connection longer is cut, so that a
#: stuck client cannot keep a request thread (and with it the shutdown) waiting.
_REQUEST_TIMEOUT_S = 3.0


class ExporterError(WalletError):
    """The exporter cannot do what was asked: listen, or write its textfile."""


@dataclass(frozen=True, slots=True)
class ExporterRequest:
    """What the command line asked ``exporter`` for.

    ``options`` apply to every profile named in ``profiles`` (its own ``profile`` is
    unused); with no profile named, they describe the one connection to watch.
    """

    profiles: tuple[str, ...] = ()
    options: ConnectionOptions = field(default_factory=ConnectionOptions)
    listen: str = DEFAULT_LISTEN
    listen_any_address: bool = False
    textfile: str | None = None
    verbose: bool = False
    timeout: float = DEFAULT_TIMEOUT_S


@dataclass(frozen=True, slots=True)
class ListenAddress:
    """Where to serve: an address to bind, its family, and the URL scrapers use."""

    host: str
    port: int
    family: socket.AddressFamily

    def authority(self, port: int | None = None) -> str:
        """``host:port`` as a URL has it (``[::1]:9717``); ``port`` if the bound one differs."""
        host = f"[{self.host}]" if self.family == socket.AF_INET6 else self.host
        return f"{host}:{self.port if port is None else port}"

    def url(self, port: int | None = None) -> str:
        return f"http://{self.authority(port)}/metrics"


def listen_address(text: str, *, any_address: bool = False) -> ListenAddress:
    """``HOST:PORT`` (``[::1]:PORT`` for IPv6) resolved, refused unless loopback or allowed.

    Every address the host resolves to must be loopback: a name that also points at a
    public interface would publish the balances there.
    """
    host, colon, port_text = text.strip().rpartition(":")
    if not colon or not port_text.isdigit() or int(port_text) > 65535:
        raise UsageError(f"--listen {text!r} is not HOST:PORT (e.g. {DEFAULT_LISTEN})")
    host = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    try:
        found = socket.getaddrinfo(
            host or None, int(port_text), type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )
    except (OSError, UnicodeError) as error:
        raise UsageError(f"--listen {text!r}: cannot resolve {host!r} ({error})") from None
    addresses = [str(info[4][0]) for info in found]
    if not any_address and not all(_is_loopback(a) for a in addresses):
        raise UsageError(
            f"--listen {text} is not a loopback address, so other machines could read the "
            "balances; add --listen-any-address if that is meant"
        )
    return ListenAddress(addresses[0], int(port_text), found[0][0])


def _is_loopback(address: str) -> bool:
    return ipaddress.ip_address(address.split("%", 1)[0]).is_loopback


class _QuietHandler(WSGIRequestHandler):
    """No access log: Prometheus scrapes every few seconds, and stderr is for problems."""

    timeout = _REQUEST_TIMEOUT_S

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _MetricsServer(ThreadingMixIn, WSGIServer):
    """A threaded WSGI server whose ``server_close`` joins every request thread."""

    daemon_threads = False
    block_on_close = True

    def __init__(self, address: ListenAddress) -> None:
        self.address_family = address.family  # read by the base class to make the socket
        super().__init__((address.host, address.port), _QuietHandler)

    def server_bind(self) -> None:
        # As the base class, without its reverse DNS lookup of the address (``getfqdn``):
        # starting must not wait for a resolver that a monitoring host may not reach.
        TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), self.server_address[1]
        self.setup_environ()

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A scraper that hangs up early is not worth a traceback on stderr.
        log.debug("serving %s failed", client_address, exc_info=True)


class Exporter:
    """The poll loops, and the HTTP server or the textfile writer over their snapshots.

    ``stop()`` may be called from any thread, or from a signal handler: it only writes one
    byte to a socket that ``wait()`` reads, taking no lock. ``close()`` then stops and joins
    everything; it is what cuts requests in flight.
    """

    def __init__(
        self,
        monitors: Sequence[Monitor],
        *,
        listen: ListenAddress | None = None,
        textfile: str | None = None,
    ) -> None:
        if (listen is None) == (textfile is None):
            raise ValueError("an exporter either listens or writes a textfile")
        self.loops = tuple(PollLoop(monitor, self._on_snapshot) for monitor in monitors)
        self.listen = listen
        self.textfile = textfile
        self.registry = CollectorRegistry(auto_describe=False)
        self.registry.register(SnapshotCollector(self.snapshots))
        self.changed = threading.Event()
        self.writes = 0  # textfiles written so far (by one thread at a time)
        self._closing = threading.Event()
        self._wake_in, self._wake_out = socket.socketpair()
        self._wake_out.setblocking(False)
        self._server: _MetricsServer | None = None
        self._threads: list[threading.Thread] = []
        self._closed = False

    def snapshots(self) -> list[LoopSnapshot]:
        return [loop.snapshot for loop in self.loops]

    def _on_snapshot(self, _snapshot: LoopSnapshot) -> None:
        """The loops' listener: a textfile is due (a scrape reads the loops directly)."""
        self.changed.set()

    @property
    def wake_fd(self) -> int:
        """A descriptor for ``signal.set_wakeup_fd``: a signal then ends ``wait()``."""
        return self._wake_out.fileno()

    @property
    def where(self) -> str:
        """The URL served (with the port really bound) or the textfile's path."""
        if self.listen is None:
            return str(self.textfile)
        port = self._server.server_address[1] if self._server is not None else None
        return self.listen.url(int(port) if port is not None else None)

    def start(self) -> None:
        """Bind (or write the textfile once), then start polling; ``ExporterError`` if not."""
        try:
            if self.listen is not None:
                self._server = _MetricsServer(self.listen)
                self._server.set_app(make_wsgi_app(self.registry))
            else:
                self._write_textfile()
        except OSError as error:
            self.close()
            if self.listen is None:
                what = f"write {self.textfile}"
            else:
                what = f"listen on {self.listen.authority()}"
            raise ExporterError(f"cannot {what}: {error.strerror or error}") from None
        for loop in self.loops:
            loop.start()
        if self._server is not None:
            self._spawn("wallet-exporter http", self._server.serve_forever, _SERVE_POLL_S)
        else:
            self._spawn("wallet-exporter textfile", self._keep_writing)

    def _spawn(self, name: str, target: Callable[..., object], *args: object) -> None:
        thread = threading.Thread(target=target, args=args, name=name, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _write_textfile(self) -> None:
        write_to_textfile(str(self.textfile), self.registry)
        self.writes += 1

    def _keep_writing(self) -> None:
        while True:
            self.changed.wait()
            if self._closing.is_set():
                return
            self.changed.clear()
            try:
                self._write_textfile()
            except OSError as error:
                log.warning("cannot write %s: %s", self.textfile, error.strerror or error)

    def wait(self) -> None:
        """Block until ``stop()`` (or a signal routed through ``wake_fd``)."""
        # A signal interrupts the read, Python runs the (empty) handler and reads again,
        # finding the byte the interpreter wrote to ``wake_fd``.
        self._wake_in.recv(1)

    def stop(self) -> None:
        """Ask ``wait()`` to return; safe from any thread and from a signal handler."""
        # A full buffer means it is woken already; a closed socket, that it is over.
        with suppress(OSError):
            self._wake_out.send(b"\0")

    def close(self) -> None:
        """Stop polling and serving, cut requests in flight, and join every thread."""
        if self._closed:
            return
        self._closed = True
        self._closing.set()
        for loop in self.loops:
            loop.stop()  # all aborted first, so they wind down together
        if self._server is not None and self._threads:
            self._server.shutdown()  # returns once serve_forever has (≤ _SERVE_POLL_S)
        self.changed.set()
        for thread in self._threads:
            thread.join()
        for loop in self.loops:
            loop.join()
        if self._server is not None:
            self._server.server_close()
        self._wake_in.close()
        self._wake_out.close()


def _build_monitors(request: ExporterRequest) -> list[Monitor]:
    """One monitor per profile; ``WalletError`` (one line) when one cannot be had."""
    names: Sequence[str | None] = request.profiles or (None,)
    if len(set(names)) < len(names):
        raise UsageError("a profile is named more than once")
    profiles, credentials = ProfileStore(), CredentialStore()
    resolved = []
    for name in names:  # every profile and key first: a typo fails before anything starts
        settings = resolve_settings(replace(request.options, profile=name), profiles)
        if settings.wallet_ids and not (
            settings.client_id or settings.auth_method == AUTH_CERTIFICATE
        ):
            # Unsigned, every balance request would fail, forever: say so now instead.
            raise UsageError(
                f"{settings.profile}: reading wallets needs a client id (--client-id or a profile)"
            )
        secret = resolve_secret(settings, credentials, required=bool(settings.wallet_ids))
        if secret:
            install_redaction(secret)
        resolved.append((settings, secret))
    monitors: list[Monitor] = []
    try:
        for settings, secret in resolved:
            monitors.append(Monitor(settings, secret, timeout=request.timeout))
    except WalletError:
        for monitor in monitors:
            monitor.close()
        raise
    return monitors


@contextmanager
def _signals_wake(exporter: Exporter) -> Iterator[None]:
    """SIGTERM and SIGINT end ``exporter.wait()`` (main thread only; elsewhere nothing).

    The handlers do nothing in Python: the interpreter writes the signal to the wakeup
    descriptor at C level, which takes no lock a handler could deadlock on.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def ignore(_signum: int, _frame: FrameType | None) -> None:
        pass

    previous = {sig: signal.signal(sig, ignore) for sig in (signal.SIGTERM, signal.SIGINT)}
    previous_fd = signal.set_wakeup_fd(exporter.wake_fd, warn_on_full_buffer=False)
    try:
        yield
    finally:
        signal.set_wakeup_fd(previous_fd)
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def run_exporter(
    request: ExporterRequest, *, ready: Callable[[Exporter], None] | None = None
) -> int:
    """Poll and export until stopped; returns the exit status.

    ``ready`` is called once serving (tests use it to learn the port and to call
    ``stop()`` from another thread).
    """
    configure_logging(request.verbose)
    try:
        address = (
            None
            if request.textfile
            else listen_address(request.listen, any_address=request.listen_any_address)
        )
        exporter = Exporter(_build_monitors(request), listen=address, textfile=request.textfile)
    except WalletError as error:
        print(f"error: {terminal_safe(str(error))}", file=sys.stderr)
        return EXIT_ERROR
    try:
        with _signals_wake(exporter):
            try:
                exporter.start()
            except ExporterError as error:
                print(f"error: {terminal_safe(str(error))}", file=sys.stderr)
                return EXIT_ERROR
            names = ", ".join(terminal_safe(loop.profile) for loop in exporter.loops)
            doing = "serving {}" if address is not None else "writing {} after each poll"
            print(
                f"wallet-gui exporter: {doing.format(exporter.where)} for {names}", file=sys.stderr
            )
            if ready is not None:
                ready(exporter)
            exporter.wait()
    finally:
        exporter.close()
    return EXIT_OK


__all__ = [
    "DEFAULT_LISTEN",
    "EXIT_ERROR",
    "EXIT_OK",
    "Exporter",
    "ExporterError",
    "ExporterRequest",
    "ListenAddress",
    "listen_address",
    "run_exporter",
]
