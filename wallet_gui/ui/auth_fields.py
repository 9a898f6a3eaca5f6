"""The authentication part of the profile form, and the small fields the form is built from.

How a profile signs in (MAC client id and key, or a client certificate and its key's
passphrase) is a form of its own inside ``CredentialsDialog``: two pages, one secret field
each, swapped by a method chooser, and a banner when the secret cannot be stored. It lives
here so the dialog stays about the profile as a whole. The secret fields are masked, kept
out of input-method prediction and never logged; nothing here talks to the network or the
keyring.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from wallet_gui.core.connection import AUTH_CERTIFICATE, AUTH_MAC
from wallet_gui.ui.tones import WARNING_BANNER, WARNING_BORDER, is_dark, is_palette_change

#: Picks a file: ``(caption, start folder, filters) -> path``, or "" when cancelled.
FileChooser = Callable[[str, str, str], str]


class KeyringBanner(QLabel):
    """A warning above the form about the keyring: why the secret cannot be read or stored.

    There is no plaintext fallback: without a keyring the secret is used for this session
    only. The banner shows ``text`` as plain text; its owner shows or hides it.
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self.setObjectName("keyringWarning")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.restyle()
        self.setText(text)

    def restyle(self) -> None:
        """Colours (ui/tones.py) for the palette around the banner, light or dark: its
        parent's, since the banner's own palette carries its style sheet's background."""
        parent = self.parentWidget()
        dark = is_dark(parent.palette() if parent is not None else QApplication.palette())
        pair = WARNING_BANNER.on(dark)
        sheet = (
            f"QLabel#keyringWarning {{ background: {pair.background};"
            f" color: {pair.text}; border: 1px solid {WARNING_BORDER.on(dark)};"
            " border-radius: 4px; padding: 8px; }"
        )
        if sheet != self.styleSheet():  # setting it sends this label a palette change
            self.setStyleSheet(sheet)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_palette_change(event) or event.type() == QEvent.Type.ParentChange:
            self.restyle()


class SecretEdit(QLineEdit):
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


class FileField(QWidget):
    """``edit`` with a "Browse…" button that fills it from ``chooser``."""

    def __init__(
        self,
        edit: QLineEdit,
        button_name: str,
        caption: str,
        filters: str,
        chooser: FileChooser,
    ) -> None:
        super().__init__()
        self._edit = edit
        self._caption = caption
        self._filters = filters
        self._chooser = chooser
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        button = QPushButton(self.tr("Browse…"))
        button.setObjectName(button_name)
        button.setAutoDefault(False)
        button.clicked.connect(self._on_browse_clicked)
        row.addWidget(edit, 1)
        row.addWidget(button)

    @Slot()
    def _on_browse_clicked(self) -> None:
        current = self._edit.text()
        start = str(Path(current).expanduser().parent) if current else str(Path.home())
        path = self._chooser(self._caption, start, self._filters)
        if path:
            self._edit.setText(path)


