"""A typed client for the Paysera Wallet REST API, built on one keep-alive ``requests.Session``.

Its contract is narrow on purpose: every public method returns a parsed, typed value or
raises a ``WalletError`` subclass with a one-line message. The client never sleeps and never
retries on its own, with one exception the clock design asks for: a signed GET answered with
``401 invalid_timestamp`` is re-signed and sent once more after ``on_invalid_timestamp`` has
re-measured the clock. Waiting, backoff and rate budgets belong to the caller's scheduler.

Defences that matter for a monitor left running for days against a payment API:
TLS verification is always on (a custom CA bundle may be added, never verification
removed); a body larger than ``max_body_bytes`` is refused while streaming; redirects are
followed only within the same origin, so a signature is never sent to another host; nothing
is cached (``Cache-Control: no-store``; a ``/server`` answer with ``Age`` is marked cached).
"""

from __future__ import annotations

import contextlib
import email.utils
import json
import logging
import os
import re
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.util.ssl_ import create_urllib3_context

from wallet_gui import __version__
from wallet_gui.api import models
from wallet_gui.api.auth import CertificateAuth, CredentialsError
from wallet_gui.api.errors import ApiError, ResponseFormatError, TransportError, WalletError

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://wallet.paysera.com/rest/v1"
#: The host Paysera's Java and Swift SDKs call; the same API.
ALTERNATIVE_BASE_URL = "https://wallet-api.paysera.com/rest/v1"
#: No documented answer comes anywhere near this; a larger one is a fault or an attack.
MAX_BODY_BYTES = 1024 * 1024
_MAX_SAME_ORIGIN_REDIRECTS = 3
_MAX_RETRY_AFTER_S = 86400.0
_MEDIA_TYPE = re.compile(r"[\w.+-]+/[\w.+-]+")
_CHUNK = 64 * 1024


class ConfigurationError(WalletError):
    """The client was configured with something unusable (a malformed base URL, say)."""


class _SocketRegistry:
    """The connections an adapter opened, so that another thread can cut them short.

    Shutting a socket down wakes any thread blocked on it, in a read or in the middle of a
    TLS handshake. The TLS layer replaces the socket object during the handshake, so entries
    are kept by descriptor with both endpoints, and checked before acting: a descriptor the
    system has since reused for another connection is never touched.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[int, tuple[Any, Any]] = {}
        self._aborted = False

    def add(self, sock: socket.socket) -> None:
        with self._lock:
            self._entries[sock.fileno()] = (sock.getsockname(), sock.getpeername())
            aborted = self._aborted
        if aborted:  # opened while abort() ran: do not let it live on
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def shutdown_all(self) -> None:
        with self._lock:
            self._aborted = True
            entries = list(self._entries.items())
        for descriptor, endpoints in entries:
            try:
                duplicate = socket.socket(fileno=os.dup(descriptor))
            except OSError:
                continue  # closed meanwhile, or no longer a socket
            with duplicate, contextlib.suppress(OSError):
                if (duplicate.getsockname(), duplicate.getpeername()) == endpoints:
                    # shutdown() acts on the connection, so the duplicate reaches the original.
                    duplicate.shutdown(socket.SHUT_RDWR)


def _tracking(base: type[HTTPConnection], registry: _SocketRegistry) -> type:
    """A connection class that registers each new TCP connection before TLS starts."""

    class TrackingConnection(base):  # type: ignore[valid-type, misc]
        def _new_conn(self) -> socket.socket:
            sock = super()._new_conn()
            registry.add(sock)
            return sock

    return TrackingConnection


class _AbortableAdapter(HTTPAdapter):
    """An adapter whose in-flight requests another thread can cut short.

    ``requests`` offers no way to cancel a blocking read; shutting the socket down does,
    and it is what lets the window close at once even when a 10 s read is pending.
    """

    def __init__(self, *, pool_maxsize: int, ssl_context: ssl.SSLContext | None = None) -> None:
        self._sockets = _SocketRegistry()
        self._ssl_context = ssl_context
        super().__init__(pool_connections=2, pool_maxsize=pool_maxsize)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        if self._ssl_context is not None:
            # requests cannot pass a key passphrase; the chain lives in our own context.
            kwargs["ssl_context"] = self._ssl_context
        super().init_poolmanager(*args, **kwargs)
        sockets = self._sockets

        class TrackingPool(HTTPConnectionPool):
            ConnectionCls = _tracking(HTTPConnection, sockets)

        class TrackingHTTPSPool(HTTPSConnectionPool):
            ConnectionCls = _tracking(HTTPSConnection, sockets)

        self.poolmanager.pool_classes_by_scheme = {
            "http": TrackingPool,
            "https": TrackingHTTPSPool,
        }

    def abort(self) -> None:
        self._sockets.shutdown_all()


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """Walk an exception and everything wrapped inside it (requests nests urllib3 nests ssl)."""
    seen: set[int] = set()
    stack: list[BaseException] = [exc]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        for inner in (current.__cause__, current.__context__, getattr(current, "reason", None)):
            if isinstance(inner, BaseException):
                stack.append(inner)
        stack.extend(arg for arg in current.args if isinstance(arg, BaseException))


def _retry_after(value: str | None) -> float | None:
    """``Retry-After`` as seconds from now: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():  # not "²", which isdigit() also accepts
        # A day is far beyond any real rate-limit window; more is a broken header.
        return min(float(value[:12]), _MAX_RETRY_AFTER_S)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return min(max(0.0, (when - datetime.now(UTC)).total_seconds()), _MAX_RETRY_AFTER_S)


