"""Typed, immutable views of the API's answers, and the strict parsers that build them.

The parsers accept exactly the documented shapes: optional fields may be missing (the API
omits them rather than sending ``null``), unknown fields are kept in ``raw`` and otherwise
ignored, and anything of the wrong type raises ``ResponseFormatError``, so that a malformed
answer can never surface later as a ``KeyError`` or ``TypeError`` deep in the window.
Money is ``Decimal`` from end to end.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from wallet_gui.api.currencies import minor_unit_exponent
from wallet_gui.api.errors import ResponseFormatError

_CURRENCY_CODE = re.compile(r"[A-Z]{3}")


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
        raise ResponseFormatError(f"{what}: expected a JSON object, got {_json_type(data)}")
    return data


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _optional(data: Mapping[str, Any], key: str, kind: type | tuple[type, ...], what: str) -> Any:
    value = data.get(key)
    if value is None:
        return None
    # bool is an int in Python, but never a valid API integer.
    if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _tuple(kind)):
        raise ResponseFormatError(f"{what}: '{key}' has the wrong type ({_json_type(value)})")
    return value


def _required(data: Mapping[str, Any], key: str, kind: type | tuple[type, ...], what: str) -> Any:
    if key not in data:
        raise ResponseFormatError(f"{what}: required field '{key}' is missing")
    value = _optional(data, key, kind, what)
    if value is None:
        raise ResponseFormatError(f"{what}: required field '{key}' is null")
    return value


def _tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def parse_server_time(data: Any) -> int:
    body = _expect_object(data, "server time")
    value = _required(body, "time", int, "server time")
    if value < 0:
        raise ResponseFormatError("server time: 'time' is negative")
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
        id=_required(body, "id", int, "wallet"),
        owner=_required(body, "owner", int, "wallet"),
        account_number=_required(account, "number", str, "wallet account"),
        display_name=display,
        raw=dict(body),
    )


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


def _decimal_text(text: str, what: str) -> Decimal:
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise ResponseFormatError(f"{what}: '{text[:40]}' is not a decimal amount") from None
    if not value.is_finite():
        raise ResponseFormatError(f"{what}: '{text[:40]}' is not a finite amount")
    return value


def _minor_units(value: int, currency: str) -> Decimal:
    # Built from text, so no arithmetic context can round a very large amount.
    exponent = minor_unit_exponent(currency)
    return Decimal(f"{value}E-{exponent}") if exponent else Decimal(value)


def _amount(entry: Mapping[str, Any], name: str, currency: str, what: str) -> Decimal | None:
    """Prefer the exact ``*_decimal`` string; fall back to integer minor units."""
    text = _optional(entry, f"{name}_decimal", str, what)
    if text is not None:
        return _decimal_text(text, f"{what} '{name}_decimal'")
    minor = _optional(entry, name, int, what)
    return None if minor is None else _minor_units(minor, currency)


def parse_balance(data: Any, *, convert_to: str | None = None) -> dict[str, CurrencyBalance]:
    body = _expect_object(data, "balance")
    balances: dict[str, CurrencyBalance] = {}
    for currency, entry in body.items():
        what = f"balance {currency}"
        if not _CURRENCY_CODE.fullmatch(currency):
            raise ResponseFormatError(f"balance: '{currency[:20]}' is not a currency code")
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
