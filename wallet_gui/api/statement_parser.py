"""The strict parser of ``GET /wallet/{id}/statements`` answers, in the style of ``models``.

A page of statements is the largest body of server text the monitor reads and keeps (the
history stores it, the window shows it), so every field is checked before it becomes a
``Statement``: amounts with the same bounds as balances (|amount| < 10**18, at most 9
decimals, never negative: the direction carries the sign), dates as bounded UNIX seconds,
ids as 64-bit keys, and every text capped in length. A field that breaks a rule is a
``ResponseFormatError`` naming the statement's position and the field; nothing is cut or
guessed. Optional fields may be missing (the API omits them); ``details`` missing reads as
an empty text, and a missing ``_metadata`` as a page that says nothing about its neighbours.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from wallet_gui.api.errors import ResponseFormatError
from wallet_gui.api.models import (
    _CURRENCY_CODE,
    MAX_ID,
    MAX_SERVER_TIME,
    OtherParty,
    Statement,
    StatementPage,
    _decimal_text,
    _expect_object,
    _id,
    _minor_units,
    _optional,
    _out_of_range,
    _required,
    _safe_excerpt,
)

#: The directions a statement can have; ``signed_amount`` depends on them.
DIRECTIONS = frozenset({"in", "out"})
#: Longest free text accepted (``details``: a payment purpose is 140 characters in SEPA).
MAX_DETAILS_CHARS = 2000
#: Longest name, code, account number, reference or type accepted.
MAX_FIELD_CHARS = 200
#: Longest paging cursor accepted; it is sent back to the server as a query parameter.
MAX_CURSOR_CHARS = 256
#: Most IBANs one other party may list.
MAX_IBANS = 20
#: Largest count or position ``_metadata`` may state.
MAX_COUNT = 2**53


def _text(data: Mapping[str, Any], key: str, what: str, limit: int = MAX_FIELD_CHARS) -> str | None:
    value: str | None = _optional(data, key, str, what)
    if value is not None and len(value) > limit:
        raise ResponseFormatError(f"{what}: '{key}' is too long ({len(value):,} characters)")
    return value


def _optional_id(data: Mapping[str, Any], key: str, what: str) -> int | None:
    value: int | None = _optional(data, key, int, what)
    if value is not None and not 0 <= value <= MAX_ID:
        raise _out_of_range(what, key)
    return value


def _statement_amount(entry: Mapping[str, Any], currency: str, what: str) -> Decimal:
    text = _optional(entry, "amount_decimal", str, what)
    if text is not None:
        amount, key = _decimal_text(text, what, "amount_decimal"), "amount_decimal"
    else:
        minor = _required(entry, "amount", int, what)
        amount, key = _minor_units(minor, currency, what, "amount"), "amount"
    if amount < 0:
        raise ResponseFormatError(f"{what}: '{key}' is negative (the direction gives the sign)")
    return amount


def _other_party(entry: Mapping[str, Any], what: str) -> OtherParty | None:
    raw = _optional(entry, "other_party", dict, what)
    if raw is None:
        return None
    where = f"{what} other_party"
    ibans = _optional(raw, "ibans", list, where) or []
    if len(ibans) > MAX_IBANS:
        raise ResponseFormatError(f"{where}: 'ibans' lists too many ({len(ibans):,})")
    for iban in ibans:
        if not isinstance(iban, str) or len(iban) > MAX_FIELD_CHARS:
            raise ResponseFormatError(f"{where}: 'ibans' must be a list of short strings")
    return OtherParty(
        name=_text(raw, "name", where),
        code=_text(raw, "code", where),
        bic=_text(raw, "bic", where),
        account_number=_text(raw, "account_number", where),
        ibans=tuple(ibans),
    )


def parse_statement(data: Any, what: str = "statement") -> Statement:
    """One element of ``statements[]``; ``what`` names it in error messages."""
    entry = _expect_object(data, what)
    currency: str = _required(entry, "currency", str, what)
    if not _CURRENCY_CODE.fullmatch(currency):
        raise ResponseFormatError(f"{what}: 'currency' {_safe_excerpt(currency)} is not a code")
    date: int = _required(entry, "date", int, what)
    if not 0 < date < MAX_SERVER_TIME:
        raise _out_of_range(what, "date")
    direction: str = _required(entry, "direction", str, what)
    if direction not in DIRECTIONS:
        raise ResponseFormatError(
            f"{what}: 'direction' {_safe_excerpt(direction)} is neither 'in' nor 'out'"
        )
    kind: str = _required(entry, "type", str, what)
    if len(kind) > MAX_FIELD_CHARS:
        raise ResponseFormatError(f"{what}: 'type' is too long ({len(kind):,} characters)")
    return Statement(
        id=_id(entry, "id", what),
        amount=_statement_amount(entry, currency, what),
        currency=currency,
        date=date,
        direction=direction,
        type=kind,
        details=_text(entry, "details", what, MAX_DETAILS_CHARS) or "",
        other_party=_other_party(entry, what),
        transfer_id=_optional_id(entry, "transfer_id", what),
        reference_number=_text(entry, "reference_number", what),
        raw=dict(entry),
    )


def _count(meta: Mapping[str, Any], key: str) -> int | None:
    value: int | None = _optional(meta, key, int, "statements _metadata")
    if value is not None and not 0 <= value <= MAX_COUNT:
        raise _out_of_range("statements _metadata", key)
    return value


def _cursor(meta: Mapping[str, Any], key: str) -> str | None:
    value = _text(meta, key, "statements _metadata", MAX_CURSOR_CHARS)
    if value is not None and not (value and value.isascii() and value.isprintable()):
        raise ResponseFormatError(f"statements _metadata: '{key}' is not a printable cursor")
    return value


def parse_statement_page(data: Any) -> StatementPage:
    """A whole answer: ``statements[]`` (required) and ``_metadata`` (optional)."""
    body = _expect_object(data, "statements")
    items = _required(body, "statements", list, "statements")
    statements = tuple(
        parse_statement(item, f"statement #{number}") for number, item in enumerate(items, 1)
    )
    meta = _optional(body, "_metadata", dict, "statements") or {}
    flags = {key: _optional(meta, key, bool, "statements _metadata") for key in _FLAGS}
    return StatementPage(
        statements=statements,
        total=_count(meta, "total"),
        offset=_count(meta, "offset"),
        limit=_count(meta, "limit"),
        has_next=bool(flags["has_next"]),
        has_previous=bool(flags["has_previous"]),
        first=_cursor(meta, "first"),
        last=_cursor(meta, "last"),
    )


_FLAGS = ("has_next", "has_previous")
