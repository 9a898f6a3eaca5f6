"""The emulator's own promises: its clock, its Date header, its rate limit, its command line,
and a stop that leaves no thread or connection behind."""

from __future__ import annotations

import email.utils
import math
import os
import socket
import ssl
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
import requests
import trustme

from wallet_gui.api import ApiError, MacAuth, WalletClient
from wallet_gui.api.limits import RATE_LIMITS
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox
from wallet_gui.sandbox.routes import API_PREFIX


def test_date_header_comes_from_the_offset_clock() -> None:
    offset = 3 * 3600.0
    with Sandbox(offset=offset) as sandbox, requests.Session() as session:
        before = time.time() + offset
        response = session.get(sandbox.url + "/server", timeout=5)
        after = time.time() + offset
    date = email.utils.parsedate_to_datetime(response.headers["Date"]).timestamp()
    assert math.floor(before) <= date <= after
    assert response.json()["time"] <= date


@pytest.mark.parametrize("offset", [-42.5, 0.0, 17.25])
def test_server_time_is_the_floor_of_now_plus_offset(offset: float) -> None:
    with Sandbox(offset=offset) as sandbox, WalletClient(sandbox.url) as api:
        before = time.time()
        server_time = api.server_time()
        after = time.time()
    assert math.floor(before + offset) <= server_time <= math.floor(after + offset)


def test_server_time_floors_rather_than_rounds() -> None:
    with Sandbox(offset=-42.5, clock=lambda: 1_700_000_000.0) as sandbox:
        with WalletClient(sandbox.url) as api:
            assert api.server_time() == 1_699_999_957  # 1_699_999_957.5 floored
        with requests.Session() as session:
            date = session.get(sandbox.url + "/server", timeout=5).headers["Date"]
    assert email.utils.parsedate_to_datetime(date).timestamp() == 1_699_999_957


def test_rate_limit_answers_429_after_60_signed_requests_a_minute() -> None:
    with Sandbox() as sandbox:
        auth = MacAuth(DEMO_CLIENT_ID, sandbox.clients[DEMO_CLIENT_ID])
        with WalletClient(sandbox.url, auth) as api:
            for _ in range(60):
                api.client_info()
            assert api.server_time() > 0  # unsigned requests are not counted
            with pytest.raises(ApiError) as caught:
                api.client_info()
    error = caught.value
    assert error.status == 429
    assert error.error == "rate_limit_exceeded"
    assert error.is_rate_limited
    assert error.retry_after is not None
    assert 1 <= error.retry_after <= 60
    assert [r.status for r in sandbox.requests_to("/client")] == [200] * 60 + [429]


def test_rate_limit_can_be_switched_off() -> None:
    with Sandbox(rate_limit=False) as sandbox:
        auth = MacAuth(DEMO_CLIENT_ID, sandbox.clients[DEMO_CLIENT_ID])
        with WalletClient(sandbox.url, auth) as api:
            for _ in range(61):
                api.client_info()
    assert all(r.status == 200 for r in sandbox.records)


def test_emulator_serves_loopback_only() -> None:
    with pytest.raises(ValueError, match="loopback"):
        Sandbox(host="0.0.0.0")


def test_command_line_prints_its_url_and_working_credentials() -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "wallet_gui.sandbox", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    ) as process:
        try:
            assert process.stdout is not None
            lines = [process.stdout.readline() for _ in range(3)]
            banner, client_line, key_line = (line.strip() for line in lines)
            assert banner.startswith("Wallet API emulator at http://127.0.0.1:")
            url = banner.removeprefix("Wallet API emulator at ")
            assert url.endswith("/rest/v1")
            assert client_line == f"client id: {DEMO_CLIENT_ID}"
            key = key_line.removeprefix("MAC key:").strip()
            assert key_line.startswith("MAC key:")
            assert len(key) >= 16

            with WalletClient(url, MacAuth(DEMO_CLIENT_ID, key)) as api:
                assert api.client_info().title
                assert api.server_time() > 0
        finally:
            process.terminate()
            process.wait(timeout=10)
    assert process.returncode == 0


# -- closing leaves nothing behind -------------------------------------------------------------


def emulator_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("wallet-sandbox")]


