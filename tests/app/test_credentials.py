"""Secrets in a real OS keyring (Secret Service), and the refusal to fall back to files.

Tests marked ``keyring`` need a Secret Service: ``.ci/test`` starts gnome-keyring inside a
private D-Bus session and sets ``WALLET_GUI_REAL_KEYRING=1``. There they must run; a
developer without one sees them skipped with the reason.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from wallet_gui.core.credentials import SERVICE, CredentialStore, CredentialStoreError


@pytest.fixture
def real_keyring(secret_service: None) -> Iterator[CredentialStore]:
    store = CredentialStore(service=f"{SERVICE}-test-{secrets.token_hex(4)}")
    yield store
    for user in ("profile:alpha", "profile:beta"):
        store.delete(user)


@pytest.mark.keyring
def test_secret_round_trips_through_the_secret_service(real_keyring: CredentialStore) -> None:
    key = secrets.token_urlsafe(24)
    real_keyring.set("profile:alpha", key)
    assert real_keyring.get("profile:alpha") == key
    assert real_keyring.get("profile:beta") is None


@pytest.mark.keyring
def test_updating_and_deleting_a_profile_secret(real_keyring: CredentialStore) -> None:
    real_keyring.set("profile:alpha", "first-key")
    real_keyring.set("profile:alpha", "second-key")
    assert real_keyring.get("profile:alpha") == "second-key"
    real_keyring.delete("profile:alpha")
    assert real_keyring.get("profile:alpha") is None
    real_keyring.delete("profile:alpha")  # deleting twice is not an error


@pytest.mark.keyring
def test_secret_is_not_written_to_any_file_under_home(
    real_keyring: CredentialStore, tmp_path: Path
) -> None:
    key = "unique-" + secrets.token_hex(16)
    real_keyring.set("profile:alpha", key)
    home = Path(os.environ["HOME"])
    hits = [p for p in home.rglob("*") if p.is_file() and key.encode() in p.read_bytes()]
    assert hits == []


def test_without_a_backend_every_call_says_so_and_nothing_is_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(keyring.core, "_keyring_backend", keyring.backends.fail.Keyring())
    store = CredentialStore()
    assert not store.available()
    with pytest.raises(CredentialStoreError, match="no usable OS keyring") as raised:
        store.set("profile:alpha", "the-secret-value")
    assert "the-secret-value" not in str(raised.value)
    assert "fail.Keyring" in str(raised.value)
    with pytest.raises(CredentialStoreError):
        store.get("profile:alpha")
    home = Path(os.environ["HOME"])
    assert not any(b"the-secret-value" in p.read_bytes() for p in home.rglob("*") if p.is_file())


def test_a_failing_backend_becomes_one_line_without_the_secret(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Broken(keyring.backend.KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            raise OSError(f"D-Bus exploded while reading {username}")

        def set_password(self, service: str, username: str, password: str) -> None:
            raise OSError(f"cannot store {password}")

        def delete_password(self, service: str, username: str) -> None:
            raise OSError("nope")

    monkeypatch.setattr(keyring.core, "_keyring_backend", Broken())
    store = CredentialStore()
    with pytest.raises(CredentialStoreError) as raised:
        store.set("profile:alpha", "s3cr3t-value")
    assert "s3cr3t-value" not in str(raised.value)
    assert "\n" not in str(raised.value)
    with pytest.raises(CredentialStoreError, match="OSError"):
        store.get("profile:alpha")
