"""Quit quits: the whole app, at once, whatever is open or in flight, and nothing opens after.

Every way out is measured: the Quit action (Ctrl+Q), the main window's close button and the
first-run screen's Esc in-process, through a real ``QApplication.exec()``, and SIGTERM on a
real ``python -m wallet_gui`` process. Each time an error window, the profile manager and
the Connect dialog (with a connection test in flight) are open, and the emulator answers
nothing for four seconds, so requests are in flight.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from tests.helpers import app_args
from tests.reliability.helpers import watch_arrivals
from wallet_gui.app import Application
from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.profiles import ProfileStore
from wallet_gui.core.reports import ErrorReport
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox

#: The limit the issue sets, from the user's Quit to the process being done.
QUIT_LIMIT_S = 0.3
#: Every answer takes this long: nothing in flight finishes by itself while quitting.
LATENCY_S = 4.0

REFUSED = ErrorReport(
    context="Balance of wallet 14471",
    kind="api",
    message="unauthorized (HTTP 401)",
    code="unauthorized",
    status=401,
)


@pytest.fixture
def slow() -> Iterator[tuple[Sandbox, list[str]]]:
    """An emulator that answers after ``LATENCY_S``, and the paths of requests as they arrive."""
    with Sandbox(latency=LATENCY_S) as sandbox:
        yield sandbox, watch_arrivals(sandbox)


@pytest.fixture
def application(
    qtbot: QtBot, slow: tuple[Sandbox, list[str]], monkeypatch: pytest.MonkeyPatch
) -> Iterator[Application]:
    """The app on a saved profile of the slow emulator, its key in the environment."""
    sandbox, _ = slow
    monkeypatch.delenv("WALLET_GUI_NO_DIALOGS", raising=False)  # error windows open here
    monkeypatch.setenv("WALLET_GUI_MAC_KEY", sandbox.clients[DEMO_CLIENT_ID])
    profiles = ProfileStore()
    profiles.save(
        ConnectionSettings(
            profile="slow", base_url=sandbox.url, client_id=DEMO_CLIENT_ID, wallet_ids=("14471",)
        )
    )
    profiles.last_used = "slow"
    made = Application(app_args())
    yield made
    made.quit()
    made.shutdown()


def visible_windows() -> list[str]:
    return sorted(
        w.objectName() or type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible()
    )


def open_everything(qtbot: QtBot, application: Application, arrivals: list[str]) -> None:
    """An error window, the profile manager, the Connect dialog testing; requests in flight."""
    window = application.window
    assert window is not None
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: any(path.endswith("/server") for path in arrivals))  # in flight
    application.presenter.present(REFUSED)
    qtbot.waitUntil(lambda: bool(application.presenter.open_dialogs()))
    window.connect_action.trigger()  # type: ignore[attr-defined]
    manager = application.flows.manager
    assert manager is not None
    manager.findChild(QPushButton, "managerEditButton").click()  # type: ignore[union-attr]
    dialog = application.flows.dialog
    assert dialog is not None
    before = len(arrivals)
    dialog.findChild(QPushButton, "testConnectionButton").click()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: len(arrivals) > before)  # the connection test's request, in flight
    assert {"errorDialog", "profileManager", "credentialsDialog", "mainWindow"} <= set(
        visible_windows()
    )


def quit_inside_exec(application: Application, how: Callable[[], object]) -> tuple[int, float]:
    """Run the real event loop, quit from inside it with ``how``; (exit status, seconds).

    The time runs from the user's action to the end of what ``run()`` does after
    ``exec()`` returns. A guard ends the loop after 5 s should quitting not.
    """
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    measured: list[float] = []

    def act() -> None:
        measured.append(time.perf_counter())
        how()

    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: app.exit(99))
    guard.start(5000)
    QTimer.singleShot(0, act)
    # Quitting must not rely on Qt's quit-on-last-window; that also leaves Qt unable to
    # activate windows in the tests that follow in this process.
    app.setQuitOnLastWindowClosed(False)
    application.ends_event_loop = True  # as run() does around exec()
    try:
        status = app.exec()
        application.shutdown()  # what run() does once exec() has returned
        elapsed = time.perf_counter() - measured[0]
    finally:
        guard.stop()
        app.setQuitOnLastWindowClosed(True)
    return status, elapsed


def assert_all_gone_and_nothing_opens(application: Application) -> None:
    assert visible_windows() == []
    assert application.poller is None or not application.poller.running
    assert [t.name for t in threading.enumerate() if t.name == "connection-test"] == []
    # An error still on its way, and a report from anywhere, open nothing any more.
    application.presenter.present(REFUSED)
    application.presenter.present(ErrorReport.from_exception(KeyError("x"), "The app itself"))
    QApplication.processEvents()
    assert visible_windows() == []
    assert application.first_run is None  # closing the dialogs did not lead back to it


@pytest.mark.parametrize("way", ["quit action", "close button"])
def test_quit_ends_the_app_at_once_with_an_error_window_open_and_a_request_in_flight(
    qtbot: QtBot, application: Application, slow: tuple[Sandbox, list[str]], way: str
) -> None:
    _, arrivals = slow
    application.start()
    window = application.window
    assert window is not None
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: any(path.endswith("/server") for path in arrivals))  # in flight
    application.presenter.present(REFUSED)
    qtbot.waitUntil(lambda: bool(application.presenter.open_dialogs()))
    quit_action = window.findChild(QAction, "quitAction")
    assert quit_action is not None

    status, elapsed = quit_inside_exec(
        application, quit_action.trigger if way == "quit action" else window.close
    )

    assert status == 0, "the app kept running"
    assert elapsed < QUIT_LIMIT_S, f"quit took {elapsed:.3f} s"
    assert_all_gone_and_nothing_opens(application)


@pytest.mark.parametrize("way", ["quit action", "close button"])
def test_quit_ends_the_app_at_once_with_every_dialog_open(
    qtbot: QtBot, application: Application, slow: tuple[Sandbox, list[str]], way: str
) -> None:
    _, arrivals = slow
    application.start()
    open_everything(qtbot, application, arrivals)
    window = application.window
    assert window is not None
    quit_action = window.findChild(QAction, "quitAction")
    assert quit_action is not None

    status, elapsed = quit_inside_exec(
        application, quit_action.trigger if way == "quit action" else window.close
    )

    assert status == 0
    assert elapsed < QUIT_LIMIT_S, f"quit took {elapsed:.3f} s"
    assert_all_gone_and_nothing_opens(application)


def test_escape_on_the_first_run_screen_quits(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WALLET_GUI_NO_DIALOGS", raising=False)
    application = Application(app_args())
    try:
        application.start()
        first_run = application.first_run
        assert first_run is not None
        qtbot.waitExposed(first_run)
        first_run.activateWindow()
        qtbot.waitUntil(first_run.isActiveWindow)

        status, elapsed = quit_inside_exec(application, first_run.close)

        assert status == 0
        assert elapsed < QUIT_LIMIT_S
        assert visible_windows() == []
    finally:
        application.quit()
        application.shutdown()


def test_a_second_quit_and_a_late_close_do_nothing(
    qtbot: QtBot, application: Application, slow: tuple[Sandbox, list[str]]
) -> None:
    application.start()
    window = application.window
    assert window is not None
    qtbot.waitExposed(window)

    application.quit()
    started = time.perf_counter()
    application.quit()
    window.close()

    assert time.perf_counter() - started < 0.05
    assert visible_windows() == []


# -- the process ------------------------------------------------------------------------------


def start_app(sandbox: Sandbox, home: Path) -> tuple[subprocess.Popen[str], list[str]]:
    """``python -m wallet_gui`` on the emulator, dialogs on; and its stderr lines as they come."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        WALLET_GUI_MAC_KEY=sandbox.clients[DEMO_CLIENT_ID],
    )
    env.pop("WALLET_GUI_NO_DIALOGS", None)
    argv = [sys.executable, "-m", "wallet_gui", "--base-url", sandbox.url]
    argv += ["--client-id", DEMO_CLIENT_ID, "--wallet", "14471"]
    process = subprocess.Popen(
        argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    lines: list[str] = []
    assert process.stderr is not None
    reader = threading.Thread(
        target=lambda: lines.extend(iter(process.stderr.readline, "")),  # type: ignore[union-attr]
        name="stderr-reader",
    )
    reader.start()
    process.reader = reader  # type: ignore[attr-defined]
    return process, lines


def signal_and_time(
    process: subprocess.Popen[str], signal_number: int, up: Callable[[], bool]
) -> tuple[int, float]:
    """Once ``up()``, send the signal; the exit status and how long the process took to end."""
    try:
        deadline = time.monotonic() + 20
        while not up() and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.01)  # another process: watching what it does is the only way to know
        assert up(), "the app never got there"
        started = time.perf_counter()
        process.send_signal(signal_number)
        status = process.wait(timeout=10)
        return status, time.perf_counter() - started
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.reader.join()  # type: ignore[attr-defined]
        assert process.stderr is not None
        process.stderr.close()


