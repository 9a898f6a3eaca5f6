"""Acquisition accuracy in virtual time: coverage, error percentiles, asymmetry, phase sweep.

Thresholds were set from measurement (see the comments next to them) with margin; the
research targets they are compared against are in the clock-offset reference (§4, §7).
"""

from __future__ import annotations

import random
import statistics

import pytest

from tests.clock.simulator import Path, Server, Simulation
from wallet_gui.clock import OffsetEstimate, OffsetEstimator, Verdict


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[round(q * (len(ordered) - 1))]


def _acquire(sim: Simulation, probes: int, **estimator_args: float) -> OffsetEstimate:
    estimator = OffsetEstimator(**estimator_args)  # type: ignore[arg-type]
    sim.burst(estimator, probes)
    estimate = estimator.estimate()
    assert estimate is not None
    return estimate


def _cell(rtt: float, jitter: float, probes: int, trials: int, *, spikes: float = 0.0):
    """Errors and half-width/(RTT_min/2) ratios over seeded trials of one scenario."""
    errors, ratios = [], []
    for seed in range(trials):
        offset = random.Random(seed).uniform(-5000.0, 5000.0)
        path = Path.symmetric(rtt, jitter, spike_probability=spikes, spike_max=0.3)
        sim = Simulation(Server(offset=offset), path, seed=seed)
        estimate = _acquire(sim, probes)
        assert sim.covered(estimate), f"seed {seed}"
        errors.append(abs(sim.error(estimate)))
        ratios.append(estimate.half_width / (estimate.rtt_min / 2))
    return errors, ratios


# --------------------------------------------------------------------- (i) coverage


def _random_world(seed: int) -> Simulation:
    rng = random.Random(seed)
    offset = rng.choice(
        [rng.uniform(-1e4, 1e4), rng.uniform(-1.0, 1.0), 3600.37, -3600.37, 86400 * 365.25]
    )
    rtt = rng.uniform(0.02, 0.3)
    share = rng.uniform(0.1, 0.9)  # asymmetry: forward share of the base RTT
    jitter = rng.uniform(0.0, 0.15) * rtt
    path = Path(
        forward=rtt * share,
        backward=rtt * (1 - share),
        forward_jitter=jitter,
        backward_jitter=rng.uniform(0.0, 0.15) * rtt,
        spike_probability=rng.choice([0.0, 0.05, 0.2]),
        spike_max=rng.uniform(0.1, 1.0),
        processing=rng.uniform(0.0, 0.01),
    )
    server = Server(offset=offset, rate_ppm=rng.uniform(-100.0, 100.0))
    return Simulation(server, path, seed=seed)


def test_truth_is_inside_the_interval_in_every_trial_and_at_every_step() -> None:
    checks = 0
    for seed in range(2000):
        sim = _random_world(seed)
        estimator = OffsetEstimator()
        for index in range(12):
            assert sim.probe_once(estimator) is Verdict.ACCEPTED
            estimate = estimator.estimate()
            assert estimate is not None
            assert sim.covered(estimate), f"seed {seed}, probe {index}"
            # ...and between probes, extrapolated with the rate bounds
            later = estimator.estimate(sim.clock.now + 30.0)
            assert later is not None
            assert sim.covered(later), f"seed {seed}, probe {index}, 30 s later"
            checks += 2
    assert checks == 48000


@pytest.mark.parametrize("offset", [3600.37, -3600.37, -0.0001, 1e8 + 0.5, -86400.999])
def test_huge_and_negative_offsets(offset: float) -> None:
    errors = []
    for seed in range(50):
        sim = Simulation(Server(offset=offset), Path.symmetric(0.1, 0.01), seed=seed)
        estimate = _acquire(sim, 10)
        assert sim.covered(estimate)
        errors.append(abs(sim.error(estimate)))
    assert statistics.median(errors) < 0.01


# --------------------------------------------------------------------- (ii) accuracy


