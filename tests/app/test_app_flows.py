"""What a new user does: first run, the demo button, the Connect dialog, and coming back.

Also the fixes of "a window you can trust all day": saving the profile being monitored from
the Connect dialog, "Profiles…" opening the profile manager, a saved profile started
without a usable keyring, and the connection test's clock sentence.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.errors
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.helpers import app_args
from tests.reliability.helpers import watch_arrivals
from wallet_gui.app import Application
from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.credentials import CredentialStore
from wallet_gui.core.profiles import ProfileStore, settings_path
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox
from wallet_gui.ui.core_texts import report_message
from wallet_gui.ui.credentials_dialog import CredentialsDialog


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that works, in memory: for the flows that need one without a Secret Service."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("nothing stored")


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    backend = MemoryKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    return backend


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    """No Secret Service: keyring falls back to its ``fail`` backend, as on such a desktop."""
    monkeypatch.setattr(keyring.core, "_keyring_backend", keyring.backends.fail.Keyring())


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
        application.flows.close_all()


def rows(application: Application) -> int:
    assert application.window is not None
    table = application.window.findChild(QTableWidget, "balancesTable")
    assert table is not None
    return table.rowCount()


def shop(sandbox: Sandbox, **changes: object) -> ConnectionSettings:
    settings = ConnectionSettings(
        profile="shop", base_url=sandbox.url, client_id=DEMO_CLIENT_ID, wallet_ids=("14471",)
    )
    return replace(settings, **changes)  # type: ignore[arg-type]


def fill(dialog: QWidget, **fields: str) -> None:
    """Type into the Connect dialog's fields, by object name."""
    for name, text in fields.items():
        if name == "baseUrlCombo":
            dialog.findChild(QComboBox, name).setEditText(text)  # type: ignore[union-attr]
        else:
            dialog.findChild(QLineEdit, name).setText(text)  # type: ignore[union-attr]


def visible_texts(widget: QWidget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel) if label.isVisible())


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
    qtbot: QtBot, applications: Callable[[], Application], sandbox: Sandbox
) -> None:
    key = sandbox.clients[DEMO_CLIENT_ID]
    first = applications()
    first.start()
    assert first.first_run is not None
    first.first_run.findChild(QPushButton, "connectButton").click()  # type: ignore[union-attr]
    dialog = first.flows.dialog
    assert dialog is not None
    # The user types the profile in, tests the connection, and saves.
    fill(
        dialog,
        profileEdit="shop",
        baseUrlCombo=sandbox.url,
        clientIdEdit=DEMO_CLIENT_ID,
        macKeyEdit=key,
        walletIdsEdit="14471, 20002",
    )
    dialog.findChild(QPushButton, "testConnectionButton").click()  # type: ignore[union-attr]
    result = dialog.findChild(QLabel, "testResultLabel")
    assert result is not None
    assert not dialog.findChild(QLabel, "formError").isVisible()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "Connected" in result.text(), timeout=10_000)
    assert "signed in as Demo monitoring client" in result.text()  # GET /client, signed
    dialog.findChild(QPushButton, "saveButton").click()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: first.window is not None and rows(first) >= 5, timeout=15_000)
    store = CredentialStore()
    try:
        assert store.get("profile:shop") == key
        assert key not in settings_path().read_text()
        assert ProfileStore().last_used == "shop"
        first.presenter.close_all()
        first.window.close()  # type: ignore[union-attr]
        first.shutdown()

        # Next start: no arguments, the last profile, its key from the keyring.
        second = applications()
        second.start()
        assert second.first_run is None
        assert second.flows.dialog is None  # nothing asked: the key was found
        qtbot.waitUntil(lambda: rows(second) >= 5, timeout=15_000)
        signed = [r for r in sandbox.records if r.client_id == DEMO_CLIENT_ID]
        assert all(r.status in (200, 404) for r in signed)
    finally:
        store.delete("profile:shop")


