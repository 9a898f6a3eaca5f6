"""A day with the window, end to end: what the tester saw, walked through once more.

The real Application on a saved profile of the emulator: balances arrive with one wallet
refused, which opens the one error window once; retried faults stay in the status bar; the
refusal clears and the window closes itself; the table keeps its shape; the profile manager
and About open from the window; Quit ends it all at once with the error window open.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QTableWidget, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from tests.helpers import app_args
from wallet_gui.app import Application
from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.profiles import ProfileStore
from wallet_gui.core.reports import ErrorReport
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox

LATE = ErrorReport(
    context="Balance of wallet 14471", kind="api", message="late", code="unauthorized", status=401
)


def dialogs(window: QWidget) -> list[QWidget]:
    return [*QApplication.topLevelWidgets(), *window.findChildren(QDialog)]


def error_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.objectName() == "errorDialog"]


@pytest.fixture
def application(
    qtbot: QtBot, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Application]:
    monkeypatch.setenv("WALLET_GUI_MAC_KEY", sandbox.clients[DEMO_CLIENT_ID])
    ProfileStore().save(
        ConnectionSettings(
            profile="shop",
            base_url=sandbox.url,
            client_id=DEMO_CLIENT_ID,
            wallet_ids=("14471", "20002", "30003"),
        )
    )
    app = Application(app_args(profile="shop"))  # ends_event_loop stays off: no exec() here
    yield app
    app.quit()


def test_a_day_with_the_window(qtbot: QtBot, sandbox: Sandbox, application: Application) -> None:
    sandbox.faults.add("forbidden", path="/wallet/20002/balance", times=None)
    sandbox.faults.add("internal_server_error", path="/configuration", times=1)  # retried
    application.start()
    window = application.window
    assert window is not None
    table = window.findChild(QTableWidget, "balancesTable")
    assert table is not None

    # The refused wallet opens the one error window, once, attached to the main window.
    qtbot.waitUntil(
        lambda: len(error_windows()) == 1 and error_windows()[0].isVisible(), timeout=15_000
    )
    (problems,) = error_windows()
    assert problems.parentWidget() is window
    indicator = window.findChild(QToolButton, "problemsIndicator")
    assert indicator is not None
    qtbot.waitUntil(lambda: indicator.isVisible(), timeout=5_000)

    # The failed wallet is one row with its name and a readable message; the table keeps
    # its shape (no horizontal scrollbar).
    qtbot.waitUntil(lambda: table.rowCount() >= 4, timeout=15_000)
    texts = [table.item(r, 1).text() for r in range(table.rowCount()) if table.item(r, 1)]
    assert any(text.startswith("Balance unavailable: forbidden") for text in texts)
    assert not table.horizontalScrollBar().isVisible()

    # The refusal clears: the next round resolves it and the window closes by itself.
    sandbox.faults.clear()
    window.refresh_action.trigger()
    qtbot.waitUntil(lambda: not any(w.isVisible() for w in error_windows()), timeout=15_000)
    assert len(error_windows()) <= 1  # never a second window, even now
    assert not indicator.isVisible()

    # Profiles… (Ctrl+P) opens the profile manager with the current profile marked.
    window.connect_action.trigger()
    manager = application.flows.manager
    assert manager is not None
    assert manager.objectName() == "profileManager"
    manager.close()

    # Help ▸ About.
    about = next(a for a in window.findChildren(QAction) if a.objectName() == "aboutAction")
    about.trigger()
    qtbot.waitUntil(
        lambda: any(d.objectName() == "aboutDialog" and d.isVisible() for d in dialogs(window)),
        timeout=5_000,
    )

    # Quit with the error window open: everything closes at once and nothing opens after.
    # (A problem back within minutes of clearing does not pop up again: the indicator
    # shows it, and a click brings the window back.)
    sandbox.faults.add("forbidden", path="/wallet/20002/balance", times=None)
    window.refresh_action.trigger()
    qtbot.waitUntil(lambda: indicator.isVisible(), timeout=15_000)
    assert not any(w.isVisible() for w in error_windows())
    indicator.click()
    qtbot.waitUntil(lambda: any(w.isVisible() for w in error_windows()), timeout=5_000)
    assert len(error_windows()) == 1
    quit_action = next(a for a in window.findChildren(QAction) if a.objectName() == "quitAction")
    started = time.perf_counter()
    quit_action.trigger()
    elapsed = time.perf_counter() - started
    assert elapsed < 0.3, elapsed
    assert application.quitting
    assert [w.objectName() for w in QApplication.topLevelWidgets() if w.isVisible()] == []
    application.presenter.present(LATE)  # an error arriving after quit
    assert not any(w.isVisible() for w in error_windows())
