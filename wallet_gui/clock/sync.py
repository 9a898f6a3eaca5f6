"""Driving the estimator: the acquisition burst and a thread-safe corrected clock.

Why an injected :class:`TimeSource`: every decision here is about *when* to do
something, so tests replace the clocks and the sleep with virtual ones and run hours of
probing in milliseconds. Why the transport is a plain callable: it owns the HTTP details
(keep-alive connection, no caches, first-byte timing) and just hands back a
:class:`~wallet_gui.clock.probe.Probe`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Protocol

from wallet_gui.clock.estimator import OffsetEstimate, OffsetEstimator, Verdict
from wallet_gui.clock.probe import Probe

__all__ = ["SYSTEM_TIME", "CorrectedClock", "ProbeSink", "SystemTime", "TimeSource", "acquire"]

_MIN_BURST = 4
"""Even once the interval looks converged, an acquisition sends at least this many
probes: fewer cannot tell a bad first answer from a good one."""


class TimeSource(Protocol):
    """The clocks and the sleep the driver uses."""

    def monotonic(self) -> float:
        """Seconds from a clock that never steps (``time.monotonic``)."""
        ...

    def wall(self) -> float:
        """UNIX seconds from the (possibly wrong) system clock (``time.time``)."""
        ...

    def sleep_until(self, monotonic_deadline: float) -> None:
        """Block until :meth:`monotonic` reaches the deadline (return at once if past)."""
        ...


class SystemTime:
    """The real clocks: ``time.monotonic``, ``time.time`` and ``time.sleep``."""

    def monotonic(self) -> float:
        return time.monotonic()

    def wall(self) -> float:
        return time.time()

    def sleep_until(self, monotonic_deadline: float) -> None:
        remaining = monotonic_deadline - time.monotonic()
        if remaining > 0:
            time.sleep(remaining)


SYSTEM_TIME: TimeSource = SystemTime()


class ProbeSink(Protocol):
    """What :func:`acquire` needs: an ``OffsetEstimator`` or a ``CorrectedClock``."""

    def add(self, probe: Probe) -> Verdict: ...

    def next_send_time(self, now: float, guard: float = 0.05) -> float: ...

    def estimate(self, at: float | None = None) -> OffsetEstimate | None: ...

    @property
    def acquired(self) -> bool: ...


def acquire(
    estimator: ProbeSink,
    transport: Callable[[], Probe],
    *,
    probes: int = 8,
    time_source: TimeSource = SYSTEM_TIME,
    deadline_s: float = 12.0,
) -> OffsetEstimate | None:
    """Run a targeted acquisition burst and return the resulting estimate.

    Each probe is sent when :meth:`OffsetEstimator.next_send_time` says, so the server
    reads its clock near a predicted tick. Stops after ``probes`` requests, once the
    estimator is acquired and at least a few probes went out, or when the next send
    would fall after the deadline. Exceptions from ``transport`` propagate: the caller
    decides whether a network error ends the burst.
    """
    deadline = time_source.monotonic() + deadline_s
    sent = 0
    while sent < probes:
        send_at = estimator.next_send_time(time_source.monotonic())
        if send_at > deadline:
            break
        time_source.sleep_until(send_at)
        estimator.add(transport())
        sent += 1
        if estimator.acquired and sent >= min(_MIN_BURST, probes):
            break
    return estimator.estimate()


class CorrectedClock:
    """A thread-safe estimator wrapper whose call gives the UNIX time to sign with.

    The request-signing code calls it from any thread; the worker feeds probes into it.
    Until two consistent probes exist it returns plain wall time, because an unvalidated
    offset could be worse than none.
    """

    def __init__(
        self,
        estimator: OffsetEstimator | None = None,
        time_source: TimeSource = SYSTEM_TIME,
    ) -> None:
        self._estimator = estimator if estimator is not None else OffsetEstimator()
        self._time = time_source
        self._lock = threading.Lock()

    def add(self, probe: Probe) -> Verdict:
        """Feed one probe to the estimator."""
        with self._lock:
            return self._estimator.add(probe)

    def estimate(self, at: float | None = None) -> OffsetEstimate | None:
        """The estimate at ``at`` (default: now), with the current wall−monotonic offset."""
        with self._lock:
            mono = self._time.monotonic()
            wall = self._time.wall()
            return self._estimator.estimate(mono if at is None else at, wall_offset=wall - mono)

    def __call__(self) -> float:
        """Corrected UNIX time (wall + θ) once usable for signing, else wall time."""
        with self._lock:
            mono = self._time.monotonic()
            wall = self._time.wall()
            corrected = self._estimator.server_now(wall, mono)
        return wall if corrected is None else corrected

    def next_send_time(self, now: float, guard: float = 0.05) -> float:
        """See :meth:`OffsetEstimator.next_send_time`."""
        with self._lock:
            return self._estimator.next_send_time(now, guard)

    def maintenance_interval(self) -> float:
        """See :meth:`OffsetEstimator.maintenance_interval`."""
        with self._lock:
            return self._estimator.maintenance_interval()

    def reset(self) -> None:
        """See :meth:`OffsetEstimator.reset`."""
        with self._lock:
            self._estimator.reset()

    def history(self) -> tuple[OffsetEstimate, ...]:
        """See :meth:`OffsetEstimator.history`."""
        with self._lock:
            return self._estimator.history()

    @property
    def acquired(self) -> bool:
        """See :attr:`OffsetEstimator.acquired`."""
        with self._lock:
            return self._estimator.acquired

    @property
    def usable_for_signing(self) -> bool:
        """See :attr:`OffsetEstimator.usable_for_signing`."""
        with self._lock:
            return self._estimator.usable_for_signing
