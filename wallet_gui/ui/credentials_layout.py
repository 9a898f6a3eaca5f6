"""The Connect dialog's widgets, built and laid out from top to bottom, and kept by role.

Why apart from ``CredentialsDialog``: what the form looks like (which fields, in which order,
with which object names and labels) is a different question from what it does (fill in a
profile, check it while typing, test it, save or delete it). The dialog builds one
``CredentialsLayout`` and then only talks to the widgets it holds. Texts are looked up in
the ``CredentialsDialog`` context, where they were translated when they were written there.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from wallet_gui.api.client import ALTERNATIVE_BASE_URL, DEFAULT_BASE_URL
from wallet_gui.ui.auth_fields import AuthenticationGroup, FileChooser, KeyringBanner
from wallet_gui.ui.monitoring_fields import MonitoringGroup
from wallet_gui.ui.plain_text import plain_label
from wallet_gui.ui.tones import text_style


def _note_label(object_name: str) -> QLabel:
    """A hidden, wrapping plain-text line below the form (its owner fills and shows it)."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class CredentialsLayout:
    """Builds ``dialog``'s widgets: keyring banner, name and address, the authentication and
    monitoring groups, the form's error and the cleartext note, the test row and the buttons.

    Args:
        banner: the keyring banner's text; empty hides the banner.
        has_stored_secret: passed to the authentication group (empty secret keeps it).
        chooser: picks a file for the certificate, key and CA bundle fields.
        deletable: show Delete (the dialog edits a saved profile).

    Nothing is connected here: the dialog connects the buttons and fields it listens to.
    """

    def __init__(
        self,
        dialog: QDialog,
        *,
        banner: str,
        has_stored_secret: bool,
        chooser: FileChooser,
        deletable: bool,
    ) -> None:
        root = QVBoxLayout(dialog)
        root.setSpacing(10)

        self.keyring_warning = KeyringBanner(banner)
        root.addWidget(self.keyring_warning)
        self.keyring_warning.setVisible(bool(banner))

        root.addLayout(self._build_connection_form())
        self.auth = AuthenticationGroup(has_stored_secret=has_stored_secret, chooser=chooser)
        root.addWidget(self.auth)
        self.monitoring = MonitoringGroup(chooser=chooser)
        root.addWidget(self.monitoring)

        self.form_error = _note_label("formError")
        self.form_error.setStyleSheet(text_style("bad", dialog.palette()))
        self.form_error.hide()
        root.addWidget(self.form_error)
        self.cleartext_note = _note_label("cleartextNote")
        self.cleartext_note.hide()
        root.addWidget(self.cleartext_note)

        root.addLayout(self._build_test_row())
        root.addStretch(1)
        root.addLayout(self._build_buttons(deletable))

    def _build_connection_form(self) -> QFormLayout:
        translate = QCoreApplication.translate  # a name lupdate knows
        form = QFormLayout()
        self.profile_edit = QLineEdit()
        self.profile_edit.setObjectName("profileEdit")
        self.profile_edit.setPlaceholderText(translate("CredentialsDialog", "e.g. main account"))
        self.base_url_combo = QComboBox()
        self.base_url_combo.setObjectName("baseUrlCombo")
        self.base_url_combo.setEditable(True)
        self.base_url_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.base_url_combo.addItems([DEFAULT_BASE_URL, ALTERNATIVE_BASE_URL])
        form.addRow(translate("CredentialsDialog", "Profile name:"), self.profile_edit)
        form.addRow(translate("CredentialsDialog", "API address:"), self.base_url_combo)
        return form

    def _build_test_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.test_button = QPushButton(
            QCoreApplication.translate("CredentialsDialog", "Test connection")
        )
        self.test_button.setObjectName("testConnectionButton")
        self.test_button.setAutoDefault(False)
        self.test_result = plain_label("testResultLabel")
        row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.test_result, 1)
        return row

    def _build_buttons(self, deletable: bool) -> QHBoxLayout:
        """Save/Cancel where the platform puts them; Delete apart on the left, away from Save."""
        row = QHBoxLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("credentialsButtons")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("saveButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("cancelButton")
        self.delete_button = QPushButton(
            QCoreApplication.translate("CredentialsDialog", "Delete profile…")
        )
        self.delete_button.setObjectName("deleteProfileButton")
        self.delete_button.setAutoDefault(False)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        self.delete_button.setVisible(deletable)
        return row


__all__ = ["CredentialsLayout"]
