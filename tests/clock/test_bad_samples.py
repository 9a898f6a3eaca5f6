"""Answers that break the model: caches, stale replies, backends with different clocks."""

from __future__ import annotations

import random
import statistics

import pytest

from tests.clock.simulator import Path, Server, Simulation
from wallet_gui.clock import OffsetEstimator, Probe, Verdict

SPIKY = Path.symmetric(0.1, 0.01, spike_probability=0.2, spike_max=1.0)


def _run(sim: Simulation, estimator: OffsetEstimator, count: int, burst: int = 10):
    """A burst, then maintenance-paced probes; yields (verdict, record) per probe."""
    for index in range(count):
        due = sim.clock.now if index < burst else sim.clock.now + estimator.maintenance_interval()
        verdict = sim.probe_once(estimator, due)
        yield verdict, sim.records[-1]


def test_nonsense_probes_are_rejected() -> None:
    estimator = OffsetEstimator()
    assert estimator.add(Probe(10.0, 9.0, 1000, 5.0)) is Verdict.REJECTED
    assert estimator.add(Probe(float("nan"), 9.0, 1000, 5.0)) is Verdict.REJECTED
    assert estimator.add(Probe(1.0, float("inf"), 1000, 5.0)) is Verdict.REJECTED
    assert estimator.estimate() is None
    assert estimator.history() == ()


@pytest.mark.parametrize("seed", range(30))
def test_cached_answers_are_always_rejected(seed: int) -> None:
    server = Server(offset=random.Random(seed).uniform(-100, 100), cached_probability=0.3)
    sim = Simulation(server, SPIKY, seed=seed)
    estimator = OffsetEstimator()
    cached = 0
    for verdict, record in _run(sim, estimator, 40):
        if record.kind == "cached":
            cached += 1
            assert verdict is Verdict.REJECTED
        else:
            assert verdict is not Verdict.REJECTED
        estimate = estimator.estimate()
        assert estimate is not None
        assert sim.covered(estimate)
    assert cached > 0
    assert not any(p.cached for p in estimator.accepted_probes())


@pytest.mark.parametrize("seed", range(60))
def test_stale_answers_are_flagged_and_coverage_holds(seed: int) -> None:
    # A cache that replays answers 2–30 s old without an Age header: each such answer
    # claims the server is behind by whole seconds, so it contradicts the others.
    server = Server(
        offset=random.Random(seed).uniform(-1e3, 1e3),
        stale_probability=0.15,
        stale_age=(2.0, 30.0),
        cached_probability=0.1,
    )
    sim = Simulation(server, SPIKY, seed=seed)
    estimator = OffsetEstimator()
    stale_accepted_for = 0
    for index, (verdict, record) in enumerate(_run(sim, estimator, 60)):
        if record.kind == "stale" and index >= 3:
            assert verdict is Verdict.FALSETICKER
        accepted = {sim.record_of(p).kind for p in estimator.accepted_probes()}
        estimate = estimator.estimate()
        assert estimate is not None
        if "stale" in accepted:
            # only possible when a stale answer comes first: it rules until two fresh
            # answers outvote it
            stale_accepted_for += 1
            assert estimator.accepted_probes() == (sim.records[0].probe,)
            assert index < 10
        else:
            assert sim.covered(estimate), index
    assert stale_accepted_for <= 8


def test_two_backends_and_heavy_spikes() -> None:
    # Backend 1 (a quarter of the traffic) runs 0.3 s ahead; a fifth of the legs get up
    # to a second of extra delay. Probes aimed at one clock's tick often cannot tell the
    # clocks apart (the estimator's known limit), so what must hold is: whenever the
    # accepted probes all come from one backend, the interval contains that backend's
    # truth; minority answers are flagged far more often than majority ones; and the
    # estimate usually ends up on the majority clock.
    # Measured over these 40 runs: 148 single-backend states, all covered; flagged 29 of
    # 835 minority vs 24 of 2365 majority probes (3.4× as likely); final error against
    # the majority clock median 19 ms, worst 0.67 s; final interval contains the
    # majority clock in 26 of 40 runs.
    pure = covered_pure = 0
    sent = {0: 0, 1: 0}
    flagged = {0: 0, 1: 0}
    final_errors, final_covered = [], 0
    for seed in range(40):
        server = Server(
            offset=random.Random(seed).uniform(-1e3, 1e3),
            backends=(0.0, 0.3),
            backend_weights=(0.75, 0.25),
        )
        sim = Simulation(server, SPIKY, seed=seed)
        estimator = OffsetEstimator()
        for verdict, record in _run(sim, estimator, 80):
            sent[record.backend] += 1
            if verdict is Verdict.FALSETICKER:
                flagged[record.backend] += 1
            estimate = estimator.estimate()
            assert estimate is not None
            backends = {sim.record_of(p).backend for p in estimator.accepted_probes()}
            if len(backends) == 1:
                pure += 1
                covered_pure += sim.covered(estimate, backends.pop())
        estimate = estimator.estimate()
        assert estimate is not None
        final_errors.append(abs(sim.error(estimate, 0)))
        final_covered += sim.covered(estimate, 0)
    assert pure > 50
    assert covered_pure == pure
    assert flagged[1] / sent[1] > 2 * flagged[0] / sent[0]
    assert statistics.median(final_errors) < 0.05
    assert max(final_errors) < 1.0
    assert final_covered >= 20


def _misleading_first_answer(seed: int) -> tuple[bool, bool]:
    """The very first answer comes from a backend 0.6 s ahead, all later ones from the
    right clock. Returns (truth inside the final interval, first answer still accepted)."""
    bad_first = Server(offset=2.0, backends=(0.0, 0.6), backend_weights=(0.0, 1.0))
    sim = Simulation(bad_first, Path.symmetric(0.1, 0.01), seed=seed)
    estimator = OffsetEstimator()
    assert sim.probe_once(estimator) is Verdict.ACCEPTED
    first = sim.records[0].probe
    sim.server = Server(offset=2.0)
    sim.burst(estimator, 20)
    estimate = estimator.estimate()
    assert estimate is not None
    # If the bad answer contradicts the truth by more than a one-way delay, later probes
    # refute it; closer than that no probe can (the error is physically undetectable),
    # so the interval may then miss the truth by at most about an RTT.
    truth = sim.true_offset(estimate.at, estimate.wall_offset)
    assert estimate.lower - estimate.rtt_min <= truth <= estimate.upper + estimate.rtt_min
    return sim.covered(estimate), first in estimator.accepted_probes()


@pytest.mark.parametrize("seed", range(30))
def test_a_misleading_first_answer_is_outvoted_or_harmless(seed: int) -> None:
    _misleading_first_answer(seed)


def test_misleading_first_answers_are_mostly_outvoted() -> None:
    # Measured: 29 of 30 runs end with the truth inside the interval; 12 flag it.
    outcomes = [_misleading_first_answer(seed) for seed in range(30)]
    assert sum(covered for covered, _ in outcomes) >= 25
    assert any(not kept for _, kept in outcomes)  # some were flagged
