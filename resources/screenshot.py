"""Render the main window offscreen and save it as a PNG.

Why: a screenshot is how we look at the window on machines without a display (CI, servers)
and what the README shows. By default it is the real demo — the app with its built-in
emulator, a 42.4 s clock skew and a 100 ms network — grabbed once balances are in and the
clock burst is done. ``--staged`` instead feeds a fixed state through a fake poller (an hour
of clock history, a failing wallet, a highlighted change, a stretched interval) to look at
states the demo does not reach in seconds.

Usage:
    python resources/screenshot.py                       # resources/screenshot.png, 1100×720
    python resources/screenshot.py --staged --size 800x500 -o /tmp/small.png
    python resources/screenshot.py --panels /tmp/panels  # also each panel alone
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
import time
from pathlib import Path

# Qt aborts (rather than raising) without a platform, so choose one before importing it.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing the package
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QObject, Signal  # noqa: E402  (after the platform choice)
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget, QWidget  # noqa: E402

from wallet_gui.api.models import parse_balance, parse_configuration  # noqa: E402
from wallet_gui.core.reports import ErrorReport  # noqa: E402
from wallet_gui.core.state import ClockPoint, ClockState, PollStatus, RoundResult, WalletBalances  # noqa: E402
from wallet_gui.sandbox import data  # noqa: E402
from wallet_gui.ui.main_window import MainWindow  # noqa: E402

DEFAULT_OUTPUT = ROOT / "resources" / "screenshot.png"


class DemoPoller(QObject):
    """The poller's signals and methods, with nothing behind them."""

    clockChanged = Signal(object)
    configurationChanged = Signal(object)
    roundFinished = Signal(object)
    statusChanged = Signal(object)
    errorOccurred = Signal(object)
    requestChanged = Signal(object)

    def refresh(self) -> None:
        """Nothing to refresh: the demo state is fixed."""

    def shutdown(self) -> bool:
        return True


def demo_clock(now: float) -> ClockState:
    """An hour of probes every 30 s: the bound tightens as samples pile up, with slow drift."""
    history = []
    for index in range(120):
        wall = now - (119 - index) * 30.0
        offset = -12.371 + 0.000015 * (wall - now) + 0.002 * math.sin(index / 7)
        half_width = max(0.012, 0.45 / math.sqrt(index + 1))
        history.append(ClockPoint(wall_time=wall, offset=offset, half_width=half_width))
    last = history[-1]
    return ClockState(
        offset=last.offset,
        half_width=last.half_width,
        typical_error=0.0041,
        rtt_min=0.0382,
        rate_ppm=15.2,
        rate_half_width_ppm=3.1,
        samples=120,
        falsetickers=2,
        measured_at=last.wall_time,
        note=None,
        history=tuple(history),
    )


def demo_wallets(now: float) -> list[WalletBalances]:
    wallets = []
    for wallet_id, wallet in data.WALLETS.items():
        wallets.append(
            WalletBalances(
                wallet_id=str(wallet_id),
                display_name=wallet["account"].get("owner_display_name"),
                balances=parse_balance(data.BALANCES[wallet_id]),
                updated_at=now - 4,
            )
        )
    wallets.append(
        WalletBalances(
            wallet_id="40004",
            display_name="Archive account",
            updated_at=now - 3600,
            error=ErrorReport(
                context="Balance of wallet 40004",
                kind="api",
                message="forbidden: this client may not see wallet 40004",
                code="forbidden",
                status=403,
            ),
        )
    )
    return wallets


def feed(poller: DemoPoller, now: float) -> None:
    """Send the demo state, then one changed balance so that a highlight shows."""
    status = PollStatus(
        state="connected",
        last_poll=now - 4,
        next_poll=now + 41,
        interval=45.0,
        requested_interval=30.0,
    )
    poller.configurationChanged.emit(parse_configuration(data.CONFIGURATION))
    poller.clockChanged.emit(demo_clock(now))
    wallets = demo_wallets(now)
    poller.roundFinished.emit(RoundResult(wallets=tuple(wallets), status=status))
    changed = dict(data.BALANCES[20002])
    changed["EUR"] = {"at_disposal_decimal": "1275.50", "reserved_decimal": "120.00"}
    poller.roundFinished.emit(
        RoundResult(
            wallets=(
                WalletBalances(
                    wallet_id="20002",
                    display_name=wallets[1].display_name,
                    balances=parse_balance(changed),
                    updated_at=now,
                ),
            ),
            status=status,
        )
    )


def live_demo(app: QApplication, timeout_s: float = 30.0) -> tuple[object, MainWindow]:
    """Start the real demo and wait until every panel has real data."""
    from wallet_gui.app import Application
    from wallet_gui.cli import parse_window_request

    request = parse_window_request(["--demo", "--demo-offset", "-42.4", "--demo-latency", "0.1"])
    application = Application(request)
    application.start()
    window = application.window
    assert isinstance(window, MainWindow)
    balances = window.findChild(QTableWidget, "balancesTable")
    samples = window.findChild(QLabel, "clockSamplesLabel")
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if balances.rowCount() >= 7 and samples.text().isdigit() and int(samples.text()) >= 8:
            break
        time.sleep(0.02)
    else:
        raise SystemExit("the demo did not fill the window in time")
    return application, window


def grab(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"wrote {path}")  # noqa: T201  (a command-line script reports what it wrote)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--size", default="1100x720", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--panels", type=Path, help="also save each panel alone to this folder")
    parser.add_argument(
        "--staged", action="store_true", help="a fixed state from a fake poller, not the demo"
    )
    args = parser.parse_args(argv)
    width, height = (int(part) for part in args.size.lower().split("x"))

    with tempfile.TemporaryDirectory() as settings_dir:
        # Keep the user's saved window geometry out of the picture, and ours out of theirs.
        os.environ["XDG_CONFIG_HOME"] = settings_dir
        os.environ["WALLET_GUI_NO_DIALOGS"] = "1"
        app = QApplication.instance() or QApplication(sys.argv[:1])
        application = None
        if args.staged:
            poller = DemoPoller()
            window = MainWindow(poller, title_suffix="demo")
            window.resize(width, height)
            window.show()
            feed(poller, time.time())
        else:
            application, window = live_demo(app)
            window.resize(width, height)
        app.processEvents()
        grab(window, args.output)
        if args.panels is not None:
            args.panels.mkdir(parents=True, exist_ok=True)
            grab(window.clock_panel, args.panels / "clock_panel.png")
            grab(window.balances_panel, args.panels / "balances_panel.png")
            window.findChild(QWidget, "dataTabs").setCurrentIndex(1)  # type: ignore[attr-defined]
            grab(window.configuration_panel, args.panels / "configuration_panel.png")
        window.close()
        if application is not None:
            application.shutdown()  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    sys.exit(main())