@pytest.mark.parametrize("signal_number", [signal.SIGTERM, signal.SIGINT], ids=["TERM", "INT"])
def test_the_process_ends_at_once_on_a_signal_with_a_request_in_flight(
    slow: tuple[Sandbox, list[str]], tmp_path: Path, signal_number: signal.Signals
) -> None:
    sandbox, arrivals = slow
    process, err = start_app(sandbox, tmp_path)

    # Up once its first request reached the emulator; every answer being four seconds
    # away, that request is in flight.
    status, elapsed = signal_and_time(process, signal_number, lambda: bool(arrivals))

    assert status == 0, "".join(err)
    assert elapsed < QUIT_LIMIT_S, f"the process took {elapsed:.3f} s to end"
    assert not [line for line in err if "Traceback" in line or "QThread: Destroyed" in line]


def test_the_process_ends_at_once_on_sigterm_with_an_error_window_open(tmp_path: Path) -> None:
    with Sandbox() as sandbox:
        sandbox.faults.add("unauthorized", path="/configuration", times=None)  # needs the user
        sandbox.faults.add("slow", path="/balance", times=None, seconds=30)
        arrivals = watch_arrivals(sandbox)
        process, err = start_app(sandbox, tmp_path)

        def up() -> bool:
            reported = any("Configuration (GET /configuration)" in line for line in list(err))
            return reported and any(path.endswith("/balance") for path in list(arrivals))

        status, elapsed = signal_and_time(process, signal.SIGTERM, up)

    assert status == 0, "".join(err)
    assert elapsed < QUIT_LIMIT_S, f"the process took {elapsed:.3f} s to end"
