"""Rate plan, rate budget and backoff: polling that stays inside the API's published limits.

Paysera allows a client 60 requests a minute and 1000 an hour. A monitor watching many
wallets at a short interval would exceed that, so the plan stretches the balance interval
until a full refresh fits the budget (with headroom for the odd manual refresh and the
invalid-timestamp retry), and the window says that it did. ``RateBudget`` then enforces the
limits on the requests actually sent, whatever the plan; ``Backoff`` spaces retries after
failures with jitter so that many monitors recovering at once do not hammer the API.
Pure Python, no Qt: the worker and the tests drive it with their own clocks.
"""

from __future__ import annotations

import random
from collections import deque
from dataclasses import dataclass

from wallet_gui.api.limits import RATE_LIMITS

#: Share of each limit a plan may use; the rest is headroom for refreshes and retries.
PLAN_SHARE = 0.8


def budget_interval(
    requested: float,
    signed_per_poll: int,
    limits: tuple[tuple[float, int], ...] = RATE_LIMITS,
) -> float:
    """The shortest poll interval ≥ ``requested`` whose signed requests fit every limit."""
    interval = requested
    for window, limit in limits:
        if signed_per_poll:
            interval = max(interval, window * signed_per_poll / (limit * PLAN_SHARE))
    return interval


class RateBudget:
    """A sliding-window log of signed requests that refuses to exceed the limits."""

    def __init__(self, limits: tuple[tuple[float, int], ...] = RATE_LIMITS) -> None:
        self.limits = limits
        self._sent: deque[float] = deque()

    def _forget(self, now: float) -> None:
        horizon = now - max(window for window, _ in self.limits)
        while self._sent and self._sent[0] <= horizon:
            self._sent.popleft()

    def available(self, now: float) -> int:
        """How many signed requests may be sent right now."""
        self._forget(now)
        room = []
        for window, limit in self.limits:
            in_window = sum(1 for t in self._sent if t > now - window)
            room.append(limit - in_window)
        return max(0, min(room))

    def wait_time(self, count: int, now: float) -> float:
        """Seconds until ``count`` requests may be sent (0 when they may go now)."""
        self._forget(now)
        wait = 0.0
        for window, limit in self.limits:
            recent = [t for t in self._sent if t > now - window]
            excess = len(recent) + count - limit
            if excess > 0:
                if excess > len(recent):
                    return window  # more than a whole window's worth: come back later
                wait = max(wait, recent[excess - 1] + window - now)
        return wait

    def record(self, now: float, count: int = 1) -> None:
        self._sent.extend([now] * count)

    def used(self, now: float, window: float) -> int:
        return sum(1 for t in self._sent if t > now - window)


@dataclass
class Backoff:
    """Capped exponential backoff with full jitter; success resets it at once."""

    base: float = 2.0
    cap: float = 300.0
    factor: float = 2.0
    failures: int = 0
    rng: random.Random | None = None

    def next_delay(self, retry_after: float | None = None) -> float:
        """The wait after one more failure; never less than the server's ``Retry-After``."""
        self.failures += 1
        ceiling = min(self.cap, self.base * self.factor ** (self.failures - 1))
        delay = (self.rng or random).uniform(ceiling / 2, ceiling)
        if retry_after is not None:
            delay = max(delay, min(retry_after, 3600.0))
        return delay

    def reset(self) -> None:
        self.failures = 0