def test_an_unexpected_error_becomes_one_report_not_a_traceback(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from wallet_gui.ui.error_presenter import ErrorPresenter, report_unexpected_errors

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    presenter = ErrorPresenter(None, show_dialogs=False)
    report_unexpected_errors(presenter)
    try:
        raise KeyError("a bug of ours")
    except KeyError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    assert [r.kind for r in presenter.reports] == ["internal"]
    assert presenter.reports[0].message == "internal error (KeyError)"
    assert "Traceback" in caplog.text  # the details went to the log instead


def test_an_unwritable_profiles_file_is_reported_and_the_connection_still_made(
    qtbot: QtBot, applications: Callable[[], Application], sandbox: Sandbox
) -> None:
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().mkdir()  # a folder where the file should be: every write fails
    application = applications()
    application.presenter.show_dialogs = False
    application.save_and_connect(shop(sandbox), sandbox.clients[DEMO_CLIENT_ID])
    titles = [report.context for report in application.presenter.reports]
    assert "The profile was not saved" in titles
    assert application.window is not None  # the typed settings were not lost
    qtbot.waitUntil(lambda: rows(application) >= 1, timeout=15_000)


def test_a_profiles_file_problem_reaches_the_window_as_an_error_it_can_translate(
    qtbot: QtBot, applications: Callable[[], Application], speak: Callable[[str], None]
) -> None:
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().mkdir()  # a folder where the file should be: reading fails at start
    application = applications()
    application.presenter.show_dialogs = False
    application.start()
    report = next(
        r
        for r in application.presenter.reports
        if r.context == "The profiles file could not be read"
    )
    assert report.message.startswith("cannot read profiles from")  # English, as logs keep it
    assert report.template is not None  # the error itself, not only its English text
    speak("lt")
    assert report_message(report).startswith("nepavyko perskaityti profilių iš")


# -- 1. saving the profile being monitored ----------------------------------------------------


def test_saving_the_monitored_profile_in_the_connect_dialog_reconnects_without_an_error(
    qtbot: QtBot,
    applications: Callable[[], Application],
    sandbox: Sandbox,
    memory_keyring: MemoryKeyring,
) -> None:
    application = applications()
    application.presenter.show_dialogs = False
    application.save_and_connect(shop(sandbox), sandbox.clients[DEMO_CLIENT_ID])
    old_window = application.window
    qtbot.waitUntil(lambda: rows(application) >= 1, timeout=15_000)
    saved: list[bool] = []

    def change_wallets_and_save() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CredentialsDialog)
        fill(dialog, walletIdsEdit="14471, 20002")
        dialog.findChild(QPushButton, "saveButton").click()  # type: ignore[union-attr]
        saved.append(True)

    QTimer.singleShot(0, change_wallets_and_save)  # the dialog is modal: answer it from the loop
    application.open_credentials("shop")  # used to raise RuntimeError after Save
    qtbot.waitUntil(lambda: bool(saved))

    assert application.window is not None
    assert application.window is not old_window
    # The new connection polls the added wallet.
    qtbot.waitUntil(lambda: bool(sandbox.requests_to("/wallet/20002/balance")), timeout=15_000)
    assert ProfileStore().load("shop").wallet_ids == ("14471", "20002")  # type: ignore[union-attr]
    assert [r for r in application.presenter.reports if r.kind == "internal"] == []
    assert application.flows.dialog is None


# -- 2. "Profiles…" opens the profile manager --------------------------------------------------


def test_the_profiles_action_opens_the_profile_manager(
    qtbot: QtBot,
    applications: Callable[[], Application],
    sandbox: Sandbox,
    memory_keyring: MemoryKeyring,
) -> None:
    application = applications()
    application.presenter.show_dialogs = False
    application.save_and_connect(shop(sandbox), sandbox.clients[DEMO_CLIENT_ID])
    window = application.window
    assert window is not None
    opened: list[str] = []

    def look_and_close() -> None:
        modal = QApplication.activeModalWidget()
        opened.append(modal.objectName() if modal is not None else "nothing")
        if modal is not None:
            modal.close()

    QTimer.singleShot(0, look_and_close)
    window.connect_action.trigger()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bool(opened))

    assert opened == ["profileManager"]


