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

_PROBLEMS = {
    KEYRING_UNAVAILABLE: (
        "The system keyring is not available: no Secret Service is running, or none is "
        "set up on this computer."
    ),
    KEYRING_LOCKED: "The system keyring is locked.",
    KEYRING_FAILED: "The system keyring did not answer.",
}


def keyring_problem(kind: str) -> str:
    """One sentence saying what is wrong with the keyring."""
    return _PROBLEMS.get(kind, _PROBLEMS[KEYRING_FAILED])


def secret_name(settings: ConnectionSettings) -> str:
    """What the profile's secret is called: "MAC key" or "private key passphrase"."""
    return "private key passphrase" if settings.auth_method == AUTH_CERTIFICATE else "MAC key"


def needs_secret(settings: ConnectionSettings) -> bool:
    """True when signed requests cannot go without the secret (a MAC profile).

    A certificate's private key may not be encrypted, so its passphrase is never required.
    """
    return settings.auth_method != AUTH_CERTIFICATE and bool(settings.client_id)


def missing_secret_notice(settings: ConnectionSettings, keyring_kind: str | None) -> str:
    """Why the saved profile cannot connect as it is, and what to do now.

    ``keyring_kind`` is why the keyring could not be read, or ``None`` when it could be
    read but holds no secret for this profile.
    """
    what = secret_name(settings)
    name = settings.profile
    if keyring_kind is None:
        return (
            f"No {what} is saved for “{name}” in the system keyring. It is needed to "
            f"connect: enter it below, and it will be saved again."
        )
    return (
        f"{keyring_problem(keyring_kind)} The {what} saved for “{name}” cannot be read, "
        f"and it is needed for this session: enter it below to connect. It will be used "
        f"until the app closes and will not be stored."
    )


def session_only_notice(keyring_kind: str) -> str:
    """The keyring cannot store a secret typed now: it is kept for this session only."""
    return (
        f"{keyring_problem(keyring_kind)} A key entered here is used for this session only "
        "and has to be entered again next time."
    )


def not_stored_notice(keyring_kind: str) -> str:
    """After saving a profile whose secret the keyring refused."""
    return (
        f"{keyring_problem(keyring_kind)} The key was not stored: it is used for this session "
        "only and has to be entered again next time."
    )


def not_removed_notice(keyring_kind: str) -> str:
    """After deleting a profile whose secret the keyring could not remove."""
    return (
        f"{keyring_problem(keyring_kind)} The profile's key could not be removed from it: "
        f"remove it later with the keyring's own tool (service “{SERVICE}”)."
    )


__all__ = [
    "keyring_problem",
    "missing_secret_notice",
    "needs_secret",
    "not_removed_notice",
    "not_stored_notice",
    "secret_name",
    "session_only_notice",
]
