"""Offset and rate of the server clock with guaranteed bounds, from integer-second probes.

Sign convention: ``θ = server − wall`` (positive: the local clock is behind). Internally
everything happens in ``φ = server − monotonic``, which only drifts; ``θ`` is ``φ`` minus
the wall−monotonic offset recorded by the newest probe, so a wall-clock step shows up in
``θ`` exactly and never disturbs the history.

Why the bounds are honest: the API floors its clock (PHP ``time()``), so each probe proves
``N − received ≤ φ < N + 1 − sent`` with no assumption about path symmetry. Over a
sliding window those constraints, with a linear drift model and ``|rate| ≤ max_rate_ppm``,
form a convex polygon (:mod:`wallet_gui.clock.drift`); the reported interval is the exact
range of ``φ(at)`` over it. Only a server that does not floor, or that is wrong, or a rate
outside the box, can put the truth outside.

Why probes are timed: a probe whose request reaches the server right at a second tick
turns the integer into a comparator, so each targeted probe roughly halves the interval
until it converges to the minimum round-trip time (:meth:`OffsetEstimator.next_send_time`).

Bad samples (stale answers, a server step, a backend with another clock, a suspended
laptop) show up as an empty polygon. The estimator then declares a re-acquisition if the
three newest probes agree with each other but not with history (dropping history);
otherwise it keeps the largest consistent set it can find over the window (Marzullo's
sweep at a few trial rates, :mod:`wallet_gui.clock.selection`) and flags the rest as
falsetickers.

Known limit: a bad answer that does *not* contradict the others (a backend whose clock is
a fraction of a second off, a cache replaying an answer just over a second old) is
indistinguishable from a good one, and probes aimed at the resulting midpoint tend to
confirm it. The interval is then only as good as the worst such answer; lopsided runs of
probe outcomes (see :meth:`OffsetEstimator.next_send_time`) are what eventually exposes it.
With two load-balanced clocks in steady rotation the rate freedom can even absorb the mix
as a spurious drift of tens to hundreds of ppm; only probes from a single clock come with
the guarantee.
"""

from __future__ import annotations

import bisect
import enum
import math
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from wallet_gui.clock import drift, selection
from wallet_gui.clock.probe import Probe

__all__ = ["OffsetEstimate", "OffsetEstimator", "Verdict"]

_EPS = 1e-6
"""Slack added to every bound: absorbs float rounding on ~1e9-second quantities so that
rounding can never exclude the truth (it is far below any network effect)."""

_SLACK = 1e-9
"""A constraint closer than this to a vertex counts as binding (so rounding can only
cause an unnecessary recomputation, never a stale polygon)."""

_RATE_GRID = (0.0, 0.03, -0.03, 0.1, -0.1)
"""Trial rates for resolving conflicts, as fractions of ``max_rate_ppm``. A genuinely
large rate is covered because the current polygon's own rates are always tried too; a
grid out to the full box gave no measurable benefit and each trial costs a sweep."""

_MAX_SCHEDULING_RTT = 3.0
_RTT_OUTLIER_RATIO = 5.0
_RECENT_RTTS = 5
_ACQUISITION_PROBES = 8
_STEP_RUN = 3
_RATE_REPORT_LIMIT = 100e-6
_JITTER_SAMPLES = 8
_MIN_FIT_POINTS = 4
_MIN_FIT_SPAN = 60.0
_MIN_JITTER_SAMPLES = 3
_NUDGE = 1.0 / 8.0
_MAX_NUDGE = 0.5
_GROWTH_BUDGET = 0.03
_SIDE_RUN = 3
_RECHECK = 5.0
_MIN_MAINTENANCE = 20.0
_MAX_MAINTENANCE = 600.0