def test_rtt_100ms_jitter_10ms_eight_probes() -> None:
    # Measured over 2000 trials: median 4.7 ms, p95 14.9 ms, worst 30 ms.
    # Research targets: median ≈ 5 ms, p95 < 35 ms.
    errors, _ = _cell(0.1, 0.01, 8, 2000)
    assert statistics.median(errors) < 0.007
    assert _quantile(errors, 0.95) < 0.020
    assert max(errors) < 0.050


def test_rtt_100ms_jitter_10ms_twelve_probes_half_width() -> None:
    # Measured: error median 2.5 ms / p95 7.8 ms; half-width / (RTT_min/2): median 1.14,
    # p95 1.29 (the ±500 ppm rate box smears a 12-s burst by up to ±3 ms).
    errors, ratios = _cell(0.1, 0.01, 12, 1000)
    assert statistics.median(errors) < 0.004
    assert _quantile(errors, 0.95) < 0.012
    assert statistics.median(ratios) < 1.2
    assert _quantile(ratios, 0.95) < 1.35


def test_low_jitter_reaches_the_rtt_floor() -> None:
    # Measured (RTT 100 ms, 2 ms/leg, 12 probes): ratio median 1.06, p95 1.11.
    errors, ratios = _cell(0.1, 0.002, 12, 500)
    assert _quantile(ratios, 0.95) < 1.15
    assert statistics.median(ratios) < 1.1
    assert _quantile(errors, 0.95) < 0.005


@pytest.mark.parametrize(
    ("rtt", "jitter", "probes", "median_limit", "p95_limit"),
    [
        # measured: 2.8 / 8.9 ms
        (0.02, 0.002, 8, 0.004, 0.012),
        # measured: 1.0 / 2.9 ms
        (0.02, 0.002, 12, 0.002, 0.005),
        # measured: 12 / 39 ms (the research's simulation: 10 / 35 ms)
        (0.3, 0.03, 8, 0.018, 0.050),
        # measured: 6.8 / 24 ms (research: 6.1 / 20 ms)
        (0.3, 0.03, 12, 0.010, 0.030),
    ],
)
def test_error_percentiles_across_rtts(
    rtt: float, jitter: float, probes: int, median_limit: float, p95_limit: float
) -> None:
    errors, _ = _cell(rtt, jitter, probes, 600, spikes=0.05)
    assert statistics.median(errors) < median_limit
    assert _quantile(errors, 0.95) < p95_limit


def test_typical_error_tracks_the_real_error() -> None:
    real, typical, widths = [], [], []
    for seed in range(400):
        sim = Simulation(Server(offset=seed * 0.77), Path.symmetric(0.1, 0.01), seed=seed)
        estimate = _acquire(sim, 16)
        assert estimate.typical_error is not None
        assert 0.0 <= estimate.typical_error <= estimate.half_width
        real.append(abs(sim.error(estimate)))
        typical.append(estimate.typical_error)
        widths.append(estimate.half_width)
    # Far below the hard bound, same order of magnitude as the real error (measured:
    # median typical 3.0 ms, median real error 2.1 ms, median half-width 58 ms).
    assert statistics.median(typical) < statistics.median(widths) / 4
    assert statistics.median(real) / 4 < statistics.median(typical) < 4 * statistics.median(real)


# --------------------------------------------------------------------- (iii) asymmetry


def test_asymmetric_path_biases_the_midpoint_by_half_the_difference() -> None:
    # Forward 20 ms, back 80 ms: the midpoint converges to θ + (20 − 80)/2 ms = θ − 30 ms,
    # which no client can detect; the hard interval still holds.
    errors = []
    for seed in range(300):
        path = Path(0.02, 0.08, 0.001, 0.001)
        sim = Simulation(Server(offset=-7.123 + seed), path, seed=seed)
        estimate = _acquire(sim, 12)
        assert sim.covered(estimate)
        errors.append(sim.error(estimate))
    assert statistics.mean(errors) == pytest.approx(-0.030, abs=0.005)
    assert all(error < 0 for error in errors)


# --------------------------------------------------------------------- (iv) phase sweep


def _phase_world(fraction: float, integer: int, seed: int, rtt: float) -> Simulation:
    # Integer monotonic start and wall offset: frac(θ) is then also the phase of the
    # server's tick within a local wall (and monotonic) second.
    return Simulation(
        Server(offset=integer + fraction),
        Path.symmetric(rtt, 0.003),
        seed=seed,
        start=10_000.0,
        wall_offset=1_700_000_000.0,
    )


