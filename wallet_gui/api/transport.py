"""The connections under the client: a keep-alive pool whose requests another thread can cut short.

Why it exists: ``requests`` offers no way to cancel a blocking read or a stalled TLS handshake,
yet the window must close at once even when a 10 s read is pending. Shutting the socket down
does it, so the adapter here registers every TCP connection it opens and can shut them all
down from any thread. It also records, for each requesting thread, the connection its request
is using now, so that a request whose total deadline passed can be cut on its own (see
``deadline``). It holds the session class that leaves redirects to the client and refuses to
send anything to another origin than the client's; the one reading of where a URL, or a
redirect's Location, leads (``origin``, ``resolve_location``: urllib3's parser, the one the
connection uses, which ``urllib.parse`` must not contradict); and the TLS context a
certificate-authenticated client connects with.

What it must not do: know any endpoint, sign, retry or follow a redirect, or decide what a
failure means to a person; turning exceptions into ``WalletError``s is ``error_mapping``'s job.
It never weakens TLS: a context built here only ever adds trust anchors and a client chain.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import ssl
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.poolmanager import PoolManager
from urllib3.response import HTTPResponse
from urllib3.util import parse_url
from urllib3.util.ssl_ import create_urllib3_context

from wallet_gui.api import messages
from wallet_gui.api.auth import DEFAULT_PORTS, CertificateAuth, CredentialsError
from wallet_gui.api.deadline import Watch, Watchdog

if TYPE_CHECKING:
    from urllib3._base_connection import BaseHTTPConnection

#: Distinct hosts the pool manager keeps pools for: the API host, and a spare.
_POOL_CONNECTIONS = 2

#: (scheme, host, port): what a connection is opened to.
Origin = tuple[str, str, int]
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_AUTHORITY_END = re.compile(r"[/?#]")


class OffOriginError(Exception):
    """A request was about to go to another origin than the client's: it was not sent."""


def origin(url: str) -> Origin:
    """The (scheme, host, port) a request to ``url`` connects to, default ports filled in.

    The URL is first rebuilt as ``requests`` sends it (with urllib3's ``parse_url``, the
    parser behind the connection; the host IDNA-encoded), then read with ``parse_url`` and
    with ``urllib.parse``, which ``requests`` picks the connection pool with: both must agree.
    Raises ``ValueError`` for a URL that is not absolute http(s), that a parser refuses, or
    that the parsers read differently (a backslash in the authority is one way).
    """
    prepared = requests.PreparedRequest()
    prepared.prepare_url(url, None)  # its errors (InvalidURL, MissingSchema …) are ValueErrors
    url = prepared.url or ""
    parsed = parse_url(url)  # LocationParseError is a ValueError
    scheme = (parsed.scheme or "").lower()
    host = (parsed.host or "").lower()
    if scheme not in DEFAULT_PORTS or not host:
        raise ValueError("not an absolute http(s) URL")
    found = (scheme, host.removeprefix("[").removesuffix("]"), parsed.port or DEFAULT_PORTS[scheme])
    split = urlsplit(url)
    as_split = (split.scheme.lower(), split.hostname or "", split.port or DEFAULT_PORTS[scheme])
    if as_split != found:
        raise ValueError("the URL parsers disagree about where it leads")
    return found


def resolve_location(url: str, location: str | None) -> tuple[str, str | None]:
    """Where a redirect answered to ``url`` leads: what kind of address ``location`` names,
    and the absolute URL to follow, which is None unless it stays on ``url``'s origin.

    Only what no parser can read another way is followed: never a Location with a
    backslash, a blank or a control character (parsers differ on each), nor one with user
    info (an ``@`` in its authority); and its origin is read by ``origin``.
    """
    if not location:
        return messages.NO_ADDRESS, None
    if "\\" in location or any(not char.isprintable() or char.isspace() for char in location):
        return messages.MALFORMED_ADDRESS, None
    after_scheme = _SCHEME.sub("", location, count=1)
    if after_scheme.startswith("//") and "@" in _AUTHORITY_END.split(after_scheme[2:], 1)[0]:
        return messages.USER_INFO_ADDRESS, None
    try:
        target = urljoin(url, location)
        same = origin(target) == origin(url)
    except ValueError:  # a bad port, an unclosed "[", parsers that disagree …
        return messages.MALFORMED_ADDRESS, None
    return (messages.SAME_ORIGIN, target) if same else (messages.ANOTHER_ORIGIN, None)


