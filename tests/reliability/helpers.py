"""Helpers shared by the reliability tests: resource readings, secret scans, app arguments.

Resource readings separate what the app holds from what the in-process emulator holds: the
emulator's handler threads and its server-side sockets come and go with each connection, so
a test that asks "did the app leak?" subtracts them (by thread name, and by matching socket
inodes against ``/proc/net/tcp`` entries whose local port is the emulator's).
"""

from __future__ import annotations

import gc
import os
import re
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from wallet_gui.sandbox import Sandbox

# -- secrets ---------------------------------------------------------------------------------


def key_fragments(key: str, width: int = 12) -> list[str]:
    """The key and every ``width``-character piece of it: a cut-off key is still a leak."""
    if len(key) <= width:
        return [key]
    return [key] + [key[i : i + width] for i in range(len(key) - width + 1)]


def leaked_fragments(text: str | bytes, key: str) -> list[str]:
    """Which pieces of ``key`` occur in ``text`` (empty: no leak)."""
    if isinstance(text, bytes):
        return [f for f in key_fragments(key) if f.encode() in text]
    return [f for f in key_fragments(key) if f in text]


def files_with_key(root: Path, key: str) -> list[str]:
    """Every file under ``root`` whose bytes contain the key or a piece of it."""
    hits = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            found = leaked_fragments(path.read_bytes(), key)
            if found:
                hits.append(f"{path}: {found[:3]}")
    return hits


# -- resources -------------------------------------------------------------------------------


def _is_emulator_thread(thread: threading.Thread) -> bool:
    return thread.name == "wallet-sandbox" or "process_request_thread" in thread.name


def _is_clock_pool_thread(thread: threading.Thread) -> bool:
    """A thread of a monitor's clock probe pool (``wallet-clock_N``). A burst's own thread
    (``wallet-clock-burst``) is not one: it ends with its burst, so it counts as any other."""
    return re.fullmatch(r"wallet-clock_\d+", thread.name) is not None


def _socket_inodes_on_local_port(port: int) -> set[str]:
    inodes: set[str] = set()
    for table in ("/proc/self/net/tcp", "/proc/self/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            local_port = int(fields[1].rsplit(":", 1)[1], 16)
            if local_port == port:
                inodes.add(fields[9])
    return inodes


@dataclass(frozen=True)
class Resources:
    """One reading of the process: threads, descriptors, memory."""

    python_threads: int  # threading.active_count()
    tasks: int  # native threads, /proc/self/task (Qt's threads included)
    fds: int  # /proc/self/fd
    sockets: int  # of which sockets
    rss_kib: int  # VmRSS
    emulator_threads: int  # the in-process emulator's share of ``tasks``
    emulator_fds: int  # the in-process emulator's share of ``fds`` (server-side sockets)
    #: The app's clock pool threads among ``tasks``: each monitor's probe pool grows up to
    #: its burst width as bursts need it (a bounded pool, not a leak).
    clock_threads: int = 0

    @property
    def app_tasks(self) -> int:
        return self.tasks - self.emulator_threads

    @property
    def app_tasks_but_clock(self) -> int:
        """The app's threads other than its bounded clock pools: these must stay flat."""
        return self.app_tasks - self.clock_threads

    @property
    def app_fds(self) -> int:
        return self.fds - self.emulator_fds

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "app_tasks": self.app_tasks, "app_fds": self.app_fds}


def measure(emulator: Sandbox | None = None) -> Resources:
    """Read the process's resources now (after a garbage collection)."""
    gc.collect()
    emulator_threads = sum(1 for t in threading.enumerate() if _is_emulator_thread(t))
    tasks = len(os.listdir("/proc/self/task"))
    server_inodes = _socket_inodes_on_local_port(emulator.port) if emulator is not None else set()
    fds = sockets = emulator_fds = 0
    for name in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{name}")
        except OSError:
            continue  # the descriptor listdir itself used, already closed
        fds += 1
        if target.startswith("socket:["):
            sockets += 1
            if target[len("socket:[") : -1] in server_inodes:
                emulator_fds += 1
    rss_kib = 0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            rss_kib = int(line.split()[1])
    return Resources(
        python_threads=threading.active_count(),
        tasks=tasks,
        fds=fds,
        sockets=sockets,
        rss_kib=rss_kib,
        emulator_threads=emulator_threads,
        emulator_fds=emulator_fds,
        clock_threads=sum(1 for t in threading.enumerate() if _is_clock_pool_thread(t)),
    )


# -- the emulator ----------------------------------------------------------------------------


def watch_arrivals(sandbox: Sandbox) -> list[str]:
    """The paths of requests as they reach the emulator (before any latency or fault).

    ``Sandbox.records`` are written when an answer is decided, which for a ``slow`` fault
    is only after the wait; a shutdown test needs to know that requests are in flight.
    """
    arrivals: list[str] = []
    take = sandbox.faults.take

    def recording_take(path: str) -> tuple[str, dict[str, Any]] | None:
        arrivals.append(path)
        return take(path)

    sandbox.faults.take = recording_take  # type: ignore[method-assign]
    return arrivals


def busiest_window(times: list[float], window: float) -> int:
    """The most events in any ``window`` seconds: what a sliding rate limit counts."""
    times = sorted(times)
    best, start = 0, 0
    for end, t in enumerate(times):
        while times[start] <= t - window:
            start += 1
        best = max(best, end - start + 1)
    return best
