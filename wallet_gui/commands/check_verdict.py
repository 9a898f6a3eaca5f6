"""From what ``check`` found to a monitoring state: OK, WARNING, CRITICAL or UNKNOWN.

The Monitoring Plugins guidelines fix the meaning of the four states and their exit codes.
Here: the API unreachable, timing out or answering with errors is CRITICAL, like an offset
or a balance past its critical range; a usage error, a missing key or a bug of ours is
UNKNOWN, because the check could not say anything about the API itself.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import Decimal

from wallet_gui.commands.check_output import CheckResult
from wallet_gui.commands.plugin_range import RangeError, ThresholdRange

#: Error kinds that say something about the API (its answers or reaching it).
_API_KINDS = frozenset({"api", "transport", "format"})


class PluginState(enum.IntEnum):
    """The four states, valued as their exit codes."""

    OK = 0
    WARNING = 1
    CRITICAL = 2
    UNKNOWN = 3


@dataclass(frozen=True, slots=True)
class BalanceRule:
    """A range for one wallet's amount at disposal in one currency."""

    wallet_id: str
    currency: str
    range: ThresholdRange

    @classmethod
    def parse(cls, text: str) -> BalanceRule:
        """``WALLET:CURRENCY:RANGE``, e.g. ``14471:EUR:100:`` (warn below 100 EUR)."""
        wallet_id, _, rest = text.partition(":")
        currency, _, range_text = rest.partition(":")
        if not (wallet_id.isdigit() and currency.isalpha() and len(currency) == 3):
            raise RangeError(f"balance threshold {text!r} is not WALLET:CURRENCY:RANGE")
        return cls(wallet_id, currency.upper(), ThresholdRange.parse(range_text))

    def __str__(self) -> str:
        return f"{self.wallet_id}:{self.currency}:{self.range}"


@dataclass(frozen=True, slots=True)
class Thresholds:
    """The offset's ranges (for |offset| in seconds) and any balance ranges."""

    warning: ThresholdRange = field(default_factory=lambda: ThresholdRange.parse("1"))
    critical: ThresholdRange = field(default_factory=lambda: ThresholdRange.parse("5"))
    balance_warning: tuple[BalanceRule, ...] = ()
    balance_critical: tuple[BalanceRule, ...] = ()

    def as_json(self) -> dict[str, object]:
        return {
            "warning": str(self.warning),
            "critical": str(self.critical),
            "balance_warning": [str(rule) for rule in self.balance_warning],
            "balance_critical": [str(rule) for rule in self.balance_critical],
        }


@dataclass(frozen=True, slots=True)
class Verdict:
    """The state and the reasons for it, most serious first."""

    state: PluginState
    reasons: tuple[str, ...] = ()


def judge(result: CheckResult, thresholds: Thresholds) -> Verdict:
    """The state of the API as this check saw it, with one reason per problem."""
    found: list[tuple[PluginState, str]] = []
    for report in result.errors:
        state = PluginState.CRITICAL if report.kind in _API_KINDS else PluginState.UNKNOWN
        found.append((state, f"{report.context}: {report.message}"))
    estimate = result.estimate
    if estimate is not None:
        size = abs(Decimal(repr(estimate.offset)))
        for state, threshold in (
            (PluginState.CRITICAL, thresholds.critical),
            (PluginState.WARNING, thresholds.warning),
        ):
            if threshold.alerts(size):
                reason = (
                    f"clock offset {estimate.offset:+.3f} s, its size outside range {threshold}"
                )
                found.append((state, reason))
                break
    elif not result.errors:
        found.append((PluginState.UNKNOWN, "the clock offset was not measured"))
    found.extend(_balance_findings(result, thresholds))
    if not found:
        return Verdict(PluginState.OK)
    found.sort(key=lambda item: _SEVERITY[item[0]], reverse=True)
    return Verdict(found[0][0], tuple(reason for _, reason in found))


#: UNKNOWN ranks between CRITICAL and WARNING, as the guidelines' state order has it.
_SEVERITY = {
    PluginState.OK: 0,
    PluginState.WARNING: 1,
    PluginState.UNKNOWN: 2,
    PluginState.CRITICAL: 3,
}


def _balance_findings(result: CheckResult, thresholds: Thresholds) -> list[tuple[PluginState, str]]:
    read = {item.wallet_id: item.balances for item in result.balances}
    found: list[tuple[PluginState, str]] = []
    flagged: set[tuple[str, str]] = set()  # critical first: a critical amount is not also warned
    for state, rules in (
        (PluginState.CRITICAL, thresholds.balance_critical),
        (PluginState.WARNING, thresholds.balance_warning),
    ):
        for rule in rules:
            key = (rule.wallet_id, rule.currency)
            if key in flagged:
                continue
            before = len(found)
            balances = read.get(rule.wallet_id)
            if balances is None:
                if rule.wallet_id not in read:
                    reason = f"wallet {rule.wallet_id} was not read (add --wallet {rule.wallet_id})"
                    found.append((PluginState.UNKNOWN, reason))
                continue  # its read failed: already reported as an error
            balance = balances.get(rule.currency)
            if balance is None or balance.at_disposal is None:
                found.append(
                    (PluginState.UNKNOWN, f"no {rule.currency} balance in wallet {rule.wallet_id}")
                )
            elif rule.range.alerts(balance.at_disposal):
                found.append(
                    (
                        state,
                        f"wallet {rule.wallet_id} {rule.currency} {balance.at_disposal} "
                        f"outside {rule.range}",
                    )
                )
            if len(found) > before:
                flagged.add(key)
    return found


__all__ = ["BalanceRule", "PluginState", "Thresholds", "Verdict", "judge"]
