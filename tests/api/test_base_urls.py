"""Base URLs: no credentials, no query or fragment, and a cleartext check for warnings."""

from __future__ import annotations

import pytest

from wallet_gui.api import DEFAULT_BASE_URL, WalletClient, WalletError
from wallet_gui.api.client import ConfigurationError
from wallet_gui.api.urls import check_base_url, is_cleartext_remote, wallet_id_segment

SECRET = "s3cr3t-pa55"
WITH_USERINFO = [
    f"http://user:{SECRET}@127.0.0.1:8080/rest/v1",
    f"https://user:{SECRET}@wallet.paysera.com/rest/v1",
    f"https://:{SECRET}@wallet.paysera.com",
    f"https://{SECRET}@wallet.paysera.com/rest/v1",
    f"HTTPS://user:{SECRET}@Wallet.Paysera.com/rest/v1/",
    f"ftp://user:{SECRET}@wallet.paysera.com/rest/v1",  # refused for the password first
    f"https://user:{SECRET}@[::1/rest/v1",  # malformed too: still never quoted
    f"https://user:{SECRET}@wallet.paysera.com:99999/rest/v1",
    f"https://user:{SECRET}@wallet.paysera.com/rest v1",
    f"user:{SECRET}@wallet.paysera.com/rest/v1",
]


@pytest.mark.parametrize("url", WITH_USERINFO)
def test_user_name_or_password_is_refused_without_echoing_it(url: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        check_base_url(url)
    assert str(caught.value) == "the base URL must not contain a user name or password"
    with pytest.raises(ConfigurationError) as caught:
        WalletClient(url)
    assert str(caught.value) == "the base URL must not contain a user name or password"
    assert SECRET not in repr(caught.value)


@pytest.mark.parametrize(
    "url",
    [
        "https://wallet.paysera.com/rest/v1?x=1",
        "https://wallet.paysera.com/rest/v1?",
        "https://wallet.paysera.com/rest/v1#top",
        "https://wallet.paysera.com#",
        "https://wallet.paysera.com/rest/v1/?a=b#c",
    ],
)
def test_query_or_fragment_is_refused(url: str) -> None:
    for attempt in (check_base_url, WalletClient):
        with pytest.raises(ConfigurationError) as caught:
            attempt(url)
        message = str(caught.value)
        assert message.startswith("the base URL must not contain a query (?…) or a fragment (#…)")
        assert "\n" not in message


@pytest.mark.parametrize(
    "url",
    [
        "https://wallet.paysera.com/rest v1",
        "https://wallet.paysera.com/rest\r\nX-Evil: 1",
        "https://wallet.paysera.com/rest/\x1b[2Jv1",
        "https://wallet.paysera.com/rest/\u202ev1",
    ],
)
def test_blanks_and_control_characters_are_refused_and_escaped(url: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        check_base_url(url)
    message = str(caught.value)
    assert message.startswith("the base URL must not contain spaces or control characters")
    for forbidden in ("\r", "\n", "\x1b", "\u202e"):
        assert forbidden not in message


@pytest.mark.parametrize(
    "url",
    ["", "wallet.paysera.com", "ftp://wallet.paysera.com", "https://", "https://h:99999/x"],
)
def test_other_unusable_urls_are_configuration_errors(url: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        check_base_url(url)
    assert isinstance(caught.value, WalletError)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("url", "normalised"),
    [
        (DEFAULT_BASE_URL, DEFAULT_BASE_URL),
        (" https://wallet.paysera.com/rest/v1// ", "https://wallet.paysera.com/rest/v1"),
        ("HTTPS://Wallet.Paysera.com/rest/v1", "https://Wallet.Paysera.com/rest/v1"),
        ("http://127.0.0.1:8080/rest/v1/", "http://127.0.0.1:8080/rest/v1"),
        ("http://[::1]:8080/rest/v1", "http://[::1]:8080/rest/v1"),
        ("https://wallet.paysera.com", "https://wallet.paysera.com"),
    ],
)
def test_good_urls_are_normalised(url: str, normalised: str) -> None:
    assert check_base_url(url) == normalised
    with WalletClient(url) as client:
        assert client.base_url == normalised


@pytest.mark.parametrize(
    ("url", "cleartext_remote"),
    [
        ("http://wallet.example/rest/v1", True),
        ("http://10.0.0.5:8080/rest/v1", True),
        ("http://[2001:db8::1]/rest/v1", True),
        ("http://localhost.evil.example/", True),
        ("HTTP://wallet.example/", True),
        ("http://127.0.0.1:8080/rest/v1", False),
        ("http://127.9.8.7/rest/v1", False),
        ("http://[::1]:8080/rest/v1", False),
        ("http://[::ffff:127.0.0.1]/rest/v1", False),
        ("http://localhost:8080/rest/v1", False),
        ("http://LOCALHOST./rest/v1", False),
        ("https://wallet.example/rest/v1", False),
        ("https://10.0.0.5/rest/v1", False),
    ],
)
def test_cleartext_remote(url: str, cleartext_remote: bool) -> None:
    assert is_cleartext_remote(url) is cleartext_remote


@pytest.mark.parametrize(
    ("wallet_id", "segment"),
    [(14471, "14471"), (" 14471 ", "14471"), ("007", "7"), (2**63 - 1, str(2**63 - 1))],
)
def test_wallet_id_segment_is_the_canonical_number(wallet_id: int | str, segment: str) -> None:
    assert wallet_id_segment(wallet_id) == segment
    for refused in ("..", ".", "me", "", "0", "1/2", "%2e%2e", "1" * 5000, 2**63, -3):
        with pytest.raises(ConfigurationError) as caught:
            wallet_id_segment(refused)
        assert "wallet id" in str(caught.value)
        assert len(str(caught.value)) < 120
