"""Retention: how old data is thinned, by one deterministic rule (``keep_days``, 400 default).

With ``horizon = now − keep_days`` (rounded down to a UTC day):

1. Balances older than the horizon lose their raw rows and their 1-minute rollups; the
   10-minute, hourly and daily rollups stay for ever (about 2.5 MB a year per series), so the
   "all" chart still covers every year the monitor ran.
2. Within the horizon, balance *heartbeats* (rows that repeat the previous amount, written
   only to show the monitor was running) older than 30 days are thinned to the first
   heartbeat of each UTC hour. Rows with a change are never thinned inside the horizon.
3. Clock estimates older than 7 days are thinned to the one with the smallest half-width in
   each UTC hour (ties: the earliest), and beyond the horizon to the best one of each UTC
   day: the best-constrained estimates are exactly the ones the long-baseline drift uses.
   Where a step of the wall clock started a new baseline inside an hour or day, each
   baseline keeps its own best one, so the newest baseline (the one the drift pairs
   within, ``baseline.py``) keeps its candidates. The clock's rollups follow rule 1.
4. Events and statements older than the horizon are deleted.

Each step remembers (in ``meta``) how far it got, so a daily run only looks at the new
slice, and running it twice changes nothing. Reads consult the same marks: a chart range
that reaches into thinned data is read from the rollups, which were complete when written.
"""

from __future__ import annotations

import math
import sqlite3

DEFAULT_KEEP_DAYS = 400
THIN_HEARTBEATS_AFTER_S = 30 * 86400
THIN_CLOCK_AFTER_S = 7 * 86400
HOUR_S, DAY_S = 3600, 86400

#: ``meta`` keys: the horizon (s) and how far each thinning got (s).
HORIZON = "retention_horizon"
BEATS_THINNED = "heartbeats_thinned_until"
CLOCK_THINNED = "clock_thinned_until"
CLOCK_DAILY = "clock_daily_until"


def marks(db: sqlite3.Connection) -> dict[str, float]:
    return {str(k): float(v) for k, v in db.execute("SELECT key, value FROM meta")}


def _set(db: sqlite3.Connection, key: str, value: int) -> None:
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))


def apply_retention(db: sqlite3.Connection, now: float, keep_days: int) -> None:
    """Apply the rule above; the caller holds the write transaction."""
    if keep_days < 1:
        raise ValueError("keep_days must be at least 1")
    done = marks(db)
    horizon = max(_floor(now - keep_days * DAY_S, DAY_S), int(done.get(HORIZON, 0)))
    balances = [row[0] for row in db.execute("SELECT id FROM series WHERE kind = 'balance'")]
    for series in balances:
        db.execute("DELETE FROM balance WHERE series = ? AND t < ?", (series, horizon))
    for (series,) in db.execute("SELECT id FROM series").fetchall():
        db.execute(
            "DELETE FROM rollup WHERE series = ? AND level = 60 AND t < ?", (series, horizon)
        )
    db.execute("DELETE FROM event WHERE t < ?", (horizon * 1000,))
    db.execute("DELETE FROM statement WHERE date < ?", (horizon,))
    _set(db, HORIZON, horizon)

    start = max(int(done.get(BEATS_THINNED, 0)), horizon)
    end = _floor(now - THIN_HEARTBEATS_AFTER_S, HOUR_S)
    if end > start:
        for series in balances:
            db.execute(
                """
                DELETE FROM balance WHERE series = :s AND beat = 1 AND t >= :a AND t < :b
                AND EXISTS (SELECT 1 FROM balance AS o WHERE o.series = :s AND o.beat = 1
                            AND o.t >= balance.t - balance.t % 3600 AND o.t < balance.t)
                """,
                {"s": series, "a": start, "b": end},
            )
        _set(db, BEATS_THINNED, end)

    profiles = [row[0] for row in db.execute("SELECT id FROM profile")]
    start = int(done.get(CLOCK_THINNED, 0))
    end = _floor(now - THIN_CLOCK_AFTER_S, HOUR_S)
    if end > start:
        for profile in profiles:
            _keep_best_clock(db, profile, start, end, HOUR_S)
        _set(db, CLOCK_THINNED, end)
    start = int(done.get(CLOCK_DAILY, 0))
    if horizon > start:
        for profile in profiles:
            _keep_best_clock(db, profile, start, horizon, DAY_S)
        _set(db, CLOCK_DAILY, horizon)


def _keep_best_clock(db: sqlite3.Connection, profile: int, start: int, end: int, step: int) -> None:
    db.execute(
        """
        DELETE FROM clock WHERE profile = :p AND t >= :a AND t < :b AND t NOT IN (
            SELECT t FROM (
                SELECT t, row_number() OVER (
                    PARTITION BY baseline, t / :bucket ORDER BY half_width_s, t) AS rank
                FROM clock WHERE profile = :p AND t >= :a AND t < :b)
            WHERE rank = 1)
        """,
        {"p": profile, "a": start * 1000, "b": end * 1000, "bucket": step * 1000},
    )


def _floor(seconds: float, step: int) -> int:
    return int(math.floor(seconds / step) * step)
