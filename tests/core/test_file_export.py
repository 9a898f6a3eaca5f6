"""The window's export, without Qt: a real database file to a real CSV file, atomically,
stoppable between rows, with its progress spaced and every failure one typed line."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from wallet_gui.api.models import CurrencyBalance
from wallet_gui.core.atomic_file import write_atomically
from wallet_gui.core.file_export import (
    ExportRequest,
    ExportStoppedError,
    ExportWriteError,
    FileExport,
)
from wallet_gui.core.history.errors import HistoryError
from wallet_gui.core.history.events import HistoryEvent
from wallet_gui.core.history.export import write_csv
from wallet_gui.core.history.store import HistoryStore
from wallet_gui.core.state import WalletBalances

T0 = 1_790_000_000.0
ROWS = 50


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Path]:
    """A history with ``ROWS`` balances and two events of profile "demo", left open (as the
    window leaves its own connections open while an export reads)."""
    path = tmp_path / "history.sqlite3"
    with HistoryStore(path, clock=lambda: T0) as store:
        for i in range(ROWS):
            balance = CurrencyBalance("EUR", Decimal(i).scaleb(-2), Decimal("0"))
            wallet = WalletBalances(wallet_id="14471", balances={"EUR": balance})
            store.record_balances("demo", T0 + 15 * i, [wallet])
        store.record_event("demo", HistoryEvent(T0, "error", None, "=HYPERLINK(1)"))
        store.record_event("demo", HistoryEvent(T0 + 1, "recovery", None, "-1 fine"))
        yield path


def request(
    database: Path, target: Path, kind: str = "balances", **changes: object
) -> ExportRequest:
    fields: dict[str, object] = {
        "database": database, "profile": "demo", "kind": kind, "since": None, "until": None,
        "target": target,
    }  # fmt: skip
    fields.update(changes)
    return ExportRequest(**fields)  # type: ignore[arg-type]


def leftovers(folder: Path) -> list[str]:
    return [name for name in os.listdir(folder) if name.endswith(".part")]


@pytest.mark.parametrize("kind", ["balances", "events", "clock", "statements"])
def test_the_file_is_byte_for_byte_what_the_command_line_writes(
    database: Path, tmp_path: Path, kind: str
) -> None:
    target = tmp_path / f"{kind}.csv"
    written = FileExport(request(database, target, kind, since=T0 + 15)).run()
    expected = io.StringIO(newline="")
    with HistoryStore(database, create=False) as store:
        count = write_csv(store, "demo", kind, T0 + 15, None, expected)
    assert written == count
    assert target.read_bytes() == expected.getvalue().encode("utf-8")
    assert leftovers(tmp_path) == []


def test_a_profile_without_history_gets_the_heading_only(database: Path, tmp_path: Path) -> None:
    target = tmp_path / "none.csv"
    assert FileExport(request(database, target, profile="nobody")).run() == 0
    assert target.read_text(encoding="utf-8").splitlines() == [
        "time,wallet_id,currency,at_disposal,reserved,heartbeat"
    ]


def test_a_stop_between_rows_leaves_no_file_and_no_temporary(
    database: Path, tmp_path: Path
) -> None:
    target = tmp_path / "stopped.csv"
    export = FileExport(request(database, target), progress_every_s=0.0)  # every row
    seen: list[int] = []

    def progress(rows: int) -> None:
        seen.append(rows)
        if rows == 10:
            assert len(leftovers(tmp_path)) == 1  # half a file exists, under another name
            export.stop()

    with pytest.raises(ExportStoppedError) as stopped:
        export.run(progress)
    assert seen == list(range(1, 11))  # not one row after the stop
    assert str(stopped.value) == "the export was stopped; nothing was written"
    assert not target.exists()
    assert leftovers(tmp_path) == []


def test_a_stop_keeps_an_older_file_of_the_same_name(database: Path, tmp_path: Path) -> None:
    target = tmp_path / "old.csv"
    target.write_text("an earlier export\n", encoding="utf-8")
    export = FileExport(request(database, target), progress_every_s=0.0)
    with pytest.raises(ExportStoppedError):
        export.run(lambda rows: export.stop() if rows == 3 else None)
    assert target.read_text(encoding="utf-8") == "an earlier export\n"
    assert leftovers(tmp_path) == []


def test_stopped_before_it_ran_it_opens_nothing(database: Path, tmp_path: Path) -> None:
    export = FileExport(request(database, tmp_path / "x.csv"))
    export.stop()
    assert export.stopped
    with pytest.raises(ExportStoppedError):
        export.run()
    assert not (tmp_path / "x.csv").exists()
    assert leftovers(tmp_path) == []


def test_progress_comes_at_most_once_per_interval(database: Path, tmp_path: Path) -> None:
    now = [0.0]

    def clock() -> float:  # every look at the clock (once a row) is a quarter second later
        now[0] += 0.25
        return now[0]

    seen: list[int] = []
    export = FileExport(request(database, tmp_path / "p.csv"), progress_every_s=1.0, clock=clock)
    assert export.run(seen.append) == ROWS
    assert seen == list(range(4, ROWS + 1, 4))  # four rows a second: one report a second


def test_a_missing_folder_is_a_typed_one_line_error(database: Path, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "x.csv"
    with pytest.raises(ExportWriteError) as failed:
        FileExport(request(database, target)).run()
    assert failed.value.path == target
    assert failed.value.reason == "No such file or directory"
    assert str(failed.value) == f"cannot write {target}: No such file or directory"


def test_a_folder_in_the_way_of_the_file_is_a_typed_error(database: Path, tmp_path: Path) -> None:
    target = tmp_path / "taken.csv"
    target.mkdir()
    with pytest.raises(ExportWriteError) as failed:
        FileExport(request(database, target)).run()
    assert failed.value.reason == "Is a directory"
    assert leftovers(tmp_path) == []


def test_a_missing_or_broken_database_is_a_history_error(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.sqlite3"
    with pytest.raises(HistoryError) as failed:
        FileExport(request(missing, tmp_path / "x.csv")).run()
    assert str(failed.value) == f"cannot open the history {missing}: there is no such file"
    assert not missing.exists()  # read-only: never created

    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    with pytest.raises(HistoryError) as failed:
        FileExport(request(broken, tmp_path / "x.csv")).run()
    assert str(failed.value).startswith(f"cannot read the history {broken}: ")
    assert "\n" not in str(failed.value)
    assert not (tmp_path / "x.csv").exists()


def test_the_export_never_writes_to_the_database(database: Path, tmp_path: Path) -> None:
    journal = database.with_name(database.name + "-wal")
    before = database.read_bytes(), journal.read_bytes()
    FileExport(request(database, tmp_path / "a.csv", profile="new profile")).run()
    assert (database.read_bytes(), journal.read_bytes()) == before  # no profile row added


def test_write_atomically_returns_what_the_writer_returned(tmp_path: Path) -> None:
    target = tmp_path / "t.txt"
    assert write_atomically(target, lambda out: out.write("x\r\n")) == 3
    assert target.read_bytes() == b"x\r\n"  # newline="": written as given
