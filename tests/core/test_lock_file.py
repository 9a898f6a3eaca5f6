"""The settings file's lock across real processes: waiting, taking over a dead owner's lock,
and two processes saving profiles at the same moment without losing either's change.

Qt's own ``QLockFile`` and ``QSettings`` against the same lock are in
``tests/app/test_profiles_lock_compat.py``; these run without Qt.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from wallet_gui.core import lock_file
from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.lock_file import LockBusyError, held
from wallet_gui.core.profiles import ProfileStore, ProfileStoreError

#: Holds the lock file argv[1] until a line arrives on stdin; says "held" once it has it.
HOLDER = """
import sys
from pathlib import Path
from wallet_gui.core.lock_file import held
with held(Path(sys.argv[1])):
    print("held", flush=True)
    sys.stdin.readline()
print("released", flush=True)
"""

#: Saves argv[3] profiles named argv[2]0, argv[2]1, … into argv[1] once told to go.
SAVER = """
import sys
from pathlib import Path
from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.profiles import ProfileStore
store = ProfileStore(Path(sys.argv[1]))
print("ready", flush=True)
sys.stdin.readline()
for i in range(int(sys.argv[3])):
    store.save(ConnectionSettings(profile=f"{sys.argv[2]}{i}", client_id=f"client-{i}"))
"""


def _python(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


@contextmanager
def held_elsewhere(path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holds the lock ``path`` for the ``with`` block."""
    with _python(HOLDER, str(path)) as holder:  # closes the pipes and waits on the way out
        assert holder.stdout is not None
        assert holder.stdin is not None
        try:
            assert holder.stdout.readline().strip() == "held"
            yield holder
        finally:
            if holder.poll() is None and not holder.stdin.closed:
                holder.stdin.write("release\n")
                holder.stdin.flush()


def _dead_pid() -> int:
    """The pid of a process that has exited (and been reaped)."""
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], check=True,
                              capture_output=True, text=True)  # fmt: skip
    return int(finished.stdout)


def _machine_id() -> str:
    """As QSysInfo reads it; a container may have none."""
    for source in (Path("/etc/machine-id"), Path("/var/lib/dbus/machine-id")):
        if source.exists():
            return source.read_text().strip()
    return ""


def _lock_of(pid: int, boot: str | None = None) -> bytes:
    """A lock file's content as ``pid``, running this test's program, would write it."""
    boot_id = Path("/proc/sys/kernel/random/boot_id").read_text().strip() if boot is None else boot
    machine = _machine_id()
    program = Path(os.readlink("/proc/self/exe")).name
    return f"{pid}\n{program}\n{socket.gethostname()}\n{machine}\n{boot_id}\n".encode()


def test_the_lock_names_its_owner_as_qlockfile_does_and_goes_when_released(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini.lock"
    with held(path):
        lines = path.read_text(encoding="utf-8").split("\n")
        assert lines[0] == str(os.getpid())
        assert lines[1] == Path(os.readlink("/proc/self/exe")).name
        assert lines[2] == socket.gethostname()
        assert lines[3] == _machine_id()
        assert lines[4] == Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    assert not path.exists()


def test_a_lock_held_by_a_running_process_is_waited_for_then_given_up(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini.lock"
    with held_elsewhere(path) as holder:
        started = time.monotonic()
        busy = r"another program held settings\.ini\.lock"
        with pytest.raises(LockBusyError, match=busy), held(path, wait=0.3):
            pytest.fail("the lock was taken from a live holder")
        assert time.monotonic() - started >= 0.3
        assert holder.poll() is None
    with held(path, wait=0.0):  # free again once the holder let go
        assert path.exists()


def test_a_lock_is_taken_as_soon_as_its_holder_lets_go(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini.lock"
    with held_elsewhere(path) as holder:
        assert holder.stdin is not None
        assert holder.stdout is not None
        holder.stdin.write("release\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "released"
        with held(path, wait=0.0):
            assert path.read_text().split("\n")[0] == str(os.getpid())


def test_a_pid_now_running_another_program_is_a_dead_owner(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini.lock"
    with subprocess.Popen(["sleep", "60"]) as other:
        try:
            path.write_bytes(_lock_of(other.pid))  # says python; the pid runs sleep
            with held(path, wait=0.0):
                assert path.read_text().split("\n")[0] == str(os.getpid())
        finally:
            other.kill()


def test_the_lock_of_a_process_that_died_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini.lock"
    path.write_bytes(_lock_of(_dead_pid()))
    with held(path, wait=0.0):
        assert path.read_text().split("\n")[0] == str(os.getpid())


def test_a_lock_from_before_the_last_boot_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini.lock"
    path.write_bytes(_lock_of(os.getpid(), boot="00000000-0000-0000-0000-000000000000"))
    with held(path, wait=0.0):
        assert path.read_text().split("\n")[0] == str(os.getpid())


def test_an_unheld_lock_of_a_live_process_stands_until_it_is_stale(tmp_path: Path) -> None:
    # A live owner without its flock: between creating the file and locking it, or another
    # machine's process on a shared folder. Only age makes it stale, as for QLockFile.
    path = tmp_path / "settings.ini.lock"
    path.write_bytes(_lock_of(os.getpid()))  # this process runs, and without a flock on it
    with pytest.raises(LockBusyError), held(path, wait=0.1):
        pytest.fail("a live process's lock was taken")
    old = time.time() - lock_file.STALE_AFTER_S - 5
    os.utime(path, (old, old))
    with held(path, wait=0.0):
        assert path.read_text().split("\n")[0] == str(os.getpid())


def test_two_processes_saving_at_once_keep_every_profile(tmp_path: Path) -> None:
    # Without the lock, each process rewrote the file from the copy it had read, and about
    # half of the profiles were lost (40 of 80 in three runs out of three).
    path = tmp_path / "wallet-gui.ini"
    with (
        _python(SAVER, str(path), "a", "40") as first,
        _python(SAVER, str(path), "b", "40") as second,
    ):
        savers = (first, second)
        for saver in savers:
            assert saver.stdout is not None
            assert saver.stdout.readline().strip() == "ready"
        for saver in savers:
            assert saver.stdin is not None
            saver.stdin.write("go\n")
            saver.stdin.flush()
        assert [saver.wait(timeout=60) for saver in savers] == [0, 0]
    names = ProfileStore(path).names()
    assert sorted(names) == sorted(f"{tag}{i}" for tag in "ab" for i in range(40))
    assert not (tmp_path / "wallet-gui.ini.lock").exists()


def test_a_save_that_cannot_get_the_lock_fails_clearly_and_changes_nothing(
    tmp_path: Path,
) -> None:
    path = tmp_path / "wallet-gui.ini"
    store = ProfileStore(path, lock_wait=0.2)
    store.save(ConnectionSettings(profile="kept", client_id="one"))
    before = path.read_bytes()
    with held_elsewhere(tmp_path / "wallet-gui.ini.lock"):
        with pytest.raises(ProfileStoreError) as caught:
            store.save(ConnectionSettings(profile="new", client_id="two"))
        assert str(caught.value) == (
            f"cannot save profile 'new' to {path}: another program held wallet-gui.ini.lock "
            "for 0.2 s"
        )
        with pytest.raises(ProfileStoreError):
            store.delete("kept")
    assert path.read_bytes() == before
    store.save(ConnectionSettings(profile="new", client_id="two"))
    assert store.names() == ["kept", "new"]
