"""Where the window finds a profile's secret: the environment, this session, the keyring.

The keyring (``CredentialStore``) is the one place a secret is kept between runs. When it
cannot keep one (no Secret Service, locked, failing), the secret the user typed is still
needed for as long as the app runs: ``SecretKeeper`` holds it in memory for this session,
and never anywhere else. Failures come back as the keyring's ``kind`` (for the message the
user sees, ``wallet_gui.core.secret_notice``); the backend's name goes to the log only.
"""

from __future__ import annotations

import logging

from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.credentials import (
    CredentialStore,
    CredentialStoreError,
    secret_from_environment,
)
from wallet_gui.core.secret_notice import needs_secret

log = logging.getLogger(__name__)


class SecretKeeper:
    """Find, keep, move and forget profiles' secrets; one per keyring user.

    Every method returns, besides its result, the ``CredentialStoreError.kind`` of a keyring
    failure, or ``None`` when the keyring did what was asked.
    """

    def __init__(self, store: CredentialStore) -> None:
        self.store = store
        self._session: dict[str, str] = {}  # keyring user → a secret the keyring refused

    def __repr__(self) -> str:  # never the secrets, not even their number
        return f"SecretKeeper(service={self.store.service!r})"

    def find(self, settings: ConnectionSettings) -> tuple[str | None, str | None]:
        """The secret from the environment, this session or the keyring; and a failure."""
        secret = secret_from_environment() or self._session.get(settings.keyring_user)
        if secret:
            return secret, None
        if not needs_secret(settings) and not settings.cert_file:
            return None, None  # nothing signs: there is no secret to look for
        try:
            return self.store.get(settings.keyring_user), None
        except CredentialStoreError as error:
            log.info("secret of %r not read: %s", settings.profile, error)
            return None, error.kind

    def keep(self, settings: ConnectionSettings, secret: str) -> str | None:
        """Store ``secret`` in the keyring, or, when it refuses, for this session only."""
        try:
            self.store.set(settings.keyring_user, secret)
        except CredentialStoreError as error:
            log.info("secret of %r kept for this session only: %s", settings.profile, error)
            self._session[settings.keyring_user] = secret
            return error.kind
        self._session.pop(settings.keyring_user, None)
        return None

    def forget(self, settings: ConnectionSettings) -> str | None:
        """Remove the profile's secret from this session and the keyring."""
        self._session.pop(settings.keyring_user, None)
        try:
            self.store.delete(settings.keyring_user)
        except CredentialStoreError as error:
            log.info("secret of %r not removed: %s", settings.profile, error)
            return error.kind
        return None

    def take(self, settings: ConnectionSettings) -> tuple[str | None, str | None]:
        """Read the profile's own secret (not the environment's) and remove it everywhere."""
        secret = self._session.get(settings.keyring_user)
        kind = None
        if secret is None:
            try:
                secret = self.store.get(settings.keyring_user)
            except CredentialStoreError as error:
                log.info("secret of %r not read: %s", settings.profile, error)
                kind = error.kind
        return secret, self.forget(settings) or kind


__all__ = ["SecretKeeper"]
