"""Small builders for history tests: wallets, clock states and statements by hand."""

from __future__ import annotations

from decimal import Decimal

from wallet_gui.api.models import CurrencyBalance, OtherParty, Statement
from wallet_gui.core.state import ClockState, WalletBalances

#: 2026-11-29T18:00:00Z
T0 = 1795975200.0


def wallet(wallet_id: str = "14471", **amounts: str | tuple[str, str]) -> WalletBalances:
    """``wallet("14471", EUR="10.00", USD=("1.00", "0.50"))``: at disposal (and reserved)."""
    balances = {}
    for currency, amount in amounts.items():
        at, reserved = amount if isinstance(amount, tuple) else (amount, "0.00")
        balances[currency] = CurrencyBalance(currency, Decimal(at), Decimal(reserved))
    return WalletBalances(wallet_id=wallet_id, balances=balances, updated_at=T0)


def clock(at: float, offset: float, half_width: float, **more: float) -> ClockState:
    return ClockState(offset=offset, half_width=half_width, measured_at=at, samples=8, **more)


def statement(
    id_: int, amount: str, date: int, direction: str = "in", details: str = "payment"
) -> Statement:
    return Statement(
        id=id_,
        amount=Decimal(amount),
        currency="EUR",
        date=date,
        direction=direction,
        type="transfer",
        details=details,
        other_party=OtherParty(name="Jonas", account_number="EVP123", ibans=("LT12",)),
        transfer_id=id_ * 10,
        reference_number=None,
        raw={"id": id_, "amount_decimal": amount},
    )
