"""``--exit-after-first-round``, the smoke test of installed and frozen copies, and what
``app.run`` tells the desktop (application id, window icon)."""

from __future__ import annotations

import sys
import textwrap

import pytest
from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from tests.packaging.conftest import offscreen_env, run
from wallet_gui.cli import parse_window_request
from wallet_gui.core.app_identity import APP_ID, ICON_SIZES
from wallet_gui.core.reports import ErrorReport
from wallet_gui.core.state import PollState, PollStatus, RoundResult, WalletBalances
from wallet_gui.qt.first_round import FirstRoundExit


class _FakePoller(QObject):
    roundFinished = Signal(object)


def _round(*wallets: WalletBalances) -> RoundResult:
    return RoundResult(wallets=wallets, status=PollStatus(state=PollState.CONNECTED))


def test_the_option_reaches_the_request() -> None:
    assert parse_window_request(["--demo", "--exit-after-first-round"]).exit_after_first_round
    assert not parse_window_request(["--demo"]).exit_after_first_round


def test_it_quits_with_0_on_the_first_round_with_balances(qtbot: QtBot) -> None:
    poller = _FakePoller()
    quits: list[int] = []
    watcher = FirstRoundExit(poller, lambda: quits.append(1), timeout_s=60)  # type: ignore[arg-type]
    failed = WalletBalances(
        wallet_id="1", error=ErrorReport(context="Wallet 1", kind="transport", message="down")
    )
    poller.roundFinished.emit(_round(failed))
    assert (watcher.status, quits) == (None, [])  # a round of failures is not the app working
    poller.roundFinished.emit(_round(failed, WalletBalances(wallet_id="2", balances={})))
    poller.roundFinished.emit(_round(WalletBalances(wallet_id="2", balances={})))
    assert (watcher.status, quits) == (0, [1])  # once, however many rounds follow


def test_it_quits_with_1_and_says_why_when_no_round_comes(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    quits: list[int] = []
    watcher = FirstRoundExit(None, lambda: quits.append(1), timeout_s=0.05)
    qtbot.waitUntil(lambda: watcher.status is not None, timeout=5000)
    assert (watcher.status, quits) == (1, [1])
    assert capsys.readouterr().err == "wallet-gui: no balances reached the window within 0.05 s\n"


def test_run_names_the_app_to_the_desktop_and_exits_0_after_the_demo_round() -> None:
    """The real ``run()`` on the demo, in a child process (it installs signal handlers)."""
    driver = textwrap.dedent(
        """
        import sys
        from PySide6.QtWidgets import QApplication
        from wallet_gui.app import run
        from wallet_gui.cli import parse_window_request

        qt = QApplication(sys.argv[:1])
        status = run(parse_window_request(["--demo", "--exit-after-first-round"]))
        sizes = sorted({s.width() for s in qt.windowIcon().availableSizes()})
        print(qt.desktopFileName(), *sizes)
        sys.exit(status)
        """
    )
    result = run([sys.executable, "-c", driver], env=offscreen_env())
    assert result.returncode == 0, result.stderr
    name, *sizes = result.stdout.split()
    assert name == APP_ID
    assert set(ICON_SIZES) <= {int(size) for size in sizes}