def raw_request(sandbox: Sandbox, path: str = "/server") -> socket.socket:
    """Open a connection and send one keep-alive GET on it, without reading the answer."""
    connection = socket.create_connection(("127.0.0.1", sandbox.port), timeout=10)
    connection.sendall(
        f"GET {API_PREFIX}{path} HTTP/1.1\r\nHost: 127.0.0.1:{sandbox.port}\r\n\r\n".encode()
    )
    return connection


def arrival_signal(sandbox: Sandbox) -> threading.Event:
    """An event set when a request reaches the emulator (after the forward leg)."""
    arrived = threading.Event()
    take = sandbox.faults.take

    def signalling_take(path: str) -> tuple[str, dict[str, Any]] | None:
        arrived.set()
        return take(path)

    sandbox.faults.take = signalling_take  # type: ignore[method-assign]
    return arrived


def test_stop_ends_the_thread_of_an_idle_keep_alive_connection() -> None:
    with requests.Session() as session:
        sandbox = Sandbox().start()
        try:
            assert session.get(sandbox.url + "/server", timeout=5).status_code == 200
            # The answer came back: its handler now waits for the next request on the
            # connection, which the session keeps open.
            assert len(emulator_threads()) == 2  # the server's and the connection's
        finally:
            sandbox.stop()
        assert emulator_threads() == []


def test_stop_ends_a_keep_alive_tls_connection(tmp_path: Path) -> None:
    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    ca_file = str(tmp_path / "ca.pem")
    ca.cert_pem.write_to_path(ca_file)
    with requests.Session() as session:
        sandbox = Sandbox(ssl_context=context).start()
        try:
            response = session.get(sandbox.url + "/server", timeout=5, verify=ca_file)
            assert response.status_code == 200
            assert len(emulator_threads()) == 2  # the server's and the connection's
        finally:
            sandbox.stop()
        assert emulator_threads() == []


@pytest.mark.parametrize(
    ("latency", "fault"),
    [(4.0, None), (0.0, ("slow", {"seconds": 4.0}))],
    ids=["latency", "slow-fault"],
)
def test_stop_cuts_an_answer_in_flight_at_once(
    latency: float, fault: tuple[str, dict[str, Any]] | None
) -> None:
    # All the latency on the return leg: the request has been served and recorded, and
    # its answer is on its way back when the emulator stops.
    sandbox = Sandbox(latency=latency, forward_share=0.0).start()
    if fault is not None:
        sandbox.faults.add(fault[0], **fault[1])
    arrived = arrival_signal(sandbox)
    with raw_request(sandbox) as connection:
        try:
            assert arrived.wait(timeout=5)
        finally:
            started = time.monotonic()
            sandbox.stop()
            elapsed = time.monotonic() - started
        assert connection.recv(1024) == b""  # closed, with no answer
    assert emulator_threads() == []
    assert elapsed < 2.0  # well before the 4 s the answer would have taken


def test_stop_leaves_no_thread_while_connections_keep_arriving() -> None:
    sandbox = Sandbox().start()
    connections = [raw_request(sandbox) for _ in range(20)]
    try:
        sandbox.stop()
        assert emulator_threads() == []
    finally:
        for connection in connections:
            connection.close()


def test_stop_without_start_frees_the_port_and_the_emulator_stays_stopped() -> None:
    sandbox = Sandbox()
    sandbox.stop()
    assert emulator_threads() == []
    with socket.socket() as successor:
        successor.bind(("127.0.0.1", sandbox.port))
    with pytest.raises(RuntimeError, match="cannot be started again"):
        sandbox.start()


# -- rate limits ---------------------------------------------------------------------------------


def test_by_default_the_emulator_enforces_the_apis_published_limits() -> None:
    sandbox = Sandbox()
    try:
        assert sandbox.rate_limit
        assert sandbox.rate_limits == RATE_LIMITS
    finally:
        sandbox.stop()


def test_rate_limits_can_be_scaled_down_per_emulator() -> None:
    with Sandbox(rate_limits=((60.0, 3),)) as sandbox:
        auth = MacAuth(DEMO_CLIENT_ID, sandbox.clients[DEMO_CLIENT_ID])
        with WalletClient(sandbox.url, auth) as api:
            for _ in range(3):
                api.client_info()
            with pytest.raises(ApiError) as caught:
                api.client_info()
    assert caught.value.status == 429
    assert [r.status for r in sandbox.requests_to("/client")] == [200, 200, 200, 429]
