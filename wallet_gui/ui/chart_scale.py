"""Axis arithmetic of the clock chart, free of Qt so that it is trivial to test.

- ``time_scale``: where the time axis puts its labels: on round local times (a step from a
  fixed list), as many as fit, in a format that shows seconds only when the step needs
  them and the day only when the axis covers more than one. So labels are distinct (no
  "13:17:28" twice) and read without arithmetic, whatever the range.
- ``value_scale``: the offset axis, its ends on round values, with a minimum span so that a
  steady clock is not drawn as a flat line on a two-second scale, nor as noise on a
  microsecond one.
- ``band_limits``: what of the offsets and their uncertainty bands the offset axis must
  show; a band far wider than the others (the first probes of a burst) is cut off at the
  edge instead of squeezing every later point into a line.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

#: Time steps a person reads without arithmetic, in seconds.
TIME_STEPS: tuple[int, ...] = (
    1, 2, 5, 10, 15, 30,
    60, 120, 300, 600, 900, 1800,
    3600, 7200, 10800, 21600, 43200,
    86400, 172800, 604800,
)  # fmt: skip
_DAY = 86400


@dataclass(frozen=True, slots=True)
class ChartRange:
    """One choice of how much history the chart shows: ``seconds`` back from the newest
    point, or everything the panel has (``None``)."""

    key: str
    seconds: float | None


#: The ranges offered, in the order of the range box.
CHART_RANGES: tuple[ChartRange, ...] = (
    ChartRange("5min", 300.0),
    ChartRange("1h", 3600.0),
    ChartRange("all", None),
)
DEFAULT_RANGE = "1h"


@dataclass(frozen=True, slots=True)
class TimeScale:
    """A time axis from ``start`` to ``end`` (UNIX seconds), labelled at ``ticks``, which
    are ``step`` seconds apart, in ``label_format`` (a QDateTime format string)."""

    start: float
    end: float
    step: int
    ticks: tuple[float, ...]
    label_format: str


@dataclass(frozen=True, slots=True)
class ValueScale:
    """A value axis from ``low`` to ``high`` with labels on the multiples of ``step``
    between them (``ticks`` of them), shown with ``decimals`` decimals."""

    low: float
    high: float
    step: float
    ticks: int
    decimals: int


def shown_times(times: Sequence[float], seconds: float | None) -> tuple[float, float] | None:
    """First and last time to show of ``times`` (sorted, oldest first); None without any."""
    if not times:
        return None
    last = times[-1]
    first = times[0] if seconds is None else max(times[0], last - seconds)
    return first, last


def _steps() -> Iterator[int]:
    """``TIME_STEPS``, then ever more weeks."""
    yield from TIME_STEPS
    weeks = 2
    while True:
        yield weeks * TIME_STEPS[-1]
        weeks *= 2


def time_scale(
    first: float,
    last: float,
    *,
    max_ticks: int = 6,
    min_span: float = 60.0,
    utc_offset: float = 0.0,
) -> TimeScale:
    """A time axis from ``first`` to ``last`` with at most ``max_ticks`` round labels.

    A span shorter than ``min_span`` reaches back further, so that the newest point stays at
    the right-hand edge. Ticks fall on round local times (``utc_offset`` is local time minus
    UTC, in seconds) inside the span.
    """
    max_ticks = max(2, max_ticks)
    if last < first:
        first, last = last, first
    first = min(first, last - min_span)
    for step in _steps():
        low = math.ceil((first + utc_offset) / step)
        high = math.floor((last + utc_offset) / step)
        if high - low + 1 <= max_ticks:
            break
    ticks = tuple(float(k * step - utc_offset) for k in range(low, high + 1))
    if step >= _DAY:
        label_format = "d MMM"
    elif last - first > _DAY:
        label_format = "d MMM HH:mm" if step >= 60 else "d MMM HH:mm:ss"
    else:
        label_format = "HH:mm" if step >= 60 else "HH:mm:ss"
    return TimeScale(first, last, step, ticks, label_format)


def nice_step(rough: float) -> float:
    """The smallest of 1, 2 or 5 × 10ⁿ that is at least ``rough`` (> 0)."""
    exponent = math.floor(math.log10(rough))
    for mantissa in (1, 2, 5, 10):
        step = mantissa * 10.0**exponent
        if step >= rough * (1 - 1e-9):
            return step
    return 10.0 ** (exponent + 1)  # pragma: no cover - 10 × 10ⁿ always qualifies


def value_scale(
    low: float,
    high: float,
    *,
    max_ticks: int = 6,
    min_span: float = 0.02,
    padding: float = 0.1,
) -> ValueScale:
    """A value axis around ``low``…``high``: padded by ``padding`` of the span on each side,
    at least ``min_span`` tall, with at most ``max_ticks`` labels on round values inside.
    """
    max_ticks = max(2, max_ticks)
    if high < low:
        low, high = high, low
    pad = (high - low) * padding
    low, high = low - pad, high + pad
    if high - low < min_span:
        middle = (low + high) / 2
        low, high = middle - min_span / 2, middle + min_span / 2

    def ticks(step: float) -> int:
        return math.floor(high / step + 1e-9) - math.ceil(low / step - 1e-9) + 1

    # The smallest round step that needs no more than max_ticks labels. Starting a notch
    # below the rough step matters: rounding (high - low) / max_ticks up can overshoot to a
    # step with no multiple inside the range at all (4…38 at two ticks: 50, not 20).
    step = nice_step((high - low) / max_ticks / 3)
    while ticks(step) > max_ticks:
        step = nice_step(step * 1.5)
    if ticks(step) < 1:  # a 2 → 5 notch skipped every multiple: one tick at a finer step
        finer = nice_step(step / 3)
        if ticks(finer) >= 1:
            step = finer
    count = ticks(step)
    decimals = max(0, -math.floor(math.log10(step) + 1e-9))
    return ValueScale(low, high, step, count, decimals)


def band_limits(
    points: Sequence[tuple[float, float]], *, wide_factor: float = 2.0
) -> tuple[float, float] | None:
    """Lowest and highest value the offset axis must show of ``(offset, half_width)`` points.

    Every offset is inside. Each band counts up to ``wide_factor`` times the median
    half-width: wider ones (an acquisition burst's first probes) are cut off at the edge
    of the chart rather than setting its scale. None without points.
    """
    if not points:
        return None
    cap = wide_factor * statistics.median(width for _, width in points)
    low = min(offset - min(width, cap) for offset, width in points)
    high = max(offset + min(width, cap) for offset, width in points)
    return low, high


__all__ = [
    "CHART_RANGES",
    "DEFAULT_RANGE",
    "TIME_STEPS",
    "ChartRange",
    "TimeScale",
    "ValueScale",
    "band_limits",
    "nice_step",
    "shown_times",
    "time_scale",
    "value_scale",
]
