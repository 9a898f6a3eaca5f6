"""What a chart reads: decimated series (one min/max per pixel column) and the drift.

A series holds only the columns that have samples; a column without one is simply absent.
Balances are recorded on change and at least every ``HEARTBEAT_S`` while the monitor runs,
so two neighbouring columns further apart than ``gap_s`` mean the monitor was not running
(or could not read the wallet) in between: ``segments()`` splits the series there, and a
chart draws each segment as its own line.
"""

from __future__ import annotations

from dataclasses import dataclass

#: A balance that did not change is written again after this long, so gaps are visible.
HEARTBEAT_S = 15 * 60.0


@dataclass(frozen=True, slots=True)
class Series:
    """A balance over a range: per pixel column the lowest, highest and last value.

    ``times[i]`` is the start of column ``i`` (UNIX seconds); all four tuples have the same
    length. Values are floats for drawing only: exact amounts come from the export.
    """

    times: tuple[float, ...]
    lows: tuple[float, ...]
    highs: tuple[float, ...]
    lasts: tuple[float, ...]
    #: Neighbouring columns further apart than this (seconds) have a gap between them.
    gap_s: float = 1.5 * HEARTBEAT_S

    def __len__(self) -> int:
        return len(self.times)

    def segments(self) -> list[tuple[int, int]]:
        """``[start, stop)`` index ranges of columns with no gap inside."""
        return _segments(self.times, self.gap_s)


@dataclass(frozen=True, slots=True)
class ClockSeries:
    """The clock offset over a range: per column the offset's extremes and the band.

    ``offset_lo``/``offset_hi`` are the lowest and highest estimate in the column (seconds,
    server − local); ``band_lo``/``band_hi`` the lowest ``offset − half_width`` and the
    highest ``offset + half_width``, the guaranteed bounds drawn as a shaded band.
    """

    times: tuple[float, ...]
    offset_lo: tuple[float, ...]
    offset_hi: tuple[float, ...]
    band_lo: tuple[float, ...]
    band_hi: tuple[float, ...]
    gap_s: float = 1.5 * HEARTBEAT_S

    def __len__(self) -> int:
        return len(self.times)

    def segments(self) -> list[tuple[int, int]]:
        """``[start, stop)`` index ranges of columns with no gap inside."""
        return _segments(self.times, self.gap_s)


@dataclass(frozen=True, slots=True)
class DriftEstimate:
    """The local clock's rate against the server's from stored estimates far apart.

    ``ppm`` is the middle of the guaranteed bounds and ``half_width_ppm`` half their width
    (parts per million, positive: the offset server − local grows, the local clock runs
    slow); ``baseline_s`` is the time between the two estimates used.
    """

    ppm: float
    half_width_ppm: float
    baseline_s: float

    @property
    def bounds_ppm(self) -> tuple[float, float]:
        return (self.ppm - self.half_width_ppm, self.ppm + self.half_width_ppm)


def _segments(times: tuple[float, ...], gap_s: float) -> list[tuple[int, int]]:
    if not times:
        return []
    result: list[tuple[int, int]] = []
    start = 0
    for index in range(1, len(times)):
        if times[index] - times[index - 1] > gap_s:
            result.append((start, index))
            start = index
    result.append((start, len(times)))
    return result
