"""Responsiveness: the longest stall of the GUI event loop while polling over a slow network.

A 5 ms precise ``QTimer`` on the GUI thread records the largest gap between its ticks (a
gap is a stall: nothing else, input or paint, could run either). Measured with:

- this project: the real ``Poller`` (worker thread) feeding the real ``MainWindow``, shown
  offscreen, from its start through the clock burst, polls and two manual refreshes, with
  everything recorded to a history database and judged by the alert engine as in the app;
- the baseline: a synchronous design, a GUI-thread ``QTimer`` whose slot calls the same
  ``Monitor`` (a clock probe, then the balances, alternately) on the GUI thread.

The emulator runs in its own process (``python -m wallet_gui.sandbox``) so that its threads
do not compete with the GUI for this interpreter's GIL: the latency is the network's, as it
would be against the real API. Rate limits stay on, as against the real API.

Run alone: ``python -m benchmarks.responsiveness [--quick]``.
"""

from __future__ import annotations

import argparse
import os
import secrets
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.common import ROOT, Row, percentile, print_table, section

TARGET_MS = 16.0
TICK_MS = 5
LATENCIES = (0.4, 2.0)


@dataclass
class Stalls:
    """Gaps between ticks of the GUI thread's 5 ms timer."""

    gaps: list[float] = field(default_factory=list)
    events: dict[str, int] = field(default_factory=dict)

    @property
    def worst_ms(self) -> float:
        return 1000 * max(self.gaps) if self.gaps else float("nan")

    @property
    def p99_ms(self) -> float:
        return 1000 * percentile(self.gaps, 0.99)

    def over(self, ms: float) -> int:
        return sum(gap * 1000 > ms for gap in self.gaps)


class _Emulator:
    """``python -m wallet_gui.sandbox`` in a child process, on 127.0.0.1."""

    def __init__(self, latency: float) -> None:
        self.key = secrets.token_urlsafe(24)
        self.url = ""
        self.wallets: tuple[str, ...] = ()
        # stderr to a file, not a pipe: nobody reads it while the child runs, and it is only
        # wanted when the child fails to start.
        self._errors = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 - closed in close()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "wallet_gui.sandbox",
                "--latency",
                str(latency),
                "--jitter",
                "0.002",
                "--mac-key",
                self.key,
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=self._errors,
            text=True,
        )
        assert self.process.stdout is not None
        for _ in range(20):  # bounded: the banner is a handful of lines
            text = self.process.stdout.readline()
            if not text:
                break
            if text.startswith("Wallet API emulator at "):
                self.url = text.split(" at ", 1)[1].strip()
            elif text.startswith("Wallets: "):
                self.wallets = tuple(w.strip() for w in text[9:].split(","))
                break
        if not self.url or not self.wallets:
            self._errors.seek(0)
            detail = self._errors.read()[-800:]
            self.close()
            raise RuntimeError(f"the emulator did not start: {detail}")

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()
        self._errors.close()


_NOISE = "This plugin does not support propagateSizeHints()"


def _qt():  # type: ignore[no-untyped-def]
    """The QApplication, offscreen, created on first use (one per process).

    The offscreen platform warns that it cannot propagate size hints each time a window is
    shown; that line is dropped so it does not break up the report. Other messages pass.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])

        def handler(_kind: object, _context: object, message: str) -> None:
            if message != _NOISE:
                print(message, file=sys.stderr)

        qInstallMessageHandler(handler)
    return app


def _measure(duration: float, setup, actions: list[tuple[float, object]]) -> Stalls:  # type: ignore[no-untyped-def]
    """Run the event loop ``duration`` seconds with the 5 ms meter; ``actions`` at offsets."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    stalls = Stalls()
    loop = QEventLoop()
    last = [0.0]

    def tick() -> None:
        now = time.perf_counter()
        stalls.gaps.append(now - last[0])
        last[0] = now

    meter = QTimer()
    meter.setTimerType(Qt.TimerType.PreciseTimer)
    meter.setInterval(TICK_MS)
    meter.timeout.connect(tick)
    last[0] = time.perf_counter()
    meter.start()
    setup()
    for offset, action in actions:
        QTimer.singleShot(int(1000 * offset), action)
    QTimer.singleShot(int(1000 * duration), loop.quit)
    loop.exec()
    meter.stop()
    return stalls


