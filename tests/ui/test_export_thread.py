"""A long export runs on its own thread: the window stays responsive, Stop leaves no file,
and closing the dialog mid-export stops the export and joins its thread before it goes.

One real history of ``BIG`` balance rows (a couple of seconds to export) is made once for
the module; every export opens it read-only, so the tests cannot change it for each other.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from wallet_gui.core.file_export import ExportRequest, ExportStoppedError
from wallet_gui.core.history.store import HistoryStore
from wallet_gui.qt.export_job import ExportJob
from wallet_gui.ui.export_dialog import ExportDialog

T0 = 1_790_000_000
BIG = 200_000
WAIT_MS = 60_000
#: Progress reports often enough that the first one comes early in every export here.
EVERY_S = 0.02


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "history.sqlite3"
    with HistoryStore(path, clock=lambda: T0) as store:
        rows = ((T0 + 15 * i, Decimal(i).scaleb(-2), Decimal("0")) for i in range(BIG))
        assert store.bulk_load_balances("demo", "14471", "EUR", rows) == BIG
    return path


@pytest.fixture
def dialog(qtbot: QtBot, big: Path, tmp_path: Path) -> Iterator[ExportDialog]:
    made = ExportDialog(
        big, "demo", choose_file=lambda _parent, _path: "", progress_every_s=EVERY_S
    )
    qtbot.addWidget(made)
    made.set_path(str(tmp_path / "balances.csv"))
    yield made
    assert made.stop_export()  # whatever a test left running


def leftovers(folder: Path) -> list[str]:
    return [name for name in os.listdir(folder) if name.endswith(".part")]


def line_count(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for _line in handle)


def test_the_gui_thread_keeps_handling_events_while_a_large_export_runs(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path
) -> None:
    returned = False  # export() came back: what the timer sees is not nested inside it
    ticks_while_running = 0

    def tick() -> None:
        nonlocal ticks_while_running
        job = dialog.job()
        if returned and job is not None and job.thread_running:
            ticks_while_running += 1

    reports: list[tuple[int, str]] = []
    dialog.progressed.connect(lambda rows: reports.append((rows, dialog.result_text())))
    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(5)
    try:
        with qtbot.waitSignal(dialog.exportFinished, timeout=WAIT_MS) as ended:
            assert dialog.export()
            returned = True
    finally:
        timer.stop()
    assert ended.args == [BIG]
    assert ticks_while_running >= 10
    assert reports, "no progress shown"
    rows = [count for count, _text in reports]
    assert rows == sorted(set(rows))
    assert rows[0] > 0
    assert rows[-1] <= BIG  # a report may fall on the last row
    assert all(text == f"Writing… {count} rows so far" for count, text in reports)
    assert dialog.result_text() == f"{BIG} row(s) written to {tmp_path / 'balances.csv'}."
    assert line_count(tmp_path / "balances.csv") == BIG + 1


def test_stop_mid_export_leaves_no_file_and_no_temporary(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path
) -> None:
    target = tmp_path / "balances.csv"
    stop = dialog.findChild(QPushButton, "exportStopButton")
    export_button = dialog.findChild(QPushButton, "exportButton")
    seen: list[int] = []

    def on_progress(rows: int) -> None:
        if not seen:
            assert stop.isVisibleTo(dialog)
            assert not export_button.isEnabled()
            assert len(leftovers(tmp_path)) == 1  # the half-written temporary file
            qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
        seen.append(rows)

    dialog.progressed.connect(on_progress)
    with qtbot.waitSignal(dialog.exportFinished, timeout=WAIT_MS) as ended:
        assert dialog.export()
    assert isinstance(ended.args[0], ExportStoppedError)
    assert dialog.result_text() == "Export stopped; nothing was written."
    assert not target.exists()
    assert leftovers(tmp_path) == []
    assert not stop.isVisibleTo(dialog)
    assert export_button.isEnabled()

    dialog.progressed.disconnect(on_progress)
    dialog.set_range(T0, T0 + 15 * 1000)  # and then a new one runs to the end
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS) as done:
        assert dialog.export()
    assert done.args == [str(target), 1000]
    assert line_count(target) == 1001


@pytest.mark.parametrize("how", ["close", "close button", "escape"])
def test_closing_the_dialog_mid_export_stops_it_and_joins_its_thread(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path, how: str
) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    ends: list[object] = []
    dialog.exportFinished.connect(ends.append)
    with qtbot.waitSignal(dialog.progressed, timeout=WAIT_MS):
        assert dialog.export()
    job = dialog.job()
    assert job is not None
    assert job.thread_running

    if how == "close":
        dialog.close()
    elif how == "close button":
        close = dialog.findChild(QPushButton, "exportCloseButton")
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    else:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    assert not dialog.isVisible()
    assert not job.thread_running  # joined before the dialog went
    assert len(ends) == 1
    assert isinstance(ends[0], ExportStoppedError)
    assert dialog.job() is None
    assert not (tmp_path / "balances.csv").exists()
    assert leftovers(tmp_path) == []
    QCoreApplication.sendPostedEvents()  # reports the thread queued before it stopped
    assert len(ends) == 1  # the end is told once
    assert dialog.result_text() == "Export stopped; nothing was written."


def test_a_job_joined_mid_export_ends_once_with_stopped(
    qtbot: QtBot, big: Path, tmp_path: Path
) -> None:
    target = tmp_path / "job.csv"
    request = ExportRequest(big, "demo", "balances", None, None, target)
    job = ExportJob(request, progress_every_s=EVERY_S)
    ends: list[object] = []
    progress: list[int] = []
    job.finished.connect(ends.append)
    job.progress.connect(progress.append)
    with qtbot.waitSignal(job.progress, timeout=WAIT_MS):
        job.start()
    assert job.running
    assert job.join()
    assert not job.thread_running
    assert not job.running
    assert len(ends) == 1
    assert isinstance(ends[0], ExportStoppedError)
    assert job.result is ends[0]
    reported = len(progress)
    QCoreApplication.sendPostedEvents()
    assert len(ends) == 1
    assert len(progress) == reported  # nothing reported after the end
    assert not target.exists()
    assert leftovers(tmp_path) == []


def test_a_job_never_started_joins_at_once(qtbot: QtBot, big: Path, tmp_path: Path) -> None:
    job = ExportJob(ExportRequest(big, "demo", "balances", None, None, tmp_path / "x.csv"))
    assert job.join()
    assert not job.running
    assert job.result is None
