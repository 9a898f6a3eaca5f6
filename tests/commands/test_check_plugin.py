"""``wallet-gui check`` as a monitoring plugin: states, exit codes, ranges and perfdata."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from wallet_gui import __version__, cli
from wallet_gui.commands.check_verdict import PluginState
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox

#: 'label'=value[UOM];[warn];[crit];[min];[max], as the guidelines define one perfdata item.
PERFDATA_ITEM = re.compile(r"'[^']+'=-?\d+(\.\d+)?(s|%|B|c)?;[^; ]*;[^; ]*;[^; ]*;[^; ]*")


@pytest.fixture(scope="module")
def skewed() -> Iterator[Sandbox]:
    """An API whose clock is 2.5 s ahead: past the default warning, short of critical."""
    with Sandbox(offset=2.5, latency=0.005, seed=7) as server:
        yield server


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    status = cli.main(["check", *argv])
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), captured.err


def test_offset_past_the_default_warning_is_warning_with_perfdata(
    skewed: Sandbox, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WALLET_GUI_MAC_KEY", skewed.clients[DEMO_CLIENT_ID])
    status, out, err = run(
        capsys, "--base-url", skewed.url, "--client-id", DEMO_CLIENT_ID, "--wallet", "14471"
    )
    assert status == PluginState.WARNING == 1, err
    head, _, perfdata = out[0].partition(" | ")
    assert re.match(r"WALLET_API WARNING - clock offset \+2\.[45]\d\d s", head), head
    assert head.endswith("its size outside range 1")
    items = perfdata.split(" ")
    assert all(PERFDATA_ITEM.fullmatch(item) for item in items), items
    labels = [item.split("=")[0] for item in items]
    assert labels[:3] == ["'offset'", "'offset_uncertainty'", "'rtt'"]
    assert "'balance_14471_EUR'=22.99;;;;" in items
    assert err == ""


@pytest.mark.parametrize(
    ("thresholds", "state"),
    [
        (["-w", "3"], PluginState.OK),
        (["-w", "1", "-c", "2"], PluginState.CRITICAL),
        (["-w", "@2:3"], PluginState.WARNING),  # inside 2..3 warns
        (["--max-offset", "3"], PluginState.OK),  # the old spelling of -w
    ],
)
def test_offset_ranges_follow_the_range_syntax(
    thresholds: list[str],
    state: PluginState,
    skewed: Sandbox,
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "--base-url", skewed.url, *thresholds)
    assert status == state, (out, err)
    assert out[0].startswith(f"WALLET_API {state.name} - ")


def test_balance_thresholds_per_wallet_and_currency(
    skewed: Sandbox, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WALLET_GUI_MAC_KEY", skewed.clients[DEMO_CLIENT_ID])
    status, out, _ = run(
        capsys,
        "--base-url",
        skewed.url,
        "--client-id",
        DEMO_CLIENT_ID,
        "--wallet",
        "14471",
        "-w",
        "10",
        "--balance-warning",
        "14471:EUR:100:",  # 22.99 EUR is below 100: warning
        "--balance-critical",
        "14471:EUR:10:",  # but not below 10
        "--balance-critical",
        "14471:USD:2:",  # 1.00 USD is below 2: critical
    )
    assert status == PluginState.CRITICAL
    assert out[0].startswith("WALLET_API CRITICAL - wallet 14471 USD 1.00 outside 2:")
    assert "'balance_14471_EUR'=22.99;100:;10:;;" in out[0]
    assert "Problem        wallet 14471 EUR 22.99 outside 100:" in out


def test_a_threshold_for_a_missing_currency_is_unknown(
    skewed: Sandbox, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WALLET_GUI_MAC_KEY", skewed.clients[DEMO_CLIENT_ID])
    status, out, _ = run(
        capsys,
        "--base-url",
        skewed.url,
        "--client-id",
        DEMO_CLIENT_ID,
        "--wallet",
        "14471",
        "-w",
        "10",
        "--balance-warning",
        "14471:JPY:1:",
    )
    assert status == PluginState.UNKNOWN
    assert out[0].startswith("WALLET_API UNKNOWN - no JPY balance in wallet 14471")


@pytest.mark.parametrize(
    "argv",
    [["-w", "abc"], ["--balance-warning", "14471:EURO"], ["-t", "0"], ["--no-such-option"]],
)
def test_usage_errors_are_unknown_with_exit_3(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["check", *argv])
    out, err = capsys.readouterr()
    assert exited.value.code == PluginState.UNKNOWN == 3
    assert out.startswith("WALLET_API UNKNOWN - usage: ")
    assert out.count("\n") == 1
    assert "usage: wallet-gui check" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["check", "-V"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"wallet-gui {__version__}"
