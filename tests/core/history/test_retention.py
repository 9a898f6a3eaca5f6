"""Retention thins by the documented rule, deterministically, and reads still cover it."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.core.history.builders import T0, clock, statement, wallet
from wallet_gui.core.history import retention
from wallet_gui.core.history.events import HistoryEvent
from wallet_gui.core.history.store import HistoryStore

DAY = 86400


def _dump(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as db:
        rows: list[tuple[object, ...]] = []
        for table in ("balance", "rollup", "clock", "event", "statement"):
            rows += [(table, *r) for r in db.execute(f"SELECT * FROM {table} ORDER BY 1, 2, 3")]
    db.close()
    return rows


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """500 days: a balance every 15 minutes (a change once an hour, heartbeats between),
    a clock estimate every 30 minutes, an event and a statement a day."""
    path = tmp_path_factory.mktemp("retention") / "history.sqlite3"
    with HistoryStore(path) as store:
        with store.batch():
            for step in range(500 * 96):
                at = T0 + step * 900
                store.record_balances("main", at, [wallet(EUR=f"{step // 4}.00")])
                if step % 2 == 0:
                    half = 0.001 + (step * 7919 % 13) / 1000  # varied, deterministic
                    store.record_clock("main", clock(at, 0.5, half))
                if step % 96 == 0:
                    day = f"day {step // 96}"
                    store.record_event("main", HistoryEvent(at, "error", None, day))
                    store.record_statements("main", "14471", [statement(step, "1.00", int(at))])
        store.checkpoint()
    return path


@pytest.fixture
def filled(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "history.sqlite3"
    shutil.copyfile(built, copy)
    return copy


def test_the_rule(filled: Path) -> None:
    now = T0 + 500 * DAY - 900
    with HistoryStore(filled) as store:
        before_all = store.balance_series("main", "14471", "EUR", None, None, 500)
        store.apply_retention(now, keep_days=400)
        db = store._db
        horizon = db.execute(
            "SELECT value FROM meta WHERE key = ?", (retention.HORIZON,)
        ).fetchone()[0]
        assert now - 401 * DAY < horizon <= now - 400 * DAY
        # 1. beyond the horizon: no raw rows, no 1-minute rollups; coarser rollups stay.
        assert db.execute("SELECT count(*) FROM balance WHERE t < ?", (horizon,)).fetchone()[0] == 0
        assert (
            db.execute(
                "SELECT count(*) FROM rollup WHERE level = 60 AND t < ?", (horizon,)
            ).fetchone()[0]
            == 0
        )
        assert (
            db.execute(
                "SELECT count(*) FROM rollup WHERE level = 600 AND t < ?", (horizon,)
            ).fetchone()[0]
            > 0
        )
        # 2. heartbeats older than 30 days: the first of each hour; every change stays.
        old = now - 30 * DAY - 3600
        beats = db.execute(
            "SELECT t / 3600, count(*) FROM balance WHERE beat = 1 AND t >= ? AND t < ? "
            "GROUP BY t / 3600",
            (horizon, old),
        ).fetchall()
        assert beats
        assert all(count == 1 for _hour, count in beats)
        changes = db.execute(
            "SELECT count(*) FROM balance WHERE beat = 0 AND t >= ? AND t < ?", (horizon, old)
        ).fetchone()[0]
        assert changes == pytest.approx((old - horizon) / 3600, abs=2)
        recent_beats = db.execute(
            "SELECT count(*) FROM balance WHERE beat = 1 AND t >= ?", (now - 29 * DAY,)
        ).fetchone()[0]
        assert recent_beats == pytest.approx(29 * 24 * 3, abs=4)  # untouched: 3 an hour
        # 3. clock: the best estimate per hour after 7 days, per day beyond the horizon.
        per_hour = db.execute(
            "SELECT t / 3600000, count(*), min(half_width_s) FROM clock WHERE t >= ? AND t < ? "
            "GROUP BY 1",
            (horizon * 1000, (now - 8 * DAY) * 1000),
        ).fetchall()
        assert all(count == 1 for _h, count, _best in per_hour)
        per_day = db.execute(
            "SELECT count(*) FROM clock WHERE t < ? GROUP BY t / 86400000", (horizon * 1000,)
        ).fetchall()
        assert per_day
        assert all(count == (1,) for count in [tuple(r) for r in per_day])
        assert db.execute(
            "SELECT count(*) FROM clock WHERE t >= ?", ((now - 6 * DAY) * 1000,)
        ).fetchone()[0] == pytest.approx(6 * 48, abs=2)
        # 4. events and statements beyond the horizon are gone.
        assert len(store.events("main", 1000)) == pytest.approx(400, abs=1)
        assert len(store.statements("main", "14471", 1000)) == pytest.approx(400, abs=1)
        # The whole range still reads, from the rollups kept for ever.
        after_all = store.balance_series("main", "14471", "EUR", None, None, 500)
        assert min(after_all.lows) == min(before_all.lows)
        assert after_all.lasts[-1] == before_all.lasts[-1]
        assert store.drift("main") is not None


def test_a_second_run_changes_nothing(filled: Path) -> None:
    now = T0 + 500 * DAY - 900
    with HistoryStore(filled) as store:
        store.apply_retention(now, keep_days=400)
    first = _dump(filled)
    with HistoryStore(filled) as store:
        store.apply_retention(now, keep_days=400)
    assert _dump(filled) == first


def test_a_short_range_in_thinned_data_reads_rollups_without_false_gaps(filled: Path) -> None:
    now = T0 + 500 * DAY - 900
    with HistoryStore(filled) as store:
        since = now - 60 * DAY  # heartbeats here are thinned to one an hour
        before = store.balance_series("main", "14471", "EUR", since, since + 6 * 3600, 1000)
        store.apply_retention(now, keep_days=400)
        after = store.balance_series("main", "14471", "EUR", since, since + 6 * 3600, 1000)
        assert len(before.segments()) == len(after.segments()) == 1
        assert after.lasts[-1] == before.lasts[-1]