class SocketRegistry:
    """The connections an adapter opened, so that another thread can cut them short.

    Shutting a socket down wakes any thread blocked on it, in a read or in the middle of a
    TLS handshake. The TLS layer replaces the socket object during the handshake, so entries
    are kept by descriptor with both endpoints, and checked before acting: a descriptor the
    system has since reused for another connection is never touched.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        # Socket addresses are a tuple, a str or bytes depending on the family: only compared.
        self._entries: dict[int, tuple[object, object]] = {}
        self._aborted = False
        #: By requesting thread: the connection its current request uses (descriptor and
        #: endpoints), and the threads whose request was cut (what they use next is cut too).
        self._in_use: dict[int, tuple[int, tuple[object, object]]] = {}
        self._cut: set[int] = set()

    def add(self, sock: socket.socket) -> None:
        with self._lock:
            self._entries[sock.fileno()] = (sock.getsockname(), sock.getpeername())
            aborted = self._aborted
        if aborted:  # opened while abort() ran: do not let it live on
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def use(self, sock: socket.socket) -> None:
        """Record ``sock`` as the connection the calling thread's request is using now."""
        thread = threading.get_ident()
        try:
            entry = (sock.fileno(), (sock.getsockname(), sock.getpeername()))
        except OSError:
            return  # already closed or shut down: nothing left to cut
        with self._lock:
            self._in_use[thread] = entry
            cut = thread in self._cut or self._aborted
        if cut:  # the request's time ran out (or abort() ran) before it took this one up
            _shutdown_if_same(*entry)

    def release(self, sock: socket.socket) -> None:
        """``sock`` went back to the pool: the request that used it no longer does."""
        try:
            descriptor = sock.fileno()
        except OSError:
            return
        with self._lock:
            for thread, (used, _) in list(self._in_use.items()):
                if used == descriptor:
                    del self._in_use[thread]

    def begin(self) -> None:
        """The calling thread starts a request: it uses no connection yet, and is not cut."""
        self.end()

    def end(self) -> None:
        """The calling thread's request is over: forget its connection."""
        thread = threading.get_ident()
        with self._lock:
            self._in_use.pop(thread, None)
            self._cut.discard(thread)

    def cut(self, thread: int) -> None:
        """Shut down the connection ``thread``'s request uses, and any it takes up later.

        Safe from any thread; the caller must make sure ``thread`` is still in the request
        it means to cut (``deadline.Watch.cancel`` does).
        """
        with self._lock:
            self._cut.add(thread)
            entry = self._in_use.get(thread)
        if entry is not None:
            _shutdown_if_same(*entry)

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def shutdown_all(self) -> None:
        with self._lock:
            self._aborted = True
            entries = list(self._entries.items())
        for descriptor, endpoints in entries:
            _shutdown_if_same(descriptor, endpoints)


def _shutdown_if_same(descriptor: int, endpoints: tuple[object, object]) -> None:
    """Shut down the connection on ``descriptor`` if it still joins ``endpoints``.

    Through a duplicate of the descriptor: the TLS layer replaces the socket object (the old
    one then has no descriptor), and the descriptor may have been reused for another
    connection since, which is then left alone.
    """
    try:
        duplicate = socket.socket(fileno=os.dup(descriptor))
    except OSError:
        return  # closed meanwhile, or no longer a socket
    with duplicate, contextlib.suppress(OSError):
        if (duplicate.getsockname(), duplicate.getpeername()) == endpoints:
            # shutdown() acts on the connection, so the duplicate reaches the original.
            duplicate.shutdown(socket.SHUT_RDWR)


class _TrackingConnection(HTTPConnection):
    """A connection that registers each new TCP connection before TLS starts, and tells the
    registry which connection the calling thread's request uses: a new one when it is
    opened, a pooled one when a request is sent or an answer awaited on it.

    urllib3 creates connections from a class, not a factory, so each adapter subclasses this
    with its own ``registry``.
    """

    registry: ClassVar[SocketRegistry]

    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        self.registry.add(sock)
        self.registry.use(sock)
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:
        if self.sock is not None:  # a kept-alive connection taken from the pool
            self.registry.use(self.sock)
        super().request(*args, **kwargs)

    def getresponse(self) -> HTTPResponse:  # type: ignore[override]  # as urllib3 does
        if self.sock is not None:
            self.registry.use(self.sock)
        return super().getresponse()


class _TrackingHTTPSConnection(_TrackingConnection, HTTPSConnection):
    """The HTTPS flavour: ``_new_conn`` runs before the handshake, so a stalled one is covered."""


class _ReleasingPool(HTTPConnectionPool):
    """A pool that tells the registry when a connection comes back: no request uses it then,
    so a deadline that passes later cannot cut whichever request takes it up next."""

    registry: ClassVar[SocketRegistry]

    def _put_conn(self, conn: BaseHTTPConnection | None) -> None:
        sock = getattr(conn, "sock", None)
        if isinstance(sock, socket.socket):
            self.registry.release(sock)
        super()._put_conn(conn)


