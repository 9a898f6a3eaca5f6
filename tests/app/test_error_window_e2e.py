"""The one error window in the whole app: real window, real worker thread, a faulty emulator.

A probe counts every error window on screen every few milliseconds for the whole run: there
is never more than one, however many faults arrive; faults the app retries by itself open
none, a refusal opens one; as the faults stop, each problem is marked resolved and the
window closes by itself. Once the app quits, nothing opens any more.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget, QToolButton
from pytestqt.qtbot import QtBot

from tests.helpers import app_args
from wallet_gui.app import Application
from wallet_gui.core.reports import ErrorReport
from wallet_gui.ui.status_line import Tone

#: Faults planned on the demo's requests: (fault, path, how many requests it answers). The
#: refusal outlasts the rest, so the window is open while the others heal.
FAULTS = (
    ("forbidden", "/wallet/20002/balance", 4),  # needs the user: the window opens for it
    ("reset", "/wallet/14471/balance", 2),  # a transport fault that clears by itself
    ("html_502", "/wallet/30003/balance", 2),
    ("invalid_json", "/configuration", 1),
)
PROBE_MS = 5


class WindowCount:
    """Counts the error windows on screen (top-level ``errorDialog``s) while it runs."""

    def __init__(self) -> None:
        self.most = 0
        self.seen: set[int] = set()
        self.timer = QTimer()
        self.timer.setObjectName("errorWindowProbe")
        self.timer.timeout.connect(self.look)
        self.timer.start(PROBE_MS)

    def look(self) -> None:
        shown = [
            w
            for w in QApplication.topLevelWidgets()
            if w.objectName() == "errorDialog" and w.isVisible()
        ]
        self.most = max(self.most, len(shown))
        self.seen.update(id(w) for w in shown)


@pytest.fixture
def probe(qtbot: QtBot) -> Iterator[WindowCount]:
    counting = WindowCount()
    yield counting
    counting.timer.stop()


@pytest.fixture
def application(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[Application]:
    monkeypatch.delenv("WALLET_GUI_NO_DIALOGS", raising=False)
    # Quitting asks Qt to leave app.exec(); no app.exec() runs in a test, and a standing
    # request would make every later event loop of this process return at once.
    for name in ("exit", "quit"):
        monkeypatch.setattr(QApplication, name, staticmethod(lambda *_: None))
    started = Application(app_args(demo=True, interval=1.0))
    started.start()
    assert started.presenter.show_dialogs
    yield started
    started.presenter.close_all()
    started.shutdown()
    if started.window is not None:
        started.window.close()


def first_round(qtbot: QtBot, application: Application) -> None:
    assert application.window is not None
    table = application.window.findChild(QTableWidget, "balancesTable")
    assert table is not None
    qtbot.waitUntil(lambda: table.rowCount() >= 7, timeout=15_000)


def problem_rows(application: Application) -> list[str]:
    (dialog,) = application.presenter.open_dialogs()
    table = dialog.findChild(QTableWidget, "problemList")
    assert table is not None
    return [
        f"{table.item(r, 0).text()} | {table.item(r, 2).text()}" for r in range(table.rowCount())
    ]


def test_many_faults_make_one_window_that_resolves_and_closes_by_itself(
    qtbot: QtBot, application: Application, probe: WindowCount
) -> None:
    first_round(qtbot, application)
    assert application.sandbox is not None
    assert application.poller is not None
    assert application.window is not None
    for fault, path, times in FAULTS:
        application.sandbox.faults.add(fault, path=path, times=times)
    presenter = application.presenter
    poller = application.poller
    shown: list[ErrorReport] = []
    presenter.reportShown.connect(shown.append)
    # What the window listed after each round (connected after the presenter: resolved).
    listed: list[list[str]] = []
    poller.roundFinished.connect(
        lambda _: listed.append(problem_rows(application) if presenter.open_dialogs() else [])
    )

    # Rounds on demand (within the rate budget) until every problem has healed.
    rounds = 0
    while rounds < 2 or any(p.is_open for p in presenter.problems()):
        assert rounds < 12, presenter.problems()
        with qtbot.waitSignal(poller.roundFinished, timeout=15_000):
            poller.refresh()
        rounds += 1

    # The window closed by itself: nobody pressed Close.
    qtbot.waitUntil(lambda: presenter.open_dialogs() == [], timeout=5_000)
    assert [r.code for r in shown] == ["forbidden"]  # opened once, for the one refusal
    assert probe.most == 1
    assert len(probe.seen) == 1
    # The retried faults joined the open window's list; the reset showed as resolved there
    # while the refusal was still open.
    assert any("Balance of wallet 30003: http_502" in row for rows in listed for row in rows)
    assert any(
        "Balance of wallet 14471: connection" in row and "| Resolved at" in row
        for rows in listed
        if any("forbidden" in row and "| Open since" in row for row in rows)
        for row in rows
    ), listed
    problems = presenter.problems()
    assert {p.report.kind for p in problems} >= {"api", "transport", "format"}
    assert not [p for p in problems if p.is_open]
    indicator = application.window.findChild(QToolButton, "problemsIndicator")
    assert indicator is not None
    assert not indicator.isVisibleTo(application.window)
    state = application.window.findChild(QLabel, "connectionStateLabel")
    assert state is not None
    assert state.text() == "Connected"
    assert application.window.status_line.tone is Tone.GOOD  # type: ignore[attr-defined]


def test_nothing_opens_after_quit(
    qtbot: QtBot, application: Application, probe: WindowCount
) -> None:
    first_round(qtbot, application)
    assert application.poller is not None
    assert application.window is not None
    refused = ErrorReport(
        context="Balance of wallet 14471",
        kind="api",
        message="unauthorized (HTTP 401)",
        code="unauthorized",
        status=401,
    )

    application.window.close()  # the user quits: the window closes, the poller stops
    application.poller.errorOccurred.emit(refused)  # an error still on its way arrives
    application.shutdown()
    application.presenter.present(ErrorReport.from_exception(KeyError("x"), "The app itself"))
    QApplication.processEvents()

    assert application.presenter.open_dialogs() == []
    assert probe.most == 0
    probe.look()
    assert probe.seen == set()
    assert len(application.presenter.problems()) == 2  # known and logged, just not shown
