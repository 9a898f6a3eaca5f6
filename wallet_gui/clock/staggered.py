"""Where in the server's second to aim each probe of a concurrent burst.

Why probes may overlap: a probe sent at ``a`` and answered at ``b`` with ``N`` proves
``N − b ≤ φ < N + 1 − a`` (``φ = server − monotonic``) on its own, whatever its path
asymmetry and whatever else is in flight; the server read its clock at some instant of
*that* request's ``[a, b]``. So probes on different keep-alive connections can be sent
before earlier answers are back, and the estimator's intersection stays exact.

What one probe tests: sent at ``a`` and read by the server about ``r/2`` later, it lands
just after the server's tick ``K`` exactly when ``φ ≥ K − a − r/2`` — its *aim* (``r``:
the smallest round trip seen). A landing after the tick raises the lower bound to about
``aim − r/2``, one before it lowers the upper bound to about ``aim + r/2``. Aims spread
over an interval's interior ``[low + r/2, high − r/2]`` therefore split it, and
``k`` aims leave ``1/(k+1)`` of the interior plus ``r`` (the floor no client can beat
without knowing the asymmetry).

Ticks come once a second, so aims can only be tried at the next tick a send can still
reach. A burst has two kinds of pass:

* the *sweep* (:data:`SWEEP`): probes at fixed offsets across one second, before anything
  is known; the server's tick falls between two of them (or in the wrap from the last to
  the first), which narrows ``φ`` from ``1 s + r`` to that gap plus ``r``;
* a *refinement* (:func:`refinement`): aims spread evenly over the interior, each at the
  next tick it can still reach, which splits the gap again.

Two seconds see the server's tick twice, the first time blind; with 16 requests the best
split of the second is then about 1/100 (a sweep of ~10, a refinement of the other ~6–9),
so the interval ends at about 10–15 ms plus the round trip. A third tick (a longer target)
splits it again.

A planned probe is only worth sending while its aim still lies inside the interior
(:func:`useful`). That makes the sweep adaptive for free: once an answer has bracketed the
tick, the rest of the sweep tests nothing and is dropped, and its requests go to the
refinement instead.

Why the sweep is denser towards its end: a tick bracketed early is refined one second
later and the burst is still done within about 1.5 s; a tick in the last round trip of the
sweep's second would need its refinement after the two-second target, so the sweep itself
has to bracket it tightly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from wallet_gui.clock.estimator import OffsetEstimate

__all__ = [
    "SWEEP",
    "Interval",
    "aim_of",
    "interval_of",
    "passes_that_fit",
    "refinement",
    "sweep_times",
    "useful",
]

SWEEP: tuple[float, ...] = (0.0, 0.13, 0.26, 0.39, 0.52, 0.65, 0.76, 0.85, 0.92, 0.97)
"""Send offsets of the sweep, seconds after the burst starts (the wrap gap from the last
back to the first is 30 ms). Chosen in virtual time (``tests/clock/test_burst.py``)."""

_MIN_SPLIT_S = 0.0002
_MIN_SPLIT_SHARE = 0.02
"""Below ``0.2 ms + 2 % of r`` of interior a further pass cannot narrow the interval
noticeably: the round trip is the floor."""


@dataclass(frozen=True, slots=True)
class Interval:
    """Hard bounds of ``φ = server − monotonic`` and the smallest round trip seen."""

    low: float
    high: float
    rtt: float

    @property
    def width(self) -> float:
        return self.high - self.low

    @property
    def interior(self) -> tuple[float, float]:
        """The aims that can still land on either side of a tick: a landing splits the
        interval only if the aim is at least half a round trip inside it."""
        return self.low + self.rtt / 2, self.high - self.rtt / 2


def interval_of(estimate: OffsetEstimate) -> Interval:
    """The interval an estimate reports, in the monotonic domain the sends are timed in."""
    middle = estimate.monotonic_offset
    return Interval(middle - estimate.half_width, middle + estimate.half_width, estimate.rtt_min)


def aim_of(send_at: float, interval: Interval) -> float:
    """The aim of a probe sent at ``send_at``: of the values ``K − send_at − r/2`` (one per
    tick ``K``), the one in ``[interior low, interior low + 1)``."""
    low, _ = interval.interior
    return low + (-send_at - interval.rtt / 2 - low) % 1.0


def useful(send_at: float, interval: Interval) -> bool:
    """Whether a probe sent then can still land on either side of a tick."""
    low, high = interval.interior
    if high - low >= 1.0:
        return True
    aim = aim_of(send_at, interval)
    return low < aim < high


def sweep_times(start: float) -> list[float]:
    """The sweep's send times for a burst starting at ``start``."""
    return [start + offset for offset in SWEEP]


