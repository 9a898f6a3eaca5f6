"""A lock file that Qt's ``QLockFile`` honours, without Qt: ``<settings file>.lock``.

The window's ``QSettings`` and the Qt-free ``ProfileStore`` both rewrite the settings file
(read, change, replace). ``QSettings`` holds ``<file>.lock`` (a ``QLockFile``) for each such
rewrite; holding the same lock around the store's rewrites keeps two processes (two
windows, or a window and a tool) from reading the same copy and dropping each other's
change.

The protocol is ``QLockFile``'s on Unix, and tested against the real one: the lock is the
file, created exclusively, holding its owner's process id, application name, host name,
machine id and boot id, one per line, and kept ``flock``-ed while it is held. A lock whose
owner is gone (no ``flock`` on it, and its process not running on this machine or older
than ``STALE_AFTER_S``) is stale and is taken over, as Qt does.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # not on Unix: exclusive creation and the age alone decide
    fcntl = None  # type: ignore[assignment]

#: ``QLockFile``'s default stale time, which ``QSettings`` uses.
STALE_AFTER_S = 30.0
#: How long a rewrite waits for another program's (each holds it for milliseconds); the
#: window waits on its GUI thread, so a hung holder costs this long, then a clear error.
DEFAULT_WAIT_S = 5.0
_RETRY_S = 0.02


class LockBusyError(OSError):
    """Another program held the lock for longer than we were willing to wait."""

    def __init__(self, path: Path, waited: float) -> None:
        super().__init__(f"another program held {path.name} for {waited:g} s")
        self.path = path


def _first_line(path: str) -> str:
    with contextlib.suppress(OSError):
        return Path(path).read_text(encoding="ascii", errors="replace").strip()
    return ""


def _machine_id() -> str:
    """``QSysInfo::machineUniqueId()``'s source on Linux."""
    return _first_line("/etc/machine-id") or _first_line("/var/lib/dbus/machine-id")


def _boot_id() -> str:
    return _first_line("/proc/sys/kernel/random/boot_id")


def _program_name(pid: int | str) -> str:
    """The running program's file name, as ``QLockFile`` compares it ("" if unknown)."""
    with contextlib.suppress(OSError):
        return Path(os.readlink(f"/proc/{pid}/exe")).name
    return ""


def _contents() -> bytes:
    """What ``QLockFile`` writes: pid, program, host, machine id, boot id, one per line."""
    program = _program_name("self") or Path(sys.executable or "python").name
    lines = (str(os.getpid()), program, socket.gethostname(), _machine_id(), _boot_id())
    return "".join(f"{line}\n" for line in lines).encode("utf-8", "replace")


def _running(pid: int, program: str) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it runs
        return True
    running = _program_name(pid)
    return not running or not program or running == Path(program).name  # else a reused pid


def _owner_gone(data: bytes) -> bool:
    """True when the lock's owner, as ``data`` names it, ran on this machine and is gone."""
    lines = [*data.decode("utf-8", "replace").split("\n"), "", "", "", "", ""]
    pid, program, host, machine, boot = lines[:5]
    if not pid.isdigit() or int(pid) <= 0:
        return False
    same_host = not host or host == socket.gethostname()
    if machine and _machine_id():
        same_host = machine == _machine_id()
    if not same_host:
        return False
    if boot and boot != _boot_id():
        return True  # written before this machine's last boot
    return not _running(int(pid), program)


def _take_over_if_stale(path: Path) -> bool:
    """Remove ``path`` if its owner is gone; True if it was removed (or already was)."""
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return True
    try:
        if fcntl is not None:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False  # its owner holds it
        status = os.fstat(descriptor)
        data = os.read(descriptor, 4096)
        old = time.time() - status.st_mtime > STALE_AFTER_S
        if not (old or _owner_gone(data)):
            return False  # between its creation and its flock, or on another machine
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        return True
    finally:
        os.close(descriptor)


@contextlib.contextmanager
def held(path: Path, wait: float = DEFAULT_WAIT_S) -> Iterator[None]:
    """Hold the lock file ``path`` for the ``with`` block, waiting up to ``wait`` seconds.

    Raises ``LockBusyError`` when another program kept it longer, and the ``OSError`` of a
    folder that cannot hold it. Not reentrant.
    """
    deadline = time.monotonic() + wait
    while True:
        try:
            descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o666)
            break
        except FileExistsError:
            if _take_over_if_stale(path):
                continue
            if time.monotonic() >= deadline:
                raise LockBusyError(path, wait) from None
            time.sleep(_RETRY_S)  # the holder is another process: nothing to wait on
    try:
        if fcntl is not None:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.write(descriptor, _contents())
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        os.close(descriptor)


__all__ = ["DEFAULT_WAIT_S", "STALE_AFTER_S", "LockBusyError", "held"]
