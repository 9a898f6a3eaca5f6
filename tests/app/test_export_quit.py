"""Quitting, closing the window or switching connections during File ▸ Export… stops the
export and joins its thread: no thread runs on, no file and no temporary file are left.

The demo app on a real history file (``$XDG_DATA_HOME/wallet-gui/history.sqlite3``) that
already holds ``BIG`` balance rows of the demo profile, enough for a export of seconds.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.helpers import app_args
from wallet_gui.app import Application
from wallet_gui.core.file_export import ExportStoppedError
from wallet_gui.core.history.location import default_history_path
from wallet_gui.core.history.store import HistoryStore
from wallet_gui.qt.export_job import ExportJob
from wallet_gui.ui.export_dialog import ExportDialog

T0 = 1_790_000_000
BIG = 200_000
WAIT_MS = 30_000


@pytest.fixture
def application(qtbot: QtBot) -> Iterator[Application]:
    with HistoryStore(default_history_path(), clock=lambda: T0) as store:
        rows = ((T0 + 15 * i, Decimal(i).scaleb(-2), Decimal("0")) for i in range(BIG))
        store.bulk_load_balances("demo", "14471", "EUR", rows)
    made = Application(app_args(demo=True))
    made.start()
    yield made
    made.quit()
    made.shutdown()


def start_export(qtbot: QtBot, application: Application, target: Path) -> ExportJob:
    """File ▸ Export… on the demo's window, started; returns once it reported progress."""
    window = application.window
    assert window is not None
    window.findChild(object, "exportAction").trigger()  # type: ignore[union-attr]
    dialogs = window.findChildren(ExportDialog)
    assert len(dialogs) == 1
    assert dialogs[0].isVisible()
    dialog = dialogs[0]
    dialog.set_path(str(target))
    with qtbot.waitSignal(dialog.progressed, timeout=WAIT_MS):
        assert dialog.export()
    job = dialog.job()
    assert job is not None
    assert job.thread_running
    return job


@pytest.mark.parametrize("how", ["quit", "window closed", "another connection"])
def test_leaving_mid_export_stops_it_and_joins_its_thread(
    qtbot: QtBot, application: Application, tmp_path: Path, how: str
) -> None:
    target = tmp_path / "balances.csv"
    job = start_export(qtbot, application, target)
    ends: list[object] = []
    job.finished.connect(ends.append)

    if how == "quit":
        application.quit()
    elif how == "window closed":  # the window's ×: the app quits
        assert application.window is not None
        application.window.close()
        assert application.quitting
    else:
        application.close_connection()

    assert not job.thread_running
    assert len(ends) == 1
    assert isinstance(ends[0], ExportStoppedError)
    assert not target.exists()
    assert not [name for name in os.listdir(tmp_path) if name.endswith(".part")]


def test_a_second_export_dialog_stops_the_first_export(
    qtbot: QtBot, application: Application, tmp_path: Path
) -> None:
    first = start_export(qtbot, application, tmp_path / "first.csv")
    window = application.window
    assert window is not None
    window.findChild(object, "exportAction").trigger()  # type: ignore[union-attr]
    assert not first.thread_running
    assert isinstance(first.result, ExportStoppedError)
    visible = [dialog for dialog in window.findChildren(ExportDialog) if dialog.isVisible()]
    assert len(visible) == 1
    assert visible[0].job() is None
    assert not (tmp_path / "first.csv").exists()
