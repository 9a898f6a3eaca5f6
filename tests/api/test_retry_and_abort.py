"""The one-retry rule after ``invalid_timestamp``, the never-sleep rule, and ``abort()``."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable

import pytest

from wallet_gui.api import ApiError, MacAuth, TransportError, WalletClient, WalletError
from wallet_gui.api.transport import SocketRegistry
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox

SKEW = 300.0  # five minutes: far outside the emulator's 60 s window


class SkewedClock:
    """A clock five minutes behind until ``fix()`` is called (what a re-measurement does)."""

    def __init__(self) -> None:
        self.offset = -SKEW
        self.fixes = 0

    def __call__(self) -> float:
        return time.time() + self.offset

    def fix(self) -> None:
        self.fixes += 1
        self.offset = 0.0

    def fail_to_fix(self) -> None:
        self.fixes += 1


@pytest.fixture
def skewed() -> SkewedClock:
    return SkewedClock()


@pytest.fixture
def skewed_auth(demo_key: str, skewed: SkewedClock) -> MacAuth:
    return MacAuth(DEMO_CLIENT_ID, demo_key, clock=skewed)


def statuses(sandbox: Sandbox, path: str) -> list[int]:
    return [record.status for record in sandbox.requests_to(path)]


def test_invalid_timestamp_calls_back_once_and_retries_once(
    sandbox: Sandbox, skewed_auth: MacAuth, skewed: SkewedClock
) -> None:
    with WalletClient(sandbox.url, skewed_auth, on_invalid_timestamp=skewed.fix) as api:
        wallet = api.wallet(14471)
    assert wallet.id == 14471
    assert skewed.fixes == 1
    assert statuses(sandbox, "/wallet/") == [401, 200]


def test_retry_also_refused_raises_after_a_single_callback(
    sandbox: Sandbox, skewed_auth: MacAuth, skewed: SkewedClock
) -> None:
    with (
        WalletClient(sandbox.url, skewed_auth, on_invalid_timestamp=skewed.fail_to_fix) as api,
        pytest.raises(ApiError) as caught,
    ):
        api.wallet_balance(14471)
    assert caught.value.is_invalid_timestamp
    assert skewed.fixes == 1
    assert statuses(sandbox, "/balance") == [401, 401]


def test_persistent_invalid_timestamp_fault_is_retried_only_once(
    client: WalletClient, sandbox: Sandbox
) -> None:
    calls: list[None] = []
    client.on_invalid_timestamp = lambda: calls.append(None)
    sandbox.faults.add("invalid_timestamp", times=None)
    with pytest.raises(ApiError) as caught:
        client.client_info()
    assert caught.value.error == "invalid_timestamp"
    assert len(calls) == 1
    assert len(sandbox.requests_to("/client")) == 2


def test_without_callback_there_is_no_retry(sandbox: Sandbox, skewed_auth: MacAuth) -> None:
    with WalletClient(sandbox.url, skewed_auth) as api, pytest.raises(ApiError) as caught:
        api.wallet(14471)
    assert caught.value.is_invalid_timestamp
    assert statuses(sandbox, "/wallet/") == [401]


def test_failing_callback_surfaces_the_original_error(
    sandbox: Sandbox, skewed_auth: MacAuth
) -> None:
    def resync() -> None:
        raise TransportError("server unreachable", kind="connection")

    with (
        WalletClient(sandbox.url, skewed_auth, on_invalid_timestamp=resync) as api,
        pytest.raises(ApiError) as caught,
    ):
        api.wallet(14471)
    assert caught.value.is_invalid_timestamp
    assert statuses(sandbox, "/wallet/") == [401]


@pytest.mark.parametrize("path", ["/server", "/configuration"])
def test_unsigned_requests_never_retry(client: WalletClient, sandbox: Sandbox, path: str) -> None:
    calls: list[None] = []
    client.on_invalid_timestamp = lambda: calls.append(None)
    sandbox.faults.add("invalid_timestamp", path=path, times=None)
    with pytest.raises(ApiError):
        client.server_time() if path == "/server" else client.configuration()
    assert calls == []
    assert len(sandbox.requests_to(path)) == 1


@pytest.mark.parametrize("fault", ["unauthorized", "internal_server_error", "empty_503"])
def test_other_errors_never_retry(client: WalletClient, sandbox: Sandbox, fault: str) -> None:
    calls: list[None] = []
    client.on_invalid_timestamp = lambda: calls.append(None)
    sandbox.faults.add(fault, times=None)
    with pytest.raises(ApiError):
        client.wallet(14471)
    assert calls == []
    assert len(sandbox.requests_to("/wallet/")) == 1


@pytest.fixture
def sleeps_on_this_thread(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every ``time.sleep`` made by the calling thread (the emulator's own threads may sleep)."""
    caller = threading.current_thread()
    real_sleep = time.sleep
    calls: list[float] = []

    def spy(seconds: float) -> None:
        if threading.current_thread() is caller:
            calls.append(seconds)
        real_sleep(seconds)

    monkeypatch.setattr(time, "sleep", spy)
    return calls


