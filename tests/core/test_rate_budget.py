"""The rate plan and budget keep any configuration inside the published limits."""

from __future__ import annotations

import random

import pytest

from wallet_gui.api.limits import RATE_LIMITS
from wallet_gui.core.rate_budget import Backoff, RateBudget, budget_interval


@pytest.mark.parametrize(
    ("wallets", "requested"), [(1, 1.0), (5, 1.0), (30, 1.0), (40, 5.0), (100, 30.0), (1, 600.0)]
)
def test_planned_interval_fits_every_limit(wallets: int, requested: float) -> None:
    interval = budget_interval(requested, wallets)
    assert interval >= requested
    for window, limit in RATE_LIMITS:
        assert wallets * window / interval <= limit


def test_interval_is_not_stretched_when_the_budget_allows() -> None:
    assert budget_interval(30.0, 3) == 30.0


def test_thirty_wallets_at_one_second_is_stretched() -> None:
    assert budget_interval(1.0, 30) > 30.0


def test_budget_never_allows_more_than_the_limits_in_any_window() -> None:
    budget = RateBudget()
    sent: list[float] = []
    now = 0.0
    rng = random.Random(5)
    while now < 7200:
        want = rng.randint(1, 40)
        if budget.wait_time(want, now) == 0:
            budget.record(now, want)
            sent.extend([now] * want)
        now += rng.uniform(0.1, 5.0)
    for window, limit in RATE_LIMITS:
        worst = max(sum(1 for t in sent if start - window < t <= start) for start in sent)
        assert worst <= limit
    assert len(sent) > 1500  # and it still let plenty through


def test_wait_time_points_at_when_room_frees_up() -> None:
    budget = RateBudget()
    budget.record(100.0, 60)
    assert budget.available(100.0) == 0
    assert budget.wait_time(1, 100.0) == pytest.approx(60.0)
    assert budget.wait_time(1, 160.5) == 0


def test_backoff_grows_with_jitter_is_capped_and_honours_retry_after() -> None:
    backoff = Backoff(base=2.0, cap=60.0, rng=random.Random(1))
    delays = [backoff.next_delay() for _ in range(10)]
    assert delays[0] <= 2.0
    assert max(delays) <= 60.0
    assert delays[-1] >= 30.0
    assert backoff.next_delay(retry_after=120.0) >= 120.0
    backoff.reset()
    assert backoff.next_delay() <= 2.0
