"""``check``'s text output in the Monitoring Plugins format: a status line, details, perfdata.

The first line is ``WALLET_API <STATE> - <summary> | <perfdata>``; the lines after it are
details for people. Numbers are plain decimals with a dot whatever the user's locale (Python's
formatting never consults the locale), seconds carry the unit ``s``. A ``|`` starts perfdata
anywhere in plugin output, so text from the server has every ``|`` replaced and every control
character escaped before it is printed.
"""

from __future__ import annotations

from decimal import Decimal

from wallet_gui.commands.check_output import CheckResult, detail_lines
from wallet_gui.commands.check_verdict import BalanceRule, PluginState, Thresholds, Verdict
from wallet_gui.core.terminal_text import terminal_safe

PLUGIN_NAME = "WALLET_API"
#: The status line is what pagers and dashboards show: keep it to a glance.
MAX_SUMMARY_CHARS = 200


def plugin_safe(text: str, limit: int = MAX_SUMMARY_CHARS) -> str:
    """Text fit for plugin output: controls escaped, no ``|``, cut to ``limit``."""
    return terminal_safe(text.replace("|", "/"), limit)


def _number(value: Decimal | float, places: int = 6) -> str:
    """A plain decimal: no exponent, no grouping, no trailing zeros."""
    text = f"{value:.{places}f}" if isinstance(value, float) else format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _label(name: str) -> str:
    return "'" + plugin_safe(name, 60).replace("=", "_").replace("'", "''") + "'"


def _metric(
    name: str, value: Decimal | float, unit: str = "", warn: str = "", crit: str = "", low: str = ""
) -> str:
    return f"{_label(name)}={_number(value)}{unit};{warn};{crit};{low};"


def _rule_for(rules: tuple[BalanceRule, ...], wallet_id: str, currency: str) -> str:
    return next(
        (str(r.range) for r in rules if (r.wallet_id, r.currency) == (wallet_id, currency)), ""
    )


def perfdata(result: CheckResult, thresholds: Thresholds) -> str:
    """Offset, uncertainty, round trip, drift when known, and each balance."""
    items: list[str] = []
    estimate = result.estimate
    if estimate is not None:
        warn, crit = str(thresholds.warning), str(thresholds.critical)
        items.append(_metric("offset", estimate.offset, "s", warn, crit))
        items.append(_metric("offset_uncertainty", estimate.half_width, "s", low="0"))
        items.append(_metric("rtt", estimate.rtt_min, "s", low="0"))
        if estimate.rate_ppm is not None:
            items.append(_metric("drift_ppm", estimate.rate_ppm))
    for item in result.balances:
        for currency, balance in sorted((item.balances or {}).items()):
            if balance.at_disposal is None:
                continue
            items.append(
                _metric(
                    f"balance_{item.wallet_id}_{currency}",
                    balance.at_disposal,
                    warn=_rule_for(thresholds.balance_warning, item.wallet_id, currency),
                    crit=_rule_for(thresholds.balance_critical, item.wallet_id, currency),
                )
            )
    return " ".join(items)


def status_line(result: CheckResult, verdict: Verdict, thresholds: Thresholds) -> str:
    """``WALLET_API <STATE> - <summary> | <perfdata>``."""
    if verdict.reasons:
        summary = verdict.reasons[0]
        if len(verdict.reasons) > 1:
            summary += f" (and {len(verdict.reasons) - 1} more)"
    elif result.estimate is not None:
        estimate = result.estimate
        read = sum(1 for item in result.balances if item.balances is not None)
        summary = (
            f"offset {_number(estimate.offset, 3)} s +/- {_number(estimate.half_width, 3)} s"
            + (f", {read} wallet(s) read" if read else "")
        )
    else:
        summary = "no result"
    line = f"{PLUGIN_NAME} {verdict.state.name} - {plugin_safe(summary)}"
    data = perfdata(result, thresholds)
    return f"{line} | {data}" if data else line


def unknown_line(message: str) -> str:
    """The one line for a check that could not start (usage, key, keyring)."""
    return f"{PLUGIN_NAME} {PluginState.UNKNOWN.name} - {plugin_safe(message)}"


def print_plugin_output(
    result: CheckResult, verdict: Verdict, thresholds: Thresholds, elapsed: float
) -> None:
    """The status line, then details, then every reason and error, on stdout."""
    print(status_line(result, verdict, thresholds))
    for line in detail_lines(result):
        print(line.replace("|", "/"))
    for reason in verdict.reasons:
        print(f"Problem        {plugin_safe(reason, 300)}")
    print(f"Checked in     {elapsed:.1f} s")


__all__ = ["PLUGIN_NAME", "perfdata", "plugin_safe", "print_plugin_output", "status_line"]
