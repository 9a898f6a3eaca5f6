"""How a failed exchange becomes a ``WalletError``: one readable line, and a ``kind`` to act on.

Why it exists: ``requests`` nests urllib3 exceptions, which nest ``ssl`` and socket errors, and
an error answer may come from the API or from a proxy in front of it. Callers see none of
that: this module turns each into a ``TransportError`` (with its ``kind``: ``dns``,
``connection``, ``tls``, ``timeout``, ``cancelled``, ``redirect``, ``network``) or an
``ApiError``, and parses what an error answer carries (``Retry-After``, the media type).

What it must not do: send, read or retry anything, or know whether a client was aborted (the
client asks for ``cancelled()`` itself). It recognises failures by their class, with
``isinstance`` against the real exception types, never by class names or message text, and it
never quotes a header, URL or body it has not cut down to a safe size and shape.
"""

from __future__ import annotations

import email.utils
import http.client
import json
import re
import socket
import ssl
from collections.abc import Iterator
from datetime import UTC, datetime
from urllib.parse import SplitResult, urlsplit

import requests
import urllib3.exceptions

from wallet_gui.api.auth import DEFAULT_PORTS
from wallet_gui.api.errors import ApiError, TransportError
from wallet_gui.api.translatable import QT_TRANSLATE_NOOP, phrase

#: A day is far beyond any real rate-limit window; a longer ``Retry-After`` is a broken header.
_MAX_RETRY_AFTER_S = 86400.0
_MEDIA_TYPE = re.compile(r"[\w.+-]+/[\w.+-]+")
#: The longest ``Content-Type`` looked at, and the longest error code kept from a body.
_MAX_MEDIA_TYPE_CHARS = 80
_MAX_ERROR_CODE_CHARS = 100
#: Keys of an API error object that carry details for the report, kept as they are.
_PROPERTY_KEYS = ("error_properties", "error_data", "errors")
_CANCELLED = QT_TRANSLATE_NOOP("WalletError", "request cancelled: the client is shutting down")
#: How much of a redirect's ``Location`` a message quotes (before escaping).
_MAX_QUOTED_LOCATION = 80
#: Reasons said when the TLS library gives none.
_VERIFICATION_FAILED = phrase(QT_TRANSLATE_NOOP("WalletError", "verification failed"))
_HANDSHAKE_FAILED = phrase(QT_TRANSLATE_NOOP("WalletError", "handshake failed"))
#: Messages too long for one line of code, marked for the window's translations.
_REDIRECT = QT_TRANSLATE_NOOP("WalletError", "{0} redirected to {1} ({2}); not followed (HTTP {3})")
_REDIRECT_NOWHERE = QT_TRANSLATE_NOOP(
    "WalletError", "{0} redirected to no address (no Location); not followed (HTTP {1})"
)
_SIGNED_REDIRECT = QT_TRANSLATE_NOOP(
    "WalletError",
    "{0} redirected a signed request to {1} ({2}); not followed: "
    "a signed request follows no redirect, so its signature goes nowhere else (HTTP {3})",
)
_SIGNED_REDIRECT_NOWHERE = QT_TRANSLATE_NOOP(
    "WalletError",
    "{0} redirected a signed request to no address (no Location); not followed: "
    "a signed request follows no redirect, so its signature goes nowhere else (HTTP {1})",
)
_PROXY_PAGE = QT_TRANSLATE_NOOP(
    "WalletError",
    "{0} answered {1} {2} with a {3} page instead of an API error (likely a proxy or gateway)",
)


def cancelled() -> TransportError:
    """The error for a request cut short (or refused) because the client was aborted."""
    return TransportError(template=_CANCELLED, kind="cancelled")


