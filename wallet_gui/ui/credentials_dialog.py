"""The form that creates or edits a connection profile, and takes its secret once.

The dialog only shows state and emits intents: it never talks to the network, never runs a
thread and never touches the keyring. The app decides what to do with ``testRequested`` and
``deleteRequested`` and stores ``result_secret()`` itself. The secret (MAC key or the client
key's passphrase) lives only in a masked field: it is not logged, not put in a repr or an
exception, and the field is cleared when the dialog is cancelled.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QRegularExpression, Qt, Signal, Slot
from PySide6.QtGui import QRegularExpressionValidator, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from wallet_gui.api.client import ALTERNATIVE_BASE_URL, DEFAULT_BASE_URL
from wallet_gui.connection import (
    AUTH_CERTIFICATE,
    AUTH_MAC,
    DEFAULT_INTERVAL,
    MIN_INTERVAL,
    ConnectionSettings,
)
from wallet_gui.reports import is_web_link

#: The longest poll interval the form offers (seconds); slower than hourly is not monitoring.
MAX_INTERVAL = 3600

# Profile names become QSettings group names, where a slash would start a sub-group.
_PROFILE_FORBIDDEN = ("/", "\\")

# Colours chosen to stay readable on both light and dark window backgrounds.
_OK_COLOUR = "#2e8b3e"
_ERROR_COLOUR = "#c62828"
_WARNING_BACKGROUND = "#fff4ce"
_WARNING_BORDER = "#e0b000"
_WARNING_TEXT = "#3d2e00"


def parse_wallet_ids(text: str) -> tuple[str, ...]:
    """Wallet ids from "14471, 14472 14473": in order, without duplicates or empty parts."""
    ids: list[str] = []
    for part in re.split(r"[\s,;]+", text.strip()):
        if part and part not in ids:
            ids.append(part)
    return tuple(ids)


def _confirm_delete_with_message_box(parent: QWidget, profile: str) -> bool:
    """A modal question with Delete/Cancel; Cancel is the default."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(parent.tr("Delete profile"))
    # The profile name is the user's own text: plain text, so nothing in it is interpreted.
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(parent.tr("Delete the profile “{name}”?").format(name=profile))
    box.setInformativeText(
        parent.tr("Its settings and the secret stored in the system keyring will be removed.")
    )
    box.setStandardButtons(QMessageBox.StandardButton.Cancel)
    delete = box.addButton(parent.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is delete


def _choose_file_with_dialog(parent: QWidget, caption: str, start: str, filters: str) -> str:
    path, _selected = QFileDialog.getOpenFileName(parent, caption, start, filters)
    return path


class _SecretEdit(QLineEdit):
    """A masked line edit for a MAC key or passphrase (masked, not copyable, no prediction)."""

    def __init__(self, object_name: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        # Keeps the secret out of on-screen keyboards' prediction and history.
        self.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
        )


class CredentialsDialog(QDialog):
    """Create or edit a connection profile: address, authentication, wallets, interval.

    Args:
        settings: the profile to edit; ``None`` creates a new one (no Delete button).
        has_stored_secret: the keyring already holds this profile's secret, so leaving the
            secret field empty keeps it.
        keyring_available: when False, a banner says the secret will be used for this
            session only (there is no plaintext fallback).
        keyring_message: why the keyring is unavailable, shown in that banner.

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
    ) -> None:
        super().__init__(parent)
        self.setObjectName("credentialsDialog")
        self._original = settings
        self._has_stored_secret = has_stored_secret
        self._browse_targets: dict[QPushButton, tuple[QLineEdit, str, str]] = {}
        self.setWindowTitle(
            self.tr("Edit connection") if settings is not None else self.tr("New connection")
        )

        root = QVBoxLayout(self)
        root.setSpacing(10)

        self._keyring_warning = QLabel()
        self._keyring_warning.setObjectName("keyringWarning")
        self._keyring_warning.setTextFormat(Qt.TextFormat.PlainText)
        self._keyring_warning.setWordWrap(True)
        self._keyring_warning.setStyleSheet(
            f"QLabel#keyringWarning {{ background: {_WARNING_BACKGROUND};"
            f" color: {_WARNING_TEXT}; border: 1px solid {_WARNING_BORDER};"
            " border-radius: 4px; padding: 8px; }"
        )
        if not keyring_available:
            reason = keyring_message.strip() or self.tr("no keyring backend was found")
            self._keyring_warning.setText(
                self.tr(
                    "The system keyring is not available ({reason}).\n"
                    "The secret cannot be stored: it will be used for this session only "
                    "and has to be entered again next time."
                ).format(reason=reason)
            )
        root.addWidget(self._keyring_warning)
        self._keyring_warning.setVisible(not keyring_available)

        root.addLayout(self._build_connection_form())
        root.addWidget(self._build_authentication_group())
        root.addWidget(self._build_monitoring_group())

        self._form_error = QLabel()
        self._form_error.setObjectName("formError")
        self._form_error.setTextFormat(Qt.TextFormat.PlainText)
        self._form_error.setWordWrap(True)
        self._form_error.setStyleSheet(f"color: {_ERROR_COLOUR};")
        self._form_error.hide()
        root.addWidget(self._form_error)

        root.addLayout(self._build_test_row())
        root.addStretch(1)
        root.addLayout(self._build_buttons())

        # Wide enough for the "stored in the keyring" hint and a full API address.
        self.setMinimumWidth(600)
        self._fill(settings or ConnectionSettings())

    # -- building ------------------------------------------------------------------------

    def _build_connection_form(self) -> QFormLayout:
        form = QFormLayout()
        self._profile_edit = QLineEdit()
        self._profile_edit.setObjectName("profileEdit")
        self._profile_edit.setPlaceholderText(self.tr("e.g. main account"))
        self._base_url_combo = QComboBox()
        self._base_url_combo.setObjectName("baseUrlCombo")
        self._base_url_combo.setEditable(True)
        self._base_url_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._base_url_combo.addItems([DEFAULT_BASE_URL, ALTERNATIVE_BASE_URL])
        form.addRow(self.tr("Profile name:"), self._profile_edit)
        form.addRow(self.tr("API address:"), self._base_url_combo)
        return form

    def _build_authentication_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Authentication"))
        form = QFormLayout(group)

        self._auth_combo = QComboBox()
        self._auth_combo.setObjectName("authMethodCombo")
        self._auth_combo.addItem(self.tr("MAC (client id and key)"), AUTH_MAC)
        self._auth_combo.addItem(self.tr("Client certificate"), AUTH_CERTIFICATE)
        form.addRow(self.tr("Method:"), self._auth_combo)

        stored_hint = self.tr("stored in the system keyring — leave empty to keep")

        mac_page = QWidget()
        mac_form = QFormLayout(mac_page)
        mac_form.setContentsMargins(0, 0, 0, 0)
        self._client_id_edit = QLineEdit()
        self._client_id_edit.setObjectName("clientIdEdit")
        self._mac_key_edit = _SecretEdit("macKeyEdit")
        if self._has_stored_secret:
            self._mac_key_edit.setPlaceholderText(stored_hint)
        self._show_key_button = QPushButton(self.tr("Show"))
        self._show_key_button.setObjectName("showKeyButton")
        self._show_key_button.setCheckable(True)
        self._show_key_button.setAutoDefault(False)
        self._show_key_button.toggled.connect(self._on_show_key_toggled)
        key_row = QHBoxLayout()
        key_row.addWidget(self._mac_key_edit, 1)
        key_row.addWidget(self._show_key_button)
        mac_form.addRow(self.tr("Client id:"), self._client_id_edit)
        mac_form.addRow(self.tr("MAC key:"), key_row)

        cert_page = QWidget()
        cert_form = QFormLayout(cert_page)
        cert_form.setContentsMargins(0, 0, 0, 0)
        self._cert_file_edit = QLineEdit()
        self._cert_file_edit.setObjectName("certFileEdit")
        self._cert_file_edit.setPlaceholderText(self.tr("PEM file with the client certificate"))
        self._key_file_edit = QLineEdit()
        self._key_file_edit.setObjectName("keyFileEdit")
        self._key_file_edit.setPlaceholderText(self.tr("optional when the certificate file has it"))
        self._passphrase_edit = _SecretEdit("passphraseEdit")
        self._passphrase_edit.setPlaceholderText(
            stored_hint if self._has_stored_secret else self.tr("optional")
        )
        pem_filter = self.tr("PEM files (*.pem *.crt *.key);;All files (*)")
        cert_form.addRow(
            self.tr("Certificate:"),
            self._with_browse(
                self._cert_file_edit, "certBrowseButton", self.tr("Client certificate"), pem_filter
            ),
        )
        cert_form.addRow(
            self.tr("Private key:"),
            self._with_browse(
                self._key_file_edit, "keyBrowseButton", self.tr("Private key"), pem_filter
            ),
        )
        cert_form.addRow(self.tr("Key passphrase:"), self._passphrase_edit)

        self._auth_stack = QStackedWidget()
        self._auth_stack.setObjectName("authStack")
        self._auth_stack.addWidget(mac_page)
        self._auth_stack.addWidget(cert_page)
        self._auth_combo.currentIndexChanged.connect(self._on_auth_method_changed)
        form.addRow(self._auth_stack)
        return group

    def _build_monitoring_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Monitoring"))
        form = QFormLayout(group)

        self._wallet_ids_edit = QLineEdit()
        self._wallet_ids_edit.setObjectName("walletIdsEdit")
        self._wallet_ids_edit.setPlaceholderText(self.tr("e.g. 14471, 14472"))
        self._wallet_ids_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[0-9,;\s]*"), self._wallet_ids_edit)
        )

        self._interval_spin = QSpinBox()
        self._interval_spin.setObjectName("intervalSpin")
        self._interval_spin.setRange(int(MIN_INTERVAL), MAX_INTERVAL)
        self._interval_spin.setSuffix(self.tr(" s"))
        self._interval_spin.setValue(int(DEFAULT_INTERVAL))

        # Positive integers without leading zeros; empty means "not used".
        positive = QRegularExpression(r"[1-9][0-9]{0,17}")
        self._project_id_edit = QLineEdit()
        self._project_id_edit.setObjectName("projectIdEdit")
        self._project_id_edit.setValidator(
            QRegularExpressionValidator(positive, self._project_id_edit)
        )
        self._project_id_edit.setPlaceholderText(self.tr("optional"))
        self._location_id_edit = QLineEdit()
        self._location_id_edit.setObjectName("locationIdEdit")
        self._location_id_edit.setValidator(
            QRegularExpressionValidator(positive, self._location_id_edit)
        )
        self._location_id_edit.setPlaceholderText(self.tr("optional"))

        self._ca_bundle_edit = QLineEdit()
        self._ca_bundle_edit.setObjectName("caBundleEdit")
        self._ca_bundle_edit.setPlaceholderText(self.tr("optional — system certificates"))

        form.addRow(self.tr("Wallet ids:"), self._wallet_ids_edit)
        form.addRow(self.tr("Poll every:"), self._interval_spin)
        form.addRow(self.tr("Project id:"), self._project_id_edit)
        form.addRow(self.tr("Location id:"), self._location_id_edit)
        form.addRow(
            self.tr("CA bundle:"),
            self._with_browse(
                self._ca_bundle_edit,
                "caBundleBrowseButton",
                self.tr("CA bundle"),
                self.tr("PEM files (*.pem *.crt);;All files (*)"),
            ),
        )
        return group

    def _build_test_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self._test_button = QPushButton(self.tr("Test connection"))
        self._test_button.setObjectName("testConnectionButton")
        self._test_button.setAutoDefault(False)
        self._test_button.clicked.connect(self._on_test_clicked)
        self._test_result = QLabel()
        self._test_result.setObjectName("testResultLabel")
        self._test_result.setTextFormat(Qt.TextFormat.PlainText)
        self._test_result.setWordWrap(True)
        self._test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self._test_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self._test_result, 1)
        return row

    def _build_buttons(self) -> QHBoxLayout:
        """Save/Cancel where the platform puts them; Delete apart on the left, away from Save."""
        row = QHBoxLayout()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("credentialsButtons")
        buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("saveButton")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("cancelButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._delete_button = QPushButton(self.tr("Delete profile…"))
        self._delete_button.setObjectName("deleteProfileButton")
        self._delete_button.setAutoDefault(False)
        self._delete_button.clicked.connect(self._on_delete_clicked)
        row.addWidget(self._delete_button)
        row.addStretch(1)
        row.addWidget(buttons)
        self._delete_button.setVisible(self._original is not None)
        return row

    def _with_browse(
        self, edit: QLineEdit, button_name: str, caption: str, filters: str
    ) -> QWidget:
        """``edit`` with a "Browse…" button that fills it from a file chooser."""
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        button = QPushButton(self.tr("Browse…"))
        button.setObjectName(button_name)
        button.setAutoDefault(False)

        button.clicked.connect(self._on_browse_clicked)
        self._browse_targets[button] = (edit, caption, filters)
        row.addWidget(edit, 1)
        row.addWidget(button)
        return box

    def _fill(self, settings: ConnectionSettings) -> None:
        if self._original is not None:
            self._profile_edit.setText(settings.profile)
        self._base_url_combo.setCurrentText(settings.base_url)
        index = self._auth_combo.findData(settings.auth_method)
        self._auth_combo.setCurrentIndex(max(0, index))
        self._show_auth_page(max(0, index))
        self._client_id_edit.setText(settings.client_id)
        self._cert_file_edit.setText(settings.cert_file)
        self._key_file_edit.setText(settings.key_file)
        self._project_id_edit.setText(
            "" if settings.project_id is None else str(settings.project_id)
        )
        self._location_id_edit.setText(
            "" if settings.location_id is None else str(settings.location_id)
        )
        self._wallet_ids_edit.setText(", ".join(settings.wallet_ids))
        self._interval_spin.setValue(round(settings.interval))
        self._ca_bundle_edit.setText(settings.ca_bundle)

    # -- replaceable interactions (tests monkeypatch these to avoid modal windows) --------

    def confirm_delete(self, profile: str) -> bool:
        """Ask before deleting: the profile's settings and its stored secret go away."""
        return _confirm_delete_with_message_box(self, profile)

    def choose_file(self, caption: str, start: str, filters: str) -> str:
        """A file picked by the user, or "" when they cancelled."""
        return _choose_file_with_dialog(self, caption, start, filters)

    # -- reading -------------------------------------------------------------------------

    def _auth_method(self) -> str:
        return str(self._auth_combo.currentData() or AUTH_MAC)

    def _secret_edit(self) -> QLineEdit:
        if self._auth_method() == AUTH_CERTIFICATE:
            return self._passphrase_edit
        return self._mac_key_edit

    @staticmethod
    def _optional_int(edit: QLineEdit) -> int | None:
        text = edit.text().strip()
        return int(text) if text.isascii() and text.isdigit() else None

    def result_settings(self) -> ConnectionSettings:
        """The profile as entered (never the secret)."""
        return ConnectionSettings(
            profile=self._profile_edit.text().strip(),
            base_url=self._base_url_combo.currentText().strip(),
            auth_method=self._auth_method(),
            client_id=self._client_id_edit.text().strip(),
            cert_file=self._cert_file_edit.text().strip(),
            key_file=self._key_file_edit.text().strip(),
            project_id=self._optional_int(self._project_id_edit),
            location_id=self._optional_int(self._location_id_edit),
            wallet_ids=parse_wallet_ids(self._wallet_ids_edit.text()),
            interval=float(self._interval_spin.value()),
            ca_bundle=self._ca_bundle_edit.text().strip(),
        )

    def result_secret(self) -> str | None:
        """The secret typed for the chosen method, or ``None`` to keep the stored one."""
        # Not stripped: a key is used exactly as typed, but whitespace alone means "nothing".
        text = self._secret_edit().text()
        return text if text.strip() else None

    def validation_error(self) -> str | None:
        """What is wrong with the form, in one sentence, or ``None`` when it can be saved."""
        settings = self.result_settings()
        if not settings.profile:
            return self.tr("Enter a profile name.")
        if any(ch in settings.profile for ch in _PROFILE_FORBIDDEN):
            return self.tr("The profile name cannot contain / or \\.")
        return self._connection_error(settings)

    def _connection_error(self, settings: ConnectionSettings) -> str | None:
        if not is_web_link(settings.base_url):
            return self.tr("The API address must start with https:// (or http://) and a host.")
        if settings.auth_method == AUTH_MAC:
            if not settings.client_id:
                return self.tr("Enter the client id.")
            if self.result_secret() is None and not self._has_stored_secret:
                return self.tr("Enter the MAC key.")
        else:
            if not settings.cert_file:
                return self.tr("Choose the client certificate file.")
            if not Path(settings.cert_file).expanduser().is_file():
                return self.tr("The certificate file does not exist.")
            if settings.key_file and not Path(settings.key_file).expanduser().is_file():
                return self.tr("The private key file does not exist.")
        if not self._optional_fields_valid():
            return self.tr("Project id and location id must be positive whole numbers.")
        if settings.ca_bundle and not Path(settings.ca_bundle).expanduser().is_file():
            return self.tr("The CA bundle file does not exist.")
        return None

    def _optional_fields_valid(self) -> bool:
        return all(
            not edit.text().strip() or edit.hasAcceptableInput()
            for edit in (self._project_id_edit, self._location_id_edit)
        )

    def _show_form_error(self, text: str | None) -> None:
        self._form_error.setText(text or "")
        self._form_error.setVisible(bool(text))
        self._fit_height()

    # -- slots ---------------------------------------------------------------------------

    def _show_auth_page(self, index: int) -> None:
        # A stacked widget is as tall as its tallest page; ignoring the hidden page's size
        # keeps the short MAC page from leaving a gap.
        for page_index in range(self._auth_stack.count()):
            policy = (
                QSizePolicy.Policy.Preferred if page_index == index else QSizePolicy.Policy.Ignored
            )
            self._auth_stack.widget(page_index).setSizePolicy(policy, policy)
        self._auth_stack.setCurrentIndex(index)
        self._auth_stack.adjustSize()
        self._fit_height()

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

    @Slot(int)
    def _on_auth_method_changed(self, index: int) -> None:
        self._show_auth_page(index)
        self._show_form_error(None)

    @Slot(bool)
    def _on_show_key_toggled(self, shown: bool) -> None:
        self._mac_key_edit.setEchoMode(
            QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        )
        self._show_key_button.setText(self.tr("Hide") if shown else self.tr("Show"))

    @Slot()
    def _on_test_clicked(self) -> None:
        settings = self.result_settings()
        error = self._connection_error(settings)
        self._show_form_error(error)
        if error is not None:
            return
        self._test_button.setEnabled(False)
        self._test_result.setStyleSheet("")
        self._test_result.setText(self.tr("Testing…"))
        self.testRequested.emit(settings, self.result_secret())

    @Slot(bool, str)
    def show_test_result(self, ok: bool, text: str) -> None:
        """Show how the connection test went; ``text`` is shown as plain text."""
        self._test_button.setEnabled(True)
        colour = _OK_COLOUR if ok else _ERROR_COLOUR
        prefix = self.tr("✔ Connected") if ok else self.tr("✘ Failed")
        self._test_result.setStyleSheet(f"color: {colour};")
        self._test_result.setText(f"{prefix}: {text}" if text else prefix)
        self._fit_height()

    @Slot()
    def _on_browse_clicked(self) -> None:
        button = self.sender()
        if not isinstance(button, QPushButton) or button not in self._browse_targets:
            return
        edit, caption, filters = self._browse_targets[button]
        start = str(Path(edit.text()).expanduser().parent) if edit.text() else str(Path.home())
        path = self.choose_file(caption, start, filters)
        if path:
            edit.setText(path)

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
        self._mac_key_edit.clear()
        self._passphrase_edit.clear()

    @Slot()
    def accept(self) -> None:
        """Close with Save only when the form is complete; otherwise say what is missing."""
        error = self.validation_error()
        self._show_form_error(error)
        if error is None:
            super().accept()

    @Slot()
    def reject(self) -> None:
        """Cancel: the typed secret is not needed any more, so it is dropped now."""
        self.clear_secret()
        super().reject()
