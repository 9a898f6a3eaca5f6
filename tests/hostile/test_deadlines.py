"""Every request has a total deadline: a server that drips cannot hold it past it.

A socket timeout bounds each read; a server that sends a byte a second, trickles its
headers or drip-feeds a TLS handshake never lets one expire. These servers keep it up for
about twelve seconds (then go quiet), so that a client without a total deadline fails the
time bound here instead of hanging the suite; with one, each request ends at its deadline.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest

from tests.hostile.conftest import HostilePki
from tests.hostile.server import HostileServer, SeenRequest, Step, drip, reply
from wallet_gui.api import MacAuth, TransportError, WalletClient, WalletError
from wallet_gui.api.deadline import Watchdog

DEADLINE_S = 2.0
#: The product's promise is the deadline; this is the margin the bound allows on top.
MARGIN_S = 1.5
#: How long each hostile server keeps dripping (about six deadlines).
DRIP_BYTES = 12
BODY = b'{"time": 1700000000, "pad": "xxxxxxxxx"}'
HEADERS = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n"
#: The same answer without a length: the body ends when the connection does.
HEADERS_UNTIL_CLOSE = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
)
#: A TLS record header announcing a 16 KiB handshake record, whose bytes then drip.
TLS_RECORD_HEADER = b"\x16\x03\x03\x40\x00"


def dripping_body(request: SeenRequest) -> list[Step]:
    return [HEADERS, *drip(BODY[:DRIP_BYTES], 1.0)]


def dripping_body_without_length(request: SeenRequest) -> list[Step]:
    return [HEADERS_UNTIL_CLOSE, *drip(BODY[:DRIP_BYTES], 1.0)]


def trickled_headers(request: SeenRequest) -> list[Step]:
    return drip(HEADERS[: 2 * DRIP_BYTES], 0.5)


def never_answers(request: SeenRequest) -> list[Step]:
    return []


def timed(call: Callable[[], object]) -> tuple[WalletError | None, float]:
    started = time.monotonic()
    try:
        call()
    except WalletError as error:  # anything else escaping the client fails the test here
        return error, time.monotonic() - started
    return None, time.monotonic() - started


def assert_cut_at_the_deadline(
    error: BaseException | None, elapsed: float, server: HostileServer, deadline: float
) -> None:
    assert isinstance(error, TransportError), f"expected a timeout, got {error!r}"
    assert error.kind == "timeout", str(error)
    text = str(error)
    assert "\n" not in text
    assert "\r" not in text
    assert f"127.0.0.1:{server.port} did not finish answering within {deadline:g} s" in text
    assert deadline - 0.05 <= elapsed <= deadline + MARGIN_S, elapsed


@pytest.fixture
def key() -> str:
    return "k" * 32


@pytest.mark.parametrize(
    "responder",
    [dripping_body, dripping_body_without_length, trickled_headers],
    ids=lambda responder: responder.__name__,
)
@pytest.mark.parametrize("signed", [False, True], ids=["unsigned", "signed"])
def test_a_dripping_answer_is_cut_at_the_deadline(
    responder: Callable[[SeenRequest], list[Step]], signed: bool, key: str
) -> None:
    with (
        HostileServer(responder) as server,
        WalletClient(server.url, MacAuth("x", key), timeout=DEADLINE_S) as api,
    ):
        call = (lambda: api.wallet_balance(14471)) if signed else api.server_time
        error, elapsed = timed(call)
    assert_cut_at_the_deadline(error, elapsed, server, DEADLINE_S)
    assert key not in str(error)


def test_a_drip_fed_tls_handshake_is_cut_at_the_deadline(hostile_pki: HostilePki) -> None:
    """A record header, then the record a byte a second: the handshake never times out."""
    script: list[Step] = [TLS_RECORD_HEADER, *drip(b"\x02" * DRIP_BYTES, 1.0)]
    with (
        HostileServer(never_answers, on_connect=script) as server,
        WalletClient(
            f"https://127.0.0.1:{server.port}/rest/v1",
            timeout=DEADLINE_S,
            ca_bundle=str(hostile_pki.ca_file),
        ) as api,
    ):
        error, elapsed = timed(api.server_time)
    assert server.accepted == 1
    assert_cut_at_the_deadline(error, elapsed, server, DEADLINE_S)


def test_a_silent_tls_handshake_is_cut_at_the_deadline_not_the_read_timeout(
    hostile_pki: HostilePki,
) -> None:
    """TCP accepted, then nothing: the deadline (2 s) ends it, not the 10 s read timeout."""
    with (
        HostileServer(never_answers, on_connect=[30.0]) as server,
        WalletClient(
            f"https://127.0.0.1:{server.port}/rest/v1",
            timeout=10.0,
            deadline=DEADLINE_S,
            ca_bundle=str(hostile_pki.ca_file),
        ) as api,
    ):
        error, elapsed = timed(api.server_time)
    assert server.accepted == 1
    assert_cut_at_the_deadline(error, elapsed, server, DEADLINE_S)


def test_a_drip_on_a_kept_alive_connection_is_cut_too(key: str) -> None:
    """The second request reuses the pooled connection: that one must be cut as well."""
    answered: list[int] = []

    def first_fine_then_dripping(request: SeenRequest) -> list[Step]:
        answered.append(1)
        if len(answered) == 1:
            return reply(200, {"time": 1700000000})
        return dripping_body(request)

    with (
        HostileServer(first_fine_then_dripping) as server,
        WalletClient(server.url, MacAuth("x", key), timeout=DEADLINE_S) as api,
    ):
        assert api.server_time() == 1700000000
        error, elapsed = timed(api.server_time)
    assert server.accepted == 1, "the second request was meant to reuse the connection"
    assert_cut_at_the_deadline(error, elapsed, server, DEADLINE_S)


def test_the_deadline_cuts_only_the_late_request_of_its_own_thread(key: str) -> None:
    """While one thread's request drips, other threads' requests go on and succeed."""

    def balances_drip(request: SeenRequest) -> list[Step]:
        if request.path.endswith("/balance"):
            return dripping_body(request)
        return reply(200, {"time": 1700000000})

    outcome: dict[str, object] = {}
    with (
        HostileServer(balances_drip) as server,
        WalletClient(server.url, MacAuth("x", key), timeout=DEADLINE_S) as api,
    ):

        def dripping() -> None:
            outcome["error"], outcome["elapsed"] = timed(lambda: api.wallet_balance(14471))

        worker = threading.Thread(target=dripping)
        worker.start()
        try:
            assert server.wait_for_requests(1, timeout=5)
            quick: list[int] = []
            ends = time.monotonic() + DEADLINE_S + 0.5
            while time.monotonic() < ends:  # back to back, across the other's deadline
                quick.append(api.server_time())
        finally:
            worker.join(timeout=DEADLINE_S + 5)
        assert not worker.is_alive()
    assert quick
    assert set(quick) == {1700000000}
    error, elapsed = outcome["error"], outcome["elapsed"]
    assert isinstance(error, WalletError)
    assert isinstance(elapsed, float)
    assert_cut_at_the_deadline(error, elapsed, server, DEADLINE_S)


def test_the_retry_after_invalid_timestamp_gets_a_fresh_deadline(key: str) -> None:
    """Each exchange takes 1.5 s of a 2 s deadline: together longer, each in time."""
    seen: list[str] = []

    def slow_then_refused_once(request: SeenRequest) -> list[Step]:
        seen.append(request.path)
        if len(seen) == 1:
            refusal = {"error": "invalid_timestamp", "error_description": "Timestamp expired"}
            return [1.5, *reply(401, refusal)]
        return [1.5, *reply(200, {"EUR": {"at_disposal": 100, "reserved": 0}})]

    resyncs: list[int] = []
    with (
        HostileServer(slow_then_refused_once) as server,
        WalletClient(
            server.url,
            MacAuth("x", key),
            timeout=10.0,
            deadline=DEADLINE_S,
            on_invalid_timestamp=lambda: resyncs.append(1),
        ) as api,
    ):
        started = time.monotonic()
        balances = api.wallet_balance(14471)
        elapsed = time.monotonic() - started
    assert set(balances) == {"EUR"}
    assert resyncs == [1]
    assert len(seen) == 2
    assert elapsed > DEADLINE_S  # longer than one deadline, and still not cut


def test_abort_during_a_drip_is_cancelled_not_timed_out(key: str) -> None:
    outcome: dict[str, object] = {}
    with (
        HostileServer(dripping_body) as server,
        WalletClient(server.url, MacAuth("x", key), timeout=DEADLINE_S) as api,
    ):

        def call() -> None:
            outcome["error"], outcome["elapsed"] = timed(api.server_time)

        worker = threading.Thread(target=call)
        worker.start()
        try:
            assert server.wait_for_requests(1, timeout=5)
            api.abort()
        finally:
            worker.join(timeout=DEADLINE_S + 5)
    error = outcome["error"]
    assert isinstance(error, TransportError)
    assert error.kind == "cancelled"
    assert isinstance(outcome["elapsed"], float)
    assert outcome["elapsed"] < DEADLINE_S


def test_close_ends_the_deadline_thread_and_the_client_still_works(key: str) -> None:
    with HostileServer(lambda request: reply(200, {"time": 1700000000})) as server:
        api = WalletClient(server.url, MacAuth("x", key), timeout=DEADLINE_S)
        try:
            assert api.server_time() == 1700000000
            api.close()
            assert not [t for t in threading.enumerate() if t.name == "wallet-api-deadline"]
            assert api.server_time() == 1700000000  # a new thread, on demand
        finally:
            api.close()
        assert not [t for t in threading.enumerate() if t.name == "wallet-api-deadline"]
    with pytest.raises(WalletError):
        WalletClient(server.url, deadline=0)


def test_the_watchdog_calls_only_what_expires_in_order_and_ends_when_idle() -> None:
    watchdog = Watchdog(name="test-deadline")
    called: list[str] = []
    try:
        late = watchdog.watch(0.2, lambda: called.append("late"))
        early = watchdog.watch(0.1, lambda: called.append("early"))
        cancelled = watchdog.watch(0.05, lambda: called.append("cancelled"))
        cancelled.cancel()
        time.sleep(0.4)
        assert called == ["early", "late"]
        assert early.expired
        assert late.expired
        assert not cancelled.expired
        assert len(watchdog) == 0
        time.sleep(0.5)  # nothing left to watch: the thread ended by itself
        assert not watchdog.running
    finally:
        watchdog.close()
    assert not [t for t in threading.enumerate() if t.name == "test-deadline"]
