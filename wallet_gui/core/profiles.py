"""Profiles (everything but secrets) in the app's INI file, read and written without Qt.

The file is the one earlier versions wrote through ``QSettings`` and the window still writes
its geometry to (``wallet_gui.ui.window_settings``): each profile is the group
``profiles/<name>`` and ``last_profile`` names the one used last. ``ini_file`` keeps the
format Qt's, so both sides read each other's changes, and leaves the window's lines alone.
Secrets are never written here: they live in the OS keyring (``credentials``). A file that
cannot be read or written, or is not UTF-8 text, is a ``ProfileStoreError``, never a bare
``OSError``: callers catch ``WalletError`` and show its one line.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from wallet_gui.api.client import DEFAULT_BASE_URL
from wallet_gui.api.errors import WalletError, one_line
from wallet_gui.core.alert_rules import AlertRules, rules_from_values, rules_to_values
from wallet_gui.core.connection import AUTH_MAC, DEFAULT_INTERVAL, ConnectionSettings
from wallet_gui.core.ini_file import IniDocument, IniFile
from wallet_gui.core.ini_format import IniValue, UninterpretedValue
from wallet_gui.core.lock_file import DEFAULT_WAIT_S
from wallet_gui.core.translatable import QT_TRANSLATE_NOOP

_GROUP = "profiles"
# What the store was doing when the file failed it, marked for the window's translations:
# {0} the file, {1} the reason, {2} the profile's quoted name.
_READ = QT_TRANSLATE_NOOP("WalletError", "cannot read profiles from {0}: {1}")
_SAVE = QT_TRANSLATE_NOOP("WalletError", "cannot save profile {2} to {0}: {1}")
_DELETE = QT_TRANSLATE_NOOP("WalletError", "cannot delete profile {2} from {0}: {1}")
_SAVE_LAST = QT_TRANSLATE_NOOP(
    "WalletError", "cannot save {2} as the last used profile to {0}: {1}"
)
_FORGET_LAST = QT_TRANSLATE_NOOP("WalletError", "cannot forget the last used profile in {0}: {1}")
_SAVE_RULES = QT_TRANSLATE_NOOP("WalletError", "cannot save the alert rules of {2} to {0}: {1}")
_LAST_PROFILE = "last_profile"


class ProfileStoreError(WalletError):
    """The settings file could not be read or written; ``str()`` says which file and why.

    Nothing is lost with it: a write that fails leaves the file as it was, and the
    ``OSError`` or ``UnicodeDecodeError`` behind it is its ``__cause__``.
    """

    def __init__(
        self, action: str, path: Path, reason: str, template: str | None = None, name: str = ""
    ) -> None:
        # ``template``: the message marked for the window ({0} the file, {1} the reason,
        # {2} the profile's quoted name); the English is always said from ``action``.
        parts = (str(path), reason, repr(name))
        super().__init__(f"cannot {action} {path}: {reason}", template=template, args=parts)
        self.action, self.path, self.reason = action, path, reason
        self.name = name

    def __str__(self) -> str:  # a long path or name must not cut off the reason
        return one_line(str(self.args[0]), 1000)

    def __reduce__(self) -> tuple[type[ProfileStoreError], tuple[str, Path, str, str | None, str]]:
        return type(self), (self.action, self.path, self.reason, self.template, self.name)


def _reason(error: OSError | UnicodeDecodeError, path: Path) -> str:
    """Why reading or writing ``path`` failed, in a few words."""
    if isinstance(error, UnicodeDecodeError):
        line = error.object.count(b"\n", 0, error.start) + 1
        return f"it is not UTF-8 text (byte 0x{error.object[error.start]:02X} on line {line})"
    if error.errno in (errno.ENOTDIR, errno.EEXIST):  # a file where a folder should be
        in_the_way = [f for f in path.parents if os.path.lexists(f) and not os.path.isdir(f)]
        if in_the_way:
            return f"{in_the_way[0]} is a file, not a folder"
    if error.errno in (errno.EISDIR, errno.EACCES) and os.path.isdir(path):  # EACCES: Windows
        return "it is a folder, not a file"
    text = (error.strerror or str(error) or type(error).__name__).strip().rstrip(".")
    return text if text[:2].isupper() else text[:1].lower() + text[1:]


def settings_path() -> Path:
    """Where the settings file lives: the folder Qt calls ``GenericConfigLocation``.

    ``$XDG_CONFIG_HOME`` wins on every platform (tests and sandboxed runs set it); otherwise
    ``~/.config`` on Linux and other Unixes, ``~/Library/Preferences`` on macOS and
    ``%LOCALAPPDATA%`` on Windows, the folders Qt resolves it to there, so the file is the
    one earlier, ``QSettings``-based versions wrote. Resolved on every call, never cached.
    """
    base = os.environ.get("XDG_CONFIG_HOME")
    if not base and sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    elif not base and sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Preferences")
    elif not base:
        base = str(Path.home() / ".config")
    return Path(base) / "wallet-gui" / "wallet-gui.ini"


def _text(value: IniValue | None) -> str | None:
    """A stored value as text; ``None`` when absent or not a string.

    Qt reads an unquoted comma as a string list; its items joined by ``,`` are what a
    hand-edited ``wallet_ids=1, 2`` means. Typed variants (``@ByteArray`` and the like) are
    no profile field's value, so they count as absent and the field gets its default.
    """
    if value is None or isinstance(value, UninterpretedValue):
        return None
    return ",".join(value) if isinstance(value, tuple) else value


def _optional_int(text: str) -> int | None:
    try:
        return int(text) if text else None
    except ValueError:
        return None


def _interval(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return DEFAULT_INTERVAL


def _fields(profile: ConnectionSettings) -> dict[str, str]:
    """A profile's keys and values as they are stored (strings, as the old code wrote them)."""
    return {
        "base_url": profile.base_url,
        "auth_method": profile.auth_method,
        "client_id": profile.client_id,
        "cert_file": profile.cert_file,
        "key_file": profile.key_file,
        "project_id": "" if profile.project_id is None else str(profile.project_id),
        "location_id": "" if profile.location_id is None else str(profile.location_id),
        "wallet_ids": ",".join(profile.wallet_ids),
        "interval": str(profile.interval),
        "ca_bundle": profile.ca_bundle,
    }


