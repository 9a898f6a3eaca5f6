"""History chart: a range change with a year of 15-second samples (2.1 million), ≤ 50 ms.

What is timed is what the user waits for after choosing a range in the History tab: the
real ``HistoryPanel`` on a real ``HistoryStore`` asks for one low/high per pixel column of
the plot, draws it, and paints (``repaint()``, synchronous). Each range (1 h … all) is
chosen ``repeats`` times in turn; the median (judged against the target) and the worst
(which on a busy machine includes other processes' time slices) are reported.

The baseline, in the same run and on the same database and widget, draws every raw sample
of the range (read from the ``balance`` table, each one its own point), which is what a
chart without decimation would do. It is timed once per range (all of a year takes a while).

A figure on the side: building the panel reads nothing (lazy), so a big database costs
nothing at start-up until the History tab is opened.

Run alone: ``python -m benchmarks.history_redraw [--quick] [--database PATH]``; the year
database (about 110 MB, ~30 s to build) is made by ``benchmarks.history_fixture`` in a
temporary folder unless ``--database`` names one to reuse.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import Row, print_table, ratio_text

#: The issue's budget for one range change.
TARGET_MS = 50.0
RANGES = ("1h", "24h", "7d", "30d", "all")
RANGE_SECONDS = {"1h": 3600, "24h": 86400, "7d": 7 * 86400, "30d": 30 * 86400, "all": None}


def _year_database(path: Path | None, folder: str) -> Any:
    from benchmarks.history_fixture import make_year_database

    target = path or Path(folder) / "year.sqlite3"
    if path is not None and path.exists():
        from benchmarks.history_fixture import (
            CURRENCY,
            PROFILE,
            START,
            STEP_S,
            WALLET,
            YEAR_S,
            YearDatabase,
        )

        samples = YEAR_S // STEP_S
        end = float(START + (samples - 1) * STEP_S)
        return YearDatabase(target, PROFILE, WALLET, CURRENCY, float(START), end, samples)
    started = time.monotonic()
    made = make_year_database(target)
    print(f"  built {made.samples:,} samples in {time.monotonic() - started:.0f} s "
          f"({made.size_mb:.0f} MB)")  # fmt: skip
    return made


def _raw_points(path: Path, since: float | None, until: float) -> tuple[list[float], list[float]]:
    """Every sample of the range straight from the balance table (the baseline's read)."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT t, value FROM balance WHERE series = (SELECT id FROM series "
            "WHERE kind = 'balance') AND t >= ? AND t <= ? ORDER BY t",
            (-1 if since is None else since, until),
        ).fetchall()
    return [float(t) for t, _ in rows], [float(v) for _, v in rows]


def run(quick: bool, database: Path | None = None) -> list[Row]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from wallet_gui.core.history.store import HistoryStore
    from wallet_gui.ui.history_panel import HistoryPanel

    app = QApplication.instance() or QApplication([])
    repeats = 5 if quick else 15
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="history-bench-") as folder:
        year = _year_database(database, folder)
        now = year.end
        with HistoryStore(year.path, clock=lambda: now) as store:
            started = time.perf_counter()
            panel = HistoryPanel(store, year.profile, clock=lambda: now)
            built_ms = (time.perf_counter() - started) * 1000
            panel.resize(1200, 500)
            panel.show()
            app.processEvents()
            panel.redraw()  # the first read: opens pages of the file, fills caches
            app.processEvents()
            print(f"  panel built in {built_ms:.1f} ms without a read (lazy); "
                  f"{panel.chart.plot_columns()} columns")  # fmt: skip

            ours: dict[str, list[float]] = {key: [] for key in RANGES}
            columns: dict[str, int] = {}
            for _ in range(repeats):
                for key in RANGES:
                    panel.set_range("1h" if key != "1h" else "24h")  # a change each time
                    started = time.perf_counter()
                    panel.set_range(key)
                    panel.chart.repaint()
                    ours[key].append((time.perf_counter() - started) * 1000)
                    columns[key] = sum(len(s) for s in panel.chart.lines()) // 2

            for key in RANGES:
                seconds = RANGE_SECONDS[key]
                since = None if seconds is None else now - seconds
                started = time.perf_counter()
                times, values = _raw_points(year.path, since, now)
                panel.chart.show_columns(
                    times, values, values, values, times[0] if since is None else since, now,
                    title="baseline",
                )  # fmt: skip
                panel.chart.repaint()
                baseline_ms = (time.perf_counter() - started) * 1000
                median = statistics.median(ours[key])
                worst = max(ours[key])
                print(f"  {key:>4}: median {median:6.1f} ms, worst {worst:6.1f} ms "
                      f"({columns[key]} columns drawn); every raw point "
                      f"({len(times):,}): {baseline_ms:8.1f} ms")  # fmt: skip
                rows.append(
                    Row(
                        f"history redraw, range {key} (median / worst)",
                        f"{median:.1f} / {worst:.1f} ms",
                        f"{baseline_ms:.0f} ms ({len(times):,} raw points)",
                        ratio_text(median, baseline_ms, 3),
                        f"median ≤ {TARGET_MS:.0f} ms",
                        median <= TARGET_MS,
                    )
                )
            panel.close()
            panel.deleteLater()
            app.processEvents()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--database", type=Path, help="reuse (or build once) this year database")
    args = parser.parse_args(argv)
    rows = run(args.quick, args.database)
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    print(f"\n(load average during the run: {load}; {os.cpu_count()} CPUs)")
    print_table(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
