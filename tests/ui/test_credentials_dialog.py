"""The profile form: round trip, masking, validation, and the intents it emits."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from wallet_gui.api.client import ALTERNATIVE_BASE_URL, DEFAULT_BASE_URL
from wallet_gui.core.connection import (
    AUTH_CERTIFICATE,
    AUTH_MAC,
    DEFAULT_INTERVAL,
    ConnectionSettings,
)
from wallet_gui.core.profile_form import parse_wallet_ids
from wallet_gui.ui.credentials_dialog import CredentialsDialog
from wallet_gui.ui.tones import text_colour

SECRET = "s3cr3t-mac-key-DO-NOT-LEAK"

MAC_PROFILE = ConnectionSettings(
    profile="main account",
    base_url=ALTERNATIVE_BASE_URL,
    auth_method=AUTH_MAC,
    client_id="wkVd93h2uS",
    project_id=12,
    location_id=345,
    wallet_ids=("14471", "14472"),
    interval=15.0,
)


def make_dialog(
    qtbot: QtBot,
    *,
    settings: ConnectionSettings | None = None,
    has_stored_secret: bool = False,
    keyring_available: bool = True,
    keyring_message: str = "",
) -> CredentialsDialog:
    dialog = CredentialsDialog(
        settings=settings,
        has_stored_secret=has_stored_secret,
        keyring_available=keyring_available,
        keyring_message=keyring_message,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def child(dialog: QWidget, kind: type[QWidget], name: str) -> QWidget:
    found = dialog.findChild(kind, name)
    assert found is not None, name
    return found


def edit(dialog: QWidget, name: str) -> QLineEdit:
    found = child(dialog, QLineEdit, name)
    assert isinstance(found, QLineEdit)
    return found


def text_of(dialog: QWidget, name: str) -> str:
    found = child(dialog, QLabel, name)
    assert isinstance(found, QLabel)
    return found.text()


def click(qtbot: QtBot, dialog: QWidget, name: str) -> None:
    qtbot.mouseClick(child(dialog, QPushButton, name), Qt.MouseButton.LeftButton)


def choose_auth(dialog: QWidget, method: str) -> None:
    combo = child(dialog, QComboBox, "authMethodCombo")
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(method))


@pytest.fixture
def cert_files(tmp_path: Path) -> tuple[str, str]:
    cert = tmp_path / "client.pem"
    key = tmp_path / "client.key"
    cert.write_text("not checked by the dialog\n")
    key.write_text("not checked by the dialog\n")
    return str(cert), str(key)


def test_a_new_profile_starts_from_the_defaults(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)

    combo = child(dialog, QComboBox, "baseUrlCombo")
    assert isinstance(combo, QComboBox)
    assert combo.isEditable()
    assert [combo.itemText(i) for i in range(combo.count())] == [
        DEFAULT_BASE_URL,
        ALTERNATIVE_BASE_URL,
    ]
    assert combo.currentText() == DEFAULT_BASE_URL
    spin = child(dialog, QSpinBox, "intervalSpin")
    assert isinstance(spin, QSpinBox)
    assert (spin.minimum(), spin.maximum(), spin.value()) == (1, 3600, int(DEFAULT_INTERVAL))
    assert not child(dialog, QPushButton, "deleteProfileButton").isVisibleTo(dialog)


def test_editing_a_mac_profile_round_trips_its_settings(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, settings=MAC_PROFILE, has_stored_secret=True)

    assert dialog.result_settings() == MAC_PROFILE
    assert dialog.result_secret() is None


def test_editing_a_certificate_profile_round_trips_its_settings(
    qtbot: QtBot, cert_files: tuple[str, str]
) -> None:
    cert, key = cert_files
    profile = ConnectionSettings(
        profile="cert",
        base_url="https://wallet.example.test/rest/v1",
        auth_method=AUTH_CERTIFICATE,
        cert_file=cert,
        key_file=key,
        ca_bundle=cert,
        interval=120.0,
    )
    dialog = make_dialog(qtbot, settings=profile)

    assert dialog.result_settings() == profile


def test_the_secret_fields_are_masked(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)

    assert edit(dialog, "macKeyEdit").echoMode() == QLineEdit.EchoMode.Password
    assert edit(dialog, "passphraseEdit").echoMode() == QLineEdit.EchoMode.Password


def test_a_stored_secret_is_not_shown_and_empty_means_keep_it(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, settings=MAC_PROFILE, has_stored_secret=True)

    key = edit(dialog, "macKeyEdit")
    assert key.text() == ""
    assert key.placeholderText() == "stored in the system keyring — leave empty to keep"
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        dialog.accept()
    assert dialog.result_secret() is None


def test_a_typed_secret_is_returned_but_never_in_settings_or_reprs(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, settings=MAC_PROFILE)
    qtbot.keyClicks(edit(dialog, "macKeyEdit"), SECRET)

    assert dialog.result_secret() == SECRET
    assert SECRET not in repr(dialog.result_settings())
    assert SECRET not in repr(dialog)
    assert SECRET not in repr(edit(dialog, "macKeyEdit"))


def test_cancel_clears_the_typed_secret(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, settings=MAC_PROFILE)
    edit(dialog, "macKeyEdit").setText(SECRET)

    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        click(qtbot, dialog, "cancelButton")

    assert edit(dialog, "macKeyEdit").text() == ""
    assert dialog.result_secret() is None


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("profileEdit", "", "profile name"),
        ("profileEdit", "a/b", "cannot contain"),
        ("clientIdEdit", "", "client id"),
        ("macKeyEdit", "", "MAC key"),
        ("projectIdEdit", "0", "positive"),
    ],
)
def test_an_incomplete_form_stays_open_with_an_inline_error(
    qtbot: QtBot, field: str, value: str, message: str
) -> None:
    dialog = make_dialog(qtbot, settings=MAC_PROFILE)
    edit(dialog, "macKeyEdit").setText(SECRET)
    edit(dialog, field).setText(value)

    click(qtbot, dialog, "saveButton")

    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    error = child(dialog, QLabel, "formError")
    assert error.isVisibleTo(dialog)
    assert message.lower() in text_of(dialog, "formError").lower()
    assert SECRET not in text_of(dialog, "formError")


@pytest.mark.parametrize(
    "url", ["wallet.paysera.com/rest/v1", "ftp://wallet.paysera.com", "https://", ""]
)
def test_the_api_address_must_be_a_web_address(qtbot: QtBot, url: str) -> None:
    dialog = make_dialog(qtbot, settings=MAC_PROFILE, has_stored_secret=True)
    combo = child(dialog, QComboBox, "baseUrlCombo")
    assert isinstance(combo, QComboBox)
    combo.setCurrentText(url)

    dialog.accept()

    assert dialog.isVisible()
    assert "API address" in text_of(dialog, "formError")


def test_a_complete_form_is_accepted_and_the_error_goes_away(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, settings=MAC_PROFILE)
    dialog.accept()
    assert dialog.isVisible()

    edit(dialog, "macKeyEdit").setText(SECRET)
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        dialog.accept()

    assert not dialog.isVisible()
    assert not child(dialog, QLabel, "formError").isVisibleTo(dialog)
    assert dialog.result_secret() == SECRET


def test_the_form_error_follows_the_fields_as_they_are_filled_in(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    error = child(dialog, QLabel, "formError")
    click(qtbot, dialog, "saveButton")
    assert text_of(dialog, "formError") == "Enter a profile name."

    qtbot.keyClicks(edit(dialog, "profileEdit"), "shop")
    assert text_of(dialog, "formError") == "Enter the client id."  # the next thing missing

    qtbot.keyClicks(edit(dialog, "clientIdEdit"), "client-1")
    qtbot.keyClicks(edit(dialog, "macKeyEdit"), SECRET)
    assert not error.isVisibleTo(dialog)
    assert dialog.isVisible()  # filling in never saves by itself

    edit(dialog, "profileEdit").clear()
    assert text_of(dialog, "formError") == "Enter a profile name."


def test_no_error_is_shown_while_typing_before_save_or_test_was_pressed(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)

    qtbot.keyClicks(edit(dialog, "profileEdit"), "shop")
    qtbot.keyClicks(edit(dialog, "walletIdsEdit"), "14471")

    assert not child(dialog, QLabel, "formError").isVisibleTo(dialog)


def test_a_test_error_follows_the_fields_too(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    click(qtbot, dialog, "testConnectionButton")
    assert "client id" in text_of(dialog, "formError")

    qtbot.keyClicks(edit(dialog, "clientIdEdit"), "client-1")
    assert "MAC key" in text_of(dialog, "formError")
    qtbot.keyClicks(edit(dialog, "macKeyEdit"), SECRET)

    assert not child(dialog, QLabel, "formError").isVisibleTo(dialog)  # no name needed to test


def test_another_profiles_name_cannot_be_taken(qtbot: QtBot) -> None:
    dialog = CredentialsDialog(
        settings=MAC_PROFILE, has_stored_secret=True, taken_names=frozenset({"shop"})
    )
    qtbot.addWidget(dialog)
    dialog.show()
    edit(dialog, "profileEdit").setText("shop")

    dialog.accept()

    assert dialog.isVisible()
    assert text_of(dialog, "formError") == "Another profile already has this name."
    edit(dialog, "profileEdit").setText("shop 2")
    assert not child(dialog, QLabel, "formError").isVisibleTo(dialog)


def test_test_connection_emits_the_entered_values_and_shows_testing(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    edit(dialog, "profileEdit").setText("new")
    qtbot.keyClicks(edit(dialog, "clientIdEdit"), "client-1")
    qtbot.keyClicks(edit(dialog, "macKeyEdit"), SECRET)
    qtbot.keyClicks(edit(dialog, "walletIdsEdit"), "14471, 14472")

    with qtbot.waitSignal(dialog.testRequested, timeout=1000) as request:
        click(qtbot, dialog, "testConnectionButton")

    settings, secret = request.args
    assert isinstance(settings, ConnectionSettings)
    assert (settings.profile, settings.client_id, settings.wallet_ids) == (
        "new",
        "client-1",
        ("14471", "14472"),
    )
    assert secret == SECRET
    assert text_of(dialog, "testResultLabel") == "Testing…"
    assert not child(dialog, QPushButton, "testConnectionButton").isEnabled()


def test_test_connection_with_an_incomplete_form_explains_instead(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)

    with qtbot.assertNotEmitted(dialog.testRequested):
        click(qtbot, dialog, "testConnectionButton")

    assert "client id" in text_of(dialog, "formError")


def test_test_results_are_shown_as_readable_plain_text(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, settings=MAC_PROFILE, has_stored_secret=True)
    result = child(dialog, QLabel, "testResultLabel")
    assert isinstance(result, QLabel)
    click(qtbot, dialog, "testConnectionButton")

    dialog.show_test_result(True, "server time 12:00:03, 2 wallets")
    assert "Connected: server time 12:00:03, 2 wallets" in result.text()
    assert text_colour("good", dialog.palette()).name() in result.styleSheet()
    assert child(dialog, QPushButton, "testConnectionButton").isEnabled()

    dialog.show_test_result(False, '<a href="https://evil">unauthorized</a>')
    assert result.textFormat() == Qt.TextFormat.PlainText
    assert 'Failed: <a href="https://evil">unauthorized</a>' in result.text()
    assert text_colour("bad", dialog.palette()).name() in result.styleSheet()


def test_without_a_keyring_a_banner_says_the_secret_is_for_this_session_only(
    qtbot: QtBot,
) -> None:
    dialog = make_dialog(qtbot, keyring_available=False)

    banner = child(dialog, QLabel, "keyringWarning")
    assert banner.isVisibleTo(dialog)
    text = text_of(dialog, "keyringWarning")
    assert "The system keyring is not available" in text
    assert "this session only" in text
    assert "keyring.backends" not in text


def test_the_banner_shows_the_apps_message_as_plain_text(qtbot: QtBot) -> None:
    message = "No MAC key is saved for “<b>shop</b>”. Enter it below."
    dialog = make_dialog(qtbot, settings=MAC_PROFILE, keyring_message=message)

    banner = child(dialog, QLabel, "keyringWarning")
    assert isinstance(banner, QLabel)
    assert banner.isVisibleTo(dialog)  # a message is shown even with a keyring
    assert banner.text() == message
    assert banner.textFormat() == Qt.TextFormat.PlainText


def test_focus_secret_puts_the_cursor_in_the_key_field(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, settings=MAC_PROFILE)
    dialog.activateWindow()

    dialog.focus_secret()

    qtbot.waitUntil(lambda: edit(dialog, "macKeyEdit").hasFocus())


def test_with_a_keyring_there_is_no_banner(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)

    assert not child(dialog, QLabel, "keyringWarning").isVisibleTo(dialog)


def test_delete_emits_the_profile_name_after_confirmation(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = make_dialog(qtbot, settings=MAC_PROFILE, has_stored_secret=True)
    asked: list[str] = []

    def confirm(name: str) -> bool:
        asked.append(name)
        return True

    monkeypatch.setattr(dialog, "confirm_delete", confirm)
    edit(dialog, "profileEdit").setText("renamed but not saved")

    with qtbot.waitSignal(dialog.deleteRequested, timeout=1000) as deleted:
        click(qtbot, dialog, "deleteProfileButton")

    assert deleted.args == ["main account"]
    assert asked == ["main account"]
    assert not dialog.isVisible()


def test_delete_does_nothing_when_not_confirmed(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = make_dialog(qtbot, settings=MAC_PROFILE, has_stored_secret=True)
    monkeypatch.setattr(dialog, "confirm_delete", lambda name: False)

    with qtbot.assertNotEmitted(dialog.deleteRequested):
        click(qtbot, dialog, "deleteProfileButton")

    assert dialog.isVisible()


def test_the_certificate_page_has_its_own_fields_and_secret(
    qtbot: QtBot, cert_files: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cert, key = cert_files
    dialog = make_dialog(qtbot)
    edit(dialog, "profileEdit").setText("cert")
    picks = iter([cert, key])
    monkeypatch.setattr(dialog, "choose_file", lambda caption, start, filters: next(picks))

    choose_auth(dialog, AUTH_CERTIFICATE)
    stack = child(dialog, QStackedWidget, "authStack")
    assert isinstance(stack, QStackedWidget)
    assert stack.currentWidget().isAncestorOf(edit(dialog, "certFileEdit"))
    assert edit(dialog, "certFileEdit").isVisible()
    assert not edit(dialog, "clientIdEdit").isVisible()
    click(qtbot, dialog, "certBrowseButton")
    click(qtbot, dialog, "keyBrowseButton")
    edit(dialog, "passphraseEdit").setText(SECRET)

    settings = dialog.result_settings()
    assert (settings.auth_method, settings.cert_file, settings.key_file) == (
        AUTH_CERTIFICATE,
        cert,
        key,
    )
    assert dialog.result_secret() == SECRET
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        dialog.accept()


def test_the_certificate_method_needs_an_existing_certificate_file(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot)
    edit(dialog, "profileEdit").setText("cert")
    choose_auth(dialog, AUTH_CERTIFICATE)

    dialog.accept()
    assert "certificate file" in text_of(dialog, "formError")

    edit(dialog, "certFileEdit").setText(str(tmp_path / "missing.pem"))
    dialog.accept()
    assert "does not exist" in text_of(dialog, "formError")
    assert dialog.isVisible()


def test_wallet_ids_accept_digits_commas_and_spaces_only(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    wallets = edit(dialog, "walletIdsEdit")

    qtbot.keyClicks(wallets, "14471,x 14472  14471")

    assert wallets.text() == "14471, 14472  14471"
    assert dialog.result_settings().wallet_ids == ("14471", "14472")


def test_parse_wallet_ids_keeps_order_and_drops_duplicates() -> None:
    assert parse_wallet_ids(" 3, 1 ,,2;3\n") == ("3", "1", "2")
    assert parse_wallet_ids("") == ()


def test_plain_http_to_another_computer_shows_a_note_that_follows_the_address(
    qtbot: QtBot,
) -> None:
    remote = replace(MAC_PROFILE, base_url="http://wallet.example.com/rest/v1")
    dialog = make_dialog(qtbot, settings=remote, has_stored_secret=True)
    note = child(dialog, QLabel, "cleartextNote")
    assert note.isVisible()
    assert "unencrypted" in note.text()  # type: ignore[attr-defined]
    combo = dialog.findChild(QComboBox, "baseUrlCombo")
    assert combo is not None
    combo.setEditText("https://wallet.example.com/rest/v1")
    assert not note.isVisible()
    assert dialog.validation_error() is None  # a note, never a refusal
