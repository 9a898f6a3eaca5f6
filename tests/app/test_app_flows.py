"""What a new user does: first run, the demo button, the Connect dialog, and coming back."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from tests.helpers import app_args
from wallet_gui.app import Application
from wallet_gui.credentials import CredentialStore
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox
from wallet_gui.settings import ProfileStore, settings_path
from wallet_gui.ui.credentials_dialog import CredentialsDialog


@pytest.fixture
def applications(qtbot: QtBot) -> Iterator[Callable[[], Application]]:
    made: list[Application] = []

    def make() -> Application:
        application = Application(app_args())
        made.append(application)
        return application

    yield make
    for application in made:
        application.presenter.close_all()
        if application.window is not None:
            application.window.close()
        if application.first_run is not None:
            application.first_run.close()
        application.shutdown()


def rows(application: Application) -> int:
    assert application.window is not None
    table = application.window.findChild(QTableWidget, "balancesTable")
    assert table is not None
    return table.rowCount()


def test_first_run_offers_connect_and_demo_and_the_demo_button_starts_it(
    qtbot: QtBot, applications: Callable[[], Application]
) -> None:
    application = applications()
    application.start()
    first_run = application.first_run
    assert first_run is not None
    assert first_run.objectName() == "firstRunWidget"
    assert first_run.isVisible()
    assert first_run.findChild(QPushButton, "connectButton") is not None
    first_run.findChild(QPushButton, "demoButton").click()  # type: ignore[union-attr]
    assert application.window is not None
    qtbot.waitUntil(lambda: rows(application) >= 7, timeout=15_000)
    assert application.first_run is None
    assert "demo" in application.window.windowTitle()


@pytest.mark.keyring
@pytest.mark.usefixtures("secret_service")
def test_connect_dialog_round_trip_through_the_keyring_and_back_on_the_next_start(
    qtbot: QtBot,
    applications: Callable[[], Application],
    sandbox: Sandbox,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key = sandbox.clients[DEMO_CLIENT_ID]
    tested: list[str] = []

    def fill_and_save(dialog: CredentialsDialog) -> int:
        """The user types the profile in, tests the connection, and saves."""
        dialog.findChild(QLineEdit, "profileEdit").setText("shop")  # type: ignore[union-attr]
        dialog.findChild(QComboBox, "baseUrlCombo").setEditText(sandbox.url)  # type: ignore[union-attr]
        dialog.findChild(QLineEdit, "clientIdEdit").setText(DEMO_CLIENT_ID)  # type: ignore[union-attr]
        dialog.findChild(QLineEdit, "macKeyEdit").setText(key)  # type: ignore[union-attr]
        dialog.findChild(QLineEdit, "walletIdsEdit").setText("14471, 20002")  # type: ignore[union-attr]
        dialog.findChild(QPushButton, "testConnectionButton").click()  # type: ignore[union-attr]
        result = dialog.findChild(QLabel, "testResultLabel")
        assert result is not None
        form_error = dialog.findChild(QLabel, "formError")
        assert form_error is not None
        assert not form_error.isVisible(), form_error.text()
        qtbot.waitUntil(lambda: "Connected" in result.text(), timeout=10_000)
        tested.append(result.text())
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(CredentialsDialog, "exec", fill_and_save)
    first = applications()
    first.start()
    assert first.first_run is not None
    first.first_run.findChild(QPushButton, "connectButton").click()  # type: ignore[union-attr]
    assert tested
    assert "signed in as Demo monitoring client" in tested[0]  # GET /client, signed
    qtbot.waitUntil(lambda: rows(first) >= 5, timeout=15_000)
    store = CredentialStore()
    try:
        assert store.get("profile:shop") == key
        assert key not in settings_path().read_text()
        assert ProfileStore().last_used == "shop"
        first.presenter.close_all()
        first.window.close()  # type: ignore[union-attr]
        first.shutdown()

        # Next start: no arguments, the last profile, its key from the keyring.
        monkeypatch.setattr(CredentialsDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
        second = applications()
        second.start()
        assert second.first_run is None
        qtbot.waitUntil(lambda: rows(second) >= 5, timeout=15_000)
        signed = [r for r in sandbox.records if r.client_id == DEMO_CLIENT_ID]
        assert all(r.status in (200, 404) for r in signed)
    finally:
        store.delete("profile:shop")


def test_an_unexpected_error_becomes_one_report_not_a_traceback(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from wallet_gui.app import _report_unexpected_errors
    from wallet_gui.ui.error_dialog import ErrorPresenter

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    presenter = ErrorPresenter(None, show_dialogs=False)
    _report_unexpected_errors(presenter)
    try:
        raise KeyError("a bug of ours")
    except KeyError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    assert [r.kind for r in presenter.reports] == ["internal"]
    assert presenter.reports[0].message == "internal error (KeyError)"
    assert "Traceback" in caplog.text  # the details went to the log instead