def _profile(document: IniDocument, name: str) -> ConnectionSettings:
    def text(field: str, default: str = "") -> str:
        value = _text(document.value(f"{_GROUP}/{name}/{field}"))
        return default if value is None else value

    wallets = text("wallet_ids").split(",")
    return ConnectionSettings(
        profile=name,
        base_url=text("base_url", DEFAULT_BASE_URL),
        auth_method=text("auth_method", AUTH_MAC),
        client_id=text("client_id"),
        cert_file=text("cert_file"),
        key_file=text("key_file"),
        project_id=_optional_int(text("project_id")),
        location_id=_optional_int(text("location_id")),
        wallet_ids=tuple(wallet.strip() for wallet in wallets if wallet.strip()),
        interval=_interval(text("interval", str(DEFAULT_INTERVAL))),
        ca_bundle=text("ca_bundle"),
    )


class ProfileStore:
    """Read and write profiles in one settings file.

    Every call looks at the file again (a ``stat``) and re-reads it if it changed, so two
    stores, or a store and the window's ``QSettings``, never work from a stale copy. Each
    change is one atomic rewrite that leaves every other key of the file as it was, made
    while holding the lock file ``QSettings`` uses: two processes saving at the same moment
    both keep their change. ``lock_wait`` is how long a change waits for that lock.
    """

    def __init__(self, path: Path | None = None, *, lock_wait: float = DEFAULT_WAIT_S) -> None:
        self._file = IniFile(
            path if path is not None else settings_path(), utf8_only=True, lock_wait=lock_wait
        )

    @property
    def path(self) -> Path:
        return self._file.path

    @contextmanager
    def _failing_as(self, action: str, template: str, name: str = "") -> Iterator[None]:
        """Turn a failure to read or write the file into a ``ProfileStoreError``."""
        try:
            yield
        except (OSError, UnicodeDecodeError) as error:
            reason = _reason(error, self.path)
            raise ProfileStoreError(action, self.path, reason, template, name) from error

    def _read(self) -> IniDocument:
        with self._failing_as("read profiles from", _READ):
            return self._file.read()

    def names(self) -> list[str]:
        return self._read().child_groups(_GROUP)

    def load(self, name: str) -> ConnectionSettings | None:
        document = self._read()
        if name not in document.child_groups(_GROUP):
            return None
        return _profile(document, name)

    def save(self, profile: ConnectionSettings) -> None:
        """Store ``profile`` under its name, replacing what that name held."""
        if not profile.profile or "/" in profile.profile:
            raise ValueError("a profile needs a name without '/'")
        group = f"{_GROUP}/{profile.profile}"
        fields = _fields(profile)
        with (
            self._failing_as(f"save profile {profile.profile!r} to", _SAVE, profile.profile),
            self._file.locked(),
        ):
            document = self._file.read()
            for key in document.keys_under(group):
                # The alert rules are saved on their own (``save_alert_rules``): kept.
                if key[len(group) + 1 :] not in fields and not key.startswith(f"{group}/alerts/"):
                    document.remove(key)
            for field, value in fields.items():
                document.set_value(f"{group}/{field}", value)
            self._file.write(document)

    def delete(self, name: str) -> None:
        """Forget a profile, and that it was used last if it was."""
        with self._failing_as(f"delete profile {name!r} from", _DELETE, name), self._file.locked():
            document = self._file.read()
            document.remove(f"{_GROUP}/{name}")
            if _text(document.value(_LAST_PROFILE)) == name:
                document.remove(_LAST_PROFILE)
            self._file.write(document)

    @property
    def last_used(self) -> str | None:
        return _text(self._read().value(_LAST_PROFILE)) or None

    @last_used.setter
    def last_used(self, name: str | None) -> None:
        if name:
            action, template = f"save {name!r} as the last used profile to", _SAVE_LAST
        else:
            action, template = "forget the last used profile in", _FORGET_LAST
        with self._failing_as(action, template, name or ""), self._file.locked():
            document = self._file.read()
            if name:
                document.set_value(_LAST_PROFILE, name)
            else:
                document.remove(_LAST_PROFILE)
            self._file.write(document)

    def load_alert_rules(self, name: str) -> AlertRules:
        """The profile's alert rules (``profiles/<name>/alerts/``); defaults when it has none."""
        document = self._read()
        prefix = f"{_GROUP}/{name}/alerts/"
        values = {
            key[len(prefix) :]: text
            for key in document.keys_under(prefix[:-1])
            if (text := _text(document.value(key))) is not None
        }
        return rules_from_values(values)

    def save_alert_rules(self, name: str, rules: AlertRules) -> None:
        """Store the alert rules of profile ``name`` beside its other keys."""
        if not name or "/" in name:
            raise ValueError("a profile needs a name without '/'")
        group = f"{_GROUP}/{name}/alerts"
        with (
            self._failing_as(f"save the alert rules of {name!r} to", _SAVE_RULES, name),
            self._file.locked(),
        ):
            document = self._file.read()
            document.remove(group)
            for key, value in rules_to_values(rules).items():
                document.set_value(f"{group}/{key}", value)
            self._file.write(document)

    def find_by_client_id(self, client_id: str) -> ConnectionSettings | None:
        document = self._read()
        for name in document.child_groups(_GROUP):
            profile = _profile(document, name)
            if profile.client_id == client_id:
                return profile
        return None
