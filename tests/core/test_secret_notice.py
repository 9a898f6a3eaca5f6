"""What a person reads when the keyring cannot give or keep a profile's key."""

from __future__ import annotations

import pytest

from wallet_gui.core.connection import AUTH_CERTIFICATE, ConnectionSettings
from wallet_gui.core.credentials import KEYRING_FAILED, KEYRING_LOCKED, KEYRING_UNAVAILABLE
from wallet_gui.core.secret_notice import (
    keyring_problem,
    missing_secret_notice,
    needs_secret,
    not_removed_notice,
    not_stored_notice,
    session_only_notice,
)

SHOP = ConnectionSettings(profile="shop", client_id="client-1")
KINDS = (KEYRING_UNAVAILABLE, KEYRING_LOCKED, KEYRING_FAILED)


def test_an_unreachable_keyring_is_said_plainly_with_what_it_means_now() -> None:
    text = missing_secret_notice(SHOP, KEYRING_UNAVAILABLE)

    assert text.startswith("The system keyring is not available: no Secret Service is running")
    assert "MAC key saved for “shop” cannot be read" in text
    assert "needed for this session" in text
    assert "enter it below" in text
    assert "will not be stored" in text
    assert "credentials, and none are configured" not in text


def test_a_locked_keyring_says_locked() -> None:
    assert missing_secret_notice(SHOP, KEYRING_LOCKED).startswith("The system keyring is locked.")


def test_a_keyring_without_the_entry_says_nothing_is_saved() -> None:
    text = missing_secret_notice(SHOP, None)

    assert text.startswith("No MAC key is saved for “shop” in the system keyring.")
    assert "saved again" in text


def test_a_certificate_profile_asks_for_its_passphrase() -> None:
    cert = ConnectionSettings(profile="cert", auth_method=AUTH_CERTIFICATE, cert_file="/c.pem")

    assert "private key passphrase" in missing_secret_notice(cert, KEYRING_LOCKED)


@pytest.mark.parametrize("kind", KINDS)
def test_no_message_names_a_python_class_or_module(kind: str) -> None:
    texts = [
        keyring_problem(kind),
        missing_secret_notice(SHOP, kind),
        session_only_notice(kind),
        not_stored_notice(kind),
        not_removed_notice(kind),
    ]

    for text in texts:
        assert "keyring.backends" not in text
        assert "Keyring" not in text  # a class name; the sentences say "keyring"
        assert "\n" not in text


def test_an_unknown_kind_reads_as_a_failure() -> None:
    assert keyring_problem("surprise") == keyring_problem(KEYRING_FAILED)


def test_session_only_and_not_stored_say_the_key_must_be_entered_again() -> None:
    for text in (session_only_notice(KEYRING_UNAVAILABLE), not_stored_notice(KEYRING_LOCKED)):
        assert "this session only" in text
        assert "entered again next time" in text


def test_only_mac_profiles_need_a_secret_to_connect() -> None:
    assert needs_secret(SHOP)
    assert not needs_secret(ConnectionSettings(profile="unsigned"))  # no client id: nothing signs
    cert = ConnectionSettings(profile="cert", auth_method=AUTH_CERTIFICATE, cert_file="/c.pem")
    assert not needs_secret(cert)  # the key file may not be encrypted
