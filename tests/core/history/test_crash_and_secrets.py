"""A writer killed mid-batch leaves a whole file; a real session's file holds no secret."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.core.history.builders import T0
from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.history.events import HistoryEvent
from wallet_gui.core.history.store import HistoryStore
from wallet_gui.core.history.writer import HistoryWriter
from wallet_gui.core.monitor import Monitor
from wallet_gui.core.state import WalletBalances
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox

ROOT = Path(__file__).resolve().parents[3]


def test_a_writer_killed_mid_batch_leaves_every_committed_row(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.core.history.crash_writer", str(path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        committed = 0
        while committed < 3000:  # several batches in, and it keeps writing the next one
            line = child.stdout.readline()
            assert line, child.stderr.read() if child.stderr else "the writer ended"
            committed = int(line)
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=10)
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    assert child.returncode == -signal.SIGKILL

    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db.close()
    with HistoryStore(path) as store:
        rows = list(store.export_rows("main", "balances", None, None))
    # Transactions are all or nothing and in order: what is there is a prefix, at least
    # everything reported as committed, each row whole.
    assert len(rows) >= committed
    assert [row["at_disposal"] for row in rows] == [f"{i}.00" for i in range(len(rows))]


def test_no_mac_key_in_the_history_of_a_real_session(sandbox: Sandbox, tmp_path: Path) -> None:
    key = sandbox.clients[DEMO_CLIENT_ID]
    settings = ConnectionSettings(
        base_url=sandbox.url, client_id=DEMO_CLIENT_ID, wallet_ids=("14471", "20002")
    )
    path = tmp_path / "history.sqlite3"
    writer = HistoryWriter(lambda: HistoryStore(path), on_error=lambda e: None)
    monitor = Monitor(settings, key)
    try:
        monitor.burst()
        results = monitor.balances(settings.wallet_ids)
        now = time.time()
        wallets = [WalletBalances(r.wallet_id, balances=r.balances) for r in results]
        writer.record_balances("demo", now, wallets)
        writer.record_clock("demo", monitor.clock_state())
        page = monitor.fetch_statements("14471", limit=20)
        writer.record_statements("demo", "14471", page.statements)
        writer.record_event("demo", HistoryEvent(now, "recovery", None, "back after 3 failures"))
        assert writer.flush(timeout=10)
    finally:
        monitor.close()
        assert writer.close(timeout=10)
    with HistoryStore(path) as store:
        assert len(store.balance_keys("demo")) >= 2
        assert store.clock_points("demo", T0 - 10**9)
    data = b"".join(
        p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("history.sqlite3")
    )
    assert len(data) > 4096
    for form in (key, key.encode().hex(), os.fsencode(key).hex().upper()):
        assert (form.encode() if isinstance(form, str) else form) not in data
