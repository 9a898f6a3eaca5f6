"""The profile form's rules: parsing what was typed, and the one sentence that says what's wrong."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from wallet_gui.core.connection import AUTH_CERTIFICATE, AUTH_MAC, ConnectionSettings
from wallet_gui.core.profile_form import (
    MAX_INTERVAL,
    ProfileForm,
    is_valid_optional_id,
    parse_optional_id,
    parse_wallet_ids,
)

SECRET = "s3cr3t-mac-key-DO-NOT-LEAK"

MAC_FORM = ProfileForm(
    profile="main account",
    base_url="https://wallet.paysera.com/rest/v1",
    auth_method=AUTH_MAC,
    client_id="wkVd93h2uS",
    project_id="12",
    location_id="345",
    wallet_ids="14471, 14472",
    interval=15.0,
    has_secret=True,
)


@pytest.fixture
def cert_form(tmp_path: Path) -> ProfileForm:
    cert = tmp_path / "client.pem"
    key = tmp_path / "client.key"
    cert.write_text("not checked by the form\n")
    key.write_text("not checked by the form\n")
    return ProfileForm(
        profile="cert",
        base_url="https://wallet.example.test/rest/v1",
        auth_method=AUTH_CERTIFICATE,
        cert_file=str(cert),
        key_file=str(key),
        ca_bundle=str(cert),
    )


# -- parsing ------------------------------------------------------------------------------


def test_parse_wallet_ids_keeps_order_and_drops_duplicates() -> None:
    assert parse_wallet_ids(" 3, 1 ,,2;3\n") == ("3", "1", "2")
    assert parse_wallet_ids("14471\t14472") == ("14471", "14472")
    assert parse_wallet_ids("") == ()
    assert parse_wallet_ids(" ,; ") == ()


@pytest.mark.parametrize(
    ("text", "number"),
    [("", None), ("  ", None), ("12", 12), (" 345 ", 345), ("0", 0), ("-1", None), ("x", None)],
)
def test_parse_optional_id(text: str, number: int | None) -> None:
    assert parse_optional_id(text) == number


def test_parse_optional_id_ignores_non_ascii_digits() -> None:
    assert parse_optional_id("١٢") is None  # Arabic-Indic digits: isdigit(), but not ours


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("", True),
        (" ", True),
        ("1", True),
        ("999999999999999999", True),
        ("0", False),
        ("012", False),
        ("1.5", False),
        ("-3", False),
        ("1" * 19, False),
    ],
)
def test_optional_ids_are_empty_or_positive_whole_numbers(text: str, valid: bool) -> None:
    assert is_valid_optional_id(text) is valid


def test_settings_are_trimmed_and_parsed() -> None:
    form = replace(
        MAC_FORM,
        profile="  main account ",
        base_url=" https://wallet.paysera.com/rest/v1 ",
        client_id=" wkVd93h2uS\t",
        wallet_ids="14471,14472 14471",
        project_id="",
    )

    settings = form.settings()

    assert settings == ConnectionSettings(
        profile="main account",
        base_url="https://wallet.paysera.com/rest/v1",
        auth_method=AUTH_MAC,
        client_id="wkVd93h2uS",
        project_id=None,
        location_id=345,
        wallet_ids=("14471", "14472"),
        interval=15.0,
    )


def test_from_settings_round_trips(cert_form: ProfileForm) -> None:
    for form in (MAC_FORM, cert_form):
        settings = form.settings()
        assert ProfileForm.from_settings(settings).settings() == settings


def test_from_settings_shows_absent_ids_as_empty_fields() -> None:
    form = ProfileForm.from_settings(ConnectionSettings(wallet_ids=("1", "2")), has_secret=True)

    assert (form.project_id, form.location_id, form.wallet_ids) == ("", "", "1, 2")
    assert form.has_secret


def test_the_secret_never_enters_the_form() -> None:
    assert "secret" not in {name for name in ProfileForm.__slots__ if name != "has_secret"}
    assert SECRET not in repr(MAC_FORM)


# -- validation ---------------------------------------------------------------------------


def test_a_complete_mac_form_is_valid() -> None:
    assert MAC_FORM.validation_error() is None
    assert MAC_FORM.connection_error() is None


def test_a_complete_certificate_form_is_valid_without_a_secret(cert_form: ProfileForm) -> None:
    assert not cert_form.has_secret
    assert cert_form.validation_error() is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"profile": ""}, "Enter a profile name."),
        ({"profile": "   "}, "Enter a profile name."),
        ({"profile": "a/b"}, "The profile name cannot contain / or \\."),
        ({"profile": "a\\b"}, "The profile name cannot contain / or \\."),
        ({"client_id": " "}, "Enter the client id."),
        ({"has_secret": False}, "Enter the MAC key."),
        ({"project_id": "0"}, "Project id and location id must be positive whole numbers."),
        ({"location_id": "x1"}, "Project id and location id must be positive whole numbers."),
        ({"interval": 0.5}, "Poll every 1 to 3600 seconds."),
        ({"interval": MAX_INTERVAL + 1.0}, "Poll every 1 to 3600 seconds."),
    ],
)
def test_an_incomplete_mac_form_says_what_is_missing(
    changes: dict[str, object], message: str
) -> None:
    form = replace(MAC_FORM, **changes)  # type: ignore[arg-type]

    assert form.validation_error() == message


@pytest.mark.parametrize(
    "url", ["wallet.paysera.com/rest/v1", "ftp://wallet.paysera.com", "https://", "", "  "]
)
def test_the_api_address_must_be_a_web_address(url: str) -> None:
    error = replace(MAC_FORM, base_url=url).validation_error()

    assert error == "The API address must start with https:// (or http://) and a host."


def test_http_addresses_are_allowed_for_local_servers() -> None:
    assert replace(MAC_FORM, base_url="http://127.0.0.1:8080/rest/v1").validation_error() is None


def test_the_profile_name_is_checked_first() -> None:
    form = replace(MAC_FORM, profile="", base_url="", client_id="")

    assert form.validation_error() == "Enter a profile name."


def test_the_connection_check_ignores_the_profile_name() -> None:
    form = replace(MAC_FORM, profile="", client_id="")

    assert form.connection_error() == "Enter the client id."
    assert replace(MAC_FORM, profile="a/b").connection_error() is None


def test_the_certificate_method_needs_an_existing_certificate_file(
    cert_form: ProfileForm, tmp_path: Path
) -> None:
    assert replace(cert_form, cert_file="").validation_error() == (
        "Choose the client certificate file."
    )
    missing = str(tmp_path / "missing.pem")
    assert replace(cert_form, cert_file=missing).validation_error() == (
        "The certificate file does not exist."
    )
    # A folder is not a certificate file either.
    assert replace(cert_form, cert_file=str(tmp_path)).validation_error() == (
        "The certificate file does not exist."
    )


def test_the_private_key_is_optional_but_must_exist_when_given(
    cert_form: ProfileForm, tmp_path: Path
) -> None:
    assert replace(cert_form, key_file="").validation_error() is None
    assert replace(cert_form, key_file=str(tmp_path / "nope.key")).validation_error() == (
        "The private key file does not exist."
    )


def test_the_certificate_method_does_not_ask_for_a_client_id(cert_form: ProfileForm) -> None:
    assert replace(cert_form, client_id="").validation_error() is None


def test_a_ca_bundle_must_exist_when_given(tmp_path: Path) -> None:
    assert replace(MAC_FORM, ca_bundle="").validation_error() is None
    assert replace(MAC_FORM, ca_bundle=str(tmp_path / "ca.pem")).validation_error() == (
        "The CA bundle file does not exist."
    )


def test_paths_may_start_with_the_home_folder(
    cert_form: ProfileForm, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))

    assert replace(cert_form, cert_file="~/client.pem", key_file="").validation_error() is None


def test_messages_never_contain_what_was_typed() -> None:
    form = replace(MAC_FORM, client_id=SECRET, project_id=SECRET, has_secret=False)

    error = form.validation_error()

    assert error is not None
    assert SECRET not in error


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        ("base_url", "https://user:secret@wallet.example.com/rest/v1", "user name or password"),
        ("base_url", "https://wallet.example.com/rest/v1?x=1", "query"),
        ("client_id", 'x", nonce="forged', "printable ASCII without quotes"),
    ],
)
def test_the_form_refuses_what_the_client_would_refuse(field: str, value: str, said: str) -> None:
    form = replace(MAC_FORM, **{field: value})
    error = form.validation_error()
    assert error is not None
    assert said in error
    assert "secret" not in error.replace("user name or password", "")


def test_plain_http_to_another_computer_is_a_note_not_an_error() -> None:
    form = replace(MAC_FORM, base_url="http://wallet.example.com/rest/v1")
    assert form.validation_error() is None
    assert "unencrypted" in (form.cleartext_warning() or "")
    assert replace(form, base_url="http://127.0.0.1:8080/rest/v1").cleartext_warning() is None
