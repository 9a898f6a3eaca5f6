"""From what the user asked for to what a connection needs: settings, then the secret.

The command line hands every front end a plain ``ConnectionOptions`` value; this module
turns it into ``ConnectionSettings`` (the named profile, or the one saved for a client id,
overridden by explicit options) and finds the secret (the environment first, then the
profile's keyring entry). The stores are passed in, so the window, ``check`` and the tests
resolve the same way against whichever files and keyring they use.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from wallet_gui.api.auth import check_client_id
from wallet_gui.api.errors import WalletError
from wallet_gui.api.urls import check_base_url, wallet_id_segment
from wallet_gui.core.connection import AUTH_CERTIFICATE, MIN_INTERVAL, ConnectionSettings
from wallet_gui.core.credentials import (
    KEY_ENVIRONMENT_VARIABLE,
    CredentialStore,
    CredentialStoreError,
    secret_from_environment,
)
from wallet_gui.core.profiles import ProfileStore


class UsageError(WalletError):
    """The command line asks for something that does not exist or does not fit."""


@dataclass(frozen=True, slots=True)
class ConnectionOptions:
    """The connection options of the command line, as given (``None``: not given)."""

    profile: str | None = None
    client_id: str | None = None
    base_url: str | None = None
    wallet_ids: tuple[str, ...] = ()
    project_id: int | None = None
    location_id: int | None = None
    ca_bundle: str | None = None
    interval: float | None = None

    @property
    def names_a_connection(self) -> bool:
        """True when the options say where to connect, rather than leaving it to the app."""
        return bool(self.profile or self.client_id or self.base_url or self.wallet_ids)


def resolve_settings(options: ConnectionOptions, profiles: ProfileStore) -> ConnectionSettings:
    """The profile named (or the one for ``client_id``), overridden by explicit options.

    The result is checked with the API's own gates before anything is built from it: a base
    URL without credentials, query or fragment; wallet ids that are positive integers; a
    client id that cannot break out of the ``Authorization`` header. Each refusal is a
    ``WalletError`` with one line that never repeats a password.
    """
    settings: ConnectionSettings | None
    if options.profile:
        settings = profiles.load(options.profile)
        if settings is None:
            raise UsageError(f"no profile named {options.profile!r}")
    elif options.client_id:
        settings = profiles.find_by_client_id(options.client_id) or ConnectionSettings(
            profile=f"client {options.client_id}", client_id=options.client_id
        )
    else:
        settings = ConnectionSettings(profile="command line")
    if options.base_url:
        settings = replace(settings, base_url=options.base_url)
    if options.wallet_ids:
        settings = replace(
            settings, wallet_ids=tuple(w.strip() for w in options.wallet_ids if w.strip())
        )
    if options.project_id is not None:
        settings = replace(settings, project_id=options.project_id)
    if options.location_id is not None:
        settings = replace(settings, location_id=options.location_id)
    if options.ca_bundle:
        settings = replace(settings, ca_bundle=options.ca_bundle)
    if options.interval is not None:
        settings = replace(settings, interval=max(MIN_INTERVAL, options.interval))
    return checked(settings)


def checked(settings: ConnectionSettings) -> ConnectionSettings:
    """``settings`` with a normalised base URL and wallet ids, or a one-line refusal."""
    wallet_ids = tuple(wallet_id_segment(w) for w in settings.wallet_ids)
    if settings.client_id:
        check_client_id(settings.client_id)
    return replace(settings, base_url=check_base_url(settings.base_url), wallet_ids=wallet_ids)


def resolve_secret(
    settings: ConnectionSettings, credentials: CredentialStore, *, required: bool
) -> str | None:
    """The secret from the environment, else from the profile's keyring entry.

    Raises ``CredentialStoreError`` (keyring unusable) or ``UsageError`` (no key) only when
    ``required``; otherwise a missing secret is ``None`` and signed requests will say so.
    """
    secret = secret_from_environment()
    if secret:
        return secret
    if settings.auth_method != AUTH_CERTIFICATE and not settings.client_id:
        return None
    try:
        secret = credentials.get(settings.keyring_user)
    except CredentialStoreError:
        if required:
            raise
        return None
    if secret is None and required and settings.auth_method != AUTH_CERTIFICATE:
        raise UsageError(
            f"no MAC key for {settings.client_id or settings.profile} in "
            f"{KEY_ENVIRONMENT_VARIABLE} or the keyring: set the variable or save the profile "
            "in the window"
        )
    return secret


__all__ = ["ConnectionOptions", "UsageError", "checked", "resolve_secret", "resolve_settings"]