def deadline_exceeded(url: str, seconds: float) -> TransportError:
    """The error for a request cut because its total deadline passed (the server was too slow
    to finish: drip-fed, trickled headers, a stalled handshake), unlike ``cancelled()``."""
    return TransportError(
        template=QT_TRANSLATE_NOOP("WalletError", "{0} did not finish answering within {1} s"),
        args=(_where(urlsplit(url)), f"{seconds:g}"),
        kind="timeout",
    )


def quoted_location(location: str) -> str:
    """A ``Location`` value fit for a message: cut, quoted, every unprintable character escaped."""
    cut = location[:_MAX_QUOTED_LOCATION]
    # repr() escapes what str.isprintable() refuses: C0/C1 controls, bidi overrides, …
    return repr(cut) + ("…" if len(location) > len(cut) else "")


def redirect_refused(
    host: str, status: int, location: str | None, where: str, *, signed: bool
) -> TransportError:
    """A redirect the client did not follow; ``where`` says what kind of address it named."""
    if location:
        template = _SIGNED_REDIRECT if signed else _REDIRECT
        args: tuple[object, ...] = (host, where, quoted_location(location), status)
    else:
        template = _SIGNED_REDIRECT_NOWHERE if signed else _REDIRECT_NOWHERE
        args = (host, status)
    return TransportError(template=template, args=args, kind="redirect")


def causes(exc: BaseException) -> Iterator[BaseException]:
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


def retry_after(value: str | None) -> float | None:
    """``Retry-After`` as seconds from now: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():  # not "²", which isdigit() also accepts
        return min(float(value[:12]), _MAX_RETRY_AFTER_S)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return min(max(0.0, (when - datetime.now(UTC)).total_seconds()), _MAX_RETRY_AFTER_S)


def media_type(response: requests.Response) -> str:
    """The answer's media type, only if it looks like one: it is quoted back to people."""
    declared = response.headers.get("Content-Type", "").split(";")[0].strip()
    match = _MEDIA_TYPE.fullmatch(declared[:_MAX_MEDIA_TYPE_CHARS])
    return match.group(0) if match else phrase(QT_TRANSLATE_NOOP("WalletError", "unknown type"))


def api_error(response: requests.Response, body: bytes, host: str) -> ApiError:
    """An HTTP error answer as an ``ApiError``: the API's error object, or a proxy's page."""
    status = response.status_code
    correlation_id = response.headers.get("paysera-correlation-id")
    wait = retry_after(response.headers.get("Retry-After"))
    try:
        data = json.loads(body) if body.strip() else None
    except (ValueError, RecursionError):
        data = None
    if isinstance(data, dict) and isinstance(data.get("error"), str) and data["error"]:
        description = data.get("error_description")
        uri = data.get("error_uri")
        return ApiError(
            status=status,
            error=data["error"][:_MAX_ERROR_CODE_CHARS],
            description=description if isinstance(description, str) else None,
            uri=uri if isinstance(uri, str) else None,
            correlation_id=correlation_id,
            retry_after=wait,
            properties={key: data[key] for key in _PROPERTY_KEYS if key in data},
        )
    reason = response.reason or "error"
    if not body.strip():
        template = QT_TRANSLATE_NOOP("WalletError", "{0} answered {1} {2} with an empty body")
        args: tuple[object, ...] = (host, status, reason)
    else:
        template = _PROXY_PAGE
        args = (host, status, reason, media_type(response))
    return ApiError(
        status=status,
        error=f"http_{status}",
        description=template.format(*args),
        correlation_id=correlation_id,
        retry_after=wait,
        description_template=template,
        description_args=args,
    )


def _is_any(
    chain: list[BaseException], kinds: type[BaseException] | tuple[type[BaseException], ...]
) -> bool:
    return any(isinstance(cause, kinds) for cause in chain)


def _where(parts: SplitResult) -> str:
    return f"{parts.hostname}:{parts.port or DEFAULT_PORTS.get(parts.scheme, 80)}"


def _failed(template: str, *args: object, kind: str = "network") -> TransportError:
    """A ``TransportError`` with a marked English ``template`` and its parts."""
    return TransportError(template=template, args=args, kind=kind)


