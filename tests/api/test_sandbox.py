"""The emulator's own promises: its clock, its Date header, its rate limit, its command line."""

from __future__ import annotations

import email.utils
import math
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from wallet_gui.api import ApiError, MacAuth, WalletClient
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox


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
