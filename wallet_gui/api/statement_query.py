"""The query of ``GET /wallet/{id}/statements``, checked before anything is signed or sent.

A page is chosen by position (``offset``) or by a cursor the server issued (``after`` the
statement it names, for older ones; ``before`` it, for newer ones), never by two of them at
once; ``from``/``to`` bound the date in UNIX seconds and ``currency`` picks one currency.
Arguments that cannot make a sensible request are refused here with a one-line
``ConfigurationError`` (a ``WalletError``), so a caller's mistake costs no request and
counts against no rate limit.
"""

from __future__ import annotations

from wallet_gui.api.models import _CURRENCY_CODE, MAX_SERVER_TIME
from wallet_gui.api.statement_parser import MAX_COUNT, MAX_CURSOR_CHARS
from wallet_gui.api.urls import ConfigurationError

#: The largest page the emulator serves (and the default it serves without ``limit``: 20).
MAX_STATEMENTS_LIMIT = 200


def _whole(value: object, name: str, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ConfigurationError(f"statements: '{name}' must be a whole number")
    if not low <= value <= high:
        raise ConfigurationError(f"statements: '{name}' must be from {low} to {high}")
    return value


def _cursor(value: object, name: str) -> str:
    if not isinstance(value, str) or not value:
        raise ConfigurationError(f"statements: '{name}' must be a cursor the server gave")
    if len(value) > MAX_CURSOR_CHARS or not (value.isascii() and value.isprintable()):
        raise ConfigurationError(f"statements: '{name}' is not a cursor the server gave")
    return value


def statement_params(
    *,
    limit: int | None = None,
    offset: int | None = None,
    after: str | None = None,
    before: str | None = None,
    date_from: int | None = None,
    date_to: int | None = None,
    currency: str | None = None,
) -> dict[str, str]:
    """The query parameters, in a stable order, or ``ConfigurationError`` saying what is wrong."""
    pickers = (("offset", offset), ("after", after), ("before", before))
    chosen = [name for name, value in pickers if value is not None]
    if len(chosen) > 1:
        both = " and ".join(chosen)
        raise ConfigurationError(
            f"statements: choose a page by offset, after or before, not {both}"
        )
    params: dict[str, str] = {}
    if limit is not None:
        params["limit"] = str(_whole(limit, "limit", 1, MAX_STATEMENTS_LIMIT))
    if offset is not None:
        params["offset"] = str(_whole(offset, "offset", 0, MAX_COUNT))
    if after is not None:
        params["after"] = _cursor(after, "after")
    if before is not None:
        params["before"] = _cursor(before, "before")
    if date_from is not None:
        params["from"] = str(_whole(date_from, "from", 0, MAX_SERVER_TIME - 1))
    if date_to is not None:
        params["to"] = str(_whole(date_to, "to", 0, MAX_SERVER_TIME - 1))
    if date_from is not None and date_to is not None and date_from > date_to:
        raise ConfigurationError("statements: 'from' is later than 'to'")
    if currency is not None:
        if not isinstance(currency, str) or not _CURRENCY_CODE.fullmatch(currency):
            raise ConfigurationError("statements: 'currency' must be a code like EUR")
        params["currency"] = currency
    return params