class Verdict(enum.Enum):
    """What :meth:`OffsetEstimator.add` did with a probe."""

    ACCEPTED = "accepted"
    """Consistent with the current set; it now constrains the estimate."""
    FALSETICKER = "falseticker"
    """Contradicts the larger consistent set; kept aside (it may win a later vote)."""
    REACQUIRED = "reacquired"
    """The three newest probes agree with each other but not with history: history was
    dropped and the estimate restarted from them (a server step or a suspended laptop)."""
    REJECTED = "rejected"
    """Served from a cache, or nonsense (received before sent): never used."""


@dataclass(frozen=True, slots=True)
class OffsetEstimate:
    """The offset ``θ = server − wall`` at monotonic time :attr:`at`, with its bounds."""

    at: float
    offset: float
    half_width: float
    typical_error: float | None
    rate_ppm: float | None
    rate_half_width_ppm: float | None
    rtt_min: float
    samples: int
    falsetickers: int
    wall_offset: float = 0.0
    """The ``wall − monotonic`` used to turn ``φ`` into :attr:`offset`."""
    rate_bounds_ppm: tuple[float, float] | None = None
    """Guaranteed bounds of the rate, also before it is narrow enough to report as known."""

    @property
    def lower(self) -> float:
        """Guaranteed lower bound of ``θ`` (for a flooring, correct server)."""
        return self.offset - self.half_width

    @property
    def upper(self) -> float:
        """Guaranteed upper bound of ``θ``."""
        return self.offset + self.half_width

    @property
    def wall_at(self) -> float:
        """Wall-clock time of :attr:`at`, e.g. for the x axis of a chart."""
        return self.at + self.wall_offset

    @property
    def monotonic_offset(self) -> float:
        """``φ = server − monotonic``: unaffected by wall-clock steps."""
        return self.offset + self.wall_offset


class _Status(enum.Enum):
    ACCEPTED = enum.auto()
    FLAGGED = enum.auto()


@dataclass(slots=True)
class _Entry:
    probe: Probe
    low: float  # φ(received) − base ≥ low
    high: float  # φ(sent) − base ≤ high
    status: _Status

    def lower_line(self, t_ref: float) -> drift.Line:
        return (self.probe.received - t_ref, self.low)

    def upper_line(self, t_ref: float) -> drift.Line:
        return (self.probe.sent - t_ref, self.high)


def _plausible(probe: Probe) -> bool:
    values = (probe.sent, probe.received, probe.wall_offset)
    return all(math.isfinite(v) for v in values) and probe.received >= probe.sent