def transport_error(exc: requests.RequestException, url: str, *, timeout: float) -> TransportError:
    """A request to ``url`` that got no usable HTTP answer, as one line and a ``kind``."""
    parts = urlsplit(url)
    where = _where(parts)
    chain = list(causes(exc))
    for cause in chain:
        if isinstance(cause, ssl.SSLCertVerificationError):
            reason = cause.verify_message or cause.reason or _VERIFICATION_FAILED
            return TransportError(
                template=QT_TRANSLATE_NOOP("WalletError", "TLS certificate problem with {0}: {1}"),
                args=(parts.hostname, reason),
                kind="tls",
            )
    if isinstance(exc, requests.exceptions.SSLError):
        reason = next(
            (c.reason for c in chain if isinstance(c, ssl.SSLError) and c.reason),
            _HANDSHAKE_FAILED,
        )
        return TransportError(
            template=QT_TRANSLATE_NOOP("WalletError", "TLS handshake with {0} failed: {1}"),
            args=(parts.hostname, reason),
            kind="tls",
        )
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return TransportError(
            template=QT_TRANSLATE_NOOP("WalletError", "connecting to {0} timed out after {1} s"),
            args=(where, f"{timeout:g}"),
            kind="timeout",
        )
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return TransportError(
            template=QT_TRANSLATE_NOOP("WalletError", "{0} did not answer within {1} s"),
            args=(where, f"{timeout:g}"),
            kind="timeout",
        )
    # urllib3 wraps the resolver's gaierror in NameResolutionError (itself a
    # NewConnectionError, so this test must come before the next one).
    if _is_any(chain, (urllib3.exceptions.NameResolutionError, socket.gaierror)):
        return _failed(
            QT_TRANSLATE_NOOP("WalletError", "cannot resolve host name {0}"),
            parts.hostname,
            kind="dns",
        )
    if _is_any(chain, (ConnectionRefusedError, urllib3.exceptions.NewConnectionError)):
        return _failed(
            QT_TRANSLATE_NOOP("WalletError", "connection to {0} refused"), where, kind="connection"
        )
    # RemoteDisconnected is a ConnectionResetError too: it must come before the next test.
    if _is_any(chain, http.client.RemoteDisconnected):
        return _failed(
            QT_TRANSLATE_NOOP("WalletError", "{0} closed the connection without answering"),
            where,
            kind="connection",
        )
    if _is_any(chain, (ConnectionResetError, BrokenPipeError)):
        return _failed(
            QT_TRANSLATE_NOOP("WalletError", "connection to {0} was reset"),
            where,
            kind="connection",
        )
    if isinstance(
        exc, requests.exceptions.ChunkedEncodingError | requests.exceptions.ContentDecodingError
    ):
        return _failed(
            QT_TRANSLATE_NOOP("WalletError", "answer from {0} was cut off or garbled"),
            where,
            kind="connection",
        )
    if isinstance(exc, requests.exceptions.ConnectionError):
        return _failed(
            QT_TRANSLATE_NOOP("WalletError", "connection to {0} failed"), where, kind="connection"
        )
    return _failed(
        QT_TRANSLATE_NOOP("WalletError", "request to {0} failed ({1})"), where, type(exc).__name__
    )


def send_failure(exc: BaseException, host: str) -> TransportError:
    """A failure outside requests' own exception tree while sending (a urllib3 or ssl oddity)."""
    return _failed(
        QT_TRANSLATE_NOOP("WalletError", "request to {0} failed: {1}"), host, type(exc).__name__
    )


def read_failure(exc: BaseException, host: str) -> TransportError:
    """A connection that broke outside requests' exception tree while the body was read."""
    return _failed(
        QT_TRANSLATE_NOOP("WalletError", "connection to {0} broke while reading the answer ({1})"),
        host,
        type(exc).__name__,
    )
