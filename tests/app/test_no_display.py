"""Without a display the window says so in one line and exits 1; Qt never aborts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from wallet_gui.core.display_check import missing_display
from wallet_gui.qt.platform_guard import platform_failure_line
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox

ROOT = Path(__file__).resolve().parents[2]


def _headless_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of a machine without any display: no DISPLAY, WAYLAND_DISPLAY or
    QT_QPA_PLATFORM (the test run's own offscreen setting is left out on purpose)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "WALLET_GUI_MAC_KEY"}
    }
    env.update(HOME=str(tmp_path), NO_PROXY="127.0.0.1", WALLET_GUI_NO_DIALOGS="1", **extra)
    return env


def _run(argv: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv, env=env, capture_output=True, text=True, timeout=120, check=False, cwd=ROOT
    )


def _assert_one_clear_line(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 1, result.stderr  # not 134 (SIGABRT) nor -6
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Aborted" not in result.stderr
    assert "core dumped" not in result.stderr
    assert "xcb-cursor0" not in result.stderr  # Qt's misleading first line stays out
    for needle in needles:
        assert needle in lines[0]


def test_the_window_without_a_display_says_so_in_one_line(tmp_path: Path) -> None:
    result = _run([sys.executable, "-m", "wallet_gui", "--demo"], _headless_env(tmp_path))
    _assert_one_clear_line(
        result, "no display found", "DISPLAY", "xvfb-run -a wallet-gui", "QT_QPA_PLATFORM=offscreen"
    )


def test_ci_demo_without_a_display_says_so_and_exits_1(tmp_path: Path) -> None:
    result = _run(["bash", ".ci/demo"], _headless_env(tmp_path))
    _assert_one_clear_line(result, "no display found", "xvfb-run -a bash .ci/demo")


@pytest.mark.parametrize(
    ("argv", "extra", "reason"),
    [
        # A display that is configured but not there: Qt's own reason, in our one line.
        (["--demo"], {"DISPLAY": ":9999"}, "could not connect to display :9999"),
        (["-platform", "no-such-platform", "--demo"], {}, "no-such-platform"),
        (["--demo"], {"QT_QPA_PLATFORM": "no-such-platform"}, "no-such-platform"),
    ],
)
def test_a_platform_that_cannot_start_is_one_line_not_an_abort(
    tmp_path: Path, argv: list[str], extra: dict[str, str], reason: str
) -> None:
    result = _run([sys.executable, "-m", "wallet_gui", *argv], _headless_env(tmp_path, **extra))
    _assert_one_clear_line(result, "the window cannot open", reason, "xvfb-run -a wallet-gui")


def test_check_still_works_without_a_display(tmp_path: Path, sandbox: Sandbox) -> None:
    env = _headless_env(tmp_path, WALLET_GUI_MAC_KEY=sandbox.clients[DEMO_CLIENT_ID])
    argv = ["check", "--base-url", sandbox.url, "--client-id", DEMO_CLIENT_ID, "--wallet", "14471"]
    result = _run([sys.executable, "-m", "wallet_gui", *argv], env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("WALLET_API OK")


# -- the rule itself -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("qt_arguments", "environ", "system", "missing"),
    [
        ((), {}, "linux", True),
        ((), {"DISPLAY": ""}, "freebsd14", True),  # set but empty counts as unset
        ((), {"DISPLAY": ":0"}, "linux", False),
        ((), {"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ((), {"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        (("-platform", "vnc"), {}, "openbsd7", False),
        ((), {}, "darwin", False),  # the native platform needs no variable
        ((), {}, "win32", False),
    ],
)
def test_no_display_means_nothing_configured_on_linux_and_the_bsds(
    qt_arguments: tuple[str, ...], environ: dict[str, str], system: str, missing: bool
) -> None:
    assert (missing_display(qt_arguments, environ, system) is not None) is missing


def test_qts_reason_spanning_lines_becomes_one_line() -> None:
    line = platform_failure_line(["", "This application failed to start.\n\nAvailable: xcb\n"])
    assert "\n" not in line
    assert "This application failed to start. Available: xcb" in line
