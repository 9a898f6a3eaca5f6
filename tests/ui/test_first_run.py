"""The welcome screen turns each choice into its signal."""

from __future__ import annotations

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
