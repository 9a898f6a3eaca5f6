"""The long-baseline drift: the clock's rate from stored estimates far apart in time.

Two estimates ``(t1, o1 ± h1)`` and ``(t2, o2 ± h2)`` with guaranteed half-widths bound the
mean rate between them for certain::

    [(o2 − h2 − o1 − h1) / (t2 − t1),  (o2 + h2 − o1 + h1) / (t2 − t1)]

The bound's width is ``(h1 + h2) / (t2 − t1)``: it narrows as the baseline grows, so a few
days of history pin the rate far better than one session's probes can. The candidates are
the best-constrained estimate (smallest half-width) of each of 16 equal slices of the
history, plus the very first and last; of all pairs at least ``MIN_BASELINE_S`` apart the
narrowest bound wins. Retention keeps exactly such best estimates (``retention.py``).

The bound is a rate only while this machine's wall clock ran without a step (``ntpdate``,
``chronyc makestep``, a boot with a wrong RTC): a pair across a step would show the step as
an absurd drift, as if certain. So pairs come from the newest *baseline* only, the stored
estimates with no step between them (``baseline.py``; the live session writes into it),
and ``baseline_s`` is that baseline's span at most. Estimates stored before baselines
existed (``LEGACY_BASELINE``) are never paired: nobody knows their steps. Older baselines
stay in the chart (each offset is right whatever the steps); only the rate forgets them.
"""

from __future__ import annotations

import itertools
import sqlite3

from wallet_gui.core.history.baseline import LEGACY_BASELINE
from wallet_gui.core.history.series import DriftEstimate

MIN_BASELINE_S = 60.0
SLICES = 16


def estimate_drift(db: sqlite3.Connection, profile: int) -> DriftEstimate | None:
    """``None`` with fewer than two estimates in the newest baseline or less than a minute
    between its extremes."""
    # Lone min()/max() queries are answered from the index (profile, baseline, t); together
    # with count(*) they would scan every row.
    newest_query = "SELECT max(baseline) FROM clock WHERE profile = ?"
    newest = db.execute(newest_query, (profile,)).fetchone()[0]
    if newest is None or newest == LEGACY_BASELINE:
        return None  # no estimate, or only ones whose steps nobody knows
    where = "profile = ? AND baseline = ?"
    first = db.execute(f"SELECT min(t) FROM clock WHERE {where}", (profile, newest)).fetchone()[0]
    last = db.execute(f"SELECT max(t) FROM clock WHERE {where}", (profile, newest)).fetchone()[0]
    if first is None or (last - first) / 1000.0 < MIN_BASELINE_S:
        return None  # also fewer than two estimates: then first == last
    width = (last - first) / SLICES
    candidates: set[tuple[int, float, float]] = set()
    for index in range(SLICES):
        low = first + round(index * width)
        high = last + 1 if index == SLICES - 1 else first + round((index + 1) * width)
        # A lone min() makes SQLite take the bare columns from the row holding the minimum:
        # one pass over the slice's key range, no sort.
        row = db.execute(
            f"SELECT t, offset_s, min(half_width_s) FROM clock WHERE {where} AND t >= ? AND t < ?",
            (profile, newest, low, high),
        ).fetchone()
        if row[0] is not None:
            candidates.add((int(row[0]), float(row[1]), float(row[2])))
    for edge in (first, last):
        candidates.update(
            db.execute(
                f"SELECT t, offset_s, half_width_s FROM clock WHERE {where} AND t = ?",
                (profile, newest, edge),
            ).fetchall()
        )
    best: tuple[float, float, float, float] | None = None  # (width, -baseline, low, high)
    for one, two in itertools.combinations(sorted(candidates), 2):
        baseline = (two[0] - one[0]) / 1000.0
        if baseline < MIN_BASELINE_S:
            continue
        low = (two[1] - two[2] - one[1] - one[2]) / baseline
        high = (two[1] + two[2] - one[1] + one[2]) / baseline
        key = (high - low, -baseline, low, high)
        if best is None or key < best:
            best = key
    if best is None:
        return None
    _width, negative_baseline, low, high = best
    return DriftEstimate(
        ppm=(low + high) / 2 * 1e6,
        half_width_ppm=(high - low) / 2 * 1e6,
        baseline_s=-negative_baseline,
    )
