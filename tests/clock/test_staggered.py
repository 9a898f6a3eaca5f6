"""Planning a staggered pass: aims, the next reachable tick, and what fits in time."""

from __future__ import annotations

import math

import pytest

from wallet_gui.clock import OffsetEstimator, Probe
from wallet_gui.clock.staggered import (
    SWEEP,
    Interval,
    aim_of,
    interval_of,
    passes_that_fit,
    refinement,
    useful,
)

# φ between 1000.0 and 1000.2, round trip 50 ms: the interior is [1000.025, 1000.175].
BRACKET = Interval(1000.0, 1000.2, 0.05)


def test_the_sweep_covers_one_second_densest_at_its_end() -> None:
    assert SWEEP[0] == 0.0
    assert list(SWEEP) == sorted(SWEEP)
    assert SWEEP[-1] < 1.0
    gaps = [b - a for a, b in zip(SWEEP, (*SWEEP[1:], 1.0), strict=True)]
    assert gaps[-1] < gaps[0] / 3


def test_interval_of_an_estimate_is_in_the_monotonic_domain() -> None:
    estimator = OffsetEstimator()
    estimator.add(Probe(sent=10.0, received=10.1, server_time=1_700_000_000, wall_offset=5.0))
    estimate = estimator.estimate()
    assert estimate is not None
    interval = interval_of(estimate)
    # at the reply, 0.1 s after the send: the ±500 ppm rate allowance adds 50 µs
    assert interval.low == pytest.approx(1_700_000_000 - 10.1, abs=1e-5)
    assert interval.high == pytest.approx(1_700_000_001 - 10.0 + 0.1 * 500e-6, abs=1e-5)
    assert interval.rtt == pytest.approx(0.1)


def test_even_aims_when_everything_fits() -> None:
    sends = refinement(BRACKET, count=5, earliest=5.3, reply_by=100.0, expected_rtt=0.05)
    aims = sorted(aim_of(t, BRACKET) - 1000.0 for t in sends)
    assert aims == pytest.approx([0.05, 0.075, 0.1, 0.125, 0.15], abs=1e-6)
    # one tick for all of them: a later send reads a later server time, so the highest
    # aim goes first, each 25 ms after the other
    assert sends == pytest.approx([5.825, 5.85, 5.875, 5.9, 5.925], abs=1e-6)
    assert all(useful(t, BRACKET) for t in sends)


def test_only_what_can_be_answered_in_time() -> None:
    # Sends at 5.825–5.925 would be answered 50 ms later; by 5.91 only the aims down to
    # 0.115 are, so the aims go there, the lowest right at that edge.
    sends = refinement(BRACKET, count=5, earliest=5.3, reply_by=5.91, expected_rtt=0.05)
    aims = sorted(aim_of(t, BRACKET) - 1000.0 for t in sends)
    assert aims == pytest.approx([0.115, 0.127, 0.139, 0.151, 0.163], abs=1e-6)
    assert max(sends) + 0.05 <= 5.91 + 1e-9
    assert refinement(BRACKET, count=5, earliest=5.3, reply_by=5.6, expected_rtt=0.05) == []


def test_a_bracket_partly_ahead_is_probed_at_once() -> None:
    # At 5.88 the aims below 0.1 can still be sent before their tick, the others only a
    # second later.
    sends = refinement(BRACKET, count=6, earliest=5.88, reply_by=9.0, expected_rtt=0.05)
    assert sum(t < 6.0 for t in sends) == 3
    assert all(t >= 5.88 for t in sends)
    assert max(sends) < 5.88 + 1.0
    aims = sorted(aim_of(t, BRACKET) - 1000.0 for t in sends)
    spacing = 0.15 / 7
    assert aims == pytest.approx([0.025 + spacing * (i + 1) for i in range(6)], abs=1e-6)


def test_nothing_to_split_at_the_round_trip_floor() -> None:
    floor = Interval(1000.0, 1000.0505, 0.05)
    assert refinement(floor, count=5, earliest=5.0, reply_by=100.0, expected_rtt=0.05) == []


def test_useful_means_the_aim_is_inside_the_interior() -> None:
    # A send at 5.9 aims at 1000.075 (tick 1006, read 25 ms later).
    assert aim_of(5.9, BRACKET) == pytest.approx(1000.075)
    assert useful(5.9, BRACKET)
    assert useful(6.9, BRACKET)  # same aim, one tick later
    assert not useful(5.95, BRACKET)  # aims at 1000.025: the edge, it can only confirm
    assert not useful(5.5, BRACKET)
    assert useful(0.0, Interval(0.0, 1.2, 0.1))  # a second or more: anything goes


def test_passes_that_fit() -> None:
    assert passes_that_fit(1.2, 0.1, reply_by=2.0, rtt=0.1) == 1
    assert passes_that_fit(1.2, 0.1, reply_by=3.0, rtt=0.1) == 2
    assert passes_that_fit(1.2, 0.1, reply_by=1.0, rtt=0.1) == 1
    assert math.isclose(SWEEP[1], 0.13)