class AuthenticationGroup(QGroupBox):
    """Method chooser plus a MAC page and a client certificate page.

    Args:
        has_stored_secret: the keyring holds this profile's secret, so the secret fields
            say that leaving them empty keeps it.
        chooser: picks the certificate and key files.

    Signals:
        methodChanged(): the other page is now shown (the form may need another height).
        edited(): any field changed (the method, a file, the client id or a secret).
    """

    methodChanged = Signal()
    edited = Signal()

    def __init__(self, *, has_stored_secret: bool, chooser: FileChooser) -> None:
        super().__init__()
        self.setTitle(self.tr("Authentication"))
        form = QFormLayout(self)

        self._method_combo = QComboBox()
        self._method_combo.setObjectName("authMethodCombo")
        self._method_combo.addItem(self.tr("MAC (client id and key)"), AUTH_MAC)
        self._method_combo.addItem(self.tr("Client certificate"), AUTH_CERTIFICATE)
        form.addRow(self.tr("Method:"), self._method_combo)

        stored_hint = self.tr("stored in the system keyring — leave empty to keep")

        mac_page = QWidget()
        mac_form = QFormLayout(mac_page)
        mac_form.setContentsMargins(0, 0, 0, 0)
        self._client_id_edit = QLineEdit()
        self._client_id_edit.setObjectName("clientIdEdit")
        self._mac_key_edit = SecretEdit("macKeyEdit")
        if has_stored_secret:
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
        self._passphrase_edit = SecretEdit("passphraseEdit")
        self._passphrase_edit.setPlaceholderText(
            stored_hint if has_stored_secret else self.tr("optional")
        )
        pem_filter = self.tr("PEM files (*.pem *.crt *.key);;All files (*)")
        cert_form.addRow(
            self.tr("Certificate:"),
            FileField(
                self._cert_file_edit,
                "certBrowseButton",
                self.tr("Client certificate"),
                pem_filter,
                chooser,
            ),
        )
        cert_form.addRow(
            self.tr("Private key:"),
            FileField(
                self._key_file_edit, "keyBrowseButton", self.tr("Private key"), pem_filter, chooser
            ),
        )
        cert_form.addRow(self.tr("Key passphrase:"), self._passphrase_edit)

        self._pages: tuple[QWidget, ...] = (mac_page, cert_page)
        self._stack = QStackedWidget()
        self._stack.setObjectName("authStack")
        for page in self._pages:
            self._stack.addWidget(page)
        self._method_combo.currentIndexChanged.connect(self._on_method_changed)
        form.addRow(self._stack)
        for edit in (
            self._client_id_edit,
            self._mac_key_edit,
            self._cert_file_edit,
            self._key_file_edit,
            self._passphrase_edit,
        ):
            edit.textChanged.connect(self.edited)
        self._method_combo.currentIndexChanged.connect(self.edited)

    # -- values --------------------------------------------------------------------------

    def set_values(
        self, *, auth_method: str, client_id: str, cert_file: str, key_file: str
    ) -> None:
        """Show these values and the page of ``auth_method`` (the MAC page when unknown)."""
        index = max(0, self._method_combo.findData(auth_method))
        self._method_combo.setCurrentIndex(index)
        self._show_page(index)
        self._client_id_edit.setText(client_id)
        self._cert_file_edit.setText(cert_file)
        self._key_file_edit.setText(key_file)

    def auth_method(self) -> str:
        """``AUTH_MAC`` or ``AUTH_CERTIFICATE``, as chosen."""
        return str(self._method_combo.currentData() or AUTH_MAC)

    def client_id(self) -> str:
        """The client id as typed."""
        return self._client_id_edit.text()

    def cert_file(self) -> str:
        """The certificate file as typed or chosen."""
        return self._cert_file_edit.text()

    def key_file(self) -> str:
        """The private key file as typed or chosen."""
        return self._key_file_edit.text()

    def secret(self) -> str | None:
        """The secret typed for the chosen method, or ``None`` when none was typed."""
        edit = (
            self._passphrase_edit if self.auth_method() == AUTH_CERTIFICATE else self._mac_key_edit
        )
        # Not stripped: a key is used exactly as typed, but whitespace alone means "nothing".
        text = edit.text()
        return text if text.strip() else None

    def clear_secret(self) -> None:
        """Forget whatever secret was typed, on both pages."""
        self._mac_key_edit.clear()
        self._passphrase_edit.clear()

    def focus_secret(self) -> None:
        """Put the cursor in the secret field of the chosen method."""
        edit = (
            self._passphrase_edit if self.auth_method() == AUTH_CERTIFICATE else self._mac_key_edit
        )
        edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- pages ---------------------------------------------------------------------------

    def _show_page(self, index: int) -> None:
        # A stacked widget is as tall as its tallest page; ignoring the hidden page's size
        # keeps the short MAC page from leaving a gap.
        for page_index, page in enumerate(self._pages):
            policy = (
                QSizePolicy.Policy.Preferred if page_index == index else QSizePolicy.Policy.Ignored
            )
            page.setSizePolicy(policy, policy)
        self._stack.setCurrentIndex(index)
        self._stack.adjustSize()
        self.methodChanged.emit()

    @Slot(int)
    def _on_method_changed(self, index: int) -> None:
        self._show_page(index)

    @Slot(bool)
    def _on_show_key_toggled(self, shown: bool) -> None:
        self._mac_key_edit.setEchoMode(
            QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        )
        self._show_key_button.setText(self.tr("Hide") if shown else self.tr("Show"))
