"""Every fault of the emulator's catalogue through ``wallet-gui check``, in-process.

``check`` spends about five seconds on its clock burst per run, so the whole catalogue goes
through one run: one generated wallet per fault, each wallet's balance path answering with
its fault every time. The parametrized tests then read that run's output wallet by wallet.
``check`` has no timeout option; for the ``slow`` fault the run's ``Monitor`` gets a short
client timeout (the only change to ``check``), so a timeout costs two seconds, not ten.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.reliability.helpers import leaked_fragments, watch_arrivals
from wallet_gui import cli
from wallet_gui.commands.check_verdict import PluginState
from wallet_gui.sandbox import ALL_FAULTS, API_ERRORS, DEMO_CLIENT_ID, RequestRecord, Sandbox

#: The client timeout of the catalogue run, and how long the ``slow`` fault holds an answer.
CLIENT_TIMEOUT_S = 2.0
SLOW_FAULT_S = 5.0
#: Extra cases beyond one per fault name: (label, fault, times, params).
VARIANTS: tuple[tuple[str, str, int | None, dict[str, object]], ...] = (
    ("huge_body_chunked", "huge_body", None, {"declare_length": False}),
    ("redirect_same_origin_once", "redirect_same_origin", 1, {}),
)

#: Words each fault's one line must contain, beyond the API's own code and description.
#: API errors are checked against the catalogue's bodies (code, status, description).
EXPECTED_WORDS: dict[str, tuple[str, ...]] = {
    "html_502": ("http_502", "(HTTP 502)", "Bad Gateway"),
    "empty_500": ("http_500", "(HTTP 500)", "empty body"),
    "empty_503": ("http_503", "(HTTP 503)", "empty body"),
    "invalid_json": ("not JSON",),
    "wrong_shape": ("balance", "JSON object"),
    "wrong_types": ("balance",),
    "huge_body": ("too large", "not read"),
    "huge_body_chunked": ("exceeds", "reading stopped"),
    "redirect_other_host": ("another origin", "127.0.0.2", "not followed"),
    "redirect_same_origin": ("redirected a signed request", "not followed"),
    "reset": ("connection",),
    "close": ("connection",),
    "slow": ("within", f"{CLIENT_TIMEOUT_S:g} s"),
    "cached": ("balance",),
}

_PROBLEM = "Problem        "
_ERROR_LINE = re.compile(r"^Balance of wallet (\d+): (.+)$")


@dataclass(frozen=True)
class CatalogueRun:
    status: int
    out: str
    err: str
    key: str
    elapsed: float
    wallet_of: dict[str, str]  # case label → wallet id
    records: tuple[RequestRecord, ...]
    arrivals: tuple[str, ...]  # request paths as they reached the emulator
    peak_growth_kib: int | None  # peak RSS during the run above the RSS before it

    @property
    def problems(self) -> list[str]:
        """The plugin output's problem lines (on stdout), without their label."""
        return [
            line.removeprefix(_PROBLEM)
            for line in self.out.splitlines()
            if line.startswith(_PROBLEM)
        ]

    def lines_for(self, wallet_id: str) -> list[str]:
        return [line for line in self.problems if f"wallet {wallet_id}:" in line]

    def balance_lines_for(self, wallet_id: str) -> list[str]:
        return [line for line in self.out.splitlines() if line.startswith(f"Wallet {wallet_id} ")]


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise LookupError(field)