def test_deleting_the_monitored_profile_stops_it_and_returns_to_the_first_run_screen(
    qtbot: QtBot,
    applications: Callable[[], Application],
    sandbox: Sandbox,
    memory_keyring: MemoryKeyring,
) -> None:
    application = applications()
    application.presenter.show_dialogs = False
    ProfileStore().save(shop(sandbox, profile="other"))
    application.save_and_connect(shop(sandbox), sandbox.clients[DEMO_CLIENT_ID])
    poller = application.poller
    assert poller is not None
    qtbot.waitUntil(lambda: poller.running)

    application.delete_profile("shop")  # used to leave the window polling under that name

    assert not poller.running
    assert application.poller is None
    assert application.window is None
    assert application.first_run is not None
    assert application.first_run.isVisible()
    assert application.first_run.profiles() == ["other"]  # type: ignore[attr-defined]
    assert memory_keyring.entries == {}


def test_editing_another_profile_in_the_manager_saves_it_without_switching(
    qtbot: QtBot,
    applications: Callable[[], Application],
    sandbox: Sandbox,
    memory_keyring: MemoryKeyring,
) -> None:
    application = applications()
    application.presenter.show_dialogs = False
    ProfileStore().save(shop(sandbox, profile="other"))
    application.save_and_connect(shop(sandbox), sandbox.clients[DEMO_CLIENT_ID])
    window = application.window
    assert window is not None
    window.connect_action.trigger()  # type: ignore[attr-defined]
    manager = application.flows.manager
    assert manager is not None
    manager.select("other")
    manager.findChild(QPushButton, "managerEditButton").click()  # type: ignore[union-attr]
    dialog = application.flows.dialog
    assert dialog is not None
    fill(dialog, walletIdsEdit="20002", macKeyEdit="other-key")

    dialog.findChild(QPushButton, "saveButton").click()  # type: ignore[union-attr]

    assert application.window is window  # still monitoring "shop", undisturbed
    assert application.current_profile == "shop"
    assert ProfileStore().load("other").wallet_ids == ("20002",)  # type: ignore[union-attr]
    assert memory_keyring.entries[("wallet-gui", "profile:other")] == "other-key"
    assert manager.isVisible()
    assert manager.selected_profile() == "other"


# -- 6. a saved profile started without a usable keyring ---------------------------------------


@pytest.mark.usefixtures("no_keyring")
def test_without_a_keyring_a_saved_profile_asks_for_its_key_in_plain_words(
    qtbot: QtBot, applications: Callable[[], Application], sandbox: Sandbox
) -> None:
    ProfileStore().save(shop(sandbox))
    ProfileStore().last_used = "shop"
    application = applications()

    application.start()

    assert application.poller is None  # nothing polls without the key: no misleading errors
    dialog = application.flows.dialog
    assert dialog is not None, "the key should have been asked for"
    banner = dialog.findChild(QLabel, "keyringWarning")
    assert banner is not None
    assert banner.isVisible()
    assert banner.text().startswith("The system keyring is not available: no Secret Service")
    assert "needed for this session" in banner.text()
    assert "keyring.backends" not in visible_texts(dialog)
    assert "fail.Keyring" not in visible_texts(dialog)
    assert dialog.findChild(QLineEdit, "profileEdit").text() == "shop"  # type: ignore[union-attr]
    qtbot.waitUntil(dialog.findChild(QLineEdit, "macKeyEdit").hasFocus)  # type: ignore[union-attr]

    fill(dialog, macKeyEdit=sandbox.clients[DEMO_CLIENT_ID])
    dialog.findChild(QPushButton, "saveButton").click()  # type: ignore[union-attr]

    assert application.window is not None
    qtbot.waitUntil(lambda: rows(application) >= 1, timeout=15_000)
    messages = " ".join(r.message for r in application.presenter.reports)
    assert "none are configured" not in messages
    assert "keyring.backends" not in messages
    assert "The secret was not stored" not in [r.context for r in application.presenter.reports]


