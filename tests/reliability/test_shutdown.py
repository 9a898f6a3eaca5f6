"""Quitting with requests in flight: prompt, clean, and repeatable.

``tests/app`` already covers one slow request in flight (window close, SIGTERM, poller
shutdown). These add what it does not: many wallets in flight at once (the whole fetch pool
blocked on slow answers), Ctrl+C as well as SIGTERM, and ten start/stop cycles of the poller
that leave no thread and no descriptor behind.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import pytest
from pytestqt.exceptions import TimeoutError as QtTimeoutError
from pytestqt.qtbot import QtBot

from tests.helpers import app_args
from tests.reliability.helpers import Resources, measure, watch_arrivals
from wallet_gui.app import Application
from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.monitor import DEFAULT_CONCURRENCY, Monitor
from wallet_gui.qt.poller import Poller
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox

WALLETS = DEFAULT_CONCURRENCY + 8  # more than the pool: some wait in its queue
#: Long enough that nothing in flight finishes by itself within the time limits below.
SLOW_S = 4.0


@pytest.fixture
def slow_balances() -> Iterator[tuple[Sandbox, list[str], list[str]]]:
    """An emulator whose balance answers all take ``SLOW_S``; its wallets; request arrivals."""
    with Sandbox(seed=11) as sandbox:
        wallet_ids = [str(w) for w in sandbox.add_wallets(WALLETS)]
        sandbox.faults.add("slow", path="/balance", times=None, seconds=SLOW_S)
        arrivals = watch_arrivals(sandbox)
        yield sandbox, wallet_ids, arrivals


def balance_arrivals(arrivals: list[str]) -> int:
    return sum(1 for path in list(arrivals) if path.endswith("/balance"))


def fetch_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("wallet-fetch")]


def test_closing_the_window_with_a_full_pool_in_flight_is_prompt(
    qtbot: QtBot,
    slow_balances: tuple[Sandbox, list[str], list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sandbox, wallet_ids, arrivals = slow_balances
    monkeypatch.setenv("WALLET_GUI_NO_DIALOGS", "1")
    monkeypatch.setenv("WALLET_GUI_MAC_KEY", sandbox.clients[DEMO_CLIENT_ID])
    application = Application(
        app_args(base_url=sandbox.url, client_id=DEMO_CLIENT_ID, wallets=wallet_ids)
    )
    try:
        application.start()
        poller, window = application.poller, application.window
        assert poller is not None
        assert window is not None
        # Every fetch thread of the pool is blocked on a slow answer.
        qtbot.waitUntil(lambda: balance_arrivals(arrivals) >= DEFAULT_CONCURRENCY, timeout=10_000)
        assert len(fetch_threads()) == DEFAULT_CONCURRENCY
        started = time.monotonic()
        window.close()
        elapsed = time.monotonic() - started
        assert elapsed < 1.0
        assert not poller.running
        # The pool was shut down with the thread: nothing keeps waiting for the answers.
        assert fetch_threads() == []
        started = time.monotonic()
        application.shutdown()  # what quitting does next: must not wait either
        assert time.monotonic() - started < 0.5
        # The queued wallets were cancelled, not sent after the close.
        sent = balance_arrivals(arrivals)
        assert sent < WALLETS
    finally:
        application.presenter.close_all()
        application.shutdown()
    assert balance_arrivals(arrivals) == sent


@pytest.mark.parametrize("signal_number", [signal.SIGTERM, signal.SIGINT], ids=["TERM", "INT"])
def test_the_app_process_exits_0_promptly_with_many_wallets_in_flight(
    slow_balances: tuple[Sandbox, list[str], list[str]],
    tmp_path: os.PathLike[str],
    signal_number: signal.Signals,
) -> None:
    sandbox, wallet_ids, arrivals = slow_balances
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=f"{tmp_path}/.config",
        WALLET_GUI_NO_DIALOGS="1",
        WALLET_GUI_MAC_KEY=sandbox.clients[DEMO_CLIENT_ID],
    )
    argv = [sys.executable, "-m", "wallet_gui", "--base-url", sandbox.url]
    argv += ["--client-id", DEMO_CLIENT_ID]
    for wallet_id in wallet_ids:
        argv += ["--wallet", wallet_id]
    process = subprocess.Popen(
        argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 20
        while (
            balance_arrivals(arrivals) < DEFAULT_CONCURRENCY
            and time.monotonic() < deadline
            and process.poll() is None
        ):
            time.sleep(0.02)  # a subprocess: polling the emulator is the only way to know
        assert balance_arrivals(arrivals) >= DEFAULT_CONCURRENCY, "the pool never filled"
        started = time.monotonic()
        process.send_signal(signal_number)
        status = process.wait(timeout=10)
        elapsed = time.monotonic() - started
    finally:
        if process.poll() is None:
            process.kill()
        _, err = process.communicate()
    assert status == 0, err
    assert elapsed < 1.5
    assert "Traceback" not in err
    assert "QThread: Destroyed" not in err
    assert balance_arrivals(arrivals) < WALLETS  # the rest were never sent


def test_ten_start_stop_cycles_with_requests_in_flight_leak_no_thread_or_descriptor(
    qtbot: QtBot,
) -> None:
    wallet_ids = ("14471", "20002", "30003")
    with Sandbox(seed=12) as sandbox:
        key = sandbox.clients[DEMO_CLIENT_ID]
        arrivals = watch_arrivals(sandbox)
        settings = ConnectionSettings(
            profile="cycles",
            base_url=sandbox.url,
            client_id=DEMO_CLIENT_ID,
            wallet_ids=wallet_ids,
            interval=1.0,
        )

        def cycle(number: int) -> float:
            """Start a poller, wait until a slow request is in flight, stop it; the stop time."""
            sandbox.faults.clear()
            # Alternate: the first clock probe hangs, or one wallet's balance request hangs
            # while the others' connections wait idle in the keep-alive pool.
            where = "/server" if number % 2 == 0 else f"/wallet/{wallet_ids[0]}/balance"
            sandbox.faults.add("slow", path=where, times=None, seconds=SLOW_S)
            before = sum(1 for path in list(arrivals) if path.endswith(where))
            poller = Poller(lambda: Monitor(settings, key), settings)
            poller.start()
            qtbot.waitUntil(
                lambda: sum(1 for path in list(arrivals) if path.endswith(where)) > before,
                timeout=10_000,
            )
            started = time.monotonic()
            assert poller.shutdown()
            elapsed = time.monotonic() - started
            assert not poller.running
            return elapsed

        cycle(0)  # warm-up: first imports, Qt's own helper threads, the first pools
        baseline = measure(sandbox)
        stops = [cycle(number) for number in range(1, 11)]
        after: list[Resources] = []

        def settled() -> bool:
            after.append(measure(sandbox))
            return (
                after[-1].app_tasks <= baseline.app_tasks and after[-1].app_fds <= baseline.app_fds
            )

        with contextlib.suppress(QtTimeoutError):  # the asserts below show the figures
            qtbot.waitUntil(settled, timeout=3_000)
    assert max(stops) < 1.0, stops
    assert after[-1].app_tasks <= baseline.app_tasks, (baseline, after[-1])
    assert after[-1].app_fds <= baseline.app_fds, (baseline, after[-1])
    assert fetch_threads() == []