def test_sweep_of_the_fractional_offset() -> None:
    fractions = [i / 1000 for i in range(1000)] + [0.9999, 0.99999, 1e-5]
    errors = []
    for index, fraction in enumerate(fractions):
        integer = (-1) ** index * (index % 7) * 1000
        sim = _phase_world(fraction, integer, index, 0.1)
        estimate = _acquire(sim, 10)
        assert sim.covered(estimate), fraction
        errors.append(abs(sim.error(estimate)))
    # Measured: median 1.4 ms, worst 11 ms; no dependence on the phase.
    assert statistics.median(errors) < 0.004
    assert max(errors) < 0.02
    first_half = statistics.median(errors[:500])
    second_half = statistics.median(errors[500:1000])
    assert abs(first_half - second_half) < 0.002


def test_tick_in_the_last_return_leg_of_a_local_second() -> None:
    # htpdate's failure zone: RTT 300 ms, the server tick falls in the last d_b = 150 ms
    # of a local second; htpdate was up to 150 ms off there. Measured: median 1.7 ms,
    # worst 9 ms.
    errors = []
    for step in range(300):
        fraction = 0.85 + step * 0.15 / 300
        sim = _phase_world(fraction, 42, step, 0.3)
        estimate = _acquire(sim, 10)
        assert sim.covered(estimate)
        errors.append(abs(sim.error(estimate)))
    assert statistics.median(errors) < 0.004
    assert max(errors) < 0.02


# --------------------------------------------------------------------- (viii) budget


def test_acquisition_converges_within_the_request_budget() -> None:
    # Measured: acquired after 7 (40 %) or 8 probes; half-width / (RTT_min/2) then has
    # median 1.23, worst 1.64.
    needed, ratios = [], []
    for seed in range(300):
        sim = Simulation(Server(offset=seed * 1.37), Path.symmetric(0.1, 0.01), seed=seed)
        estimator = OffsetEstimator()
        count = 0
        while not estimator.acquired:
            sim.probe_once(estimator)
            count += 1
            assert count <= 12
        needed.append(count)
        estimate = estimator.estimate()
        assert estimate is not None
        ratios.append(estimate.half_width / (estimate.rtt_min / 2))
    assert max(needed) <= 8
    assert statistics.mean(needed) < 7.9
    assert statistics.median(ratios) < 1.3
    assert max(ratios) < 1.8


def test_usable_for_signing_after_two_consistent_probes() -> None:
    sim = Simulation(Server(offset=-120.4), Path.symmetric(0.05, 0.005), seed=3)
    estimator = OffsetEstimator()
    assert not estimator.usable_for_signing
    assert estimator.server_now(sim.clock.wall(), sim.clock.now) is None
    sim.probe_once(estimator)
    assert not estimator.usable_for_signing
    sim.probe_once(estimator)
    assert estimator.usable_for_signing
    corrected = estimator.server_now(sim.clock.wall(), sim.clock.now)
    assert corrected is not None
    server_now = sim.clock.now + sim.true_phi(sim.clock.now)
    assert abs(corrected - server_now) < 0.6


def test_next_send_time_aims_the_server_read_at_a_tick() -> None:
    # No jitter: once converged, requests reach the server right at a tick of its clock
    # (give or take the small nudges that keep both bounds fresh).
    sim = Simulation(Server(offset=55.55), Path.symmetric(0.08, 0.0), seed=9)
    estimator = OffsetEstimator()
    sim.burst(estimator, 10)
    misses = []
    for _ in range(16):
        now = sim.clock.now
        send = estimator.next_send_time(now, guard=0.05)
        assert now + 0.05 <= send < now + 1.05
        read = send + 0.04
        reading = read + sim.true_phi(read)
        misses.append(abs(reading - round(reading)))
        sim.clock.sleep_until(send)
        estimator.add(sim.transport())
    assert sorted(misses)[len(misses) // 2] < 0.002
    assert max(misses) < 0.04
