"""The tray icon: its colour follows the worst alert, and its menu emits the intents.

The offscreen platform has no system tray, so the icon stays hidden here; the menu and its
actions exist all the same and are driven directly.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QAction, QColor, QIcon, QPixmap
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from wallet_gui.ui.tray import STATE_COLOURS, TrayIcon, badge_icon


@pytest.fixture
def tray(qtbot: QtBot) -> Iterator[TrayIcon]:
    icon = TrayIcon()
    yield icon
    icon.dispose()


def action(tray: TrayIcon, name: str) -> QAction:
    found = tray.menu().findChild(QAction, name)
    assert found is not None, name
    return found


def centre_colour(icon: QIcon, x: int, y: int) -> str:
    return icon.pixmap(64, 64).toImage().pixelColor(x, y).name()


def test_shown_only_where_the_platform_has_a_tray(tray: TrayIcon) -> None:
    assert tray.objectName() == "trayIcon"
    assert tray.available == QSystemTrayIcon.isSystemTrayAvailable()
    assert not tray.available  # offscreen
    assert not tray.show_message("title", "body")  # no tray: the notifier's fallback says so


def test_menu_actions_emit_the_intents(qtbot: QtBot, tray: TrayIcon) -> None:
    names = [a.objectName() for a in tray.menu().actions() if not a.isSeparator()]
    assert names == ["trayShowHideAction", "trayRefreshAction", "trayQuitAction"]
    with qtbot.waitSignal(tray.hideRequested, timeout=1000):
        action(tray, "trayShowHideAction").trigger()
    tray.set_window_visible(False)
    assert action(tray, "trayShowHideAction").text() == "Show window"
    with qtbot.waitSignal(tray.showRequested, timeout=1000):
        action(tray, "trayShowHideAction").trigger()
    with qtbot.waitSignal(tray.refreshRequested, timeout=1000):
        action(tray, "trayRefreshAction").trigger()
    with qtbot.waitSignal(tray.quitRequested, timeout=1000):
        action(tray, "trayQuitAction").trigger()


def test_a_click_on_the_icon_toggles_the_window(qtbot: QtBot, tray: TrayIcon) -> None:
    tray.set_window_visible(True)
    with qtbot.waitSignal(tray.hideRequested, timeout=1000):
        tray.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)


@pytest.mark.parametrize("state", ["ok", "warning", "critical"])
def test_the_badge_has_the_worst_states_colour(tray: TrayIcon, state: str) -> None:
    tray.set_state(state)
    assert tray.state() == state
    # The badge sits in the lower right quarter; its middle is the state's colour.
    assert centre_colour(tray.icon(), 47, 47) == STATE_COLOURS[state]
    assert state in tray.toolTip() or "fine" in tray.toolTip()


def test_without_an_app_icon_a_plain_disc_is_drawn(qtbot: QtBot) -> None:
    icon = badge_icon(QIcon(), "critical")
    assert centre_colour(icon, 32, 32) == STATE_COLOURS["critical"]
    assert QColor(icon.pixmap(64, 64).toImage().pixelColor(1, 1)).alpha() == 0
    assert not QPixmap(icon.pixmap(64, 64)).isNull()
