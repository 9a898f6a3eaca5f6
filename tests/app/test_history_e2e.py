"""History and alerts through the whole app: real emulator, real SQLite file, real D-Bus.

The demo is launched twice on the same data folder: the second launch charts balances of
both, the clock alert for the demo's skewed server reaches the test's own notification
service on the session bus, and `wallet-gui history export` prints rows of both launches.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from tests.helpers import app_args
from tests.notification_service import NotificationService
from wallet_gui.app import Application
from wallet_gui.core.history.location import default_history_path
from wallet_gui.core.history.store import HistoryStore
from wallet_gui.ui.history_panel import CLOCK_KEY

pytestmark = pytest.mark.skipif(
    not os.environ.get("DBUS_SESSION_BUS_ADDRESS") and not os.environ.get("CI"),
    reason="needs a D-Bus session bus: run through bash .ci/test",
)
WAIT_MS = 20_000


@pytest.fixture
def service() -> Iterator[NotificationService]:
    with NotificationService() as running:
        yield running


@pytest.fixture
def launched() -> Iterator[list[Application]]:
    """Every app a test launches is stopped at its end, whatever happened."""
    applications: list[Application] = []
    yield applications
    for application in applications:
        _stop(application)


def _launch(qtbot: QtBot, launched: list[Application]) -> Application:
    application = Application(app_args(demo=True, demo_offset=3.5))
    launched.append(application)
    application.start()
    window = application.window
    assert window is not None
    balances = window.findChild(QTableWidget, "balancesTable")
    assert balances is not None
    qtbot.waitUntil(lambda: balances.rowCount() >= 7, timeout=WAIT_MS)
    return application


def _stop(application: Application) -> None:
    """Stop it as Quit does (idempotent: the fixture stops it again at the end)."""
    application.presenter.close_all()
    application.shutdown()  # the writer commits everything queued before it ends
    if application.window is not None:
        application.window.close()


def test_two_demo_launches_leave_history_an_alert_and_an_export(
    qtbot: QtBot, service: NotificationService, launched: list[Application]
) -> None:
    first = _launch(qtbot, launched)
    # The clock is 3.5 s off, over the 1 s default: the alert follows the clock's burst,
    # which ends after the first balances. The app sends it from this thread's event loop.
    qtbot.waitUntil(lambda: bool(service.wait_for_calls(1, timeout=0)), timeout=WAIT_MS)
    calls = service.wait_for_calls(1, timeout=0)
    assert "clock" in calls[0].summary.lower()
    assert calls[0].signature == "susssasa{sv}i"
    events = first.window.events_panel  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: any("clock" in row.message.lower() for row in events.rows))

    # Money moves: the changed amount's tooltip names the transaction behind it.
    assert first.sandbox is not None
    assert first.poller is not None
    first.sandbox.move_money(14471, "EUR", Decimal("7.00"), "in", "Invoice 42", "UAB Testas")
    first.poller.refresh()
    balances = first.window.findChild(QTableWidget, "balancesTable")  # type: ignore[union-attr]
    assert balances is not None

    def explained() -> bool:
        items = (balances.item(r, c) for r in range(balances.rowCount()) for c in range(6))
        return any(item is not None and "Invoice 42" in item.toolTip() for item in items)

    qtbot.waitUntil(explained, timeout=WAIT_MS)
    _stop(first)

    database = default_history_path()
    store = HistoryStore(database)
    try:
        first_rows = list(store.export_rows("demo", "balances", None, None))
    finally:
        store.close()
    assert first_rows

    started_ms = 1000 * time.time()
    second = _launch(qtbot, launched)
    window = second.window
    assert window is not None
    # The clock chart goes on from the first launch: it has points from before this one.
    line = window.clock_panel.chart.offset_series
    qtbot.waitUntil(lambda: line.count() > 0, timeout=WAIT_MS)  # the burst has ended
    assert min(line.at(i).x() for i in range(line.count())) < started_ms
    # The events of the first launch are listed again, from the database.
    assert any("clock" in row.message.lower() for row in window.events_panel.rows)
    tabs = window.findChild(type(window._tabs), "dataTabs")
    assert tabs is not None
    tabs.setCurrentWidget(window.history_panel)
    window.history_panel.set_series(("balance", "14471", "EUR"))
    window.history_panel.set_range("1h")
    qtbot.waitUntil(lambda: window.history_panel.columns_drawn > 0, timeout=WAIT_MS)
    window.history_panel.set_series(CLOCK_KEY)
    qtbot.waitUntil(lambda: window.history_panel.columns_drawn > 0, timeout=WAIT_MS)
    _stop(second)

    exported = subprocess.run(
        [
            sys.executable,
            "-m",
            "wallet_gui",
            "history",
            "export",
            "--profile",
            "demo",
            "--kind",
            "balances",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert exported.returncode == 0, exported.stderr
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert len(rows) > len(first_rows)  # both launches are in it
    assert {row["wallet_id"] for row in rows} >= {"14471"}


def test_history_path_is_the_xdg_data_home(tmp_path: Path) -> None:
    assert default_history_path() == Path(os.environ["XDG_DATA_HOME"]) / "wallet-gui" / (
        "history.sqlite3"
    )
