"""The concurrent burst in virtual time: coverage, accuracy, time to answer, requests.

Each trial runs ``run_burst`` against a seeded world with overlapping probes
(``VirtualLauncher``). The thresholds below were set from measurement, with margin; the
measured values are in the comments next to them.

What two seconds allow (why the half-width targets are what they are): the server's
integer changes once a second, so a burst that answers within two seconds sees that tick
twice: once blind (the sweep, ~10 probes across one second), once aimed (the refinement,
the remaining ~6–9 probes across the bracket the sweep found). With at most 16 requests
that splits the second into at best ~1/100 (8–14 ms with delays that vary), and the hard
interval cannot be narrower than that plus the round trip. At 100 ms RTT that is
1.10–1.15 × RTT_min; at 2 ms it is ~5 ×, whatever the algorithm. A third tick (a 3 s
target, see ``test_a_longer_target_buys_a_third_pass``) brings 100 ms to ~1.07 ×.
"""

from __future__ import annotations

import math
import random
import statistics
from dataclasses import dataclass

import pytest

from tests.clock.simulator import Path, Server, Simulation, VirtualLauncher
from wallet_gui.clock import OffsetEstimate, OffsetEstimator, Probe, Verdict, run_burst
from wallet_gui.clock.burst import ANSWER_TARGET_S, MAX_REQUESTS, answer_due


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[round(q * (len(ordered) - 1))]


class _Checking:
    """An estimator that checks the truth after every answer the burst feeds it."""

    def __init__(self, sim: Simulation) -> None:
        self.sim = sim
        self.estimator = OffsetEstimator()
        self.checks = 0

    def add(self, probe: Probe) -> Verdict:
        verdict = self.estimator.add(probe)
        estimate = self.estimator.estimate()
        assert estimate is not None
        assert self.sim.covered(estimate), f"after the answer to the probe sent at {probe.sent}"
        self.checks += 1
        return verdict

    def estimate(self, at: float | None = None) -> OffsetEstimate | None:
        return self.estimator.estimate(at)

    @property
    def usable_for_signing(self) -> bool:
        return self.estimator.usable_for_signing


@dataclass
class _Outcome:
    estimate: OffsetEstimate
    seconds: float
    requests: int
    sim: Simulation

    @property
    def error(self) -> float:
        return self.sim.error(self.estimate)

    @property
    def ratio(self) -> float:
        return self.estimate.half_width / (self.estimate.rtt_min / 2)


def _burst(sim: Simulation, **options: float) -> _Outcome:
    estimator = OffsetEstimator()
    launcher = VirtualLauncher(sim)
    start = sim.clock.now
    estimate = run_burst(estimator, launcher, time_source=sim.clock, **options)  # type: ignore[arg-type]
    assert estimate is not None
    return _Outcome(estimate, sim.clock.now - start, len(launcher.launched), sim)


def _cell(
    rtt: float, jitter: float, forward_share: float, trials: int, **options: float
) -> list[_Outcome]:
    outcomes = []
    for seed in range(trials):
        rng = random.Random(seed)
        path = Path(rtt * forward_share, rtt * (1 - forward_share), jitter, jitter)
        server = Server(offset=rng.uniform(-5000.0, 5000.0), rate_ppm=rng.uniform(-100, 100))
        outcome = _burst(Simulation(server, path, seed=seed), **options)
        assert outcome.sim.covered(outcome.estimate), f"seed {seed}"
        outcomes.append(outcome)
    return outcomes


# --------------------------------------------------------------------- coverage and budget


def _random_world(seed: int) -> Simulation:
    rng = random.Random(seed)
    offset = rng.choice(
        [rng.uniform(-1e4, 1e4), rng.uniform(-1.0, 1.0), 3600.37, -3600.37, 86400 * 365.25]
    )
    rtt = rng.choice([0.002, 0.02, 0.1, 0.3, rng.uniform(0.002, 0.4)])
    share = rng.uniform(0.1, 0.9)  # forward share of the base round trip
    path = Path(
        forward=rtt * share,
        backward=rtt * (1 - share),
        forward_jitter=rng.uniform(0.0, 0.15) * rtt,
        backward_jitter=rng.uniform(0.0, 0.15) * rtt,
        spike_probability=rng.choice([0.0, 0.05, 0.2]),
        spike_max=rng.uniform(0.05, 0.5),
        processing=rng.uniform(0.0, 0.005),
    )
    server = Server(offset=offset, rate_ppm=rng.uniform(-100.0, 100.0))
    return Simulation(server, path, seed=seed)


