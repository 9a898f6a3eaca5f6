"""The profile flows of the composition root: connect, manage, edit, duplicate, delete.

``ProfileFlows`` acts on the intents of the first-run screen, the profile manager and the
Connect dialog. It uses the ``ProfileStore`` and the ``CredentialStore`` of the app it
serves (``wallet_gui.app.Application``, seen here only through ``Host``) and asks the app
to connect, disconnect or show the first-run screen. Secrets go from the dialog to the
keyring and to the monitor, nowhere else; when the keyring cannot keep one, it is kept in
memory for this session only (``SecretKeeper``) and the user is told, in plain words.
What saving, renaming, copying or deleting means for the store and the keyring is
``SavedProfiles`` (``app_saved_profiles.py``); here is what the window does around it.

Dialogs are opened with ``open()`` (no nested event loop), so quitting never waits for one.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtWidgets import QWidget

from wallet_gui.app_saved_profiles import ProfilesHost, SavedProfiles
from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.credentials import CredentialStore
from wallet_gui.core.secret_keeper import SecretKeeper
from wallet_gui.core.secret_notice import missing_secret_notice, needs_secret
from wallet_gui.qt.connection_tester import ConnectionTester
from wallet_gui.ui.alert_fields import alerts_group_of
from wallet_gui.ui.disposal import dispose_later

if TYPE_CHECKING:
    from wallet_gui.core.alert_rules import AlertRules
    from wallet_gui.ui.credentials_dialog import CredentialsDialog
    from wallet_gui.ui.profile_manager import ProfileManagerDialog

log = logging.getLogger(__name__)

#: The keyring notices are built in the core from English templates; shown in the window's
#: language (warning titles are translated where they are shown, ``ui/core_texts.py``).
_TRANSLATE = QCoreApplication.translate


class Host(ProfilesHost, Protocol):
    """What the flows need of the application (and its profiles and ``warn``, for saving)."""

    @property
    def store(self) -> CredentialStore: ...
    @property
    def window(self) -> QWidget | None: ...
    @property
    def first_run(self) -> QWidget | None: ...
    @property
    def current_profile(self) -> str | None: ...
    @property
    def quitting(self) -> bool: ...

    def connect_to(
        self, settings: ConnectionSettings, secret: str | None, *, demo: bool = False
    ) -> None: ...
    def close_connection(self) -> None: ...
    def show_first_run(self) -> None: ...
    def alert_rules(self, profile: str) -> AlertRules: ...


def _alive(widget: QWidget | None) -> bool:
    return widget is not None and shiboken6.isValid(widget)


class ProfileFlows(QObject):
    """Opens the profile manager and the Connect dialog, and carries out what they ask."""

    def __init__(self, host: Host) -> None:
        super().__init__()
        self._host = host
        self._tester = ConnectionTester(self)
        self._tester.finished.connect(self._on_test_finished)
        self._dialog: CredentialsDialog | None = None
        self._editing: ConnectionSettings | None = None  # the saved profile the dialog edits
        self._connect_after_save = True
        self._keyring_explained = False
        self._manager: ProfileManagerDialog | None = None
        self.secrets = SecretKeeper(host.store)
        self._saved = SavedProfiles(host, self.secrets)

    @property
    def dialog(self) -> CredentialsDialog | None:
        """The Connect dialog while it is open."""
        return self._dialog if _alive(self._dialog) else None

    @property
    def manager(self) -> ProfileManagerDialog | None:
        """The profile manager while it is open."""
        return self._manager if _alive(self._manager) else None

    # -- connecting ------------------------------------------------------------------------

    def connect_profile(self, settings: ConnectionSettings) -> None:
        """Connect with the profile's secret, or ask for it when it cannot be found."""
        secret, keyring_kind = self.secrets.find(settings)
        if secret is None and needs_secret(settings):
            notice = missing_secret_notice(settings, keyring_kind, translate=_TRANSLATE)
            self.open_credentials(settings, notice=notice)
            return
        self._host.connect_to(settings, secret)

    @Slot(str)
    def open_profile(self, name: str) -> None:
        """Monitor the saved profile ``name`` (from the first-run screen or the manager)."""
        if name == self._host.current_profile and self._host.window is not None:
            self.close_manager()  # already monitored: nothing to switch
            return
        settings = self._saved.load(name)
        if settings is None:
            return
        self.close_manager()
        self.connect_profile(settings)

    # -- the Connect dialog ----------------------------------------------------------------

    def open_credentials(
        self,
        settings: ConnectionSettings | None = None,
        *,
        notice: str = "",
        connect: bool = True,
    ) -> CredentialsDialog:
        """Open the Connect dialog on ``settings`` (``None``: a new profile), non-blocking.

        On Save the profile is stored and, with ``connect`` (or when it is the profile being
        monitored), connected. ``notice`` is shown above the form and puts the cursor in the
        secret field: the dialog was opened because the key is needed.
        """
        from wallet_gui.ui.credentials_dialog import CredentialsDialog

        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._dialog.activateWindow()  # one at a time: the open one comes forward
            return self._dialog
        saved = settings is not None and settings.profile in self._saved.names()
        stored = settings is not None and saved and self.secrets.find(settings)[0] is not None
        available = self._host.store.available()
        dialog = CredentialsDialog(
            self._parent(),
            settings=settings,
            has_stored_secret=stored,
            keyring_available=available,
            keyring_message=notice,
            taken_names=frozenset(self._saved.names()) - {settings.profile if settings else ""},
        )
        if saved and settings is not None:
            alerts_group_of(dialog).set_rules(self._host.alert_rules(settings.profile))
        dialog.testRequested.connect(self._test_connection)
        dialog.deleteRequested.connect(self.delete_profile)
        dialog.accepted.connect(self._on_credentials_accepted)
        dialog.finished.connect(self._on_credentials_finished)
        self._dialog = dialog
        self._editing = settings if saved else None
        self._connect_after_save = connect
        # The banner already says a key typed now is for this session only.
        self._keyring_explained = bool(notice) or not available
        dialog.open()
        if notice:
            dialog.focus_secret()
        return dialog

    def _parent(self) -> QWidget | None:
        for widget in (self._manager, self._host.window, self._host.first_run):
            if _alive(widget):
                return widget
        return None

    @Slot(object, object)
    def _test_connection(self, settings: ConnectionSettings, secret: str | None) -> None:
        if not secret:
            # Empty means "the stored one": that of the profile being edited, under its name.
            secret, _ = self.secrets.find(self._editing or settings)
        self._tester.test(settings, secret)

    @Slot(bool, str)
    def _on_test_finished(self, ok: bool, text: str) -> None:
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._dialog.show_test_result(ok, text)

    @Slot()
    def _on_credentials_accepted(self) -> None:
        dialog = self._dialog
        if dialog is None:
            return
        # Everything is read from the dialog before anything is done: connecting replaces
        # the window, and with it, later, whatever it parents.
        settings, secret = dialog.result_settings(), dialog.result_secret()
        rules = alerts_group_of(dialog).rules()  # valid: the dialog accepts nothing else
        dialog.clear_secret()
        previous = self._editing.profile if self._editing is not None else None
        current = self._host.current_profile
        quiet = self._keyring_explained
        if self._connect_after_save or (previous is not None and previous == current):
            secret = self._saved.save(settings, secret, previous, quiet, rules)
            self._host.connect_to(settings, secret)
        else:
            self._saved.save(settings, secret, previous, quiet, rules)
        self.refresh_manager(select=settings.profile)

    @Slot()
    def _on_credentials_finished(self) -> None:
        dialog, self._dialog, self._editing = self._dialog, None, None
        self._tester.cancel()
        dispose_later(dialog)
        host = self._host
        if not host.quitting and host.window is None and not _alive(host.first_run):
            host.show_first_run()  # the dialog was all there was (a key asked for at start)

    # -- saving (what it means for the store and the keyring: ``SavedProfiles``) ----------

    def save_and_connect(
        self, settings: ConnectionSettings, secret: str | None, previous: str | None = None
    ) -> None:
        """Save the profile and connect to it (for this session even if it was not saved)."""
        self._host.connect_to(settings, self._saved.save(settings, secret, previous))

    @Slot(str)
    def delete_profile(self, name: str) -> None:
        """Delete the profile and its secret; deleting the monitored one stops monitoring."""
        if not self._saved.delete(name):
            return
        if name == self._host.current_profile:
            self.close_manager()
            self._host.close_connection()
            self._host.show_first_run()
        else:
            self.refresh_manager()

    @Slot(str)
    def duplicate_profile(self, name: str) -> str | None:
        """Copy profile ``name`` (and its secret) under a new name; returns that name."""
        copy = self._saved.duplicate(name)
        if copy is not None:
            self.refresh_manager(select=copy)
        return copy

    # -- the profile manager ---------------------------------------------------------------

    @Slot()
    def open_manager(self) -> ProfileManagerDialog:
        """Show the list of saved profiles over the main window (non-blocking)."""
        from wallet_gui.ui.profile_manager import ProfileManagerDialog

        manager = self._manager
        if manager is not None and shiboken6.isValid(manager):
            manager.activateWindow()
            return manager
        manager = ProfileManagerDialog(
            self._host.window, profiles=self._saved.names(), current=self._host.current_profile
        )
        manager.switchRequested.connect(self.open_profile)
        manager.addRequested.connect(self._on_add_requested)
        manager.editRequested.connect(self._on_edit_requested)
        manager.duplicateRequested.connect(self.duplicate_profile)
        manager.deleteRequested.connect(self.delete_profile)
        manager.finished.connect(self._on_manager_finished)
        self._manager = manager
        manager.open()
        return manager

    @Slot()
    def _on_add_requested(self) -> None:
        self.open_credentials(None, connect=False)

    @Slot(str)
    def _on_edit_requested(self, name: str) -> None:
        settings = self._saved.load(name)
        if settings is not None:
            self.open_credentials(settings, connect=False)

    def refresh_manager(self, select: str | None = None) -> None:
        manager = self._manager
        if manager is not None and shiboken6.isValid(manager):
            manager.set_profiles(self._saved.names(), self._host.current_profile, select=select)

    def window_replaced(self, window: QWidget) -> None:
        """Keep the manager open over the new main window (the old one is going away)."""
        manager = self._manager
        if manager is not None and shiboken6.isValid(manager) and manager.isVisible():
            manager.setParent(window, manager.windowFlags())
            manager.open()
            self.refresh_manager()

    def close_manager(self) -> None:
        manager, self._manager = self._manager, None
        if manager is not None and shiboken6.isValid(manager):
            manager.close()
        dispose_later(manager)

    @Slot()
    def _on_manager_finished(self) -> None:
        if self._manager is not None and self._manager is self.sender():
            self.close_manager()

    # -- quitting --------------------------------------------------------------------------

    def close_all(self) -> None:
        """Quit: cancel a connection test and close the dialogs (a typed secret is dropped)."""
        self._tester.stop()
        dialog = self._dialog
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.reject()
        self.close_manager()


__all__ = ["Host", "ProfileFlows"]
