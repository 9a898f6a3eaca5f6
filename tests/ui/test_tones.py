"""Every status colour reads at 4.5:1 or better, on light and on dark palettes, and follows
the palette when it changes (light ↔ dark) while the window is open."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QStatusBar, QWidget
from pytestqt.qtbot import QtBot

from wallet_gui.api.models import CurrencyBalance
from wallet_gui.core.reports import ErrorReport
from wallet_gui.core.state import ClockState, PollStatus, WalletBalances
from wallet_gui.ui import tones
from wallet_gui.ui.balances_panel import BalancesPanel
from wallet_gui.ui.clock_panel import ClockPanel
from wallet_gui.ui.credentials_dialog import CredentialsDialog
from wallet_gui.ui.status_line import StatusLine
from wallet_gui.ui.tones import (
    CHANGED_BACKGROUND,
    CLOCK_BADGES,
    DARK_PALETTE_TEXT,
    DARK_SURFACES,
    LIGHT_PALETTE_TEXT,
    LIGHT_SURFACES,
    MIN_TEXT_CONTRAST,
    TEXT_TONES,
    WARNING_BANNER,
    contrast_ratio,
    is_dark_colour,
    readable,
)

UI = Path(tones.__file__).parent

# -- the ratio itself ----------------------------------------------------------------------


def test_contrast_ratio_matches_wcag() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#336699", "#336699") == pytest.approx(1.0)
    # WCAG's own borderline examples: #767676 passes AA on white, #777777 does not.
    assert contrast_ratio("#767676", "#ffffff") >= 4.5
    assert contrast_ratio("#777777", "#ffffff") < 4.5


def test_a_colour_that_is_not_one_is_an_error() -> None:
    with pytest.raises(ValueError, match="not a colour"):
        contrast_ratio("reddish", "#ffffff")


# -- every pair ------------------------------------------------------------------------------

_TEXT_CASES = [
    (f"{name} {scheme}", colour, surface)
    for name, shade in TEXT_TONES.items()
    for scheme, colour, surfaces in (
        ("light", shade.light, LIGHT_SURFACES),
        ("dark", shade.dark, DARK_SURFACES),
    )
    for surface in surfaces
]
_PAIR_CASES = [
    (f"{name} {scheme}", pair.text, pair.background)
    for name, shade in [*CLOCK_BADGES.items(), ("keyring warning", WARNING_BANNER)]
    for scheme, pair in (("light", shade.light), ("dark", shade.dark))
] + [
    ("changed light", LIGHT_PALETTE_TEXT, CHANGED_BACKGROUND.light),
    ("changed dark", DARK_PALETTE_TEXT, CHANGED_BACKGROUND.dark),
]


@pytest.mark.parametrize(("what", "text", "background"), _TEXT_CASES + _PAIR_CASES)
def test_every_colour_pair_reads_at_4_5_to_1(what: str, text: str, background: str) -> None:
    ratio = contrast_ratio(text, background)
    assert ratio >= MIN_TEXT_CONTRAST, f"{what}: {text} on {background} is {ratio:.2f}:1"


def test_the_reference_surfaces_are_what_they_claim() -> None:
    assert not any(is_dark_colour(colour) for colour in LIGHT_SURFACES)
    assert all(is_dark_colour(colour) for colour in DARK_SURFACES)
    for name, shade in CLOCK_BADGES.items():  # a dark badge on a dark palette, and so on
        assert not is_dark_colour(shade.light.background), name
        assert is_dark_colour(shade.dark.background), name


def test_no_ui_module_keeps_colours_of_its_own() -> None:
    """The status colours live in tones.py only: a hex colour elsewhere would miss the
    contrast check above and the dark variant."""
    hex_colour = re.compile(r"#[0-9a-fA-F]{6}\b")
    owners = [
        "status_line",
        "clock_panel",
        "clock_summary",
        "credentials_dialog",
        "credentials_layout",
        "auth_fields",
        "balances_panel",
    ]
    for name in owners:
        assert not hex_colour.findall((UI / f"{name}.py").read_text()), name


_HEX = st.integers(0, 0xFFFFFF).map(lambda value: f"#{value:06x}")


@given(_HEX, _HEX)
def test_readable_reaches_the_minimum_on_any_background(colour: str, background: str) -> None:
    shown = readable(colour, background)
    assert contrast_ratio(shown, background) >= MIN_TEXT_CONTRAST
    if contrast_ratio(colour, background) >= MIN_TEXT_CONTRAST:
        assert shown == colour  # a colour that reads well is left alone


# -- widgets follow the palette ------------------------------------------------------------


def _palette(window: str, base: str, alternate: str, text: str) -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, alternate),
        (QPalette.ColorRole.Button, window),
    ):
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(role, QColor(text))
    return palette


LIGHT = _palette("#efefef", "#ffffff", "#f7f7f7", "#000000")
DARK = _palette("#323232", "#1e1e1e", "#2a2a2a", "#ffffff")


@pytest.fixture
def light_app(qapp: QApplication) -> Iterator[QApplication]:
    """The application on a light palette; the test switches it; the palette is restored."""
    original = QApplication.palette()
    QApplication.setPalette(LIGHT)
    yield qapp
    QApplication.setPalette(original)


def _sheet_colour(widget: QWidget, prop: str) -> str:
    match = re.search(rf"(?<![-\w]){prop}:\s*(#[0-9a-f]{{6}})", widget.styleSheet())
    assert match is not None, widget.styleSheet()
    return match.group(1)


def _switch_to_dark(qtbot: QtBot, probe: QWidget) -> None:
    QApplication.setPalette(DARK)
    qtbot.waitUntil(lambda: probe.palette().color(QPalette.ColorRole.Window).name() == "#323232")


def test_the_connect_dialog_texts_follow_light_and_dark(
    light_app: QApplication, qtbot: QtBot
) -> None:
    dialog = CredentialsDialog(keyring_message="The keyring is locked.")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.show_test_result(False, "unauthorized")
    result = dialog.findChild(QLabel, "testResultLabel")
    error = dialog.findChild(QLabel, "formError")
    banner = dialog.findChild(QLabel, "keyringWarning")
    assert result is not None
    assert error is not None
    assert banner is not None
    assert _sheet_colour(result, "color") == TEXT_TONES["bad"].light
    assert _sheet_colour(error, "color") == TEXT_TONES["bad"].light
    assert _sheet_colour(banner, "background") == WARNING_BANNER.light.background

    _switch_to_dark(qtbot, dialog)
    assert _sheet_colour(result, "color") == TEXT_TONES["bad"].dark
    assert _sheet_colour(error, "color") == TEXT_TONES["bad"].dark
    assert _sheet_colour(banner, "background") == WARNING_BANNER.dark.background
    assert _sheet_colour(banner, "color") == WARNING_BANNER.dark.text
    assert contrast_ratio(_sheet_colour(result, "color"), "#323232") >= MIN_TEXT_CONTRAST

    QApplication.setPalette(LIGHT)  # and back
    qtbot.waitUntil(lambda: _sheet_colour(result, "color") == TEXT_TONES["bad"].light)
    assert _sheet_colour(banner, "background") == WARNING_BANNER.light.background


def test_the_clock_badge_follows_light_and_dark(light_app: QApplication, qtbot: QtBot) -> None:
    panel = ClockPanel()
    qtbot.addWidget(panel)
    panel.set_state(ClockState(offset=12.0, half_width=0.1, samples=8))
    badge = panel.findChild(QLabel, "clockStatusLabel")
    assert badge is not None
    risky = CLOCK_BADGES[panel.level.value]
    assert _sheet_colour(badge, "background") == risky.light.background
    assert _sheet_colour(badge, "color") == risky.light.text

    _switch_to_dark(qtbot, panel)
    assert _sheet_colour(badge, "background") == risky.dark.background
    assert _sheet_colour(badge, "color") == risky.dark.text


def test_the_state_dot_follows_light_and_dark(light_app: QApplication, qtbot: QtBot) -> None:
    bar = QStatusBar()
    qtbot.addWidget(bar)
    line = StatusLine(bar)
    line.show_status(PollStatus(state="failing", message="reset"))
    dot = bar.findChild(QWidget, "connectionStateDot")
    assert dot is not None
    assert dot.colour().name() == TEXT_TONES["bad"].light  # type: ignore[attr-defined]

    _switch_to_dark(qtbot, bar)
    assert dot.colour().name() == TEXT_TONES["bad"].dark  # type: ignore[attr-defined]
    line.stop()


def test_balance_errors_and_highlights_follow_light_and_dark(
    light_app: QApplication, qtbot: QtBot
) -> None:
    panel = BalancesPanel(highlight_ms=60_000)
    qtbot.addWidget(panel)

    def eur(amount: str) -> WalletBalances:
        balance = CurrencyBalance(currency="EUR", at_disposal=Decimal(amount), reserved=Decimal(0))
        return WalletBalances(wallet_id="1", balances={"EUR": balance}, updated_at=1.0)

    report = ErrorReport(context="Balance of wallet 2", kind="api", message="unauthorized")
    panel.set_wallets((eur("1"), WalletBalances(wallet_id="2", updated_at=1.0, error=report)))
    panel.set_wallet(eur("2"))  # a change: highlighted
    table = panel.table

    def shown() -> tuple[str, str]:
        return table.item(0, 2).background().color().name(), table.item(
            1, 1
        ).foreground().color().name()

    assert shown() == (CHANGED_BACKGROUND.light, TEXT_TONES["bad"].light)
    _switch_to_dark(qtbot, panel)
    assert shown() == (CHANGED_BACKGROUND.dark, TEXT_TONES["bad"].dark)
    panel.clear()
