"""CSV export: the library call and the real ``wallet-gui history export`` command."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from tests.core.history.builders import T0, clock, statement, wallet
from wallet_gui.core.history.events import HistoryEvent
from wallet_gui.core.history.export import write_csv
from wallet_gui.core.history.export_rows import HEADERS
from wallet_gui.core.history.store import HistoryStore

ROOT = Path(__file__).resolve().parents[3]


def _fill(store: HistoryStore) -> None:
    for hour in range(48):  # two days, a change an hour
        store.record_balances("demo", T0 + 3600 * hour, [wallet(EUR=f"{100 + hour}.05")])
    store.record_clock("demo", clock(T0, 0.125, 0.004, rtt_min=0.03))
    store.record_event("demo", HistoryEvent(T0, "alert_fired", "clock_offset", "=HYPERLINK(1)"))
    store.record_statements(
        "demo", "14471", [statement(5, "0.10", int(T0), "out", details="-2+3 @home")]
    )
    store.record_balances("other", T0, [wallet(EUR="1.00")])


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "wallet-gui" / "history.sqlite3"
    with HistoryStore(path) as store:
        _fill(store)
    return path


def _parse(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_write_csv_has_a_header_exact_amounts_and_utc_times(database: Path) -> None:
    out = io.StringIO(newline="")
    with HistoryStore(database) as store:
        count = write_csv(store, "demo", "balances", T0 + 3600, T0 + 3 * 3600, out)
    assert count == 2
    assert out.getvalue().splitlines()[0] == ",".join(HEADERS["balances"])
    rows = _parse(out.getvalue())
    assert [(r["time"], r["at_disposal"]) for r in rows] == [
        ("2026-11-29T19:00:00Z", "101.05"),
        ("2026-11-29T20:00:00Z", "102.05"),
    ]
    assert Decimal(rows[0]["at_disposal"]) == Decimal("101.05")


def test_free_text_cannot_run_as_a_spreadsheet_formula(database: Path) -> None:
    with HistoryStore(database) as store:
        events, statements = io.StringIO(newline=""), io.StringIO(newline="")
        write_csv(store, "demo", "events", None, None, events)
        write_csv(store, "demo", "statements", None, None, statements)
    assert _parse(events.getvalue())[0]["message"] == "'=HYPERLINK(1)"
    (row,) = _parse(statements.getvalue())
    assert row["details"] == "'-2+3 @home"
    assert row["signed_amount"] == "-0.10"  # amounts are never touched


def _cli(*args: str, data_home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, XDG_DATA_HOME=str(data_home))
    return subprocess.run(
        [sys.executable, "-m", "wallet_gui", "history", "export", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("kind", ["balances", "clock", "statements", "events"])
def test_the_command_prints_each_kind_as_csv(database: Path, tmp_path: Path, kind: str) -> None:
    result = _cli("--profile", "demo", "--kind", kind, data_home=tmp_path / "data")
    assert (result.returncode, result.stderr) == (0, "")
    rows = _parse(result.stdout)
    assert list(rows[0]) == list(HEADERS[kind])
    assert len(rows) == {"balances": 48, "clock": 1, "statements": 1, "events": 1}[kind]


def test_the_command_filters_by_time_and_writes_a_file(database: Path, tmp_path: Path) -> None:
    output = tmp_path / "out" / "balances.csv"
    output.parent.mkdir()
    output.write_text("old content")
    result = _cli(
        "--profile", "demo", "--kind", "balances",
        "--since", "2026-11-30T00:00",  # naive: UTC
        "--until", "2026-11-30T05:00:00+02:00",  # 03:00Z
        "--output", str(output),
        data_home=tmp_path / "data",
    )  # fmt: skip
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    rows = _parse(output.read_bytes().decode("utf-8"))
    assert [r["time"] for r in rows] == [f"2026-11-30T0{h}:00:00Z" for h in range(3)]
    assert [p.name for p in output.parent.iterdir()] == ["balances.csv"]  # no temporary left


def test_the_command_reads_another_database(database: Path, tmp_path: Path) -> None:
    result = _cli(
        "--profile", "other", "--kind", "balances", "--database", str(database),
        data_home=tmp_path / "elsewhere",
    )  # fmt: skip
    assert result.returncode == 0
    assert [r["at_disposal"] for r in _parse(result.stdout)] == ["1.00"]


def test_an_unknown_profile_is_a_usage_error(database: Path, tmp_path: Path) -> None:
    result = _cli("--profile", "nobody", "--kind", "clock", data_home=tmp_path / "data")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "nobody" in result.stderr
    assert "demo" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("--profile", "demo", "--kind", "money"),
        ("--profile", "demo", "--kind", "clock", "--since", "yesterday"),
        ("--profile", "demo", "--kind", "clock", "--since", "2026-12-01", "--until", "2026-11-01"),
        ("--kind", "clock"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(
    database: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    result = _cli(*args, data_home=tmp_path / "data")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("content", [None, b"not a database " * 500])
def test_a_missing_or_unreadable_database_exits_1(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "data" / "wallet-gui" / "history.sqlite3"
    if content is not None:
        path.parent.mkdir(parents=True)
        path.write_bytes(content)
    result = _cli("--profile", "demo", "--kind", "clock", data_home=tmp_path / "data")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert str(path) in result.stderr
    assert "Traceback" not in result.stderr
    assert path.exists() == (content is not None)  # the export never creates a database


def test_history_without_export_is_a_usage_error(tmp_path: Path) -> None:
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-m", "wallet_gui", "history"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert "export" in result.stderr
