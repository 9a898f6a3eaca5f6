"""The rate budget as the server counts it: by arrival, whatever the network did in between.

The published limit is 60 signed requests in any 60 s *as the API counts them*, i.e. by
when they arrive. Minutes of wall time are compressed here: the worker's ``RateBudget`` and
the emulator's limits are scaled down together to 6 requests in any 3 s (the hourly limit
unchanged), which keeps the geometry of the problem and makes the test take seconds.
Nothing of the budget is bypassed: only its window and count are smaller.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from tests.helpers import each_wallet
from tests.reliability.helpers import busiest_window
from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.monitor import Monitor
from wallet_gui.core.poll_policy import PollPolicy
from wallet_gui.core.state import WalletBalances
from wallet_gui.qt.poller import Poller
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox

WINDOW_S, LIMIT = 3.0, 6
SCALED_LIMITS = ((WINDOW_S, LIMIT), (3600.0, 1000))
_MAC_ID = re.compile(r'id="([^"]+)"')


def test_slow_then_fast_answers_never_put_more_than_the_limit_in_the_servers_window(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    wallet_ids = ("14471", "20002", "30003")
    # The first poll's requests take 0.8 s to reach the server; later ones arrive at once.
    with Sandbox(seed=3, latency=0.8, forward_share=1.0, rate_limits=SCALED_LIMITS) as sandbox:
        settings = ConnectionSettings(
            profile="budget",
            base_url=sandbox.url,
            client_id=DEMO_CLIENT_ID,
            wallet_ids=wallet_ids,
            interval=1.0,
        )
        key = sandbox.clients[DEMO_CLIENT_ID]
        policy = PollPolicy(wallet_ids, settings.interval, limits=SCALED_LIMITS)
        poller = Poller(lambda: Monitor(settings, key), settings, policy=policy)
        seen: list[WalletBalances] = []

        def on_wallet(wallet: WalletBalances) -> None:
            seen.append(wallet)
            sandbox.latency = 0.0  # the network got faster after the first answers

        poller.roundFinished.connect(each_wallet(on_wallet))
        refresher = QTimer()
        refresher.timeout.connect(poller.refresh)  # a user pressing F5 again and again
        try:
            poller.start()
            refresher.start(100)
            # Three polls' worth of answers: the third is the one the budget must hold back
            # until the server's window (not only the client's) has room.
            qtbot.waitUntil(lambda: len(seen) >= 3 * len(wallet_ids), timeout=15_000)
        finally:
            refresher.stop()
            assert poller.shutdown()
        records = list(sandbox.records)
    arrivals = [
        r.server_time for r in records if _MAC_ID.search(r.headers.get("Authorization", ""))
    ]
    refused = [r for r in records if r.status == 429]
    assert refused == [], f"the emulator refused {len(refused)} request(s) for the rate limit"
    assert busiest_window(arrivals, WINDOW_S) <= LIMIT


def test_the_invalid_timestamp_retry_counts_against_the_budget(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    wallet_ids = ("14471", "20002", "30003")
    with Sandbox(seed=4, rate_limits=SCALED_LIMITS) as sandbox:
        sandbox.faults.add("invalid_timestamp", path="/wallet/14471/balance", times=1)
        settings = ConnectionSettings(
            profile="budget-retry",
            base_url=sandbox.url,
            client_id=DEMO_CLIENT_ID,
            wallet_ids=wallet_ids,
            interval=1.0,
        )
        key = sandbox.clients[DEMO_CLIENT_ID]
        policy = PollPolicy(wallet_ids, settings.interval, limits=SCALED_LIMITS)
        poller = Poller(lambda: Monitor(settings, key), settings, policy=policy)
        seen: list[WalletBalances] = []
        poller.roundFinished.connect(each_wallet(seen.append))
        refresher = QTimer()
        refresher.timeout.connect(poller.refresh)
        try:
            poller.start()
            refresher.start(100)
            qtbot.waitUntil(lambda: len(seen) >= 3 * len(wallet_ids), timeout=15_000)
        finally:
            refresher.stop()
            assert poller.shutdown()
        records = list(sandbox.records)
    signed = [r for r in records if _MAC_ID.search(r.headers.get("Authorization", ""))]
    assert [r.fault for r in signed].count("invalid_timestamp") == 1  # the retry happened
    assert busiest_window([r.server_time for r in signed], WINDOW_S) <= LIMIT
