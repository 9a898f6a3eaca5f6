"""The concurrent acquisition burst: the clock's answer in about two seconds.

The sequential burst (:func:`wallet_gui.clock.sync.acquire`) aims one probe per server
tick, so eight probes take five to six seconds. This one keeps several probes in flight
over the client's keep-alive connections, planned by :mod:`wallet_gui.clock.staggered`: a
sweep across one second brackets the server's tick, one refinement at the next tick splits
the bracket, and that is at most :data:`MAX_REQUESTS` requests.

Why it is as sound as the sequential burst:

* Every answer goes into the same estimator, whose guarantee does not depend on order or
  overlap: a probe proves ``N − b ≤ φ < N + 1 − a`` from its own send and first-byte
  times, whatever its path asymmetry and whatever else was in flight (the server read its
  clock at some instant of *that* request's ``[a, b]``). A thread that is slow to send or
  to notice the answer only widens its own interval.
* The rate allowance (±500 ppm against the monotonic clock) is applied exactly by the
  estimator's polygon. Over a two-second burst it widens the interval by at most
  ``500 ppm × 2 × (time from the binding probes to the estimate)``: about 1 ms for the
  sweep's constraints, a tenth of that for the refinement's, where a sequential burst
  spreads them over five seconds or more.
* Answers that contradict the rest (a stale cache, another backend, a step) are voted out
  Marzullo-style as before: the estimator keeps its probes in send order and votes over
  all of them, so arrival order does not matter. The planner only reads the current
  interval, so a misleading first answer costs aim, never correctness.

When: the answer is due :data:`ANSWER_TARGET_S` after the start for round trips up to
:data:`TARGET_RTT_S` (the smallest seen may be 20 ms over that, for jitter); longer round
trips add three times the excess, since a refinement waits for the next tick and then for
its answers. ``deadline_s`` caps everything. The burst plans only what can be answered by
then, and returns at that time whatever is still in flight (the launcher decides what
becomes of those answers). It also returns as soon as nothing planned or in flight can
still split the interval.

The driver is single-threaded and talks to the world only through a :class:`Launcher`
(start a probe that leaves at a given monotonic time; wait for the next outcome) and an
injected :class:`~wallet_gui.clock.sync.TimeSource`, so the tests run it in virtual time
with a simulated network, and the monitor runs it over a thread pool.
"""

from __future__ import annotations

import bisect
import math
import statistics
from collections.abc import Callable
from typing import Protocol

from wallet_gui.clock import staggered
from wallet_gui.clock.estimator import OffsetEstimate, Verdict
from wallet_gui.clock.probe import Probe
from wallet_gui.clock.sync import SYSTEM_TIME, TimeSource

__all__ = [
    "ANSWER_TARGET_S",
    "MAX_REQUESTS",
    "TARGET_RTT_S",
    "BurstSink",
    "Launcher",
    "answer_due",
    "run_burst",
]

ANSWER_TARGET_S = 2.0
"""When the answer is due, seconds after the burst starts (at round trips up to
:data:`TARGET_RTT_S`)."""
TARGET_RTT_S = 0.1
MAX_REQUESTS = 16
"""Requests per burst: enough for a sweep and a refinement, few enough for any budget."""
LEAD_S = 0.004
"""A probe is handed to its thread this long before it must leave (the thread then sleeps
the rest), so a busy interpreter delays the decision, not the send."""
_GUARD_S = 0.02
"""A new pass starts no sooner than this after it is planned."""
_SWEEP_WIDTH_S = 0.5
"""An interval wider than this does not know where the tick is: sweep first."""
_MAX_FAILURES = 3
"""After this many failed probes the burst sends no more."""
_EXCESS_FACTOR = 3.0
_JITTER_ALLOWANCE_S = 0.02
"""The smallest round trip seen may exceed the path's by this much before the answer's
due time moves (so a 100 ms path with some jitter still answers within two seconds)."""


class Launcher(Protocol):
    """Starts probes and hands back their outcomes (threads, or a simulation)."""

    def launch(self, send_at: float) -> None:
        """Start one probe whose request leaves at monotonic ``send_at`` (or at once)."""
        ...

    def wait(self, until: float) -> tuple[float, Probe | Exception] | None:
        """The next outcome as ``(send_at it was launched with, probe or error)``, or
        ``None`` once monotonic ``until`` has passed without one."""
        ...


class BurstSink(Protocol):
    """What the burst feeds and reads: an ``OffsetEstimator`` or a ``CorrectedClock``."""

    def add(self, probe: Probe) -> Verdict: ...

    def estimate(self, at: float | None = None) -> OffsetEstimate | None: ...

    @property
    def usable_for_signing(self) -> bool: ...


def answer_due(rtt: float, target_s: float = ANSWER_TARGET_S) -> float:
    """Seconds after the start by which a burst at this round trip answers."""
    excess = rtt - TARGET_RTT_S - _JITTER_ALLOWANCE_S
    return target_s + _EXCESS_FACTOR * max(0.0, excess)


