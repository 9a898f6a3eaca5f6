"""The Monitoring Plugins threshold range syntax, case by case from its definition."""

from __future__ import annotations

from decimal import Decimal

import pytest

from wallet_gui.commands.plugin_range import RangeError, ThresholdRange

CASES = [
    # range, values that alert, values that do not
    ("10", ["-0.001", "10.001", "11"], ["0", "5", "10"]),
    ("10:", ["9.999", "-1"], ["10", "1e9"]),
    ("~:10", ["10.5", "100"], ["-1e9", "10"]),
    ("10:20", ["9", "21"], ["10", "15", "20"]),
    ("@10:20", ["10", "15", "20"], ["9.99", "20.01"]),
    ("@~:0", ["-5", "0"], ["0.01"]),
    ("0.5", ["0.501", "-0.1"], ["0.5", "0"]),
]


@pytest.mark.parametrize(("text", "alerting", "quiet"), CASES)
def test_ranges_alert_exactly_as_the_guidelines_define(
    text: str, alerting: list[str], quiet: list[str]
) -> None:
    threshold = ThresholdRange.parse(text)
    assert [v for v in alerting if not threshold.alerts(Decimal(v))] == []
    assert [v for v in quiet if threshold.alerts(Decimal(v))] == []
    assert str(threshold) == text


def test_floats_are_compared_by_their_shortest_decimal_text() -> None:
    assert not ThresholdRange.parse("0.3").alerts(0.3)  # not 0.29999999999999998889…
    assert ThresholdRange.parse("0.3").alerts(0.30000001)


@pytest.mark.parametrize("text", ["", "@", "abc", "1:x", "5:1", "nan", "1:inf"])
def test_malformed_ranges_are_one_line_errors(text: str) -> None:
    with pytest.raises(RangeError) as raised:
        ThresholdRange.parse(text)
    assert "\n" not in str(raised.value)
