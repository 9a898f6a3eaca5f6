"""One export of the stored history to a CSV file, stoppable from another thread.

The window runs it on a thread of its own (``qt/export_job.py``); it is Qt-free so that it
can be tested, and reasoned about, without a window. What it writes is what
``wallet-gui history export`` writes: the same rows (``core.history.export_rows``), the same
columns and the same defence against spreadsheet formulas (``core.history.export``).

* Its own connection: an ``sqlite3`` connection belongs to the thread that made it, so the
  export opens one on its thread instead of borrowing the window's reader, and opens it
  read-only (``mode=ro``): an export can never change the history. WAL lets it read while
  the history writer writes; it sees the rows committed when its query started.
* Atomic: the file is written by ``core.atomic_file.write_atomically``, so a failed or
  stopped export leaves neither half a file nor a temporary one, and an older file of the
  same name survives.
* Stoppable: ``stop()`` may be called from any thread. It sets a flag that is checked
  between rows, and interrupts the query under way (``sqlite3.Connection.interrupt`` is
  meant to be called from another thread), since sorting a year of balances takes a while
  before the first row comes out.
* Progress: ``run`` calls its ``progress`` callback with the rows written so far, at most
  once every ``progress_every_s``; a progress bar needs no more than a few a second.

Every failure is a ``WalletError`` with a one-line message: ``HistoryError`` for the
database, ``ExportWriteError`` for the target file, ``ExportStoppedError`` after ``stop()``.
"""

from __future__ import annotations

import csv
import sqlite3
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from wallet_gui.api.errors import WalletError, one_line
from wallet_gui.core.atomic_file import write_atomically
from wallet_gui.core.history.errors import HistoryError, reason_of
from wallet_gui.core.history.export import csv_cells
from wallet_gui.core.history.export_rows import HEADERS, KINDS, export_rows

#: How often, at most, ``run`` reports progress.
PROGRESS_EVERY_S = 0.25


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What to export: ``kind`` rows of ``profile`` in ``[since, until)`` (UNIX seconds,
    ``None`` leaves that end open) from the database file ``database`` to ``target``."""

    database: Path
    profile: str
    kind: str
    since: float | None
    until: float | None
    target: Path


class ExportStoppedError(WalletError):
    """The export was stopped before it was done; the target file was left as it was."""

    def __init__(self) -> None:
        super().__init__("the export was stopped; nothing was written")


class ExportWriteError(WalletError):
    """The target file could not be written: a missing or read-only folder, a full disk."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"cannot write {path}: {reason}")
        self.path, self.reason = Path(path), reason

    def __str__(self) -> str:  # a long path must not cut off the reason
        return one_line(str(self.args[0]), 1000)

    def __reduce__(self) -> tuple[type[ExportWriteError], tuple[Path, str]]:
        return type(self), (self.path, self.reason)


def _ignore(_rows: int) -> None:
    """The default progress callback."""


class FileExport:
    """One export (``request``); ``run`` it on one thread, ``stop`` it from any other.

    ``clock`` is the monotonic time source that spaces the progress reports.
    """

    def __init__(
        self,
        request: ExportRequest,
        *,
        progress_every_s: float = PROGRESS_EVERY_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.request = request
        self._every = progress_every_s
        self._clock = clock
        self._stop = threading.Event()
        self._lock = threading.Lock()  # guards _db: interrupt() must not meet close()
        self._db: sqlite3.Connection | None = None

    @property
    def stopped(self) -> bool:
        """``stop()`` was called."""
        return self._stop.is_set()

    def stop(self) -> None:
        """Ask the export to stop (any thread, any time, idempotent); ``run`` then raises
        ``ExportStoppedError`` at its next row, or at once if its query is still sorting."""
        self._stop.set()
        with self._lock:
            if self._db is not None:
                self._db.interrupt()

    def run(self, progress: Callable[[int], None] = _ignore) -> int:
        """Write the file; returns how many rows it has (the heading not counted).

        Raises ``ExportStoppedError``, ``ExportWriteError``, ``HistoryError`` (the database
        is missing, unreadable or no history database) or ``WalletError`` (an unknown kind).
        """
        request = self.request
        if request.kind not in KINDS:
            raise WalletError(f"unknown export kind {request.kind!r}; expected one of {KINDS}")
        db = self._open()
        try:
            profile_id = self._profile_id(db)
            return write_atomically(
                request.target, lambda out: self._write(db, profile_id, out, progress)
            )
        except OSError as error:
            raise ExportWriteError(request.target, error.strerror or reason_of(error)) from None
        except sqlite3.Error as error:
            if self._stop.is_set():  # the interrupted query
                raise ExportStoppedError from None
            raise HistoryError("read", request.database, reason_of(error)) from None
        finally:
            with self._lock:
                self._db = None
            db.close()

    # -- internals -----------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        path = self.request.database
        if self._stop.is_set():
            raise ExportStoppedError
        if not path.is_file():
            raise HistoryError("open", path, "there is no such file")
        uri = "file:" + urllib.parse.quote(str(path)) + "?mode=ro"
        try:
            db = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=10.0)
        except sqlite3.Error as error:
            raise HistoryError("open", path, reason_of(error)) from None
        with self._lock:
            self._db = db
        return db

    def _profile_id(self, db: sqlite3.Connection) -> int | None:
        row = db.execute("SELECT id FROM profile WHERE name = ?", (self.request.profile,))
        found = row.fetchone()
        return None if found is None else int(found[0])

    def _write(
        self,
        db: sqlite3.Connection,
        profile_id: int | None,
        out: TextIO,
        progress: Callable[[int], None],
    ) -> int:
        request = self.request
        header = HEADERS[request.kind]
        writer = csv.writer(out)
        writer.writerow(header)
        rows: Iterable[dict[str, str]] = ()  # a profile with no history: the heading only
        if profile_id is not None:
            rows = export_rows(db, profile_id, request.kind, request.since, request.until)
        count = 0
        next_report = self._clock() + self._every
        for row in rows:
            if self._stop.is_set():
                raise ExportStoppedError
            writer.writerow(csv_cells(header, row))  # as ``wallet-gui history export`` does
            count += 1
            now = self._clock()
            if now >= next_report:
                progress(count)
                next_report = now + self._every
        if self._stop.is_set():  # stopped after the last row: still nothing is written
            raise ExportStoppedError
        return count


__all__ = [
    "PROGRESS_EVERY_S",
    "ExportRequest",
    "ExportStoppedError",
    "ExportWriteError",
    "FileExport",
]
