"""Error reports: what a person needs to know about one failure, with no secret in it.

Built from any ``WalletError`` (or a keyring failure) on whatever thread caught it, then
handed to the window, the status line or ``wallet-gui check`` as plain immutable data. The
``key`` groups repeats of the same failure, so a monitor polling every few seconds shows one
dialog with a counter instead of a pile of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from wallet_gui.api.errors import ApiError, ResponseFormatError, TransportError, WalletError
from wallet_gui.core.translatable import QT_TRANSLATE_NOOP


def is_web_link(uri: str | None) -> bool:
    """Only http(s) links with a host may ever be made clickable."""
    if not uri:
        return False
    parts = urlsplit(uri.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _kind_of(error: WalletError) -> str:
    """The report's ``kind`` for an error that is no ``ApiError``."""
    if isinstance(error, TransportError):
        return "transport"
    if isinstance(error, ResponseFormatError):
        return "format"
    return "credentials"


@dataclass(frozen=True, slots=True)
class ErrorReport:
    """One failure, ready to show.

    ``context`` says what was being done ("Balance of wallet 14471"); ``kind`` is ``api``,
    ``transport``, ``format``, ``credentials`` or ``internal``; ``message`` is one line, in
    English. ``template`` and ``args`` are the error's marked English template of ``message``
    and its parts (``WalletError.template``), so that the window can say it in its language
    (``wallet_gui.ui.core_texts.report_message``); ``description_template`` and
    ``description_args`` are the same for a ``description`` of our own words. A message or
    description without a template (the server's text) is shown as it came.
    """

    context: str
    kind: str
    message: str
    code: str | None = None
    description: str | None = None
    status: int | None = None
    correlation_id: str | None = None
    uri: str | None = None
    retry_after: float | None = None
    template: str | None = None
    args: tuple[object, ...] = ()
    description_template: str | None = None
    description_args: tuple[object, ...] = ()

    @property
    def key(self) -> tuple[str, str | None, int | None, str]:
        """Identity for de-duplication: the same failure of the same kind of request."""
        return (self.kind, self.code, self.status, self.message if self.code is None else "")

    @property
    def title(self) -> str:
        """In English; the window translates it (``wallet_gui.ui.core_texts``)."""
        return {
            "api": QT_TRANSLATE_NOOP("ErrorReport", "The Wallet API reported an error"),
            "transport": QT_TRANSLATE_NOOP("ErrorReport", "The Wallet API could not be reached"),
            "format": QT_TRANSLATE_NOOP("ErrorReport", "The Wallet API sent an unexpected answer"),
            "credentials": QT_TRANSLATE_NOOP("ErrorReport", "Credentials problem"),
        }.get(self.kind, QT_TRANSLATE_NOOP("ErrorReport", "Unexpected problem"))

    @property
    def link(self) -> str | None:
        """``uri`` when it is safe to make clickable, else ``None``."""
        return self.uri if is_web_link(self.uri) else None

    @classmethod
    def from_exception(cls, error: BaseException, context: str) -> ErrorReport:
        if isinstance(error, ApiError):
            return cls(
                context=context,
                kind="api",
                message=str(error),
                code=error.error,
                description=error.description,
                status=error.status,
                correlation_id=error.correlation_id,
                uri=error.uri,
                retry_after=error.retry_after,
                description_template=error.description_template,
                description_args=error.description_args,
            )
        if isinstance(error, WalletError):
            return cls(
                context=context,
                kind=_kind_of(error),
                message=str(error),
                template=error.template,
                args=error.template_args,
            )
        # A bug of ours: say so in one line; the traceback goes to the log, not to the user.
        return cls(
            context=context, kind="internal", message=f"internal error ({type(error).__name__})"
        )

    def details(self) -> str:
        """A plain-text report for "Copy details": everything useful, never a secret."""
        lines = [self.title, f"While: {self.context}"]
        if self.code:
            lines.append(f"Error code: {self.code}")
        if self.status:
            lines.append(f"HTTP status: {self.status}")
        if self.description:
            lines.append(f"Description: {self.description}")
        if self.correlation_id:
            lines.append(f"Correlation id: {self.correlation_id}")
        if self.uri:
            lines.append(f"More information: {self.uri}")
        if self.retry_after is not None:
            lines.append(f"Retry after: {self.retry_after:g} s")
        lines.append(f"Message: {self.message}")
        return "\n".join(lines)
