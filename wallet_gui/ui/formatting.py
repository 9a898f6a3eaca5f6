"""Text for numbers and times the window shows, kept free of Qt so it is trivial to test.

Money stays ``Decimal`` all the way to the string: a balance of ``Decimal("3.250")`` must read
``3.250 KWD``, never ``3.25`` and never a float's ``3.2499999``. Signed values use the
typographic minus (U+2212) so that a sign is as wide as a digit and reads as a sign, not a
hyphen. The clock thresholds live here too, because the label text and the colour state must
agree on them.
"""

from __future__ import annotations

import enum
import json
import time
from decimal import Decimal
from typing import Any

from wallet_gui.core.state import ClockState

MINUS = "\N{MINUS SIGN}"
NONE_TEXT = "—"  # shown wherever a value is absent

# A skew of at most this (offset plus its guaranteed half-width) is harmless for any client.
FINE_LIMIT_S = 1.0
# Beyond this, servers that bound the timestamp skew refuse signatures from uncorrected
# clients; the Wallet API documents no tolerance, so 30 s is our conservative reading of it.
RISKY_LIMIT_S = 30.0


class ClockLevel(enum.Enum):
    """How worrying the measured offset is, from the clock panel's point of view."""

    UNKNOWN = "unknown"  # nothing measured yet
    STALE = "stale"  # measured, but too long ago (or the server is unreachable) to vouch for
    FINE = "fine"
    RISKY = "risky"
    FAILING = "failing"


def clock_level(state: ClockState, *, stale: bool = False) -> ClockLevel:
    """Classify a clock state; a refused timestamp wins over any measured value, and an
    estimate that is ``stale`` says nothing about the clock now."""
    if state.signatures_failing:
        return ClockLevel.FAILING
    if state.offset is None:
        return ClockLevel.UNKNOWN
    if stale:
        return ClockLevel.STALE
    worst = abs(state.offset) + (state.half_width or 0.0)
    if worst <= FINE_LIMIT_S:
        return ClockLevel.FINE
    if worst <= RISKY_LIMIT_S:
        return ClockLevel.RISKY
    return ClockLevel.FAILING


def _signed(value: float, decimals: int) -> str:
    """``+1.500`` / ``−1.500`` / ``0.000``: the sign is decided after rounding, so a tiny
    negative value never shows as ``−0.000``."""
    text = f"{abs(value):.{decimals}f}"
    if float(text) == 0.0:
        return text
    return ("+" if value > 0 else MINUS) + text


def format_offset(offset: float | None, half_width: float | None = None) -> str:
    """``−42.371 s ± 0.012 s``: always seconds with three decimals, whatever the size."""
    if offset is None:
        return NONE_TEXT
    text = f"{_signed(offset, 3)} s"
    if half_width is not None:
        text += f" ± {half_width:.3f} s"
    return text


def format_duration(seconds: float | None) -> str:
    """A small non-negative duration: milliseconds below one second, else seconds."""
    if seconds is None:
        return NONE_TEXT
    if seconds < 1.0:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.3f} s"


def format_ppm(rate: float | None, half_width: float | None = None) -> str:
    """Clock drift in parts per million, with its uncertainty when known."""
    if rate is None:
        return NONE_TEXT
    text = f"{_signed(rate, 1)} ppm"
    if half_width is not None:
        text += f" ± {half_width:.1f} ppm"
    return text


def format_money(amount: Decimal | None, currency: str) -> str:
    """``1,250.50 EUR``: grouped thousands, the Decimal's own scale, a typographic minus."""
    if amount is None:
        return NONE_TEXT
    digits = format(abs(amount), ",f")
    # Decimal("-0.00") is not < 0, so a negative zero shows without a sign.
    sign = MINUS if amount < 0 else ""
    return f"{sign}{digits} {currency}"


def format_local_time(wall_time: float | None) -> str:
    """Local ``HH:MM:SS`` of a UNIX time, the resolution every timestamp in the window uses."""
    if wall_time is None:
        return NONE_TEXT
    return time.strftime("%H:%M:%S", time.localtime(wall_time))


def format_countdown(seconds: float) -> str:
    """``in 25 s`` / ``in 3 min 05 s``; never negative, since a past deadline is "now"."""
    whole = max(0, round(seconds))
    if whole == 0:
        return "now"
    if whole < 60:
        return f"in {whole} s"
    minutes, rest = divmod(whole, 60)
    return f"in {minutes} min {rest:02d} s"


def format_config_value(value: Any) -> str:
    """Plain text for one configuration value: strings as they are, the rest as compact JSON."""
    if value is None:
        return NONE_TEXT
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "), default=str)
