"""Text for numbers and times the window shows, in the application's locale.

Money stays ``Decimal`` all the way to the string: a balance of ``Decimal("3.250")`` must read
``3.250 KWD``, never ``3.25`` and never a float's ``3.2499999``; only the separators, the
signs and the currency's place come from the locale (``locale_numbers`` says how, and which
rules are ours: ISO codes, never symbols). Each function takes an optional ``QLocale``; by
default the application's (``QLocale()``, which the language setting sets). In the C locale
the text is the neutral ``1,250.50 EUR``. Signed values use the typographic minus (U+2212)
so that a sign is as wide as a digit and reads as a sign, not a hyphen. The clock thresholds
live here too, because the label text and the colour state must agree on them.

The unit after a measurement ("s", "ms", "ppm") is the window's language's: each is a
template in the ``Formatting`` translation context ("{0} ms" is "{0} мс" in Russian).

``check`` never uses this module: its plugin line and JSON do not change with the locale.
"""

from __future__ import annotations

import enum
import json
import re
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from wallet_gui.core.state import ClockState
from wallet_gui.ui.locale_numbers import MINUS as MINUS  # the sign signed values use
from wallet_gui.ui.locale_numbers import symbols_for

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


def _fixed(value: float, decimals: int, locale: QLocale | None) -> str:
    """A non-negative measurement with ``decimals`` places, the locale's way (not grouped:
    these are small)."""
    return symbols_for(locale).number(f"{abs(value):.{decimals}f}", negative=False, grouping=False)


def _signed(value: float, decimals: int, locale: QLocale | None = None) -> str:
    """``+1.500`` / ``−1.500`` / ``0.000``: the sign is decided after rounding, so a tiny
    negative value never shows as ``−0.000``."""
    digits = f"{abs(value):.{decimals}f}"
    symbols = symbols_for(locale)
    if float(digits) == 0.0:
        return symbols.number(digits, negative=False, grouping=False)
    if value < 0:
        return symbols.number(digits, negative=True, grouping=False)
    return symbols.plus + symbols.number(digits, negative=False, grouping=False)


def format_offset(
    offset: float | None, half_width: float | None = None, locale: QLocale | None = None
) -> str:
    """``−42.371 s ± 0.012 s``: always seconds with three decimals, whatever the size."""
    if offset is None:
        return NONE_TEXT
    signed = _signed(offset, 3, locale)
    if half_width is None:
        return QCoreApplication.translate("Formatting", "{0} s").format(signed)
    spread = _fixed(half_width, 3, locale)
    return QCoreApplication.translate("Formatting", "{0} s ± {1} s").format(signed, spread)


def format_duration(seconds: float | None, locale: QLocale | None = None) -> str:
    """A small non-negative duration: milliseconds below one second, else seconds."""
    if seconds is None:
        return NONE_TEXT
    if seconds < 1.0:
        return QCoreApplication.translate("Formatting", "{0} ms").format(
            _fixed(seconds * 1000, 1, locale)
        )
    return QCoreApplication.translate("Formatting", "{0} s").format(_fixed(seconds, 3, locale))


def format_ppm(
    rate: float | None, half_width: float | None = None, locale: QLocale | None = None
) -> str:
    """Clock drift in parts per million, with its uncertainty when known.

    One decimal, or as many as a bound under 0.1 ppm needs to show (days of history pin
    the rate to hundredths of a ppm; "± 0.0" would claim certainty).
    """
    if rate is None:
        return NONE_TEXT
    decimals = 1
    if half_width is not None and 0 < half_width < 0.1:
        decimals = 2 if half_width >= 0.01 else 3
    signed = _signed(rate, decimals, locale)
    if half_width is None:
        return QCoreApplication.translate("Formatting", "{0} ppm").format(signed)
    spread = _fixed(half_width, decimals, locale)
    return QCoreApplication.translate("Formatting", "{0} ppm ± {1} ppm").format(signed, spread)


