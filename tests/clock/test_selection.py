"""Marzullo's sweep against brute force."""

from __future__ import annotations

import math
import random

import pytest

from wallet_gui.clock.selection import deepest


def _depth_at(point: float, intervals: list[tuple[float, float, float]]) -> float:
    return sum(w for low, high, w in intervals if low <= point <= high)


def test_no_intervals() -> None:
    depth, point = deepest([], [], [])
    assert depth == 0.0
    assert math.isnan(point)


def test_empty_intervals_are_ignored() -> None:
    assert deepest([2.0], [1.0], [1.0])[0] == 0.0


def test_touching_intervals_count_as_overlapping() -> None:
    depth, point = deepest([0.0, 1.0], [1.0, 2.0], [1.0, 1.0])
    assert depth == 2.0
    assert point == 1.0


def test_majority_beats_an_outlier() -> None:
    depth, point = deepest([0.0, 0.1, 0.2, 5.0], [1.0, 1.1, 1.2, 6.0], [1.0] * 4)
    assert depth == 3.0
    assert 0.2 <= point <= 1.0


@pytest.mark.parametrize("seed", range(50))
def test_matches_brute_force(seed: int) -> None:
    rng = random.Random(seed)
    intervals = []
    for _ in range(rng.randint(1, 40)):
        low = rng.uniform(-2, 2)
        intervals.append((low, low + rng.uniform(0.0, 1.5), rng.choice([1.0, 1.0 + 1e-3])))
    depth, point = deepest(*zip(*intervals, strict=True))
    candidates = [low for low, _, _ in intervals] + [high for _, high, _ in intervals]
    best = max(_depth_at(c, intervals) for c in candidates)
    assert depth == pytest.approx(best)
    assert _depth_at(point, intervals) == pytest.approx(best)
