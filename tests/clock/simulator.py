"""A seeded virtual-time world for testing the clock estimator.

A :class:`Simulation` owns a virtual clock (monotonic and wall), a model server and a
network path. Its :meth:`Simulation.transport` behaves like the real probe transport: it
starts at the current virtual time, lets the request travel, has the server *floor* its
clock (or misbehave as configured) and advances time to the first reply byte. Because the
truth is known exactly, tests can check every interval the estimator reports.

Everything is driven by one ``random.Random(seed)``, so a failing trial is reproduced by
its seed alone.
"""

from __future__ import annotations

import heapq
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from wallet_gui.clock import OffsetEstimate, OffsetEstimator, Probe, Verdict


@dataclass(frozen=True)
class Path:
    """One-way delays: base + exponential jitter + an occasional spike, per leg."""

    forward: float = 0.05
    backward: float = 0.05
    forward_jitter: float = 0.0
    """Mean of the exponential extra delay on the request leg."""
    backward_jitter: float = 0.0
    spike_probability: float = 0.0
    """Chance, per leg, of an extra uniform(0, ``spike_max``) delay (queueing, loss)."""
    spike_max: float = 0.0
    processing: float = 0.0
    """Server time between reading its clock and sending the first byte."""

    @classmethod
    def symmetric(cls, rtt: float, jitter: float = 0.0, **kwargs: float) -> Path:
        """Equal legs summing to ``rtt`` with the same jitter mean on each."""
        return cls(rtt / 2, rtt / 2, jitter, jitter, **kwargs)


@dataclass(frozen=True)
class Server:
    """The model server behind the API (and whatever sits in front of it)."""

    offset: float = 0.0
    """True ``θ = server − wall`` at the start of the simulation."""
    rate_ppm: float = 0.0
    """How fast the server clock runs against the local monotonic clock."""
    steps: tuple[tuple[float, float], ...] = ()
    """``(seconds after start, step)``: the server clock jumps by ``step``."""
    backends: tuple[float, ...] = (0.0,)
    """Extra offset of each load-balanced backend (backend 0 is the reference)."""
    backend_weights: tuple[float, ...] | None = None
    cached_probability: float = 0.0
    """A cache replays an older answer *with* an ``Age`` header."""
    stale_probability: float = 0.0
    """A cache replays an older answer *without* saying so."""
    stale_age: tuple[float, float] = (1.0, 30.0)
    rounding: bool = False
    """Round instead of floor: breaks the model (the estimate is then 0.5 s off)."""


@dataclass(frozen=True)
class Record:
    """What really happened in one exchange."""

    probe: Probe
    backend: int
    kind: str  # "fresh", "cached" or "stale"
    forward: float
    backward: float


class VirtualClock:
    """Monotonic and wall clocks that only move when told to (a ``TimeSource``)."""

    def __init__(self, start: float, wall_offset: float) -> None:
        self.now = start
        self.wall_offset = wall_offset

    def monotonic(self) -> float:
        return self.now

    def wall(self) -> float:
        return self.now + self.wall_offset

    def sleep_until(self, monotonic_deadline: float) -> None:
        self.now = max(self.now, monotonic_deadline)

    def advance(self, seconds: float) -> None:
        self.now += seconds

    def step_wall(self, step: float) -> None:
        """Someone set the system clock: the wall jumps, the monotonic clock does not."""
        self.wall_offset += step