def format_amount(amount: Decimal | None, locale: QLocale | None = None) -> str:
    """An exact amount without its currency: ``1 250,50`` in Lithuanian."""
    if amount is None:
        return NONE_TEXT
    return symbols_for(locale).decimal_text(amount)


def format_money(amount: Decimal | None, currency: str, locale: QLocale | None = None) -> str:
    """``1,250.50 EUR`` (C), ``1 250,50 EUR`` (lt), ``EUR 1,250.50`` (en_US): the locale's
    separators and currency place, the Decimal's own digits and scale, exact at any size."""
    if amount is None:
        return NONE_TEXT
    # Decimal("-0.00") is not < 0, so a negative zero shows without a sign.
    return symbols_for(locale).money(amount, currency)


# A time zone in a Qt format ("t" to "tttt"), with the brackets or space around it.
_ZONE = re.compile(r"\s*\(?\bt{1,4}\b\)?\s*")


def _without_zone(qt_format: str) -> str:
    """Qt's date-time format without its time zone: ``h:mm:ss AP tttt`` → ``h:mm:ss AP``.
    Text in single quotes is literal and left alone."""
    pieces = re.split(r"('[^']*')", qt_format)
    return "".join(
        piece if index % 2 else _ZONE.sub(" ", piece) for index, piece in enumerate(pieces)
    ).strip()


def _local(wall_time: float) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(round(wall_time * 1000))  # local time


def time_format(locale: QLocale | None = None) -> str:
    """The locale's time with seconds (its long format, without the zone)."""
    locale = QLocale() if locale is None else locale
    return _without_zone(locale.timeFormat(QLocale.FormatType.LongFormat))


def date_format(locale: QLocale | None = None) -> str:
    """The locale's short date, with a four-digit year; ISO 8601 in the C locale."""
    locale = QLocale() if locale is None else locale
    if locale.language() == QLocale.Language.C:
        return "yyyy-MM-dd"
    text = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return text if "yyyy" in text else text.replace("yy", "yyyy")


def format_local_time(wall_time: float | None, locale: QLocale | None = None) -> str:
    """The local time of day of a UNIX time, with seconds (the resolution every timestamp in
    the window uses), the locale's way: ``13:05:09``, ``1:05:09 PM``."""
    if wall_time is None:
        return NONE_TEXT
    locale = QLocale() if locale is None else locale
    return locale.toString(_local(wall_time), time_format(locale))


def format_local_date(wall_time: float | None, locale: QLocale | None = None) -> str:
    """The local date of a UNIX time, the locale's way: ``2026-11-29``, ``29.11.2026``."""
    if wall_time is None:
        return NONE_TEXT
    locale = QLocale() if locale is None else locale
    return locale.toString(_local(wall_time), date_format(locale))


def format_local_date_time(wall_time: float | None, locale: QLocale | None = None) -> str:
    """Date and time with seconds: ``29.11.2026 13:05:09``."""
    if wall_time is None:
        return NONE_TEXT
    return f"{format_local_date(wall_time, locale)} {format_local_time(wall_time, locale)}"


def format_countdown(seconds: float) -> str:
    """``in 25 s`` / ``in 3 min 05 s`` in the window's language; never negative, since a
    past deadline is "now". (The status line's words: its translation context.)"""
    translate = QCoreApplication.translate
    whole = max(0, round(seconds))
    if whole == 0:
        return translate("StatusLine", "now")
    if whole < 60:
        return translate("StatusLine", "in {0} s").format(whole)
    minutes, rest = divmod(whole, 60)
    return translate("StatusLine", "in {0} min {1} s").format(minutes, f"{rest:02d}")


def format_config_value(value: Any) -> str:
    """Plain text for one configuration value: strings as they are, the rest as compact JSON."""
    if value is None:
        return NONE_TEXT
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "), default=str)
