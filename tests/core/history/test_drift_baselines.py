"""The stored drift pairs estimates of the newest baseline only: a step of this machine's
wall clock (``ntpdate``, ``chronyc makestep``, a reboot with a wrong RTC) between two
estimates must never pass for a rate."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.core.history.builders import T0, clock
from wallet_gui.core.history.baseline import ClockAnchor
from wallet_gui.core.history.errors import HistoryError
from wallet_gui.core.history.store import HistoryStore
from wallet_gui.core.history.writer import HistoryWriter

#: wall − CLOCK_BOOTTIME before any step: a machine booted a day before T0.
D = T0 - 86400.0
BOOT = "0b5e7c1a-0000-4000-8000-000000000001"


def at_boot(difference: float = D, boot_id: str = BOOT) -> ClockAnchor:
    return ClockAnchor(boot_id, difference)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "history.sqlite3"


@pytest.fixture
def store(path: Path) -> Iterator[HistoryStore]:
    with HistoryStore(path) as opened:
        yield opened


def record_run(
    store: HistoryStore,
    start: float,
    count: int,
    offset: float,
    anchor: ClockAnchor,
    *,
    ppm: float = 0.0,
    every_s: float = 60.0,
    half: float = 0.001,
) -> None:
    """``count`` estimates ``every_s`` apart from wall time ``start``, each ± ``half``."""
    for i in range(count):
        elapsed = i * every_s
        state = clock(start + elapsed, offset + ppm * 1e-6 * elapsed, half)
        store.record_clock("main", state, anchor)


def baselines(path: Path) -> list[tuple[int, int, str | None, float | None]]:
    """(baseline, t in ms, boot id, wall − boottime) of every clock row, by time."""
    with sqlite3.connect(path) as db:
        rows = db.execute(
            "SELECT baseline, t, boot_id, wall_minus_boottime_s FROM clock ORDER BY t"
        ).fetchall()
    db.close()
    return [(int(b), int(t), boot, d) for b, t, boot, d in rows]


def test_continuous_estimates_of_one_boot_are_one_baseline_across_launches(path: Path) -> None:
    with HistoryStore(path) as first:
        record_run(first, T0, 10, 0.25, at_boot(), ppm=12.0)
    with HistoryStore(path) as second:  # the next launch, same boot, no step
        record_run(second, T0 + 3600, 10, 0.25 + 12e-6 * 3600, at_boot(), ppm=12.0)
        drift = second.drift("main")
    assert {row[0] for row in baselines(path)} == {1}
    assert {(row[2], row[3]) for row in baselines(path)} == {(BOOT, D)}
    assert drift is not None
    assert drift.baseline_s == 3600 + 9 * 60  # the whole history, as before baselines
    low, high = drift.bounds_ppm
    assert low <= 12.0 <= high
    assert high - low < 1.5


def test_a_two_second_step_restarts_the_drift_after_it(store: HistoryStore, path: Path) -> None:
    # The machine ran 2 s ahead (offset −2 s); then its wall clock was stepped back by 2 s:
    # wall − boottime dropped by 2 s and the offset became 0. Both runs are 20 minutes long.
    record_run(store, T0, 21, -2.0, at_boot(D))
    record_run(store, T0 + 1800, 21, 0.0, at_boot(D - 2.0))
    drift = store.drift("main")
    assert drift is not None
    # Across the step the pair (T0, −2 ± 0.001) with (T0 + 3000, 0 ± 0.001) would claim
    # 667 ± 0.7 ppm "for certain"; the newest baseline alone knows the rate is about zero.
    assert drift.baseline_s == 1200
    low, high = drift.bounds_ppm
    assert low <= 0.0 <= high
    assert high - low < 5.0
    assert [row[0] for row in baselines(path)] == [1] * 21 + [2] * 21
    # The chart keeps every offset, before the step and after it.
    points = store.clock_points("main", T0 - 1)
    assert len(points) == 42
    assert points[0].offset == -2.0
    assert points[-1].offset == 0.0


def test_a_slew_within_500_ppm_stays_in_the_baseline(store: HistoryStore, path: Path) -> None:
    # NTP slews the wall clock 0.4 s over 20 minutes (333 ppm): part of the clock's rate.
    for i in range(21):
        slewed = 0.4 * i / 20
        at = T0 + 60 * i + slewed
        store.record_clock("main", clock(at, 1.0 - slewed, 0.001), at_boot(D + slewed))
    assert {row[0] for row in baselines(path)} == {1}
    drift = store.drift("main")
    assert drift is not None
    assert drift.baseline_s == pytest.approx(1200.4)
    low, high = drift.bounds_ppm
    assert low <= -0.4 / 1200.4 * 1e6 <= high


def test_another_boot_starts_a_new_baseline(path: Path) -> None:
    with HistoryStore(path) as before_reboot:
        record_run(before_reboot, T0, 30, 0.1, at_boot())
    with HistoryStore(path) as after_reboot:
        # The RTC was off by 0.8 s; the boot clock restarted (wall − boottime is now much
        # larger), which alone says nothing: the boot id is what tells.
        record_run(after_reboot, T0 + 7200, 3, 0.9, at_boot(T0 + 7000.0, "another-boot"))
        drift = after_reboot.drift("main")
    assert [row[0] for row in baselines(path)] == [1] * 30 + [2] * 3
    assert drift is not None
    assert drift.baseline_s == 120
    assert drift.bounds_ppm[0] <= 0.0 <= drift.bounds_ppm[1]


def test_the_same_boot_after_a_step_between_launches_is_a_new_baseline(path: Path) -> None:
    with HistoryStore(path) as first:
        record_run(first, T0, 10, -3.0, at_boot(D))
    with HistoryStore(path) as second:  # `ntpdate` ran while the monitor was closed
        record_run(second, T0 + 600, 3, 0.0, at_boot(D - 3.0))
        drift = second.drift("main")
    assert [row[0] for row in baselines(path)] == [1] * 10 + [2] * 3
    assert drift is not None
    assert drift.baseline_s == 120


def test_without_a_boot_clock_each_launch_is_its_own_baseline(path: Path) -> None:
    local = ClockAnchor(None, 1234.5)  # a monotonic difference: not stored
    with HistoryStore(path) as first:
        record_run(first, T0, 5, 0.1, local)
        record_run(first, T0 + 300, 5, 0.1, ClockAnchor())  # no steady clock at all: new
        record_run(first, T0 + 600, 5, 0.1, ClockAnchor())  # … and that one continues
    with HistoryStore(path) as second:
        record_run(second, T0 + 900, 5, 0.1, local)  # the same numbers, but a new launch
        record_run(second, T0 + 1200, 5, 0.1, ClockAnchor(None, 1234.5 - 2.0))  # a step
        drift = second.drift("main")
    rows = baselines(path)
    assert [row[0] for row in rows] == [1] * 5 + [2] * 10 + [3] * 5 + [4] * 5
    assert {(row[2], row[3]) for row in rows} == {(None, None)}
    assert drift is not None
    assert drift.baseline_s == 240


def test_retention_keeps_the_newest_baseline_s_candidates_in_the_hour_of_a_step(
    store: HistoryStore, path: Path
) -> None:
    # In the hour from T0: tight estimates, a step at half past, then the newest baseline's
    # looser ones for two more hours. Ten days later every hour is thinned to its best.
    record_run(store, T0, 30, -2.0, at_boot(D))
    record_run(store, T0 + 1800, 100, 0.0, at_boot(D - 2.0), half=0.01)
    store.apply_retention(T0 + 10 * 86400)
    rows = baselines(path)
    assert [(row[0], row[1] // 1000 - int(T0)) for row in rows] == [
        (1, 0),
        (2, 1800),  # the hour's best overall is of baseline 1: this one stays beside it
        (2, 3600),
        (2, 7200),
    ]
    drift = store.drift("main")
    assert drift is not None
    assert drift.baseline_s == 5400


def test_the_writer_passes_the_anchor_or_reads_this_machine_s(path: Path) -> None:
    errors: list[HistoryError] = []
    writer = HistoryWriter(lambda: HistoryStore(path), on_error=errors.append)
    try:
        writer.record_clock("main", clock(T0, 0.1, 0.001), at_boot())
        writer.record_clock("main", clock(T0 + 60, 0.1, 0.001), at_boot(D + 5.0))
        writer.record_clock("main", clock(T0 + 120, 0.1, 0.001))  # read here: another boot
        assert writer.flush(timeout=10)
    finally:
        assert writer.close(timeout=10)
    assert errors == []
    rows = baselines(path)
    assert [row[0] for row in rows] == [1, 2, 3]
    assert rows[2][2] is not None
    assert rows[2][2] != BOOT
