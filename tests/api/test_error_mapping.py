"""The error mapping on its own: failures are recognised by their class, never by their name.

The end-to-end tests (``test_errors``) produce real failures through the client; these build
exception chains by hand, shaped like the ones requests and urllib3 raise, so that each
branch of the mapping, and its order, is pinned down without a network.
"""

from __future__ import annotations

import email.utils
import http.client
import socket
import ssl
import time
from collections.abc import Callable

import pytest
import requests
import urllib3.exceptions
from urllib3.connection import HTTPConnection
from urllib3.connectionpool import HTTPSConnectionPool

from wallet_gui.api import ApiError, TransportError, error_mapping

URL = "https://wallet.example/rest/v1/wallet/1"


def wrapped(reason: Exception) -> requests.exceptions.ConnectionError:
    """``reason`` wrapped the way requests reports a failed connection: via MaxRetryError."""
    return requests.exceptions.ConnectionError(retried(reason))


def retried(reason: Exception) -> urllib3.exceptions.MaxRetryError:
    """What urllib3 raises once it gives up on a request that failed with ``reason``."""
    pool = HTTPSConnectionPool("wallet.example", 443)
    return urllib3.exceptions.MaxRetryError(pool, "/rest/v1/wallet/1", reason)


def raised_from(outer: Exception, inner: BaseException) -> Exception:
    """``outer`` raised while handling ``inner`` (``raise outer from inner``)."""
    outer.__cause__ = inner
    return outer


def mapped(exc: requests.RequestException, url: str = URL) -> TransportError:
    return error_mapping.transport_error(exc, url, timeout=2.5)


def connection() -> HTTPConnection:
    return HTTPConnection("wallet.example", 443)


# -- by class, not by name ----------------------------------------------------------------------


def test_name_resolution_failure_is_dns() -> None:
    gai = socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    failure = raised_from(
        urllib3.exceptions.NameResolutionError("wallet.example", connection(), gai), gai
    )
    error = mapped(wrapped(failure))
    assert error.kind == "dns"
    assert str(error) == "cannot resolve host name wallet.example"


def test_a_bare_resolver_error_is_dns_too() -> None:
    """urllib3 1.x put the gaierror under a NewConnectionError; it must still read as DNS."""
    gai = socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
    failure = raised_from(urllib3.exceptions.NewConnectionError(connection(), "failed"), gai)
    assert mapped(wrapped(failure)).kind == "dns"


def test_a_subclass_under_another_name_is_still_recognised() -> None:
    class ResolverGaveUp(urllib3.exceptions.NameResolutionError):
        pass

    class PeerHungUp(http.client.RemoteDisconnected):
        pass

    gai = socket.gaierror(socket.EAI_NONAME, "unknown")
    assert mapped(wrapped(ResolverGaveUp("wallet.example", connection(), gai))).kind == "dns"
    hung_up = mapped(wrapped(urllib3.exceptions.ProtocolError("aborted", PeerHungUp("gone"))))
    assert str(hung_up) == "wallet.example:443 closed the connection without answering"


def test_a_foreign_class_that_borrows_a_name_is_not_mistaken_for_it() -> None:
    """Only the real classes count: a look-alike name says nothing about what happened."""
    impostors = [
        type("NameResolutionError", (Exception,), {}),
        type("NewConnectionError", (Exception,), {}),
        type("RemoteDisconnected", (Exception,), {}),
    ]
    for impostor in impostors:
        error = mapped(wrapped(impostor("getaddrinfo failed: Name or service not known")))
        assert str(error) == "connection to wallet.example:443 failed"
        assert error.kind == "connection"


def test_a_refused_connection_names_host_and_port() -> None:
    refused = ConnectionRefusedError(111, "Connection refused")
    failure = raised_from(urllib3.exceptions.NewConnectionError(connection(), "failed"), refused)
    error = mapped(wrapped(failure), "http://127.0.0.1:8080/rest/v1/server")
    assert (error.kind, str(error)) == ("connection", "connection to 127.0.0.1:8080 refused")


def test_remote_disconnect_is_not_reported_as_a_reset() -> None:
    # RemoteDisconnected is also a ConnectionResetError: the more precise message wins.
    error = mapped(
        wrapped(urllib3.exceptions.ProtocolError("aborted", http.client.RemoteDisconnected("x")))
    )
    assert "closed the connection without answering" in str(error)


@pytest.mark.parametrize("cause", [ConnectionResetError(104, "reset"), BrokenPipeError(32, "")])
def test_reset_and_broken_pipe(cause: OSError) -> None:
    error = mapped(wrapped(urllib3.exceptions.ProtocolError("aborted", cause)))
    assert (error.kind, str(error)) == ("connection", "connection to wallet.example:443 was reset")


# -- TLS and timeouts ---------------------------------------------------------------------------


def test_certificate_verification_failure_quotes_the_verifier() -> None:
    bad = ssl.SSLCertVerificationError(1, "certificate verify failed")
    bad.verify_message = "unable to get local issuer certificate"
    exc = requests.exceptions.SSLError(retried(bad))
    error = mapped(exc)
    assert error.kind == "tls"
    assert str(error) == (
        "TLS certificate problem with wallet.example: unable to get local issuer certificate"
    )


