"""One ``GET /server`` answer told in words: the server's clock and how far it is from ours.

"Test connection" reads the server's clock once. The API answers whole UNIX seconds, so
one answer says where the server's clock was to within a second: it read some time
``T ≤ t < T + 1`` somewhere between sending and the answer's arrival. The best single
guess of the difference is the middle of both intervals, and its uncertainty is half of
each. This module turns that into the sentence the Connect dialog shows, e.g.
"server clock 2026-11-29 14:02:03, 3.4 s ahead of this computer (±0.5 s)".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from wallet_gui.core.translatable import Translate, english

#: Half of the API's one-second resolution: the least uncertainty of one answer.
_HALF_TICK_S = 0.5


@dataclass(frozen=True, slots=True)
class ClockReading:
    """How far the server's clock is from this computer's, from one whole-second answer.

    ``offset`` is positive when the server is ahead; the true difference lies within
    ``offset ± uncertainty``.
    """

    server_time: int
    offset: float
    uncertainty: float


def read_clock(server_time: int, sent_wall: float, received_wall: float) -> ClockReading:
    """The difference implied by ``server_time``, read between the two local wall times."""
    sent_wall, received_wall = min(sent_wall, received_wall), max(sent_wall, received_wall)
    local_middle = (sent_wall + received_wall) / 2
    offset = server_time + _HALF_TICK_S - local_middle
    uncertainty = _HALF_TICK_S + (received_wall - sent_wall) / 2
    return ClockReading(server_time=server_time, offset=offset, uncertainty=uncertainty)


def format_duration(seconds: float, *, translate: Translate = english) -> str:
    """A non-negative span, short: "0.4 s", "12.3 s", "3 min 5 s", "2 h 4 min", "3 days"."""
    seconds = abs(seconds)
    if seconds < 60:
        return translate("ClockText", "{0} s").format(f"{seconds:.1f}")
    whole = round(seconds)
    if whole < 3600:
        minutes, rest = divmod(whole, 60)
        if rest:
            return translate("ClockText", "{0} min {1} s").format(minutes, rest)
        return translate("ClockText", "{0} min").format(minutes)
    if whole < 86_400:
        hours, rest = divmod(whole, 3600)
        minutes = rest // 60
        if minutes:
            return translate("ClockText", "{0} h {1} min").format(hours, minutes)
        return translate("ClockText", "{0} h").format(hours)
    days = whole // 86_400
    if days == 1:
        return translate("ClockText", "1 day")
    return translate("ClockText", "{0} days").format(days)


def describe_difference(reading: ClockReading, *, translate: Translate = english) -> str:
    """ "3.4 s ahead of this computer (±0.5 s)", "… behind …", or "in step with …"."""
    margin = f"±{format_duration(reading.uncertainty, translate=translate)}"
    if round(abs(reading.offset), 1) == 0:
        return translate("ClockText", "in step with this computer ({0})").format(margin)
    shown = format_duration(reading.offset, translate=translate)
    if reading.offset > 0:
        return translate("ClockText", "{0} ahead of this computer ({1})").format(shown, margin)
    return translate("ClockText", "{0} behind this computer ({1})").format(shown, margin)


def describe_server_clock(
    server_time: int,
    sent_wall: float,
    received_wall: float,
    *,
    tz: tzinfo | None = None,
    translate: Translate = english,
) -> str:
    """ "server clock 2026-11-29 14:02:03, 0.4 s ahead of this computer (±0.5 s)".

    The date-time is the server's second in local time (``tz``, default: this computer's
    zone); the difference is measured against this computer's wall clock. ``translate``
    (``QCoreApplication.translate`` in the window) turns the English into the window's
    language; by default the text stays English.
    """
    reading = read_clock(server_time, sent_wall, received_wall)
    difference = describe_difference(reading, translate=translate)
    try:
        moment = datetime.fromtimestamp(server_time, tz).astimezone(tz)
    except (OverflowError, OSError, ValueError):  # a time the platform cannot show
        text = translate("ClockText", "server clock at {0} (UNIX time), {1}")
        return text.format(server_time, difference)
    text = translate("ClockText", "server clock {0}, {1}")
    return text.format(f"{moment:%Y-%m-%d %H:%M:%S}", difference)


__all__ = [
    "ClockReading",
    "describe_difference",
    "describe_server_clock",
    "format_duration",
    "read_clock",
]
