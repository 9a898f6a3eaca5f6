"""One window per user and settings file: a second launch brings the first to the front.

Over real local sockets: in-process guards for the claim itself, the composition root's
flows for what "to the front" means, and two real ``wallet-gui`` processes end to end.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from tests.app.test_app_flows import MemoryKeyring, memory_keyring  # noqa: F401 - fixture
from tests.helpers import app_args, process_env
from wallet_gui.app import Application
from wallet_gui.core.app_identity import instance_server_path
from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.profiles import settings_path
from wallet_gui.qt.single_instance import ALREADY_RUNNING, SingleInstance
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox


@pytest.fixture
def guards() -> Iterator[list[SingleInstance]]:
    """Guards made by the test, released (their sockets closed) when it ends."""
    made: list[SingleInstance] = []
    yield made
    for guard in made:
        guard.release()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _guard(guards: list[SingleInstance], *, off: bool = False) -> SingleInstance:
    guard = SingleInstance(settings_path(), off=off)
    guards.append(guard)
    return guard


def test_a_second_claim_reaches_the_first_which_is_asked_to_come_forward(
    qtbot: QtBot, guards: list[SingleInstance], capsys: pytest.CaptureFixture[str]
) -> None:
    first = _guard(guards)
    assert first.claim()
    assert first.listening
    assert first.path == instance_server_path(settings_path())
    with qtbot.waitSignal(first.activated, timeout=5000) as plain:
        assert not _guard(guards).claim()
    assert plain.args == [""]
    assert capsys.readouterr().err == f"{ALREADY_RUNNING} (--new-instance starts another)\n"
    with qtbot.waitSignal(first.activated, timeout=5000) as named:
        assert not _guard(guards).claim("Šiauliai shop")
    assert named.args == ["Šiauliai shop"]
    assert "to monitor profile 'Šiauliai shop'" in capsys.readouterr().err
    first.release()
    assert not first.path.exists()  # the socket file goes with the window
    assert _guard(guards).claim()  # and the next launch is the window


@pytest.mark.parametrize(
    ("sent", "profile"),
    [
        (b"\xff\xfe not UTF-8\n", ""),
        (b"[1, 2]\n", ""),
        (b'{"profile": 7}\n', ""),
        (b'{"profile": "a/b"}\n', ""),  # no saved profile has a slash in its name
        (b"x" * 10_000, ""),
        (b'{"profile": "shop"}', "shop"),  # no line end: hanging up ends the request
    ],
)
def test_what_a_launch_sends_is_read_and_anything_unreadable_names_no_profile(
    qtbot: QtBot, guards: list[SingleInstance], sent: bytes, profile: str
) -> None:
    from PySide6.QtNetwork import QLocalSocket

    first = _guard(guards)
    assert first.claim()
    client = QLocalSocket()
    with qtbot.waitSignal(first.activated, timeout=5000) as asked:
        client.connectToServer(str(first.path))
        assert client.waitForConnected(5000)
        client.write(sent)
        client.waitForBytesWritten(5000)
        client.disconnectFromServer()
    assert asked.args == [profile]
    client.close()


def test_another_settings_file_is_another_window(
    guards: list[SingleInstance], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _guard(guards).claim()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "elsewhere"))
    other = _guard(guards)
    assert other.claim()
    assert other.listening


def test_off_claims_without_listening(guards: list[SingleInstance]) -> None:
    assert _guard(guards).claim()
    demo = _guard(guards, off=True)
    assert demo.claim()  # the demo, --new-instance: whatever runs already
    assert not demo.listening


def test_the_socket_file_of_a_crashed_window_is_taken_over(guards: list[SingleInstance]) -> None:
    path = instance_server_path(settings_path())
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as dead:
        dead.bind(str(path))  # bound, never listening: as a killed window leaves it
    assert path.exists()
    guard = _guard(guards)
    assert guard.claim()
    assert guard.listening


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give a file to another user")
def test_a_socket_file_of_another_user_is_not_trusted(guards: list[SingleInstance]) -> None:
    path = instance_server_path(settings_path())
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as impostor:
        impostor.bind(str(path))
        impostor.listen()
        impostor.setblocking(False)
        os.chown(path, 65534, 65534)  # nobody's, answering as "the running window"
        guard = _guard(guards)
        assert guard.claim()  # a window all the same: not kept from starting
        assert not guard.listening
        with pytest.raises(BlockingIOError):
            impostor.accept()  # and nothing was said to it
    path.unlink()


def test_to_the_front_shows_the_first_run_screen_and_a_window_hidden_in_the_tray(
    qtbot: QtBot,
) -> None:
    first_run_app = Application(app_args())
    try:
        first_run_app.start()  # no profile saved: the first-run screen
        screen = first_run_app.first_run
        assert screen is not None
        screen.showMinimized()
        qtbot.waitUntil(screen.isMinimized)
        first_run_app.window_flows.bring_to_front()
        qtbot.waitUntil(lambda: screen.isVisible() and not screen.isMinimized())
    finally:
        first_run_app.shutdown()
        first_run_app.flows.close_all()
    demo = Application(app_args(demo=True))
    try:
        demo.start()
        window = demo.window
        assert window is not None
        demo.window_flows.hide_window()
        assert not window.isVisible()
        demo.window_flows.bring_to_front()
        assert window.isVisible()
        assert not demo.window_flows.hidden_to_tray
    finally:
        demo.presenter.close_all()
        demo.shutdown()
        window = demo.window
        if window is not None:
            window.close()


def test_to_the_front_on_another_saved_profile_switches_to_it(
    qtbot: QtBot,
    sandbox: Sandbox,
    memory_keyring: MemoryKeyring,  # noqa: F811 - the profiles' keys, kept out of the OS keyring
) -> None:
    application = Application(app_args())
    try:
        application.presenter.show_dialogs = False
        key = sandbox.clients[DEMO_CLIENT_ID]
        for name in ("shop", "other"):
            settings = ConnectionSettings(
                profile=name, base_url=sandbox.url, client_id=DEMO_CLIENT_ID, wallet_ids=("14471",)
            )
            application.save_and_connect(settings, key)
        assert application.current_profile == "other"
        application.window_flows.bring_to_front("shop")
        assert application.current_profile == "shop"
        assert application.window is not None
        assert application.window.isVisible()
        application.window_flows.bring_to_front("missing")
        assert application.current_profile == "shop"  # kept, and the user is told why
        (warning,) = [r for r in application.presenter.reports if r.context.startswith("Cannot")]
        assert warning.context == "Cannot open the profile"
        assert warning.message == "no profile named 'missing'"
    finally:
        application.presenter.close_all()
        application.shutdown()
        application.flows.close_all()
        if application.window is not None:
            application.window.close()


# -- two real processes ------------------------------------------------------------------

#: The real entry point, saying when it listens and when it is asked to come forward.
_WINDOW = """
import sys
from wallet_gui.app_window import WindowFlows
from wallet_gui.cli import main
from wallet_gui.qt.single_instance import SingleInstance

