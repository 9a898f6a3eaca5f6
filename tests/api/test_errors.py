"""Every error class, produced by the emulator's fault catalogue over loopback HTTP."""

from __future__ import annotations

import email.utils
import re
import resource
import socket
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import requests

from wallet_gui.api import (
    ALTERNATIVE_BASE_URL,
    DEFAULT_BASE_URL,
    ApiError,
    MacAuth,
    ResponseFormatError,
    TransportError,
    WalletClient,
    WalletError,
)
from wallet_gui.sandbox import ALL_FAULTS, API_ERRORS, Sandbox

Call = Callable[[WalletClient], object]

ENDPOINTS: dict[str, Call] = {
    "server_time": lambda api: api.server_time(),
    "configuration": lambda api: api.configuration(),
    "wallet": lambda api: api.wallet(14471),
    "wallet_balance": lambda api: api.wallet_balance(14471),
    "client_info": lambda api: api.client_info(),
}


@pytest.fixture
def quick_client(sandbox: Sandbox, mac_auth: MacAuth) -> Iterator[WalletClient]:
    with WalletClient(sandbox.url, mac_auth, timeout=0.5) as api:
        yield api


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# -- API error objects --------------------------------------------------------------------------


@pytest.mark.parametrize("fault", sorted(API_ERRORS))
def test_api_error_object_becomes_api_error_with_every_field(
    client: WalletClient,
    sandbox: Sandbox,
    demo_key: str,
    fault: str,
    assert_clean: Callable[..., None],
) -> None:
    status, body = API_ERRORS[fault]
    sandbox.faults.add(fault)
    with pytest.raises(ApiError) as caught:
        client.wallet(14471)
    error = caught.value
    assert error.status == status
    assert error.error == body["error"]
    assert error.description == body.get("error_description")
    assert error.uri == body.get("error_uri")
    assert error.correlation_id is not None
    assert re.fullmatch(r"corr-[0-9a-f]{12}", error.correlation_id)
    assert body["error"] in str(error)
    assert f"HTTP {status}" in str(error)
    assert_clean(error, demo_key)


def test_rate_limit_error_carries_retry_after_seconds(
    client: WalletClient, sandbox: Sandbox
) -> None:
    sandbox.faults.add("rate_limit_exceeded", retry_after=42)
    with pytest.raises(ApiError) as caught:
        client.wallet_balance(14471)
    assert caught.value.retry_after == 42.0
    assert caught.value.is_rate_limited


def test_retry_after_as_http_date_is_seconds_from_now(
    client: WalletClient, sandbox: Sandbox
) -> None:
    when = email.utils.formatdate(time.time() + 120, usegmt=True)
    sandbox.faults.add("rate_limit_exceeded", retry_after=when)
    with pytest.raises(ApiError) as caught:
        client.wallet_balance(14471)
    assert caught.value.retry_after is not None
    assert 110 <= caught.value.retry_after <= 120


def test_retry_after_date_in_the_past_is_zero(client: WalletClient, sandbox: Sandbox) -> None:
    sandbox.faults.add("rate_limit_exceeded", retry_after="Wed, 21 Oct 2015 07:28:00 GMT")
    with pytest.raises(ApiError) as caught:
        client.wallet_balance(14471)
    assert caught.value.retry_after == 0.0


def test_unreadable_retry_after_is_none(client: WalletClient, sandbox: Sandbox) -> None:
    sandbox.faults.add("rate_limit_exceeded", retry_after="soon-ish")
    with pytest.raises(ApiError) as caught:
        client.wallet_balance(14471)
    assert caught.value.retry_after is None


def test_api_error_without_retry_after_has_none(client: WalletClient, sandbox: Sandbox) -> None:
    sandbox.faults.add("forbidden")
    with pytest.raises(ApiError) as caught:
        client.wallet(14471)
    assert caught.value.retry_after is None


# -- bodies that are not API error objects --------------------------------------------------------


@pytest.mark.parametrize(
    ("fault", "status", "retry_after"),
    [("html_502", 502, None), ("empty_500", 500, None), ("empty_503", 503, 5.0)],
)
@pytest.mark.parametrize("endpoint", ["server_time", "wallet"])
def test_proxy_answers_are_readable_api_errors(
    quick_client: WalletClient,
    sandbox: Sandbox,
    demo_key: str,
    fault: str,
    status: int,
    retry_after: float | None,
    endpoint: str,
    assert_clean: Callable[..., None],
) -> None:
    sandbox.faults.add(fault)
    with pytest.raises(ApiError) as caught:
        ENDPOINTS[endpoint](quick_client)
    error = caught.value
    assert error.status == status
    assert error.error == f"http_{status}"
    assert error.retry_after == retry_after
    assert error.description
    text = str(error)
    for marker in ("<html", "<script", "<body", "</"):
        assert marker not in text.lower()
        assert marker not in error.description.lower()
    assert_clean(error, demo_key)