def _tracking_pools(registry: SocketRegistry) -> dict[str, type[HTTPConnectionPool]]:
    """Connection pool classes, by scheme, whose connections land in ``registry``."""

    class Connection(_TrackingConnection):
        pass

    class SecureConnection(_TrackingHTTPSConnection):
        pass

    Connection.registry = registry
    SecureConnection.registry = registry

    class TrackingPool(_ReleasingPool):
        ConnectionCls = Connection

    class TrackingHTTPSPool(_ReleasingPool, HTTPSConnectionPool):
        ConnectionCls = SecureConnection

    TrackingPool.registry = registry
    TrackingHTTPSPool.registry = registry

    return {"http": TrackingPool, "https": TrackingHTTPSPool}


def _pools_of(manager: PoolManager) -> list[HTTPConnectionPool]:
    # keys() is a copy taken under the container's lock; the container refuses plain iteration.
    pools = (manager.pools.get(key) for key in manager.pools.keys())  # noqa: SIM118
    return [pool for pool in pools if pool is not None]


class AbortableAdapter(HTTPAdapter):
    """An adapter whose in-flight requests another thread can cut short.

    ``requests`` offers no way to cancel a blocking read; shutting the socket down does,
    and it is what lets the window close at once even when a 10 s read is pending.
    """

    def __init__(self, *, pool_maxsize: int, ssl_context: ssl.SSLContext | None = None) -> None:
        self._sockets = SocketRegistry()
        self._ssl_context = ssl_context
        super().__init__(pool_connections=_POOL_CONNECTIONS, pool_maxsize=pool_maxsize)

    def init_poolmanager(
        self, connections: int, maxsize: int, block: bool = False, **pool_kwargs: Any
    ) -> None:
        if self._ssl_context is not None:
            # requests cannot pass a key passphrase; the chain lives in our own context.
            pool_kwargs["ssl_context"] = self._ssl_context
        super().init_poolmanager(connections, maxsize, block, **pool_kwargs)
        self.poolmanager.pool_classes_by_scheme = _tracking_pools(self._sockets)

    def abort(self) -> None:
        self._sockets.shutdown_all()

    @contextlib.contextmanager
    def watched(self, watchdog: Watchdog, seconds: float) -> Iterator[Watch]:
        """The calling thread's request, for ``with``: cut when ``seconds`` have passed.

        Cut means: the connection it uses then is shut down, and so is any it takes up later.
        """
        thread = threading.get_ident()
        self._sockets.begin()
        watch = watchdog.watch(seconds, lambda: self._sockets.cut(thread))
        try:
            yield watch
        finally:
            watch.cancel()  # after this, the cut cannot reach this thread's next request
            self._sockets.end()

    def close(self) -> None:
        """Close every pooled connection now, not when the last response is collected.

        Since urllib3 2, a pool manager's ``clear()`` only forgets its pools; a pool closes
        once nothing refers to it. A response kept alive (by an error's traceback that a log
        record or a report still holds, say) would keep its pool's idle keep-alive socket
        open long after the client was closed.
        """
        managers: list[PoolManager] = [self.poolmanager, *self.proxy_manager.values()]
        pools = [pool for manager in managers for pool in _pools_of(manager)]
        super().close()
        for pool in pools:
            pool.close()


class ManualRedirectSession(requests.Session):
    """A session that never works out a redirect target: the client follows redirects itself.

    With ``only_origin`` (a URL), it sends nothing to any other origin: a request whose URL
    leads elsewhere, as ``origin`` reads it, raises ``OffOriginError`` before anything is sent.
    """

    def __init__(self, only_origin: str | None = None) -> None:
        super().__init__()
        self._guarded = only_origin is not None
        self.only_origin: Origin | None = None
        if only_origin is not None:
            # A URL the parsers read differently leaves None: then nothing is ever sent.
            with contextlib.suppress(ValueError):
                self.only_origin = origin(only_origin)

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        if self._guarded:
            try:
                reached: Origin | None = origin(request.url or "")
            except ValueError:
                reached = None
            if reached is None or reached != self.only_origin:
                raise OffOriginError("the request would leave the client's origin")
        return super().send(request, **kwargs)

    def get_redirect_target(self, resp: requests.Response) -> str | None:
        # Even with allow_redirects=False, requests decodes Location as UTF-8 to fill in
        # ``response.next``; a Location that is not UTF-8 then raised inside ``send``, leaking
        # the open response.
        return None


def certificate_context(auth: CertificateAuth, ca_bundle: str | None) -> ssl.SSLContext:
    """The TLS context for a client-certificate client: system CAs, ``ca_bundle``, the chain."""
    context = create_urllib3_context()
    context.load_default_certs()
    if ca_bundle:
        try:
            context.load_verify_locations(cafile=ca_bundle)
        except (OSError, ssl.SSLError) as exc:
            reason = getattr(exc, "strerror", None) or type(exc).__name__
            raise CredentialsError(template=messages.CA_BUNDLE, args=(reason,)) from None
    auth.load_into(context)
    return context
