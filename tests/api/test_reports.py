"""``ErrorReport.from_exception``: what a person sees of an API failure, and what it never shows."""

from __future__ import annotations

import pytest

from wallet_gui.api import ApiError, ResponseFormatError, TransportError, WalletClient
from wallet_gui.api.auth import CredentialsError
from wallet_gui.core.reports import ErrorReport
from wallet_gui.sandbox import Sandbox


def caught_api_error(
    client: WalletClient, sandbox: Sandbox, fault: str, **params: object
) -> ApiError:
    sandbox.faults.add(fault, **params)
    with pytest.raises(ApiError) as caught:
        client.wallet_balance(14471)
    return caught.value


def test_report_is_filled_from_a_real_api_error(
    client: WalletClient, sandbox: Sandbox, demo_key: str
) -> None:
    error = caught_api_error(client, sandbox, "forbidden")
    report = ErrorReport.from_exception(error, "Balance of wallet 14471")
    assert report.kind == "api"
    assert report.context == "Balance of wallet 14471"
    assert report.code == "forbidden"
    assert report.status == 403
    assert report.description == error.description
    assert report.correlation_id == error.correlation_id
    assert report.uri == "https://developers.paysera.com/en/wallet/"
    assert report.link == "https://developers.paysera.com/en/wallet/"
    assert report.message == str(error)
    assert report.retry_after is None

    details = report.details()
    assert "Error code: forbidden" in details
    assert "HTTP status: 403" in details
    assert f"Correlation id: {error.correlation_id}" in details
    assert "Balance of wallet 14471" in details
    assert demo_key not in details


def test_report_keeps_retry_after(client: WalletClient, sandbox: Sandbox) -> None:
    error = caught_api_error(client, sandbox, "rate_limit_exceeded", retry_after=17)
    report = ErrorReport.from_exception(error, "Balance")
    assert report.retry_after == 17.0
    assert "Retry after: 17 s" in report.details()


def test_javascript_link_from_the_server_is_not_clickable(
    client: WalletClient, sandbox: Sandbox
) -> None:
    error = caught_api_error(client, sandbox, "forbidden_bad_link")
    report = ErrorReport.from_exception(error, "Balance")
    assert report.uri == "javascript:alert(1)"
    assert report.link is None


@pytest.mark.parametrize(
    ("uri", "link"),
    [
        ("https://developers.paysera.com/en/wallet/", True),
        ("http://example.com/errors#forbidden", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(document.cookie)", False),
        (" javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("ftp://example.com/readme", False),
        ("/en/wallet/errors", False),
        ("en/wallet/errors", False),
        ("//example.com/no-scheme", False),
        ("https:///no-host", False),
        ("https:", False),
        ("", False),
        (None, False),
    ],
)
def test_link_only_for_http_urls_with_a_host(uri: str | None, link: bool) -> None:
    error = ApiError(status=403, error="forbidden", uri=uri)
    report = ErrorReport.from_exception(error, "Wallet")
    assert report.link == (uri if link else None)


def test_details_never_contain_the_key_for_any_error(demo_key: str) -> None:
    errors: list[BaseException] = [
        ApiError(status=401, error="unauthorized", description="Signature is invalid"),
        TransportError("connection to 127.0.0.1:1 refused", kind="connection"),
        ResponseFormatError("127.0.0.1 sent an empty answer"),
        CredentialsError("client certificate or key could not be loaded"),
        KeyError(demo_key),  # a bug of ours whose text would carry the key
    ]
    kinds = []
    for error in errors:
        report = ErrorReport.from_exception(error, "Test")
        kinds.append(report.kind)
        assert demo_key not in report.details()
        assert demo_key not in report.message
        assert "\n" not in report.message
    assert kinds == ["api", "transport", "format", "credentials", "internal"]


def test_repeats_of_one_failure_share_a_key(client: WalletClient, sandbox: Sandbox) -> None:
    first = ErrorReport.from_exception(caught_api_error(client, sandbox, "not_found"), "A")
    second = ErrorReport.from_exception(caught_api_error(client, sandbox, "not_found"), "A")
    other = ErrorReport.from_exception(caught_api_error(client, sandbox, "forbidden"), "A")
    assert first.correlation_id != second.correlation_id
    assert first.key == second.key
    assert first.key != other.key
