"""The database file: opening it, its schema, and the ordered list of migrations.

``PRAGMA user_version`` is the schema version: 0 for a new file, ``len(MIGRATIONS)`` once
every migration ran. A file from a newer version of the app (a higher number) is refused
with a ``HistoryError`` before anything is written to it, not even the journal mode, so that
an older app never damages a newer one's history. Migrations run in one ``BEGIN IMMEDIATE``
transaction that reads the version again inside it: two processes opening the same new file
at once migrate it once.

Layout, chosen for size (a year of 15-second samples must stay well under 150 MB) and for
reading a chart range through one primary-key range scan:

* integer times: UNIX seconds for balances, rollups and statements, milliseconds for clock
  estimates and events (a burst makes several per second);
* small integer series ids (``series``), one per (profile, kind, wallet, currency);
* ``WITHOUT ROWID`` tables keyed (series, t), so rows are stored in chart order once;
* amounts as exact decimal text (``at_disposal``, ``reserved``) with a ``REAL`` beside them
  that only charts use;
* ``clock``: each estimate also keeps ``wall − CLOCK_BOOTTIME`` and the boot id, and the
  number of its baseline (estimates with no step of the wall clock between them), so that
  the drift never pairs estimates across a step (``baseline.py``);
* ``rollup``: per series and level (60 s, 10 min, 1 h, 1 day) the lowest, highest and last
  value of each bucket, kept up to date on insert (``rollups.py``).
"""

from __future__ import annotations

import sqlite3
import urllib.parse
from collections.abc import Sequence
from pathlib import Path

from wallet_gui.core.history.errors import HistoryError, reason_of

_V1 = (
    "CREATE TABLE profile (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
    """CREATE TABLE series (
        id INTEGER PRIMARY KEY,
        profile INTEGER NOT NULL REFERENCES profile(id),
        kind TEXT NOT NULL,
        wallet_id TEXT NOT NULL DEFAULT '',
        currency TEXT NOT NULL DEFAULT '',
        UNIQUE (profile, kind, wallet_id, currency))""",
    """CREATE TABLE balance (
        series INTEGER NOT NULL,
        t INTEGER NOT NULL,
        at_disposal TEXT,
        reserved TEXT,
        value REAL,
        beat INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (series, t)) WITHOUT ROWID""",
    """CREATE TABLE clock (
        profile INTEGER NOT NULL,
        t INTEGER NOT NULL,
        offset_s REAL NOT NULL,
        half_width_s REAL NOT NULL,
        rtt_min_s REAL,
        rate_ppm REAL,
        rate_half_width_ppm REAL,
        PRIMARY KEY (profile, t)) WITHOUT ROWID""",
    """CREATE TABLE rollup (
        series INTEGER NOT NULL,
        level INTEGER NOT NULL,
        t INTEGER NOT NULL,
        lo REAL NOT NULL,
        hi REAL NOT NULL,
        last REAL NOT NULL,
        last_t INTEGER NOT NULL,
        PRIMARY KEY (series, level, t)) WITHOUT ROWID""",
    """CREATE TABLE event (
        id INTEGER PRIMARY KEY,
        profile INTEGER NOT NULL,
        t INTEGER NOT NULL,
        kind TEXT NOT NULL,
        rule TEXT,
        message TEXT NOT NULL)""",
    "CREATE INDEX event_by_time ON event (profile, t)",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID",
)

_V2 = (
    """CREATE TABLE statement (
        profile INTEGER NOT NULL,
        wallet_id TEXT NOT NULL,
        id INTEGER NOT NULL,
        date INTEGER NOT NULL,
        amount TEXT NOT NULL,
        currency TEXT NOT NULL,
        direction TEXT NOT NULL,
        type TEXT NOT NULL,
        details TEXT NOT NULL,
        other_party TEXT,
        transfer_id INTEGER,
        reference_number TEXT,
        raw TEXT NOT NULL,
        PRIMARY KEY (profile, wallet_id, id))""",
    "CREATE INDEX statement_by_date ON statement (profile, wallet_id, date, id)",
)

#: Each clock estimate's anchor on a steady clock and its baseline (``baseline.py``).
#: Older rows get NULL anchors and baseline 0, older than any new baseline.
_V3 = (
    "ALTER TABLE clock ADD COLUMN boot_id TEXT",
    "ALTER TABLE clock ADD COLUMN wall_minus_boottime_s REAL",
    "ALTER TABLE clock ADD COLUMN baseline INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX clock_by_baseline ON clock (profile, baseline, t)",
)

#: Every schema change, oldest first; version N is the file after the first N of them ran.
#: Append only: never edit or reorder one that was released.
MIGRATIONS: tuple[tuple[str, Sequence[str]], ...] = (
    ("balances, clock estimates, rollups and events", _V1),
    ("statements", _V2),
    ("clock baselines: estimates between steps of the wall clock", _V3),
)
LATEST_VERSION = len(MIGRATIONS)


def connect(path: Path, *, create: bool = True, migrate: bool = True) -> sqlite3.Connection:
    """An open connection to ``path`` at ``LATEST_VERSION``, in WAL mode.

    Without ``create`` a missing file is a ``HistoryError`` instead of a new database (the
    export must not invent an empty history). The connection is in autocommit mode: the
    store opens its own transactions.
    """
    if create:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise HistoryError("create", path, reason_of(error)) from None
    elif not path.is_file():
        raise HistoryError("open", path, "there is no such file")
    uri = "file:" + urllib.parse.quote(str(path)) + ("?mode=rwc" if create else "?mode=rw")
    try:
        connection = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=10.0)
    except sqlite3.Error as error:
        raise HistoryError("open", path, reason_of(error)) from None
    try:
        _check_version(connection, path)
        mode = connection.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise HistoryError("open", path, f"it cannot use write-ahead logging ({mode})")
        connection.execute("PRAGMA synchronous=NORMAL")
        if migrate:
            migrate_to(connection, path, LATEST_VERSION)
    except sqlite3.Error as error:
        connection.close()
        raise HistoryError("open", path, reason_of(error)) from None
    except BaseException:
        connection.close()
        raise
    return connection


def user_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def _check_version(connection: sqlite3.Connection, path: Path) -> None:
    version = user_version(connection)  # also fails on a file that is no database
    if version > LATEST_VERSION:
        raise HistoryError(
            "open",
            path,
            f"it was written by a newer version of wallet-gui (schema {version}; this "
            f"version knows up to {LATEST_VERSION}) and is left untouched",
        )


def migrate_to(connection: sqlite3.Connection, path: Path, target: int) -> None:
    """Run the migrations after the file's version, up to ``target``, in one transaction."""
    if user_version(connection) >= target:
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        version = user_version(connection)  # again: another process may have migrated
        _check_version(connection, path)
        for _title, statements in MIGRATIONS[version:target]:
            for statement in statements:
                connection.execute(statement)
        if version < target:
            connection.execute(f"PRAGMA user_version = {int(target)}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
