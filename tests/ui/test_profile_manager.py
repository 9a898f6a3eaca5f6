"""The profile manager shows the saved profiles, marks the current one and emits intents."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from wallet_gui.ui.profile_manager import ProfileManagerDialog

NAMES = ("main account", "shop", "test")


def make_manager(
    qtbot: QtBot, names: tuple[str, ...] = NAMES, current: str | None = "shop"
) -> ProfileManagerDialog:
    manager = ProfileManagerDialog(profiles=names, current=current)
    qtbot.addWidget(manager)
    manager.show()
    qtbot.waitExposed(manager)
    manager.activateWindow()
    qtbot.waitUntil(manager.isActiveWindow)
    return manager


def profile_list(manager: QWidget) -> QListWidget:
    found = manager.findChild(QListWidget, "managerProfileList")
    assert found is not None
    return found


def button(manager: QWidget, name: str) -> QPushButton:
    found = manager.findChild(QPushButton, name)
    assert found is not None, name
    return found


def focus_list(qtbot: QtBot, manager: ProfileManagerDialog) -> QListWidget:
    names = profile_list(manager)
    names.setFocus()
    qtbot.waitUntil(names.hasFocus)
    return names


@pytest.fixture
def confirmations(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """Every delete confirmation asked (profile, is it the current one); all answered yes."""
    asked: list[tuple[str, bool]] = []

    def confirm(self: ProfileManagerDialog, name: str, current: bool) -> bool:
        asked.append((name, current))
        return True

    monkeypatch.setattr(ProfileManagerDialog, "confirm_delete", confirm)
    return asked


def test_lists_the_profiles_and_marks_the_current_one(qtbot: QtBot) -> None:
    manager = make_manager(qtbot)
    names = profile_list(manager)

    assert manager.objectName() == "profileManager"
    assert manager.profiles() == list(NAMES)
    assert manager.current_profile() == "shop"
    current = names.item(1)
    assert current.text() == "shop — connected"
    assert current.font().bold()
    assert "being monitored now" in current.toolTip()
    assert [names.item(row).text() for row in (0, 2)] == ["main account", "test"]
    assert not names.item(0).font().bold()
    assert manager.selected_profile() == "shop"  # the current one is selected at first


def test_return_opens_the_selected_profile_once(qtbot: QtBot) -> None:
    manager = make_manager(qtbot)
    names = focus_list(qtbot, manager)
    opened: list[str] = []
    manager.switchRequested.connect(opened.append)

    qtbot.keyClick(names, Qt.Key.Key_Down)
    qtbot.keyClick(names, Qt.Key.Key_Return)

    assert opened == ["test"]


def test_double_click_opens_once(qtbot: QtBot) -> None:
    manager = make_manager(qtbot)
    names = profile_list(manager)
    opened: list[str] = []
    manager.switchRequested.connect(opened.append)
    centre = names.visualItemRect(names.item(0)).center()

    qtbot.mouseClick(names.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(names.viewport(), Qt.MouseButton.LeftButton, pos=centre)

    assert opened == ["main account"]


def test_delete_asks_first_and_says_when_it_is_the_current_profile(
    qtbot: QtBot, confirmations: list[tuple[str, bool]]
) -> None:
    manager = make_manager(qtbot)
    names = focus_list(qtbot, manager)

    with qtbot.waitSignal(manager.deleteRequested, timeout=1000) as deleted:
        qtbot.keyClick(names, Qt.Key.Key_Delete)
    assert deleted.args == ["shop"]
    qtbot.keyClick(names, Qt.Key.Key_Up)
    qtbot.keyClick(names, Qt.Key.Key_Delete)

    assert confirmations == [("shop", True), ("main account", False)]


def test_delete_does_nothing_when_not_confirmed(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    manager = make_manager(qtbot)
    monkeypatch.setattr(manager, "confirm_delete", lambda name, current: False)

    with qtbot.assertNotEmitted(manager.deleteRequested):
        qtbot.mouseClick(button(manager, "managerDeleteButton"), Qt.MouseButton.LeftButton)

    assert manager.isVisible()


@pytest.mark.parametrize(
    ("key", "modifier", "signal", "args"),
    [
        (Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier, "editRequested", ["shop"]),
        (Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier, "addRequested", []),
        (Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier, "duplicateRequested", ["shop"]),
    ],
)
def test_keyboard_shortcuts(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier, signal: str, args: list[str]
) -> None:
    manager = make_manager(qtbot)
    names = focus_list(qtbot, manager)

    with qtbot.waitSignal(getattr(manager, signal), timeout=1000) as emitted:
        qtbot.keyClick(names, key, modifier)

    assert emitted.args == args


@pytest.mark.parametrize(
    ("name", "signal", "args"),
    [
        ("managerOpenButton", "switchRequested", ["shop"]),
        ("managerNewButton", "addRequested", []),
        ("managerEditButton", "editRequested", ["shop"]),
        ("managerDuplicateButton", "duplicateRequested", ["shop"]),
    ],
)
def test_buttons(qtbot: QtBot, name: str, signal: str, args: list[str]) -> None:
    manager = make_manager(qtbot)

    with qtbot.waitSignal(getattr(manager, signal), timeout=1000) as emitted:
        qtbot.mouseClick(button(manager, name), Qt.MouseButton.LeftButton)

    assert emitted.args == args


def test_escape_closes_without_an_intent(qtbot: QtBot) -> None:
    manager = make_manager(qtbot)
    focus_list(qtbot, manager)

    with (
        qtbot.assertNotEmitted(manager.switchRequested),
        qtbot.waitSignal(manager.rejected, timeout=1000),
    ):
        qtbot.keyClick(profile_list(manager), Qt.Key.Key_Escape)

    assert not manager.isVisible()


def test_without_profiles_only_new_is_offered(qtbot: QtBot) -> None:
    manager = make_manager(qtbot, names=(), current=None)

    assert manager.findChild(QLabel, "managerEmptyLabel").isVisible()  # type: ignore[union-attr]
    assert not profile_list(manager).isVisible()
    for name in ("managerOpenButton", "managerEditButton", "managerDuplicateButton"):
        assert not button(manager, name).isEnabled()
    assert not button(manager, "managerDeleteButton").isEnabled()
    assert button(manager, "managerNewButton").isEnabled()


def test_set_profiles_keeps_or_moves_the_selection(qtbot: QtBot) -> None:
    manager = make_manager(qtbot)
    manager.select("test")

    manager.set_profiles(["shop", "test", "zoo"], current="shop")
    assert manager.selected_profile() == "test"

    manager.set_profiles(["shop", "test", "zoo"], current="shop", select="zoo")
    assert manager.selected_profile() == "zoo"

    manager.set_profiles(["shop"], current=None)
    assert manager.selected_profile() == "shop"
    assert manager.current_profile() is None
    assert profile_list(manager).item(0).text() == "shop"


def test_names_are_shown_as_typed(qtbot: QtBot) -> None:
    manager = make_manager(qtbot, names=("<b>bold</b> & co",), current=None)

    assert profile_list(manager).item(0).text() == "<b>bold</b> & co"
    assert manager.profiles() == ["<b>bold</b> & co"]