def test_other_handshake_failures_are_tls_too() -> None:
    exc = requests.exceptions.SSLError(urllib3.exceptions.SSLError("EOF"))
    assert str(mapped(exc)) == "TLS handshake with wallet.example failed: handshake failed"


@pytest.mark.parametrize(
    ("exc", "message"),
    [
        (
            requests.exceptions.ConnectTimeout(),
            "connecting to wallet.example:443 timed out after 2.5 s",
        ),
        (requests.exceptions.ReadTimeout(), "wallet.example:443 did not answer within 2.5 s"),
    ],
)
def test_timeouts_say_which_and_how_long(exc: requests.RequestException, message: str) -> None:
    error = mapped(exc)
    assert (error.kind, str(error)) == ("timeout", message)


def test_a_broken_body_and_an_unknown_failure() -> None:
    garbled = mapped(requests.exceptions.ChunkedEncodingError("bad chunk"))
    assert str(garbled) == "answer from wallet.example:443 was cut off or garbled"
    other = mapped(requests.exceptions.InvalidHeader("odd"))
    assert (other.kind, str(other)) == (
        "network",
        "request to wallet.example:443 failed (InvalidHeader)",
    )


def test_cause_walk_survives_a_cycle() -> None:
    first, second = ValueError("a"), ValueError("b")
    first.__context__, second.__context__ = second, first
    assert list(error_mapping.causes(first)) == [first, second]


# -- what an error answer carries ---------------------------------------------------------------


def answer(status: int, body: bytes = b"", **headers: str) -> requests.Response:
    response = requests.Response()
    response.status_code = status
    response.reason = http.client.responses.get(status, "")
    response.headers.update({key.replace("_", "-"): value for key, value in headers.items()})
    response._content = body
    return response


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        (None, None),
        ("", None),
        (" 17 ", 17.0),
        ("²", None),  # a digit to str.isdigit(), not to HTTP
        ("99999999999999999", 86400.0),  # capped at a day
        ("soon", None),
    ],
)
def test_retry_after_values(value: str | None, seconds: float | None) -> None:
    assert error_mapping.retry_after(value) == seconds


def test_retry_after_as_a_date_is_seconds_from_now() -> None:
    later = email.utils.formatdate(time.time() + 120, usegmt=True)
    wait = error_mapping.retry_after(later)
    assert wait is not None
    assert 110 <= wait <= 120


@pytest.mark.parametrize(
    ("declared", "shown"),
    [
        ("text/html; charset=utf-8", "text/html"),
        ("application/problem+json", "application/problem+json"),
        ("<script>alert(1)</script>", "unknown type"),
        ("", "unknown type"),
    ],
)
def test_media_type_is_quoted_only_if_it_looks_like_one(declared: str, shown: str) -> None:
    assert error_mapping.media_type(answer(502, Content_Type=declared)) == shown


def test_api_error_object_is_kept_field_by_field() -> None:
    body = b'{"error": "rate_limit_exceeded", "error_description": "slow down", "errors": [1]}'
    error = error_mapping.api_error(
        answer(429, body, Retry_After="30", paysera_correlation_id="abc"), body, "wallet.example"
    )
    assert isinstance(error, ApiError)
    assert (error.status, error.error, error.description) == (
        429,
        "rate_limit_exceeded",
        "slow down",
    )
    assert (error.retry_after, error.correlation_id) == (30.0, "abc")
    assert error.properties == {"errors": [1]}


def test_a_proxy_page_becomes_a_readable_api_error() -> None:
    body = b"<html>Bad Gateway</html>"
    error = error_mapping.api_error(answer(502, body, Content_Type="text/html"), body, "h.example")
    assert error.error == "http_502"
    assert error.description == (
        "h.example answered 502 Bad Gateway with a text/html page instead of an API error "
        "(likely a proxy or gateway)"
    )
    empty = error_mapping.api_error(answer(503), b"", "h.example")
    assert empty.description == "h.example answered 503 Service Unavailable with an empty body"


# -- a real lookup ------------------------------------------------------------------------------


def test_a_real_failed_lookup_carries_the_class_the_mapping_looks_for(
    assert_clean: Callable[..., None],
) -> None:
    """``.invalid`` never resolves (RFC 6761), so this needs no network and fails at once."""
    started = time.monotonic()
    with pytest.raises(requests.exceptions.ConnectionError) as caught:
        requests.get("http://wallet-gui-test.invalid/rest/v1/server", timeout=5)
    if time.monotonic() - started > 5:
        pytest.skip("the resolver here is slow to refuse .invalid names")
    chain = list(error_mapping.causes(caught.value))
    assert any(isinstance(c, urllib3.exceptions.NameResolutionError) for c in chain)
    error = mapped(caught.value, "http://wallet-gui-test.invalid/rest/v1/server")
    assert (error.kind, str(error)) == ("dns", "cannot resolve host name wallet-gui-test.invalid")
    assert_clean(error)
