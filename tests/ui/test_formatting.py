"""Text formats of the window: offsets, money, times, configuration values."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest

from wallet_gui.core.state import ClockState
from wallet_gui.ui.formatting import (
    ClockLevel,
    clock_level,
    format_config_value,
    format_countdown,
    format_duration,
    format_local_time,
    format_money,
    format_offset,
    format_ppm,
)


@pytest.mark.parametrize(
    ("offset", "half_width", "expected"),
    [
        (-42.3714, 0.0123, "−42.371 s ± 0.012 s"),
        (1.5, 0.25, "+1.500 s ± 0.250 s"),
        (-3600.25, 0.5, "−3600.250 s ± 0.500 s"),
        (12345.6789, None, "+12345.679 s"),
        (-0.0004, 0.001, "0.000 s ± 0.001 s"),
    ],
)
def test_offset_has_sign_three_decimals_and_bound(
    offset: float, half_width: float | None, expected: str
) -> None:
    assert format_offset(offset, half_width) == expected


def test_negative_offset_uses_the_typographic_minus_not_a_hyphen() -> None:
    text = format_offset(-1.0, 0.1)
    assert text.startswith("\u2212")
    assert "-" not in text


def test_missing_offset_is_a_dash() -> None:
    assert format_offset(None) == "—"


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        ("1250.50", "EUR", "1,250.50 EUR"),
        ("15000", "JPY", "15,000 JPY"),
        ("3.250", "KWD", "3.250 KWD"),
        ("0.00", "EUR", "0.00 EUR"),
        ("-1234567.891", "BHD", "−1,234,567.891 BHD"),
        ("-0.00", "EUR", "0.00 EUR"),
        ("12345678901234567890.12", "EUR", "12,345,678,901,234,567,890.12 EUR"),
        ("1E+3", "JPY", "1,000 JPY"),
    ],
)
def test_money_keeps_the_decimal_scale_and_groups_thousands(
    amount: str, currency: str, expected: str
) -> None:
    assert format_money(Decimal(amount), currency) == expected


def test_money_never_goes_through_float() -> None:
    # 0.1 + 0.2 as floats would print 0.30000000000000004.
    assert format_money(Decimal("0.1") + Decimal("0.2"), "EUR") == "0.3 EUR"
    assert format_money(Decimal("9007199254740993.01"), "EUR") == "9,007,199,254,740,993.01 EUR"


def test_missing_amount_is_a_dash() -> None:
    assert format_money(None, "EUR") == "—"


def test_local_time_is_hours_minutes_seconds() -> None:
    wall = 1_700_000_000.0
    assert format_local_time(wall) == time.strftime("%H:%M:%S", time.localtime(wall))
    assert format_local_time(None) == "—"


def test_durations_below_a_second_are_milliseconds() -> None:
    assert format_duration(0.0382) == "38.2 ms"
    assert format_duration(1.25) == "1.250 s"


def test_drift_shows_sign_and_bound() -> None:
    assert format_ppm(-15.24, 3.1) == "−15.2 ppm ± 3.1 ppm"
    assert format_ppm(2.0) == "+2.0 ppm"


def test_countdown_never_goes_negative() -> None:
    assert format_countdown(24.6) == "in 25 s"
    assert format_countdown(125) == "in 2 min 05 s"
    assert format_countdown(-3) == "now"


def test_configuration_values_are_plain_text_or_compact_json() -> None:
    assert format_config_value("^LT[0-9]{18}$") == "^LT[0-9]{18}$"
    assert format_config_value(8) == "8"
    assert format_config_value(True) == "true"
    assert format_config_value({"a": [1, 2]}) == '{"a": [1, 2]}'
    assert format_config_value(None) == "—"


@pytest.mark.parametrize(
    ("state", "level"),
    [
        (ClockState(), ClockLevel.UNKNOWN),
        (ClockState(offset=-0.9, half_width=0.1), ClockLevel.FINE),
        (ClockState(offset=0.95, half_width=0.1), ClockLevel.RISKY),
        (ClockState(offset=-29.0, half_width=1.0), ClockLevel.RISKY),
        (ClockState(offset=29.5, half_width=1.0), ClockLevel.FAILING),
        (ClockState(offset=0.01, half_width=0.01, signatures_failing=True), ClockLevel.FAILING),
        (ClockState(signatures_failing=True), ClockLevel.FAILING),
    ],
)
def test_clock_level_thresholds_count_the_uncertainty(state: ClockState, level: ClockLevel) -> None:
    assert clock_level(state) is level


def test_a_stale_estimate_is_its_own_level_but_a_refusal_still_wins() -> None:
    measured = ClockState(offset=0.2, half_width=0.01)
    assert clock_level(measured, stale=True) is ClockLevel.STALE
    assert clock_level(ClockState(), stale=True) is ClockLevel.UNKNOWN
    refused = ClockState(offset=0.2, half_width=0.01, signatures_failing=True)
    assert clock_level(refused, stale=True) is ClockLevel.FAILING
