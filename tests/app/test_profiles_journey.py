"""One person's afternoon with profiles, end to end: the real app, emulator and keyring.

Two profiles are added (the first from the first-run screen, the second in the profile
manager), the app switches between them, one is duplicated, the one being monitored is
renamed and then deleted, which stops it and leads back to the first-run screen. Every
step goes through the windows, by keyboard where a person would use it, and each one is
checked where it lands: the window, the profiles file, the keyring and the emulator.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.helpers import app_args
from wallet_gui.app import Application
from wallet_gui.core.credentials import CredentialStore
from wallet_gui.core.profiles import ProfileStore
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox
from wallet_gui.ui.credentials_dialog import CredentialsDialog
from wallet_gui.ui.profile_manager import ProfileManagerDialog

pytestmark = [pytest.mark.keyring, pytest.mark.usefixtures("secret_service")]

TOKEN = secrets.token_hex(3)
ALPHA, BETA, GAMMA = f"alpha {TOKEN}", f"beta {TOKEN}", f"gamma {TOKEN}"
ALPHA_COPY = f"{ALPHA} (copy)"


@pytest.fixture
def store() -> Iterator[CredentialStore]:
    credentials = CredentialStore()
    yield credentials
    for name in (ALPHA, BETA, GAMMA, ALPHA_COPY):
        credentials.delete(f"profile:{name}")


@pytest.fixture
def application(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[Application]:
    monkeypatch.setattr(ProfileManagerDialog, "confirm_delete", lambda self, name, current: True)
    made = Application(app_args())
    made.presenter.show_dialogs = False
    yield made
    made.quit()
    made.shutdown()


def fill_and_save(dialog: CredentialsDialog, sandbox: Sandbox, name: str, wallet: str) -> None:
    dialog.findChild(QLineEdit, "profileEdit").setText(name)  # type: ignore[union-attr]
    dialog.findChild(QComboBox, "baseUrlCombo").setEditText(sandbox.url)  # type: ignore[union-attr]
    dialog.findChild(QLineEdit, "clientIdEdit").setText(DEMO_CLIENT_ID)  # type: ignore[union-attr]
    dialog.findChild(QLineEdit, "macKeyEdit").setText(sandbox.clients[DEMO_CLIENT_ID])  # type: ignore[union-attr]
    dialog.findChild(QLineEdit, "walletIdsEdit").setText(wallet)  # type: ignore[union-attr]
    dialog.findChild(QPushButton, "saveButton").click()  # type: ignore[union-attr]


def open_manager(
    qtbot: QtBot, application: Application
) -> tuple[ProfileManagerDialog, QListWidget]:
    """Profiles… from the main window; the manager, active, and its list with the focus."""
    assert application.window is not None
    application.window.connect_action.trigger()  # type: ignore[attr-defined]
    manager = application.flows.manager
    assert manager is not None
    assert manager.isVisible()
    return manager, focused_list(qtbot, manager)


def focused_list(qtbot: QtBot, manager: ProfileManagerDialog) -> QListWidget:
    manager.activateWindow()
    qtbot.waitUntil(manager.isActiveWindow)
    names = manager.findChild(QListWidget, "managerProfileList")
    assert names is not None
    names.setFocus()
    qtbot.waitUntil(names.hasFocus)
    return names


def choose(qtbot: QtBot, manager: ProfileManagerDialog, names: QListWidget, name: str) -> None:
    """Move the selection to ``name`` with the arrow keys."""
    qtbot.keyClick(names, Qt.Key.Key_Home)
    for _ in range(len(manager.profiles())):
        if manager.selected_profile() == name:
            return
        qtbot.keyClick(names, Qt.Key.Key_Down)
    assert manager.selected_profile() == name


def polls(sandbox: Sandbox, wallet: str, since: int = 0) -> bool:
    return len(sandbox.requests_to(f"/wallet/{wallet}/balance")) > since


def title(application: Application) -> str:
    window = application.window
    assert isinstance(window, QWidget)
    return window.windowTitle()


def test_add_switch_duplicate_rename_and_delete_the_current_profile(
    qtbot: QtBot, application: Application, sandbox: Sandbox, store: CredentialStore
) -> None:
    key = sandbox.clients[DEMO_CLIENT_ID]
    profiles = ProfileStore()

    # 1. First run: Connect…, the form, Save: monitoring "alpha".
    application.start()
    assert application.first_run is not None
    application.first_run.findChild(QPushButton, "connectButton").click()  # type: ignore[union-attr]
    dialog = application.flows.dialog
    assert dialog is not None
    fill_and_save(dialog, sandbox, ALPHA, "14471")
    assert application.current_profile == ALPHA
    qtbot.waitUntil(lambda: polls(sandbox, "14471"), timeout=15_000)
    assert store.get(f"profile:{ALPHA}") == key

    # 2. Profiles…, New… (Ctrl+N): "beta" is saved, listed and selected, not switched to.
    manager, names = open_manager(qtbot, application)
    assert manager.profiles() == [ALPHA]
    assert manager.current_profile() == ALPHA
    qtbot.keyClick(names, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = application.flows.dialog
    assert dialog is not None
    assert dialog.parent() is manager
    fill_and_save(dialog, sandbox, BETA, "20002")
    assert profiles.names() == [ALPHA, BETA]
    assert manager.profiles() == [ALPHA, BETA]
    assert manager.selected_profile() == BETA
    assert application.current_profile == ALPHA
    assert store.get(f"profile:{BETA}") == key

    # 3. Return switches to the selected "beta"; the manager closes.
    alpha_poller = application.poller
    names = focused_list(qtbot, manager)
    qtbot.keyClick(names, Qt.Key.Key_Return)
    assert application.flows.manager is None
    assert application.current_profile == BETA
    assert BETA in title(application)
    assert alpha_poller is not None
    assert not alpha_poller.running
    qtbot.waitUntil(lambda: polls(sandbox, "20002"), timeout=15_000)
    assert profiles.last_used == BETA

    # 4. Ctrl+D duplicates "alpha", its key along.
    manager, names = open_manager(qtbot, application)
    assert manager.current_profile() == BETA
    choose(qtbot, manager, names, ALPHA)
    qtbot.keyClick(names, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert profiles.names() == [ALPHA, ALPHA_COPY, BETA]
    assert manager.selected_profile() == ALPHA_COPY
    copy = profiles.load(ALPHA_COPY)
    assert copy is not None
    assert copy.wallet_ids == ("14471",)
    assert store.get(f"profile:{ALPHA_COPY}") == key

    # 5. F2 edits the current "beta": renamed "gamma", it reconnects under the new name,
    #    its key moves along, and the manager stays open over the new window.
    choose(qtbot, manager, names, BETA)
    qtbot.keyClick(names, Qt.Key.Key_F2)
    dialog = application.flows.dialog
    assert dialog is not None
    assert dialog.findChild(QLineEdit, "macKeyEdit").placeholderText().startswith("stored")  # type: ignore[union-attr]
    dialog.findChild(QLineEdit, "profileEdit").setText(GAMMA)  # type: ignore[union-attr]
    beta_requests = len(sandbox.requests_to("/wallet/20002/balance"))
    dialog.findChild(QPushButton, "saveButton").click()  # type: ignore[union-attr]
    assert application.current_profile == GAMMA
    assert GAMMA in title(application)
    assert profiles.names() == [ALPHA, ALPHA_COPY, GAMMA]
    assert store.get(f"profile:{GAMMA}") == key
    assert store.get(f"profile:{BETA}") is None
    qtbot.waitUntil(lambda: polls(sandbox, "20002", beta_requests), timeout=15_000)
    assert application.flows.manager is manager
    assert manager.parent() is application.window
    assert manager.isVisible()
    assert manager.profiles() == [ALPHA, ALPHA_COPY, GAMMA]
    assert manager.current_profile() == GAMMA

    # 6. Del on the current "gamma" (confirmed): monitoring stops, the first-run screen
    #    lists what is left.
    gamma_poller = application.poller
    names = focused_list(qtbot, manager)
    choose(qtbot, manager, names, GAMMA)
    qtbot.keyClick(names, Qt.Key.Key_Delete)
    assert gamma_poller is not None
    assert not gamma_poller.running
    assert application.poller is None
    assert application.window is None
    assert application.flows.manager is None
    assert application.first_run is not None
    assert application.first_run.isVisible()
    assert application.first_run.profiles() == [ALPHA, ALPHA_COPY]  # type: ignore[attr-defined]
    assert profiles.names() == [ALPHA, ALPHA_COPY]
    assert profiles.last_used is None
    assert store.get(f"profile:{GAMMA}") is None
    assert [r.context for r in application.presenter.reports] == []  # not one problem

    # 7. And back: "alpha" from the first-run screen, its key from the keyring.
    first_run_list = application.first_run.findChild(QListWidget, "profileList")
    assert first_run_list is not None
    alpha_requests = len(sandbox.requests_to("/wallet/14471/balance"))
    first_run_list.setCurrentRow(0)
    application.first_run.findChild(QPushButton, "openProfileButton").click()  # type: ignore[union-attr]
    assert application.current_profile == ALPHA
    qtbot.waitUntil(lambda: polls(sandbox, "14471", alpha_requests), timeout=15_000)
