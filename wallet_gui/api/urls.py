"""What an API base URL may look like, checked once, before anything is sent to it.

``check_base_url`` is the gate ``WalletClient`` applies to its ``base_url``, and
``wallet_id_segment`` the one for wallet ids; other layers call them (and
``is_cleartext_remote``) to refuse or warn early, in a settings dialog say. A base URL
is the API root that endpoint paths are appended to, so it may not carry anything that
changes what those paths mean or who sees them:

- a user name or password (``http://user:pass@host/``): ``requests`` would send it as Basic
  auth on every unsigned request, and every summary and log that shows the URL would print
  it. Messages about a refused URL therefore never quote the part before the ``@``;
- a query or fragment (``…/v1?x=1``, ``…/v1#top``): every endpoint path would be appended
  after it, and so end up in the query or the fragment instead of the path;
- spaces or control characters anywhere: never part of a usable URL, and a line break in a
  message or a request line is an injection.

This module is pure: no I/O, no name resolution (``localhost`` is recognised by name).
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import SplitResult, urlsplit, urlunsplit

from wallet_gui.api.errors import WalletError
from wallet_gui.api.translatable import QT_TRANSLATE_NOOP

#: How much of a refused URL an error message quotes.
_MAX_QUOTED = 100
#: Wallet ids are positive 64-bit integers; a wallet's path segment is built only from one.
MAX_WALLET_ID = 2**63 - 1
_MAX_QUOTED_ID = 30
#: ``scheme://anything-up-to-the-last-@-before-the-path@``: the userinfo to hide in messages.
_USERINFO = re.compile(r"^([^:/?#]*://)[^/?#]*@")


class ConfigurationError(WalletError):
    """The client was configured with something unusable (a malformed base URL, say)."""


def _quoted(url: str) -> str:
    """``url`` fit for a one-line message: userinfo hidden, cut, control characters escaped."""
    hidden = _USERINFO.sub(r"\1…@", url)
    cut = hidden if len(hidden) <= _MAX_QUOTED else hidden[: _MAX_QUOTED - 1] + "…"
    return repr(cut)  # repr escapes every character that is not printable


def _has_userinfo(url: str) -> bool:
    # Textual, so that it holds even when urlsplit would refuse the rest of the URL.
    authority = url.split("://", 1)[1] if "://" in url else url
    return "@" in re.split(r"[/?#]", authority, maxsplit=1)[0]


def _split(url: str) -> SplitResult:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a malformed port
    except ValueError:
        raise ConfigurationError(
            template=QT_TRANSLATE_NOOP("WalletError", "invalid host or port in base URL: {0}"),
            args=(_quoted(url),),
        ) from None
    return parts


def check_base_url(url: str) -> str:
    """The base URL, normalised (surrounding blanks and trailing slashes removed, scheme in
    lower case), or ``ConfigurationError`` with a one-line reason that never contains a
    password."""
    if not isinstance(url, str):
        raise ConfigurationError(
            template=QT_TRANSLATE_NOOP("WalletError", "the base URL must be text")
        )
    text = url.strip()
    if _has_userinfo(text):
        raise ConfigurationError(
            template=QT_TRANSLATE_NOOP(
                "WalletError", "the base URL must not contain a user name or password"
            )
        )
    if any(not char.isprintable() or char.isspace() for char in text):
        raise ConfigurationError(
            template=QT_TRANSLATE_NOOP(
                "WalletError", "the base URL must not contain spaces or control characters: {0}"
            ),
            args=(_quoted(text),),
        )
    parts = _split(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigurationError(
            template=QT_TRANSLATE_NOOP("WalletError", "not an http(s) base URL: {0}"),
            args=(_quoted(text),),
        )
    if "?" in text or "#" in text:
        raise ConfigurationError(
            template=QT_TRANSLATE_NOOP(
                "WalletError", "the base URL must not contain a query (?…) or a fragment (#…): {0}"
            ),
            args=(_quoted(text.split("?", 1)[0].split("#", 1)[0]),),
        )
    return urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/"), "", ""))


def is_loopback_host(host: str) -> bool:
    """``localhost``, 127.0.0.0/8 or ``::1`` (also IPv4-mapped), by name only: no lookup."""
    name = host.strip("[]").rstrip(".").lower()
    if name == "localhost":
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


def is_cleartext_remote(url: str) -> bool:
    """True for ``http://`` to a host that is not this machine: signatures, balances and the
    client id then cross the network unencrypted. ``https://`` and loopback are False.

    Meant for URLs ``check_base_url`` accepts; for a malformed one, any ``http:`` URL counts
    as cleartext and remote (the cautious answer for a warning).
    """
    text = url.strip() if isinstance(url, str) else ""
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:
        return text[:5].lower() == "http:"
    if parts.scheme != "http":
        return False
    return not (host and is_loopback_host(host))


def wallet_id_segment(value: int | str) -> str:
    """A wallet id as its path segment: ASCII digits only, 1 … 2**63 − 1, in canonical form.

    Anything else is refused (``ConfigurationError``) rather than escaped: ``..`` or ``.``
    would be a dot segment that URL normalisation removes (a signed GET to ``/balance``), and
    ``me`` names the token's own wallet, which only user tokens have (this app signs with
    client credentials). Blanks around the id and leading zeros are tolerated: ``" 007 "``
    is wallet 7, and its path says ``7``.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            raise ConfigurationError(template=QT_TRANSLATE_NOOP("WalletError", "empty wallet id"))
        too_long = len(text.lstrip("0")) > len(str(MAX_WALLET_ID))  # before int(): no huge ints
        if too_long or not (text.isascii() and text.isdigit()):
            shown = repr(text[:_MAX_QUOTED_ID]) + ("…" if len(text) > _MAX_QUOTED_ID else "")
            raise ConfigurationError(
                template=QT_TRANSLATE_NOOP(
                    "WalletError",
                    "wallet id {0} is not valid: use the wallet's number (digits only)",
                ),
                args=(shown,),
            )
        number = int(text)
    else:
        raise ConfigurationError(
            template=QT_TRANSLATE_NOOP("WalletError", "wallet id must be a number")
        )
    if not 1 <= number <= MAX_WALLET_ID:
        raise ConfigurationError(
            template=QT_TRANSLATE_NOOP("WalletError", "wallet id is out of range (1 to {0})"),
            args=(MAX_WALLET_ID,),
        )
    return str(number)
