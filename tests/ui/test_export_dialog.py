"""File ▸ Export…: a real store to a real CSV file, atomically, with a one-line outcome.

The export runs on a thread of its own: every test waits for its end (``exportFinished``,
emitted on the GUI thread) instead of expecting ``export()`` to have written the file.
Long exports (progress, Stop, closing and quitting mid-export) are in
``test_export_thread.py``.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from wallet_gui.api.models import CurrencyBalance
from wallet_gui.core.file_export import ExportWriteError
from wallet_gui.core.history.errors import HistoryError
from wallet_gui.core.history.events import HistoryEvent
from wallet_gui.core.history.store import HistoryStore
from wallet_gui.core.state import WalletBalances
from wallet_gui.ui.export_dialog import ExportDialog

T0 = 1_790_000_000.0  # 2026-09-21T14:13:20Z
WAIT_MS = 10_000


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with HistoryStore(tmp_path / "history.sqlite3", clock=lambda: T0) as opened:
        for hour, amount in enumerate(("10.50", "0.005", "1250.00")):
            balance = CurrencyBalance(currency="EUR", at_disposal=Decimal(amount),
                                      reserved=Decimal("0"))  # fmt: skip
            wallet = WalletBalances(wallet_id="14471", balances={"EUR": balance})
            opened.record_balances("demo", T0 + hour * 3600, [wallet])
        opened.record_event("demo", HistoryEvent(T0, "error", None, "=HYPERLINK(1)"))
        yield opened


def make_dialog(qtbot: QtBot, store: HistoryStore, chosen: list[str] | None = None) -> ExportDialog:
    asked: list[str] = []

    def choose(_parent: QWidget, suggested: str) -> str:
        asked.append(suggested)
        return chosen.pop(0) if chosen else ""

    dialog = ExportDialog(store.path, "demo", choose_file=choose, clock=lambda: T0)
    dialog.asked = asked  # type: ignore[attr-defined]
    qtbot.addWidget(dialog)
    return dialog


def run_export(qtbot: QtBot, dialog: ExportDialog) -> object:
    """Start an export and wait for its end; returns its outcome (rows, or the error)."""
    with qtbot.waitSignal(dialog.exportFinished, timeout=WAIT_MS) as ended:
        assert dialog.export()
    job = dialog.job()
    assert job is None  # delivered: the job, and its thread, are done with
    return ended.args[0]


def read_rows(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_exporting_balances_writes_exact_amounts_and_says_how_many_rows(
    qtbot: QtBot, store: HistoryStore, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "balances.csv"
    target.parent.mkdir()
    dialog = make_dialog(qtbot, store, [str(target)])
    qtbot.mouseClick(dialog.findChild(QPushButton, "exportBrowseButton"), Qt.MouseButton.LeftButton)
    assert dialog.asked[0].endswith("wallet-gui-demo-balances.csv")  # type: ignore[attr-defined]
    assert dialog.findChild(QLineEdit, "exportPathEdit").text() == str(target)

    export_button = dialog.findChild(QPushButton, "exportButton")
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS) as done:
        qtbot.mouseClick(export_button, Qt.MouseButton.LeftButton)
        assert not export_button.isEnabled()  # the export runs on: no second one meanwhile
        assert dialog.export() is False
    assert done.args == [str(target), 3]
    assert export_button.isEnabled()
    assert dialog.result_text() == f"3 row(s) written to {target}."
    rows = read_rows(target)
    assert len(rows) == 4  # the heading and three balances
    text = target.read_text(encoding="utf-8")
    for amount in ("10.50", "0.005", "1250.00"):
        assert amount in text
    assert "2026-09-21T14:13:20Z" in text
    assert sorted(os.listdir(target.parent)) == ["balances.csv"]  # no temporary left


def test_the_range_limits_what_is_written(
    qtbot: QtBot, store: HistoryStore, tmp_path: Path
) -> None:
    target = tmp_path / "range.csv"
    dialog = make_dialog(qtbot, store)
    dialog.set_path(str(target))
    dialog.set_range(T0 + 1800, None)
    assert dialog.findChild(QDateTimeEdit, "exportSinceEdit").isEnabled()
    assert not dialog.findChild(QDateTimeEdit, "exportUntilEdit").isEnabled()
    assert run_export(qtbot, dialog) == 2
    assert "10.50" not in target.read_text(encoding="utf-8")

    dialog.set_range(T0 + 7200, T0)
    assert dialog.export() is False
    assert dialog.job() is None
    assert dialog.result_text() == "The end of the range is before its start."


def test_other_kinds_use_the_same_rows_as_the_command_line(
    qtbot: QtBot, store: HistoryStore, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, store)
    combo = dialog.findChild(QComboBox, "exportKindCombo")
    assert [combo.itemData(i) for i in range(combo.count())] == [
        "balances", "clock", "statements", "events",
    ]  # fmt: skip
    dialog.set_kind("events")
    assert dialog.path().endswith("wallet-gui-demo-events.csv")  # follows the kind
    dialog.set_path(str(tmp_path / "events.csv"))
    assert run_export(qtbot, dialog) == 1
    assert "'=HYPERLINK(1)" in (tmp_path / "events.csv").read_text(encoding="utf-8")


def test_a_failed_write_leaves_the_old_file_and_says_why_in_one_line(
    qtbot: QtBot, store: HistoryStore, tmp_path: Path
) -> None:
    target = tmp_path / "old.csv"
    target.write_text("an earlier export\n", encoding="utf-8")
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"not a database " * 300)
    dialog = ExportDialog(broken, "demo", choose_file=lambda _parent, _path: "")
    qtbot.addWidget(dialog)
    dialog.set_path(str(target))
    assert isinstance(run_export(qtbot, dialog), HistoryError)
    message = dialog.result_text()
    assert message.startswith(f"Export failed: cannot read the history {broken}: ")
    assert "\n" not in message
    assert target.read_text(encoding="utf-8") == "an earlier export\n"
    assert not [name for name in os.listdir(tmp_path) if name.endswith(".part")]


def test_a_folder_that_does_not_exist_is_a_readable_error(
    qtbot: QtBot, store: HistoryStore, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, store)
    dialog.set_path(str(tmp_path / "missing" / "x.csv"))
    assert isinstance(run_export(qtbot, dialog), ExportWriteError)
    assert dialog.result_text() == (
        f"Could not write {tmp_path / 'missing' / 'x.csv'}: No such file or directory"
    )
    dialog.set_path("")
    assert dialog.export() is False
    assert dialog.result_text() == "Choose a file to export to."


def test_every_control_is_named_and_has_a_keyboard_way_in(
    qtbot: QtBot, store: HistoryStore
) -> None:
    dialog = make_dialog(qtbot, store)
    for name in (
        "exportKindCombo", "exportSinceCheck", "exportSinceEdit", "exportUntilCheck",
        "exportUntilEdit", "exportPathEdit", "exportBrowseButton", "exportButton",
        "exportCloseButton",
    ):  # fmt: skip
        widget = dialog.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus, name


def test_a_failed_export_is_said_in_the_windows_language(
    qtbot: QtBot, store: HistoryStore, tmp_path: Path, speak: Any
) -> None:
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"not a database " * 300)
    speak("ru")
    dialog = ExportDialog(broken, "demo", choose_file=lambda _parent, _path: "")
    qtbot.addWidget(dialog)
    dialog.set_path(str(tmp_path / "out.csv"))
    error = run_export(qtbot, dialog)
    assert isinstance(error, HistoryError)
    assert str(error).startswith("cannot read the history")  # the error itself stays English
    expected = f"Экспорт не удался: не удалось прочитать базу данных истории {broken}: "
    assert dialog.result_text().startswith(expected)
