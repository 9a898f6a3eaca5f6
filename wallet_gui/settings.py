"""Profiles (everything but secrets) in ``QSettings``.

An INI file in the user's config folder (``~/.config/wallet-gui/wallet-gui.ini`` on Linux)
holds each profile's connection settings and which profile was used last. Secrets are never
written here: they live in the OS keyring (``credentials``). The file path is resolved on
every construction, so a test (or ``XDG_CONFIG_HOME``) can point it elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from wallet_gui.connection import AUTH_MAC, DEFAULT_INTERVAL, ConnectionSettings

_GROUP = "profiles"


def settings_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.GenericConfigLocation
    )
    return Path(base) / "wallet-gui" / "wallet-gui.ini"


def app_settings() -> QSettings:
    """The app's settings file (profiles, last profile, window geometry)."""
    return QSettings(str(settings_path()), QSettings.Format.IniFormat)


def _optional_int(value: object) -> int | None:
    try:
        return int(str(value)) if value not in (None, "") else None
    except ValueError:
        return None


class ProfileStore:
    """Read and write profiles; ``QSettings`` does the file format and atomic writes."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or app_settings()

    def names(self) -> list[str]:
        self._settings.beginGroup(_GROUP)
        try:
            return sorted(self._settings.childGroups())
        finally:
            self._settings.endGroup()

    def load(self, name: str) -> ConnectionSettings | None:
        if name not in self.names():
            return None
        s = self._settings
        s.beginGroup(f"{_GROUP}/{name}")
        try:
            wallets = str(s.value("wallet_ids", "") or "")
            try:
                interval = float(str(s.value("interval", DEFAULT_INTERVAL)))
            except ValueError:
                interval = DEFAULT_INTERVAL
            return ConnectionSettings(
                profile=name,
                base_url=str(s.value("base_url", ConnectionSettings.base_url)),
                auth_method=str(s.value("auth_method", AUTH_MAC)),
                client_id=str(s.value("client_id", "") or ""),
                cert_file=str(s.value("cert_file", "") or ""),
                key_file=str(s.value("key_file", "") or ""),
                project_id=_optional_int(s.value("project_id")),
                location_id=_optional_int(s.value("location_id")),
                wallet_ids=tuple(w for w in wallets.split(",") if w),
                interval=interval,
                ca_bundle=str(s.value("ca_bundle", "") or ""),
            )
        finally:
            s.endGroup()

    def save(self, profile: ConnectionSettings) -> None:
        if not profile.profile or "/" in profile.profile:
            raise ValueError("a profile needs a name without '/'")
        s = self._settings
        s.remove(f"{_GROUP}/{profile.profile}")
        s.beginGroup(f"{_GROUP}/{profile.profile}")
        for key, value in (
            ("base_url", profile.base_url),
            ("auth_method", profile.auth_method),
            ("client_id", profile.client_id),
            ("cert_file", profile.cert_file),
            ("key_file", profile.key_file),
            ("project_id", "" if profile.project_id is None else str(profile.project_id)),
            ("location_id", "" if profile.location_id is None else str(profile.location_id)),
            ("wallet_ids", ",".join(profile.wallet_ids)),
            ("interval", str(profile.interval)),
            ("ca_bundle", profile.ca_bundle),
        ):
            s.setValue(key, value)
        s.endGroup()
        s.sync()

    def delete(self, name: str) -> None:
        self._settings.remove(f"{_GROUP}/{name}")
        if self.last_used == name:
            self._settings.remove("last_profile")
        self._settings.sync()

    @property
    def last_used(self) -> str | None:
        value = self._settings.value("last_profile", "")
        return str(value) if value else None

    @last_used.setter
    def last_used(self, name: str | None) -> None:
        if name:
            self._settings.setValue("last_profile", name)
        else:
            self._settings.remove("last_profile")
        self._settings.sync()

    def find_by_client_id(self, client_id: str) -> ConnectionSettings | None:
        for name in self.names():
            profile = self.load(name)
            if profile is not None and profile.client_id == client_id:
                return profile
        return None
