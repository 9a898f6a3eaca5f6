"""What ``wallet-gui check`` found, and how it is printed: a summary, or one JSON object.

Everything the server sent is made safe first: escaped for the terminal in the summary,
cut to a sane length in the JSON (whose encoder escapes the rest).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from wallet_gui.api.models import Configuration
from wallet_gui.clock import OffsetEstimate
from wallet_gui.core.monitor import BalanceResult
from wallet_gui.core.reports import ErrorReport
from wallet_gui.core.terminal_text import MAX_PRINTED_CHARS, terminal_safe


def _cut(text: str | None, limit: int = MAX_PRINTED_CHARS) -> str | None:
    """Server text for JSON: JSON escapes it; this keeps one value from flooding a screen."""
    if text is None or len(text) <= limit:
        return text
    return text[: limit - 1] + "…"


def _amount(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


@dataclass
class CheckResult:
    """Everything one check found, complete or not."""

    base_url: str
    estimate: OffsetEstimate | None = None
    configuration: Configuration | None = None
    balances: list[BalanceResult] = field(default_factory=list)
    errors: list[ErrorReport] = field(default_factory=list)
    resyncs: int = 0

    def fail(self, error: BaseException, context: str) -> None:
        self.errors.append(ErrorReport.from_exception(error, context))

    def as_json(self) -> dict[str, Any]:
        est = self.estimate
        return {
            "base_url": self.base_url,
            "offset_s": None if est is None else round(est.offset, 6),
            "uncertainty_s": None if est is None else round(est.half_width, 6),
            "typical_error_s": None
            if est is None or est.typical_error is None
            else round(est.typical_error, 6),
            "rtt_s": None if est is None else round(est.rtt_min, 6),
            "rate_ppm": None if est is None or est.rate_ppm is None else round(est.rate_ppm, 3),
            "samples": 0 if est is None else est.samples,
            "falsetickers": 0 if est is None else est.falsetickers,
            "resyncs": self.resyncs,
            "configuration": None if self.configuration is None else dict(self.configuration.raw),
            "balances": {
                result.wallet_id: {
                    currency: {
                        "at_disposal": _amount(balance.at_disposal),
                        "reserved": _amount(balance.reserved),
                    }
                    for currency, balance in (result.balances or {}).items()
                }
                for result in self.balances
                if result.balances is not None
            },
            "errors": [
                {
                    "context": e.context,
                    "kind": e.kind,
                    "code": _cut(e.code),
                    "status": e.status,
                    "description": _cut(e.description),
                    "uri": _cut(e.uri),
                    "correlation_id": _cut(e.correlation_id),
                    "message": _cut(e.message),
                }
                for e in self.errors
            ],
        }


def _signed(value: float) -> str:
    return ("−" if value < 0 else "+") + f"{abs(value):.3f}"


def detail_lines(result: CheckResult) -> list[str]:
    """The details for people: where, the clock, the configuration, the balances."""
    lines = [f"Wallet API     {terminal_safe(result.base_url)}"]
    est = result.estimate
    if est is None:
        lines.append("Clock offset   not measured")
    else:
        typical = "" if est.typical_error is None else f"typical ±{est.typical_error:.3f} s; "
        lines.append(
            f"Clock offset   {_signed(est.offset)} s ± {est.half_width:.3f} s  "
            f"({typical}RTT {1000 * est.rtt_min:.0f} ms; {est.samples} probes)"
        )
        side = "behind" if est.offset > 0 else "ahead of"
        lines.append(
            f"               this machine's clock is {side} the server by {abs(est.offset):.3f} s"
        )
        if result.resyncs:
            lines.append(
                f"               re-measured {result.resyncs} time(s) after the server refused "
                "a timestamp; the request was retried once"
            )
        if est.rate_ppm is not None:
            lines.append(
                f"Drift          {est.rate_ppm:+.1f} ppm ± {est.rate_half_width_ppm or 0:.1f}"
            )
    if result.configuration is not None:
        for number, (key, value) in enumerate(result.configuration.raw.items()):
            label = "Configuration" if number == 0 else ""
            shown = terminal_safe(json.dumps(value, ensure_ascii=False))
            lines.append(f"{label:<15}{terminal_safe(key, 80)} = {shown}")
    for item in result.balances:
        for currency, balance in sorted((item.balances or {}).items()):
            at_disposal = _amount(balance.at_disposal) or "—"
            reserved = _amount(balance.reserved) or "—"
            code = terminal_safe(currency, 12)
            lines.append(
                f"Wallet {item.wallet_id:<8}{code}  at disposal {at_disposal}  reserved {reserved}"
            )
    return lines


def error_line(report: ErrorReport) -> str:
    """One stderr line per error."""
    return f"error: {report.context}: {terminal_safe(report.message)}"


def print_json(result: CheckResult, extra: dict[str, Any]) -> None:
    """One JSON object on stdout.

    ASCII only: every control, bidi or other special character arrives as a \\u escape, so the
    JSON stays valid and the terminal that shows it stays untouched.
    """
    print(json.dumps({**result.as_json(), **extra}, ensure_ascii=True, indent=2))
