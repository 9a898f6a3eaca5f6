"""Opening the database: WAL, the versioned schema, migrations and files it must refuse."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from tests.core.history.builders import T0, clock, statement
from wallet_gui.core.history import schema
from wallet_gui.core.history.baseline import ClockAnchor
from wallet_gui.core.history.errors import HistoryError
from wallet_gui.core.history.events import HistoryEvent
from wallet_gui.core.history.location import default_history_path
from wallet_gui.core.history.store import HistoryStore


def test_a_new_file_is_at_the_latest_version_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "history.sqlite3"
    HistoryStore(path).close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST_VERSION
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert schema.LATEST_VERSION == len(schema.MIGRATIONS) >= 2


def test_an_old_version_file_is_migrated_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = schema.connect(path, migrate=False)
    schema.migrate_to(old, path, 1)
    old.execute("INSERT INTO profile (id, name) VALUES (1, 'main')")
    old.execute(
        "INSERT INTO series (id, profile, kind, wallet_id, currency) "
        "VALUES (1, 1, 'balance', '14471', 'EUR')"
    )
    old.execute(
        "INSERT INTO balance (series, t, at_disposal, reserved, value) "
        "VALUES (1, 1000, '12.50', '0.00', 12.5)"
    )
    assert schema.user_version(old) == 1
    assert not old.execute("SELECT 1 FROM sqlite_master WHERE name = 'statement'").fetchall()
    old.close()

    with HistoryStore(path) as store:
        assert schema.user_version(store._db) == schema.LATEST_VERSION
        rows = list(store.export_rows("main", "balances", None, None))
        assert [(r["time"], r["at_disposal"]) for r in rows] == [("1970-01-01T00:16:40Z", "12.50")]
        # What migration 2 added works on the migrated file.
        assert store.record_statements("main", "14471", [statement(1, "3.00", int(T0))]) == 1
        assert store.statements("main", "14471", 10)[0].amount == Decimal("3.00")


def test_a_version_2_file_gets_clock_baselines_and_its_drift_starts_afresh(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v2.sqlite3"
    old = schema.connect(path, migrate=False)
    schema.migrate_to(old, path, 2)
    old.execute("INSERT INTO profile (id, name) VALUES (1, 'main')")
    for hour in range(48):  # two days of estimates from before anchors were kept
        old.execute(
            "INSERT INTO clock (profile, t, offset_s, half_width_s) VALUES (1, ?, ?, 0.001)",
            (round((T0 + 3600 * hour) * 1000), 0.5 + 1e-5 * hour),
        )
    assert schema.user_version(old) == 2
    old.close()

    with HistoryStore(path) as store:
        assert schema.user_version(store._db) == schema.LATEST_VERSION == 3
        rows = store._db.execute(
            "SELECT DISTINCT boot_id, wall_minus_boottime_s, baseline FROM clock"
        ).fetchall()
        assert rows == [(None, None, 0)]
        # Nothing tells whether the wall clock was stepped in those two days: no drift yet,
        # though the chart still shows every estimate.
        assert store.drift("main") is None
        assert len(store.clock_points("main", T0 - 1)) == 48
        anchor = ClockAnchor("boot", T0 - 86400)
        for minute in range(3):
            at = T0 + 48 * 3600 + 60 * minute
            store.record_clock("main", clock(at, 0.6, 0.001), anchor)
        drift = store.drift("main")
        assert drift is not None
        assert drift.baseline_s == 120
        newest = store._db.execute("SELECT DISTINCT baseline FROM clock WHERE baseline > 0")
        assert newest.fetchall() == [(1,)]


@pytest.mark.parametrize("ahead", [1, 5])
def test_a_file_from_a_newer_version_is_refused_and_left_untouched(
    tmp_path: Path, ahead: int
) -> None:
    path = tmp_path / "newer.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE future (x)")
        db.execute(f"PRAGMA user_version = {schema.LATEST_VERSION + ahead}")
    db.close()
    before = path.read_bytes()
    with pytest.raises(HistoryError) as caught:
        HistoryStore(path)
    message = str(caught.value)
    assert str(path) in message
    assert "newer version" in message
    assert f"schema {schema.LATEST_VERSION + ahead}" in message
    assert "\n" not in message
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()


def test_a_file_that_is_no_database_is_a_history_error(tmp_path: Path) -> None:
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(b"this is not a database, just text " * 200)
    with pytest.raises(HistoryError, match=r"garbage\.sqlite3"):
        HistoryStore(path)


def test_without_create_a_missing_file_is_an_error_and_is_not_made(tmp_path: Path) -> None:
    path = tmp_path / "missing.sqlite3"
    with pytest.raises(HistoryError, match="no such file"):
        HistoryStore(path, create=False)
    assert not path.exists()


def test_two_stores_opening_a_new_file_at_once_migrate_it_once(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    first = HistoryStore(path)
    second = HistoryStore(path)
    with first, second:
        first.record_event("p", _event())
        assert [e.message for e in second.events("p")] == ["boom"]


def test_the_default_path_follows_xdg_data_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_history_path() == tmp_path / "data" / "wallet-gui" / "history.sqlite3"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert default_history_path().name == "history.sqlite3"
    assert "wallet-gui" in default_history_path().parts


def _event() -> HistoryEvent:
    return HistoryEvent(at=T0, kind="error", rule=None, message="boom")