class OffsetEstimator:
    """Bounds ``θ`` and the clock rate from probes; not thread-safe (see ``CorrectedClock``).

    ``window`` (seconds) and ``max_probes`` bound memory and how far back constraints
    reach; ``max_rate_ppm`` is the assumed limit on how fast the server clock can run
    against the local monotonic clock (free-running PCs stay well under 100 ppm).
    """

    def __init__(
        self,
        *,
        window: float = 6 * 3600.0,
        max_probes: int = 256,
        max_rate_ppm: float = 500.0,
        history_length: int = 2048,
    ) -> None:
        if window <= 0 or max_probes < _STEP_RUN or max_rate_ppm <= 0 or history_length < 1:
            raise ValueError("window, max_probes (≥ 3), max_rate_ppm and history must be > 0")
        self._window = window
        self._max_probes = max_probes
        self._rho_max = max_rate_ppm * 1e-6
        self._history: deque[OffsetEstimate] = deque(maxlen=history_length)
        self._wall_offset: float | None = None
        self._pool: list[_Entry] = []
        self._base = 0
        self._t_ref = 0.0
        self._polygon: list[drift.Vertex] = []
        self._since_acquisition = 0
        self._falsetickers = 0
        self._acquired = False
        # (at, φ midpoint − base, half-width) per accepted probe since (re)acquisition.
        self._track: deque[tuple[float, float, float]] = deque(maxlen=max_probes)
        self._rate_fit: float | None = None
        self._side_run = 0  # +k: the last k accepted probes read just after a tick

    # ----------------------------------------------------------------- public API

    def add(self, probe: Probe) -> Verdict:
        """Take one probe into account and say what became of it."""
        if not _plausible(probe):
            return Verdict.REJECTED
        self._wall_offset = probe.wall_offset
        if probe.cached:
            return Verdict.REJECTED
        if not self._pool:
            self._base = probe.server_time - math.floor(probe.sent)
        entry = _Entry(
            probe,
            (probe.server_time - self._base) - probe.received - _EPS,
            (probe.server_time + 1 - self._base) - probe.sent + _EPS,
            _Status.ACCEPTED,
        )
        lost_accepted = self._expire(probe.received)
        self._move_reference(max(self._t_ref, probe.received) if self._polygon else probe.received)
        if lost_accepted:
            self._recompute()
        if not self._polygon:
            verdict = self._restart(entry)
        else:
            trial = self._clip(self._polygon, entry)
            if trial:
                side = self._side(probe)
                run = self._side_run
                self._side_run = run + side if run * side > 0 else side
                self._insert(entry)
                self._polygon = trial
                self._since_acquisition += 1
                verdict = Verdict.ACCEPTED
            else:
                verdict = self._resolve_conflict(entry)
        if verdict is not Verdict.FALSETICKER:
            self._record(probe.received)
        return verdict

    def estimate(
        self, at: float | None = None, *, wall_offset: float | None = None
    ) -> OffsetEstimate | None:
        """The offset at monotonic time ``at`` (default: the newest accepted probe's reply).

        ``wall_offset`` maps ``φ`` to ``θ``; by default the newest probe's is used. Far
        from the probes the interval widens by the rate uncertainty times the distance.
        """
        accepted = self._accepted()
        if not self._polygon or not accepted or self._wall_offset is None:
            return None
        if at is None:
            at = max(e.probe.received for e in accepted)
        if wall_offset is None:
            wall_offset = self._wall_offset
        low, high = drift.extent(self._polygon, at - self._t_ref)
        middle = 0.5 * (low + high)
        rho_low, rho_high, rho_mid = self._rate_bounds()
        rate_half = 0.5 * (rho_high - rho_low)
        rate_known = rate_half <= _RATE_REPORT_LIMIT
        half_width = 0.5 * (high - low)
        return OffsetEstimate(
            at=at,
            offset=middle - (wall_offset - self._base),
            half_width=half_width,
            typical_error=self._typical_error(at, middle, half_width, rho_mid),
            rate_ppm=rho_mid * 1e6 if rate_known else None,
            rate_half_width_ppm=rate_half * 1e6 if rate_known else None,
            rtt_min=min(e.probe.rtt for e in accepted),
            samples=len(accepted),
            falsetickers=self._falsetickers,
            wall_offset=wall_offset,
            rate_bounds_ppm=(rho_low * 1e6, rho_high * 1e6),
        )

    def next_send_time(self, now: float, guard: float = 0.05) -> float:
        """When to send the next probe so the server reads its clock right at a tick.

        Works in the monotonic domain: with ``m`` the midpoint of ``φ(now)`` and ``r`` the
        smallest recent RTT, the server is expected to read ``a + r/2 + m`` for a request
        sent at ``a``; the smallest integer ``K`` reachable no earlier than ``now + guard``
        gives ``a = K − m − r/2``.

        The aim is the midpoint (pure bisection) unless the interval is already narrow
        (under two RTTs) and the last ``k ≥ 3`` probes all landed on the same side of the
        tick; then it moves ``r/8 · 2^(k−3)`` toward the
        other side. In a healthy state that just keeps both bounds fresh (outcomes
        alternate anyway). Its real job is to expose a bound that a bad but
        non-contradicting answer (a backend with another clock, a slightly stale cache)
        pulled past the truth: probes aimed at the resulting midpoint all land on one
        side and would only ever confirm it, whereas the escalating aim eventually gets
        an answer that contradicts it, and the vote then drops it. (Measured: plain
        alternation of ±r/4 on every maintenance probe doubled the offset error and
        tripled the worst rate error; the escalating form costs ~0.2 ms of median error
        in acquisition.)
        """
        if not self._polygon:
            return now
        low, high = drift.extent(self._polygon, now - self._t_ref)
        middle = 0.5 * (low + high)
        rtt = self._scheduling_rtt()
        nudge = self._nudge(rtt) if high - low <= 2.0 * rtt else 0.0
        lead = middle + rtt / 2 - nudge
        tick = math.ceil(now + guard + lead)
        return tick - lead

    @property
    def acquired(self) -> bool:
        """The interval converged to about the minimum RTT, or 8 probes were accepted
        since the last (re)acquisition; until then, probes should come in a burst."""
        return self._acquired

    @property
    def usable_for_signing(self) -> bool:
        """At least two mutually consistent probes back the estimate."""
        return len(self._accepted()) >= 2

    def maintenance_interval(self) -> float:
        """Seconds between maintenance probes, within 20–600 s.

        Chosen so the hard bound grows by at most 3 % of the minimum RTT from rate
        uncertainty before the next probe: 20 s while the rate is only known to the
        ±500 ppm box, a few minutes once it is known to a few ppm. (Measured: a 10 %
        budget halves the requests but doubles the rate error after 6 h.) Right after a
        falseticker it is only a few seconds: the flagged probe may be the first sign of
        a server step, which needs two more probes to confirm.
        """
        if not self._acquired or not self._polygon:
            return _MIN_MAINTENANCE
        if self._pool[-1].status is _Status.FLAGGED:
            return _RECHECK
        rho_low, rho_high, _ = self._rate_bounds()
        rate_half = max(0.5 * (rho_high - rho_low), 1e-9)
        rtt_min = min(e.probe.rtt for e in self._accepted())
        budget = _GROWTH_BUDGET * max(rtt_min, 0.02)
        return min(max(budget / rate_half, _MIN_MAINTENANCE), _MAX_MAINTENANCE)

    def reset(self) -> None:
        """Forget all constraints (after suspend/resume or a network change).

        A suspend stops the monotonic clock on some systems, which shifts ``φ``; a new
        network path changes the delays. Either way a fresh acquisition burst is cheaper
        than sorting it out through falsetickers. The chart history is kept.
        """
        self._pool.clear()
        self._polygon = []
        self._start_epoch(0)

    def history(self) -> tuple[OffsetEstimate, ...]:
        """One estimate per accepted probe (evaluated at its reply), oldest first."""
        return tuple(self._history)

    def accepted_probes(self) -> tuple[Probe, ...]:
        """The probes that currently constrain the estimate, oldest first."""
        return tuple(e.probe for e in self._accepted())

    def server_now(self, wall_now: float, mono_now: float) -> float | None:
        """Corrected UNIX time ``wall_now + θ``, or ``None`` unless usable for signing.

        ``θ`` is taken with the caller's own ``wall_now − mono_now``, so the result is
        ``mono_now + φ(mono_now)``: a wall-clock step since the last probe cannot leak in.
        """
        if not self.usable_for_signing:
            return None
        low, high = drift.extent(self._polygon, mono_now - self._t_ref)
        theta = 0.5 * (low + high) - ((wall_now - mono_now) - self._base)
        return wall_now + theta

    # ----------------------------------------------------------- bookkeeping

    def _accepted(self) -> list[_Entry]:
        return [e for e in self._pool if e.status is _Status.ACCEPTED]

    def _insert(self, entry: _Entry) -> None:
        if not self._pool or self._pool[-1].probe.sent <= entry.probe.sent:
            self._pool.append(entry)
        else:
            keys = [e.probe.sent for e in self._pool]
            self._pool.insert(bisect.bisect_right(keys, entry.probe.sent), entry)

    def _expire(self, now: float) -> bool:
        """Drop probes older than the window or beyond ``max_probes``; True if the
        polygon must be recomputed (a binding accepted probe went, or the last one)."""
        horizon = now - self._window
        drop = 0
        while drop < len(self._pool) and (
            self._pool[drop].probe.received < horizon or len(self._pool) - drop >= self._max_probes
        ):
            drop += 1
        if not drop:
            return False
        gone = [e for e in self._pool[:drop] if e.status is _Status.ACCEPTED]
        del self._pool[:drop]
        if not gone:
            return False
        return any(self._binding(e) for e in gone) or not self._accepted()

    def _binding(self, entry: _Entry) -> bool:
        """Whether one of the entry's constraints touches the polygon (removing a
        constraint that has slack everywhere leaves the polygon unchanged)."""
        if not self._polygon:
            return False
        c, bound = entry.lower_line(self._t_ref)
        if drift.slack(self._polygon, c, bound, -1) <= _SLACK:
            return True
        c, bound = entry.upper_line(self._t_ref)
        return drift.slack(self._polygon, c, bound, +1) <= _SLACK

    def _start_epoch(self, accepted: int) -> None:
        self._since_acquisition = accepted
        self._falsetickers = 0
        self._acquired = False
        self._track.clear()
        self._rate_fit = None
        self._side_run = 0

    def _record(self, at: float) -> None:
        estimate = self.estimate(at)
        if estimate is None:
            return
        self._history.append(estimate)
        middle = estimate.monotonic_offset - self._base
        self._track.append((at, middle, estimate.half_width))
        while self._track[0][0] < at - self._window:
            self._track.popleft()
        self._rate_fit = _weighted_slope(self._track)
        if not self._acquired:
            converged = 2 * estimate.half_width <= 1.25 * estimate.rtt_min + 0.002
            self._acquired = self._since_acquisition >= _ACQUISITION_PROBES or (
                converged and estimate.samples >= _STEP_RUN
            )

    # ----------------------------------------------------------- geometry

    def _clip(self, polygon: list[drift.Vertex], entry: _Entry) -> list[drift.Vertex]:
        c, bound = entry.lower_line(self._t_ref)
        polygon = drift.clip(polygon, c, bound, -1)
        if polygon:
            c, bound = entry.upper_line(self._t_ref)
            polygon = drift.clip(polygon, c, bound, +1)
        return polygon

    def _move_reference(self, t_ref: float) -> None:
        """Re-express the polygon around a new reference time (keeps numbers small)."""
        if self._polygon:
            self._polygon = drift.shift_reference(self._polygon, t_ref - self._t_ref)
        self._t_ref = t_ref

    def _region(self, entries: Iterable[_Entry]) -> list[drift.Vertex]:
        t_ref = self._t_ref
        chosen = list(entries)
        if not chosen:
            return []
        lower = sorted(e.lower_line(t_ref) for e in chosen)
        upper = sorted(e.upper_line(t_ref) for e in chosen)
        return drift.feasible_region(lower, upper, self._rho_max)

    def _recompute(self) -> None:
        self._polygon = self._region(self._accepted())

    def _rate_bounds(self) -> tuple[float, float, float]:
        rhos = [rho for _, rho in self._polygon]
        low, high = min(rhos), max(rhos)
        if self._rate_fit is None:
            return low, high, 0.5 * (low + high)
        return low, high, min(max(self._rate_fit, low), high)

    def _greedy(
        self, polygon: list[drift.Vertex], candidates: Sequence[_Entry]
    ) -> tuple[list[drift.Vertex], list[_Entry]]:
        """Add candidates in order whenever they fit; returns the region and the taken."""
        taken: list[_Entry] = []
        for entry in candidates:
            trial = self._clip(polygon, entry)
            if trial:
                polygon = trial
                taken.append(entry)
        return polygon, taken

    # ----------------------------------------------------------- bad samples

    def _restart(self, entry: _Entry) -> Verdict:
        """No accepted history (first probe, after reset or expiry): start from this
        probe plus any kept-aside probes that agree with it, newest first."""
        others = [e for e in reversed(self._pool) if e.status is _Status.FLAGGED]
        polygon, taken = self._greedy(self._region([entry]), others)
        for e in taken:
            e.status = _Status.ACCEPTED
        self._insert(entry)
        self._polygon = polygon
        self._start_epoch(len(taken) + 1)
        return Verdict.ACCEPTED

    def _resolve_conflict(self, entry: _Entry) -> Verdict:
        run: list[_Entry] = []
        for e in reversed(self._pool):
            if e.status is not _Status.FLAGGED:
                break
            run.append(e)
        if len(run) >= _STEP_RUN - 1 and self._region([entry, *run[: _STEP_RUN - 1]]):
            return self._reacquire(entry, run)
        entry.status = _Status.FLAGGED  # a challenger: no bonus for being current
        self._insert(entry)
        polygon, chosen = self._largest_consistent(self._pool)
        members = {id(e) for e in chosen}
        for e in self._pool:
            if id(e) in members:
                e.status = _Status.ACCEPTED
            elif e.status is _Status.ACCEPTED:
                e.status = _Status.FLAGGED
                self._falsetickers += 1
        self._polygon = polygon
        if entry.status is _Status.FLAGGED:
            self._falsetickers += 1
            return Verdict.FALSETICKER
        self._since_acquisition += 1
        return Verdict.ACCEPTED

    def _largest_consistent(
        self, candidates: list[_Entry]
    ) -> tuple[list[drift.Vertex], list[_Entry]]:
        """Approximately the largest subset of ``candidates`` that one clock satisfies.

        For each of a few trial rates (zero and small rates, the current polygon's
        extremes and centre, the fitted rate) Marzullo's sweep finds the offset covered
        by most probes; the
        best (rate, offset) point names a consistent set, which is then extended by any
        other probe that still fits. Trying the current polygon's centre guarantees the
        result is never smaller than the current set.
        """
        t_ref = self._t_ref
        # One per probe; ties go to the current set, then to newer probes (the bonuses
        # add up to less than one probe, so they never outvote a larger set).
        count = len(candidates)
        weights = [
            1.0
            + (0.5 / count if e.status is _Status.ACCEPTED else 0.0)
            + 0.25 * rank / (count * count)
            for rank, e in enumerate(candidates)
        ]
        lows = [e.low for e in candidates]
        highs = [e.high for e in candidates]
        c_lows = [e.probe.received - t_ref for e in candidates]
        c_highs = [e.probe.sent - t_ref for e in candidates]
        best_depth, best_y, best_rho = -1.0, 0.0, 0.0
        for rho in self._trial_rates():
            depth, y = selection.deepest(
                [low - rho * c for low, c in zip(lows, c_lows, strict=True)],
                [high - rho * c for high, c in zip(highs, c_highs, strict=True)],
                weights,
            )
            if depth > best_depth:
                best_depth, best_y, best_rho = depth, y, rho
        members = [
            e
            for e, low, c_low, high, c_high in zip(
                candidates, lows, c_lows, highs, c_highs, strict=True
            )
            if low - best_rho * c_low <= best_y <= high - best_rho * c_high
        ]
        region = self._region(members)
        if not region:  # only conceivable through rounding at a single touching point
            region, members = self._greedy(self._region(members[-1:]), members[::-1])
        chosen = {id(e) for e in members}
        rest = [e for e in reversed(candidates) if id(e) not in chosen]
        region, extra = self._greedy(region, rest)
        return region, members + extra

    def _trial_rates(self) -> list[float]:
        rates = [f * self._rho_max for f in _RATE_GRID]
        if self._polygon:
            rhos = [rho for _, rho in self._polygon]
            rates += [min(rhos), max(rhos), sum(rhos) / len(rhos)]
        if self._rate_fit is not None:
            rates.append(min(max(self._rate_fit, -self._rho_max), self._rho_max))
        return rates

    def _reacquire(self, entry: _Entry, run: list[_Entry]) -> Verdict:
        """A step: drop history and restart from the newest agreeing probes."""
        self._pool = run[::-1]
        polygon, taken = self._greedy(self._region([entry]), run)
        for e in taken:
            e.status = _Status.ACCEPTED
        self._insert(entry)
        self._polygon = polygon
        self._start_epoch(len(taken) + 1)
        return Verdict.REACQUIRED

    # ----------------------------------------------------------- statistics

    def _scheduling_rtt(self) -> float:
        """Minimum of the last few plausible RTTs: a proxy for twice the forward delay."""
        rtts = [e.probe.rtt for e in self._pool]
        floor = min(rtts)
        recent = rtts[-_RECENT_RTTS:]
        usable = [r for r in recent if r <= _MAX_SCHEDULING_RTT and r <= _RTT_OUTLIER_RATIO * floor]
        return min(usable) if usable else min(recent)

    def _side(self, probe: Probe) -> int:
        """+1 if the server returned the second we expected it to be in by now (it read
        its clock just after the aimed tick), −1 if it returned the one before."""
        middle_time = 0.5 * (probe.sent + probe.received)
        low, high = drift.extent(self._polygon, middle_time - self._t_ref)
        expected = middle_time + 0.5 * (low + high)
        return 1 if expected - (probe.server_time - self._base) < 0.5 else -1

    def _nudge(self, rtt: float) -> float:
        """Shift of the aim (seconds, + = later) after a run of same-side landings.

        After ``k ≥ 3`` probes that all read just after a tick (only lower bounds
        refreshed) the aim moves ``rtt/8 · 2^(k−3)`` earlier, and vice versa.
        """
        run = self._side_run
        if abs(run) < _SIDE_RUN:
            return 0.0
        size = min(_NUDGE * rtt * 2.0 ** (abs(run) - _SIDE_RUN), _MAX_NUDGE)
        return -size if run > 0 else size

    def _typical_error(
        self, at: float, middle: float, half_width: float, rate: float
    ) -> float | None:
        """RMS scatter of recent midpoints (carried to ``at`` at the estimated rate) around
        the current one, like NTP jitter; only estimates about as tight as the newest
        count, so the wide early steps of an acquisition do not inflate it."""
        if not self._track:
            return None
        newest_half = self._track[-1][2]
        recent = list(self._track)[-_JITTER_SAMPLES:]
        limit = 2.0 * newest_half + 0.001
        spread = [m + rate * (at - t) - middle for t, m, h in recent if h <= limit]
        if len(spread) < _MIN_JITTER_SAMPLES:
            return None
        rms = math.sqrt(sum(s * s for s in spread) / len(spread))
        return min(rms, half_width)


def _weighted_slope(track: Sequence[tuple[float, float, float]]) -> float | None:
    """Least-squares slope of midpoints against time, weighted by 1/half-width².

    Why: the hard rate bounds only move when an extreme probe arrives, so their
    midpoint is a jumpy point estimate; the trend of all recent midpoints averages the
    jitter away (≈ √12·σ/(T·√n)). The caller clamps it into the hard bounds.
    """
    if len(track) < _MIN_FIT_POINTS or track[-1][0] - track[0][0] < _MIN_FIT_SPAN:
        return None
    t0 = track[-1][0]
    sw = st = sm = stt = stm = 0.0
    for t, m, h in track:
        w = 1.0 / (h * h)
        dt = t - t0
        sw += w
        st += w * dt
        sm += w * m
        stt += w * dt * dt
        stm += w * dt * m
    denominator = sw * stt - st * st
    if denominator <= 0.0:
        return None
    return (sw * stm - st * sm) / denominator
