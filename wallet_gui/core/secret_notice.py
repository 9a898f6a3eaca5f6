"""What the window says when a profile's secret cannot be read from or stored in the keyring.

The keyring fails in a few ways (``CredentialStoreError.kind``): no Secret Service is
running or none is set up, the collection is locked, or the backend failed. People need to
hear which, in plain words, and what it means for them now: the key is needed for this
session, they can enter it, and it will not be kept. The backend's class name is for the log
only. Messages never contain a secret: none enters this module.
"""

from __future__ import annotations

from wallet_gui.core.connection import AUTH_CERTIFICATE, ConnectionSettings
from wallet_gui.core.credentials import (
    KEYRING_FAILED,
    KEYRING_LOCKED,
    KEYRING_UNAVAILABLE,
    SERVICE,
)
from wallet_gui.core.translatable import QT_TRANSLATE_NOOP, Translate, english

_PROBLEMS = {
    KEYRING_UNAVAILABLE: QT_TRANSLATE_NOOP(
        "SecretNotice",
        "The system keyring is not available: no Secret Service is running, or none is "
        "set up on this computer.",
    ),
    KEYRING_LOCKED: QT_TRANSLATE_NOOP("SecretNotice", "The system keyring is locked."),
    KEYRING_FAILED: QT_TRANSLATE_NOOP("SecretNotice", "The system keyring did not answer."),
}


def keyring_problem(kind: str, *, translate: Translate = english) -> str:
    """One sentence saying what is wrong with the keyring."""
    return translate("SecretNotice", _PROBLEMS.get(kind, _PROBLEMS[KEYRING_FAILED]))


def secret_name(settings: ConnectionSettings) -> str:
    """What the profile's secret is called: "MAC key" or "private key passphrase"."""
    return "private key passphrase" if settings.auth_method == AUTH_CERTIFICATE else "MAC key"


def needs_secret(settings: ConnectionSettings) -> bool:
    """True when signed requests cannot go without the secret (a MAC profile).

    A certificate's private key may not be encrypted, so its passphrase is never required.
    """
    return settings.auth_method != AUTH_CERTIFICATE and bool(settings.client_id)


def missing_secret_notice(
    settings: ConnectionSettings, keyring_kind: str | None, *, translate: Translate = english
) -> str:
    """Why the saved profile cannot connect as it is, and what to do now.

    ``keyring_kind`` is why the keyring could not be read, or ``None`` when it could be
    read but holds no secret for this profile. One whole sentence per kind of secret, so
    that each language can decline the secret's name its own way.
    """
    name = settings.profile
    passphrase = settings.auth_method == AUTH_CERTIFICATE
    if keyring_kind is None:
        if passphrase:
            text = translate(
                "SecretNotice",
                "No private key passphrase is saved for “{0}” in the system keyring. It is "
                "needed to connect: enter it below, and it will be saved again.",
            )
        else:
            text = translate(
                "SecretNotice",
                "No MAC key is saved for “{0}” in the system keyring. It is needed to "
                "connect: enter it below, and it will be saved again.",
            )
        return text.format(name)
    if passphrase:
        text = translate(
            "SecretNotice",
            "{0} The private key passphrase saved for “{1}” cannot be read, and it is needed "
            "for this session: enter it below to connect. It will be used until the app "
            "closes and will not be stored.",
        )
    else:
        text = translate(
            "SecretNotice",
            "{0} The MAC key saved for “{1}” cannot be read, and it is needed for this "
            "session: enter it below to connect. It will be used until the app closes and "
            "will not be stored.",
        )
    return text.format(keyring_problem(keyring_kind, translate=translate), name)


def session_only_notice(keyring_kind: str, *, translate: Translate = english) -> str:
    """The keyring cannot store a secret typed now: it is kept for this session only."""
    text = translate(
        "SecretNotice",
        "{0} A key entered here is used for this session only and has to be entered again "
        "next time.",
    )
    return text.format(keyring_problem(keyring_kind, translate=translate))


def not_stored_notice(keyring_kind: str, *, translate: Translate = english) -> str:
    """After saving a profile whose secret the keyring refused."""
    text = translate(
        "SecretNotice",
        "{0} The key was not stored: it is used for this session only and has to be entered "
        "again next time.",
    )
    return text.format(keyring_problem(keyring_kind, translate=translate))


def not_removed_notice(keyring_kind: str, *, translate: Translate = english) -> str:
    """After deleting a profile whose secret the keyring could not remove."""
    text = translate(
        "SecretNotice",
        "{0} The profile's key could not be removed from it: remove it later with the "
        "keyring's own tool (service “{1}”).",
    )
    return text.format(keyring_problem(keyring_kind, translate=translate), SERVICE)


__all__ = [
    "keyring_problem",
    "missing_secret_notice",
    "needs_secret",
    "not_removed_notice",
    "not_stored_notice",
    "secret_name",
    "session_only_notice",
]
