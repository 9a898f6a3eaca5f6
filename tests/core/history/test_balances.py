"""Balances: rows on change and on the heartbeat, exact amounts, and decimated reads."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import pytest

from tests.core.history.builders import T0, wallet
from wallet_gui.core.history import rollups
from wallet_gui.core.history.series import HEARTBEAT_S, Series
from wallet_gui.core.history.store import HistoryStore
from wallet_gui.core.reports import ErrorReport
from wallet_gui.core.state import WalletBalances


@pytest.fixture
def store(tmp_path: Path) -> HistoryStore:
    with HistoryStore(tmp_path / "history.sqlite3") as opened:
        yield opened  # type: ignore[misc]


def _rows(store: HistoryStore, profile: str = "main") -> list[tuple[str, str, str, str, str]]:
    return [
        (r["time"], r["currency"], r["at_disposal"], r["reserved"], r["heartbeat"])
        for r in store.export_rows(profile, "balances", None, None)
    ]


def test_a_row_on_each_change_and_a_heartbeat_when_nothing_changed(store: HistoryStore) -> None:
    for step in range(61):  # every 15 s for 15 minutes, the same amount
        store.record_balances("main", T0 + 15 * step, [wallet(EUR="10.00")])
    store.record_balances("main", T0 + 915, [wallet(EUR="10.00")])  # < 15 min after the beat
    store.record_balances("main", T0 + 930, [wallet(EUR="9.99")])
    store.record_balances("main", T0 + 945, [wallet(EUR=("9.99", "0.01"))])  # reserved changed
    rows = _rows(store)
    assert [(r[2], r[3], r[4]) for r in rows] == [
        ("10.00", "0.00", "0"),
        ("10.00", "0.00", "1"),
        ("9.99", "0.00", "0"),
        ("9.99", "0.01", "0"),
    ]
    assert rows[1][0] == "2026-11-29T18:15:00Z"
    assert HEARTBEAT_S == 900


def test_a_new_session_keeps_its_first_reading_as_a_heartbeat(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    with HistoryStore(path) as first:
        first.record_balances("main", T0, [wallet(EUR="5.00")])
    with HistoryStore(path) as second:  # the next launch: it shows in the history
        second.record_balances("main", T0 + 60, [wallet(EUR="5.00")])
        second.record_balances("main", T0 + 75, [wallet(EUR="5.00")])  # unchanged: no row
        rows = _rows(second)
    assert [(r[2], r[4]) for r in rows] == [("5.00", "0"), ("5.00", "1")]


def test_failed_wallets_are_skipped_and_amounts_stay_exact(store: HistoryStore) -> None:
    failed = WalletBalances("20002", error=ErrorReport("Balance of wallet 20002", "api", "boom"))
    huge = "123456789012345678.123456789"
    store.record_balances("main", T0, [failed, wallet(EUR=huge, USD="1E+3")])
    assert store.balance_keys("main") == [("14471", "EUR"), ("14471", "USD")]
    rows = _rows(store)
    assert [(r[1], r[2]) for r in rows] == [("EUR", huge), ("USD", "1000")]


def test_profiles_are_kept_apart(store: HistoryStore) -> None:
    store.record_balances("a", T0, [wallet(EUR="1.00")])
    store.record_balances("b", T0, [wallet(EUR="2.00")])
    assert store.profiles() == ["a", "b"]
    assert [r[2] for r in _rows(store, "b")] == ["2.00"]
    assert store.balance_keys("nobody") == []
    assert len(store.balance_series("nobody", "14471", "EUR", None, None, 100)) == 0


def _brute(
    points: list[tuple[int, float]], since: float, until: float, columns: int
) -> dict[int, tuple[float, float, float]]:
    width = (until - since) / columns
    result: dict[int, tuple[float, float, float]] = {}
    for t, value in points:
        if not since <= t <= until:
            continue
        column = min(max(int((t - since) / width), 0), columns - 1)
        low, high, _last = result.get(column, (value, value, value))
        result[column] = (min(low, value), max(high, value), value)
    return result


def _load(store: HistoryStore, seconds: int, seed: int = 3) -> list[tuple[int, float]]:
    rng = random.Random(seed)
    cents, rows = 100_000, []
    for index in range(seconds // 15):
        cents += rng.randint(-500, 500)
        rows.append((T0 + 15 * index, Decimal(cents).scaleb(-2), Decimal(0)))
    store.bulk_load_balances("main", "14471", "EUR", rows)
    return [(round(t), float(a)) for t, a, _r in rows]


def test_raw_reads_are_exact_min_max_last_per_column(store: HistoryStore) -> None:
    points = _load(store, 6 * 3600)
    since, until, columns = T0 + 100, T0 + 100 + 3600, 500  # 7.2 s columns: raw rows
    series = store.balance_series("main", "14471", "EUR", since, until, columns)
    expected = _brute(points, since, until, columns)
    assert len(series) == len(expected)
    width = (until - since) / columns
    for i, time in enumerate(series.times):
        column = round((time - since) / width)
        assert (series.lows[i], series.highs[i], series.lasts[i]) == expected[column]


@pytest.fixture(scope="module")
def month(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[int, float]]]:
    """31 days of 15-second samples, built once for the tests that only read them."""
    path = tmp_path_factory.mktemp("month") / "history.sqlite3"
    with HistoryStore(path) as store:
        points = _load(store, 31 * 86400)
    return path, points


@pytest.mark.parametrize("hours", [24, 7 * 24, 30 * 24])
def test_rollup_reads_keep_every_extreme_and_the_last_value(
    month: tuple[Path, list[tuple[int, float]]], hours: int
) -> None:
    path, points = month
    until = T0 + 31 * 86400 - 15
    since = until - hours * 3600
    with HistoryStore(path) as store:
        series = store.balance_series("main", "14471", "EUR", since, until, 1000)
    assert rollups.level_for((until - since) / 1000) > 0  # this range is read from rollups
    inside = [v for t, v in points if since <= t <= until]
    # Buckets start on their level's grid, so the first column may reach back one bucket.
    reach = [v for t, v in points if since - 86400 < t <= until]
    assert min(inside) >= min(series.lows) >= min(reach)
    assert max(inside) <= max(series.highs) <= max(reach)
    assert series.lasts[-1] == points[-1][1]
    assert 900 <= len(series) <= 1000
    assert list(series.times) == sorted(series.times)


def test_an_open_range_covers_all_data(store: HistoryStore) -> None:
    points = _load(store, 2 * 86400)
    series = store.balance_series("main", "14471", "EUR", None, None, 800)
    assert series.times[0] == points[0][0]
    assert min(series.lows) == min(v for _t, v in points)
    assert series.lasts[-1] == points[-1][1]


def test_bulk_rollups_equal_the_ones_kept_on_insert(tmp_path: Path) -> None:
    rng = random.Random(9)
    rows = [
        (T0 + 15 * i + rng.randint(0, 14), Decimal(rng.randint(0, 10_000)).scaleb(-2))
        for i in range(3000)
    ]
    with (
        HistoryStore(tmp_path / "one.sqlite3") as one,
        HistoryStore(tmp_path / "bulk.sqlite3") as bulk,
    ):
        for at, amount in rows:
            one.record_balances("main", at, [wallet(EUR=str(amount))])
        kept = [(round(at), a, Decimal(0)) for at, a in rows]
        bulk.bulk_load_balances("main", "14471", "EUR", kept)
        query = "SELECT level, t, lo, hi, last, last_t FROM rollup ORDER BY level, t"
        assert one._db.execute(query).fetchall() == bulk._db.execute(query).fetchall()


def test_gaps_split_a_series_into_segments() -> None:
    series = Series(
        times=(0.0, 60.0, 120.0, 5000.0, 5060.0),
        lows=(1,) * 5,
        highs=(1,) * 5,
        lasts=(1,) * 5,
        gap_s=1000.0,
    )  # type: ignore[arg-type]
    assert series.segments() == [(0, 3), (3, 5)]
    assert Series((), (), (), ()).segments() == []


def test_a_gap_in_recording_shows_in_the_series(store: HistoryStore) -> None:
    for minute in range(60):  # an hour, then the monitor is off for three hours
        store.record_balances("main", T0 + 60 * minute, [wallet(EUR=f"{minute}.00")])
    for minute in range(240, 300):
        store.record_balances("main", T0 + 60 * minute, [wallet(EUR=f"{minute}.00")])
    series = store.balance_series("main", "14471", "EUR", T0, T0 + 300 * 60, 300)
    assert [(b - a) for a, b in series.segments()] == [60, 60]
