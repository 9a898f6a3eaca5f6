"""The estimator's public surface: states, fields, validation and speed."""

from __future__ import annotations

import statistics
import time

import pytest

from tests.clock.simulator import Path, Server, Simulation
from wallet_gui.clock import OffsetEstimate, OffsetEstimator, Probe, Verdict


def test_fresh_estimator_state() -> None:
    estimator = OffsetEstimator()
    assert estimator.estimate() is None
    assert estimator.next_send_time(123.5) == 123.5
    assert not estimator.acquired
    assert not estimator.usable_for_signing
    assert estimator.server_now(1e9, 100.0) is None
    assert estimator.history() == ()
    assert estimator.accepted_probes() == ()
    assert estimator.maintenance_interval() == 20.0


@pytest.mark.parametrize(
    "kwargs",
    [{"window": 0.0}, {"max_probes": 2}, {"max_rate_ppm": 0.0}, {"history_length": 0}],
)
def test_invalid_settings_are_refused(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must be"):
        OffsetEstimator(**kwargs)  # type: ignore[arg-type]


def test_single_probe_gives_the_one_second_interval() -> None:
    estimator = OffsetEstimator()
    probe = Probe(sent=1000.0, received=1000.2, server_time=1_700_000_500, wall_offset=1.7e9)
    assert estimator.add(probe) is Verdict.ACCEPTED
    estimate = estimator.estimate()
    assert estimate is not None
    # N − b ≤ φ(b) and φ(a) ≤ N + 1 − a, so at b: φ(b) ≤ N + 1 − a + ρ_max·(b − a).
    # θ = φ − wall_offset.
    smear = 500e-6 * 0.2
    assert estimate.lower == pytest.approx(1_700_000_500 - 1000.2 - 1.7e9, abs=2e-6)
    assert estimate.upper == pytest.approx(1_700_000_501 - 1000.0 - 1.7e9 + smear, abs=2e-6)
    assert estimate.half_width == pytest.approx(0.6 + smear / 2, abs=2e-6)
    assert estimate.at == 1000.2
    assert estimate.samples == 1
    assert estimate.rtt_min == pytest.approx(0.2)
    assert estimate.rate_ppm is None
    assert estimate.typical_error is None
    assert estimate.wall_at == pytest.approx(1000.2 + 1.7e9)
    assert estimate.monotonic_offset == pytest.approx(estimate.offset + 1.7e9)


def test_estimate_fields_after_acquisition() -> None:
    sim = Simulation(Server(offset=-0.25), Path.symmetric(0.06, 0.004), seed=12)
    estimator = OffsetEstimator()
    sim.burst(estimator, 10)
    estimate = estimator.estimate()
    assert isinstance(estimate, OffsetEstimate)
    assert estimate.lower < estimate.offset < estimate.upper
    assert estimate.samples == 10
    assert estimate.falsetickers == 0
    assert estimate.typical_error is not None
    assert estimate.rtt_min == pytest.approx(min(p.rtt for p in estimator.accepted_probes()))
    with pytest.raises(AttributeError):
        estimate.offset = 0.0  # type: ignore[misc]


def test_cached_probe_still_updates_the_wall_mapping() -> None:
    # The Age header makes the server's answer useless, but wall − monotonic is a purely
    # local measurement and still the newest one.
    sim = Simulation(Server(offset=3.0), Path.symmetric(0.05, 0.003), seed=13)
    estimator = OffsetEstimator()
    sim.burst(estimator, 6)
    before = estimator.estimate()
    assert before is not None
    probe = sim.transport()
    cached = Probe(probe.sent, probe.received, probe.server_time, probe.wall_offset + 2.0, True)
    assert estimator.add(cached) is Verdict.REJECTED
    after = estimator.estimate(before.at)
    assert after is not None
    assert after.offset == pytest.approx(before.offset - 2.0, abs=1e-6)


def test_probes_may_arrive_out_of_order() -> None:
    sim = Simulation(Server(offset=77.7), Path.symmetric(0.1, 0.01), seed=14)
    probes = []
    for _ in range(8):
        probes.append(sim.transport())
        sim.clock.advance(1.3)
    estimator = OffsetEstimator()
    for probe in reversed(probes):
        assert estimator.add(probe) is Verdict.ACCEPTED
    assert estimator.accepted_probes() == tuple(probes)
    estimate = estimator.estimate()
    assert estimate is not None
    assert estimate.at == probes[-1].received
    assert sim.covered(estimate)


def test_add_and_estimate_are_fast_with_a_full_window() -> None:
    # Measured on a 2-core box: median ≈ 0.13 ms, p95 ≈ 0.32 ms with 256 probes (the p95
    # is a full recomputation when the oldest binding probe leaves); a conflict (the
    # Marzullo vote) costs ≈ 1.5 ms.
    sim = Simulation(Server(offset=3.3, rate_ppm=30.0), Path.symmetric(0.1, 0.01), seed=5)
    estimator = OffsetEstimator(window=1e9)
    for _ in range(300):
        sim.probe_once(estimator, sim.clock.now + 20.0)
    assert len(estimator.accepted_probes()) == 256
    timings = []
    for _ in range(200):
        sim.clock.sleep_until(estimator.next_send_time(sim.clock.now + 20.0))
        probe = sim.transport()
        start = time.perf_counter()
        estimator.add(probe)
        estimator.estimate()
        timings.append(time.perf_counter() - start)
    assert statistics.median(timings) < 0.001