def _media_type(response: requests.Response) -> str:
    """The answer's media type, only if it looks like one: it is quoted back to people."""
    declared = response.headers.get("Content-Type", "").split(";")[0].strip()
    match = _MEDIA_TYPE.fullmatch(declared[:80])
    return match.group(0) if match else "unknown type"


def _same_origin(a: str, b: str) -> bool:
    first, second = urlsplit(a), urlsplit(b)
    return (first.scheme, first.hostname, first.port) == (
        second.scheme,
        second.hostname,
        second.port,
    )


class _Session(requests.Session):
    def get_redirect_target(self, resp: requests.Response) -> str | None:
        # The client follows redirects itself (see ``_redirect_target``). Even with
        # allow_redirects=False, requests decodes Location as UTF-8 to fill in ``response.next``;
        # a Location that is not UTF-8 then raised inside ``send``, leaking the open response.
        return None


class WalletClient:
    """The Wallet API over one keep-alive session.

    Args:
        base_url: the API root, e.g. ``https://wallet.paysera.com/rest/v1``; endpoint paths are
            joined under it.
        auth: ``MacAuth``, ``CertificateAuth`` or ``None`` (only unsigned endpoints then work).
        timeout: seconds for connecting and, separately, for each read.
        ca_bundle: an extra PEM bundle of trusted CAs (a private CA); verification stays on.
        on_invalid_timestamp: called after a signed GET was refused with ``invalid_timestamp``;
            it should re-measure the clock. The request is then signed again and retried once.
        max_body_bytes: answers larger than this are refused while streaming.
        max_concurrency: how many requests may share the keep-alive pool at once.
        monotonic, wall: time sources for probe timing (injectable for tests).
    """

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        auth: requests.auth.AuthBase | None = None,
        *,
        timeout: float = 10.0,
        ca_bundle: str | None = None,
        on_invalid_timestamp: Callable[[], None] | None = None,
        max_body_bytes: int = MAX_BODY_BYTES,
        max_concurrency: int = 16,
        monotonic: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
    ) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigurationError(f"not an http(s) base URL: {base_url[:100]!r}")
        try:
            parts.port  # noqa: B018 - raises ValueError for a malformed port
        except ValueError:
            raise ConfigurationError(f"invalid port in base URL: {base_url[:100]!r}") from None
        self.base_url = base_url.rstrip("/")
        self.host = parts.hostname
        self.auth = auth
        self.timeout = timeout
        self.on_invalid_timestamp = on_invalid_timestamp
        self.max_body_bytes = max_body_bytes
        self._monotonic = monotonic
        self._wall = wall

        self.session = _Session()
        self.session.headers.update(
            {
                "User-Agent": f"wallet-gui/{__version__}",
                "Accept": "application/json",
                "Cache-Control": "no-store",
            }
        )
        # Never read proxy settings or .netrc credentials implicitly for a signed payment API.
        self.session.trust_env = False
        self.session.verify = ca_bundle if ca_bundle else True
        context = None
        if isinstance(auth, CertificateAuth):
            context = create_urllib3_context()
            context.load_default_certs()
            if ca_bundle:
                try:
                    context.load_verify_locations(cafile=ca_bundle)
                except (OSError, ssl.SSLError) as exc:
                    reason = getattr(exc, "strerror", None) or type(exc).__name__
                    raise CredentialsError(f"CA bundle could not be loaded: {reason}") from None
            auth.load_into(context)
        self._adapter = _AbortableAdapter(pool_maxsize=max_concurrency, ssl_context=context)
        self.session.mount("https://", self._adapter)
        self.session.mount("http://", self._adapter)
        self._aborted = threading.Event()
        self._count_lock = threading.Lock()
        self._signed_sent = 0

    # -- lifecycle -----------------------------------------------------------------------------

    def close(self) -> None:
        self.session.close()

    def abort(self) -> None:
        """Cancel every request in flight, from any thread; later requests fail at once.

        Used on shutdown: blocked reads return immediately instead of waiting for the timeout.
        """
        self._aborted.set()
        self._adapter.abort()

    @property
    def signed_requests_sent(self) -> int:
        """Signed requests sent so far, retries and redirects included: what rate limits count."""
        with self._count_lock:
            return self._signed_sent

    @property
    def aborted(self) -> bool:
        return self._aborted.is_set()

    def __enter__(self) -> WalletClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- endpoints -----------------------------------------------------------------------------

    def server_time(self) -> int:
        """The server's clock, whole UNIX seconds (unsigned)."""
        return self.server_time_sample().server_time

    def server_time_sample(self) -> models.TimeSample:
        """``GET /server`` with the send and first-byte times the clock estimator needs."""
        data, response, sent, received = self._exchange("server", signed=False)
        return models.TimeSample(
            server_time=models.parse_server_time(data),
            sent=sent,
            received=received,
            wall_offset=self._wall_offset_at(sent),
            cached="Age" in response.headers,
        )

    def configuration(self) -> models.Configuration:
        """Server configuration variables (unsigned)."""
        data, *_ = self._exchange("configuration", signed=False)
        return models.parse_configuration(data)

    def wallet(self, wallet_id: int | str) -> models.Wallet:
        data, *_ = self._exchange(f"wallet/{self._segment(wallet_id)}", signed=True)
        return models.parse_wallet(data)

    def wallet_balance(
        self, wallet_id: int | str, *, convert_to: str | None = None
    ) -> dict[str, models.CurrencyBalance]:
        """Balances keyed by currency code, in major units."""
        params = {"convert_to": convert_to} if convert_to else None
        data, *_ = self._exchange(
            f"wallet/{self._segment(wallet_id)}/balance", signed=True, params=params
        )
        return models.parse_balance(data, convert_to=convert_to)

    def client_info(self) -> models.ClientInfo:
        """The calling client (a signed request: a good credentials test)."""
        data, *_ = self._exchange("client", signed=True)
        return models.parse_client_info(data)

    # -- plumbing ------------------------------------------------------------------------------

    def _wall_offset_at(self, _mono: float) -> float:
        # wall − monotonic, read back to back: maps the probe's monotonic times to wall time.
        return self._wall() - self._monotonic()

    @staticmethod
    def _segment(value: int | str) -> str:
        text = str(value).strip()
        if not text:
            raise ConfigurationError("empty wallet id")
        return quote(text, safe="")

    def url(self, path: str) -> str:
        return f"{self.base_url}/{path.lstrip('/')}"

    def _exchange(
        self, path: str, *, signed: bool, params: Mapping[str, str] | None = None
    ) -> tuple[Any, requests.Response, float, float]:
        """GET ``path``; returns (decoded JSON, response, send time, first-byte time)."""
        if signed and self.auth is None:
            raise ConfigurationError("this request needs credentials, and none are configured")
        try:
            return self._exchange_once(path, signed=signed, params=params)
        except ApiError as error:
            if not (signed and error.is_invalid_timestamp and self.on_invalid_timestamp):
                raise
            log.warning(
                "server refused the timestamp (%s); re-measuring the clock and retrying once",
                error.description or error.error,
            )
            try:
                self.on_invalid_timestamp()
            except WalletError as resync_error:
                log.warning("clock re-measurement failed: %s", resync_error)
                raise error from None
            return self._exchange_once(path, signed=signed, params=params)

    def _exchange_once(
        self, path: str, *, signed: bool, params: Mapping[str, str] | None
    ) -> tuple[Any, requests.Response, float, float]:
        url = self.url(path)
        auth = self.auth if signed else None
        for _ in range(_MAX_SAME_ORIGIN_REDIRECTS + 1):
            if signed:
                with self._count_lock:
                    self._signed_sent += 1
            sent = self._monotonic()
            response = self._send(url, auth, params)
            received = self._monotonic()
            with response:
                if response.is_redirect:
                    url = self._redirect_target(url, response)
                    params = None  # the Location carries its own query
                    continue
                body = self._read_body(response)
            log.debug(
                "GET %s -> %s in %.0f ms", url, response.status_code, 1000 * (received - sent)
            )
            if response.status_code != 200:
                raise self._api_error(response, body)
            return self._decode_json(response, body), response, sent, received
        raise TransportError(f"too many redirects from {self.host}", kind="redirect")

    def _send(
        self, url: str, auth: requests.auth.AuthBase | None, params: Mapping[str, str] | None
    ) -> requests.Response:
        if self._aborted.is_set():
            raise TransportError("request cancelled: the client is shutting down", kind="cancelled")
        try:
            return self.session.get(
                url,
                params=params,
                auth=auth,
                timeout=(self.timeout, self.timeout),
                allow_redirects=False,
                stream=True,
            )
        except requests.RequestException as exc:
            raise self._transport_error(exc, url) from None
        except (CredentialsError, ConfigurationError):
            raise
        except (OSError, ValueError) as exc:  # urllib3 / ssl oddities outside requests' tree
            raise TransportError(f"request to {self.host} failed: {type(exc).__name__}") from None

    def _redirect_target(self, url: str, response: requests.Response) -> str:
        try:
            target = urljoin(url, response.headers.get("Location", ""))
            same_origin = _same_origin(url, target)
        except ValueError:  # a malformed Location: a bad port, an unclosed "[" …
            raise TransportError(
                f"{self.host} redirected to a malformed address (HTTP {response.status_code})",
                kind="redirect",
            ) from None
        if not same_origin:
            other = urlsplit(target).hostname or target[:80]
            raise TransportError(
                f"{self.host} redirected to another origin ({other}); not followed, so no "
                f"signature leaves this host (HTTP {response.status_code})",
                kind="redirect",
            )
        return target

    def _read_body(self, response: requests.Response) -> bytes:
        declared = response.headers.get("Content-Length", "")
        if declared.isascii() and declared.isdigit() and int(declared) > self.max_body_bytes:
            raise ResponseFormatError(
                f"answer from {self.host} is too large ({int(declared):,} bytes; "
                f"limit {self.max_body_bytes:,}); not read"
            )
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_content(_CHUNK):
                size += len(chunk)
                if size > self.max_body_bytes:
                    raise ResponseFormatError(
                        f"answer from {self.host} exceeds {self.max_body_bytes:,} bytes; "
                        "reading stopped"
                    )
                chunks.append(chunk)
        except requests.RequestException as exc:
            raise self._transport_error(exc, response.url) from None
        except (OSError, ValueError) as exc:
            if self._aborted.is_set():
                raise TransportError(
                    "request cancelled: the client is shutting down", kind="cancelled"
                ) from None
            raise TransportError(
                f"connection to {self.host} broke while reading the answer ({type(exc).__name__})"
            ) from None
        return b"".join(chunks)

    def _decode_json(self, response: requests.Response, body: bytes) -> Any:
        try:
            return json.loads(body)
        except (ValueError, RecursionError):
            kind = _media_type(response)
            what = "an empty answer" if not body.strip() else f"an answer that is not JSON ({kind})"
            raise ResponseFormatError(f"{self.host} sent {what}") from None

    def _api_error(self, response: requests.Response, body: bytes) -> ApiError:
        status = response.status_code
        common = {
            "status": status,
            "correlation_id": response.headers.get("paysera-correlation-id"),
            "retry_after": _retry_after(response.headers.get("Retry-After")),
        }
        try:
            data = json.loads(body) if body.strip() else None
        except (ValueError, RecursionError):
            data = None
        if isinstance(data, dict) and isinstance(data.get("error"), str) and data["error"]:
            description = data.get("error_description")
            uri = data.get("error_uri")
            properties = {
                key: data[key]
                for key in ("error_properties", "error_data", "errors")
                if key in data
            }
            return ApiError(
                error=data["error"][:100],
                description=description if isinstance(description, str) else None,
                uri=uri if isinstance(uri, str) else None,
                properties=properties,
                **common,
            )
        reason = response.reason or "error"
        if not body.strip():
            detail = "with an empty body"
        else:
            kind = _media_type(response)
            detail = f"with a {kind} page instead of an API error (likely a proxy or gateway)"
        return ApiError(
            error=f"http_{status}",
            description=f"{self.host} answered {status} {reason} {detail}",
            **common,
        )

    def _transport_error(self, exc: requests.RequestException, url: str | None) -> TransportError:
        if self._aborted.is_set():
            return TransportError(
                "request cancelled: the client is shutting down", kind="cancelled"
            )
        parts = urlsplit(url or self.base_url)
        where = f"{parts.hostname}:{parts.port or (443 if parts.scheme == 'https' else 80)}"
        chain = list(_causes(exc))
        for cause in chain:
            if isinstance(cause, ssl.SSLCertVerificationError):
                reason = cause.verify_message or cause.reason or "verification failed"
                return TransportError(
                    f"TLS certificate problem with {parts.hostname}: {reason}", kind="tls"
                )
        if isinstance(exc, requests.exceptions.SSLError):
            reason = next(
                (c.reason for c in chain if isinstance(c, ssl.SSLError) and c.reason),
                "handshake failed",
            )
            return TransportError(
                f"TLS handshake with {parts.hostname} failed: {reason}", kind="tls"
            )
        if isinstance(exc, requests.exceptions.ConnectTimeout):
            return TransportError(
                f"connecting to {where} timed out after {self.timeout:g} s", kind="timeout"
            )
        if isinstance(exc, requests.exceptions.ReadTimeout):
            return TransportError(
                f"{where} did not answer within {self.timeout:g} s", kind="timeout"
            )
        names = {type(c).__name__ for c in chain}
        if "NameResolutionError" in names or any(
            "Name or service not known" in str(c) or "getaddrinfo" in str(c) for c in chain
        ):
            return TransportError(f"cannot resolve host name {parts.hostname}", kind="dns")
        if (
            any(isinstance(c, ConnectionRefusedError) for c in chain)
            or "NewConnectionError" in names
        ):
            return TransportError(f"connection to {where} refused", kind="connection")
        if "RemoteDisconnected" in names:
            return TransportError(
                f"{where} closed the connection without answering", kind="connection"
            )
        if any(isinstance(c, ConnectionResetError | BrokenPipeError) for c in chain):
            return TransportError(f"connection to {where} was reset", kind="connection")
        if isinstance(
            exc, requests.exceptions.ChunkedEncodingError | requests.exceptions.ContentDecodingError
        ):
            return TransportError(f"answer from {where} was cut off or garbled", kind="connection")
        if isinstance(exc, requests.exceptions.ConnectionError):
            return TransportError(f"connection to {where} failed", kind="connection")
        return TransportError(f"request to {where} failed ({type(exc).__name__})")