@dataclass
class Simulation:
    """One seeded world: clock, server and path, plus a log of every exchange."""

    server: Server = field(default_factory=Server)
    path: Path = field(default_factory=Path)
    seed: int = 0
    start: float | None = None
    wall_offset: float | None = None
    records: list[Record] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        start = self.start if self.start is not None else self.rng.uniform(1e3, 1e6)
        wall_offset = (
            self.wall_offset if self.wall_offset is not None else 1.7e9 + self.rng.uniform(0.0, 1e7)
        )
        self.start = start
        self.clock = VirtualClock(start, wall_offset)
        self._phi0 = self.server.offset + wall_offset
        self._last_fresh: int | None = None

    # ------------------------------------------------------------ the truth

    def true_phi(self, t: float, backend: int = 0) -> float:
        """``server − monotonic`` at monotonic time ``t``."""
        assert self.start is not None
        elapsed = t - self.start
        phi = self._phi0 + self.server.rate_ppm * 1e-6 * elapsed + self.server.backends[backend]
        for at, step in self.server.steps:
            if elapsed >= at:
                phi += step
        return phi

    def true_offset(self, t: float, wall_offset: float, backend: int = 0) -> float:
        """``θ = server − wall`` at ``t``, for the given wall−monotonic mapping."""
        return self.true_phi(t, backend) - wall_offset

    def error(self, estimate: OffsetEstimate, backend: int = 0) -> float:
        """Signed error of the estimate's midpoint (positive: estimate too high)."""
        return estimate.offset - self.true_offset(estimate.at, estimate.wall_offset, backend)

    def covered(self, estimate: OffsetEstimate, backend: int = 0) -> bool:
        """Whether the truth lies in the reported hard interval (no tolerance at all)."""
        truth = self.true_offset(estimate.at, estimate.wall_offset, backend)
        return estimate.lower <= truth <= estimate.upper

    # ------------------------------------------------------------ the network

    def _leg(self, base: float, jitter: float) -> float:
        delay = base + (self.rng.expovariate(1.0 / jitter) if jitter > 0 else 0.0)
        if self.path.spike_probability and self.rng.random() < self.path.spike_probability:
            delay += self.rng.uniform(0.0, self.path.spike_max)
        return delay

    def _backend(self) -> int:
        count = len(self.server.backends)
        if count == 1:
            return 0
        weights = self.server.backend_weights or (1.0,) * count
        return self.rng.choices(range(count), weights=weights)[0]

    def transport(self) -> Probe:
        """One exchange starting now; advances the clock to the first reply byte."""
        probe = self.exchange(self.clock.now)
        self.clock.now = probe.received
        return probe

    def exchange(self, sent: float) -> Probe:
        """One exchange whose request leaves at ``sent``, without moving the clock.

        Exchanges may overlap (concurrent probes on several connections): each draws its
        own delays, in the order they are started, and the server floors its clock at the
        instant this request reaches it.
        """
        wall_offset = self.clock.wall_offset
        forward = self._leg(self.path.forward, self.path.forward_jitter)
        backward = self._leg(self.path.backward, self.path.backward_jitter)
        read = sent + forward
        backend = self._backend()
        reading = read + self.true_phi(read, backend)
        fresh = round(reading) if self.server.rounding else math.floor(reading)
        kind, answer, cached = "fresh", fresh, False
        if self._last_fresh is not None and self.rng.random() < self.server.cached_probability:
            kind, answer, cached = "cached", self._last_fresh, True
        elif self.rng.random() < self.server.stale_probability:
            age = self.rng.uniform(*self.server.stale_age)
            kind, answer = "stale", math.floor(reading - age)
        if kind == "fresh":
            self._last_fresh = fresh
        received = read + self.path.processing + backward
        probe = Probe(sent, received, answer, wall_offset, cached)
        self.records.append(Record(probe, backend, kind, forward, backward))
        return probe

    def record_of(self, probe: Probe) -> Record:
        """The log entry behind a probe."""
        for record in reversed(self.records):
            if record.probe is probe:
                return record
        raise KeyError(probe)

    # ------------------------------------------------------------ driving

    def probe_once(self, estimator: OffsetEstimator, at_or_after: float | None = None) -> Verdict:
        """Send one probe when the estimator says (no earlier than ``at_or_after``)."""
        now = self.clock.now if at_or_after is None else max(self.clock.now, at_or_after)
        self.clock.sleep_until(estimator.next_send_time(now))
        return estimator.add(self.transport())

    def burst(self, estimator: OffsetEstimator, count: int) -> list[Verdict]:
        """``count`` targeted probes back to back."""
        return [self.probe_once(estimator) for _ in range(count)]

    def maintain(self, estimator: OffsetEstimator, until: float) -> Iterator[Verdict]:
        """Maintenance probes at the estimator's own interval until monotonic ``until``."""
        while True:
            due = self.clock.now + estimator.maintenance_interval()
            if due > until:
                return
            yield self.probe_once(estimator, due)


class VirtualLauncher:
    """Concurrent probes in virtual time, for ``wallet_gui.clock.burst.run_burst``.

    A launch computes its exchange at once (delays are drawn in launch order, so a trial
    is reproducible from its seed) and its answer surfaces when :meth:`wait` moves the
    virtual clock to its first reply byte. ``failing`` lists launch numbers (from 0) whose
    probe fails, as a lost connection would, one round trip after it left.
    """

    def __init__(self, sim: Simulation, *, failing: frozenset[int] = frozenset()) -> None:
        self.sim = sim
        self.failing = failing
        self.launched: list[float] = []
        self.probes: list[Probe] = []
        self._queue: list[tuple[float, int, float, Probe | Exception]] = []
        self.in_flight_peak = 0

    def launch(self, send_at: float) -> None:
        assert send_at >= self.sim.clock.now, "a probe cannot leave in the past"
        number = len(self.launched)
        self.launched.append(send_at)
        probe = self.sim.exchange(send_at)
        outcome: Probe | Exception = probe
        if number in self.failing:
            outcome = ConnectionError("connection lost")
        else:
            self.probes.append(probe)
        heapq.heappush(self._queue, (probe.received, number, send_at, outcome))
        in_flight = sum(1 for entry in self._queue if entry[2] <= send_at)
        self.in_flight_peak = max(self.in_flight_peak, in_flight)

    def wait(self, until: float) -> tuple[float, Probe | Exception] | None:
        if self._queue and self._queue[0][0] <= until:
            arrival, _, send_at, outcome = heapq.heappop(self._queue)
            self.sim.clock.sleep_until(arrival)
            return send_at, outcome
        self.sim.clock.sleep_until(until)
        return None

    @property
    def outstanding(self) -> int:
        """Probes launched whose answer has not been handed back."""
        return len(self._queue)
