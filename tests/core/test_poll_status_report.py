"""A failing poll status carries the report its message repeats.

The window says a failure in its own language from the report's marked template; the
status's ``message`` stays the English line for the log, ``check`` and the exporter. These
use the errors the real client raises against the emulator.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from wallet_gui.api import MacAuth, WalletClient
from wallet_gui.api.errors import ResponseFormatError, WalletError
from wallet_gui.core.poll_policy import PollPolicy
from wallet_gui.core.reports import ErrorReport
from wallet_gui.core.state import PollState
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox


@dataclass(frozen=True)
class _Outcome:
    """One wallet's result, as ``round_finished`` reads it."""

    error: WalletError | None = None


@pytest.fixture
def not_json(sandbox: Sandbox) -> WalletError:
    """What the real client raises for a balance answered with something other than JSON."""
    sandbox.faults.add("invalid_json")
    auth = MacAuth(DEMO_CLIENT_ID, sandbox.clients[DEMO_CLIENT_ID])
    with WalletClient(sandbox.url, auth) as api, pytest.raises(WalletError) as caught:
        api.wallet_balance(14471)
    assert isinstance(caught.value, ResponseFormatError)
    assert caught.value.template is not None
    return caught.value


def test_a_round_where_every_wallet_failed_states_the_first_failure_with_its_report(
    not_json: WalletError,
) -> None:
    policy = PollPolicy(["14471", "20002"], 30.0)
    _, status = policy.round_finished([_Outcome(not_json), _Outcome(not_json)])
    assert status.state is PollState.FAILING
    assert status.message == str(not_json)
    assert status.report is not None
    assert status.report.message == str(not_json)
    assert status.report.template == not_json.template
    assert status.report.args == not_json.template_args


def test_a_round_with_some_failures_and_a_recovery_state_no_report(
    not_json: WalletError,
) -> None:
    policy = PollPolicy(["14471", "20002"], 30.0)
    _, partly = policy.round_finished([_Outcome(not_json), _Outcome()])
    assert partly.state is PollState.CONNECTED
    assert partly.message == "1 wallet(s) failed"
    assert partly.report is None
    policy.round_finished([_Outcome(not_json), _Outcome(not_json)])
    _, recovered = policy.round_finished([_Outcome(), _Outcome()])
    assert recovered.state is PollState.CONNECTED
    assert recovered.report is None
    assert recovered.message == ""


def test_a_failed_request_outside_a_round_states_its_report_until_the_state_moves_on(
    not_json: WalletError,
) -> None:
    policy = PollPolicy(["14471"], 30.0)
    report = ErrorReport.from_exception(not_json, "Configuration (GET /configuration)")
    status = policy.failed(report)
    assert status is not None
    assert status.state is PollState.FAILING
    assert status.report == report
    assert policy.status().report == report  # later statuses (a countdown) keep it
    assert policy.failed(report) is None  # already failing: no new status
    moved_on = policy.set_state(PollState.CONNECTING, "Measuring the clock…")
    assert moved_on.report is None