@pytest.mark.parametrize(
    ("fault", "endpoint"),
    [
        (fault, endpoint)
        for fault in ("invalid_json", "wrong_shape", "wrong_types")
        for endpoint in sorted(ENDPOINTS)
        # The wrong_types body has no client field at all: it reads as a sparse client.
        if (fault, endpoint) != ("wrong_types", "client_info")
    ],
)
def test_bad_success_bodies_are_response_format_errors(
    quick_client: WalletClient,
    sandbox: Sandbox,
    demo_key: str,
    fault: str,
    endpoint: str,
    assert_clean: Callable[..., None],
) -> None:
    sandbox.faults.add(fault)
    with pytest.raises(ResponseFormatError) as caught:
        ENDPOINTS[endpoint](quick_client)
    assert_clean(caught.value, demo_key)


@pytest.mark.parametrize("declare_length", [True, False])
def test_huge_body_is_refused_without_reading_it_into_memory(
    quick_client: WalletClient,
    sandbox: Sandbox,
    declare_length: bool,
    assert_clean: Callable[..., None],
) -> None:
    size = 200 * 1024 * 1024
    sandbox.faults.add("huge_body", size=size, declare_length=declare_length)
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    started = time.monotonic()
    with pytest.raises(WalletError) as caught:
        quick_client.server_time()
    elapsed = time.monotonic() - started
    growth_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before) / 1024
    assert growth_mib < 50
    assert elapsed < 5, "the body must not be streamed to its end"
    assert isinstance(caught.value, ResponseFormatError)
    assert re.search(r"too large|exceeds", str(caught.value))
    assert_clean(caught.value)
    # The connection was dropped, not left half-read: the next request works.
    assert quick_client.server_time() > 0


# -- redirects ----------------------------------------------------------------------------------