def measure_poller(latency: float, duration: float, *, window: bool = True) -> Stalls:
    """The project: ``Poller`` on its worker thread, results shown by ``MainWindow``."""
    _qt()
    from PySide6.QtCore import QCoreApplication

    from wallet_gui.app_history import ConnectionHistory, HistoryServices
    from wallet_gui.core.alert_rules import AlertRules
    from wallet_gui.core.connection import ConnectionSettings
    from wallet_gui.core.monitor import Monitor
    from wallet_gui.qt.poller import Poller
    from wallet_gui.sandbox import DEMO_CLIENT_ID
    from wallet_gui.ui.main_window import MainWindow

    emulator = _Emulator(latency)
    data = tempfile.TemporaryDirectory(prefix="wallet-bench-history-")
    services = HistoryServices(Path(data.name) / "history.sqlite3")
    try:
        settings = ConnectionSettings(
            profile="bench",
            base_url=emulator.url,
            client_id=DEMO_CLIENT_ID,
            wallet_ids=emulator.wallets,
            interval=3.0,
        )
        key = emulator.key
        poller = Poller(lambda: Monitor(settings, key), settings)
        counts = {"balances": 0, "clock": 0, "errors": 0}

        def count(name: str):  # type: ignore[no-untyped-def]
            def bump(_value: object) -> None:
                counts[name] += 1

            return bump

        poller.roundFinished.connect(count("balances"))
        poller.clockChanged.connect(count("clock"))
        poller.errorOccurred.connect(count("errors"))
        shown = None
        recorder = None
        if window:
            shown = MainWindow(
                poller, title_suffix="benchmark", history=services.reader, profile="bench"
            )
            recorder = ConnectionHistory(
                services, "bench", AlertRules(), poller, shown, lambda _report: None
            )
            shown.show()
            # Building and first painting the window is start-up, not polling: not measured.
            deadline = time.monotonic() + 0.5
            while time.monotonic() < deadline:
                QCoreApplication.processEvents()
                time.sleep(0.01)
        stalls = _measure(
            duration,
            poller.start,
            [(0.4 * duration, poller.refresh), (0.7 * duration, poller.refresh)],
        )
        stalls.events = dict(counts)
        poller.shutdown()
        if recorder is not None:
            recorder.stop()
        if shown is not None:
            shown.close()
            shown.deleteLater()
        QCoreApplication.processEvents()
    finally:
        services.close()
        data.cleanup()
        emulator.close()
    return stalls


def measure_synchronous(latency: float, calls: int) -> Stalls:
    """The baseline: the same ``Monitor`` called from a GUI-thread timer (probe, balances…)."""
    _qt()
    from PySide6.QtCore import QTimer

    from wallet_gui.core.connection import ConnectionSettings
    from wallet_gui.core.monitor import Monitor
    from wallet_gui.sandbox import DEMO_CLIENT_ID

    emulator = _Emulator(latency)
    try:
        settings = ConnectionSettings(
            profile="bench",
            base_url=emulator.url,
            client_id=DEMO_CLIENT_ID,
            wallet_ids=emulator.wallets,
        )
        monitor = Monitor(settings, emulator.key)
        done = {"probe": 0, "balances": 0}
        poll = QTimer()
        poll.setInterval(300)

        def work() -> None:
            if done["probe"] <= done["balances"]:
                monitor.probe()
                done["probe"] += 1
            else:
                monitor.balances(list(settings.wallet_ids))
                done["balances"] += 1
            if sum(done.values()) >= calls:
                poll.stop()

        poll.timeout.connect(work)
        duration = calls * (latency + 0.3) + 0.5
        stalls = _measure(duration, poll.start, [])
        stalls.events = dict(done)
        monitor.close()
    finally:
        emulator.close()
    return stalls


def run(quick: bool = False) -> list[Row]:
    """Measure and print the responsiveness figures; returns their table rows."""
    section("Responsiveness: longest GUI event-loop stall (5 ms timer) while polling")
    config = tempfile.mkdtemp(prefix="wallet-bench-")
    previous = os.environ.get("XDG_CONFIG_HOME")
    os.environ["XDG_CONFIG_HOME"] = config  # the window's geometry goes here, not to ~/.config
    rows: list[Row] = []
    try:
        for latency in LATENCIES:
            duration = (6.0 if quick else 10.0) + 4 * latency
            ours = measure_poller(latency, duration)
            sync = measure_synchronous(latency, 2 if quick else 4)
            print(
                f"  latency {latency * 1000:.0f} ms: Poller + MainWindow over {duration:.0f} s "
                f"({ours.events.get('balances', 0)} balance updates, "
                f"{ours.events.get('clock', 0)} clock updates, "
                f"{ours.events.get('errors', 0)} errors, 2 refreshes): worst gap "
                f"{ours.worst_ms:.1f} ms, p99 {ours.p99_ms:.1f} ms, {ours.over(TARGET_MS)} of "
                f"{len(ours.gaps)} gaps > {TARGET_MS:.0f} ms"
            )
            print(
                f"  latency {latency * 1000:.0f} ms: synchronous GUI-thread calls "
                f"({sync.events}): worst gap {sync.worst_ms:.1f} ms"
            )
            rows.append(
                Row(
                    f"GUI stall @{latency * 1000:.0f} ms latency",
                    f"{ours.worst_ms:.1f} ms",
                    f"{sync.worst_ms:.0f} ms (synchronous)",
                    f"{ours.worst_ms / sync.worst_ms:.3f}×",
                    f"< {TARGET_MS:.0f} ms",
                    ours.worst_ms < TARGET_MS,
                )
            )
    finally:
        if previous is None:
            os.environ.pop("XDG_CONFIG_HOME", None)
        else:
            os.environ["XDG_CONFIG_HOME"] = previous
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="shorter runs (about 30 s)")
    args = parser.parse_args(argv)
    rows = run(quick=args.quick)
    print()
    print_table(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
