"""Events newest first; statements deduplicated by id and read back whole."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests.core.history.builders import T0, statement
from wallet_gui.core.history.events import HistoryEvent
from wallet_gui.core.history.store import HistoryStore


@pytest.fixture
def store(tmp_path: Path) -> HistoryStore:
    with HistoryStore(tmp_path / "history.sqlite3") as opened:
        yield opened  # type: ignore[misc]


def test_events_come_back_newest_first_and_limited(store: HistoryStore) -> None:
    kinds = ["error", "recovery", "alert_fired", "alert_cleared"]
    for i, kind in enumerate(kinds):
        store.record_event(
            "main", HistoryEvent(T0 + i, kind, "clock_offset" if i > 1 else None, f"message {i}")
        )
    events = store.events("main", limit=3)
    assert [e.kind for e in events] == ["alert_cleared", "alert_fired", "recovery"]
    assert events[0] == HistoryEvent(T0 + 3, "alert_cleared", "clock_offset", "message 3")
    assert store.events("other") == []
    rows = list(store.export_rows("main", "events", T0 + 1, T0 + 3))
    assert [r["message"] for r in rows] == ["message 1", "message 2"]
    assert rows[0]["time"] == "2026-11-29T18:00:01.000Z"


def test_an_unknown_event_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown event kind"):
        HistoryEvent(T0, "party", None, "")


def test_statements_are_deduplicated_by_id(store: HistoryStore) -> None:
    first = [statement(1, "10.00", int(T0)), statement(2, "2.50", int(T0) + 60, "out")]
    assert store.record_statements("main", "14471", first) == 2
    again = [statement(2, "2.50", int(T0) + 60, "out"), statement(3, "0.01", int(T0) + 120)]
    assert store.record_statements("main", "14471", again) == 1
    assert store.record_statements("main", "20002", [statement(1, "1.00", int(T0))]) == 1
    newest = store.statements("main", "14471", limit=2)
    assert [s.id for s in newest] == [3, 2]
    assert newest[1] == statement(2, "2.50", int(T0) + 60, "out")  # every field round-trips
    assert newest[1].signed_amount == Decimal("-2.50")
    older = store.statements("main", "14471", limit=10, before_date=int(T0) + 60)
    assert [s.id for s in older] == [1]


def test_statement_export_rows(store: HistoryStore) -> None:
    store.record_statements("main", "14471", [statement(7, "1234.5600", int(T0), "out")])
    (row,) = store.export_rows("main", "statements", None, None)
    assert row["amount"] == "1234.5600"
    assert row["signed_amount"] == "-1234.5600"
    assert row["date"] == "2026-11-29T18:00:00Z"
    assert row["other_party_name"] == "Jonas"
    assert row["other_party_account"] == "EVP123"
    assert row["transfer_id"] == "70"
