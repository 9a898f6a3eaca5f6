"""Shared fixtures: Qt without a screen, the emulator, isolation and leak checks.

Every test runs with its own HOME/XDG folders and its own QSettings location, so no test
can read or write the developer's real settings; the OS keyring is only touched by tests
marked ``keyring``, which run against the throwaway Secret Service that ``.ci/test`` starts.

Every test must also leave the process as it found it: a test that leaves a Python thread
running, a socket open or (with ``qtbot``) a QTimer ticking fails at teardown, so that a
leak is blamed on the test that made it rather than on whichever test later trips over it.
This file must not import Qt at module level: the Qt-free folders (api, clock, core,
sandbox) also run where PySide6 is not installed.
"""

from __future__ import annotations

import gc
import os
import threading
import time
import weakref

# Qt aborts the process (not an exception) when it has no platform: set it before any import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest

from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox

# Pick the OS keyring now: keyring chains every backend class it knows at its first use,
# and test modules define small backend classes of their own that must not join the chain.
keyring.get_keyring()


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))  # the history database
    monkeypatch.delenv("WALLET_GUI_MAC_KEY", raising=False)


# -- leak checks -----------------------------------------------------------------------------

#: How long, in all, threads that are finishing get to end before they count as leaked.
THREAD_GRACE_S = 1.0
_FD_FOLDER = Path("/proc/self/fd")


def _sockets_open() -> set[tuple[str, str]]:
    """(descriptor, ``socket:[inode]``) of every open socket; empty where /proc is missing."""
    found: set[tuple[str, str]] = set()
    try:
        names = os.listdir(_FD_FOLDER)
    except OSError:
        return found
    for name in names:
        try:
            target = os.readlink(_FD_FOLDER / name)
        except OSError:
            continue  # the descriptor listdir itself used, already closed
        if target.startswith("socket:"):
            found.add((name, target))
    return found


@pytest.fixture(autouse=True)
def _no_leaked_sockets() -> Iterator[None]:
    """Fail a test that leaves sockets open (checked after the thread check below)."""
    before = _sockets_open()
    yield
    leaked = _sockets_open() - before
    if leaked:
        # A socket only garbage can reach is closed by collecting it (with a ResourceWarning
        # that pytest reports); one something still holds stays open and is the leak.
        gc.collect()
        leaked = _sockets_open() - before
    if leaked:
        pytest.fail(f"the test left {len(leaked)} socket(s) open", pytrace=False)


def _is_foreign(thread: threading.Thread) -> bool:
    # Threads Python did not start (Qt's, for one) show up as dummies once they run Python
    # code, and they stay listed forever: they are not this test's to join.
    return isinstance(thread, threading._DummyThread)


@pytest.fixture(autouse=True)
def _no_leaked_threads(_no_leaked_sockets: None) -> Iterator[None]:
    """Fail a test that leaves Python threads running; finishing ones get a bounded chance."""
    before = set(threading.enumerate())
    yield
    new = [t for t in threading.enumerate() if t not in before and not _is_foreign(t)]
    deadline = time.monotonic() + THREAD_GRACE_S
    for thread in new:
        thread.join(max(0.0, deadline - time.monotonic()))
    leaked = [thread.name for thread in new if thread.is_alive()]
    if leaked:
        pytest.fail(
            f"the test left {len(leaked)} thread(s) running: {', '.join(sorted(leaked))}",
            pytrace=False,
        )


@pytest.fixture(autouse=True)
def _no_leaked_qtimers(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a ``qtbot`` test that leaves a QTimer it created still active."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    import shiboken6  # here, not at the top: Qt-free test runs have no PySide6
    from PySide6.QtCore import QCoreApplication, QEvent, QTimer

    def live_timers() -> list[QTimer]:
        return [o for o in gc.get_objects() if isinstance(o, QTimer) and shiboken6.isValid(o)]

    before: weakref.WeakSet[QTimer] = weakref.WeakSet(live_timers())
    yield
    # What the test scheduled for deletion (deleteLater) goes first, as the event loop would.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # And Qt objects only garbage holds die now, here on the GUI thread: left to a later
    # collection, they could be destroyed on whichever thread happens to trigger it (a
    # fetch thread of the next test), and a QObject destroyed off its thread corrupts Qt.
    gc.collect()
    leaked = [
        timer
        for timer in live_timers()
        if timer not in before and shiboken6.isValid(timer) and timer.isActive()
    ]
    if leaked:
        names = ", ".join(sorted(_describe_timer(timer) for timer in leaked))
        pytest.fail(f"the test left {len(leaked)} QTimer(s) active: {names}", pytrace=False)


def _describe_timer(timer: Any) -> str:
    """``name (every 1000 ms, child of MainWindow)``: enough to find where it was made."""
    parent = timer.parent()
    owner = f"child of {type(parent).__name__}" if parent is not None else "no parent"
    period = "single shot after" if timer.isSingleShot() else "every"
    return f"{timer.objectName() or 'unnamed'} ({period} {timer.interval()} ms, {owner})"


# -- the emulator ------------------------------------------------------------------------------


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    """A fresh emulator on 127.0.0.1 with the demo data and one MAC client."""
    with Sandbox(seed=1) as server:
        yield server


@pytest.fixture
def demo_key(sandbox: Sandbox) -> str:
    return sandbox.clients[DEMO_CLIENT_ID]


@pytest.fixture
def secret_service() -> None:
    """Require a real Secret Service keyring: fail in CI (it was promised), skip elsewhere."""
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if "SecretService" in name:
        return
    if os.environ.get("WALLET_GUI_REAL_KEYRING") == "1":
        pytest.fail(f"a Secret Service keyring was promised but the backend is {name}")
    pytest.skip(f"no Secret Service keyring here ({name}); run through .ci/test")


@pytest.fixture
def speak(qapp: Any) -> Iterator[Any]:
    """``speak("ru")`` installs a language for the test; English and the locale come back.

    Qt is imported here, not at the top: the Qt-free run loads this file without PySide6.
    """
    from PySide6.QtCore import QLocale

    from wallet_gui.ui import i18n

    previous = QLocale()

    def install(language: str) -> None:
        assert i18n.install_translators(qapp, language) == language

    yield install
    i18n.remove_translators(qapp)
    QLocale.setDefault(previous)