@pytest.mark.usefixtures("no_keyring")
def test_declining_to_enter_the_key_leads_to_the_first_run_screen(
    qtbot: QtBot, applications: Callable[[], Application], sandbox: Sandbox
) -> None:
    ProfileStore().save(shop(sandbox))
    ProfileStore().last_used = "shop"
    application = applications()
    application.start()
    dialog = application.flows.dialog
    assert dialog is not None

    dialog.findChild(QPushButton, "cancelButton").click()  # type: ignore[union-attr]

    assert application.first_run is not None
    assert application.first_run.isVisible()
    assert application.poller is None


@pytest.mark.usefixtures("no_keyring")
def test_a_key_kept_for_the_session_is_used_again_when_switching_back(
    qtbot: QtBot, applications: Callable[[], Application], sandbox: Sandbox
) -> None:
    application = applications()
    application.presenter.show_dialogs = False
    application.save_and_connect(shop(sandbox), sandbox.clients[DEMO_CLIENT_ID])
    warnings = [
        r for r in application.presenter.reports if r.context == "The secret was not stored"
    ]
    assert len(warnings) == 1
    assert "The system keyring is not available" in warnings[0].message
    assert "this session only" in warnings[0].message
    assert "keyring.backends" not in warnings[0].message
    application.close_connection()

    application.open_profile("shop")

    assert application.flows.dialog is None  # not asked again in this session
    assert application.window is not None
    qtbot.waitUntil(lambda: rows(application) >= 1, timeout=15_000)


# -- 9. the Connect dialog's words -------------------------------------------------------------


def test_a_successful_test_shows_the_server_clock_as_a_date_and_a_difference(
    qtbot: QtBot, applications: Callable[[], Application], sandbox: Sandbox
) -> None:
    application = applications()
    application.start()
    application.open_credentials()
    dialog = application.flows.dialog
    assert dialog is not None
    fill(dialog, baseUrlCombo=sandbox.url, clientIdEdit=DEMO_CLIENT_ID)
    fill(dialog, macKeyEdit=sandbox.clients[DEMO_CLIENT_ID])

    dialog.findChild(QPushButton, "testConnectionButton").click()  # type: ignore[union-attr]
    result = dialog.findChild(QLabel, "testResultLabel")
    assert result is not None
    qtbot.waitUntil(lambda: "Connected" in result.text(), timeout=10_000)

    text = result.text().replace("\u200b", "")  # the label may break long words
    assert "server clock 20" in text
    assert re.search(r", \d+\.\d s (ahead of|behind) this computer \(±|in step with", text), text
    assert "server time" not in text
    dialog.reject()


def test_the_connection_tester_words_the_clock_and_can_be_cancelled(
    qtbot: QtBot, sandbox: Sandbox
) -> None:
    from wallet_gui.qt.connection_tester import ConnectionTester

    tester = ConnectionTester()
    settings = shop(sandbox)
    with qtbot.waitSignal(tester.finished, timeout=10_000) as finished:
        tester.test(settings, sandbox.clients[DEMO_CLIENT_ID])
    ok, text = finished.args
    assert ok, text
    assert text.startswith("signed in as Demo monitoring client; server clock 20")
    assert "this computer" in text

    sandbox.faults.add("slow", path="/server", times=None, seconds=30)
    arrivals = watch_arrivals(sandbox)
    with qtbot.assertNotEmitted(tester.finished, wait=100):
        tester.test(settings, sandbox.clients[DEMO_CLIENT_ID])
        qtbot.waitUntil(lambda: bool(arrivals))  # the test's request is in flight
        assert tester.stop(timeout=1.0)  # the slow request was cut, not waited for
