"""Request authentication for the Wallet API: MAC signatures and TLS client certificates.

The MAC scheme is OAuth 2.0 MAC token draft 01 with HMAC-SHA-256, as Paysera specifies it:
seven newline-terminated lines (ts, nonce, method, URI, host, port, ext) are signed with the
client's MAC key. ``MacAuth.header`` computes the exact ``Authorization`` value so that it can
be checked against Paysera's published examples byte for byte; ``MacAuth`` itself plugs into
``requests`` and signs whatever the prepared request really sends.

Neither class ever puts the key into a ``repr``, a log line or an exception.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import re
import secrets
import ssl
import string
import time
from collections import deque
from collections.abc import Callable, Mapping
from urllib.parse import urlencode, urlsplit

import requests
from requests.auth import AuthBase

from wallet_gui.api.errors import WalletError
from wallet_gui.api.translatable import QT_TRANSLATE_NOOP

#: Characters a nonce may use. The draft allows any printable ASCII but ``"`` and ``\``; we stay
#: with letters and digits so that no proxy or log parser ever has a reason to mangle one.
NONCE_ALPHABET = string.ascii_letters + string.digits
#: 32 characters of 62 symbols: about 190 bits, so a collision is not a practical concern.
NONCE_LENGTH = 32

#: The port a URL without one connects to, by scheme.
DEFAULT_PORTS = {"https": 443, "http": 80}

#: What a client id may consist of: printable ASCII without space, ``"`` and ``\``. The id is
#: written into the header between double quotes (``id="…"``), so a quote or backslash would
#: end or escape the value and inject parameters, a space is what the header separates
#: parameters with, and anything outside ASCII or a control character (CR, LF) is not a
#: header value at all.
_CLIENT_ID_CHARS = frozenset(chr(code) for code in range(0x21, 0x7F)) - {'"', "\\"}
#: Extra parameter names become ``ext`` keys and ``Wallet-Api-*`` header names.
_EXTRA_NAME = re.compile(r"[a-z][a-z0-9_]{0,31}")
#: Extra parameter values (``project_id``, ``location_id``) are ids: 0 … 2**63 − 1.
_MAX_EXTRA_VALUE = 2**63 - 1


_CERTIFICATE_NOT_LOADED = QT_TRANSLATE_NOOP(
    "WalletError", "client certificate or key could not be loaded: {0}"
)
_CERTIFICATE_PASSPHRASE = QT_TRANSLATE_NOOP(
    "WalletError", "client certificate or key could not be loaded: {0} (wrong key passphrase?)"
)


class CredentialsError(WalletError):
    """Credentials that cannot be used as given (an unreadable certificate, a wrong passphrase)."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def body_hash(body: bytes) -> str:
    """base64(SHA-256(body)), the ``body_hash`` that binds a request's content to its MAC."""
    return _b64(hashlib.sha256(body).digest())


def ext_value(body: bytes, extra: Mapping[str, object] | None = None) -> str:
    """The ``ext`` field: ``body_hash`` (for a non-empty body) then the extra parameters.

    Form encoding turns ``+ / =`` of base64 into ``%2B %2F %3D``, which is what the
    server expects when it rebuilds the string.
    """
    pairs: list[tuple[str, str]] = []
    if body:
        pairs.append(("body_hash", body_hash(body)))
    pairs.extend((key, str(value)) for key, value in (extra or {}).items())
    return urlencode(pairs)


def normalized_request_string(ts: int, nonce: str, method: str, url: str, ext: str = "") -> str:
    """The seven newline-terminated lines that the MAC covers.

    The URI is the path plus ``?query`` exactly as sent; the host is the ``Host`` header's
    name in lower case without the port (an IPv6 literal keeps its brackets: ``[::1]``); the
    port is the explicit one, else the scheme's default.
    """
    parts = urlsplit(url)
    uri = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    host = (parts.hostname or "").lower()
    if ":" in host:  # an IPv6 literal: the Host header, which the MAC covers, keeps "[…]"
        host = f"[{host}]"
    port = parts.port or DEFAULT_PORTS.get(parts.scheme.lower(), 80)
    lines = (str(ts), nonce, method.upper(), uri, host, str(port), ext)
    return "".join(f"{line}\n" for line in lines)


def mac_signature(mac_key: str | bytes, normalized: str) -> str:
    """base64(HMAC-SHA-256(key, normalized request string))."""
    key = mac_key.encode("utf-8") if isinstance(mac_key, str) else mac_key
    return _b64(hmac.new(key, normalized.encode("utf-8"), hashlib.sha256).digest())


def check_client_id(client_id: str) -> str:
    """``client_id`` if it can go into ``id="…"`` as it is, else ``CredentialsError``."""
    if not isinstance(client_id, str) or not client_id:
        raise CredentialsError(template=QT_TRANSLATE_NOOP("WalletError", "client id is empty"))
    if not set(client_id) <= _CLIENT_ID_CHARS:
        raise CredentialsError(
            template=QT_TRANSLATE_NOOP(
                "WalletError",
                "client id may contain only printable ASCII without quotes or backslashes",
            )
        )
    return client_id


