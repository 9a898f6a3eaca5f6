"""What makes a connection profile complete, decided from plain values, without Qt.

The profile dialog (``wallet_gui.ui.credentials_dialog``) is only the form: it reads its
fields into a ``ProfileForm`` and asks it for the ``ConnectionSettings`` they describe and
for what, if anything, is wrong with them. Keeping those rules here lets them be tested
without a window and keeps the dialog about layout. Messages are one plain English sentence
each, fit to be shown under the form; they never contain the secret, which never enters
this module (only whether one was typed or is stored).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from wallet_gui.api.auth import check_client_id
from wallet_gui.api.errors import WalletError
from wallet_gui.api.urls import check_base_url, is_cleartext_remote
from wallet_gui.core.connection import (
    AUTH_MAC,
    DEFAULT_INTERVAL,
    MIN_INTERVAL,
    ConnectionSettings,
)
from wallet_gui.core.reports import is_web_link
from wallet_gui.core.translatable import QT_TRANSLATE_NOOP

#: The longest poll interval a profile may have (seconds); slower than hourly is not monitoring.
MAX_INTERVAL = 3600

#: What the project and location id fields accept: a positive integer, no leading zeros.
POSITIVE_ID_PATTERN = r"[1-9][0-9]{0,17}"
#: The characters the wallet ids field accepts while typing: digits and separators.
WALLET_IDS_PATTERN = r"[0-9,;\s]*"

# Profile names become QSettings group names, where a slash would start a sub-group.
PROFILE_FORBIDDEN = ("/", "\\")

_POSITIVE_ID = re.compile(POSITIVE_ID_PATTERN)
_COPY_SUFFIX = re.compile(r"(?P<base>.+?) \(copy(?: [0-9]+)?\)")
_WALLET_ID_SEPARATORS = re.compile(r"[\s,;]+")


def parse_wallet_ids(text: str) -> tuple[str, ...]:
    """Wallet ids from "14471, 14472 14473": in order, without duplicates or empty parts."""
    ids: list[str] = []
    for part in _WALLET_ID_SEPARATORS.split(text.strip()):
        if part and part not in ids:
            ids.append(part)
    return tuple(ids)


def parse_optional_id(text: str) -> int | None:
    """The number in an optional id field, or ``None`` when it holds no number."""
    text = text.strip()
    return int(text) if text.isascii() and text.isdigit() else None


def is_valid_optional_id(text: str) -> bool:
    """An optional id field is valid empty or as a positive whole number."""
    text = text.strip()
    return not text or _POSITIVE_ID.fullmatch(text) is not None


def _is_file(path: str) -> bool:
    return Path(path).expanduser().is_file()


@dataclass(frozen=True, slots=True)
class ProfileForm:
    """The profile form's fields as typed: text, untrimmed, unparsed (never the secret).

    ``has_secret`` says whether the secret of the chosen method was typed, or the keyring
    already holds one; a MAC profile cannot be used without it. ``taken_names`` are the
    other saved profiles' names, which this one may not take.
    """

    profile: str = ""
    base_url: str = ""
    auth_method: str = AUTH_MAC
    client_id: str = ""
    cert_file: str = ""
    key_file: str = ""
    project_id: str = ""
    location_id: str = ""
    wallet_ids: str = ""
    interval: float = DEFAULT_INTERVAL
    ca_bundle: str = ""
    has_secret: bool = False
    taken_names: frozenset[str] = frozenset()

    @classmethod
    def from_settings(
        cls, settings: ConnectionSettings, *, has_secret: bool = False
    ) -> ProfileForm:
        """The fields that show ``settings`` (the inverse of ``settings()``)."""
        return cls(
            profile=settings.profile,
            base_url=settings.base_url,
            auth_method=settings.auth_method,
            client_id=settings.client_id,
            cert_file=settings.cert_file,
            key_file=settings.key_file,
            project_id="" if settings.project_id is None else str(settings.project_id),
            location_id="" if settings.location_id is None else str(settings.location_id),
            wallet_ids=", ".join(settings.wallet_ids),
            interval=settings.interval,
            ca_bundle=settings.ca_bundle,
            has_secret=has_secret,
        )

    def settings(self) -> ConnectionSettings:
        """The profile as entered, trimmed and parsed, even when not valid yet."""
        return ConnectionSettings(
            profile=self.profile.strip(),
            base_url=self.base_url.strip(),
            auth_method=self.auth_method,
            client_id=self.client_id.strip(),
            cert_file=self.cert_file.strip(),
            key_file=self.key_file.strip(),
            project_id=parse_optional_id(self.project_id),
            location_id=parse_optional_id(self.location_id),
            wallet_ids=parse_wallet_ids(self.wallet_ids),
            interval=float(self.interval),
            ca_bundle=self.ca_bundle.strip(),
        )

    def validation_error(self) -> str | None:
        """What keeps the profile from being saved, in one sentence, or ``None``."""
        profile = self.profile.strip()
        if not profile:
            return QT_TRANSLATE_NOOP("CredentialsDialog", "Enter a profile name.")
        if any(ch in profile for ch in PROFILE_FORBIDDEN):
            return QT_TRANSLATE_NOOP(
                "CredentialsDialog", "The profile name cannot contain / or \\."
            )
        if profile in self.taken_names:
            return QT_TRANSLATE_NOOP("CredentialsDialog", "Another profile already has this name.")
        return self.connection_error()

    def cleartext_warning(self) -> str | None:
        """A note (not an error) when the address is plain http:// to another computer."""
        if is_cleartext_remote(self.settings().base_url):
            return QT_TRANSLATE_NOOP(
                "CredentialsDialog",
                "Plain http:// to another computer: requests and answers cross the network "
                "unencrypted. Use https:// unless you know why not.",
            )
        return None

    def connection_error(self) -> str | None:
        """What keeps the profile from connecting, or ``None`` (the name does not matter)."""
        settings = self.settings()
        if not is_web_link(settings.base_url):
            return QT_TRANSLATE_NOOP(
                "CredentialsDialog",
                "The API address must start with https:// (or http://) and a host.",
            )
        try:
            # The client's own gates: no user name or password, query or fragment in the
            # address; a client id that cannot break out of the Authorization header.
            check_base_url(settings.base_url)
            if settings.auth_method == AUTH_MAC and settings.client_id:
                check_client_id(settings.client_id)
        except WalletError as error:
            return f"{str(error)[:1].upper()}{str(error)[1:]}."
        if settings.auth_method == AUTH_MAC:
            if not settings.client_id:
                return QT_TRANSLATE_NOOP("CredentialsDialog", "Enter the client id.")
            if not self.has_secret:
                return QT_TRANSLATE_NOOP("CredentialsDialog", "Enter the MAC key.")
        else:
            if not settings.cert_file:
                return QT_TRANSLATE_NOOP("CredentialsDialog", "Choose the client certificate file.")
            if not _is_file(settings.cert_file):
                return QT_TRANSLATE_NOOP(
                    "CredentialsDialog", "The certificate file does not exist."
                )
            if settings.key_file and not _is_file(settings.key_file):
                return QT_TRANSLATE_NOOP(
                    "CredentialsDialog", "The private key file does not exist."
                )
        if not (is_valid_optional_id(self.project_id) and is_valid_optional_id(self.location_id)):
            return QT_TRANSLATE_NOOP(
                "CredentialsDialog", "Project id and location id must be positive whole numbers."
            )
        if not MIN_INTERVAL <= settings.interval <= MAX_INTERVAL:
            return f"Poll every {MIN_INTERVAL:g} to {MAX_INTERVAL} seconds."
        if settings.ca_bundle and not _is_file(settings.ca_bundle):
            return QT_TRANSLATE_NOOP("CredentialsDialog", "The CA bundle file does not exist.")
        return None


def duplicate_name(name: str, taken: Iterable[str]) -> str:
    """A name for a copy of profile ``name``: "shop (copy)", then "shop (copy 2)", …

    A copy of a copy is named after the original ("shop (copy 2)", not "shop (copy) (copy)").
    """
    names = set(taken)
    match = _COPY_SUFFIX.fullmatch(name)
    base = match.group("base") if match else name
    candidate = f"{base} (copy)"
    number = 2
    while candidate in names:
        candidate = f"{base} (copy {number})"
        number += 1
    return candidate
