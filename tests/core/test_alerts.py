"""The alert engine on a virtual clock: each rule fires once, clears once, and notifies at most
once per ten minutes. No Qt here: this file also runs where PySide6 is not installed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from wallet_gui.api.models import CurrencyBalance, OtherParty, Statement
from wallet_gui.core.alert_rules import AlertRules, LowBalanceRule
from wallet_gui.core.alerts import AlertEngine, AlertEvent
from wallet_gui.core.reports import ErrorReport
from wallet_gui.core.state import ClockState, PollStatus, RoundResult, WalletBalances


class VirtualClock:
    def __init__(self, start: float = 1_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


TIMEOUT = ErrorReport("Balance of wallet 14471", "transport", "timed out after 10 s")
SERVER_ERROR = ErrorReport("Balance of wallet 14471", "api", "internal", status=503)
REFUSED = ErrorReport("Balance of wallet 14471", "api", "invalid_token", code="x", status=401)


def balances(amount: str, wallet: str = "14471", currency: str = "EUR") -> RoundResult:
    balance = CurrencyBalance(currency, Decimal(amount), Decimal(0))
    row = WalletBalances(wallet, balances={currency: balance}, updated_at=0.0)
    return RoundResult((row,), PollStatus("connected"))


def failed_round(report: ErrorReport = TIMEOUT) -> RoundResult:
    return RoundResult((WalletBalances("14471", error=report),), PollStatus("failing"))


def statement(id_: int, direction: str = "in", amount: str = "25.00") -> Statement:
    return Statement(
        id=id_, amount=Decimal(amount), currency="EUR", date=1_700_000_000 + id_,
        direction=direction, type="transfer", details="invoice 7",
        other_party=OtherParty("Ada Shop", None, None, None, ()),
    )  # fmt: skip


def engine(clock: VirtualClock, **rules: object) -> AlertEngine:
    return AlertEngine(AlertRules(**rules), clock=clock)  # type: ignore[arg-type]


LOW = (LowBalanceRule("14471", "EUR", Decimal("100.00")),)


def test_low_balance_fires_once_and_clears_once_with_exact_decimals() -> None:
    clock = VirtualClock()
    alerts = engine(clock, low_balances=LOW)
    assert alerts.observe_round(balances("100.00")) == []  # not below: equal is fine
    [fired] = alerts.observe_round(balances("99.99"))
    assert (fired.rule, fired.fired, fired.severity, fired.notify) == (
        "low_balance:14471:EUR", True, "warning", True,
    )  # fmt: skip
    assert "99.99 EUR" in fired.message
    assert "100.00 EUR" in fired.message
    assert fired.at == clock.now
    clock.advance(30)
    assert alerts.observe_round(balances("50")) == []  # still low: no second event
    assert alerts.worst() == "warning"
    assert alerts.active() == [fired]
    clock.advance(700)
    [cleared] = alerts.observe_round(balances("100.00"))
    assert (cleared.rule, cleared.fired, cleared.notify) == ("low_balance:14471:EUR", False, True)
    assert alerts.worst() == "ok"
    assert alerts.active() == []


def test_low_balance_ignores_other_wallets_failures_and_missing_currencies() -> None:
    alerts = engine(VirtualClock(), low_balances=LOW, api_failing_min=None)
    assert alerts.observe_round(balances("1", wallet="99999")) == []
    assert alerts.observe_round(balances("1", currency="USD")) == []
    assert alerts.observe_round(failed_round()) == []
    assert alerts.worst() == "ok"


def test_notifications_are_rate_limited_per_rule_but_events_still_come() -> None:
    clock = VirtualClock()
    alerts = engine(clock, low_balances=LOW, clock_offset_s=1.0)
    first = alerts.observe_round(balances("5"))
    clock.advance(60)
    cleared = alerts.observe_round(balances("500"))
    clock.advance(60)
    again = alerts.observe_round(balances("5"))
    # Another rule has its own allowance.
    offset = alerts.observe_clock(ClockState(offset=3.0))
    assert [e.notify for e in first + cleared + again] == [True, False, False]
    assert [e.fired for e in first + cleared + again] == [True, False, True]
    assert [(e.rule, e.notify) for e in offset] == [("clock_offset", True)]
    clock.advance(600 - 120)  # ten minutes after the last notification of this rule
    [back] = alerts.observe_round(balances("500"))
    assert back.notify


def test_clock_offset_rule_uses_the_absolute_offset_and_can_be_off() -> None:
    clock = VirtualClock()
    alerts = engine(clock)  # on by default at 1 s, like `check`
    assert alerts.observe_clock(ClockState()) == []  # not measured yet
    assert alerts.observe_clock(ClockState(offset=-0.999)) == []
    [fired] = alerts.observe_clock(ClockState(offset=-1.5))
    assert fired.fired
    assert fired.rule == "clock_offset"
    assert "1.500 s ahead of" in fired.message
    assert alerts.observe_clock(ClockState(offset=2.5)) == []
    [cleared] = alerts.observe_clock(ClockState(offset=0.2))
    assert not cleared.fired
    off = engine(clock, clock_offset_s=None)
    assert off.observe_clock(ClockState(offset=100.0)) == []


def test_api_failing_fires_after_n_minutes_of_outage_and_clears_on_first_success() -> None:
    clock = VirtualClock()
    alerts = engine(clock, api_failing_min=5.0)
    assert alerts.observe_round(failed_round()) == []
    clock.advance(120)
    assert alerts.observe_report(SERVER_ERROR) == []
    clock.advance(179)
    assert alerts.tick() == []  # 4 min 59 s
    clock.advance(1)
    [fired] = alerts.tick()
    assert (fired.rule, fired.fired, fired.severity) == ("api_failing", True, "critical")
    assert alerts.worst() == "critical"
    clock.advance(60)
    assert alerts.observe_round(failed_round()) == []
    assert alerts.tick() == []
    [cleared] = alerts.observe_round(balances("1000"))
    assert (cleared.rule, cleared.fired) == ("api_failing", False)
    assert alerts.worst() == "ok"


def test_a_success_or_a_refusal_restarts_the_outage_streak() -> None:
    clock = VirtualClock()
    alerts = engine(clock, api_failing_min=5.0)
    alerts.observe_report(TIMEOUT)
    clock.advance(240)
    assert alerts.observe_success() == []  # e.g. the configuration came back
    alerts.observe_report(TIMEOUT)
    clock.advance(240)
    assert alerts.tick() == []  # 8 minutes of failures in all, but not in a row
    alerts.observe_report(REFUSED)  # the API answered: it is not down
    clock.advance(600)
    assert alerts.tick() == []
    assert engine(clock, api_failing_min=None).observe_report(TIMEOUT) == []


def test_tick_takes_an_explicit_time_too() -> None:
    clock = VirtualClock()
    alerts = engine(clock, api_failing_min=1.0)
    alerts.observe_report(TIMEOUT)
    assert alerts.tick(clock.now + 59) == []
    assert [e.rule for e in alerts.tick(clock.now + 60)] == ["api_failing"]


def test_incoming_statements_after_the_first_look_each_make_an_event() -> None:
    clock = VirtualClock()
    alerts = engine(clock, incoming=True)
    assert alerts.observe_statements("14471", [statement(1), statement(2)]) == []  # baseline
    events = alerts.observe_statements(
        "14471", [statement(5, "out"), statement(4), statement(3), statement(2)]
    )
    assert [(e.rule, e.fired, e.notify) for e in events] == [
        ("incoming:14471", True, True), ("incoming:14471", True, False),
    ]  # fmt: skip
    assert "25.00 EUR" in events[0].title
    assert "Ada Shop" in events[0].message
    assert alerts.worst() == "ok"  # a transaction is news, not a state
    assert alerts.observe_statements("14471", [statement(4)]) == []  # seen


def test_incoming_rule_off_by_default() -> None:
    alerts = engine(VirtualClock())
    alerts.observe_statements("14471", [])
    assert alerts.observe_statements("14471", [statement(9)]) == []


def test_worst_prefers_critical_and_events_are_values() -> None:
    clock = VirtualClock()
    alerts = engine(clock, low_balances=LOW, api_failing_min=1.0)
    alerts.observe_round(balances("1"))
    alerts.observe_report(TIMEOUT)
    clock.advance(61)
    alerts.tick()
    assert alerts.worst() == "critical"
    assert [e.rule for e in alerts.active()] == ["low_balance:14471:EUR", "api_failing"]
    with pytest.raises(AttributeError):
        alerts.active()[0].fired = False  # type: ignore[misc]
    assert isinstance(alerts.active()[0], AlertEvent)


def test_edited_rules_end_the_alerts_of_rules_that_are_gone() -> None:
    clock = VirtualClock()
    alerts = engine(clock, low_balances=LOW)
    alerts.observe_round(balances("1"))
    alerts.observe_clock(ClockState(offset=5.0))
    assert alerts.set_rules(AlertRules(low_balances=LOW)) == []  # nothing removed
    [ended] = alerts.set_rules(AlertRules(clock_offset_s=1.0))
    assert (ended.rule, ended.fired, ended.notify) == ("low_balance:14471:EUR", False, False)
    assert [event.rule for event in alerts.active()] == ["clock_offset"]
    assert alerts.rules == AlertRules(clock_offset_s=1.0)
    assert alerts.observe_round(balances("1")) == []  # the rule is gone