def run_burst(
    sink: BurstSink,
    launcher: Launcher,
    *,
    time_source: TimeSource = SYSTEM_TIME,
    budget: int = MAX_REQUESTS,
    target_s: float = ANSWER_TARGET_S,
    deadline_s: float = 10.0,
    max_in_flight: int = MAX_REQUESTS,
    on_usable: Callable[[], None] | None = None,
) -> OffsetEstimate | None:
    """Run one concurrent burst into ``sink`` and return its estimate (``None``: no answer).

    ``on_usable`` is called once, from this thread, as soon as the sink is usable for
    signing (two consistent probes), so signed requests can start while the burst goes
    on. If every probe failed, the first error is raised; otherwise failures just end the
    burst early (after :data:`_MAX_FAILURES`).
    """
    burst = _Burst(
        sink,
        launcher,
        time_source,
        budget=budget,
        target_s=target_s,
        deadline_s=deadline_s,
        max_in_flight=max(1, max_in_flight),
        on_usable=on_usable,
    )
    return burst.run()


class _Burst:
    """The state of one running burst (see :func:`run_burst`)."""

    def __init__(
        self,
        sink: BurstSink,
        launcher: Launcher,
        time_source: TimeSource,
        *,
        budget: int,
        target_s: float,
        deadline_s: float,
        max_in_flight: int,
        on_usable: Callable[[], None] | None,
    ) -> None:
        self._sink = sink
        self._launcher = launcher
        self._time = time_source
        self._budget = budget
        self._target = target_s
        self._start = time_source.monotonic()
        self._deadline = self._start + deadline_s
        self._max_in_flight = max_in_flight
        self._on_usable = on_usable
        self._pending: list[float] = []  # planned send times, ascending
        self._flying: list[float] = []  # send times of probes launched and not yet back
        self._rtts: list[float] = []
        self._sent = 0
        self._failures: list[Exception] = []
        self._swept = False

    # ----------------------------------------------------------------- the loop

    def run(self) -> OffsetEstimate | None:
        self._notify_if_usable()
        while True:
            now = self._time.monotonic()
            stop = self._stop_at()
            if now >= stop:
                break
            if self._pending and self._pending[0] - LEAD_S <= now:
                self._maybe_launch(self._pending.pop(0), now)
                continue
            if not self._pending and self._settled(now):
                # Nothing planned, and nothing in flight can still split the interval.
                self._pending = self._plan(now)
                if not self._pending:
                    break
                continue
            until = min(stop, self._pending[0] - LEAD_S) if self._pending else stop
            outcome = self._launcher.wait(until)
            if outcome is not None:
                self._receive(*outcome)
        if not self._rtts and self._failures:
            raise self._failures[0]
        return self._sink.estimate()

    def _stop_at(self) -> float:
        due = answer_due(min(self._rtts), self._target) if self._rtts else self._target
        return min(self._deadline, self._start + due)

    def _expected_rtt(self) -> float:
        return statistics.median(self._rtts) if self._rtts else 0.0

    def _interval(self, now: float) -> staggered.Interval | None:
        estimate = self._sink.estimate(now)
        return None if estimate is None else staggered.interval_of(estimate)

    # ----------------------------------------------------------------- sends

    def _maybe_launch(self, send_at: float, now: float) -> None:
        if self._sent >= self._budget or len(self._failures) >= _MAX_FAILURES:
            return
        if len(self._flying) >= self._max_in_flight:
            return
        if send_at + self._expected_rtt() > self._stop_at():
            return
        interval = self._interval(now)
        if interval is not None and not staggered.useful(send_at, interval):
            return
        send_at = max(send_at, now)
        self._launcher.launch(send_at)
        bisect.insort(self._flying, send_at)
        self._sent += 1

    def _receive(self, send_at: float, outcome: Probe | Exception) -> None:
        index = bisect.bisect_left(self._flying, send_at)
        if index < len(self._flying) and self._flying[index] == send_at:
            del self._flying[index]
        if isinstance(outcome, Exception):
            self._failures.append(outcome)
            if len(self._failures) >= _MAX_FAILURES:
                self._pending = []
            return
        self._sink.add(outcome)
        if outcome.received >= outcome.sent:
            self._rtts.append(outcome.received - outcome.sent)
        self._notify_if_usable()
        interval = self._interval(self._time.monotonic())
        if interval is not None:
            self._pending = [t for t in self._pending if staggered.useful(t, interval)]

    def _notify_if_usable(self) -> None:
        if self._on_usable is not None and self._sink.usable_for_signing:
            callback, self._on_usable = self._on_usable, None
            callback()

    def _settled(self, now: float) -> bool:
        """No probe in flight can still split the interval (so planning can go ahead)."""
        if not self._flying:
            return True
        interval = self._interval(now)
        return interval is not None and not any(staggered.useful(t, interval) for t in self._flying)

    # ----------------------------------------------------------------- planning

    def _plan(self, now: float) -> list[float]:
        left = self._budget - self._sent
        if left <= 0 or len(self._failures) >= _MAX_FAILURES:
            return []
        interval = self._interval(now)
        if interval is None or (not self._swept and interval.width > _SWEEP_WIDTH_S):
            if self._swept:
                return []
            self._swept = True
            return staggered.sweep_times(now)[:left]
        self._swept = True
        reply_by = self._stop_at()
        expected = self._expected_rtt()
        earliest = now + _GUARD_S
        whole = staggered.refinement(
            interval, count=left, earliest=earliest, reply_by=reply_by, expected_rtt=expected
        )
        if not whole:
            return []
        low, high = interval.interior
        passes = staggered.passes_that_fit(whole[0], high - low, reply_by, expected)
        count = math.ceil(left / passes)
        if count >= left:
            return whole
        return staggered.refinement(
            interval, count=count, earliest=earliest, reply_by=reply_by, expected_rtt=expected
        )