def test_truth_inside_after_every_answer_within_budget_and_time_in_thousands_of_worlds() -> None:
    checks = fast = 0
    for seed in range(2500):
        sim = _random_world(seed)
        sink = _Checking(sim)
        launcher = VirtualLauncher(sim)
        start = sim.clock.now
        estimate = run_burst(sink, launcher, time_source=sim.clock)
        assert estimate is not None
        assert sim.covered(estimate), f"seed {seed}"
        # ...and a minute later, carried there by the rate bounds
        later = sink.estimator.estimate(sim.clock.now + 60.0)
        assert later is not None
        assert sim.covered(later), f"seed {seed}, a minute later"
        assert len(launcher.launched) <= MAX_REQUESTS
        seconds = sim.clock.now - start
        assert seconds <= answer_due(estimate.rtt_min) + 1e-9, f"seed {seed}"
        if estimate.rtt_min <= 0.1:
            assert seconds <= ANSWER_TARGET_S + 1e-9, f"seed {seed}"
            fast += 1
        checks += sink.checks
    assert checks > 25_000
    assert fast > 1000


# --------------------------------------------------------------------- accuracy per RTT


def test_100ms_symmetric_with_10ms_jitter_per_leg() -> None:
    # Measured over these 1000 trials: |error| median 5.0 ms (4.7–5.0 over other seeds
    # and sweep shapes: the 5 ms target is met only just), p95 18 ms; half-width /
    # (RTT_min/2) median 1.27, p95 1.63; 1.63 s to the answer (median), 2.00 s at most;
    # 15.3 requests. The 8-probe sequential burst: 4.4 ms,
    # ratio 1.25, in 5.9 s.
    outcomes = _cell(0.1, 0.01, 0.5, 1000)
    errors = [abs(o.error) for o in outcomes]
    ratios = [o.ratio for o in outcomes]
    assert statistics.median(errors) < 0.0055
    assert _quantile(errors, 0.95) < 0.022
    assert statistics.median(ratios) < 1.3
    assert _quantile(ratios, 0.95) < 1.7
    assert statistics.median(o.seconds for o in outcomes) < 1.75
    assert max(o.requests for o in outcomes) <= MAX_REQUESTS


def test_100ms_symmetric_with_2ms_jitter_per_leg() -> None:
    # Measured: |error| median 3.0 ms, p95 13 ms; ratio median 1.14, p95 1.52 (the tail:
    # ticks in the sweep's last round trip, answered by the sweep alone).
    outcomes = _cell(0.1, 0.002, 0.5, 600)
    errors = [abs(o.error) for o in outcomes]
    ratios = [o.ratio for o in outcomes]
    assert statistics.median(errors) < 0.0035
    assert _quantile(errors, 0.95) < 0.016
    assert statistics.median(ratios) < 1.17
    assert _quantile(ratios, 0.95) < 1.6
    assert all(o.seconds <= ANSWER_TARGET_S + 1e-9 for o in outcomes if o.estimate.rtt_min <= 0.1)


def test_100ms_asymmetric_20_80() -> None:
    # Forward 20 ms, back 80 ms: the midpoint sits (20 − 80)/2 = −30 ms off, which no
    # client can see; the interval still holds. Measured: mean error −29.8 ms; ratio
    # median 1.21, p95 1.55.
    outcomes = _cell(0.1, 0.005, 0.2, 600)
    errors = [o.error for o in outcomes]
    ratios = [o.ratio for o in outcomes]
    assert statistics.mean(errors) == pytest.approx(-0.030, abs=0.003)
    assert statistics.median(ratios) < 1.25
    assert _quantile(ratios, 0.95) < 1.65


@pytest.mark.parametrize(
    ("forward_share", "jitter", "median_limit", "ratio_limit"),
    [
        # measured: |error| median 9.3 ms, ratio median 1.15, p95 1.29, 2.2 s (max 2.67 s)
        (0.5, 0.03, 0.011, 1.2),
        # forward 240 / back 60 ms: mean error +89 ms (bias +90); ratio 1.08, p95 1.16
        (0.8, 0.01, None, 1.12),
    ],
)
def test_300ms(
    forward_share: float, jitter: float, median_limit: float | None, ratio_limit: float
) -> None:
    outcomes = _cell(0.3, jitter, forward_share, 500)
    ratios = [o.ratio for o in outcomes]
    assert statistics.median(ratios) < ratio_limit
    assert _quantile(ratios, 0.95) < ratio_limit + 0.12
    if median_limit is not None:
        assert statistics.median(abs(o.error) for o in outcomes) < median_limit
    else:
        bias = (0.3 * forward_share - 0.3 * (1 - forward_share)) / 2
        assert statistics.mean(o.error for o in outcomes) == pytest.approx(bias, abs=0.006)
    assert all(o.seconds <= answer_due(o.estimate.rtt_min) + 1e-9 for o in outcomes)
    assert max(o.seconds for o in outcomes) < 2.9


