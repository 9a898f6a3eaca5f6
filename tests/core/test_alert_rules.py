"""Alert rules as text: the form's low-balance line and the values stored in the profile INI."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from wallet_gui.core.alert_rules import (
    AlertRules,
    AlertRulesError,
    LowBalanceRule,
    format_low_balances,
    parse_low_balances,
    rules_from_values,
    rules_to_values,
)
from wallet_gui.core.profiles import ProfileStore


def test_defaults_are_the_issues() -> None:
    assert rules_from_values({}) == AlertRules()
    assert AlertRules() == AlertRules((), 1.0, 5.0, False)


def test_low_balances_parse_exactly_and_format_back() -> None:
    rules = parse_low_balances(" 14471 eur 100.10;14472 USD 5\n 14471 EUR 0.000001 ,")
    assert rules == (
        LowBalanceRule("14471", "EUR", Decimal("0.000001")),  # the later one for EUR wins
        LowBalanceRule("14472", "USD", Decimal("5")),
    )
    assert format_low_balances(rules) == "14471 EUR 0.000001; 14472 USD 5"
    assert parse_low_balances(format_low_balances(rules)) == rules
    assert parse_low_balances("  ") == ()


@pytest.mark.parametrize("text", ["14471 EUR", "EUR 14471 5", "14471 EURO 5", "1 EUR 1e3"])
def test_a_bad_low_balance_rule_is_named(text: str) -> None:
    with pytest.raises(AlertRulesError, match="is not a low-balance rule"):
        parse_low_balances(f"14472 USD 5; {text}")


def test_values_round_trip() -> None:
    rules = AlertRules(
        low_balances=(LowBalanceRule("1", "EUR", Decimal("12.345")),),
        clock_offset_s=0.25,
        api_failing_min=None,
        incoming=True,
    )
    values = rules_to_values(rules)
    assert values == {
        "low_balances": "1 EUR 12.345",
        "clock_offset_s": "0.25",
        "api_failing_min": "off",
        "incoming": "true",
    }
    assert rules_from_values(values) == rules
    assert rules_to_values(AlertRules())["clock_offset_s"] == "1"


def test_unreadable_values_fall_back_to_defaults_one_by_one() -> None:
    rules = rules_from_values(
        {
            "low_balances": "garbage",
            "clock_offset_s": "-3",
            "api_failing_min": "nan",
            "incoming": "maybe",
        }
    )
    assert rules == AlertRules()
    assert rules_from_values({"clock_offset_s": "OFF", "incoming": "yes"}) == AlertRules(
        clock_offset_s=None, incoming=True
    )


# -- stored per profile in the settings file (core/profiles.py) ----------------------------

LEGACY = b'[profiles]\nshop\\auth_method=mac\nshop\\client_id=abc\nshop\\wallet_ids="14471,20002"\n'


def test_a_profile_saved_before_alerts_existed_gets_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "wallet-gui.ini"
    path.write_bytes(LEGACY)
    store = ProfileStore(path)
    assert store.load_alert_rules("shop") == AlertRules()
    assert store.load_alert_rules("no such profile") == AlertRules()


def test_rules_are_stored_per_profile_and_survive_saving_the_profile(tmp_path: Path) -> None:
    path = tmp_path / "wallet-gui.ini"
    path.write_bytes(LEGACY)
    store = ProfileStore(path)
    rules = AlertRules(
        low_balances=(LowBalanceRule("14471", "EUR", Decimal("100.50")),),
        clock_offset_s=None,
        api_failing_min=2.5,
        incoming=True,
    )
    store.save_alert_rules("shop", rules)
    text = path.read_bytes()
    assert b"shop\\alerts\\low_balances=14471 EUR 100.50\n" in text
    assert b"shop\\alerts\\clock_offset_s=off\n" in text
    store.save(store.load("shop"))  # type: ignore[arg-type]  # the dialog saves the profile
    assert ProfileStore(path).load_alert_rules("shop") == rules
    assert ProfileStore(path).load_alert_rules("other") == AlertRules()
    assert store.load("shop") is not None
    assert store.names() == ["shop"]
    store.save_alert_rules("shop", AlertRules())
    assert store.load_alert_rules("shop") == AlertRules()
    store.delete("shop")
    assert b"alerts" not in path.read_bytes()
