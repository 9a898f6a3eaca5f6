"""The form that creates or edits a connection profile, and takes its secret once.

The dialog only shows state and emits intents: it never talks to the network, never runs a
thread and never touches the keyring. It is only the form: what makes a profile complete is
decided by ``ProfileForm`` (``wallet_gui.core.profile_form``), its widgets are built and laid
out by ``CredentialsLayout`` (``wallet_gui.ui.credentials_layout``), and the authentication
and monitoring fields are ``AuthenticationGroup`` (``wallet_gui.ui.auth_fields``) and
``MonitoringGroup`` (``wallet_gui.ui.monitoring_fields``). The app decides what to
do with ``testRequested`` and ``deleteRequested`` and stores ``result_secret()`` itself. The
secret (MAC key or the client key's passphrase) lives only in a masked field: it is not
logged, not put in a repr or an exception, and the field is cleared when the dialog is
cancelled.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.credentials import KEYRING_UNAVAILABLE
from wallet_gui.core.profile_form import ProfileForm
from wallet_gui.core.secret_notice import session_only_notice
from wallet_gui.ui.credentials_layout import CredentialsLayout
from wallet_gui.ui.plain_text import breakable, excerpt
from wallet_gui.ui.tones import is_palette_change, text_style


def _confirm_delete_with_message_box(parent: QWidget, profile: str) -> bool:
    """A modal question with Delete/Cancel; Cancel is the default."""
    translate = QCoreApplication.translate  # a name lupdate knows
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("CredentialsDialog", "Delete profile"))
    box.setTextFormat(Qt.TextFormat.PlainText)  # the name is the user's own: nothing interpreted
    box.setText(translate("CredentialsDialog", "Delete the profile “{name}”?").format(name=profile))
    box.setInformativeText(
        translate(
            "CredentialsDialog",
            "Its settings and the secret stored in the system keyring will be removed.",
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Cancel)
    delete = box.addButton(
        translate("CredentialsDialog", "Delete"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is delete


def _choose_file_with_dialog(parent: QWidget, caption: str, start: str, filters: str) -> str:
    path, _selected = QFileDialog.getOpenFileName(parent, caption, start, filters)
    return path


class CredentialsDialog(QDialog):
    """Create or edit a connection profile: address, authentication, wallets, interval.

    Args:
        settings: the profile to edit; ``None`` creates a new one (no Delete button).
        has_stored_secret: the keyring already holds this profile's secret, so leaving the
            secret field empty keeps it.
        keyring_available: when False, a banner says the secret will be used for this
            session only (there is no plaintext fallback).
        keyring_message: a plain sentence about the keyring for that banner (why the secret
            cannot be read or stored, and what to do); given, the banner shows even when
            the keyring is available (no secret is saved for the profile).
        taken_names: the other profiles' names, which the name field may not take.

    Signals:
        testRequested(ConnectionSettings, str | None): the user asked to try the entered
            settings; the app tests off the GUI thread and answers with ``show_test_result``.
        deleteRequested(str): the user confirmed deleting the profile with this name.
    """

    testRequested = Signal(object, object)
    deleteRequested = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        settings: ConnectionSettings | None = None,
        has_stored_secret: bool = False,
        keyring_available: bool = True,
        keyring_message: str = "",
        taken_names: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("credentialsDialog")
        self._original = settings
        self._has_stored_secret = has_stored_secret
        self._taken_names = taken_names
        # The check of the last Save or Test press, re-run as the fields change.
        self._shown_check: Callable[[ProfileForm], str | None] | None = None
        self._test_tone: str | None = None  # "good" or "bad" once a test answered
        self.setWindowTitle(
            self.tr("Edit connection") if settings is not None else self.tr("New connection")
        )

        banner = keyring_message.strip()
        if not banner and not keyring_available:
            banner = session_only_notice(KEYRING_UNAVAILABLE, translate=QCoreApplication.translate)
        self._ui = ui = CredentialsLayout(
            self,
            banner=banner,
            has_stored_secret=has_stored_secret,
            chooser=self._choose_file_hook,
            deletable=settings is not None,
        )
        ui.auth.methodChanged.connect(self._on_auth_method_changed)
        ui.test_button.clicked.connect(self._on_test_clicked)
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        ui.delete_button.clicked.connect(self._on_delete_clicked)

        # Wide enough for the "stored in the keyring" hint and a full API address.
        self.setMinimumWidth(600)
        self._fill(settings or ConnectionSettings())
        self._watch_fields()
        self._on_field_edited()  # a saved profile's address may already deserve the note

    # -- filling -------------------------------------------------------------------------

    def _fill(self, settings: ConnectionSettings) -> None:
        values = ProfileForm.from_settings(settings)
        if self._original is not None:
            self._ui.profile_edit.setText(values.profile)
        self._ui.base_url_combo.setCurrentText(values.base_url)
        self._ui.auth.set_values(
            auth_method=values.auth_method,
            client_id=values.client_id,
            cert_file=values.cert_file,
            key_file=values.key_file,
        )
        self._ui.monitoring.set_values(
            wallet_ids=values.wallet_ids,
            interval=values.interval,
            project_id=values.project_id,
            location_id=values.location_id,
            ca_bundle=values.ca_bundle,
        )

    # -- replaceable interactions (tests monkeypatch these to avoid modal windows) --------

    def confirm_delete(self, profile: str) -> bool:
        """Ask before deleting: the profile's settings and its stored secret go away."""
        return _confirm_delete_with_message_box(self, profile)

    def choose_file(self, caption: str, start: str, filters: str) -> str:
        """A file picked by the user, or "" when they cancelled."""
        return _choose_file_with_dialog(self, caption, start, filters)

    def _choose_file_hook(self, caption: str, start: str, filters: str) -> str:
        # Looked up on every call, so a test's replacement of ``choose_file`` is used.
        return self.choose_file(caption, start, filters)

    # -- reading -------------------------------------------------------------------------

    def _form(self) -> ProfileForm:
        """The fields as typed; the secret itself stays in its field."""
        return ProfileForm(
            profile=self._ui.profile_edit.text(),
            base_url=self._ui.base_url_combo.currentText(),
            auth_method=self._ui.auth.auth_method(),
            client_id=self._ui.auth.client_id(),
            cert_file=self._ui.auth.cert_file(),
            key_file=self._ui.auth.key_file(),
            project_id=self._ui.monitoring.project_id(),
            location_id=self._ui.monitoring.location_id(),
            wallet_ids=self._ui.monitoring.wallet_ids(),
            interval=self._ui.monitoring.interval(),
            ca_bundle=self._ui.monitoring.ca_bundle(),
            has_secret=self._has_stored_secret or self.result_secret() is not None,
            taken_names=self._taken_names,
        )

    def result_settings(self) -> ConnectionSettings:
        """The profile as entered (never the secret)."""
        return self._form().settings()

    def result_secret(self) -> str | None:
        """The secret typed for the chosen method, or ``None`` to keep the stored one."""
        return self._ui.auth.secret()

    def validation_error(self) -> str | None:
        """What is wrong with the form, in one sentence, or ``None`` when it can be saved."""
        return self._translated(self._form().validation_error())

    def _check(self, check: Callable[[ProfileForm], str | None]) -> str | None:
        """Run ``check`` on the form and show its message, kept up to date while typing."""
        error = self._translated(check(self._form()))
        self._shown_check = check
        self._show_form_error(error)
        return error

    def _watch_fields(self) -> None:
        self._ui.profile_edit.textChanged.connect(self._on_field_edited)
        self._ui.base_url_combo.editTextChanged.connect(self._on_field_edited)
        self._ui.auth.edited.connect(self._on_field_edited)
        self._ui.monitoring.edited.connect(self._on_field_edited)

    @Slot()
    def _on_field_edited(self) -> None:
        # Nobody is told off before pressing Save or Test; from then on the line follows.
        if self._shown_check is not None:
            self._check(self._shown_check)
        note = self._translated(self._form().cleartext_warning())
        if (note or "") != self._ui.cleartext_note.text():
            self._ui.cleartext_note.setText(note or "")
            self._ui.cleartext_note.setVisible(bool(note))
            self._fit_height()

    def _translated(self, message: str | None) -> str | None:
        # The rules speak plain English; the text is looked up in this dialog's context,
        # where these sentences were translated before they moved out of it.
        return None if message is None else self.tr(message)

    def _show_form_error(self, text: str | None) -> None:
        label = self._ui.form_error
        if (text or "") == label.text() and bool(text) != label.isHidden():
            return  # typing on: nothing changed, nothing to lay out again
        label.setText(text or "")
        label.setVisible(bool(text))
        self._fit_height()

    # -- slots ---------------------------------------------------------------------------

    def _fit_height(self) -> None:
        """Grow to show every row at its natural height after content appeared or changed."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = max(layout.totalHeightForWidth(self.width()), self.sizeHint().height())
        if self.isVisible():
            if self.height() < needed:
                self.resize(self.width(), needed)
        else:
            self.adjustSize()

    def showEvent(self, event: QShowEvent) -> None:
        """Style sheets (the banner's padding) only count once polished, i.e. now."""
        super().showEvent(event)
        self._fit_height()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_palette_change(event) and hasattr(self, "_ui"):
            self._restyle()  # light ↔ dark: the texts' colours follow

    def _restyle(self) -> None:  # the texts' colours for this palette (ui/tones.py)
        self._ui.keyring_warning.restyle()  # its style sheet keeps palette changes from it
        self._ui.form_error.setStyleSheet(text_style("bad", self.palette()))
        self._ui.test_result.setStyleSheet(text_style(self._test_tone, self.palette()))

    @Slot()
    def _on_auth_method_changed(self) -> None:
        self._fit_height()

    @Slot()
    def _on_test_clicked(self) -> None:
        if self._check(ProfileForm.connection_error) is not None:
            return
        settings = self._form().settings()
        self._ui.test_button.setEnabled(False)
        self._test_tone = None
        self._ui.test_result.setStyleSheet("")
        self._ui.test_result.setText(self.tr("Testing…"))
        self.testRequested.emit(settings, self.result_secret())

    @Slot(bool, str)
    def show_test_result(self, ok: bool, text: str) -> None:
        """Show how the connection test went; ``text`` (server text, maybe) is shown as a
        bounded plain-text excerpt."""
        self._ui.test_button.setEnabled(True)
        self._test_tone = "good" if ok else "bad"
        prefix = self.tr("✔ Connected") if ok else self.tr("✘ Failed")
        self._restyle()
        shown = breakable(excerpt(text))
        self._ui.test_result.setText(f"{prefix}: {shown}" if text else prefix)
        self._fit_height()

    @Slot()
    def _on_delete_clicked(self) -> None:
        if self._original is None:
            return
        name = self._original.profile
        if self.confirm_delete(name):
            self.deleteRequested.emit(name)
            self.reject()

    @Slot()
    def clear_secret(self) -> None:
        """Forget whatever secret was typed (call once ``result_secret()`` has been stored)."""
        self._ui.auth.clear_secret()

    def focus_secret(self) -> None:
        """Put the cursor in the secret field (the key is what the user came to enter)."""
        self._ui.auth.focus_secret()

    @Slot()
    def accept(self) -> None:
        """Close with Save only when the form is complete; otherwise say what is missing."""
        alerts_ok = not self._ui.monitoring.alerts.error()  # the rules say what is wrong
        if self._check(ProfileForm.validation_error) is None and alerts_ok:
            super().accept()

    @Slot()
    def reject(self) -> None:
        """Cancel: the typed secret is not needed any more, so it is dropped now."""
        self.clear_secret()
        super().reject()