@pytest.mark.parametrize("forward_share", [0.5, 0.2])
def test_2ms(forward_share: float) -> None:
    # Measured (both shares): |error| median 2.3 ms, p95 5 ms; ratio median 5.9, p95 6.9 —
    # the two-ticks-in-two-seconds limit (module docstring); 12 requests, because each
    # answer is back before the next probe would leave and makes the rest of a pass moot.
    outcomes = _cell(0.002, 0.0002, forward_share, 400)
    ratios = [o.ratio for o in outcomes]
    assert statistics.median(abs(o.error) for o in outcomes) < 0.003
    assert statistics.median(ratios) < 6.5
    assert max(o.seconds for o in outcomes) <= ANSWER_TARGET_S + 1e-9
    assert statistics.mean(o.requests for o in outcomes) < 13.0


def test_20ms() -> None:
    # Measured: |error| median 2.6 ms, p95 6.4 ms; ratio median 1.64; 1.56 s; 13.5 requests.
    outcomes = _cell(0.02, 0.002, 0.5, 400)
    assert statistics.median(abs(o.error) for o in outcomes) < 0.0032
    assert statistics.median(o.ratio for o in outcomes) < 1.75
    assert max(o.seconds for o in outcomes) <= ANSWER_TARGET_S + 1e-9


# --------------------------------------------------------------------- the phase of the tick


def _phase_world(fraction: float, seed: int, rtt: float) -> Simulation:
    # Integer start and wall offset: frac(θ) is then the phase of the server's tick in
    # the local second, and the burst starts right on a local tick.
    return Simulation(
        Server(offset=(-1) ** seed * (seed % 5) * 1000 + fraction),
        Path.symmetric(rtt, rtt * 0.03),
        seed=seed,
        start=10_000.0,
        wall_offset=1_700_000_000.0,
    )


def test_every_phase_of_the_server_tick() -> None:
    # Where the tick falls decides which gap of the sweep brackets it and whether the
    # refinement still fits before the two seconds are up; in the last round trip of
    # the sweep's second it does not, and the sweep's dense end answers alone.
    # Measured at 100 ms (3 ms jitter per leg): ratio median 1.16, worst 1.68; |error|
    # median 3.1 ms, worst 26 ms.
    ratios, errors = [], []
    for index in range(1000):
        sim = _phase_world(index / 1000, index, 0.1)
        outcome = _burst(sim)
        assert sim.covered(outcome.estimate), index
        assert outcome.seconds <= answer_due(outcome.estimate.rtt_min) + 1e-9
        ratios.append(outcome.ratio)
        errors.append(abs(outcome.error))
    assert statistics.median(ratios) < 1.2
    assert max(ratios) < 1.8
    assert statistics.median(errors) < 0.004
    assert max(errors) < 0.035


# --------------------------------------------------------------------- bad answers


@pytest.mark.parametrize("seed", range(40))
def test_stale_and_cached_answers_in_a_burst(seed: int) -> None:
    # A cache that replays answers 2–30 s old (no Age header) on 15 % of the probes and
    # one that says so on 10 %: cached answers are rejected, stale ones voted out.
    server = Server(
        offset=random.Random(seed).uniform(-1e3, 1e3),
        stale_probability=0.15,
        stale_age=(2.0, 30.0),
        cached_probability=0.1,
    )
    sim = Simulation(server, Path.symmetric(0.1, 0.01), seed=seed)
    estimator = OffsetEstimator()
    estimate = run_burst(estimator, VirtualLauncher(sim), time_source=sim.clock)
    assert estimate is not None
    kinds = {sim.record_of(p).kind for p in estimator.accepted_probes()}
    assert kinds == {"fresh"}
    assert sim.covered(estimate)


def _stale_first(sim: Simulation) -> None:
    """Make the simulated server's very first answer five seconds old."""
    real = sim.exchange

    def exchange(sent: float) -> Probe:
        probe = real(sent)
        if len(sim.records) == 1:
            return Probe(probe.sent, probe.received, probe.server_time - 5, probe.wall_offset)
        return probe

    sim.exchange = exchange  # type: ignore[method-assign]


def test_a_stale_first_answer_is_outvoted() -> None:
    # The very first answer is 5 s old; the sweep is planned around it until fresh
    # answers contradict it, and the vote then drops it. The sweep has then lost its
    # first slot, so a tick in the widened wrap gap may get only the part of its
    # refinement that still fits in the two seconds.
    for seed in range(30):
        sim = Simulation(Server(offset=-12.5), Path.symmetric(0.1, 0.005), seed=seed)
        _stale_first(sim)
        estimator = OffsetEstimator()
        estimate = run_burst(estimator, VirtualLauncher(sim), time_source=sim.clock)
        assert estimate is not None
        assert sim.covered(estimate), seed
        assert estimate.falsetickers >= 1
        assert estimate.half_width < 0.15


