"""The 2-D feasible-region maths against brute force."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wallet_gui.clock import drift

RHO_MAX = 500e-6


def _brute_force(
    lower: list[drift.Line], upper: list[drift.Line], rho_max: float
) -> list[drift.Vertex]:
    """Clip a huge box by every single constraint, no hull shortcut."""
    polygon = drift.box(-1e6, 1e6, rho_max)
    for c, bound in lower:
        polygon = drift.clip(polygon, c, bound, -1)
    for c, bound in upper:
        polygon = drift.clip(polygon, c, bound, +1)
    return polygon


def _random_constraints(
    rng: random.Random, count: int, truth: tuple[float, float], spread: float
) -> tuple[list[drift.Line], list[drift.Line]]:
    """Constraints that all hold for ``truth`` = (y, ρ), like real probes."""
    y, rho = truth
    lower, upper = [], []
    for _ in range(count):
        c = rng.uniform(-spread, 0.0)
        lower.append((c, y + rho * c - rng.expovariate(20.0)))
        # An upper bound at another time, computed where it is placed, so the truth holds it.
        c_upper = c - rng.uniform(0.0, 0.3)
        upper.append((c_upper, y + rho * c_upper + rng.expovariate(20.0)))
    return sorted(lower), sorted(upper)


def test_clip_keeps_the_requested_side_and_cuts_exactly() -> None:
    square = drift.box(0.0, 2.0, 1.0)  # y in [0, 2], rho in [-1, 1]
    kept = drift.clip(square, 0.0, 1.0, +1)  # y <= 1
    assert max(y for y, _ in kept) == pytest.approx(1.0)
    assert min(y for y, _ in kept) == pytest.approx(0.0)
    assert drift.clip(square, 0.0, 3.0, -1) == []  # y >= 3: nothing left
    assert drift.clip(square, 0.0, 5.0, +1) == square  # y <= 5: untouched


def test_clip_handles_a_single_point() -> None:
    assert drift.clip([(1.0, 0.0)], 0.0, 1.0, +1) == [(1.0, 0.0)]
    assert drift.clip([(1.0, 0.0)], 0.0, 0.5, +1) == []


def test_extent_evaluates_phi_at_an_offset_time() -> None:
    polygon = [(0.0, -1e-4), (1.0, -1e-4), (1.0, 1e-4), (0.0, 1e-4)]
    low, high = drift.extent(polygon, 1000.0)
    assert low == pytest.approx(-0.1)
    assert high == pytest.approx(1.1)


def test_shift_reference_is_an_exact_shear() -> None:
    polygon = [(0.5, 1e-4), (0.7, -2e-4)]
    shifted = drift.shift_reference(polygon, 100.0)
    assert shifted == [(0.5 + 1e-2, 1e-4), (0.7 - 2e-2, -2e-4)]
    # phi at absolute time t is the same in both frames
    assert drift.extent(polygon, 150.0) == pytest.approx(drift.extent(shifted, 50.0))


def test_slack_is_positive_only_for_non_touching_constraints() -> None:
    square = drift.box(0.0, 2.0, 1.0)
    assert drift.slack(square, 0.0, 3.0, +1) == pytest.approx(1.0)
    assert drift.slack(square, 0.0, 2.0, +1) == pytest.approx(0.0)
    assert drift.slack(square, 0.0, -1.0, -1) == pytest.approx(1.0)


@pytest.mark.parametrize("seed", range(40))
def test_hull_reduction_gives_the_brute_force_polygon(seed: int) -> None:
    rng = random.Random(seed)
    truth = (rng.uniform(-1, 1), rng.uniform(-RHO_MAX, RHO_MAX))
    lower, upper = _random_constraints(rng, rng.randint(1, 120), truth, 20000.0)
    fast = drift.feasible_region(lower, upper, RHO_MAX)
    slow = _brute_force(lower, upper, RHO_MAX)
    assert fast
    for d in (-20000.0, -300.0, 0.0, 45.0, 3600.0):
        assert drift.extent(fast, d) == pytest.approx(drift.extent(slow, d), abs=1e-9)
    rho_fast = [rho for _, rho in fast]
    rho_slow = [rho for _, rho in slow]
    assert min(rho_fast) == pytest.approx(min(rho_slow), abs=1e-12)
    assert max(rho_fast) == pytest.approx(max(rho_slow), abs=1e-12)


def test_hull_reduction_drops_most_of_many_constraints() -> None:
    rng = random.Random(7)
    lower, upper = _random_constraints(rng, 256, (0.25, 3e-5), 21600.0)
    assert len(drift.relevant_lower(lower, RHO_MAX)) < 40
    assert len(drift.relevant_upper(upper, RHO_MAX)) < 40


def test_contradicting_constraints_give_an_empty_region() -> None:
    lower = [(0.0, 1.0)]
    upper = [(0.0, 0.5)]
    assert drift.feasible_region(lower, upper, RHO_MAX) == []


@settings(max_examples=150, deadline=None)
@given(
    y=st.floats(-5.0, 5.0),
    rho=st.floats(-RHO_MAX, RHO_MAX),
    count=st.integers(1, 40),
    seed=st.integers(0, 2**32 - 1),
)
def test_the_truth_is_always_inside_the_region(y: float, rho: float, count: int, seed: int) -> None:
    lower, upper = _random_constraints(random.Random(seed), count, (y, rho), 7200.0)
    region = drift.feasible_region(lower, upper, RHO_MAX)
    assert region
    for d in (0.0, 600.0):
        low, high = drift.extent(region, d)
        assert low - 1e-9 <= y + rho * d <= high + 1e-9
    rhos = [r for _, r in region]
    assert min(rhos) - 1e-15 <= rho <= max(rhos) + 1e-15
    assert all(math.isfinite(v) for vertex in region for v in vertex)
