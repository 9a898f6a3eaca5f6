"""The clock chart's axis arithmetic: round, distinct time labels and a zoom that fits."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wallet_gui.ui.chart_scale import (
    TIME_STEPS,
    band_limits,
    nice_step,
    shown_times,
    time_scale,
    value_scale,
)

T0 = 1_700_000_000.0  # 22:13:20 UTC
#: strftime for each QDateTime format the time axis uses (UTC here: utc_offset is 0).
STRFTIME = {
    "HH:mm:ss": "%H:%M:%S",
    "HH:mm": "%H:%M",
    "d MMM HH:mm:ss": "%d %b %H:%M:%S",
    "d MMM HH:mm": "%d %b %H:%M",
    "d MMM": "%d %b",
}


def labels(first: float, last: float, max_ticks: int = 6) -> list[str]:
    scale = time_scale(first, last, max_ticks=max_ticks)
    return [time.strftime(STRFTIME[scale.label_format], time.gmtime(t)) for t in scale.ticks]


def test_a_burst_two_seconds_long_gets_distinct_second_labels() -> None:
    scale = time_scale(T0, T0 + 2)
    # Widened to the minimum span, back from the newest point (which stays at the right).
    assert (scale.start, scale.end) == (T0 + 2 - 60, T0 + 2)
    assert scale.label_format == "HH:mm:ss"
    assert labels(T0, T0 + 2) == [
        "22:12:30",
        "22:12:40",
        "22:12:50",
        "22:13:00",
        "22:13:10",
        "22:13:20",
    ]


def test_five_minutes_are_labelled_on_whole_minutes_without_seconds() -> None:
    scale = time_scale(T0, T0 + 300)
    assert scale.step == 60
    assert scale.label_format == "HH:mm"
    assert (scale.start, scale.end) == (T0, T0 + 300)
    assert labels(T0, T0 + 300) == ["22:14", "22:15", "22:16", "22:17", "22:18"]


def test_more_than_a_day_shows_the_day_too() -> None:
    scale = time_scale(T0, T0 + 30 * 3600)
    assert scale.label_format.startswith("d MMM")


def test_ticks_fall_on_round_local_times() -> None:
    offset = 5.5 * 3600  # India: local hours are half past UTC hours
    scale = time_scale(T0, T0 + 6 * 3600, utc_offset=offset)
    assert all((tick + offset) % scale.step == 0 for tick in scale.ticks)


@given(
    start=st.floats(min_value=1e9, max_value=2e9),
    span=st.floats(min_value=0.0, max_value=40 * 86400),
    max_ticks=st.integers(min_value=2, max_value=10),
)
def test_labels_are_distinct_round_and_at_most_max_ticks(
    start: float, span: float, max_ticks: int
) -> None:
    scale = time_scale(start, start + span, max_ticks=max_ticks)
    shown = labels(start, start + span, max_ticks)
    assert len(shown) == len(set(shown))
    assert len(shown) <= max_ticks
    assert scale.start <= start
    assert scale.end >= start + span
    assert all(scale.start <= tick <= scale.end for tick in scale.ticks)
    assert scale.step in TIME_STEPS or scale.step % TIME_STEPS[-1] == 0


@pytest.mark.parametrize(
    ("rough", "step"), [(0.0123, 0.02), (0.05, 0.05), (0.3, 0.5), (7.0, 10.0), (1.0, 1.0)]
)
def test_nice_steps_are_one_two_or_five_times_a_power_of_ten(rough: float, step: float) -> None:
    assert nice_step(rough) == pytest.approx(step)


def test_a_steady_band_fills_the_offset_axis() -> None:
    scale = value_scale(0.011 - 0.07, 0.011 + 0.07)
    assert scale.high - scale.low == pytest.approx(0.14 * 1.2)
    assert scale.decimals == 2
    assert 2 <= scale.ticks <= 6


def test_the_offset_axis_is_never_narrower_than_the_minimum_span() -> None:
    scale = value_scale(0.5, 0.5)
    assert scale.high - scale.low == pytest.approx(0.02)
    assert scale.low < 0.5 < scale.high
    assert scale.decimals == 3


@given(
    low=st.floats(min_value=-1e4, max_value=1e4),
    span=st.floats(min_value=0.0, max_value=1e3),
    max_ticks=st.integers(min_value=2, max_value=8),
)
def test_value_scales_cover_the_data_with_few_round_ticks(
    low: float, span: float, max_ticks: int
) -> None:
    scale = value_scale(low, low + span, max_ticks=max_ticks)
    assert scale.low <= low
    assert scale.high >= low + span
    assert scale.high - scale.low >= 0.02 - 1e-12
    assert 1 <= scale.ticks <= max_ticks


def test_a_burst_of_wide_bands_does_not_set_the_scale() -> None:
    burst = [(0.0, 1.0)] * 4
    steady = [(0.01, 0.07)] * 15
    low, high = band_limits(burst + steady) or (0, 0)
    assert low == pytest.approx(0.0 - 0.14)
    assert high == pytest.approx(0.0 + 0.14)


def test_every_offset_is_inside_even_when_its_band_is_cut() -> None:
    low, high = band_limits([(0.0, 0.01)] * 5 + [(0.9, 2.0)]) or (0, 0)
    assert high >= 0.9
    assert low <= -0.01
    assert band_limits([]) is None


def test_shown_times_reach_back_from_the_newest_point() -> None:
    times = [T0, T0 + 100, T0 + 1000]
    assert shown_times(times, 300) == (T0 + 700, T0 + 1000)
    assert shown_times(times, None) == (T0, T0 + 1000)
    assert shown_times([], 300) is None
