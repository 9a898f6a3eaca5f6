"""Soak: the real poller against a faulty, jittery emulator for minutes; resources stay flat.

Several pollers (one emulator client each, as separate profiles would be) each watch the
same twelve wallets at a requested interval of one second, and a timer presses "Refresh"
every few seconds. The app's own rate budget decides what is actually sent: the plan
stretches twelve wallets to one poll per 54 s, and refreshes are held to 60 signed requests
a minute per client. Nothing here bypasses that budget; the emulator also enforces the
published limits, so a real (not injected) 429 would show that the budget failed.

Duration: ``WALLET_GUI_SOAK_SECONDS`` (default 120); pollers: ``WALLET_GUI_SOAK_POLLERS``
(default 3). Run with ``pytest -m soak -s`` to see the figures; they are also written to a
JSON file whose path is printed.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from tests.reliability.helpers import Resources, busiest_window, measure
from wallet_gui.clock.burst import MAX_REQUESTS
from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.monitor import Monitor
from wallet_gui.core.reports import ErrorReport
from wallet_gui.core.state import ClockState, PollStatus, RoundResult, WalletBalances
from wallet_gui.qt.poller import Poller
from wallet_gui.sandbox import RequestRecord, Sandbox
from wallet_gui.ui.main_window import MainWindow

SOAK_SECONDS = float(os.environ.get("WALLET_GUI_SOAK_SECONDS", "120"))
POLLERS = int(os.environ.get("WALLET_GUI_SOAK_POLLERS", "3"))
WALLETS = 12
FAULT_RATE = 0.2
#: Mean of the exponential extra delay per leg: most answers a few ms late, some 0.3 s.
JITTER_S = 0.05
REFRESH_MS = 3_000
SAMPLE_MS = 10_000
#: Tolerances between the start (after warm-up) and the end of the soak.
MAX_THREAD_GROWTH = 3
MAX_FD_GROWTH_PER_POLLER = 4  # a client's keep-alive pool may hold up to 16, a poll uses 12
MAX_RSS_GROWTH_KIB = 20 * 1024
_MAC_ID = re.compile(r'id="([^"]+)"')


@dataclass
class Soaked:
    """One poller, its window, and everything it emitted (on the GUI thread)."""

    client_id: str
    poller: Poller
    window: MainWindow
    wallets: list[WalletBalances] = field(default_factory=list)
    statuses: list[PollStatus] = field(default_factory=list)
    errors: list[ErrorReport] = field(default_factory=list)
    clock: list[ClockState] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.poller.roundFinished.connect(self._on_round)
        self.poller.statusChanged.connect(self.statuses.append)
        self.poller.clockChanged.connect(self.clock.append)

    def _on_round(self, result: RoundResult) -> None:
        self.wallets.extend(result.wallets)
        self.statuses.append(result.status)

    def latest(self, wallet_id: str) -> WalletBalances | None:
        return next((w for w in reversed(self.wallets) if w.wallet_id == wallet_id), None)

    def every_error_followed_by_success(self, wallet_id: str) -> bool:
        pending = False
        for event in self.wallets:
            if event.wallet_id != wallet_id:
                continue
            pending = event.error is not None or event.balances is None
        return not pending

    def table_text(self) -> str:
        table = self.window.findChild(QTableWidget, "balancesTable")
        assert table is not None
        return " | ".join(
            table.item(r, c).text()
            for r in range(table.rowCount())
            for c in range(table.columnCount())
            if table.item(r, c) is not None
        )


def signed_by_client(records: list[RequestRecord]) -> dict[str, list[float]]:
    """Signed requests per client, faulted ones included (the emulator skips their auth)."""
    sent: dict[str, list[float]] = {}
    for record in records:
        match = _MAC_ID.search(record.headers.get("Authorization", ""))
        if match:
            sent.setdefault(match.group(1), []).append(record.server_time)
    return sent


@pytest.fixture
def soaked(qtbot: QtBot) -> Iterator[list[Soaked]]:
    running: list[Soaked] = []
    yield running
    for item in running:
        item.window.close()
    assert not [s.client_id for s in running if s.poller.running]


@pytest.mark.soak
@pytest.mark.timeout(SOAK_SECONDS + 360)
def test_soak_with_faults_and_latency_spikes_keeps_resources_flat_and_shows_good_values(
    qtbot: QtBot, soaked: list[Soaked], tmp_path: Path
) -> None:
    clients = {f"soak-{n}": secrets.token_urlsafe(24) for n in range(POLLERS)}
    with Sandbox(clients=clients, jitter=JITTER_S, seed=2024) as sandbox:
        wallet_ids = tuple(str(w) for w in sandbox.add_wallets(WALLETS))
        truth = {w: sandbox.balances[int(w)]["EUR"]["at_disposal_decimal"] for w in wallet_ids}
        for client_id, key in clients.items():
            settings = ConnectionSettings(
                profile=client_id,
                base_url=sandbox.url,
                client_id=client_id,
                wallet_ids=wallet_ids,
                interval=1.0,
            )
            poller = Poller(lambda s=settings, k=key: Monitor(s, k), settings)
            errors: list[ErrorReport] = []
            window = MainWindow(poller, error_sink=errors.append, title_suffix=client_id)
            qtbot.addWidget(window)
            window.show()
            soaked.append(Soaked(client_id, poller, window, errors=errors))
        refresher = QTimer()
        for item in soaked:
            refresher.timeout.connect(item.poller.refresh)
        samples: list[tuple[float, Resources]] = []
        sampler = QTimer()
        sampler.timeout.connect(lambda: samples.append((time.monotonic(), measure(sandbox))))

        sandbox.faults.set_rate(FAULT_RATE)
        started = time.monotonic()
        for item in soaked:
            item.poller.start()
        # Warm-up: every poller has polled every wallet once and ended its clock burst (the
        # first balances come mid-burst), so its pools and connections exist.
        qtbot.waitUntil(
            lambda: all(
                {w.wallet_id for w in s.wallets} >= set(wallet_ids) and s.clock for s in soaked
            ),
            timeout=90_000,
        )
        warm_up_s = time.monotonic() - started
        before = measure(sandbox)
        soak_started = time.monotonic()
        refresher.start(REFRESH_MS)
        sampler.start(SAMPLE_MS)
        qtbot.wait(int(SOAK_SECONDS * 1000))  # the soak itself: the event loop runs throughout
        after = measure(sandbox)
        soak_s = time.monotonic() - soak_started
        sampler.stop()

        # The network heals: every wallet must come back to its good values by itself.
        sandbox.faults.set_rate(0.0)
        healed_started = time.monotonic()

        def all_good() -> bool:
            return all(
                (latest := s.latest(w)) is not None
                and latest.error is None
                and latest.balances is not None
                for s in soaked
                for w in wallet_ids
            )

        qtbot.waitUntil(all_good, timeout=150_000)
        heal_s = time.monotonic() - healed_started
        refresher.stop()
        records = list(sandbox.records)

    faults_by_kind = Counter(r.fault for r in records if r.fault)
    real_429 = [r for r in records if r.status == 429 and r.fault is None]
    signed = signed_by_client(records)
    busiest_minute = {c: busiest_window(t, 60.0) for c, t in signed.items()}
    good_results = sum(1 for s in soaked for w in s.wallets if w.error is None and w.balances)
    failed_results = sum(1 for s in soaked for w in s.wallets if w.error is not None)
    errors_by_kind = Counter(w.error.kind for s in soaked for w in s.wallets if w.error)
    states = Counter(st.state for s in soaked for st in s.statuses)
    shown = all(
        str(s.latest(w).balances["EUR"].at_disposal) == truth[w]  # type: ignore[union-attr,index]
        for s in soaked
        for w in wallet_ids
    )
    tables = [s.table_text() for s in soaked]
    checks = {
        "app threads flat": after.app_tasks_but_clock - before.app_tasks_but_clock
        <= MAX_THREAD_GROWTH,
        "clock pools within their size": after.clock_threads <= POLLERS * MAX_REQUESTS,
        "app descriptors flat": after.app_fds - before.app_fds
        <= MAX_FD_GROWTH_PER_POLLER * POLLERS,
        "RSS growth < 20 MB": after.rss_kib - before.rss_kib < MAX_RSS_GROWTH_KIB,
        "faults were met (>= 10, >= 3 kinds)": sum(faults_by_kind.values()) >= 10
        and len(faults_by_kind) >= 3,
        "errors reached the window": failed_results > 0 and all(s.errors for s in soaked),
        "no real 429: the budget held": real_429 == [],
        "<= 60 signed requests in any minute per client": all(
            n <= 60 for n in busiest_minute.values()
        ),
        "latest values are the true balances": shown,
        "every error was followed by a success": all(
            s.every_error_followed_by_success(w) for s in soaked for w in wallet_ids
        ),
        "tables show no failure after healing": all(
            "Balance unavailable" not in text for text in tables
        ),
        "tables show every wallet's amount": all(
            f"{truth[w]} EUR" in text for text in tables for w in wallet_ids
        ),
    }
    summary = {
        "soak_seconds": round(soak_s, 1),
        "warm_up_seconds": round(warm_up_s, 1),
        "heal_seconds": round(heal_s, 1),
        "pollers": POLLERS,
        "wallets_per_poller": WALLETS,
        "requested_interval_s": 1.0,
        "planned_interval_s": soaked[0].statuses[-1].interval,
        "fault_rate": FAULT_RATE,
        "jitter_mean_s": JITTER_S,
        "requests": len(records),
        "signed_requests_by_client": {c: len(t) for c, t in signed.items()},
        "busiest_minute_by_client": busiest_minute,
        "faults_by_kind": dict(faults_by_kind.most_common()),
        "balance_results_good": good_results,
        "balance_results_failed": failed_results,
        "errors_by_kind": dict(errors_by_kind),
        "status_states": dict(states),
        "before": before.as_dict(),
        "after": after.as_dict(),
        "samples": [
            {
                "t": round(t - soak_started, 1),
                "app_tasks": r.app_tasks,
                "clock_threads": r.clock_threads,
                "app_fds": r.app_fds,
                "rss_kib": r.rss_kib,
            }
            for t, r in samples
        ],
        "checks": checks,
    }
    report = tmp_path / "soak.json"
    report.write_text(json.dumps(summary, indent=2))
    print(json.dumps(summary, indent=2))
    print(f"soak figures written to {report}")
    assert all(checks.values()), {name: ok for name, ok in checks.items() if not ok}
