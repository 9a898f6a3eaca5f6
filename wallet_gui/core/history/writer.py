"""``HistoryWriter``: the one thread that writes history, so that no caller waits for a disk.

The ``record_*`` methods put a record on a queue and return at once; the writer's thread
opens the store itself (``sqlite3`` objects stay on the thread that made them), takes
whatever has queued up and commits it in one transaction. A crash loses at most the
records of the transaction in flight; the file stays whole (WAL).

Failures never reach the caller's thread: each ``sqlite3``/OS failure, and anything
unexpected, becomes one ``HistoryError`` handed to ``on_error`` *on the writer's thread*
(a Qt caller forwards it through a queued signal). The batch that failed is dropped, and
the writer goes on with the next one; a store that cannot be opened is tried again after
``REOPEN_AFTER_S``, and records meanwhile are dropped. Retention runs on the same thread
when it starts and once a day.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from wallet_gui.api.models import Statement
from wallet_gui.core.history.baseline import ClockAnchor, read_anchor
from wallet_gui.core.history.errors import HistoryError, reason_of
from wallet_gui.core.history.events import HistoryEvent
from wallet_gui.core.history.retention import DEFAULT_KEEP_DAYS
from wallet_gui.core.history.store import HistoryStore
from wallet_gui.core.state import ClockState, WalletBalances

log = logging.getLogger(__name__)

REOPEN_AFTER_S = 30.0
RETENTION_EVERY_S = 86400.0
#: The most records one transaction takes; more wait for the next.
MAX_BATCH = 2000


@dataclass(frozen=True, slots=True)
class _Record:
    apply: Callable[[HistoryStore], object]


@dataclass(frozen=True, slots=True)
class _Flush:
    done: threading.Event


class _Stop:
    pass


_Item = _Record | _Flush | _Stop


class HistoryWriter:
    """A plain (non-daemon) thread and a queue; call ``close()`` to end it."""

    def __init__(
        self,
        store_factory: Callable[[], HistoryStore],
        *,
        on_error: Callable[[HistoryError], None],
        keep_days: int = DEFAULT_KEEP_DAYS,
        clock: Callable[[], float] = time.time,
        name: str = "history-writer",
    ) -> None:
        self._factory = store_factory
        self._on_error = on_error
        self._keep_days = keep_days
        self._clock = clock
        self._queue: queue.SimpleQueue[_Item] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._closed = False
        self._thread = threading.Thread(target=self._run, name=name)
        self._thread.start()

    # -- the caller's side -------------------------------------------------------------------

    def record_balances(self, profile: str, at: float, wallets: Sequence[WalletBalances]) -> None:
        wallets = tuple(wallets)
        self._put(_Record(lambda store: store.record_balances(profile, at, wallets)))

    def record_clock(
        self, profile: str, state: ClockState, anchor: ClockAnchor | None = None
    ) -> None:
        """Queue the estimate; its ``anchor`` (``baseline.py``) is read here when not given,
        on the caller's thread, as close to the estimate as the writer can get."""
        anchor = read_anchor() if anchor is None else anchor
        self._put(_Record(lambda store: store.record_clock(profile, state, anchor)))

    def record_event(self, profile: str, event: HistoryEvent) -> None:
        self._put(_Record(lambda store: store.record_event(profile, event)))

    def record_statements(
        self, profile: str, wallet_id: str, statements: Sequence[Statement]
    ) -> None:
        statements = tuple(statements)
        self._put(_Record(lambda store: store.record_statements(profile, wallet_id, statements)))

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until everything queued before this call is committed (or dropped after an
        error); ``False`` if that took longer than ``timeout``."""
        done = threading.Event()
        with self._lock:
            if self._closed:
                return not self._thread.is_alive()
            self._queue.put(_Flush(done))
        return done.wait(timeout)

    def close(self, timeout: float | None = None) -> bool:
        """Write what is queued, close the store and end the thread; ``True`` once it ended.

        Records after ``close()`` are ignored. Calling it again only waits again.
        """
        with self._lock:
            if not self._closed:
                self._closed = True
                self._queue.put(_Stop())
        self._thread.join(timeout)
        return not self._thread.is_alive()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _put(self, item: _Item) -> None:
        with self._lock:
            if not self._closed:
                self._queue.put(item)

    # -- the writer's thread -----------------------------------------------------------------

    def _run(self) -> None:
        next_open = 0.0
        next_retention = 0.0
        store = None
        try:
            while True:
                now = time.monotonic()
                if store is None and now >= next_open:
                    store = self._open()
                    if store is None:
                        next_open = now + REOPEN_AFTER_S
                if store is not None and now >= next_retention:
                    self._guarded(
                        store, lambda s: s.apply_retention(self._clock(), self._keep_days)
                    )
                    next_retention = now + RETENTION_EVERY_S
                wait = max(0.0, next_retention - time.monotonic()) if store else REOPEN_AFTER_S
                try:
                    first = self._queue.get(timeout=min(wait, RETENTION_EVERY_S))
                except queue.Empty:
                    continue
                batch = [first]
                while len(batch) < MAX_BATCH:
                    try:
                        batch.append(self._queue.get_nowait())
                    except queue.Empty:
                        break
                records = [item for item in batch if isinstance(item, _Record)]
                if records and store is None and time.monotonic() >= next_open:
                    store = self._open()
                    if store is None:
                        next_open = time.monotonic() + REOPEN_AFTER_S
                if records and store is not None:
                    self._write(store, records)
                for item in batch:
                    if isinstance(item, _Flush):
                        item.done.set()
                if any(isinstance(item, _Stop) for item in batch):
                    return
        finally:
            if store is not None:
                store.close()

    def _open(self) -> HistoryStore | None:
        try:
            return self._factory()
        except HistoryError as error:
            self._report(error)
        except Exception as error:  # noqa: BLE001 - the writer must not die with a traceback
            self._report(HistoryError("open", Path("database"), reason_of(error)))
        return None

    def _write(self, store: HistoryStore, records: list[_Record]) -> None:
        def apply_all(target: HistoryStore) -> None:
            with target.batch():
                for record in records:
                    record.apply(target)

        self._guarded(store, apply_all)

    def _guarded(self, store: HistoryStore, action: Callable[[HistoryStore], object]) -> None:
        try:
            action(store)
        except HistoryError as error:
            self._report(error)
        except Exception as error:  # noqa: BLE001 - one bad record must not end the writer
            self._report(HistoryError("write", store.path, reason_of(error)))

    def _report(self, error: HistoryError) -> None:
        log.warning("%s", error)
        try:
            self._on_error(error)
        except Exception:  # noqa: BLE001 - a broken listener must not end the writer
            log.warning("the history error listener failed", exc_info=False)
