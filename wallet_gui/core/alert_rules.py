"""A profile's alert rules, and how they are written in the profile INI and typed in a form.

The rules are values (frozen dataclasses) so the engine, the dialog and the store can pass
them around freely. In the settings file they are plain strings under
``profiles/<name>/alerts/``, readable and editable by hand::

    alerts\\low_balances="14471 EUR 100.00; 14472 USD 5"
    alerts\\clock_offset_s=1
    alerts\\api_failing_min=off
    alerts\\incoming=true

A profile written before alerts existed has none of these keys and gets the defaults
(clock offset above 1 s and the API failing for 5 minutes on, the rest off); a key that
cannot be read also falls back to its default, so a hand edit never breaks a profile.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from wallet_gui.api.errors import WalletError
from wallet_gui.core.translatable import QT_TRANSLATE_NOOP

#: {0} is the part of the line the user typed that is not a rule (at most 40 characters).
_NOT_A_RULE = QT_TRANSLATE_NOOP(
    "WalletError",
    "“{0}” is not a low-balance rule: write the wallet id, the currency and the amount, "
    "e.g. “14471 EUR 100.00”",
)

#: The defaults the issue asks for; the clock's is the same as ``wallet-gui check``'s.
DEFAULT_CLOCK_OFFSET_S = 1.0
DEFAULT_API_FAILING_MIN = 5.0
OFF = "off"

#: The keys under ``profiles/<name>/alerts/``.
LOW_BALANCES_KEY = "low_balances"
CLOCK_OFFSET_KEY = "clock_offset_s"
API_FAILING_KEY = "api_failing_min"
INCOMING_KEY = "incoming"
KEYS = (LOW_BALANCES_KEY, CLOCK_OFFSET_KEY, API_FAILING_KEY, INCOMING_KEY)

_RULE = re.compile(r"^\s*(\d{1,19})\s+([A-Za-z]{3})\s+(-?\d{1,15}(?:\.\d{1,8})?)\s*$")
_TRUE = ("true", "1", "yes", "on")
_FALSE = ("false", "0", "no", OFF)


class AlertRulesError(WalletError):
    """A rule typed in the profile form cannot be read; ``str()`` says which and why."""


@dataclass(frozen=True, slots=True)
class LowBalanceRule:
    """Alert while the balance at disposal of ``currency`` in ``wallet_id`` is below ``below``."""

    wallet_id: str
    currency: str
    below: Decimal

    @property
    def key(self) -> str:
        """The rule's stable key in events, history and the rate limit."""
        return f"low_balance:{self.wallet_id}:{self.currency}"


@dataclass(frozen=True, slots=True)
class AlertRules:
    """Which alerts a profile wants; ``None`` switches a threshold rule off.

    ``clock_offset_s``: alert while |clock offset| is above this many seconds.
    ``api_failing_min``: alert once every request for this many minutes failed.
    ``incoming``: alert on each new incoming transaction.
    """

    low_balances: tuple[LowBalanceRule, ...] = ()
    clock_offset_s: float | None = DEFAULT_CLOCK_OFFSET_S
    api_failing_min: float | None = DEFAULT_API_FAILING_MIN
    incoming: bool = False


# -- the low-balance list as one line of text (the form's field and the INI value) --------


def format_low_balances(rules: tuple[LowBalanceRule, ...]) -> str:
    """``"14471 EUR 100.00; 14472 USD 5"``: what the form shows and the file stores."""
    return "; ".join(f"{r.wallet_id} {r.currency} {r.below}" for r in rules)


def parse_low_balances(text: str) -> tuple[LowBalanceRule, ...]:
    """Rules from ``"WALLET CUR AMOUNT; …"`` (``;``, ``,`` or new lines between them).

    Raises ``AlertRulesError`` naming the first part that is not a wallet id, a three-letter
    currency and a decimal amount. A later rule for the same wallet and currency wins.
    """
    found: dict[str, LowBalanceRule] = {}
    for part in re.split(r"[;,\n]", text):
        if not part.strip():
            continue
        match = _RULE.match(part)
        if match is None:
            shown = " ".join(part.split())[:40]
            raise AlertRulesError(template=_NOT_A_RULE, args=(shown,))
        wallet, currency, amount = match.groups()
        rule = LowBalanceRule(wallet, currency.upper(), Decimal(amount))
        found[rule.key] = rule
    return tuple(found.values())


# -- the INI values -----------------------------------------------------------------------


def _threshold(text: str | None, default: float) -> float | None:
    if text is None:
        return default
    text = text.strip().lower()
    if text in _FALSE:
        return None
    try:
        value = float(text)
    except ValueError:
        return default
    return value if math.isfinite(value) and value > 0 else default


def _flag(text: str | None, default: bool) -> bool:
    if text is None:
        return default
    text = text.strip().lower()
    if text in _TRUE:
        return True
    return False if text in _FALSE else default


def rules_from_values(values: Mapping[str, str]) -> AlertRules:
    """Rules from the strings stored under ``alerts/``; absent or unreadable keys get defaults."""
    try:
        low = parse_low_balances(values.get(LOW_BALANCES_KEY, ""))
    except (AlertRulesError, InvalidOperation):
        low = ()
    return AlertRules(
        low_balances=low,
        clock_offset_s=_threshold(values.get(CLOCK_OFFSET_KEY), DEFAULT_CLOCK_OFFSET_S),
        api_failing_min=_threshold(values.get(API_FAILING_KEY), DEFAULT_API_FAILING_MIN),
        incoming=_flag(values.get(INCOMING_KEY), False),
    )


def _number(value: float | None) -> str:
    if value is None:
        return OFF
    return str(int(value)) if value.is_integer() else repr(value)  # exact, "1" not "1.0"


def rules_to_values(rules: AlertRules) -> dict[str, str]:
    """The strings to store under ``alerts/`` (every key, so the file says what is on)."""
    return {
        LOW_BALANCES_KEY: format_low_balances(rules.low_balances),
        CLOCK_OFFSET_KEY: _number(rules.clock_offset_s),
        API_FAILING_KEY: _number(rules.api_failing_min),
        INCOMING_KEY: "true" if rules.incoming else "false",
    }
