"""History store: a year of 15-second samples, its size, chart reads and the writer's cost.

Three figures, each beside a baseline measured in the same run:

* size: the one-year database (2.1 million samples, ``history_fixture``) in MB, against the
  same samples in a plain layout (a rowid table with ISO text times and an index on
  wallet, currency and time, as a first attempt would store them). Target ≤ 150 MB.
* chart read: ``HistoryStore.balance_series`` for 1 h, 24 h, 7 d, 30 d and all at 1000
  pixel columns (median of repeats, warm cache), against reading every raw sample of the
  range and folding it into the same columns in Python. Target ≤ 50 ms per range change.
* recording: what ``HistoryWriter.record_balances`` costs the caller per record (it only
  queues), against writing the same record synchronously on the caller's thread (what the
  GUI would pay without the writer); and the writer's committed records per second.

Building the year takes about 25 s on the 2-core development machine, and the whole
figure about 45–60 s, so it is not in the default ``benchmarks.run`` list. Run it alone:
``python -m benchmarks.history_store [--quick] [--keep PATH]`` (``--quick``: 30 days of
samples instead of a year; ``--keep``: leave the database at PATH for other benchmarks).
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from benchmarks.common import Row, median, print_table, ratio_text, section
from benchmarks.history_fixture import YEAR_S, YearDatabase, make_year_database
from wallet_gui.api.models import CurrencyBalance
from wallet_gui.core.history.errors import HistoryError
from wallet_gui.core.history.store import HistoryStore
from wallet_gui.core.history.writer import HistoryWriter
from wallet_gui.core.state import WalletBalances

SIZE_TARGET_MB = 150.0
READ_TARGET_MS = 50.0
COLUMNS = 1000
RANGES: tuple[tuple[str, float | None], ...] = (
    ("1 h", 3600.0),
    ("24 h", 86400.0),
    ("7 d", 7 * 86400.0),
    ("30 d", 30 * 86400.0),
    ("all", None),
)


def _timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def plain_layout_mb(year: YearDatabase, folder: Path) -> float:
    """The same samples in the layout a first attempt would use, built in SQL."""
    path = folder / "plain.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute(
            "CREATE TABLE balances (id INTEGER PRIMARY KEY, profile TEXT, wallet_id TEXT, "
            "currency TEXT, time TEXT, at_disposal TEXT, reserved TEXT, value REAL)"
        )
        db.execute("CREATE INDEX by_time ON balances (profile, wallet_id, currency, time)")
        db.execute("ATTACH DATABASE ? AS ours", (str(year.path),))
        db.execute(
            "INSERT INTO balances (profile, wallet_id, currency, time, at_disposal, reserved, "
            "value) SELECT ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', t, 'unixepoch'), "
            "at_disposal, reserved, value FROM ours.balance ORDER BY t",
            (year.profile, year.wallet_id, year.currency),
        )
        db.execute("DETACH DATABASE ours")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    return path.stat().st_size / 1e6


def raw_fold(db: sqlite3.Connection, series: int, since: float, until: float) -> int:
    """Baseline: every raw sample of the range, folded into columns in Python."""
    width = (until - since) / COLUMNS
    columns: dict[int, list[float]] = {}
    for t, value in db.execute(
        "SELECT t, value FROM balance WHERE series = ? AND t >= ? AND t <= ?",
        (series, since, until),
    ):
        column = min(int((t - since) / width), COLUMNS - 1)
        cell = columns.get(column)
        if cell is None:
            columns[column] = [value, value, value]
        else:
            cell[0] = min(cell[0], value)
            cell[1] = max(cell[1], value)
            cell[2] = value
    return len(columns)


def read_rows(year: YearDatabase, repeats: int) -> list[Row]:
    rows = []
    with HistoryStore(year.path) as store:
        series = store._db.execute("SELECT id FROM series WHERE kind = 'balance'").fetchone()[0]
        for name, span in RANGES:
            since = None if span is None else year.end - span
            until = None if span is None else year.end

            def ours(since: float | None = since, until: float | None = until) -> object:
                return store.balance_series(
                    year.profile, year.wallet_id, year.currency, since, until, COLUMNS
                )

            start, end = (year.start, year.end) if span is None else (since, until)
            assert start is not None
            assert end is not None
            ours()  # warm the page cache
            ours_s = median([_timed(ours) for _ in range(repeats)])
            base_s = median(
                [
                    _timed(lambda s=start, e=end: raw_fold(store._db, series, s, e))
                    for _ in range(max(1, repeats // 5))
                ]
            )
            points = len(ours())  # type: ignore[arg-type]
            print(
                f"  {name:>4}: {ours_s * 1000:7.2f} ms ({points} columns) vs reading every "
                f"sample {base_s * 1000:9.1f} ms"
            )
            rows.append(
                Row(
                    f"history chart read, {name} (1000 columns)",
                    f"{ours_s * 1000:.2f} ms",
                    f"{base_s * 1000:.1f} ms (every sample)",
                    ratio_text(ours_s, base_s, 3),
                    f"≤ {READ_TARGET_MS:.0f} ms",
                    ours_s * 1000 <= READ_TARGET_MS,
                )
            )
    return rows


def _wallets(index: int) -> list[WalletBalances]:
    amount = Decimal(100_000 + index).scaleb(-2)
    balance = CurrencyBalance("EUR", amount, Decimal("0.00"))
    return [WalletBalances("14471", balances={"EUR": balance})]


def recording_rows(folder: Path, records: int) -> list[Row]:
    payloads = [_wallets(i) for i in range(records)]
    with HistoryStore(folder / "sync.sqlite3") as store:
        start = time.perf_counter()
        for i, wallets in enumerate(payloads):
            store.record_balances("bench", 1.8e9 + 15 * i, wallets)
        sync_s = (time.perf_counter() - start) / records
    failures: list[HistoryError] = []
    target = folder / "writer.sqlite3"
    writer = HistoryWriter(lambda: HistoryStore(target), on_error=failures.append)
    try:
        writer.flush(timeout=30)  # opened, retention done: measure the steady state
        start = time.perf_counter()
        for i, wallets in enumerate(payloads):
            writer.record_balances("bench", 1.8e9 + 15 * i, wallets)
        caller_s = (time.perf_counter() - start) / records
        if not writer.flush(timeout=120):
            raise RuntimeError("the writer did not finish in 120 s")
        committed_s = time.perf_counter() - start
    finally:
        writer.close(timeout=30)
    if failures:
        raise RuntimeError(f"the writer reported: {failures[0]}")
    print(
        f"  record_balances: the caller pays {caller_s * 1e6:.1f} µs per record with the writer, "
        f"{sync_s * 1e6:.1f} µs writing it itself (a transaction each); the writer commits "
        f"{records / committed_s:,.0f} records/s"
    )
    return [
        Row(
            "history recording, caller's cost per record",
            f"{caller_s * 1e6:.1f} µs (queued)",
            f"{sync_s * 1e6:.1f} µs (written on the caller's thread)",
            ratio_text(caller_s, sync_s, 3),
            "no GUI stall",
            None,
        ),
        Row(
            "history writer throughput",
            f"{records / committed_s:,.0f} records/s",
            f"{1 / sync_s:,.0f} records/s (a transaction each)",
            ratio_text(sync_s, committed_s / records),
            "",
            None,
        ),
    ]


def run(quick: bool = False, keep: Path | None = None) -> list[Row]:
    """Measure and print the history figures; returns their table rows."""
    seconds = 30 * 86400 if quick else YEAR_S
    section(f"History store: {seconds // 86400} days of 15-second samples")
    with tempfile.TemporaryDirectory(prefix="wallet-history-bench-") as temporary:
        folder = Path(temporary)
        started = time.perf_counter()
        year = make_year_database(keep or folder / "history.sqlite3", seconds=seconds)
        built_s = time.perf_counter() - started
        plain_mb = plain_layout_mb(year, folder)
        print(
            f"  {year.samples:,} samples built in {built_s:.1f} s: {year.size_mb:.1f} MB "
            f"(plain layout {plain_mb:.1f} MB)"
        )
        rows = [
            Row(
                f"history database, {seconds // 86400} days of 15 s samples",
                f"{year.size_mb:.1f} MB",
                f"{plain_mb:.1f} MB (plain rowid table + index)",
                ratio_text(year.size_mb, plain_mb),
                f"≤ {SIZE_TARGET_MB:.0f} MB" if not quick else "(a year: ≤ 150 MB)",
                year.size_mb <= SIZE_TARGET_MB if not quick else None,
            )
        ]
        rows += read_rows(year, repeats=10 if quick else 25)
        rows += recording_rows(folder, 2000 if quick else 10000)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="30 days instead of a year")
    parser.add_argument("--keep", type=Path, metavar="PATH", help="build the database here")
    args = parser.parse_args(argv)
    rows = run(quick=args.quick, keep=args.keep)
    print()
    print_table(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
