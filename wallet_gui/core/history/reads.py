"""The chart and list reads behind ``HistoryStore``: ranges, levels and rows to values.

A range with an open end (``None``) runs to the first or last stored value. A range that
reaches into data the retention thinned is read from a rollup level that still holds it
(see ``retention.py``): raw rows there would show gaps that were never there.
"""

from __future__ import annotations

import math
import sqlite3

from wallet_gui.api.models import Statement
from wallet_gui.core.history import retention, rollups
from wallet_gui.core.history.events import HistoryEvent
from wallet_gui.core.history.series import HEARTBEAT_S, ClockSeries, Series
from wallet_gui.core.history.statement_codec import COLUMNS, from_row
from wallet_gui.core.state import ClockPoint


def _floor_level(db: sqlite3.Connection, since: float, thinned_key: str) -> int:
    """The finest level that still holds everything from ``since`` on."""
    done = retention.marks(db)
    if since < done.get(retention.HORIZON, float("-inf")):
        return rollups.LEVELS[1]
    if since < done.get(thinned_key, float("-inf")):
        return rollups.LEVELS[0]
    return 0


def _level(db: sqlite3.Connection, since: float, until: float, columns: int, key: str) -> int:
    width = (until - since) / columns
    return max(rollups.level_for(width), _floor_level(db, since, key))


def _extent(
    db: sqlite3.Connection, raw_key: int, series: int, raw_sql: str
) -> tuple[float, float] | None:
    # Two queries: SQLite answers a lone min() or max() from the index, both together by a scan.
    first_raw = db.execute(raw_sql.format("min"), (raw_key,)).fetchone()[0]
    last_raw = db.execute(raw_sql.format("max"), (raw_key,)).fetchone()[0]
    first_roll, last_roll = db.execute(
        "SELECT min(t), max(last_t) FROM rollup WHERE series = ? AND level = ?",
        (series, rollups.LEVELS[-1]),
    ).fetchone()
    # The daily bucket's start is earlier than the first value; it counts only where the
    # retention removed the raw rows of earlier days.
    day = rollups.LEVELS[-1]
    first = first_raw
    if first_roll is not None and (first_raw is None or first_roll < first_raw - first_raw % day):
        first = first_roll
    last = last_raw
    if last_roll is not None and (last_raw is None or last_roll / 1000 > last_raw):
        last = last_roll / 1000
    if first is None or last is None:
        return None
    return float(first), float(last)


def _range(
    db: sqlite3.Connection,
    raw_key: int,
    series: int,
    since: float | None,
    until: float | None,
    raw_sql: str,
) -> tuple[float, float] | None:
    """The range to draw: open ends closed by the first and last value stored."""
    if since is None or until is None:
        extent = _extent(db, raw_key, series, raw_sql)
        if extent is None:
            return None
        since = extent[0] if since is None else since
        until = extent[1] if until is None else until
    if until <= since:
        until = since + 1.0  # one point: still one column
    return since, until


def balance_series(
    db: sqlite3.Connection,
    series: int,
    since: float | None,
    until: float | None,
    columns: int,
) -> Series:
    columns = max(1, int(columns))
    span = _range(db, series, series, since, until, "SELECT {}(t) FROM balance WHERE series = ?")
    if span is None:
        return Series((), (), (), ())
    start, end = span
    level = _level(db, start, end, columns, retention.BEATS_THINNED)
    rows = rollups.fold_balance(db, series, start, end, columns, level=level)
    width = (end - start) / columns
    return Series(
        times=tuple(start + row[0] * width for row in rows),
        lows=tuple(row[1] for row in rows),
        highs=tuple(row[2] for row in rows),
        lasts=tuple(row[3] for row in rows),
        gap_s=width + 1.5 * HEARTBEAT_S,
    )


def clock_series(
    db: sqlite3.Connection,
    profile: int,
    series: tuple[int, int],
    since: float | None,
    until: float | None,
    columns: int,
) -> ClockSeries:
    columns = max(1, int(columns))
    span = _range(
        db,
        profile,
        series[0],
        since,
        until,
        "SELECT {}(t) / 1000.0 FROM clock WHERE profile = ?",
    )
    if span is None:
        return ClockSeries((), (), (), (), ())
    start, end = span
    level = _level(db, start, end, columns, retention.CLOCK_THINNED)
    rows = rollups.fold_clock(db, profile, series, start, end, columns, level=level)
    width = (end - start) / columns
    return ClockSeries(
        times=tuple(start + row[0] * width for row in rows),
        offset_lo=tuple(row[1] for row in rows),
        offset_hi=tuple(row[2] for row in rows),
        band_lo=tuple(row[3] for row in rows),
        band_hi=tuple(row[4] for row in rows),
        gap_s=width + 1.5 * HEARTBEAT_S,
    )


def statements(
    db: sqlite3.Connection, profile: str, wallet_id: str, limit: int, before_date: int | None
) -> list[Statement]:
    columns = ", ".join(f"s.{name.strip()}" for name in COLUMNS.split(","))
    rows = db.execute(
        f"SELECT {columns} FROM statement AS s JOIN profile AS p ON p.id = s.profile "
        "WHERE p.name = ? AND s.wallet_id = ? AND s.date < ? "
        "ORDER BY s.date DESC, s.id DESC LIMIT ?",
        (profile, wallet_id, 2**62 if before_date is None else before_date, limit),
    )
    return [from_row(row) for row in rows]


def clock_points(db: sqlite3.Connection, profile: str, since: float) -> tuple[ClockPoint, ...]:
    return tuple(
        ClockPoint(wall_time=t / 1000.0, offset=offset, half_width=half)
        for t, offset, half in db.execute(
            "SELECT c.t, c.offset_s, c.half_width_s FROM clock AS c JOIN profile AS p "
            "ON p.id = c.profile WHERE p.name = ? AND c.t >= ? ORDER BY c.t",
            (profile, math.floor(since * 1000)),
        )
    )


def events(db: sqlite3.Connection, profile: str, limit: int) -> list[HistoryEvent]:
    return [
        HistoryEvent(at=t / 1000.0, kind=kind, rule=rule, message=message)
        for t, kind, rule, message in db.execute(
            "SELECT e.t, e.kind, e.rule, e.message FROM event AS e JOIN profile AS p "
            "ON p.id = e.profile WHERE p.name = ? ORDER BY e.t DESC, e.id DESC LIMIT ?",
            (profile, limit),
        )
    ]


def balance_keys(db: sqlite3.Connection, profile: str) -> list[tuple[str, str]]:
    return [
        (row[0], row[1])
        for row in db.execute(
            "SELECT s.wallet_id, s.currency FROM series AS s JOIN profile AS p "
            "ON p.id = s.profile WHERE p.name = ? AND s.kind = 'balance' "
            "ORDER BY s.wallet_id, s.currency",
            (profile,),
        )
    ]
