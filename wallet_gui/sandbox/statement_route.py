"""``GET /wallet/{id}/statements``: filtering and paging a wallet's statements, as plain data.

Statements are listed newest first (by date, then id). A page is chosen by ``offset`` or by
a cursor this emulator issued: ``after`` a statement gives the older ones that follow it,
``before`` a statement the newer ones that precede it (the ``limit`` closest to it). Each
page's ``_metadata`` names its ``first`` and ``last`` statements as cursors, so
``after=last`` is the next page and ``before=first`` the previous one. ``from`` and ``to``
(UNIX seconds, both inclusive) and ``currency`` filter before paging. A cursor is opaque to
clients; it encodes the wallet, date and id of a statement, and is refused on another
wallet or when it was not made here. Bad parameters are ``invalid_parameters`` (400).
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Any

from wallet_gui.sandbox.refusals import RefusalError

DEFAULT_LIMIT = 20
MAX_LIMIT = 200
_MAX_NUMBER_DIGITS = 18
_CURRENCY = re.compile(r"[A-Z]{3}")
_CURSOR = re.compile(r"s1\.(\d{1,19})\.(\d{1,19})\.(\d{1,19})")

Key = tuple[int, int]


def cursor_of(wallet_id: int, item: dict[str, Any]) -> str:
    """The opaque cursor naming ``item`` of ``wallet_id``."""
    plain = f"s1.{wallet_id}.{item['date']}.{item['id']}".encode("ascii")
    return base64.urlsafe_b64encode(plain).decode("ascii").rstrip("=")


def _key_of(cursor: str, wallet_id: int, name: str) -> Key:
    refusal = RefusalError("invalid_parameters", f"Parameter {name} is not a valid cursor")
    if not cursor.isascii() or len(cursor) > 100:
        raise refusal
    try:
        plain = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
    except (binascii.Error, ValueError):
        raise refusal from None
    match = _CURSOR.fullmatch(plain)
    if match is None or int(match.group(1)) != wallet_id:
        raise refusal
    return int(match.group(2)), int(match.group(3))


def _number(params: dict[str, str], name: str, low: int, high: int | None = None) -> int | None:
    text = params.get(name)
    if text is None:
        return None
    if not (text.isascii() and text.isdigit()) or len(text) > _MAX_NUMBER_DIGITS:
        raise RefusalError("invalid_parameters", f"Parameter {name} must be a whole number")
    value = int(text)
    if value < low or (high is not None and value > high):
        bound = f"from {low} to {high}" if high is not None else f"at least {low}"
        raise RefusalError("invalid_parameters", f"Parameter {name} must be {bound}")
    return value


def _key(item: dict[str, Any]) -> Key:
    return int(item["date"]), int(item["id"])


def statements_answer(
    wallet_id: int, statements: list[dict[str, Any]], query: dict[str, list[str]]
) -> dict[str, Any]:
    """The body of one statements page of ``wallet_id`` (``statements`` in any order)."""
    params = {name: values[-1] for name, values in query.items() if values}
    limit = _number(params, "limit", 1, MAX_LIMIT) or DEFAULT_LIMIT
    offset = _number(params, "offset", 0)
    pickers = [name for name in ("offset", "after", "before") if name in params]
    if len(pickers) > 1:
        raise RefusalError(
            "invalid_parameters", f"Parameters {' and '.join(pickers)} cannot be combined"
        )
    date_from = _number(params, "from", 0)
    date_to = _number(params, "to", 0)
    currency = params.get("currency")
    if currency is not None and not _CURRENCY.fullmatch(currency):
        raise RefusalError("invalid_parameters", "Parameter currency must be a currency code")
    listing = sorted(
        (
            item
            for item in statements
            if (currency is None or item["currency"] == currency)
            and (date_from is None or item["date"] >= date_from)
            and (date_to is None or item["date"] <= date_to)
        ),
        key=_key,
        reverse=True,
    )
    if "after" in params:
        mark = _key_of(params["after"], wallet_id, "after")
        start = sum(1 for item in listing if _key(item) >= mark)
        end = start + limit
    elif "before" in params:
        mark = _key_of(params["before"], wallet_id, "before")
        end = sum(1 for item in listing if _key(item) > mark)
        start = max(0, end - limit)
    else:
        start = offset or 0
        end = start + limit
    page = listing[start:end]
    metadata: dict[str, Any] = {
        "total": len(listing),
        "offset": start,
        "limit": limit,
        "has_next": end < len(listing),
        "has_previous": start > 0,
    }
    if page:
        metadata["first"] = cursor_of(wallet_id, page[0])
        metadata["last"] = cursor_of(wallet_id, page[-1])
    return {"statements": page, "_metadata": metadata}