# --------------------------------------------------------------------- failures and limits


def test_failed_probes_are_skipped() -> None:
    sim = Simulation(Server(offset=7.7), Path.symmetric(0.05, 0.002), seed=11)
    estimator = OffsetEstimator()
    launcher = VirtualLauncher(sim, failing=frozenset({1, 4}))
    estimate = run_burst(estimator, launcher, time_source=sim.clock)
    assert estimate is not None
    assert sim.covered(estimate)
    assert estimate.half_width < 0.05
    assert len(launcher.launched) <= MAX_REQUESTS


def test_every_probe_failing_raises_the_first_error_after_a_few() -> None:
    sim = Simulation(seed=12)
    launcher = VirtualLauncher(sim, failing=frozenset(range(100)))
    with pytest.raises(ConnectionError):
        run_burst(OffsetEstimator(), launcher, time_source=sim.clock)
    assert len(launcher.launched) <= 5  # stops after three failures (plus any in flight)


def test_the_deadline_is_never_passed() -> None:
    for seed in range(50):
        sim = Simulation(Server(offset=seed * 0.37), Path.symmetric(0.3, 0.05), seed=seed)
        launcher = VirtualLauncher(sim)
        start = sim.clock.now
        estimate = run_burst(OffsetEstimator(), launcher, time_source=sim.clock, deadline_s=0.8)
        assert sim.clock.now - start <= 0.8 + 1e-9
        assert estimate is None or sim.covered(estimate)
        assert all(send + 0.3 <= start + 0.8 + 0.35 for send in launcher.launched)


def test_in_flight_limit() -> None:
    sim = Simulation(Server(offset=-3.3), Path.symmetric(0.3, 0.01), seed=13)
    estimator = OffsetEstimator()
    launcher = VirtualLauncher(sim)
    estimate = run_burst(estimator, launcher, time_source=sim.clock, max_in_flight=2)
    assert estimate is not None
    assert sim.covered(estimate)
    assert launcher.in_flight_peak <= 2


def test_signing_is_ready_after_two_answers() -> None:
    sim = Simulation(Server(offset=99.9), Path.symmetric(0.1, 0.005), seed=14)
    estimator = OffsetEstimator()
    start = sim.clock.now
    calls: list[float] = []
    run_burst(
        estimator,
        VirtualLauncher(sim),
        time_source=sim.clock,
        on_usable=lambda: calls.append(sim.clock.now - start),
    )
    assert len(calls) == 1
    assert calls[0] < 0.3  # the second sweep probe leaves 0.13 s in and is back 0.1 s later


def test_a_clock_that_already_knows_the_tick_skips_the_sweep() -> None:
    # After a sequential acquisition the tick is known to about an RTT: a burst then goes
    # straight to a refinement at the next tick, a handful of requests.
    sim = Simulation(Server(offset=31.4), Path.symmetric(0.1, 0.002), seed=15)
    estimator = OffsetEstimator()
    sim.burst(estimator, 4)
    before = estimator.estimate()
    assert before is not None
    sim.clock.advance(30.0)
    launcher = VirtualLauncher(sim)
    start = sim.clock.now
    estimate = run_burst(estimator, launcher, time_source=sim.clock)
    assert estimate is not None
    assert sim.covered(estimate)
    assert sim.clock.now - start < 1.3
    assert estimate.half_width <= before.half_width
    assert min(launcher.launched) > start + 0.01  # aimed, not swept from the start


def test_a_longer_target_buys_a_third_pass() -> None:
    # Measured at 100 ms RTT, 2 ms jitter per leg: ratio median 1.07 in 2.5 s (three
    # ticks), against 1.14 in 1.6 s.
    outcomes = _cell(0.1, 0.002, 0.5, 300, target_s=3.0)
    assert statistics.median(o.ratio for o in outcomes) < 1.1
    assert max(o.seconds for o in outcomes) <= 3.0 + 1e-9


def test_answer_due_grows_with_the_round_trip_beyond_100ms() -> None:
    assert answer_due(0.002) == ANSWER_TARGET_S
    assert answer_due(0.1) == ANSWER_TARGET_S
    assert answer_due(0.12) == ANSWER_TARGET_S
    assert answer_due(0.3) == pytest.approx(2.54)
    assert math.isclose(answer_due(0.1, 3.0), 3.0)
