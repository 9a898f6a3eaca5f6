"""How to reach one account: the non-secret half of a profile, shared by window and ``check``.

The secret half (MAC key or key passphrase) never lives here; it comes from the keyring or
the environment at the moment a client is built, and goes nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from wallet_gui.api.auth import CertificateAuth, MacAuth
from wallet_gui.api.client import (
    DEFAULT_BASE_URL,
    DEFAULT_MAX_CONCURRENCY,
    DEFAULT_TIMEOUT_S,
    WalletClient,
)

DEFAULT_INTERVAL = 30.0
MIN_INTERVAL = 1.0
AUTH_MAC = "mac"
AUTH_CERTIFICATE = "certificate"


@dataclass(frozen=True, slots=True)
class ConnectionSettings:
    """Everything about a profile except its secret."""

    profile: str = "default"
    base_url: str = DEFAULT_BASE_URL
    auth_method: str = AUTH_MAC
    client_id: str = ""
    cert_file: str = ""
    key_file: str = ""
    project_id: int | None = None
    location_id: int | None = None
    wallet_ids: tuple[str, ...] = ()
    interval: float = DEFAULT_INTERVAL
    ca_bundle: str = ""

    @property
    def extra_parameters(self) -> dict[str, int]:
        """``project_id`` then ``location_id``, the order ``ext`` requires."""
        extra: dict[str, int] = {}
        if self.project_id is not None:
            extra["project_id"] = self.project_id
        if self.location_id is not None:
            extra["location_id"] = self.location_id
        return extra

    @property
    def keyring_user(self) -> str:
        """The keyring entry of this profile (service ``wallet-gui``)."""
        return f"profile:{self.profile}"


def build_client(
    settings: ConnectionSettings,
    secret: str | None,
    *,
    clock: Callable[[], float] | None = None,
    on_invalid_timestamp: Callable[[], None] | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
    max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
) -> WalletClient:
    """A client for these settings; ``secret`` is the MAC key or the key's passphrase."""
    auth: MacAuth | CertificateAuth | None = None
    if settings.auth_method == AUTH_CERTIFICATE and settings.cert_file:
        auth = CertificateAuth(
            settings.cert_file,
            settings.key_file or None,
            passphrase=secret or None,
            extra=settings.extra_parameters,
        )
    elif settings.client_id and secret:
        auth = MacAuth(settings.client_id, secret, extra=settings.extra_parameters, clock=clock)
    return WalletClient(
        settings.base_url,
        auth,
        timeout=timeout,
        ca_bundle=settings.ca_bundle or None,
        on_invalid_timestamp=on_invalid_timestamp,
        max_concurrency=max_concurrency,
    )
