"""The writer thread: records return at once, flush waits, errors go to on_error only."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.core.history.builders import T0, clock, statement, wallet
from wallet_gui.core.history.errors import HistoryError
from wallet_gui.core.history.events import HistoryEvent
from wallet_gui.core.history.schema import LATEST_VERSION
from wallet_gui.core.history.store import HistoryStore
from wallet_gui.core.history.writer import HistoryWriter


class Errors:
    def __init__(self) -> None:
        self.seen: list[HistoryError] = []
        self.threads: set[str] = set()
        self.arrived = threading.Event()

    def __call__(self, error: HistoryError) -> None:
        self.seen.append(error)
        self.threads.add(threading.current_thread().name)
        self.arrived.set()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "history.sqlite3"


@pytest.fixture
def errors() -> Errors:
    return Errors()


@pytest.fixture
def writer(path: Path, errors: Errors) -> Iterator[HistoryWriter]:
    made = HistoryWriter(lambda: HistoryStore(path), on_error=errors)
    yield made
    assert made.close(timeout=10)


def test_records_are_written_on_the_writer_thread_and_read_elsewhere(
    writer: HistoryWriter, path: Path, errors: Errors
) -> None:
    writer.record_balances("main", T0, [wallet(EUR="1.00")])
    writer.record_clock("main", clock(T0, 0.1, 0.01))
    writer.record_event("main", HistoryEvent(T0, "error", None, "boom"))
    writer.record_statements("main", "14471", [statement(1, "5.00", int(T0))])
    assert writer.flush(timeout=10)
    with HistoryStore(path) as reader:  # a second connection, while the writer's is open
        assert reader.balance_keys("main") == [("14471", "EUR")]
        assert len(reader.clock_points("main", 0)) == 1
        assert [e.message for e in reader.events("main")] == ["boom"]
        assert [s.id for s in reader.statements("main", "14471", 5)] == [1]
    assert errors.seen == []


def test_the_sqlite_connection_stays_on_the_writer_thread(path: Path, errors: Errors) -> None:
    made_on: list[str] = []

    def factory() -> HistoryStore:
        made_on.append(threading.current_thread().name)
        return HistoryStore(path)

    writer = HistoryWriter(factory, on_error=errors, name="history-writer-test")
    writer.record_balances("main", T0, [wallet(EUR="1.00")])
    assert writer.flush(timeout=10)
    assert writer.close(timeout=10)
    assert made_on == ["history-writer-test"]
    assert not writer.running


def test_a_database_error_goes_to_on_error_and_the_writer_goes_on(
    writer: HistoryWriter, path: Path, errors: Errors
) -> None:
    writer.record_event("main", HistoryEvent(T0, "error", None, "first"))
    assert writer.flush(timeout=10)
    with sqlite3.connect(path) as other:  # someone breaks the schema under the writer
        other.execute("DROP TABLE event")
    other.close()
    writer.record_event("main", HistoryEvent(T0 + 1, "error", None, "lost"))
    assert writer.flush(timeout=10)
    assert errors.arrived.is_set()
    (error,) = errors.seen
    assert isinstance(error, HistoryError)
    assert str(path) in str(error)
    assert "event" in str(error)
    assert errors.threads == {"history-writer"}
    # Still running: other records are written.
    writer.record_balances("main", T0 + 2, [wallet(EUR="3.00")])
    assert writer.flush(timeout=10)
    with HistoryStore(path) as reader:
        assert reader.balance_keys("main") == [("14471", "EUR")]
    assert len(errors.seen) == 1


def test_a_store_that_cannot_open_is_reported_once_and_close_still_works(
    tmp_path: Path, errors: Errors
) -> None:
    newer = tmp_path / "newer.sqlite3"
    with sqlite3.connect(newer) as db:
        db.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    db.close()
    writer = HistoryWriter(lambda: HistoryStore(newer), on_error=errors)
    writer.record_balances("main", T0, [wallet(EUR="1.00")])
    assert writer.flush(timeout=10)
    assert writer.close(timeout=10)
    assert len(errors.seen) == 1
    assert "newer version" in str(errors.seen[0])


def test_a_failing_listener_does_not_end_the_writer(path: Path) -> None:
    def explode(error: HistoryError) -> None:
        raise RuntimeError("listener bug")

    writer = HistoryWriter(lambda: HistoryStore(path), on_error=explode)
    writer.record_balances("main", T0, [wallet(EUR="1.00")])
    assert writer.flush(timeout=10)
    with sqlite3.connect(path) as other:
        other.execute("DROP TABLE balance")
    other.close()
    writer.record_balances("main", T0 + 1, [wallet(EUR="2.00")])
    assert writer.flush(timeout=10)
    assert writer.running
    assert writer.close(timeout=10)


def test_close_writes_what_is_queued_and_later_records_are_ignored(
    path: Path, errors: Errors
) -> None:
    writer = HistoryWriter(lambda: HistoryStore(path), on_error=errors)
    for i in range(500):
        writer.record_balances("main", T0 + 15 * i, [wallet(EUR=f"{i}.00")])
    assert writer.close(timeout=10)
    writer.record_balances("main", T0 + 99999, [wallet(EUR="9.00")])
    assert writer.flush(timeout=1)
    assert writer.close(timeout=1)
    with HistoryStore(path) as reader:
        assert len(list(reader.export_rows("main", "balances", None, None))) == 500


def test_retention_runs_when_the_writer_starts(path: Path, errors: Errors) -> None:
    with HistoryStore(path) as store:
        store.record_event("main", HistoryEvent(T0, "error", None, "ancient"))
    writer = HistoryWriter(
        lambda: HistoryStore(path), on_error=errors, keep_days=30, clock=lambda: T0 + 90 * 86400
    )
    assert writer.flush(timeout=10)
    assert writer.close(timeout=10)
    with HistoryStore(path) as reader:
        assert reader.events("main") == []
