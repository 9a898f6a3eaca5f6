"""Saved profiles with their secrets, changed together: read, save, rename, copy, delete.

Why apart from ``ProfileFlows`` (``app_profiles.py``): the flows decide which dialog is open
and what the window does next; this module is what a change means for what is kept. A
profile lives in two places, its settings in the ``ProfileStore`` and its secret in the
system keyring (or, when the keyring refuses it, in memory for this session only:
``SecretKeeper``), and every change moves both. Whatever cannot be done is told in plain
words through the app's ``warn``; nothing here opens a window, connects or disconnects.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication

from wallet_gui.api.errors import WalletError
from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.credentials import secret_from_environment
from wallet_gui.core.profile_form import duplicate_name
from wallet_gui.core.profiles import ProfileStore, ProfileStoreError
from wallet_gui.core.secret_keeper import SecretKeeper
from wallet_gui.core.secret_notice import not_removed_notice, not_stored_notice
from wallet_gui.ui.core_texts import error_message

if TYPE_CHECKING:
    from wallet_gui.core.alert_rules import AlertRules

#: The keyring notices are built in the core from English templates; shown in the window's
#: language (warning titles are translated where they are shown, ``ui/core_texts.py``).
_TRANSLATE = QCoreApplication.translate


class ProfilesHost(Protocol):
    """What keeping profiles needs of the application: its profile store and its warnings."""

    @property
    def profiles(self) -> ProfileStore: ...

    def warn(self, title: str, text: str | WalletError) -> None: ...


class SavedProfiles:
    """The saved profiles of ``host`` and their secrets in ``secrets``, kept in step."""

    def __init__(self, host: ProfilesHost, secrets: SecretKeeper) -> None:
        self._host = host
        self._secrets = secrets

    # -- reading ---------------------------------------------------------------------------

    def names(self) -> list[str]:
        """The saved profiles' names; none (and a warning) when the file cannot be read."""
        try:
            return self._host.profiles.names()
        except ProfileStoreError as error:
            self._host.warn("The profiles file could not be read", error)
            return []

    def load(self, name: str) -> ConnectionSettings | None:
        """The saved profile ``name``, or ``None`` (and a warning) when it cannot be read."""
        try:
            return self._host.profiles.load(name)
        except ProfileStoreError as error:
            self._host.warn("The profile could not be read", error)
            return None

    # -- changing --------------------------------------------------------------------------

    def save(
        self,
        settings: ConnectionSettings,
        secret: str | None,
        previous: str | None = None,
        quiet: bool = False,
        rules: AlertRules | None = None,
    ) -> str | None:
        """Save the profile (its secret to the keyring only); returns the secret to use.

        ``previous`` is the profile's old name when the dialog renamed it: its keyring entry
        moves with it, and the old profile goes away. A secret the keyring refuses is kept
        for this session; the user is told unless ``quiet`` (the dialog said so already).
        """
        try:
            if previous and previous != settings.profile:
                secret = self._forget_renamed(previous, secret)
            self._host.profiles.save(settings)
            if rules is not None:
                self._host.profiles.save_alert_rules(settings.profile, rules)
        except ProfileStoreError as error:
            self._host.warn(
                "The profile was not saved",
                # Translated where this sentence was first written, in ``ProfileFlows``.
                QCoreApplication.translate(
                    "ProfileFlows", "{0}\n\nIt is used for this session only."
                ).format(error_message(error)),
            )
        if not secret:
            return self._secrets.find(settings)[0]
        refused = self._secrets.keep(settings, secret)
        if refused and not quiet:
            notice = not_stored_notice(refused, translate=_TRANSLATE)
            self._host.warn("The secret was not stored", notice)
        return secret

    def _forget_renamed(self, previous: str, secret: str | None) -> str | None:
        """Remove the profile's old name; its stored secret is kept unless a new one was typed."""
        old = self._host.profiles.load(previous)
        if old is None:
            return secret
        kept, failed = self._secrets.take(old)
        if failed:
            notice = not_removed_notice(failed, translate=_TRANSLATE)
            self._host.warn("The keyring entry could not be moved", notice)
        self._host.profiles.delete(previous)
        return secret or kept

    def delete(self, name: str) -> bool:
        """Delete the profile and its secret; ``False`` (and a warning) when it stays."""
        try:
            profile = self._host.profiles.load(name)
            failed = self._secrets.forget(profile) if profile is not None else None
            if failed:
                self._host.warn(
                    "The secret could not be removed from the keyring",
                    not_removed_notice(failed, translate=_TRANSLATE),
                )
            self._host.profiles.delete(name)
        except ProfileStoreError as error:
            self._host.warn("The profile could not be deleted", error)
            return False
        return True

    def duplicate(self, name: str) -> str | None:
        """Copy profile ``name`` (and its secret) under a new name; returns that name."""
        original = self.load(name)
        if original is None:
            return None
        copy = replace(original, profile=duplicate_name(name, self.names()))
        secret, _ = self._secrets.find(original)
        try:
            self._host.profiles.save(copy)
        except ProfileStoreError as error:
            self._host.warn("The copy was not saved", error)
            return None
        if secret and not secret_from_environment():
            self._secrets.keep(copy, secret)  # refused: kept for the session, as the original's
        return copy.profile


__all__ = ["ProfilesHost", "SavedProfiles"]
