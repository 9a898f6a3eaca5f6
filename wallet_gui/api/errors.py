"""Every way a Wallet API call can fail, as one small tree of exceptions.

Callers (the command line, the worker thread, the window) catch ``WalletError`` and
nothing else: the client translates every ``requests`` exception, decoding error and
shape mismatch into one of these. Each ``str()`` is one readable line meant for a person;
none of them ever contains a request's ``Authorization`` header or a key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# How much of a server-supplied text we are willing to put into one line.
_MAX_TEXT = 300


def one_line(text: str, limit: int = _MAX_TEXT) -> str:
    """Collapse whitespace and cut long text, so a message always fits a status line."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class WalletError(Exception):
    """Base of every failure the client reports; ``str()`` is one human-readable line.

    A message with a fixed wording is raised as ``template`` (English, marked with
    ``QT_TRANSLATE_NOOP("WalletError", …)``, ``{0}``-style placeholders) and ``args`` (its
    parts, already written out): ``str()`` is ``template.format(*args)``, the same English as
    always, and the window translates the template and fills in the same parts.
    """

    #: The marked English template of ``str()``, or ``None`` for a message said as it is.
    template: str | None = None
    #: The parts that fill ``template``'s placeholders, in order.
    template_args: tuple[object, ...] = ()

    def __init__(
        self, *message: object, template: str | None = None, args: tuple[object, ...] = ()
    ) -> None:
        if template is not None and not message:
            message = (template.format(*args),)
        super().__init__(*message)
        if template is not None:
            self.template, self.template_args = template, tuple(args)

    def __str__(self) -> str:
        return one_line(super().__str__())


@dataclass(eq=False)
class ApiError(WalletError):
    """The server (or a proxy in front of it) answered with an HTTP error status.

    ``error`` is the API's error code (``unauthorized``, ``invalid_timestamp``, …) or, for a
    body that was not an API error object, a code derived from the status
    (``http_502``). ``description`` is always readable text, never raw HTML.
    """

    status: int
    error: str
    description: str | None = None
    uri: str | None = None
    correlation_id: str | None = None
    retry_after: float | None = None
    properties: dict[str, Any] = field(default_factory=dict)
    #: For a ``description`` of our own words (an answer that was no API error object): its
    #: marked English template and parts, as ``WalletError.template`` is for a message.
    description_template: str | None = field(default=None, repr=False)
    description_args: tuple[object, ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        super().__init__(self.error)

    @property
    def is_invalid_timestamp(self) -> bool:
        return self.status == 401 and self.error == "invalid_timestamp"

    @property
    def is_rate_limited(self) -> bool:
        return self.status == 429 or self.error == "rate_limit_exceeded"

    def __str__(self) -> str:
        text = f"{self.error} (HTTP {self.status})"
        if self.description:
            text += f": {self.description}"
        if self.uri:
            text += f" — see {self.uri}"
        return one_line(text, 2 * _MAX_TEXT)


class ResponseFormatError(WalletError):
    """A successful answer whose body is not JSON, or not the documented shape."""


class TransportError(WalletError):
    """The request never got an HTTP answer: DNS, connection, TLS, timeout, oversize."""

    def __init__(
        self,
        *message: str,
        kind: str = "network",
        template: str | None = None,
        args: tuple[object, ...] = (),
    ) -> None:
        super().__init__(*message, template=template, args=args)
        #: ``timeout``, ``connection``, ``tls``, ``dns``, ``redirect``, ``cancelled``, ``network``.
        self.kind = kind