def reset_peak_rss() -> int | None:
    """Reset the kernel's peak-RSS mark (VmHWM); the RSS now, or None if not possible."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return None
    return _status_kib("VmRSS")


@pytest.fixture(scope="module")
def catalogue_run(tmp_path_factory: pytest.TempPathFactory) -> CatalogueRun:
    """One ``check`` run against wallets that each meet one fault of the catalogue."""
    home = tmp_path_factory.mktemp("catalogue-home")
    cases = [(name, name, None, {}) for name in ALL_FAULTS] + list(VARIANTS)
    with Sandbox(seed=7) as sandbox, pytest.MonkeyPatch.context() as patch:
        key = sandbox.clients[DEMO_CLIENT_ID]
        patch.setenv("HOME", str(home))
        patch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
        patch.setenv("WALLET_GUI_MAC_KEY", key)
        wallet_ids = [str(w) for w in sandbox.add_wallets(len(cases))]
        arrivals = watch_arrivals(sandbox)
        wallet_of: dict[str, str] = {}
        for (label, fault, times, params), wallet_id in zip(cases, wallet_ids, strict=True):
            if fault == "slow":
                params = {"seconds": SLOW_FAULT_S}
            sandbox.faults.add(fault, path=f"/wallet/{wallet_id}/balance", times=times, **params)
            wallet_of[label] = wallet_id
        # Each request may take half the check's deadline: the slow fault times out alone.
        argv = ["--base-url", sandbox.url, "--client-id", DEMO_CLIENT_ID]
        argv += ["-t", f"{2 * CLIENT_TIMEOUT_S:g}"]
        for wallet_id in [*wallet_ids, "14471", "30003"]:
            argv += ["--wallet", wallet_id]
        out, err = io.StringIO(), io.StringIO()
        rss_before = reset_peak_rss()
        started = time.monotonic()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = cli.main(["check", *argv])
        elapsed = time.monotonic() - started
        peak = _status_kib("VmHWM")
        peak_growth = None if rss_before is None else peak - rss_before
        records = tuple(sandbox.records)
    return CatalogueRun(
        status,
        out.getvalue(),
        err.getvalue(),
        key,
        elapsed,
        wallet_of,
        records,
        tuple(arrivals),
        peak_growth,
    )


def test_the_catalogue_run_exits_2_with_one_error_line_per_faulty_wallet(
    catalogue_run: CatalogueRun,
) -> None:
    run = catalogue_run
    failing = set(run.wallet_of.values())  # a signed request follows no redirect at all
    lines = run.problems
    assert run.status == PluginState.CRITICAL
    assert run.err == ""
    assert all(_ERROR_LINE.match(line) for line in lines), lines
    assert sorted(_ERROR_LINE.match(line).group(1) for line in lines) == sorted(failing)  # type: ignore[union-attr]
    assert run.out.startswith("WALLET_API CRITICAL - Balance of wallet ")
    # Every fault was really met (the slow one is recorded only once its wait is over),
    # and the slow one did not hold the run for its full wait.
    met = {r.fault for r in run.records if r.fault}
    assert met >= set(ALL_FAULTS) - {"slow"}
    assert f"/rest/v1/wallet/{run.wallet_of['slow']}/balance" in run.arrivals
    assert run.elapsed < 15


def test_the_catalogue_run_never_shows_a_traceback_or_the_key(catalogue_run: CatalogueRun) -> None:
    text = catalogue_run.out + catalogue_run.err
    assert "Traceback" not in text
    assert leaked_fragments(text, catalogue_run.key) == []
    assert 'mac="' not in text


@pytest.mark.parametrize("fault", ALL_FAULTS + tuple(label for label, *_ in VARIANTS[:1]))
def test_each_fault_gives_one_readable_line_with_the_servers_code_and_description(
    catalogue_run: CatalogueRun, fault: str
) -> None:
    wallet_id = catalogue_run.wallet_of[fault]
    lines = catalogue_run.lines_for(wallet_id)
    assert len(lines) == 1, lines
    line = lines[0]
    assert line.startswith(f"Balance of wallet {wallet_id}: ")
    assert line.isprintable(), repr(line)  # no control characters, no terminal escapes
    assert len(line) < 400
    assert "<" not in line, line  # no raw HTML
    assert "&lt;" not in line, line  # nor escaped HTML
    if fault in API_ERRORS:
        status, body = API_ERRORS[fault]
        assert f"{body['error']} (HTTP {status})" in line
        if "error_description" in body:
            assert body["error_description"] in line
    for word in EXPECTED_WORDS.get(fault, ()):
        assert word in line, (word, line)
    # The wallet's balances were not printed as if they had been read.
    assert catalogue_run.balance_lines_for(wallet_id) == []


def test_a_javascript_error_uri_is_text_and_never_a_link(catalogue_run: CatalogueRun) -> None:
    bad = catalogue_run.lines_for(catalogue_run.wallet_of["forbidden_bad_link"])[0]
    good = catalogue_run.lines_for(catalogue_run.wallet_of["forbidden"])[0]
    assert "https://developers.paysera.com/en/wallet/" in good
    text = catalogue_run.out + catalogue_run.err
    # Shown, if at all, as plain text: no terminal hyperlink (OSC 8), no markup anchor.
    assert "\x1b" not in text
    assert "href" not in text.lower()
    assert "<a " not in text
    assert "No rights for this wallet" in bad


def test_a_signed_request_follows_no_redirect_even_to_its_own_origin(
    catalogue_run: CatalogueRun,
) -> None:
    for label in ("redirect_same_origin_once", "redirect_same_origin"):
        wallet_id = catalogue_run.wallet_of[label]
        assert len(catalogue_run.lines_for(wallet_id)) == 1, label
        assert catalogue_run.balance_lines_for(wallet_id) == [], label
        requests = [r for r in catalogue_run.records if f"/wallet/{wallet_id}/" in r.path]
        assert len(requests) == 1, label  # the signature went to that one address only


def test_huge_bodies_are_refused_while_streaming_and_memory_stays_flat(
    catalogue_run: CatalogueRun,
) -> None:
    # A declared 200 MB body and a chunked one of the same size: both refused, and the
    # process's peak memory during the whole run stayed far below one such body.
    for label in ("huge_body", "huge_body_chunked"):
        assert len(catalogue_run.lines_for(catalogue_run.wallet_of[label])) == 1
    if catalogue_run.peak_growth_kib is None:
        pytest.skip("this kernel does not let a process reset its peak-RSS mark")
    assert catalogue_run.peak_growth_kib < 30 * 1024, catalogue_run.peak_growth_kib


def test_the_unknown_configuration_field_is_shown_in_the_summary(
    catalogue_run: CatalogueRun,
) -> None:
    assert 'sandbox_notice = "served by the wallet-gui emulator"' in catalogue_run.out


def test_missing_optional_fields_and_unknown_extra_fields_are_not_errors(
    sandbox: Sandbox, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    key = sandbox.clients[DEMO_CLIENT_ID]
    monkeypatch.setenv("WALLET_GUI_MAC_KEY", key)
    # Fields a newer API might add: inside a balance entry and in the configuration.
    sandbox.balances[14471]["EUR"]["frozen_decimal"] = "0.00"
    sandbox.balances[14471]["EUR"]["labels"] = ["main", {"nested": True}]
    sandbox.configuration["future_setting"] = {"enabled": True, "limits": [1, 2]}
    status = cli.main(
        [
            "check",
            "--base-url",
            sandbox.url,
            "--client-id",
            DEMO_CLIENT_ID,
            "--wallet",
            "30003",
            "--wallet",
            "14471",
            "--json",
        ]
    )
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert status == PluginState.OK, captured.err
    assert captured.err == ""
    assert report["errors"] == []
    # 30003 has no reserved amounts and a balance given only in minor units: fine.
    assert report["balances"]["30003"]["EUR"] == {"at_disposal": "10.05", "reserved": None}
    assert report["balances"]["30003"]["KWD"]["at_disposal"] == "3.250"
    assert report["balances"]["14471"]["EUR"] == {"at_disposal": "22.99", "reserved": "0.00"}
    assert report["configuration"]["sandbox_notice"] == "served by the wallet-gui emulator"
    assert report["configuration"]["future_setting"] == {"enabled": True, "limits": [1, 2]}
    assert leaked_fragments(captured.out + captured.err, key) == []


def test_check_without_verbose_prints_its_result_on_stdout_and_nothing_on_stderr(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    sandbox.faults.add("invalid_timestamp", path="/wallet/14471/balance", times=None)
    sandbox.faults.add("html_502", path="/wallet/20002/balance", times=None)
    env = {
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / ".config"),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "QT_QPA_PLATFORM": "offscreen",
        "NO_PROXY": "127.0.0.1,localhost",
        "WALLET_GUI_MAC_KEY": sandbox.clients[DEMO_CLIENT_ID],
    }
    result = subprocess.run(
        [
            *(sys.executable, "-m", "wallet_gui", "check", "--base-url", sandbox.url),
            *("--client-id", DEMO_CLIENT_ID, "--wallet", "14471", "--wallet", "20002"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    lines = result.stdout.splitlines()
    assert result.returncode == PluginState.CRITICAL
    assert lines[0].startswith("WALLET_API CRITICAL - ")
    assert any("invalid_timestamp (HTTP 401)" in line for line in lines)
    assert any("http_502 (HTTP 502)" in line for line in lines)
    assert result.stderr == ""  # no log lines without -v
    assert len([line for line in lines if line.startswith(_PROBLEM)]) == 2
