"""Rollups and decimation: how a year of samples becomes one value range per pixel column.

Every raw value also updates one bucket per level in ``rollup`` (60 s, 10 min, 1 h and
1 day): its lowest, highest and last value. A chart asks for ``columns`` columns over a
range; the query reads the coarsest level whose buckets are no wider than a column (raw
rows when even 60 s is too wide) and folds them into columns in SQL, so a read touches at
most a few thousand rows whatever the range: the 30-day view of 15-second samples reads
4 320 ten-minute buckets instead of 172 800 samples.

A bucket is assigned to the column its start falls in; with buckets no wider than a
column that misplaces a value by less than one column.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

#: Rollup bucket widths in seconds, finest first.
LEVELS = (60, 600, 3600, 86400)

UPSERT = """
INSERT INTO rollup (series, level, t, lo, hi, last, last_t) VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (series, level, t) DO UPDATE SET
    lo = min(lo, excluded.lo),
    hi = max(hi, excluded.hi),
    last = CASE WHEN excluded.last_t >= last_t THEN excluded.last ELSE last END,
    last_t = max(last_t, excluded.last_t)
"""

#: One value: (series, time in ms, low, high, last).
Value = tuple[int, int, float, float, float]


def upsert_rows(values: Iterable[Value]) -> list[tuple[int, int, int, float, float, float, int]]:
    """The ``UPSERT`` parameter rows that fold ``values`` into every level."""
    rows = []
    for series, t_ms, low, high, last in values:
        seconds = t_ms // 1000
        for level in LEVELS:
            rows.append((series, level, seconds - seconds % level, low, high, last, t_ms))
    return rows


def update(connection: sqlite3.Connection, values: Iterable[Value]) -> None:
    connection.executemany(UPSERT, upsert_rows(values))


def rebuild_balance(connection: sqlite3.Connection, series: int) -> None:
    """Recompute a balance series' rollups from its raw rows in bulk (SQL, no Python loop).

    The same result as inserting the rows one by one; used by bulk loads (the benchmark's
    year of samples) where the per-row upsert would cost minutes. The finest level is
    built from the raw rows, each coarser one from the finest.
    """
    connection.execute("DELETE FROM rollup WHERE series = ?", (series,))
    connection.execute(
        """
        INSERT INTO rollup (series, level, t, lo, hi, last, last_t)
        SELECT g.series, :level, g.bucket, g.lo, g.hi, b.value, g.mt * 1000 FROM (
            SELECT series, t - t % :level AS bucket, min(value) AS lo, max(value) AS hi,
                   max(t) AS mt
            FROM balance WHERE series = :series AND value IS NOT NULL GROUP BY bucket) AS g
        JOIN balance AS b ON b.series = g.series AND b.t = g.mt
        """,
        {"series": series, "level": LEVELS[0]},
    )
    for level in LEVELS[1:]:
        connection.execute(
            """
            INSERT INTO rollup (series, level, t, lo, hi, last, last_t)
            SELECT g.series, :level, g.bucket, g.lo, g.hi, r.last, g.lt FROM (
                SELECT series, t - t % :level AS bucket, min(lo) AS lo, max(hi) AS hi,
                       max(t) AS mt, max(last_t) AS lt
                FROM rollup WHERE series = :series AND level = :finest GROUP BY bucket) AS g
            JOIN rollup AS r ON r.series = g.series AND r.level = :finest AND r.t = g.mt
            """,
            {"series": series, "level": level, "finest": LEVELS[0]},
        )


def level_for(width_s: float) -> int:
    """The coarsest level no wider than a column of ``width_s`` seconds; 0 means raw rows."""
    chosen = 0
    for level in LEVELS:
        if level <= width_s:
            chosen = level
    return chosen


_FOLD_ROLLUP = """
SELECT g.col, g.lo, g.hi, r.last FROM (
    SELECT min(max(CAST((t - :since) / :width AS INTEGER), 0), :top) AS col,
           min(lo) AS lo, max(hi) AS hi, max(t) AS mt
    FROM rollup WHERE series = :series AND level = :level AND t > :start AND t <= :until
    GROUP BY col) AS g
JOIN rollup AS r ON r.series = :series AND r.level = :level AND r.t = g.mt
ORDER BY g.col
"""

_FOLD_BALANCE = """
SELECT g.col, g.lo, g.hi, r.value FROM (
    SELECT min(max(CAST((t - :since) / :width AS INTEGER), 0), :top) AS col,
           min(value) AS lo, max(value) AS hi, max(t) AS mt
    FROM balance WHERE series = :series AND t >= :since AND t <= :until
        AND value IS NOT NULL
    GROUP BY col) AS g
JOIN balance AS r ON r.series = :series AND r.t = g.mt
ORDER BY g.col
"""


def fold_balance(
    connection: sqlite3.Connection,
    series: int,
    since: float,
    until: float,
    columns: int,
    *,
    level: int | None = None,
) -> list[tuple[int, float, float, float]]:
    """(column, low, high, last) of every column with samples, in column order."""
    width = max((until - since) / columns, 1e-9)
    chosen = level_for(width) if level is None else level
    params = {
        "series": series,
        "since": since,
        "until": until,
        "width": width,
        "top": columns - 1,
        "level": chosen,
        "start": since - chosen,
    }
    sql = _FOLD_BALANCE if chosen == 0 else _FOLD_ROLLUP
    return [tuple(row) for row in connection.execute(sql, params)]


_FOLD_CLOCK_RAW = """
SELECT min(max(CAST((t / 1000.0 - :since) / :width AS INTEGER), 0), :top) AS col,
       min(offset_s), max(offset_s), min(offset_s - half_width_s), max(offset_s + half_width_s)
FROM clock WHERE profile = :profile AND t >= :since_ms AND t <= :until_ms
GROUP BY col ORDER BY col
"""

_FOLD_CLOCK_ROLLUP = """
SELECT min(max(CAST((o.t - :since) / :width AS INTEGER), 0), :top) AS col,
       min(o.lo), max(o.hi), min(b.lo), max(b.hi)
FROM rollup AS o JOIN rollup AS b ON b.series = :band AND b.level = o.level AND b.t = o.t
WHERE o.series = :offset AND o.level = :level AND o.t > :start AND o.t <= :until
GROUP BY col ORDER BY col
"""


def fold_clock(
    connection: sqlite3.Connection,
    profile: int,
    series: Sequence[int],
    since: float,
    until: float,
    columns: int,
    *,
    level: int | None = None,
) -> list[tuple[int, float, float, float, float]]:
    """(column, offset low, offset high, band low, band high) of every column with data.

    ``series`` is the profile's (offset, band) series pair.
    """
    width = max((until - since) / columns, 1e-9)
    chosen = level_for(width) if level is None else level
    params = {
        "profile": profile,
        "offset": series[0],
        "band": series[1],
        "since": since,
        "until": until,
        "since_ms": int(since * 1000),
        "until_ms": int(until * 1000),
        "width": width,
        "top": columns - 1,
        "level": chosen,
        "start": since - chosen,
    }
    sql = _FOLD_CLOCK_RAW if chosen == 0 else _FOLD_CLOCK_ROLLUP
    return [tuple(row) for row in connection.execute(sql, params)]
