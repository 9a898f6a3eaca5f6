"""Typed, immutable views of the API's answers, and the strict parsers that build them.

The parsers accept exactly the documented shapes: optional fields may be missing (the API
omits them rather than sending ``null``), unknown fields are kept in ``raw`` and otherwise
ignored, and anything of the wrong type raises ``ResponseFormatError``, so that a malformed
answer can never surface later as a ``KeyError`` or ``TypeError`` deep in the window.
Money is ``Decimal`` from end to end. The parsers must not fetch anything, and must not
guess: a required field that is missing is an error, never a default.

Numbers from the server are bounded before anything downstream computes with them (see
``MAX_AMOUNT_DIGITS`` and ``MAX_SERVER_TIME``): a ``1e999999999`` balance would otherwise
pass as a finite ``Decimal`` and raise ``decimal.Overflow`` in the window on every poll.
Text from the server that an error message quotes is cut and shown with ``repr`` escapes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from wallet_gui.api.currencies import minor_unit_exponent
from wallet_gui.api.errors import ResponseFormatError
from wallet_gui.api.translatable import QT_TRANSLATE_NOOP, phrase

_CURRENCY_CODE = re.compile(r"[A-Z]{3}")

# -- bounds on numbers from the server -----------------------------------------------------------
#
# Every amount (``*_decimal`` text, integer minor units, ``converted``) must satisfy
# |amount| < 10**MAX_AMOUNT_DIGITS major units with at most MAX_AMOUNT_PLACES decimals:
#
# * 18 integer digits are 10**18 major units: a quintillion, a million times any balance a
#   wallet could hold even in the currencies with the smallest units (VND, IRR, LAK).
# * 9 decimal places cover every ISO 4217 minor unit (at most 4) and conversion results.
# * 18 + 9 = 27 significant digits, so an amount, and the sum of two (``total``, below 2e18),
#   fit the default decimal context's 28 digits: ``abs``, ``+`` and formatting are exact,
#   never rounded and never overflowing (``1e999999999`` raised ``decimal.Overflow`` there,
#   and ``1e999999`` formatted into a 1.3-million-character cell).
# * A ``*_decimal`` text is at most MAX_AMOUNT_TEXT characters ("-" + 18 digits + "." + 9
#   digits is 29; the rest leaves room for blanks or an exponent); longer text is refused
#   before it is parsed.
# * Integer minor units are bounded by magnitude, compared as ints, never via ``str()``:
#   Python refuses to convert an int of more than 4300 digits to text (ValueError), and
#   ``json`` refuses to parse one (the client then reports a body that is not JSON).
MAX_AMOUNT_DIGITS = 18
MAX_AMOUNT_PLACES = 9
MAX_AMOUNT_TEXT = 40
#: Server time is whole UNIX seconds with 0 < time < 2**40 (the year 36812): a larger value
#: would overflow ``time.localtime``, ``datetime`` and float arithmetic downstream.
MAX_SERVER_TIME = 2**40
#: Wallet and owner ids are 64-bit signed positive integers, as the API's database keys are.
MAX_ID = 2**63 - 1
#: How much of a server-supplied name or text an error message quotes.
_MAX_EXCERPT = 20


def _safe_excerpt(text: str, limit: int = _MAX_EXCERPT) -> str:
    """``text`` cut to ``limit`` characters and quoted by ``repr``, which escapes every
    control, format (bidi) and line-breaking character: safe in a one-line message."""
    cut = text[:limit]
    return repr(cut) + ("…" if len(text) > limit else "")


@dataclass(frozen=True, slots=True)
class TimeSample:
    """One ``GET /server`` exchange, timed for the clock estimator.

    ``sent`` and ``received`` are ``time.monotonic()`` readings taken just before the request
    was written and when the response headers arrived; ``wall_offset`` maps them to wall time.
    """

    server_time: int
    sent: float
    received: float
    wall_offset: float
    cached: bool = False

    @property
    def rtt(self) -> float:
        return self.received - self.sent


@dataclass(frozen=True, slots=True)
class Configuration:
    """Server configuration: the known settings as attributes, everything in ``raw``."""

    minimum_password_length: int | None
    raw: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Wallet:
    id: int
    owner: int
    account_number: str
    display_name: str | None = None
    raw: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ConvertedBalance:
    """Amounts converted to the ``convert_to`` currency of the request (major units)."""

    currency: str | None
    at_disposal: Decimal | None
    reserved: Decimal | None


@dataclass(frozen=True, slots=True)
class CurrencyBalance:
    """One currency of a wallet, in major units (``Decimal("22.99")``, never a float)."""

    currency: str
    at_disposal: Decimal | None
    reserved: Decimal | None
    converted: ConvertedBalance | None = None

    @property
    def total(self) -> Decimal | None:
        if self.at_disposal is None and self.reserved is None:
            return None
        return (self.at_disposal or Decimal(0)) + (self.reserved or Decimal(0))


@dataclass(frozen=True, slots=True)
class ClientInfo:
    """The calling API client (``GET /client``), used to test credentials."""

    title: str | None
    type: str | None
    permissions: tuple[str, ...]
    raw: dict[str, Any] = field(default_factory=dict)


def _expect_object(data: Any, what: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ResponseFormatError(
            template=QT_TRANSLATE_NOOP("WalletError", "{0}: expected a JSON object, got {1}"),
            args=(what, _json_type(data)),
        )
    return data


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return phrase(QT_TRANSLATE_NOOP("WalletError", "a boolean"))
    if isinstance(value, int | float):
        return phrase(QT_TRANSLATE_NOOP("WalletError", "a number"))
    if isinstance(value, str):
        return phrase(QT_TRANSLATE_NOOP("WalletError", "a string"))
    if isinstance(value, list):
        return phrase(QT_TRANSLATE_NOOP("WalletError", "an array"))
    return phrase(QT_TRANSLATE_NOOP("WalletError", "an object"))


def _optional(data: Mapping[str, Any], key: str, kind: type | tuple[type, ...], what: str) -> Any:
    value = data.get(key)
    if value is None:
        return None
    # bool is an int in Python, but never a valid API integer.
    if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _tuple(kind)):
        raise ResponseFormatError(
            template=QT_TRANSLATE_NOOP("WalletError", "{0}: '{1}' has the wrong type ({2})"),
            args=(what, key, _json_type(value)),
        )
    return value


def _required(data: Mapping[str, Any], key: str, kind: type | tuple[type, ...], what: str) -> Any:
    if key not in data:
        raise ResponseFormatError(
            template=QT_TRANSLATE_NOOP("WalletError", "{0}: required field '{1}' is missing"),
            args=(what, key),
        )
    value = _optional(data, key, kind, what)
    if value is None:
        raise ResponseFormatError(
            template=QT_TRANSLATE_NOOP("WalletError", "{0}: required field '{1}' is null"),
            args=(what, key),
        )
    return value


def _tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def parse_server_time(data: Any) -> int:
    body = _expect_object(data, "server time")
    value = _required(body, "time", int, "server time")
    if not 0 < value < MAX_SERVER_TIME:
        raise ResponseFormatError("server time: 'time' is out of range")
    return int(value)


def parse_configuration(data: Any) -> Configuration:
    body = _expect_object(data, "configuration")
    length = _optional(body, "minimum_password_length", int, "configuration")
    return Configuration(minimum_password_length=length, raw=dict(body))


def parse_wallet(data: Any) -> Wallet:
    body = _expect_object(data, "wallet")
    account = _expect_object(_required(body, "account", dict, "wallet"), "wallet account")
    display = _optional(account, "owner_display_name", str, "wallet account")
    return Wallet(
        id=_id(body, "id", "wallet"),
        owner=_id(body, "owner", "wallet"),
        account_number=_required(account, "number", str, "wallet account"),
        display_name=display,
        raw=dict(body),
    )


def _id(data: Mapping[str, Any], key: str, what: str) -> int:
    value: int = _required(data, key, int, what)
    if not 0 <= value <= MAX_ID:
        raise _out_of_range(what, key)
    return value


def parse_client_info(data: Any) -> ClientInfo:
    body = _expect_object(data, "client")
    permissions = _optional(body, "permissions", list, "client") or []
    if not all(isinstance(item, str) for item in permissions):
        raise ResponseFormatError("client: 'permissions' must be a list of strings")
    return ClientInfo(
        title=_optional(body, "title", str, "client"),
        type=_optional(body, "type", str, "client"),
        permissions=tuple(permissions),
        raw=dict(body),
    )


def _out_of_range(what: str, key: str) -> ResponseFormatError:
    return ResponseFormatError(
        template=QT_TRANSLATE_NOOP("WalletError", "{0}: '{1}' is out of range"), args=(what, key)
    )


def _decimal_text(text: str, what: str, key: str) -> Decimal:
    if len(text) > MAX_AMOUNT_TEXT:
        raise _out_of_range(what, key)
    try:
        value = Decimal(text.strip())
    except (InvalidOperation, ValueError):
        raise ResponseFormatError(
            f"{what}: '{key}' {_safe_excerpt(text, MAX_AMOUNT_TEXT)} is not a decimal amount"
        ) from None
    if not value.is_finite():
        raise ResponseFormatError(
            f"{what}: '{key}' {_safe_excerpt(text, MAX_AMOUNT_TEXT)} is not a finite amount"
        )
    exponent = value.as_tuple().exponent  # an int: the value is finite
    too_large = not value.is_zero() and value.adjusted() >= MAX_AMOUNT_DIGITS
    if (
        too_large
        or not isinstance(exponent, int)
        or not -MAX_AMOUNT_PLACES <= exponent < MAX_AMOUNT_DIGITS
    ):
        raise _out_of_range(what, key)
    return value


def _minor_units(value: int, currency: str, what: str, key: str) -> Decimal:
    exponent = minor_unit_exponent(currency)
    # Compared as ints: no str() of a huge int (Python refuses past 4300 digits).
    if abs(value) >= 10 ** (MAX_AMOUNT_DIGITS + exponent):
        raise _out_of_range(what, key)
    # Built from text, so no arithmetic context can round the amount.
    return Decimal(f"{value}E-{exponent}") if exponent else Decimal(value)


def _amount(entry: Mapping[str, Any], name: str, currency: str, what: str) -> Decimal | None:
    """Prefer the exact ``*_decimal`` string; fall back to integer minor units."""
    text = _optional(entry, f"{name}_decimal", str, what)
    if text is not None:
        return _decimal_text(text, what, f"{name}_decimal")
    minor = _optional(entry, name, int, what)
    return None if minor is None else _minor_units(minor, currency, what, name)


def parse_balance(data: Any, *, convert_to: str | None = None) -> dict[str, CurrencyBalance]:
    body = _expect_object(data, "balance")
    balances: dict[str, CurrencyBalance] = {}
    for currency, entry in body.items():
        what = f"balance {currency}"
        if not _CURRENCY_CODE.fullmatch(currency):
            raise ResponseFormatError(f"balance: {_safe_excerpt(currency)} is not a currency code")
        entry = _expect_object(entry, what)
        converted = None
        raw_converted = _optional(entry, "converted", dict, what)
        if raw_converted is not None:
            target = convert_to or currency
            converted = ConvertedBalance(
                currency=convert_to,
                at_disposal=_amount(raw_converted, "at_disposal", target, f"{what} converted"),
                reserved=_amount(raw_converted, "reserved", target, f"{what} converted"),
            )
        balances[currency] = CurrencyBalance(
            currency=currency,
            at_disposal=_amount(entry, "at_disposal", currency, what),
            reserved=_amount(entry, "reserved", currency, what),
            converted=converted,
        )
    return balances


# -- statements (``GET /wallet/{id}/statements``); parsed by ``api.statement_parser`` ----------


@dataclass(frozen=True, slots=True)
class OtherParty:
    """The payer or payee of a statement, as far as the API names them (all optional)."""

    name: str | None = None
    code: str | None = None
    bic: str | None = None
    account_number: str | None = None
    ibans: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Statement:
    """One transaction of a wallet: an exact, never negative amount and its direction.

    ``amount`` is in major units (from ``amount_decimal``, else ``amount`` in minor units);
    ``direction`` is ``"in"`` or ``"out"``, so ``signed_amount`` is what the transaction did
    to the balance. ``date`` is whole UNIX seconds.
    """

    id: int
    amount: Decimal
    currency: str
    date: int
    direction: str
    type: str
    details: str
    other_party: OtherParty | None = None
    transfer_id: int | None = None
    reference_number: str | None = None
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def signed_amount(self) -> Decimal:
        """The amount as it changed the balance: negative for money that went out."""
        return -self.amount if self.direction == "out" else self.amount


@dataclass(frozen=True, slots=True)
class StatementPage:
    """One page of statements, newest first, with the paging facts the server gave.

    ``first`` and ``last`` are opaque cursors of the page's first and last statement: pass
    ``last`` as ``after`` for the next (older) page and ``first`` as ``before`` for the
    previous (newer) one. Fields the server left out are ``None`` (flags: ``False``).
    """

    statements: tuple[Statement, ...]
    total: int | None = None
    offset: int | None = None
    limit: int | None = None
    has_next: bool = False
    has_previous: bool = False
    first: str | None = None
    last: str | None = None
