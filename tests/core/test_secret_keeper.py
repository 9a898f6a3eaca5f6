"""A profile's secret: the environment first, then this session, then the keyring."""

from __future__ import annotations

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.errors
import pytest

from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.credentials import (
    KEY_ENVIRONMENT_VARIABLE,
    KEYRING_LOCKED,
    KEYRING_UNAVAILABLE,
    CredentialStore,
)
from wallet_gui.core.secret_keeper import SecretKeeper

SHOP = ConnectionSettings(profile="shop", client_id="client-1")
SECRET = "s3cr3t-mac-key-DO-NOT-LEAK"


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.locked = False

    def get_password(self, service: str, username: str) -> str | None:
        if self.locked:
            raise keyring.errors.KeyringLocked("locked")
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.locked:
            raise keyring.errors.KeyringLocked("locked")
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.locked:
            raise keyring.errors.KeyringLocked("locked")
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("nothing stored")


@pytest.fixture
def memory(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    backend = MemoryKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    return backend


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyring.core, "_keyring_backend", keyring.backends.fail.Keyring())


def test_a_kept_secret_is_found_in_the_keyring(memory: MemoryKeyring) -> None:
    keeper = SecretKeeper(CredentialStore())

    assert keeper.keep(SHOP, SECRET) is None
    assert keeper.find(SHOP) == (SECRET, None)
    assert memory.entries == {("wallet-gui", "profile:shop"): SECRET}


def test_the_environment_wins(memory: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> None:
    keeper = SecretKeeper(CredentialStore())
    keeper.keep(SHOP, SECRET)
    monkeypatch.setenv(KEY_ENVIRONMENT_VARIABLE, "from-the-environment")

    assert keeper.find(SHOP) == ("from-the-environment", None)


@pytest.mark.usefixtures("no_keyring")
def test_without_a_keyring_a_secret_is_kept_for_this_session_only() -> None:
    keeper = SecretKeeper(CredentialStore())

    assert keeper.find(SHOP) == (None, KEYRING_UNAVAILABLE)
    assert keeper.keep(SHOP, SECRET) == KEYRING_UNAVAILABLE
    assert keeper.find(SHOP) == (SECRET, None)
    assert SecretKeeper(CredentialStore()).find(SHOP) == (None, KEYRING_UNAVAILABLE)  # a restart


def test_a_locked_keyring_is_reported_as_locked(memory: MemoryKeyring) -> None:
    memory.locked = True
    keeper = SecretKeeper(CredentialStore())

    assert keeper.find(SHOP) == (None, KEYRING_LOCKED)
    assert keeper.keep(SHOP, SECRET) == KEYRING_LOCKED
    assert keeper.find(SHOP) == (SECRET, None)


def test_take_reads_and_removes_everywhere(memory: MemoryKeyring) -> None:
    keeper = SecretKeeper(CredentialStore())
    keeper.keep(SHOP, SECRET)

    assert keeper.take(SHOP) == (SECRET, None)
    assert keeper.find(SHOP) == (None, None)
    assert memory.entries == {}


@pytest.mark.usefixtures("no_keyring")
def test_forgetting_without_a_keyring_drops_the_session_copy_and_says_why() -> None:
    keeper = SecretKeeper(CredentialStore())
    keeper.keep(SHOP, SECRET)

    assert keeper.forget(SHOP) == KEYRING_UNAVAILABLE
    assert keeper.find(SHOP) == (None, KEYRING_UNAVAILABLE)


def test_a_profile_that_signs_nothing_is_not_looked_up(memory: MemoryKeyring) -> None:
    memory.locked = True  # would fail if asked

    assert SecretKeeper(CredentialStore()).find(ConnectionSettings(profile="x")) == (None, None)


@pytest.mark.usefixtures("no_keyring")
def test_the_secret_is_never_in_its_repr() -> None:
    keeper = SecretKeeper(CredentialStore())
    keeper.keep(SHOP, SECRET)

    assert SECRET not in repr(keeper)