listen, forward = SingleInstance._listen, WindowFlows.bring_to_front

def said_listen(self):
    done = listen(self)
    print("listening", flush=True)
    return done

def said_forward(self, profile=""):
    forward(self, profile)
    print("to the front:", profile or "-", self._app.current_profile or "-", flush=True)

SingleInstance._listen, WindowFlows.bring_to_front = said_listen, said_forward
sys.exit(main(sys.argv[1:]))
"""


def test_a_second_wallet_gui_brings_the_first_forward_and_exits(tmp_path: Path) -> None:
    env = process_env(tmp_path, WALLET_GUI_NO_DIALOGS="1")
    with subprocess.Popen(
        [sys.executable, "-c", _WINDOW], env=env, stdout=subprocess.PIPE, text=True
    ) as first:
        assert first.stdout is not None
        try:
            assert first.stdout.readline().strip() == "listening"
            second = subprocess.run(
                [sys.executable, "-m", "wallet_gui"],
                env=env, capture_output=True, text=True, timeout=60, check=False,
            )  # fmt: skip
            assert (second.returncode, second.stdout) == (0, "")
            assert ALREADY_RUNNING in second.stderr
            assert first.stdout.readline().strip() == "to the front: - -"  # the first-run screen
            named = subprocess.run(
                [sys.executable, "-m", "wallet_gui", "--profile", "nowhere"],
                env=env, capture_output=True, text=True, timeout=60, check=False,
            )  # fmt: skip
            assert named.returncode == 0
            assert "to monitor profile 'nowhere'" in named.stderr
            assert first.stdout.readline().strip() == "to the front: nowhere -"  # no such one
            assert first.poll() is None  # the first window runs on
        finally:
            first.send_signal(signal.SIGTERM)  # quits the way Quit does
        assert first.wait(timeout=30) == 0
