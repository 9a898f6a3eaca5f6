"""Secrets in the OS keyring, and nowhere else.

The MAC key (or a client key's passphrase) is stored with ``keyring`` under the service
``wallet-gui``, one entry per profile. There is deliberately no plaintext fallback: when no
keyring backend is available the store says so, with the backend's name, and the app lets
the user run with the key for that session only. Keyring failures of every kind (no
backend, a locked collection, a D-Bus error) become ``CredentialStoreError`` with one
readable line that never contains the secret.
"""

from __future__ import annotations

import logging
import os
from types import ModuleType
from typing import TYPE_CHECKING

from wallet_gui.api.errors import WalletError
from wallet_gui.core.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import keyring.backend

log = logging.getLogger(__name__)

SERVICE = "wallet-gui"
#: Lets scripts and CI pass a MAC key without a keyring and without a command-line argument
#: (arguments are visible to every user through the process list).
KEY_ENVIRONMENT_VARIABLE = "WALLET_GUI_MAC_KEY"


#: Why the keyring could not be used: ``CredentialStoreError.kind``. The window words its
#: messages from the kind (``wallet_gui.core.secret_notice``), never from the backend's name.
KEYRING_UNAVAILABLE = "unavailable"  # no usable backend: no Secret Service running, none set up
KEYRING_LOCKED = "locked"  # the collection is locked and was not unlocked
KEYRING_FAILED = "failed"  # the backend raised (D-Bus, OS error, refused)


#: The store's messages, by what it was asked to do (``read``, ``store``, ``delete``): marked
#: English templates, so the window can say them in its language (``{0}``: the backend).
_UNAVAILABLE = {
    "read": QT_TRANSLATE_NOOP(
        "WalletError",
        "cannot read the secret: no usable OS keyring was found (keyring backend: {0}); "
        "secrets cannot be stored and are used for this session only",
    ),
    "store": QT_TRANSLATE_NOOP(
        "WalletError",
        "cannot store the secret: no usable OS keyring was found (keyring backend: {0}); "
        "secrets cannot be stored and are used for this session only",
    ),
    "delete": QT_TRANSLATE_NOOP(
        "WalletError",
        "cannot delete the secret: no usable OS keyring was found (keyring backend: {0}); "
        "secrets cannot be stored and are used for this session only",
    ),
}
_LOCKED = {
    "read": QT_TRANSLATE_NOOP("WalletError", "cannot read the secret: the keyring ({0}) is locked"),
    "store": QT_TRANSLATE_NOOP(
        "WalletError", "cannot store the secret: the keyring ({0}) is locked"
    ),
    "delete": QT_TRANSLATE_NOOP(
        "WalletError", "cannot delete the secret: the keyring ({0}) is locked"
    ),
}
#: ``{1}``: the type of the backend's exception (its text could echo arguments).
_FAILED = {
    "read": QT_TRANSLATE_NOOP("WalletError", "cannot read the secret in the keyring ({0}): {1}"),
    "store": QT_TRANSLATE_NOOP("WalletError", "cannot store the secret in the keyring ({0}): {1}"),
    "delete": QT_TRANSLATE_NOOP(
        "WalletError", "cannot delete the secret in the keyring ({0}): {1}"
    ),
}


class CredentialStoreError(WalletError):
    """The keyring could not be used (none available, locked, or it failed).

    ``str()`` is for logs and the command line (it names the keyring backend); ``kind`` is
    one of ``KEYRING_UNAVAILABLE``, ``KEYRING_LOCKED`` or ``KEYRING_FAILED``.
    """

    def __init__(
        self,
        *message: str,
        kind: str = KEYRING_FAILED,
        template: str | None = None,
        args: tuple[object, ...] = (),
    ) -> None:
        super().__init__(*message, template=template, args=args)
        self.kind = kind


def secret_from_environment() -> str | None:
    value = os.environ.get(KEY_ENVIRONMENT_VARIABLE, "")
    return value or None


def _backend_name(backend: keyring.backend.KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__qualname__}"


def _keyring() -> ModuleType:
    """keyring and its backends, imported on first use: the demo never needs them."""
    import keyring
    import keyring.backends.fail
    import keyring.errors

    return keyring


class CredentialStore:
    """Get, set and delete one secret per profile in the OS keyring."""

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service

    @property
    def backend_name(self) -> str:
        return _backend_name(_keyring().get_keyring())

    def available(self) -> bool:
        """False when keyring found no usable backend (its ``fail`` backend is active)."""
        keyring = _keyring()
        backend = keyring.get_keyring()
        return not isinstance(backend, keyring.backends.fail.Keyring) and backend.priority > 0

    def unavailable_reason(self) -> str:
        return (
            f"no usable OS keyring was found (keyring backend: {self.backend_name}); "
            "secrets cannot be stored and are used for this session only"
        )

    def get(self, user: str) -> str | None:
        secret = self._call("read", _keyring().get_password, user)
        return secret if isinstance(secret, str) else None

    def set(self, user: str, secret: str) -> None:
        if not secret:
            raise CredentialStoreError(
                template=QT_TRANSLATE_NOOP("WalletError", "refusing to store an empty secret")
            )
        self._call("store", _keyring().set_password, user, secret)

    def delete(self, user: str) -> None:
        try:
            self._call("delete", _keyring().delete_password, user)
        except CredentialStoreError as error:
            if isinstance(error.__cause__, _keyring().errors.PasswordDeleteError):
                return  # nothing stored: deleting is already done
            raise

    def _call(self, action: str, function, user: str, *secret: str):  # type: ignore[no-untyped-def]
        if not self.available():
            log.info("keyring unavailable: backend %s", self.backend_name)
            raise CredentialStoreError(
                template=_UNAVAILABLE[action], args=(self.backend_name,), kind=KEYRING_UNAVAILABLE
            )
        keyring = _keyring()
        try:
            return function(self.service, user, *secret)
        except keyring.errors.PasswordDeleteError as exc:
            raise CredentialStoreError(
                template=QT_TRANSLATE_NOOP("WalletError", "no secret stored for {0}"), args=(user,)
            ) from exc
        except keyring.errors.KeyringLocked:
            log.info("keyring locked: backend %s", self.backend_name)
            raise CredentialStoreError(
                template=_LOCKED[action], args=(self.backend_name,), kind=KEYRING_LOCKED
            ) from None
        except Exception as exc:  # noqa: BLE001 - backends raise anything (D-Bus, OS errors)
            # The exception text could echo arguments in some backends: report only its type.
            log.debug("keyring %s failed for %s: %s", action, user, type(exc).__name__)
            raise CredentialStoreError(
                template=_FAILED[action], args=(self.backend_name, type(exc).__name__)
            ) from None
