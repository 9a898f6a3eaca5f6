"""Threshold ranges in the Monitoring Plugins syntax, as Nagios, Icinga and Naemon read them.

``[@][start:][end]``: a value *outside* ``start..end`` raises the alert; with a leading ``@``
a value *inside* it does. ``start`` defaults to 0 and may be ``~`` for minus infinity; an
empty ``end`` is plus infinity. So ``10`` alerts outside 0..10, ``10:`` below 10, ``~:10``
above 10, ``10:20`` outside 10..20, ``@10:20`` inside it. Bounds are exact decimals, so a
balance threshold of ``100.10`` means exactly that.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from wallet_gui.api.errors import WalletError


class RangeError(WalletError):
    """A threshold that is not in the range syntax."""


@dataclass(frozen=True, slots=True)
class ThresholdRange:
    """One parsed range; ``None`` bounds are infinite."""

    start: Decimal | None
    end: Decimal | None
    inside: bool = False  # True with "@": alert when the value lies inside
    text: str = ""

    @classmethod
    def parse(cls, text: str) -> ThresholdRange:
        raw = text.strip()
        body = raw[1:] if raw.startswith("@") else raw
        if not body:
            raise RangeError(f"empty threshold range {text!r}")
        start_text, colon, end_text = body.partition(":")
        if not colon:
            start_text, end_text = "0", body
        start = None if start_text == "~" else _decimal(start_text or "0", text)
        end = _decimal(end_text, text) if end_text else None
        if start is not None and end is not None and start > end:
            raise RangeError(f"threshold range {text!r} starts above its end")
        return cls(start=start, end=end, inside=raw.startswith("@"), text=raw)

    def alerts(self, value: Decimal | float) -> bool:
        """True when ``value`` should raise this threshold's state."""
        number = Decimal(str(value)) if isinstance(value, float) else value
        within = (self.start is None or number >= self.start) and (
            self.end is None or number <= self.end
        )
        return within if self.inside else not within

    def __str__(self) -> str:
        return self.text


def _decimal(text: str, whole: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise RangeError(f"not a number in threshold range {whole!r}: {text!r}") from None
    if not value.is_finite():
        raise RangeError(f"not a finite number in threshold range {whole!r}")
    return value


__all__ = ["RangeError", "ThresholdRange"]
