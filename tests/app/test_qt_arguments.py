"""Qt's own command-line options reach QApplication, and argparse never sees them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers import process_env
from wallet_gui.cli import parse_check_request, parse_exporter_request, parse_window_request
from wallet_gui.core.qt_arguments import (
    FLAG_OPTIONS,
    VALUE_OPTIONS,
    QtArgumentError,
    chosen_platform,
    split_qt_arguments,
)

# -- splitting -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "qt", "ours"),
    [
        (["-style", "fusion", "--demo"], ["-style", "fusion"], ["--demo"]),
        (["--demo", "-style=fusion"], ["-style", "fusion"], ["--demo"]),
        (["-reverse", "--demo", "-widgetcount"], ["-reverse", "-widgetcount"], ["--demo"]),
        (["-platform", "offscreen"], ["-platform", "offscreen"], []),
        (["-platform=vnc:size=800x600"], ["-platform", "vnc:size=800x600"], []),
        (["-stylesheet=/tmp/a=b.qss"], ["-stylesheet", "/tmp/a=b.qss"], []),
        (["-qwindowgeometry", "800x600+0+0"], ["-qwindowgeometry", "800x600+0+0"], []),
        (
            ["-display", ":1", "-geometry", "1x1", "-sync"],
            ["-display", ":1", "-geometry", "1x1", "-sync"],
            [],
        ),
        (["-nograb", "-dograb"], ["-nograb", "-dograb"], []),
        # Qt reads these only in the -opt=value form: handed over in that form.
        (["-qmljsdebugger", "port:1234"], ["-qmljsdebugger=port:1234"], []),
        (["-dialogs=xp", "-fontengine", "freetype"], ["-dialogs=xp", "-fontengine=freetype"], []),
    ],
)
def test_qt_options_are_split_out_in_the_form_qt_reads(
    argv: list[str], qt: list[str], ours: list[str]
) -> None:
    split = split_qt_arguments(argv)
    assert list(split.qt) == qt
    assert list(split.ours) == ours


def test_a_value_that_looks_like_an_option_is_still_the_value() -> None:
    split = split_qt_arguments(["-qwindowtitle", "--demo", "-style", "-reverse", "--interval", "9"])
    assert split.qt == ("-qwindowtitle", "--demo", "-style", "-reverse")
    assert split.ours == ("--interval", "9")


def test_double_dash_spellings_and_unknown_single_dash_words_stay_ours() -> None:
    split = split_qt_arguments(["--style", "fusion", "--reverse", "-x", "-reverse=1", "-h"])
    assert split.qt == ()
    assert split.ours == ("--style", "fusion", "--reverse", "-x", "-reverse=1", "-h")


def test_double_dash_ends_the_splitting() -> None:
    split = split_qt_arguments(["-reverse", "--", "-style", "fusion"])
    assert split.qt == ("-reverse",)
    assert split.ours == ("--", "-style", "fusion")


@pytest.mark.parametrize("argv", [["--demo", "-style"], ["-platform="], ["-style="]])
def test_a_value_option_without_a_value_is_an_error(argv: list[str]) -> None:
    with pytest.raises(QtArgumentError, match="needs a value"):
        split_qt_arguments(argv)


def test_the_chosen_platform_is_the_last_one() -> None:
    assert (
        chosen_platform(("-platform", "xcb", "-reverse", "-platform", "offscreen")) == "offscreen"
    )
    assert chosen_platform(("-reverse",)) is None
    assert chosen_platform(("-qwindowtitle", "-platform")) is None  # a title, not an option


_EQUALS_ONLY = {"qmljsdebugger", "dialogs", "fontengine"}
# (the words on the command line, what Qt should get, what argparse should get)
_Piece = tuple[list[str], list[str], list[str]]


def _value_piece(name: str, value: str, equals: bool) -> _Piece:
    given_words = [f"-{name}={value}"] if equals else [f"-{name}", value]
    qt = [f"-{name}={value}"] if name in _EQUALS_ONLY else [f"-{name}", value]
    return given_words, qt, []


_PIECES = st.one_of(
    st.sampled_from(["--demo", "--interval", "9", "x", "-", "--style", "-h", "--"]).map(
        lambda word: ([word], [], [word])
    ),
    st.sampled_from(sorted(FLAG_OPTIONS)).map(lambda name: ([f"-{name}"], [f"-{name}"], [])),
    st.builds(
        _value_piece,
        st.sampled_from(sorted(VALUE_OPTIONS)),
        st.text(min_size=1, max_size=8),
        st.booleans(),
    ),
)


@given(st.lists(_PIECES, max_size=12))
def test_every_qt_option_goes_to_qt_and_our_words_keep_their_order(
    pieces: list[_Piece],
) -> None:
    argv = [word for words, _, _ in pieces for word in words]
    split = split_qt_arguments(argv)
    qt: list[str] = []
    ours: list[str] = []
    for index, (words, to_qt, to_us) in enumerate(pieces):
        if words == ["--"]:  # the rest is ours, word for word
            ours.extend(word for rest, _, _ in pieces[index:] for word in rest)
            break
        qt.extend(to_qt)
        ours.extend(to_us)
    assert list(split.qt) == qt
    assert list(split.ours) == ours


# -- the command line ------------------------------------------------------------------------


def test_the_window_command_line_takes_qt_options_beside_ours() -> None:
    request = parse_window_request(["-style", "fusion", "--demo", "-reverse", "--demo-offset", "3"])
    assert request.demo
    assert request.demo_offset == 3.0
    assert request.qt_arguments == ("-style", "fusion", "-reverse")


def test_a_qt_option_missing_its_value_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        parse_window_request(["--demo", "-style"])
    assert exit_info.value.code == 2
    assert "-style needs a value" in capsys.readouterr().err


def test_check_does_not_take_qt_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        parse_check_request(["-style", "fusion"])
    assert exit_info.value.code == 3  # the plugin's UNKNOWN: an unknown argument
    assert "-style" in capsys.readouterr().out


def test_the_exporter_does_not_take_qt_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        parse_exporter_request(["-reverse"])
    assert exit_info.value.code == 2
    assert "-reverse" in capsys.readouterr().err


# -- a real window -------------------------------------------------------------------------

# Runs the real entry point; after the window is shown, it reports what Qt made of the
# options and quits the same way as the Quit menu item.
_REPORTER = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from wallet_gui import app as app_module
from wallet_gui.cli import main

original = app_module.Application.connect_to

def connect_to(self, settings, secret, *, demo=False):
    original(self, settings, secret, demo=demo)
    print("direction", self.window.layoutDirection().name, flush=True)
    print("app-direction", QApplication.layoutDirection().name, flush=True)
    print("style", self.window.style().name(), flush=True)
    QTimer.singleShot(0, self.quit)

app_module.Application.connect_to = connect_to
sys.exit(main(sys.argv[1:]))
"""


def _window_report(tmp_path: Path, *argv: str) -> dict[str, str]:
    env = process_env(tmp_path, WALLET_GUI_NO_DIALOGS="1")
    result = subprocess.run(
        [sys.executable, "-c", _REPORTER, *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    pairs = (line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    return dict(pairs)


def test_qt_options_reach_the_real_window(tmp_path: Path) -> None:
    report = _window_report(tmp_path, "-style", "fusion", "-reverse", "--demo")
    assert report["direction"] == "RightToLeft"
    assert report["app-direction"] == "RightToLeft"
    assert report["style"] == "fusion"


def test_another_style_by_the_equals_form_reaches_the_window(tmp_path: Path) -> None:
    # Fusion is also offscreen's default: Windows shows the option really is what counts.
    report = _window_report(tmp_path, "--demo", "-style=windows")
    assert report["style"] == "windows"
    assert report["direction"] == "LeftToRight"
