"""``HistoryStore``: one connection to the history database, its writes and its reads.

A store belongs to the thread that made it (``sqlite3`` objects stay on their thread): the
``HistoryWriter`` makes the one that writes on its own thread, and a reader (the window,
the export) makes another. WAL lets reads run while the writer writes.

Writes run in a transaction each, or together inside ``batch()``; a failure rolls the
whole batch back, so a crash or an error never leaves half of it. Every ``sqlite3`` or OS
failure comes out as a ``HistoryError`` naming the file, never a bare ``sqlite3.Error``.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from decimal import Decimal
from pathlib import Path
from types import TracebackType

from wallet_gui.api.models import CurrencyBalance, Statement
from wallet_gui.core.history import reads, rollups, schema
from wallet_gui.core.history.baseline import ClockAnchor, read_anchor
from wallet_gui.core.history.clock_rows import ClockRows, clock_row
from wallet_gui.core.history.drift import estimate_drift
from wallet_gui.core.history.errors import HistoryError, reason_of
from wallet_gui.core.history.events import HistoryEvent
from wallet_gui.core.history.export_rows import KINDS, export_rows
from wallet_gui.core.history.retention import DEFAULT_KEEP_DAYS, apply_retention
from wallet_gui.core.history.series import HEARTBEAT_S, ClockSeries, DriftEstimate, Series
from wallet_gui.core.history.statement_codec import COLUMNS, to_row
from wallet_gui.core.history.values import chart_value, exact
from wallet_gui.core.state import ClockPoint, ClockState, WalletBalances

BALANCE, CLOCK_OFFSET, CLOCK_BAND = "balance", "clock_offset", "clock_band"


class HistoryStore:
    """The history database at ``path``, created and migrated on open.

    ``create=False`` refuses a missing file instead of creating one (for the export).
    ``clock`` is the time source for "now" (retention, the age of data a read asks for).
    """

    def __init__(
        self, path: Path, *, clock: Callable[[], float] = time.time, create: bool = True
    ) -> None:
        self.path = Path(path)
        self._clock = clock
        self._db = schema.connect(self.path, create=create)
        self._profile_ids: dict[str, int] = {}
        self._series_ids: dict[tuple[int, str, str, str], int] = {}
        #: series → (time, at_disposal, reserved) of its newest row: the change test.
        self._newest: dict[int, tuple[int, str | None, str | None]] = {}
        self._clock_rows = ClockRows(self._db)

    # -- life --------------------------------------------------------------------------------

    def close(self) -> None:
        self._db.close()

    def checkpoint(self) -> None:
        """Move the write-ahead log into the main file and empty it (sizes, backups)."""
        try:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error as error:
            raise HistoryError("write", self.path, reason_of(error)) from None

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction around every write inside; nested batches join the outer one."""
        if self._db.in_transaction:
            yield
            return
        try:
            self._db.execute("BEGIN IMMEDIATE")
            yield
            self._db.execute("COMMIT")
        except BaseException as error:
            if _in_transaction(self._db):  # a failed BEGIN or COMMIT may have ended it
                with suppress(sqlite3.Error):  # the connection is gone; the file is intact
                    self._db.execute("ROLLBACK")
            # What the caches say may have been rolled back with it.
            self._profile_ids.clear()
            self._series_ids.clear()
            self._newest.clear()
            if isinstance(error, sqlite3.Error | OSError):
                raise HistoryError("write", self.path, reason_of(error)) from None
            raise

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        try:
            yield self._db
        except (sqlite3.Error, OSError) as error:
            raise HistoryError("read", self.path, reason_of(error)) from None

    # -- ids ---------------------------------------------------------------------------------

    def _profile_id(self, name: str, *, create: bool) -> int | None:
        known = self._profile_ids.get(name)
        if known is not None:
            return known
        row = self._db.execute("SELECT id FROM profile WHERE name = ?", (name,)).fetchone()
        if row is None:
            if not create:
                return None
            row = (self._db.execute("INSERT INTO profile (name) VALUES (?)", (name,)).lastrowid,)
        self._profile_ids[name] = int(row[0])
        return int(row[0])

    def _series_id(
        self, profile: int, kind: str, wallet: str = "", currency: str = "", *, create: bool
    ) -> int | None:
        key = (profile, kind, wallet, currency)
        known = self._series_ids.get(key)
        if known is not None:
            return known
        row = self._db.execute(
            "SELECT id FROM series WHERE profile = ? AND kind = ? AND wallet_id = ? "
            "AND currency = ?",
            key,
        ).fetchone()
        if row is None:
            if not create:
                return None
            row = (
                self._db.execute(
                    "INSERT INTO series (profile, kind, wallet_id, currency) VALUES (?, ?, ?, ?)",
                    key,
                ).lastrowid,
            )
        self._series_ids[key] = int(row[0])
        return int(row[0])

    # -- writes ------------------------------------------------------------------------------

    def record_balances(self, profile: str, at: float, wallets: Sequence[WalletBalances]) -> None:
        """A row per wallet and currency whose amount changed or whose heartbeat is due.

        Wallets whose fetch failed are skipped: a gap shows the failure, not a made-up value.
        """
        t = round(at)
        with self.batch():
            profile_id = self._profile_id(profile, create=True)
            assert profile_id is not None
            for wallet in wallets:
                if wallet.balances is None:
                    continue
                for currency, balance in wallet.balances.items():
                    series = self._series_id(
                        profile_id, BALANCE, wallet.wallet_id, currency, create=True
                    )
                    assert series is not None
                    self._record_balance(series, t, balance)

    def _record_balance(self, series: int, t: int, balance: CurrencyBalance) -> None:
        at_disposal = None if balance.at_disposal is None else exact(balance.at_disposal)
        reserved = None if balance.reserved is None else exact(balance.reserved)
        newest = self._newest.get(series)
        # The first reading of a session is always kept (as a heartbeat when unchanged):
        # every launch shows in the history, and a restart after a gap starts a new line.
        session_start = newest is None
        if newest is None:
            row = self._db.execute(
                "SELECT t, at_disposal, reserved FROM balance WHERE series = ? "
                "ORDER BY t DESC LIMIT 1",
                (series,),
            ).fetchone()
            newest = None if row is None else (int(row[0]), row[1], row[2])
        changed = newest is None or (newest[1], newest[2]) != (at_disposal, reserved)
        if not changed and not session_start and newest is not None and t - newest[0] < HEARTBEAT_S:
            return
        value = chart_value(balance)
        self._db.execute(
            "INSERT OR REPLACE INTO balance (series, t, at_disposal, reserved, value, beat) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (series, t, at_disposal, reserved, value, 0 if changed else 1),
        )
        if value is not None:
            rollups.update(self._db, [(series, t * 1000, value, value, value)])
        if newest is None or t >= newest[0]:
            self._newest[series] = (t, at_disposal, reserved)

    def record_clock(
        self, profile: str, state: ClockState, anchor: ClockAnchor | None = None
    ) -> None:
        """The estimate at ``state.measured_at``; nothing before the first one.

        ``anchor`` relates this machine's wall clock to a steady one (read now when not
        given); it decides the estimate's baseline (``baseline.py``).
        """
        row = clock_row(state)
        if row is None:
            return
        anchor = read_anchor() if anchor is None else anchor
        t_ms, offset, half = row.t_ms, row.offset_s, row.half_width_s
        with self.batch():
            profile_id = self._profile_id(profile, create=True)
            assert profile_id is not None
            # The same estimate sent again (a new note, say) is kept once.
            if self._clock_rows.insert(profile_id, row, anchor):
                off = self._series_id(profile_id, CLOCK_OFFSET, create=True)
                band = self._series_id(profile_id, CLOCK_BAND, create=True)
                assert off is not None
                assert band is not None
                rollups.update(
                    self._db,
                    [
                        (off, t_ms, offset, offset, offset),
                        (band, t_ms, offset - half, offset + half, half),
                    ],
                )

    def record_event(self, profile: str, event: HistoryEvent) -> None:
        with self.batch():
            profile_id = self._profile_id(profile, create=True)
            self._db.execute(
                "INSERT INTO event (profile, t, kind, rule, message) VALUES (?, ?, ?, ?, ?)",
                (profile_id, round(event.at * 1000), event.kind, event.rule, event.message),
            )

    def record_statements(
        self, profile: str, wallet_id: str, statements: Sequence[Statement]
    ) -> int:
        """Store statements not seen before (by id); returns how many were new."""
        added = 0
        with self.batch():
            profile_id = self._profile_id(profile, create=True)
            for statement in statements:
                added += self._db.execute(
                    f"INSERT OR IGNORE INTO statement (profile, wallet_id, {COLUMNS}) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (profile_id, wallet_id, *to_row(statement)),
                ).rowcount
        return added

    def bulk_load_balances(
        self,
        profile: str,
        wallet_id: str,
        currency: str,
        rows: Iterable[tuple[float, Decimal | None, Decimal | None]],
    ) -> int:
        """Load (time, at disposal, reserved) rows of one series at once; returns the count.

        For imports and benchmarks: every row is stored (no change test, no heartbeats) and
        the rollups are rebuilt in bulk afterwards, minutes faster than one by one.
        """

        def table_rows(
            series: int,
        ) -> Iterator[tuple[int, int, str | None, str | None, float | None]]:
            for at, at_disposal, reserved in rows:
                balance = CurrencyBalance(currency, at_disposal, reserved)
                yield (
                    series,
                    round(at),
                    None if at_disposal is None else exact(at_disposal),
                    None if reserved is None else exact(reserved),
                    chart_value(balance),
                )

        with self.batch():
            profile_id = self._profile_id(profile, create=True)
            assert profile_id is not None
            series = self._series_id(profile_id, BALANCE, wallet_id, currency, create=True)
            assert series is not None
            count = self._db.executemany(
                "INSERT OR REPLACE INTO balance (series, t, at_disposal, reserved, value) "
                "VALUES (?, ?, ?, ?, ?)",
                table_rows(series),
            ).rowcount
            rollups.rebuild_balance(self._db, series)
        self._newest.pop(series, None)
        return count

    def apply_retention(self, now: float, keep_days: int = DEFAULT_KEEP_DAYS) -> None:
        """Thin old data by the rule in ``retention.py``."""
        with self.batch():
            apply_retention(self._db, now, keep_days)
        # The cache stays: retention never changes a series' newest amount, and forgetting
        # it would write a "first reading of a session" row after every daily run.

    # -- reads -------------------------------------------------------------------------------

    def profiles(self) -> list[str]:
        with self._reading() as db:
            return [row[0] for row in db.execute("SELECT name FROM profile ORDER BY name")]

    def balance_keys(self, profile: str) -> list[tuple[str, str]]:
        """(wallet id, currency) of every balance series the profile has."""
        with self._reading() as db:
            return reads.balance_keys(db, profile)

    def balance_series(
        self,
        profile: str,
        wallet_id: str,
        currency: str,
        since: float | None,
        until: float | None,
        columns: int,
    ) -> Series:
        """Lowest, highest and last value per pixel column (``None`` ends: all data)."""
        with self._reading():
            profile_id = self._profile_id(profile, create=False)
            series = None
            if profile_id is not None:
                series = self._series_id(profile_id, BALANCE, wallet_id, currency, create=False)
            if series is None:
                return Series((), (), (), ())
            return reads.balance_series(self._db, series, since, until, columns)

    def clock_series(
        self, profile: str, since: float | None, until: float | None, columns: int
    ) -> ClockSeries:
        """The offset's extremes and its guaranteed band per pixel column."""
        with self._reading():
            profile_id = self._profile_id(profile, create=False)
            if profile_id is None:
                return ClockSeries((), (), (), (), ())
            off = self._series_id(profile_id, CLOCK_OFFSET, create=False)
            band = self._series_id(profile_id, CLOCK_BAND, create=False)
            if off is None or band is None:
                return ClockSeries((), (), (), (), ())
            return reads.clock_series(self._db, profile_id, (off, band), since, until, columns)

    def clock_points(self, profile: str, since: float) -> tuple[ClockPoint, ...]:
        """Every stored estimate since ``since``, oldest first: the clock chart's history."""
        with self._reading() as db:
            return reads.clock_points(db, profile, since)

    def drift(self, profile: str) -> DriftEstimate | None:
        """The rate from the best pair of the newest baseline (no wall-clock step between its
        estimates); ``None`` before it spans a minute."""
        with self._reading() as db:
            profile_id = self._profile_id(profile, create=False)
            return None if profile_id is None else estimate_drift(db, profile_id)

    def events(self, profile: str, limit: int = 200) -> list[HistoryEvent]:
        """The newest ``limit`` events, newest first."""
        with self._reading() as db:
            return reads.events(db, profile, limit)

    def statements(
        self, profile: str, wallet_id: str, limit: int, before_date: int | None = None
    ) -> list[Statement]:
        """Stored statements of a wallet, newest first; strictly older than ``before_date``."""
        with self._reading() as db:
            return reads.statements(db, profile, wallet_id, limit, before_date)

    def export_rows(
        self, profile: str, kind: str, since: float | None, until: float | None
    ) -> Iterator[dict[str, str]]:
        """Rows for the CSV export of ``kind`` (one of ``KINDS``), oldest first."""
        if kind not in KINDS:
            raise ValueError(f"unknown export kind {kind!r}; expected one of {KINDS}")
        with self._reading():
            profile_id = self._profile_id(profile, create=False)
        return self._export(profile_id, kind, since, until)

    def _export(
        self, profile_id: int | None, kind: str, since: float | None, until: float | None
    ) -> Iterator[dict[str, str]]:
        if profile_id is None:
            return
        with self._reading() as db:
            yield from export_rows(db, profile_id, kind, since, until)


def _in_transaction(db: sqlite3.Connection) -> bool:
    return db.in_transaction