def passes_that_fit(first_send: float, span: float, reply_by: float, rtt: float) -> int:
    """How many refinement passes (one per tick, a second apart) end by ``reply_by`` if
    the first one starts at ``first_send`` and its sends spread over ``span``."""
    return 1 + max(0, math.floor(reply_by - (first_send + span + rtt)))


def refinement(
    interval: Interval,
    *,
    count: int,
    earliest: float,
    reply_by: float,
    expected_rtt: float,
) -> list[float]:
    """Send times of up to ``count`` probes whose aims split ``interval``'s interior.

    Each aim goes at the first tick it can still reach from ``earliest`` (so a bracket
    that is partly still ahead in the current second is probed right away). An aim whose
    answer would come after ``reply_by`` (send + ``expected_rtt``) is not used: a usable
    stretch that borders an unusable one gets an aim right at the border (its answer
    tells which side of it ``φ`` is on), and the other aims divide the usable stretches
    evenly, the longer ones getting more. With every aim usable that is ``count`` evenly
    spaced interior points. Returns ``[]`` when the interval is already at the round-trip
    floor or nothing can be answered in time.
    """
    low, high = interval.interior
    rtt = interval.rtt
    if count <= 0 or high - low <= _MIN_SPLIT_S + _MIN_SPLIT_SHARE * rtt:
        return []
    window = reply_by - expected_rtt - earliest  # how long after `earliest` a send may be
    if window < 0:
        return []
    segments = _usable(low, high, earliest + rtt / 2, window)
    aims = _spread(low, high, segments, count)
    return sorted(earliest + _delay(earliest + aim + rtt / 2) for aim in aims)


def _delay(x: float) -> float:
    """How long after ``earliest`` the send for an aim goes: ``ceil(x) − x`` in ``[0, 1)``,
    with ``x = earliest + aim + r/2`` (the next tick the aim can reach is ``ceil(x)``)."""
    return math.ceil(x) - x


def _usable(low: float, high: float, shift: float, window: float) -> list[tuple[float, float]]:
    """The aims in ``[low, high]`` whose send is due within ``window`` of ``earliest``.

    The delay ``ceil(shift + aim) − (shift + aim)`` falls from 1 to 0 over each second of
    aims and jumps back at the values where ``shift + aim`` is an integer, so the usable
    aims are the last ``window`` of each such second.
    """
    if window >= 1.0:
        return [(low, high)]
    segments = []
    tick = math.ceil(shift + low)
    while tick - shift - window <= high:
        start, end = max(low, tick - shift - window), min(high, tick - shift)
        if start <= end:
            segments.append((start, end))
        tick += 1
    return segments


def _spread(
    low: float, high: float, segments: list[tuple[float, float]], count: int
) -> list[float]:
    """Up to ``count`` aims in the usable ``segments`` of ``[low, high]``.

    An end of a segment that borders an unusable stretch gets an aim right there (it
    bounds that stretch as tightly as possible); the other aims go, one at a time, to the
    segment whose pieces are then the longest, and each segment is divided evenly. With
    nothing unusable that is the ``count`` interior points dividing ``[low, high]`` evenly.
    """
    pieces = [(a, b, int(a > low) + int(b < high)) for a, b in segments]
    edges = sum(opened for _, _, opened in pieces)
    if not pieces or count < max(1, edges):
        if not pieces or count <= 0:
            return []
        middle = 0.5 * (low + high)
        return [min((min(max(middle, a), b) for a, b in segments), key=lambda p: abs(p - middle))]
    counts = [opened for _, _, opened in pieces]
    for _ in range(count - edges):
        widest = max(range(len(pieces)), key=lambda i: _piece(pieces[i], counts[i] + 1))
        counts[widest] += 1
    aims: list[float] = []
    for (a, b, _), n in zip(pieces, counts, strict=True):
        if n:
            aims += _divide(a, b, a > low, b < high, n)
    return aims


def _piece(segment: tuple[float, float, int], n: int) -> float:
    """The longest piece a segment leaves with ``n`` aims (those at bordering ends
    included): what one more aim there would still leave."""
    a, b, opened = segment
    parts = n + 1 - opened
    return (b - a) / parts if parts > 0 else b - a


def _divide(a: float, b: float, at_start: bool, at_end: bool, n: int) -> list[float]:
    """``n`` evenly spaced aims in ``[a, b]``, including the ends that border an unusable
    stretch."""
    parts = n + 1 - int(at_start) - int(at_end)
    if parts <= 0:
        return [a, b][:n] if at_start else [b]
    first = 0 if at_start else 1
    return [a + (b - a) * (first + i) / parts for i in range(n)]
