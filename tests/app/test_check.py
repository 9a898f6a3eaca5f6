"""``wallet-gui check`` end to end against the emulator over real loopback HTTP."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from decimal import Decimal

import keyring
import keyring.backend
import keyring.backends.fail
import pytest

from wallet_gui import cli
from wallet_gui.commands.check_verdict import PluginState
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox


def run_check(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(["check", *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def skewed() -> Sandbox:
    with Sandbox(offset=-42.371, latency=0.04, jitter=0.002, seed=3) as server:
        yield server


def test_json_reports_a_skewed_clock_inside_its_interval_and_exits_1(
    skewed: Sandbox, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WALLET_GUI_MAC_KEY", skewed.clients[DEMO_CLIENT_ID])
    started = time.monotonic()
    status, out, err = run_check(
        capsys,
        "--base-url",
        skewed.url,
        "--client-id",
        DEMO_CLIENT_ID,
        "--wallet",
        "14471",
        "--wallet",
        "30003",
        "--json",
    )
    elapsed = time.monotonic() - started
    report = json.loads(out)
    assert status == PluginState.CRITICAL, err  # 42 s is beyond the default critical 5 s
    assert report["state"] == "CRITICAL"
    assert report["thresholds"]["warning"] == "1"
    assert report["thresholds"]["critical"] == "5"
    assert abs(report["offset_s"] - (-42.371)) <= report["uncertainty_s"] + 0.002
    # At 40 ms RTT the guaranteed half-width must approach RTT/2, far below a second.
    assert report["uncertainty_s"] < 0.08
    assert report["rtt_s"] >= 0.04
    assert report["samples"] >= 4
    assert report["errors"] == []
    assert report["configuration"]["minimum_password_length"] == 8
    assert report["balances"]["14471"]["EUR"] == {"at_disposal": "22.99", "reserved": "0.00"}
    assert report["balances"]["30003"]["EUR"] == {"at_disposal": "10.05", "reserved": None}
    assert Decimal(report["balances"]["30003"]["KWD"]["at_disposal"]) == Decimal("3.250")
    assert elapsed < 15


def test_small_offset_within_the_limit_exits_0_with_a_readable_summary(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with Sandbox(offset=0.25, latency=0.02) as server:
        status, out, err = run_check(capsys, "--base-url", server.url, "--max-offset", "1")
    assert status == PluginState.OK, err
    assert out.startswith("WALLET_API OK - offset 0.2")
    assert "'offset'=0.2" in out.splitlines()[0]  # perfdata, in seconds
    assert ";1;5;;" in out.splitlines()[0]  # with the warning and critical ranges
    assert "Clock offset   +0.2" in out
    assert "behind the server" in out


def test_signing_uses_the_corrected_clock_when_the_local_clock_is_minutes_off(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The emulator refuses timestamps more than 60 s off; its clock is 5 minutes ahead.
    with Sandbox(offset=300.4, latency=0.01) as server:
        monkeypatch.setenv("WALLET_GUI_MAC_KEY", server.clients[DEMO_CLIENT_ID])
        status, out, err = run_check(
            capsys,
            "--base-url",
            server.url,
            "--client-id",
            DEMO_CLIENT_ID,
            "--wallet",
            "14471",
            "--json",
            "--max-offset",
            "400",
            "-c",
            "500",
        )
        refused = [r for r in server.records if r.status == 401]
    assert status == PluginState.OK, err
    assert json.loads(out)["balances"]["14471"]["USD"]["reserved"] == "98.00"
    assert refused == []


def test_invalid_timestamp_triggers_one_remeasure_and_one_retry(
    sandbox: Sandbox,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv("WALLET_GUI_MAC_KEY", sandbox.clients[DEMO_CLIENT_ID])
    sandbox.faults.add("invalid_timestamp", path="/wallet/14471/balance", times=1)
    status, out, err = run_check(
        capsys,
        "--base-url",
        sandbox.url,
        "--client-id",
        DEMO_CLIENT_ID,
        "--wallet",
        "14471",
        "--json",
    )
    balance_requests = sandbox.requests_to("/wallet/14471/balance")
    assert status == PluginState.OK, err
    assert [r.status for r in balance_requests] == [401, 200]
    assert json.loads(out)["resyncs"] == 1
    assert "re-measuring the clock and retrying once" in caplog.text


def test_a_refused_retry_is_reported_and_not_retried_again(
    sandbox: Sandbox, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WALLET_GUI_MAC_KEY", sandbox.clients[DEMO_CLIENT_ID])
    sandbox.faults.add("invalid_timestamp", path="/wallet/14471/balance", times=None)
    status, out, _err = run_check(
        capsys,
        "--base-url",
        sandbox.url,
        "--client-id",
        DEMO_CLIENT_ID,
        "--wallet",
        "14471",
    )
    assert status == PluginState.CRITICAL
    assert len(sandbox.requests_to("/wallet/14471/balance")) == 2
    assert "invalid_timestamp (HTTP 401)" in out.splitlines()[0]


def test_api_errors_print_one_line_each_with_code_description_and_link(
    sandbox: Sandbox, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WALLET_GUI_MAC_KEY", sandbox.clients[DEMO_CLIENT_ID])
    sandbox.faults.add("forbidden", path="/wallet/20002/balance", times=None)
    status, out, err = run_check(
        capsys,
        "--base-url",
        sandbox.url,
        "--client-id",
        DEMO_CLIENT_ID,
        "--wallet",
        "20002",
        "--wallet",
        "999",
    )
    lines = [line for line in out.splitlines() if line.startswith("Problem ")]
    assert status == PluginState.CRITICAL
    assert out.startswith("WALLET_API CRITICAL - Balance of wallet")
    assert "(and 1 more)" in out.splitlines()[0]
    assert len(lines) == 2
    assert any(
        "forbidden (HTTP 403)" in line and "https://developers.paysera.com" in line
        for line in lines
    )
    assert any("not_found (HTTP 404)" in line for line in lines)
    assert "Traceback" not in out + err


def test_unreachable_server_is_one_error_line_and_exit_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with Sandbox() as server:
        url = server.url  # the port is free again once the emulator stops
    status, out, err = run_check(capsys, "--base-url", url, "--json")
    report = json.loads(out)
    assert status == PluginState.CRITICAL  # unreachable: CRITICAL, not UNKNOWN
    assert report["state"] == "CRITICAL"
    assert report["offset_s"] is None
    assert {e["kind"] for e in report["errors"]} == {"transport"}
    assert all("refused" in e["message"] for e in report["errors"])
    assert "Traceback" not in err


def test_missing_key_names_the_environment_variable_and_the_keyring(
    sandbox: Sandbox, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyring.core, "_keyring_backend", _EmptyKeyring())
    status, out, err = run_check(
        capsys, "--base-url", sandbox.url, "--client-id", DEMO_CLIENT_ID, "--wallet", "14471"
    )
    assert status == PluginState.UNKNOWN
    assert out.startswith("WALLET_API UNKNOWN - no MAC key")
    assert out.count("\n") == 1
    assert "WALLET_GUI_MAC_KEY" in err
    assert "keyring" in err
    assert err.count("\n") == 1


def test_no_keyring_backend_is_a_clear_error_with_exit_2(
    sandbox: Sandbox, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyring.core, "_keyring_backend", keyring.backends.fail.Keyring())
    status, out, err = run_check(
        capsys, "--base-url", sandbox.url, "--client-id", DEMO_CLIENT_ID, "--wallet", "14471"
    )
    assert status == PluginState.UNKNOWN
    assert "no usable OS keyring" in err
    assert "fail.Keyring" in err
    assert out.startswith("WALLET_API UNKNOWN - cannot read the secret")
    assert "Traceback" not in err


class _EmptyKeyring(keyring.backend.KeyringBackend):
    """A working keyring that simply holds no entry."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise NotImplementedError

    def delete_password(self, service: str, username: str) -> None:
        raise NotImplementedError


def test_verbose_output_never_contains_the_key(tmp_path, sandbox: Sandbox) -> None:  # type: ignore[no-untyped-def]
    key = sandbox.clients[DEMO_CLIENT_ID]
    env = {
        "WALLET_GUI_MAC_KEY": key,
        "HOME": str(tmp_path),
        "PATH": "/usr/bin:/bin",
        "QT_QPA_PLATFORM": "offscreen",
        "NO_PROXY": "127.0.0.1",
    }
    sandbox.faults.add("unauthorized", path="/wallet/14471/balance")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "wallet_gui",
            "check",
            "--base-url",
            sandbox.url,
            "--client-id",
            DEMO_CLIENT_ID,
            "--wallet",
            "14471",
            "--wallet",
            "20002",
            "-vv",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == PluginState.CRITICAL
    assert "DEBUG" in result.stderr  # verbose really logged
    assert key not in result.stdout + result.stderr
    assert 'mac="' not in result.stderr