def test_redirect_to_another_host_is_not_followed(
    client: WalletClient,
    sandbox: Sandbox,
    demo_key: str,
    monkeypatch: pytest.MonkeyPatch,
    assert_clean: Callable[..., None],
) -> None:
    requested: list[str] = []
    send = client.session.send

    def spy(request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        requested.append(request.url or "")
        return send(request, **kwargs)

    monkeypatch.setattr(client.session, "send", spy)
    sandbox.faults.add("redirect_other_host")
    with pytest.raises(TransportError) as caught:
        client.wallet(14471)
    assert caught.value.kind == "redirect"
    assert "127.0.0.2" in str(caught.value)
    assert_clean(caught.value, demo_key)
    assert requested == [sandbox.url + "/wallet/14471"], "nothing may go to the other host"
    assert len(sandbox.records) == 1


def test_a_signed_request_follows_no_redirect_even_within_the_origin(
    client: WalletClient, sandbox: Sandbox, demo_key: str, assert_clean: Callable[..., None]
) -> None:
    sandbox.faults.add("redirect_same_origin")
    with pytest.raises(TransportError) as caught:
        client.wallet(14471)
    assert caught.value.kind == "redirect"
    assert "/rest/v1/wallet/14471" in str(caught.value)  # the Location, quoted
    assert_clean(caught.value, demo_key)
    [only] = sandbox.records
    assert (only.fault, only.status) == ("redirect_same_origin", 302)


def test_an_unsigned_redirect_within_the_origin_is_followed(
    client: WalletClient, sandbox: Sandbox
) -> None:
    sandbox.faults.add("redirect_same_origin")
    assert client.server_time() > 0
    first, second = sandbox.records
    assert (first.fault, first.status) == ("redirect_same_origin", 302)
    assert (second.fault, second.status) == (None, 200)
    assert first.path == second.path == "/rest/v1/server"


def test_endless_same_origin_redirects_end_in_a_transport_error(
    client: WalletClient, sandbox: Sandbox
) -> None:
    sandbox.faults.add("redirect_same_origin", times=None)
    with pytest.raises(TransportError) as caught:
        client.server_time()
    assert caught.value.kind == "redirect"
    assert 2 <= len(sandbox.records) <= 10


# -- transport ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fault", ["reset", "close"])
@pytest.mark.parametrize("endpoint", ["server_time", "wallet"])
def test_dropped_connection_is_a_transport_error(
    quick_client: WalletClient,
    sandbox: Sandbox,
    demo_key: str,
    fault: str,
    endpoint: str,
    assert_clean: Callable[..., None],
) -> None:
    sandbox.faults.add(fault)
    with pytest.raises(TransportError) as caught:
        ENDPOINTS[endpoint](quick_client)
    assert caught.value.kind == "connection"
    assert_clean(caught.value, demo_key)


def test_slow_answer_times_out(
    quick_client: WalletClient, sandbox: Sandbox, assert_clean: Callable[..., None]
) -> None:
    sandbox.faults.add("slow", seconds=3)
    started = time.monotonic()
    with pytest.raises(TransportError) as caught:
        quick_client.wallet(14471)
    elapsed = time.monotonic() - started
    assert caught.value.kind == "timeout"
    assert 0.4 <= elapsed < 2.0
    assert_clean(caught.value)


def test_refused_connection(assert_clean: Callable[..., None]) -> None:
    port = free_port()
    with (
        WalletClient(f"http://127.0.0.1:{port}/rest/v1") as api,
        pytest.raises(TransportError) as caught,
    ):
        api.server_time()
    assert caught.value.kind == "connection"
    assert str(port) in str(caught.value)
    assert_clean(caught.value)


def test_unresolvable_host_name(assert_clean: Callable[..., None]) -> None:
    with (
        WalletClient("http://wallet-gui-test.invalid/rest/v1", timeout=5) as api,
        pytest.raises(TransportError) as caught,
    ):
        api.server_time()
    assert caught.value.kind == "dns"
    assert "wallet-gui-test.invalid" in str(caught.value)
    assert_clean(caught.value)


@pytest.mark.parametrize(
    "base_url",
    [
        "",
        "wallet.paysera.com/rest/v1",
        "ftp://wallet.paysera.com/rest/v1",
        "file:///etc/passwd",
        "https://",
        "https:///rest/v1",
        "https://wallet.paysera.com:99999/rest/v1",
        "https://wallet.paysera.com:port/rest/v1",
        "javascript:alert(1)",
    ],
)
def test_malformed_base_url_fails_at_construction(
    base_url: str, assert_clean: Callable[..., None]
) -> None:
    with pytest.raises(WalletError) as caught:
        WalletClient(base_url)
    assert_clean(caught.value)


@pytest.mark.parametrize("base_url", [DEFAULT_BASE_URL, ALTERNATIVE_BASE_URL])
def test_published_base_urls_are_accepted(base_url: str) -> None:
    with WalletClient(base_url) as api:
        assert api.url("server") == base_url + "/server"


# -- the whole catalogue ------------------------------------------------------------------------

# How each fault must surface from a signed GET: an exception class, or None for success.
EXPECTED: dict[str, type[WalletError] | None] = {
    **dict.fromkeys(API_ERRORS, ApiError),
    "html_502": ApiError,
    "empty_500": ApiError,
    "empty_503": ApiError,
    "invalid_json": ResponseFormatError,
    "wrong_shape": ResponseFormatError,
    "wrong_types": ResponseFormatError,
    "huge_body": ResponseFormatError,
    "redirect_other_host": TransportError,
    "redirect_same_origin": TransportError,  # a signed request follows no redirect
    "reset": TransportError,
    "close": TransportError,
    "slow": TransportError,
    # An old /server answer ({"time": …}) where a balance belongs.
    "cached": ResponseFormatError,
}


def test_expectations_cover_the_whole_fault_catalogue() -> None:
    assert set(EXPECTED) == set(ALL_FAULTS)


@pytest.mark.parametrize("fault", ALL_FAULTS)
def test_no_fault_lets_anything_but_a_wallet_error_escape(
    sandbox: Sandbox,
    mac_auth: MacAuth,
    demo_key: str,
    fault: str,
    assert_clean: Callable[..., None],
) -> None:
    params = {"seconds": 2} if fault == "slow" else {}
    sandbox.faults.add(fault, **params)
    expected = EXPECTED[fault]
    with WalletClient(sandbox.url, mac_auth, timeout=0.5) as api:
        if expected is None:
            assert api.wallet_balance(14471)
            return
        with pytest.raises(WalletError) as caught:
            api.wallet_balance(14471)
    assert type(caught.value) is expected
    assert_clean(caught.value, demo_key)
    # The key never shows in any report built from the error either.
    assert demo_key not in repr(caught.value.__dict__)
