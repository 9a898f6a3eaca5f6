"""The Qt-free profile store and Qt's own ``QLockFile`` and ``QSettings`` honour one lock.

``QSettings`` holds ``<file>.lock`` while it rewrites the settings file; the store holds the
same lock file (``wallet_gui.core.lock_file``) around its own rewrites. Each side must see the
other's lock as held while it is, and as stale once its process is gone.
"""

from __future__ import annotations

import os
import select
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile

from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.lock_file import held
from wallet_gui.core.profiles import ProfileStore, ProfileStoreError

#: Writes a key with QSettings into argv[1] (which takes argv[1].lock) and says "synced".
QSETTINGS_WRITER = """
import sys
from PySide6.QtCore import QSettings
settings = QSettings(sys.argv[1], QSettings.Format.IniFormat)
print("started", flush=True)
settings.setValue("window/state", "from QSettings")
settings.sync()
print("synced", int(settings.status().value), flush=True)
"""

#: Takes argv[1] with QLockFile, says "held", and dies without releasing it.
QLOCKFILE_DIER = """
import os, sys
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1])
assert lock.tryLock(0)
print("held", flush=True)
os._exit(0)
"""


def _line_within(process: subprocess.Popen[str], seconds: float) -> str | None:
    """The next line ``process`` prints within ``seconds``, or ``None`` if it prints none."""
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], seconds)
    return process.stdout.readline().strip() if ready else None


def test_qlockfile_sees_the_stores_lock_as_held_with_its_owner(tmp_path: Path) -> None:
    path = tmp_path / "wallet-gui.ini.lock"
    with held(path):
        lock = QLockFile(str(path))
        assert not lock.tryLock(0)
        assert lock.error() == QLockFile.LockError.LockFailedError
        lock.setStaleLockTime(1)  # even "stale" by age: Qt does not break a flock-ed lock
        assert not lock.tryLock(100)
        pid, host, program = lock.getLockInfo()
        assert (pid, host) == (os.getpid(), socket.gethostname())
        assert program == Path(os.readlink("/proc/self/exe")).name
    lock = QLockFile(str(path))
    assert lock.tryLock(0)
    lock.unlock()


def test_the_store_waits_for_a_qlockfile_and_saves_once_it_is_released(tmp_path: Path) -> None:
    path = tmp_path / "wallet-gui.ini"
    store = ProfileStore(path, lock_wait=0.2)
    lock = QLockFile(f"{path}.lock")
    assert lock.tryLock(0)
    with pytest.raises(ProfileStoreError, match=r"another program held wallet-gui\.ini\.lock"):
        store.save(ConnectionSettings(profile="shop", client_id="one"))
    assert not path.exists()
    lock.unlock()
    store.save(ConnectionSettings(profile="shop", client_id="one"))
    assert store.names() == ["shop"]


def test_the_store_takes_over_the_lock_of_a_qt_process_that_died(tmp_path: Path) -> None:
    path = tmp_path / "wallet-gui.ini"
    with subprocess.Popen(
        [sys.executable, "-c", QLOCKFILE_DIER, f"{path}.lock"], stdout=subprocess.PIPE, text=True
    ) as dier:
        assert _line_within(dier, 30) == "held"
        assert dier.wait(timeout=30) == 0
    assert Path(f"{path}.lock").exists()  # left behind
    ProfileStore(path, lock_wait=0.0).save(ConnectionSettings(profile="shop", client_id="one"))
    assert ProfileStore(path).names() == ["shop"]


def test_qsettings_waits_for_the_store_and_both_changes_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "wallet-gui.ini"
    store = ProfileStore(path)
    store.save(ConnectionSettings(profile="shop", client_id="one"))
    with subprocess.Popen(
        [sys.executable, "-c", QSETTINGS_WRITER, str(path)], stdout=subprocess.PIPE, text=True
    ) as writer:
        with held(Path(f"{path}.lock")):
            assert _line_within(writer, 30) == "started"
            # While the lock is held, QSettings cannot write (it waits in QLockFile::lock).
            assert _line_within(writer, 0.5) is None
            assert writer.poll() is None
        assert _line_within(writer, 30) == "synced 0"  # QSettings.Status.NoError
        assert writer.wait(timeout=30) == 0
    assert "from QSettings" in path.read_text(encoding="utf-8")
    assert ProfileStore(path).load("shop") == ConnectionSettings(profile="shop", client_id="one")