def check_extra(extra: Mapping[str, object] | None) -> dict[str, int]:
    """The extra parameters as ``{name: int}``, in order, else ``CredentialsError``.

    Names are short lower-case identifiers (``project_id``); values are non-negative ids,
    given as ints or as decimal digit strings.
    """
    checked: dict[str, int] = {}
    for name, value in (extra or {}).items():
        if not isinstance(name, str) or not _EXTRA_NAME.fullmatch(name):
            raise CredentialsError(
                template=QT_TRANSLATE_NOOP(
                    "WalletError",
                    "extra parameter names must be lower-case identifiers such as project_id",
                )
            )
        number: int | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 19:
            number = int(value)
        if number is None or not 0 <= number <= _MAX_EXTRA_VALUE:
            raise CredentialsError(
                template=QT_TRANSLATE_NOOP(
                    "WalletError", "{0} must be a non-negative whole number"
                ),
                args=(name,),
            )
        checked[name] = number
    return checked


def _as_bytes(body: object) -> bytes:
    if body is None:
        return b""
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode("utf-8")
    # A streamed body cannot be hashed before it is sent; the API never needs one.
    raise CredentialsError("cannot sign a streamed request body")


class MacAuth(AuthBase):
    """Signs each request with the client's MAC key (``Authorization: MAC id=…``).

    ``extra`` holds the optional ``project_id`` / ``location_id`` parameters, in the order they
    must appear in ``ext``. ``clock`` returns the UNIX time to sign with; the app passes a
    server-corrected clock so that a skewed local clock still authenticates. A client id or
    an extra parameter that cannot be written into the header safely (``check_client_id``,
    ``check_extra``) is refused here, with ``CredentialsError``, before anything is signed.
    """

    def __init__(
        self,
        client_id: str,
        mac_key: str,
        *,
        extra: Mapping[str, object] | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.client_id = check_client_id(client_id)
        self._mac_key = mac_key
        self.extra = check_extra(extra)
        self.clock = clock or time.time
        # Remember recent nonces so that even an astronomically unlikely repeat is replaced.
        self._recent_nonces: deque[str] = deque(maxlen=4096)
        self._recent_set: set[str] = set()

    def __repr__(self) -> str:
        return f"MacAuth(client_id={self.client_id!r}, mac_key=<hidden>, extra={self.extra!r})"

    def new_nonce(self) -> str:
        """A fresh cryptographically random nonce that this instance has not used before."""
        while True:
            nonce = "".join(secrets.choice(NONCE_ALPHABET) for _ in range(NONCE_LENGTH))
            if nonce not in self._recent_set:
                break
        if len(self._recent_nonces) == self._recent_nonces.maxlen:
            self._recent_set.discard(self._recent_nonces[0])
        self._recent_nonces.append(nonce)
        self._recent_set.add(nonce)
        return nonce

    def header(
        self,
        method: str,
        url: str,
        body: bytes | str | None = None,
        *,
        ts: int | None = None,
        nonce: str | None = None,
    ) -> str:
        """The exact ``Authorization`` header value for this request."""
        if ts is None:
            ts = math.floor(self.clock())
        if nonce is None:
            nonce = self.new_nonce()
        ext = ext_value(_as_bytes(body), self.extra)
        mac = mac_signature(self._mac_key, normalized_request_string(ts, nonce, method, url, ext))
        value = f'MAC id="{self.client_id}", ts="{ts}", nonce="{nonce}", mac="{mac}"'
        if ext:
            value += f', ext="{ext}"'
        return value

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers["Authorization"] = self.header(
            request.method or "GET", request.url or "", request.body
        )
        return request


def extra_parameter_header(name: str) -> str:
    """``project_id`` → ``Wallet-Api-Project-Id``: how certificate clients pass extras."""
    return "Wallet-Api-" + "-".join(part.capitalize() for part in name.split("_"))


class CertificateAuth(AuthBase):
    """TLS client-certificate authentication.

    The certificate itself is presented during the TLS handshake (``ssl_context`` loads it,
    with the key's passphrase if it has one); on each request this only adds the extra
    parameters as ``Wallet-Api-*`` headers. No ``Authorization`` header is sent.
    """

    def __init__(
        self,
        cert_file: str,
        key_file: str | None = None,
        *,
        passphrase: str | None = None,
        extra: Mapping[str, object] | None = None,
    ) -> None:
        self.cert_file = cert_file
        self.key_file = key_file
        self._passphrase = passphrase
        self.extra = check_extra(extra)

    def __repr__(self) -> str:
        return f"CertificateAuth(cert_file={self.cert_file!r}, key_file={self.key_file!r})"

    def load_into(self, context: ssl.SSLContext) -> None:
        """Load the certificate chain into ``context``; failures become ``CredentialsError``."""
        try:
            # Never None: OpenSSL would then prompt on the terminal and block the caller.
            password = self._passphrase if self._passphrase is not None else ""
            context.load_cert_chain(self.cert_file, self.key_file, password=password)
        except FileNotFoundError as exc:
            raise CredentialsError(
                template=QT_TRANSLATE_NOOP("WalletError", "client certificate file not found: {0}"),
                args=(exc.filename,),
            ) from None
        except (ssl.SSLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", None) or type(exc).__name__
            template = (
                _CERTIFICATE_NOT_LOADED if self._passphrase is None else _CERTIFICATE_PASSPHRASE
            )
            raise CredentialsError(template=template, args=(reason,)) from None

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers.pop("Authorization", None)
        for name, value in self.extra.items():
            request.headers[extra_parameter_header(name)] = str(value)
        return request
