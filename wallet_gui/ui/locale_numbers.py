"""How a locale writes numbers, taken from Qt's locale data, to dress exact digits with.

Qt formats numbers from a ``double``: fine for a clock offset, wrong for money (a balance of
``9007199254740993.01`` is not a double). So the digits of an amount are always made from
the ``Decimal`` itself, and only the dressing comes from ``QLocale``: the decimal point, the
group separator and the group sizes (Indian 12,34,567 included), the minus and plus signs,
the digits' script (the zero digit) and where the currency goes. The dressing is read off
Qt's own output for integers and for a currency placeholder, so it is whatever Qt's locale
data says, for any locale.

Rules that are ours, not Qt's:

* Currencies are shown by their ISO code (``EUR``), never a symbol: a wallet holds several
  currencies, "$" or "kr" would be ambiguous, and the code is what the API and ``check``
  say. The code goes where the locale puts its currency sign (``1 250,50 EUR`` in
  Lithuanian and Russian, ``EUR 1,250.50`` in US English), and like any alphabetic symbol
  it is kept apart from the digits by a no-break space.
* A minus sign goes directly before the digits (``−1 250,50 EUR``, ``EUR −1,250.50``), even
  where the locale's currency format uses accounting parentheses; an ASCII hyphen-minus
  becomes the typographic minus U+2212, as wide as a digit.
* The C locale (no language chosen) is the program's neutral form: ``1,250.50 EUR``, with a
  typographic minus. Tests and logs read the same on every machine.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from PySide6.QtCore import QLocale

MINUS: Final = "\N{MINUS SIGN}"
#: Stands for the currency code in ``NumberSymbols.currency_before/after``.
CURRENCY: Final = "¤"
_NO_BREAK_SPACE: Final = "\N{NO-BREAK SPACE}"


@dataclass(frozen=True, slots=True)
class NumberSymbols:
    """A locale's way of writing numbers."""

    decimal: str = "."
    group: str = ","
    minus: str = MINUS
    plus: str = "+"
    zero: str = "0"
    #: Digits in the group next to the decimal point (0: no grouping), in the others, and
    #: how many more digits than ``primary`` there must be before grouping starts.
    primary: int = 3
    secondary: int = 3
    min_grouping: int = 1
    currency_before: str = ""
    currency_after: str = " " + CURRENCY

    def grouped(self, whole: str) -> str:
        """ASCII integer digits with the group separators (still ASCII digits)."""
        if not self.primary or len(whole) < self.primary + self.min_grouping:
            return whole
        groups = [whole[-self.primary :]]
        rest = whole[: -self.primary]
        while rest:
            groups.append(rest[-self.secondary :])
            rest = rest[: -self.secondary]
        return self.group.join(reversed(groups))

    def native(self, text: str) -> str:
        """ASCII digits in the locale's script (Arabic-Indic, Persian, …)."""
        if self.zero == "0" or len(self.zero) != 1:
            return text
        base = ord(self.zero)
        return text.translate({ord("0") + i: base + i for i in range(10)})

    def number(self, digits: str, negative: bool, *, grouping: bool = True) -> str:
        """``digits`` (ASCII, ``1250.50``) written the locale's way, with a sign if negative."""
        whole, point, fraction = digits.partition(".")
        text = (self.grouped(whole) if grouping else whole) + (
            self.decimal + fraction if point else ""
        )
        return (self.minus if negative else "") + self.native(text)

    def decimal_text(self, amount: Decimal) -> str:
        """An exact ``Decimal`` (its own scale kept) written the locale's way."""
        if not amount.is_finite():
            return str(amount)
        # format(…, "f") of a Decimal is exact: no float anywhere. -0.00 has no sign.
        return self.number(format(abs(amount), "f"), amount < 0)

    def money(self, amount: Decimal, currency: str) -> str:
        before = self.currency_before.replace(CURRENCY, currency)
        after = self.currency_after.replace(CURRENCY, currency)
        return before + self.decimal_text(amount) + after


NEUTRAL: Final = NumberSymbols()

_cache: dict[tuple[str, int], NumberSymbols] = {}


def _sign(text: str) -> str:
    return text.replace("-", MINUS)


def _digit_span(text: str) -> tuple[int, int]:
    """First and one-past-last index of the digits in Qt's formatted ``text``."""
    digits = [i for i, char in enumerate(text) if unicodedata.category(char) == "Nd"]
    return digits[0], digits[-1] + 1


def _grouping(locale: QLocale, group: str) -> tuple[int, int, int]:
    sample = locale.toString(1234567890123)
    if not group or group not in sample:
        return 0, 3, 1
    start, end = _digit_span(sample)
    parts = sample[start:end].split(group)
    primary = len(parts[-1])
    secondary = len(parts[-2]) if len(parts) > 2 else primary
    for extra in (1, 2, 3):
        if group in locale.toString(10 ** (primary + extra - 1)):
            return primary, secondary, extra
    return primary, secondary, 1


def _currency_place(locale: QLocale) -> tuple[str, str]:
    """Text before and after the number in the locale's currency format, the code as ``¤``
    and kept apart from digits by a no-break space, as CLDR does for alphabetic symbols."""
    pattern = locale.toCurrencyString(1234, CURRENCY)
    if CURRENCY not in pattern or not any(c.isdigit() for c in pattern):
        return "", " " + CURRENCY
    start, end = _digit_span(pattern)
    before, after = pattern[:start], pattern[end:]
    if before.endswith(CURRENCY):
        before += _NO_BREAK_SPACE
    if after.startswith(CURRENCY):
        after = _NO_BREAK_SPACE + after
    return before, after


def symbols_for(locale: QLocale | None = None) -> NumberSymbols:
    """How ``locale`` (default: the application's, ``QLocale()``) writes numbers."""
    locale = QLocale() if locale is None else locale
    if locale.language() == QLocale.Language.C:
        return NEUTRAL
    key = (locale.name(), int(locale.numberOptions().value))
    known = _cache.get(key)
    if known is not None:
        return known
    group = locale.groupSeparator()
    primary, secondary, min_grouping = _grouping(locale, group)
    before, after = _currency_place(locale)
    symbols = NumberSymbols(
        decimal=locale.decimalPoint(),
        group=group,
        minus=_sign(locale.negativeSign()),
        plus=locale.positiveSign(),
        zero=locale.zeroDigit(),
        primary=primary,
        secondary=secondary,
        min_grouping=min_grouping,
        currency_before=before,
        currency_after=after,
    )
    _cache[key] = symbols
    return symbols


__all__ = ["CURRENCY", "MINUS", "NEUTRAL", "NumberSymbols", "symbols_for"]
