"""Money in the emulator: reading and writing balance amounts, and the statements behind them.

A balance entry keeps the API's shapes (``at_disposal`` in minor units, ``at_disposal_decimal``
as text, either of which may be absent in the sparse demo wallet), so a change of balance
rewrites whichever forms the entry has. Statements are kept as JSON-ready dicts, exactly
what ``GET /wallet/{id}/statements`` sends, and the invariant the emulator holds is that
a wallet's statements in a currency add up (``in`` positive, ``out`` negative) to that
currency's ``at_disposal`` plus ``reserved``: reserved money was received too.

The opening history of each demo wallet is made here (``opening_history``): a few
plausible statements per currency that add up to its opening balance.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

#: Decimals of the demo currencies whose minor unit is not a cent (the emulator's own small
#: table; it must not depend on the client's).
_EXPONENTS = {"JPY": 0, "KWD": 3}
_DAY = 86_400

Entry = dict[str, Any]
Statement = dict[str, Any]


def exponent(currency: str) -> int:
    return _EXPONENTS.get(currency, 2)


def quantum(currency: str) -> Decimal:
    """The smallest amount of ``currency``: ``0.01`` for cents, ``1`` for yen."""
    return Decimal(1).scaleb(-exponent(currency))


def as_text(value: Decimal, currency: str) -> str:
    """``value`` as the API's decimal string, with exactly the currency's decimals."""
    return str(value.quantize(quantum(currency)))


def as_minor(value: Decimal, currency: str) -> int:
    return int(value.scaleb(exponent(currency)).to_integral_value())


def amount_of(entry: Entry, name: str, currency: str) -> Decimal:
    """An amount of a balance entry (``at_disposal`` or ``reserved``), 0 when absent."""
    text = entry.get(f"{name}_decimal")
    if isinstance(text, str):
        return Decimal(text)
    minor = entry.get(name)
    if isinstance(minor, int):
        return Decimal(minor).scaleb(-exponent(currency))
    return Decimal(0)


def total_of(entry: Entry, currency: str) -> Decimal:
    return amount_of(entry, "at_disposal", currency) + amount_of(entry, "reserved", currency)


def write_at_disposal(entry: Entry, currency: str, value: Decimal) -> None:
    """Set ``at_disposal`` in the forms the entry has (both when it has neither)."""
    has_text, has_minor = "at_disposal_decimal" in entry, "at_disposal" in entry
    if has_minor or not has_text:
        entry["at_disposal"] = as_minor(value, currency)
    if has_text or not has_minor:
        entry["at_disposal_decimal"] = as_text(value, currency)


def check_amount(amount: Decimal, currency: str) -> None:
    """Refuse (``ValueError``) an amount that is not positive or finer than the currency."""
    if not isinstance(amount, Decimal) or not amount.is_finite() or amount <= 0:
        raise ValueError(f"amount must be a positive Decimal, not {amount!r}")
    if amount != amount.quantize(quantum(currency)):
        raise ValueError(f"{amount} has more decimals than {currency} has")
    if amount >= Decimal(10) ** 15:
        raise ValueError("amount is too large for the emulator")


def statement(
    statement_id: int,
    *,
    currency: str,
    amount: Decimal,
    direction: str,
    date: int,
    kind: str,
    details: str,
    other_party: dict[str, Any] | None = None,
    transfer_id: int | None = None,
    reference_number: str | None = None,
) -> Statement:
    """One statement as the API sends it; optional fields left out rather than null."""
    item: Statement = {
        "id": statement_id,
        "amount": as_minor(amount, currency),
        "amount_decimal": as_text(amount, currency),
        "currency": currency,
        "date": date,
        "direction": direction,
        "type": kind,
        "details": details,
    }
    if other_party:
        item["other_party"] = dict(other_party)
    if transfer_id is not None:
        item["transfer_id"] = transfer_id
    if reference_number is not None:
        item["reference_number"] = reference_number
    return item


def signed_sum(statements: list[Statement], currency: str) -> Decimal:
    """What ``statements`` did to the balance of ``currency``."""
    total = Decimal(0)
    for item in statements:
        if item["currency"] == currency:
            amount = Decimal(item["amount_decimal"])
            total += amount if item["direction"] == "in" else -amount
    return total


#: Who pays the opening salary in every demo wallet (all optional fields present once).
_EMPLOYER = {
    "name": "UAB Darbdavys",
    "code": "300000001",
    "bic": "EVIULT2VXXX",
    "account_number": "EVP0000000000001",
    "ibans": ["LT093500010000000001"],
}
_SHOP = {"name": "MAXIMA LT, UAB"}
_REFUNDER = {"name": "UAB Demo Parduotuvė", "account_number": "EVP0020002000202"}
#: (days ago, direction, type, details, other party) of a history, oldest first; the amount
#: of the first is whatever makes the sum come out right, the others come from _AMOUNTS.
_HISTORY: tuple[tuple[int, str, str, str, dict[str, Any] | None], ...] = (
    (9, "in", "transfer", "Salary", _EMPLOYER),
    (6, "out", "card", "Card payment MAXIMA", _SHOP),
    (3, "in", "transfer", "Refund, order 5521", _REFUNDER),
    (1, "out", "commission", "Monthly account fee", None),
)
_AMOUNTS = (Decimal("12.40"), Decimal("8.00"), Decimal("1.99"))


def opening_history(
    wallet_id: int, balances: dict[str, Entry], now: int, first_id: int
) -> list[Statement]:
    """A short, plausible history per currency of one wallet, oldest first, whose signed sum
    per currency is that currency's opening total (at disposal plus reserved). Ids count up
    from ``first_id`` in date order."""
    drafts: list[tuple[int, str, Decimal, int]] = []  # (date, currency, amount, history row)
    for index, (currency, entry) in enumerate(sorted(balances.items())):
        scale = Decimal(1 + index)
        spent, refund, fee = ((a * scale).quantize(quantum(currency)) for a in _AMOUNTS)
        opening = total_of(entry, currency) + spent - refund + fee
        late = 60 * (7 * index + 3)  # currencies' histories interleave, never collide
        for row, amount in enumerate((opening, spent, refund, fee)):
            drafts.append((now - _HISTORY[row][0] * _DAY + late, currency, amount, row))
    drafts.sort()
    history = []
    for number, (date, currency, amount, row) in enumerate(drafts):
        _, direction, kind, details, party = _HISTORY[row]
        transfer = kind == "transfer"
        history.append(
            statement(
                first_id + number,
                currency=currency,
                amount=amount,
                direction=direction,
                date=date,
                kind=kind,
                details=details,
                other_party=copy.deepcopy(party),
                transfer_id=7_000_000 + first_id + number if transfer else None,
                reference_number=f"RF{wallet_id}-{number:03d}" if transfer else None,
            )
        )
    return history
