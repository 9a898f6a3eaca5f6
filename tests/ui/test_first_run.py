"""The welcome screen turns each choice into its signal."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from wallet_gui.ui.first_run import FirstRunWidget


def make_widget(qtbot: QtBot, profiles: tuple[str, ...] = ()) -> FirstRunWidget:
    widget = FirstRunWidget(profiles=profiles)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def button(widget: QWidget, name: str) -> QPushButton:
    found = widget.findChild(QPushButton, name)
    assert found is not None, name
    return found


def profile_list(widget: QWidget) -> QListWidget:
    found = widget.findChild(QListWidget, "profileList")
    assert found is not None
    return found


def test_connect_button_requests_a_connection(qtbot: QtBot) -> None:
    widget = make_widget(qtbot)

    with qtbot.waitSignal(widget.connectRequested, timeout=1000):
        qtbot.mouseClick(button(widget, "connectButton"), Qt.MouseButton.LeftButton)


def test_demo_button_requests_the_demo(qtbot: QtBot) -> None:
    widget = make_widget(qtbot)

    with (
        qtbot.assertNotEmitted(widget.connectRequested),
        qtbot.waitSignal(widget.demoRequested, timeout=1000),
    ):
        qtbot.mouseClick(button(widget, "demoButton"), Qt.MouseButton.LeftButton)


def test_without_saved_profiles_the_list_is_hidden(qtbot: QtBot) -> None:
    widget = make_widget(qtbot)

    assert widget.objectName() == "firstRunWidget"
    assert not profile_list(widget).isVisible()
    assert not button(widget, "openProfileButton").isVisible()


def test_double_clicking_a_saved_profile_chooses_it_once(qtbot: QtBot) -> None:
    widget = make_widget(qtbot, ("main account", "test"))
    profiles = profile_list(widget)
    chosen: list[str] = []
    widget.profileChosen.connect(chosen.append)
    centre = profiles.visualItemRect(profiles.item(1)).center()

    # A real double-click: the view only activates an item it saw pressed first.
    qtbot.mouseClick(profiles.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(profiles.viewport(), Qt.MouseButton.LeftButton, pos=centre)

    assert chosen == ["test"]


def test_open_button_chooses_the_selected_profile(qtbot: QtBot) -> None:
    widget = make_widget(qtbot, ("main account", "test"))

    with qtbot.waitSignal(widget.profileChosen, timeout=1000) as chosen:
        qtbot.mouseClick(button(widget, "openProfileButton"), Qt.MouseButton.LeftButton)

    assert chosen.args == ["main account"]


def test_set_profiles_replaces_the_list(qtbot: QtBot) -> None:
    widget = make_widget(qtbot, ("old",))

    widget.set_profiles(["a", "b"])

    assert widget.profiles() == ["a", "b"]
    widget.set_profiles([])
    assert not profile_list(widget).isVisible()


# -- keyboard ---------------------------------------------------------------------------------


def activated(qtbot: QtBot, widget: QWidget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def test_return_on_the_focused_open_button_opens_the_selected_profile(qtbot: QtBot) -> None:
    widget = make_widget(qtbot, ("main account", "test"))
    activated(qtbot, widget)
    open_button = button(widget, "openProfileButton")
    open_button.setFocus()
    qtbot.waitUntil(open_button.hasFocus)

    with qtbot.waitSignal(widget.profileChosen, timeout=1000) as chosen:
        qtbot.keyClick(open_button, Qt.Key.Key_Return)

    assert chosen.args == ["main account"]


@pytest.mark.parametrize(
    ("name", "signal"), [("connectButton", "connectRequested"), ("demoButton", "demoRequested")]
)
def test_return_on_a_focused_button_presses_it(qtbot: QtBot, name: str, signal: str) -> None:
    widget = make_widget(qtbot)
    activated(qtbot, widget)
    target = button(widget, name)
    target.setFocus()
    qtbot.waitUntil(target.hasFocus)

    with qtbot.waitSignal(getattr(widget, signal), timeout=1000):
        qtbot.keyClick(target, Qt.Key.Key_Return)


def test_with_saved_profiles_return_opens_the_first_one_straight_away(qtbot: QtBot) -> None:
    widget = make_widget(qtbot, ("main account", "test"))
    activated(qtbot, widget)
    profiles = profile_list(widget)
    qtbot.waitUntil(profiles.hasFocus)  # where the screen puts the cursor
    chosen: list[str] = []
    widget.profileChosen.connect(chosen.append)

    qtbot.keyClick(profiles, Qt.Key.Key_Down)
    qtbot.keyClick(profiles, Qt.Key.Key_Return)

    assert chosen == ["test"]


def test_without_profiles_the_cursor_starts_on_connect(qtbot: QtBot) -> None:
    widget = make_widget(qtbot)
    activated(qtbot, widget)

    qtbot.waitUntil(button(widget, "connectButton").hasFocus)


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    ],
    ids=["Esc", "Ctrl+Q"],
)
def test_escape_and_ctrl_q_close_the_screen(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:
    widget = make_widget(qtbot, ("main account",))
    activated(qtbot, widget)

    qtbot.keyClick(profile_list(widget), key, modifier)

    qtbot.waitUntil(lambda: not widget.isVisible())
