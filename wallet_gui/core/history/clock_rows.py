"""Writing clock estimates: each row with its anchor and the baseline it belongs to.

The baseline is decided when the row is written, by comparing its anchor with the one of
the profile's newest row (``baseline.same_baseline``): the same number when nothing can
have stepped the wall clock in between, the next one otherwise. Rows from before anchors
were recorded (schema 3) all sit in ``LEGACY_BASELINE``, older than any new one and never
paired, so the drift starts afresh after the upgrade. Only anchors comparable across
launches (a boot id and ``CLOCK_BOOTTIME``) are stored; without them the columns stay
``NULL`` and only this launch's own memory of its last row can continue a baseline.
"""

from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass

from wallet_gui.core.history.baseline import FIRST_BASELINE, ClockAnchor, same_baseline
from wallet_gui.core.history.values import finite
from wallet_gui.core.state import ClockState


@dataclass(frozen=True, slots=True)
class ClockRow:
    """One estimate as stored: wall time (ms), offset and its bound (s), and the extras."""

    t_ms: int
    offset_s: float
    half_width_s: float
    rtt_min_s: float | None
    rate_ppm: float | None
    rate_half_width_ppm: float | None


def clock_row(state: ClockState) -> ClockRow | None:
    """The row of ``state``'s estimate; ``None`` before there is one with a finite bound."""
    offset, half, measured = state.offset, state.half_width, state.measured_at
    if offset is None or half is None or measured is None:
        return None
    if not all(math.isfinite(v) for v in (offset, half, measured)):
        return None
    return ClockRow(
        round(measured * 1000),
        offset,
        half,
        finite(state.rtt_min),
        finite(state.rate_ppm),
        finite(state.rate_half_width_ppm),
    )


@dataclass(frozen=True, slots=True)
class _Written:
    baseline: int
    t_ms: int
    anchor: ClockAnchor


class ClockRows:
    """The clock rows of one connection, and what this launch wrote last per profile."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._written: dict[int, _Written] = {}

    def insert(self, profile: int, row: ClockRow, anchor: ClockAnchor) -> bool:
        """Insert ``row`` unless an estimate at the same time is stored; ``True`` if new.

        The caller holds the write transaction (the newest row must not change meanwhile).
        """
        baseline = self._baseline(profile, row.t_ms, anchor)
        stored = anchor if anchor.spans_launches else ClockAnchor()
        inserted = self._db.execute(
            "INSERT OR IGNORE INTO clock (profile, t, offset_s, half_width_s, rtt_min_s, "
            "rate_ppm, rate_half_width_ppm, boot_id, wall_minus_boottime_s, baseline) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                profile,
                row.t_ms,
                row.offset_s,
                row.half_width_s,
                row.rtt_min_s,
                row.rate_ppm,
                row.rate_half_width_ppm,
                stored.boot_id,
                stored.wall_minus_steady_s,
                baseline,
            ),
        ).rowcount
        if inserted:
            self._written[profile] = _Written(baseline, row.t_ms, anchor)
        return bool(inserted)

    def _baseline(self, profile: int, t_ms: int, anchor: ClockAnchor) -> int:
        newest = self._db.execute(
            "SELECT t, baseline, boot_id, wall_minus_boottime_s FROM clock WHERE profile = ? "
            "ORDER BY baseline DESC, t DESC LIMIT 1",
            (profile,),
        ).fetchone()
        if newest is None:
            return FIRST_BASELINE
        newest_t, newest_baseline = int(newest[0]), int(newest[1])
        previous = ClockAnchor(newest[2], newest[3])
        mine = self._written.get(profile)
        # This launch wrote the newest row itself (not rolled back, no other process since):
        # its memory also holds the anchor's launch-local part, which is never stored.
        same_launch = mine is not None and (mine.baseline, mine.t_ms) == (newest_baseline, newest_t)
        if same_launch and mine is not None:
            previous = mine.anchor
        if same_baseline(previous, newest_t / 1000, anchor, t_ms / 1000, same_launch=same_launch):
            return newest_baseline
        return newest_baseline + 1


__all__ = ["ClockRow", "ClockRows", "clock_row"]
