"""Clock estimates: stored once each, read back as points and bands, and the drift."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.core.history.builders import T0, clock
from wallet_gui.core.history.drift import MIN_BASELINE_S
from wallet_gui.core.history.store import HistoryStore
from wallet_gui.core.state import ClockState


@pytest.fixture
def store(tmp_path: Path) -> HistoryStore:
    with HistoryStore(tmp_path / "history.sqlite3") as opened:
        yield opened  # type: ignore[misc]


def test_each_estimate_is_kept_once_and_nothing_before_the_first(store: HistoryStore) -> None:
    store.record_clock("main", ClockState())  # no estimate yet
    store.record_clock("main", clock(T0, 0.25, 0.01, rtt_min=0.02, rate_ppm=3.0))
    store.record_clock("main", clock(T0, 0.25, 0.01, rtt_min=0.02, rate_ppm=3.0))  # sent again
    store.record_clock("main", clock(T0 + 1.5, 0.26, float("nan")))  # no finite bound: skipped
    store.record_clock("main", clock(T0 + 30.125, 0.3, 0.02))
    points = store.clock_points("main", T0 - 1)
    assert [(p.wall_time, p.offset, p.half_width) for p in points] == [
        (T0, 0.25, 0.01),
        (T0 + 30.125, 0.3, 0.02),
    ]
    assert store.clock_points("main", T0 + 1) == points[1:]
    rows = list(store.export_rows("main", "clock", None, None))
    assert rows[0] == {
        "time": "2026-11-29T18:00:00.000Z",
        "offset_s": "0.25",
        "half_width_s": "0.01",
        "rtt_min_s": "0.02",
        "rate_ppm": "3.0",
        "rate_half_width_ppm": "",
    }
    assert rows[1]["time"] == "2026-11-29T18:00:30.125Z"


@pytest.mark.parametrize("columns", [10, 2000])  # rollups, then raw rows
def test_the_clock_series_has_the_offset_range_and_the_band(
    store: HistoryStore, columns: int
) -> None:
    data = [(T0 + 60 * i, 0.1 * (i % 7), 0.01 + 0.001 * (i % 3)) for i in range(240)]
    for at, offset, half in data:  # 4 hours, a minute apart
        store.record_clock("main", clock(at, offset, half))
    series = store.clock_series("main", None, None, columns)
    assert min(series.offset_lo) == 0.0
    assert max(series.offset_hi) == max(o for _t, o, _h in data)
    assert min(series.band_lo) == min(o - h for _t, o, h in data)
    assert max(series.band_hi) == max(o + h for _t, o, h in data)
    assert all(lo <= hi for lo, hi in zip(series.band_lo, series.offset_lo, strict=True))
    assert len(series) == min(columns, 240)


def _synthetic(store: HistoryStore, ppm: float, hours: float, every_s: float, seed: int) -> None:
    rng = random.Random(seed)
    with store.batch():  # one transaction: thousands of commits would only slow the test
        _fill(store, rng, ppm, hours, every_s)


def _fill(
    store: HistoryStore, rng: random.Random, ppm: float, hours: float, every_s: float
) -> None:
    for i in range(int(hours * 3600 / every_s)):
        t = T0 + i * every_s
        truth = 1.5 + ppm * 1e-6 * (t - T0)
        half = rng.uniform(0.002, 0.2)
        measured = truth + rng.uniform(-half, half)  # the truth is within the bound
        store.record_clock("main", clock(t, measured, half))


@pytest.mark.parametrize(("ppm", "hours", "seed"), [(37.0, 72, 1), (-12.5, 24, 2), (0.4, 200, 3)])
def test_the_drift_bounds_hold_the_true_rate_and_narrow_with_the_baseline(
    store: HistoryStore, ppm: float, hours: float, seed: int
) -> None:
    _synthetic(store, ppm, hours, 120.0, seed)
    drift = store.drift("main")
    assert drift is not None
    low, high = drift.bounds_ppm
    assert low <= ppm <= high
    assert drift.baseline_s > 0.7 * hours * 3600
    # The best pair's bound: at most (0.002·2 … a few ms) over days → well under 1 ppm.
    assert drift.half_width_ppm < 0.1 * 72 / hours + 0.05


def test_the_drift_of_one_session_is_wider_than_of_three_days(tmp_path: Path) -> None:
    with (
        HistoryStore(tmp_path / "a.sqlite3") as short,
        HistoryStore(tmp_path / "b.sqlite3") as long,
    ):
        _synthetic(short, 20.0, 0.5, 30.0, 5)
        _synthetic(long, 20.0, 72, 30.0, 5)
        one, three = short.drift("main"), long.drift("main")
        assert one is not None
        assert three is not None
        assert three.half_width_ppm < one.half_width_ppm / 10


def test_no_drift_from_one_estimate_or_a_baseline_under_a_minute(store: HistoryStore) -> None:
    assert store.drift("main") is None
    store.record_clock("main", clock(T0, 0.5, 0.01))
    assert store.drift("main") is None
    store.record_clock("main", clock(T0 + MIN_BASELINE_S - 1, 0.5, 0.01))
    assert store.drift("main") is None
    store.record_clock("main", clock(T0 + MIN_BASELINE_S, 0.5006, 0.0001))
    drift = store.drift("main")
    assert drift is not None
    assert drift.baseline_s == MIN_BASELINE_S
    # Exactly the guaranteed interval of the pair (T0, 0.5 ± 0.01), (T0+60, 0.5006 ± 0.0001).
    assert drift.bounds_ppm == pytest.approx(
        ((0.5006 - 0.0001 - 0.5 - 0.01) / 60 * 1e6, (0.5006 + 0.0001 - 0.5 + 0.01) / 60 * 1e6)
    )