def test_client_never_sleeps_on_retry_after_or_retry(
    sandbox: Sandbox, skewed_auth: MacAuth, skewed: SkewedClock, sleeps_on_this_thread: list[float]
) -> None:
    sandbox.faults.add("rate_limit_exceeded", retry_after=30)
    sandbox.faults.add("empty_503", retry_after=20)
    started = time.monotonic()
    with WalletClient(sandbox.url, skewed_auth, on_invalid_timestamp=skewed.fix) as api:
        with pytest.raises(ApiError) as limited:
            api.wallet(14471)
        with pytest.raises(ApiError) as unavailable:
            api.wallet(14471)
        assert api.wallet(14471).id == 14471  # the invalid_timestamp retry path
    assert limited.value.retry_after == 30.0
    assert unavailable.value.retry_after == 20.0
    assert skewed.fixes == 1
    assert sleeps_on_this_thread == []
    assert time.monotonic() - started < 5


# -- abort ----------------------------------------------------------------------------------------


def wait_until_connected(api: WalletClient, deadline: float = 5.0) -> bool:
    """True once the client has an open socket (the request is in flight)."""
    end = time.monotonic() + deadline
    ready = threading.Event()
    while time.monotonic() < end:
        if len(api._adapter._sockets) > 0:
            return True
        ready.wait(0.005)
    return False


def test_abort_from_another_thread_cancels_a_request_in_flight(
    demo_key: str, assert_clean: Callable[..., None]
) -> None:
    with Sandbox(latency=5.0, clients={DEMO_CLIENT_ID: demo_key}) as slow:
        api = WalletClient(slow.url, MacAuth(DEMO_CLIENT_ID, demo_key), timeout=30)
        aborted_at: list[float] = []

        def abort_when_in_flight() -> None:
            if wait_until_connected(api):
                aborted_at.append(time.monotonic())
                api.abort()

        aborter = threading.Thread(target=abort_when_in_flight)
        started = time.monotonic()
        aborter.start()
        try:
            with pytest.raises(TransportError) as caught:
                api.wallet(14471)
            finished = time.monotonic()
            aborter.join(timeout=5)
            assert aborted_at, "the request never got a connection"
            assert caught.value.kind == "cancelled"
            assert finished - aborted_at[0] < 1.0
            assert finished - started < 2.0
            assert_clean(caught.value, demo_key)
            assert api.aborted

            # Later requests fail at once, without touching the network.
            again = time.monotonic()
            with pytest.raises(TransportError) as later:
                api.server_time()
            assert later.value.kind == "cancelled"
            assert time.monotonic() - again < 0.1
        finally:
            api.close()


def test_close_shuts_idle_connections_even_while_an_error_is_kept(
    sandbox: Sandbox, mac_auth: MacAuth, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An error's traceback reaches the response and its pool; close() must not wait for it."""
    opened: list[socket.socket] = []
    register = SocketRegistry.add

    def spy(registry: SocketRegistry, sock: socket.socket) -> None:
        opened.append(sock)
        register(registry, sock)

    monkeypatch.setattr(SocketRegistry, "add", spy)
    sandbox.faults.add("not_found")
    api = WalletClient(sandbox.url, mac_auth)
    with pytest.raises(ApiError) as caught:
        api.wallet(14471)
    api.close()
    assert opened, "the request never opened a connection"
    assert [sock.fileno() for sock in opened] == [-1] * len(opened), "a socket outlived close()"
    assert caught.value.status == 404  # still held here, with its traceback


def test_requests_after_abort_fail_at_once_and_send_nothing(
    client: WalletClient, sandbox: Sandbox
) -> None:
    assert client.server_time() > 0
    client.abort()
    for call in (client.server_time, client.configuration, lambda: client.wallet(14471)):
        started = time.monotonic()
        with pytest.raises(WalletError) as caught:
            call()
        assert isinstance(caught.value, TransportError)
        assert caught.value.kind == "cancelled"
        assert time.monotonic() - started < 0.1
    assert len(sandbox.records) == 1


def test_abort_cancels_a_stalled_tls_handshake(assert_clean: Callable[..., None]) -> None:
    """A host that accepts TCP but never answers the TLS hello must not hold up shutdown."""
    outcome: dict[str, object] = {}
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(5)
        api = WalletClient(f"https://127.0.0.1:{listener.getsockname()[1]}/rest/v1", timeout=10)

        def call() -> None:
            try:
                api.server_time()
            except WalletError as error:
                outcome["error"] = error
            outcome["finished"] = time.monotonic()

        worker = threading.Thread(target=call)
        worker.start()
        try:
            connection, _ = listener.accept()
            with connection:
                connection.settimeout(5)
                assert connection.recv(1), "expected the client's TLS hello"
                aborted_at = time.monotonic()
                api.abort()
                worker.join(timeout=1.5)
                assert not worker.is_alive(), "abort() did not interrupt the handshake"
        finally:
            worker.join(timeout=15)
            api.close()
    error = outcome["error"]
    assert isinstance(error, TransportError)
    assert error.kind == "cancelled"
    assert float(outcome["finished"]) - aborted_at < 1.0  # type: ignore[arg-type]
    assert_clean(error)
