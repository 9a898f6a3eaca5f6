"""How values are kept: amounts as exact text, a float beside them only for drawing."""

from __future__ import annotations

import math
from decimal import Decimal

from wallet_gui.api.models import CurrencyBalance


def exact(amount: Decimal) -> str:
    """An amount as plain decimal text, every digit kept and never an exponent."""
    return format(amount, "f")


def chart_value(balance: CurrencyBalance) -> float | None:
    """What the chart draws: the amount at disposal (else the total), as a float."""
    amount: Decimal | None = balance.at_disposal
    if amount is None:
        amount = balance.total
    return None if amount is None else float(amount)


def finite(value: float | None) -> float | None:
    """``value``, or ``None`` for a missing or non-finite one (never stored as NaN)."""
    return value if value is not None and math.isfinite(value) else None
